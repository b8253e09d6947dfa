/* seances-client-fees.h — a client's fees on their page: what they owe, what was settled
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "seances-context.h"

G_BEGIN_DECLS

#define SEANCES_TYPE_CLIENT_FEES (seances_client_fees_get_type ())
G_DECLARE_FINAL_TYPE (SeancesClientFees, seances_client_fees, SEANCES, CLIENT_FEES, AdwPreferencesGroup)

GtkWidget *seances_client_fees_new        (SeancesContext    *context);
void       seances_client_fees_set_client (SeancesClientFees *self,
                                           SeancesClient     *client);

G_END_DECLS
