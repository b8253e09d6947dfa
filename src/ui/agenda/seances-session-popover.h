/* seances-session-popover.h — what a session is, and what can be done with it
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "seances-context.h"

G_BEGIN_DECLS

#define SEANCES_TYPE_SESSION_POPOVER (seances_session_popover_get_type ())
G_DECLARE_FINAL_TYPE (SeancesSessionPopover, seances_session_popover, SEANCES, SESSION_POPOVER, GtkPopover)

GtkWidget          *seances_session_popover_new             (SeancesContext        *context);
SeancesAppointment *seances_session_popover_get_appointment (SeancesSessionPopover *self);
void                seances_session_popover_set_appointment (SeancesSessionPopover *self,
                                                             SeancesAppointment    *appointment);

G_END_DECLS
