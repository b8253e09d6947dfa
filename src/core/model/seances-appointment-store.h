/* seances-appointment-store.h — the sessions in the database: agenda queries and changes
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "seances-appointment.h"
#include "seances-clock.h"
#include "seances-database.h"

G_BEGIN_DECLS

#define SEANCES_APPOINTMENT_ERROR (seances_appointment_error_quark ())

/* Every error of this domain carries a French sentence for the user. */
typedef enum
{
  SEANCES_APPOINTMENT_ERROR_INVALID,
  SEANCES_APPOINTMENT_ERROR_CONFLICT,
  SEANCES_APPOINTMENT_ERROR_NOT_FOUND,
  SEANCES_APPOINTMENT_ERROR_NOT_SCHEDULED,
  SEANCES_APPOINTMENT_ERROR_STARTED,
} SeancesAppointmentError;

/* No session lasts longer: range queries rely on it to use the index on start_at. */
#define SEANCES_APPOINTMENT_MAX_MINUTES 480
#define SEANCES_APPOINTMENT_MIN_MINUTES 5

#define SEANCES_TYPE_APPOINTMENT_STORE (seances_appointment_store_get_type ())
G_DECLARE_FINAL_TYPE (SeancesAppointmentStore, seances_appointment_store, SEANCES, APPOINTMENT_STORE, GObject)

GQuark                   seances_appointment_error_quark          (void);

SeancesAppointmentStore *seances_appointment_store_new            (SeancesDatabase          *database,
                                                                   GTimeZone                *time_zone,
                                                                   int                       buffer_minutes);
SeancesDatabase         *seances_appointment_store_get_database   (SeancesAppointmentStore  *self);
GTimeZone               *seances_appointment_store_get_time_zone  (SeancesAppointmentStore  *self);
void                     seances_appointment_store_set_time_zone  (SeancesAppointmentStore  *self,
                                                                   GTimeZone                *time_zone);
int                      seances_appointment_store_get_buffer_minutes (SeancesAppointmentStore *self);
void                     seances_appointment_store_set_buffer_minutes (SeancesAppointmentStore *self,
                                                                   int                       buffer_minutes);

GPtrArray               *seances_appointment_store_list_range     (SeancesAppointmentStore  *self,
                                                                   gint64                    from,
                                                                   gint64                    to,
                                                                   GError                  **error);
GPtrArray               *seances_appointment_store_list_for_client (SeancesAppointmentStore *self,
                                                                   gint64                    client_id,
                                                                   GError                  **error);
GPtrArray               *seances_appointment_store_list_recent_for_client (SeancesAppointmentStore *self,
                                                                           gint64                   client_id,
                                                                           gint64                   now,
                                                                           guint                    max_earlier,
                                                                           guint                   *n_earlier,
                                                                           GError                 **error);
GPtrArray               *seances_appointment_store_find_conflicts (SeancesAppointmentStore  *self,
                                                                   gint64                    start,
                                                                   gint64                    end,
                                                                   int                       buffer_minutes,
                                                                   gint64                    exclude_id,
                                                                   GError                  **error);

gboolean                 seances_appointment_store_create         (SeancesAppointmentStore  *self,
                                                                   SeancesAppointment       *draft,
                                                                   gboolean                  allow_conflict,
                                                                   GError                  **error);
gboolean                 seances_appointment_store_create_series  (SeancesAppointmentStore  *self,
                                                                   SeancesAppointment       *draft,
                                                                   int                       interval_weeks,
                                                                   int                       count,
                                                                   const GDate              *until,
                                                                   gboolean                  allow_conflict,
                                                                   GPtrArray               **created,
                                                                   GError                  **error);
gboolean                 seances_appointment_store_move           (SeancesAppointmentStore  *self,
                                                                   SeancesAppointment       *appointment,
                                                                   gint64                    new_start,
                                                                   gint64                    new_end,
                                                                   gboolean                  allow_conflict,
                                                                   SeancesAppointment      **moved,
                                                                   GError                  **error);

void seances_appointment_store_set_clock (SeancesAppointmentStore *self,
                                          SeancesClock *clock);

void                     seances_appointment_store_set_policy_version (SeancesAppointmentStore *self,
                                                                       gint64                   version_id);
SeancesAppointment      *seances_appointment_store_lookup         (SeancesAppointmentStore  *self,
                                                                   gint64                    id,
                                                                   GError                  **error);
GPtrArray               *seances_appointment_store_list_to_review (SeancesAppointmentStore  *self,
                                                                   gint64                    now,
                                                                   GError                  **error);
gboolean                 seances_appointment_store_count_to_review (SeancesAppointmentStore *self,
                                                                   gint64                    now,
                                                                   guint                    *n_sessions,
                                                                   GError                  **error);
gboolean                 seances_appointment_store_has_scheduled_after (SeancesAppointmentStore *self,
                                                                       gint64                   client_id,
                                                                       gint64                   after,
                                                                       gboolean                *has,
                                                                       GError                 **error);

G_END_DECLS
