/* seances-appointment-editor.h — booking a session, or a series, or moving one
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "seances-context.h"

G_BEGIN_DECLS

#define SEANCES_TYPE_APPOINTMENT_EDITOR (seances_appointment_editor_get_type ())
G_DECLARE_FINAL_TYPE (SeancesAppointmentEditor, seances_appointment_editor, SEANCES, APPOINTMENT_EDITOR, AdwWindow)

SeancesAppointmentEditor *seances_appointment_editor_new_booking (SeancesContext           *context);
SeancesAppointmentEditor *seances_appointment_editor_new_move    (SeancesContext           *context,
                                                                  SeancesAppointment       *appointment);
void                      seances_appointment_editor_set_client  (SeancesAppointmentEditor *self,
                                                                  SeancesClient            *client);
void                      seances_appointment_editor_set_start   (SeancesAppointmentEditor *self,
                                                                  int                       year,
                                                                  int                       month,
                                                                  int                       day,
                                                                  int                       hour,
                                                                  int                       minute);

void                      seances_calendar_watch_picks            (GtkCalendar              *calendar,
                                                                  GCallback                 picked,
                                                                  gpointer                  owner);

G_END_DECLS
