/* seances-client-list.h — the clients as a scrolling list that builds only the rows in view
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "seances-client-filter-model.h"
#include "seances-context.h"

G_BEGIN_DECLS

#define SEANCES_TYPE_CLIENT_LIST (seances_client_list_get_type ())
G_DECLARE_FINAL_TYPE (SeancesClientList, seances_client_list, SEANCES, CLIENT_LIST, GtkWidget)

GtkWidget                *seances_client_list_new       (SeancesContext    *context);
SeancesClientFilterModel *seances_client_list_get_model (SeancesClientList *self);

G_END_DECLS
