/* seances-context.h — the services handed to every view: database and practice
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "seances-appointment-store.h"
#include "seances-clock.h"
#include "seances-charge-store.h"
#include "seances-client-store.h"
#include "seances-decisions.h"
#include "seances-database.h"
#include "seances-policy-store.h"
#include "seances-practice.h"

G_BEGIN_DECLS

/* app_state row: the recovery key was confirmed as written down (« 1 »). */
#define SEANCES_STATE_RECOVERY_KEY_CONFIRMED "recovery-key-confirmed"

#define SEANCES_TYPE_CONTEXT (seances_context_get_type ())
G_DECLARE_FINAL_TYPE (SeancesContext, seances_context, SEANCES, CONTEXT, GObject)

SeancesContext          *seances_context_new                        (SeancesDatabase  *database,
                                                                     GError          **error);
SeancesDatabase         *seances_context_get_database               (SeancesContext   *self);
SeancesClientStore      *seances_context_get_clients                (SeancesContext   *self);
SeancesAppointmentStore *seances_context_get_appointments           (SeancesContext   *self);
SeancesPolicyStore      *seances_context_get_policies               (SeancesContext   *self);
SeancesChargeStore      *seances_context_get_charges                (SeancesContext   *self);
SeancesDecisions        *seances_context_get_decisions              (SeancesContext   *self);
GTimeZone               *seances_context_get_time_zone              (SeancesContext   *self);
SeancesClock            *seances_context_get_clock                  (SeancesContext   *self);
gint64                   seances_context_get_now                    (SeancesContext   *self);
void                     seances_context_set_now                    (SeancesContext   *self,
                                                                     gint64            now);
SeancesPractice         *seances_context_get_practice               (SeancesContext   *self);
gboolean                 seances_context_has_practice               (SeancesContext   *self);
gboolean                 seances_context_save_practice              (SeancesContext   *self,
                                                                     SeancesPractice  *practice,
                                                                     GError          **error);
gboolean                 seances_context_get_recovery_key_confirmed (SeancesContext   *self);
gboolean                 seances_context_confirm_recovery_key       (SeancesContext   *self,
                                                                     GError          **error);

G_END_DECLS
