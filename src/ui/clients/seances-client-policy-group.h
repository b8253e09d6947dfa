/* seances-client-policy-group.h — a client's acceptance of the cancellation policy
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "seances-context.h"

G_BEGIN_DECLS

#define SEANCES_TYPE_CLIENT_POLICY_GROUP (seances_client_policy_group_get_type ())
G_DECLARE_FINAL_TYPE (SeancesClientPolicyGroup, seances_client_policy_group, SEANCES, CLIENT_POLICY_GROUP, AdwPreferencesGroup)

GtkWidget     *seances_client_policy_group_new        (SeancesContext           *context);
SeancesClient *seances_client_policy_group_get_client (SeancesClientPolicyGroup *self);
void           seances_client_policy_group_set_client (SeancesClientPolicyGroup *self,
                                                       SeancesClient            *client);

G_END_DECLS
