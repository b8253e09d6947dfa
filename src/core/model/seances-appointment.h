/* seances-appointment.h — one session: who, when, where, for how much, and what became of it
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Places */
#define SEANCES_PLACE_OFFICE "office"
#define SEANCES_PLACE_VIDEO  "video"

/* Statuses, spelled as in the database and the JSON export */
#define SEANCES_STATUS_SCHEDULED         "scheduled"
#define SEANCES_STATUS_HONOURED          "honoured"
#define SEANCES_STATUS_CANCELLED_IN_TIME "cancelled_in_time"
#define SEANCES_STATUS_CANCELLED_LATE    "cancelled_late"
#define SEANCES_STATUS_NO_SHOW           "no_show"
#define SEANCES_STATUS_RESCHEDULED       "rescheduled"

#define SEANCES_TYPE_APPOINTMENT (seances_appointment_get_type ())
G_DECLARE_FINAL_TYPE (SeancesAppointment, seances_appointment, SEANCES, APPOINTMENT, GObject)

gboolean            seances_appointment_place_is_valid  (const char         *place);
gboolean            seances_appointment_status_is_valid (const char         *status);

SeancesAppointment *seances_appointment_new             (gint64              client_id,
                                                         gint64              start,
                                                         gint64              end,
                                                         const char         *place,
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
const char         *seances_appointment_get_place       (SeancesAppointment *self);
void                seances_appointment_set_place       (SeancesAppointment *self,
                                                         const char         *place);
gint64              seances_appointment_get_fee_cents   (SeancesAppointment *self);
void                seances_appointment_set_fee_cents   (SeancesAppointment *self,
                                                         gint64              fee_cents);
const char         *seances_appointment_get_status      (SeancesAppointment *self);
void                seances_appointment_set_status      (SeancesAppointment *self,
                                                         const char         *status);
gint64              seances_appointment_get_status_at   (SeancesAppointment *self);
void                seances_appointment_set_status_at   (SeancesAppointment *self,
                                                         gint64              status_at);
gint64              seances_appointment_get_cancelled_at (SeancesAppointment *self);
void                seances_appointment_set_cancelled_at (SeancesAppointment *self,
                                                         gint64              cancelled_at);
gint64              seances_appointment_get_rescheduled_to (SeancesAppointment *self);
void                seances_appointment_set_rescheduled_to (SeancesAppointment *self,
                                                         gint64              rescheduled_to);

G_END_DECLS
