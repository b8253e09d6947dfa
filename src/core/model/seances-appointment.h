/* seances-appointment.h — one session: who, when, where, for how much, and what became of it
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "seances-model-enums.h"
#include "seances-model-enum-types.h"

G_BEGIN_DECLS

#define SEANCES_TYPE_APPOINTMENT (seances_appointment_get_type ())
G_DECLARE_FINAL_TYPE (SeancesAppointment, seances_appointment, SEANCES, APPOINTMENT, GObject)

SeancesAppointment *seances_appointment_new             (gint64              client_id,
                                                         gint64              start,
                                                         gint64              end,
                                                         SeancesPlace        place,
                                                         gint64              fee_cents);
SeancesAppointment *seances_appointment_copy            (SeancesAppointment *self);

gint64              seances_appointment_get_id          (SeancesAppointment *self);
void                seances_appointment_set_id          (SeancesAppointment *self,
                                                         gint64              id);
gint64              seances_appointment_get_client_id   (SeancesAppointment *self);
void                seances_appointment_set_client_id   (SeancesAppointment *self,
                                                         gint64              client_id);
gint64              seances_appointment_get_series_id   (SeancesAppointment *self);
void                seances_appointment_set_series_id   (SeancesAppointment *self,
                                                         gint64              series_id);
gint64              seances_appointment_get_start       (SeancesAppointment *self);
void                seances_appointment_set_start       (SeancesAppointment *self,
                                                         gint64              start);
gint64              seances_appointment_get_end         (SeancesAppointment *self);
void                seances_appointment_set_end         (SeancesAppointment *self,
                                                         gint64              end);
SeancesPlace        seances_appointment_get_place       (SeancesAppointment *self);
void                seances_appointment_set_place       (SeancesAppointment *self,
                                                         SeancesPlace        place);
gint64              seances_appointment_get_fee_cents   (SeancesAppointment *self);
void                seances_appointment_set_fee_cents   (SeancesAppointment *self,
                                                         gint64              fee_cents);
SeancesAppointmentStatus seances_appointment_get_status (SeancesAppointment *self);
void                seances_appointment_set_status      (SeancesAppointment *self,
                                                         SeancesAppointmentStatus status);
gint64              seances_appointment_get_status_at   (SeancesAppointment *self);
void                seances_appointment_set_status_at   (SeancesAppointment *self,
                                                         gint64              status_at);
gint64              seances_appointment_get_cancelled_at (SeancesAppointment *self);
void                seances_appointment_set_cancelled_at (SeancesAppointment *self,
                                                         gint64              cancelled_at);
gint64              seances_appointment_get_rescheduled_to (SeancesAppointment *self);
void                seances_appointment_set_rescheduled_to (SeancesAppointment *self,
                                                         gint64              rescheduled_to);
gint64              seances_appointment_get_policy_version_id (SeancesAppointment *self);
void                seances_appointment_set_policy_version_id (SeancesAppointment *self,
                                                         gint64              version_id);
SeancesCancelledBy  seances_appointment_get_cancelled_by (SeancesAppointment *self);
void                seances_appointment_set_cancelled_by (SeancesAppointment *self,
                                                         SeancesCancelledBy  cancelled_by);

/* The rules of what a session is and allows, at the instant @now (UTC seconds). */
gboolean            seances_appointment_is_upcoming     (SeancesAppointment *self,
                                                         gint64              now);
gboolean            seances_appointment_is_history      (SeancesAppointment *self,
                                                         gint64              now);
gboolean            seances_appointment_is_over         (SeancesAppointment *self,
                                                         gint64              now);
gboolean            seances_appointment_can_move        (SeancesAppointment *self,
                                                         gint64              now);
gboolean            seances_appointment_can_cancel      (SeancesAppointment *self,
                                                         gint64              now);
gboolean            seances_appointment_takes_slot      (SeancesAppointment *self);
gboolean            seances_appointment_is_in_agenda    (SeancesAppointment *self);

G_END_DECLS
