/* seances-decisions.h — closing a session: what the policy proposes, committed, undone
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "seances-appointment-store.h"
#include "seances-charge-store.h"
#include "seances-policy-store.h"

G_BEGIN_DECLS

#define SEANCES_DECISION_ERROR (seances_decision_error_quark ())

/* Every error of this domain carries a French sentence for the user. */
typedef enum
{
  SEANCES_DECISION_ERROR_INVALID,
  SEANCES_DECISION_ERROR_RESCHEDULED,
  SEANCES_DECISION_ERROR_NOT_STARTED,
  SEANCES_DECISION_ERROR_PAID,
  SEANCES_DECISION_ERROR_CHANGED,
} SeancesDecisionError;

/* What seances_decisions_undo() needs to put one decision back. */
typedef struct _SeancesDecisionUndo SeancesDecisionUndo;

#define SEANCES_TYPE_DECISION_UNDO (seances_decision_undo_get_type ())
GType                seances_decision_undo_get_type  (void) G_GNUC_CONST;
SeancesDecisionUndo *seances_decision_undo_ref       (SeancesDecisionUndo *undo);
void                 seances_decision_undo_unref     (SeancesDecisionUndo *undo);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SeancesDecisionUndo, seances_decision_undo_unref)

#define SEANCES_TYPE_DECISIONS (seances_decisions_get_type ())
G_DECLARE_FINAL_TYPE (SeancesDecisions, seances_decisions, SEANCES, DECISIONS, GObject)

GQuark               seances_decision_error_quark    (void);

SeancesDecisions    *seances_decisions_new           (SeancesAppointmentStore      *appointments,
                                                      SeancesChargeStore           *charges,
                                                      SeancesPolicyStore           *policy,
                                                      SeancesClock                 *clock);
gboolean             seances_decisions_propose       (SeancesDecisions             *self,
                                                      SeancesAppointment           *appointment,
                                                      SeancesPolicyOutcome          outcome,
                                                      gboolean                      force_majeure,
                                                      gint64                        notified_at,
                                                      SeancesPolicyDecision        *decision,
                                                      GError                      **error);
SeancesDecisionUndo *seances_decisions_commit        (SeancesDecisions             *self,
                                                      SeancesAppointment           *appointment,
                                                      const SeancesPolicyDecision  *decision,
                                                      gint64                        notified_at,
                                                      GError                      **error);
gboolean             seances_decisions_undo          (SeancesDecisions             *self,
                                                      SeancesDecisionUndo          *undo,
                                                      GError                      **error);
gboolean             seances_decisions_needs_confirmation (SeancesDecisions        *self,
                                                      gint64                        client_id,
                                                      GError                      **error);

G_END_DECLS
