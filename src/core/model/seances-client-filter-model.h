/* seances-client-filter-model.h — one view's clients: the store, filtered and searched
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "seances-client-store.h"

G_BEGIN_DECLS

/* Which clients a view lists. */
typedef enum
{
  SEANCES_CLIENT_FILTER_ACTIVE,
  SEANCES_CLIENT_FILTER_INACTIVE,
  SEANCES_CLIENT_FILTER_ALL,
} SeancesClientFilter;

#define SEANCES_TYPE_CLIENT_FILTER_MODEL (seances_client_filter_model_get_type ())
G_DECLARE_FINAL_TYPE (SeancesClientFilterModel, seances_client_filter_model, SEANCES, CLIENT_FILTER_MODEL, GObject)

SeancesClientFilterModel *seances_client_filter_model_new        (SeancesClientStore       *store);
SeancesClientStore       *seances_client_filter_model_get_store  (SeancesClientFilterModel *self);
SeancesClientFilter       seances_client_filter_model_get_filter (SeancesClientFilterModel *self);
void                      seances_client_filter_model_set_filter (SeancesClientFilterModel *self,
                                                                  SeancesClientFilter       filter);
const char               *seances_client_filter_model_get_search (SeancesClientFilterModel *self);
void                      seances_client_filter_model_set_search (SeancesClientFilterModel *self,
                                                                  const char               *search);

G_END_DECLS
