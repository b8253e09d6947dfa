/* seances-model-enums.h — what a session, a client and the practice can be, as enums
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The model and the views know these values only as enums; their spelling exists only at
 * the edge, where rows are read and written (the strings of the database, which the JSON
 * export repeats): one table per enum in seances-model-enums.c. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What became of a session. */
typedef enum
{
  SEANCES_APPOINTMENT_STATUS_SCHEDULED,
  SEANCES_APPOINTMENT_STATUS_HONOURED,
  SEANCES_APPOINTMENT_STATUS_CANCELLED_IN_TIME,
  SEANCES_APPOINTMENT_STATUS_CANCELLED_LATE,
  SEANCES_APPOINTMENT_STATUS_NO_SHOW,
  SEANCES_APPOINTMENT_STATUS_RESCHEDULED,
} SeancesAppointmentStatus;

/* Who cancelled a session: nobody for one that was not cancelled. A cancellation by the
 * practice is never billed. */
typedef enum
{
  SEANCES_CANCELLED_BY_NONE,
  SEANCES_CANCELLED_BY_CLIENT,
  SEANCES_CANCELLED_BY_PRACTICE,
} SeancesCancelledBy;

/* What a charge is for: one per decided session that costs something, or could have. */
typedef enum
{
  SEANCES_CHARGE_KIND_SESSION,
  SEANCES_CHARGE_KIND_LATE_CANCELLATION,
  SEANCES_CHARGE_KIND_ABSENCE,
} SeancesChargeKind;

/* How a charge was paid: not yet, or the means. */
typedef enum
{
  SEANCES_PAYMENT_NONE,
  SEANCES_PAYMENT_CASH,
  SEANCES_PAYMENT_CHEQUE,
  SEANCES_PAYMENT_TRANSFER,
  SEANCES_PAYMENT_CARD,
} SeancesPaymentMeans;

/* Where a session takes place. */
typedef enum
{
  SEANCES_PLACE_OFFICE,
  SEANCES_PLACE_VIDEO,
} SeancesPlace;

/* How a client's reminders go. */
typedef enum
{
  SEANCES_CHANNEL_EMAIL,
  SEANCES_CHANNEL_SMS,
  SEANCES_CHANNEL_BOTH,
} SeancesChannel;

/* What the practice calls the people it sees. */
typedef enum
{
  SEANCES_VOCABULARY_PATIENT,
  SEANCES_VOCABULARY_CLIENT,
} SeancesVocabulary;

/* The practice's field. */
typedef enum
{
  SEANCES_FIELD_MENTAL_HEALTH,
  SEANCES_FIELD_PHYSIOTHERAPY,
  SEANCES_FIELD_NUTRITION,
  SEANCES_FIELD_DENTAL,
  SEANCES_FIELD_COACHING,
  SEANCES_FIELD_OTHER,
} SeancesField;

/* The spelling in the database; each _from_string is FALSE (and *value untouched) for a
 * string that is none of them. The NONE values are spelled NULL (an empty column). */
const char *seances_appointment_status_to_string   (SeancesAppointmentStatus  status);
gboolean    seances_appointment_status_from_string (const char               *text,
                                                    SeancesAppointmentStatus *status);
const char *seances_cancelled_by_to_string         (SeancesCancelledBy        cancelled_by);
gboolean    seances_cancelled_by_from_string       (const char               *text,
                                                    SeancesCancelledBy       *cancelled_by);
const char *seances_charge_kind_to_string          (SeancesChargeKind         kind);
gboolean    seances_charge_kind_from_string        (const char               *text,
                                                    SeancesChargeKind        *kind);
const char *seances_payment_means_to_string        (SeancesPaymentMeans       means);
gboolean    seances_payment_means_from_string      (const char               *text,
                                                    SeancesPaymentMeans      *means);
const char *seances_place_to_string                (SeancesPlace              place);
gboolean    seances_place_from_string              (const char               *text,
                                                    SeancesPlace             *place);
const char *seances_channel_to_string              (SeancesChannel            channel);
gboolean    seances_channel_from_string            (const char               *text,
                                                    SeancesChannel           *channel);
const char *seances_vocabulary_to_string           (SeancesVocabulary         vocabulary);
gboolean    seances_vocabulary_from_string         (const char               *text,
                                                    SeancesVocabulary        *vocabulary);
const char *seances_field_to_string                (SeancesField              field);
gboolean    seances_field_from_string              (const char               *text,
                                                    SeancesField             *field);

G_END_DECLS
