/* seances-client-store.h — every client in memory, as a sorted list model
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "seances-client.h"
#include "seances-clock.h"
#include "seances-database.h"

G_BEGIN_DECLS

#define SEANCES_TYPE_CLIENT_STORE (seances_client_store_get_type ())
G_DECLARE_FINAL_TYPE (SeancesClientStore, seances_client_store, SEANCES, CLIENT_STORE, GObject)

SeancesClientStore *seances_client_store_new         (SeancesDatabase     *database,
                                                      GError             **error);
gboolean            seances_client_store_add         (SeancesClientStore  *self,
                                                      SeancesClient       *client,
                                                      GError             **error);
gboolean            seances_client_store_update      (SeancesClientStore  *self,
                                                      SeancesClient       *client,
                                                      GError             **error);
gboolean            seances_client_store_set_active  (SeancesClientStore  *self,
                                                      SeancesClient       *client,
                                                      gboolean             active,
                                                      GError             **error);
SeancesClient      *seances_client_store_lookup      (SeancesClientStore  *self,
                                                      gint64               id);
guint               seances_client_store_get_n_total (SeancesClientStore  *self);

GPtrArray          *seances_client_store_search      (SeancesClientStore  *self,
                                                      const char          *text,
                                                      guint                limit);

void                seances_client_store_set_clock   (SeancesClientStore  *self,
                                                      SeancesClock        *clock);

G_END_DECLS
