/* seances-verdict-dialog.h — what a late cancellation or an absence costs, before it is recorded
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "seances-context.h"

G_BEGIN_DECLS

#define SEANCES_TYPE_VERDICT_DIALOG (seances_verdict_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SeancesVerdictDialog, seances_verdict_dialog, SEANCES, VERDICT_DIALOG, AdwMessageDialog)

SeancesVerdictDialog *seances_verdict_dialog_new             (SeancesContext        *context,
                                                              SeancesAppointment    *appointment);
gboolean              seances_verdict_dialog_propose         (SeancesVerdictDialog  *self,
                                                              SeancesPolicyOutcome   outcome,
                                                              gboolean               force_majeure,
                                                              gint64                 notified_at,
                                                              GError               **error);
SeancesAppointment   *seances_verdict_dialog_get_appointment (SeancesVerdictDialog  *self);
gint64                seances_verdict_dialog_get_notified_at (SeancesVerdictDialog  *self);
void                  seances_verdict_dialog_get_decision    (SeancesVerdictDialog  *self,
                                                              SeancesPolicyDecision *decision);

G_END_DECLS
