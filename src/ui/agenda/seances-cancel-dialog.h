/* seances-cancel-dialog.h — cancelling a session: who, when they let the practice know, and the verdict
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "seances-context.h"

G_BEGIN_DECLS

#define SEANCES_TYPE_CANCEL_DIALOG (seances_cancel_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SeancesCancelDialog, seances_cancel_dialog, SEANCES, CANCEL_DIALOG, AdwMessageDialog)

SeancesCancelDialog *seances_cancel_dialog_new             (SeancesContext        *context,
                                                            SeancesAppointment    *appointment);
SeancesAppointment  *seances_cancel_dialog_get_appointment (SeancesCancelDialog   *self);
gint64               seances_cancel_dialog_get_notified_at (SeancesCancelDialog   *self);
void                 seances_cancel_dialog_get_decision    (SeancesCancelDialog   *self,
                                                            SeancesPolicyDecision *decision);

G_END_DECLS
