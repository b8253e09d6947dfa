/* seances-client-page.h — one client's record: contact, follow-up and sessions
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "seances-context.h"

G_BEGIN_DECLS

#define SEANCES_TYPE_CLIENT_PAGE (seances_client_page_get_type ())
G_DECLARE_FINAL_TYPE (SeancesClientPage, seances_client_page, SEANCES, CLIENT_PAGE, AdwBin)

GtkWidget      *seances_client_page_new         (SeancesContext    *context);
SeancesContext *seances_client_page_get_context (SeancesClientPage *self);
SeancesClient  *seances_client_page_get_client  (SeancesClientPage *self);
void            seances_client_page_set_client  (SeancesClientPage *self,
                                                 SeancesClient     *client);
void            seances_client_page_focus       (SeancesClientPage *self);

G_END_DECLS
