/* seances-clients-view.h — the clients: a searchable list beside the open record
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "seances-context.h"

G_BEGIN_DECLS

#define SEANCES_TYPE_CLIENTS_VIEW (seances_clients_view_get_type ())
G_DECLARE_FINAL_TYPE (SeancesClientsView, seances_clients_view, SEANCES, CLIENTS_VIEW, AdwBin)

GtkWidget      *seances_clients_view_new          (SeancesContext     *context);
SeancesContext *seances_clients_view_get_context  (SeancesClientsView *self);
void            seances_clients_view_open_client  (SeancesClientsView *self,
                                                   SeancesClient      *client);
void            seances_clients_view_focus_search (SeancesClientsView *self);
void            seances_clients_view_new_client   (SeancesClientsView *self);

G_END_DECLS
