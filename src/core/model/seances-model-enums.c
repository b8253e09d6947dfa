/* seances-model-enums.c — the database's spelling of each enum, one table each
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each table is indexed by the enum's value; the static assertions keep a new value from
 * being added without its string. */
#include "config.h"

#include "seances-model-enums.h"

static const char * const statuses[] = {
  [SEANCES_APPOINTMENT_STATUS_SCHEDULED] = "scheduled",
  [SEANCES_APPOINTMENT_STATUS_HONOURED] = "honoured",
  [SEANCES_APPOINTMENT_STATUS_CANCELLED_IN_TIME] = "cancelled_in_time",
  [SEANCES_APPOINTMENT_STATUS_CANCELLED_LATE] = "cancelled_late",
  [SEANCES_APPOINTMENT_STATUS_NO_SHOW] = "no_show",
  [SEANCES_APPOINTMENT_STATUS_RESCHEDULED] = "rescheduled",
};
G_STATIC_ASSERT (G_N_ELEMENTS (statuses) == SEANCES_APPOINTMENT_STATUS_RESCHEDULED + 1);

/* NONE is an empty column: from_string (NULL) gives it back. */
static const char * const cancellers[] = {
  [SEANCES_CANCELLED_BY_NONE] = NULL,
  [SEANCES_CANCELLED_BY_CLIENT] = "client",
  [SEANCES_CANCELLED_BY_PRACTICE] = "practice",
};
G_STATIC_ASSERT (G_N_ELEMENTS (cancellers) == SEANCES_CANCELLED_BY_PRACTICE + 1);

static const char * const charge_kinds[] = {
  [SEANCES_CHARGE_KIND_SESSION] = "session",
  [SEANCES_CHARGE_KIND_LATE_CANCELLATION] = "late_cancellation",
  [SEANCES_CHARGE_KIND_ABSENCE] = "absence",
};
G_STATIC_ASSERT (G_N_ELEMENTS (charge_kinds) == SEANCES_CHARGE_KIND_ABSENCE + 1);

static const char * const payment_means[] = {
  [SEANCES_PAYMENT_NONE] = NULL,
  [SEANCES_PAYMENT_CASH] = "cash",
  [SEANCES_PAYMENT_CHEQUE] = "cheque",
  [SEANCES_PAYMENT_TRANSFER] = "transfer",
  [SEANCES_PAYMENT_CARD] = "card",
};
G_STATIC_ASSERT (G_N_ELEMENTS (payment_means) == SEANCES_PAYMENT_CARD + 1);

static const char * const places[] = {
  [SEANCES_PLACE_OFFICE] = "office",
  [SEANCES_PLACE_VIDEO] = "video",
};
G_STATIC_ASSERT (G_N_ELEMENTS (places) == SEANCES_PLACE_VIDEO + 1);

static const char * const channels[] = {
  [SEANCES_CHANNEL_EMAIL] = "email",
  [SEANCES_CHANNEL_SMS] = "sms",
  [SEANCES_CHANNEL_BOTH] = "both",
};
G_STATIC_ASSERT (G_N_ELEMENTS (channels) == SEANCES_CHANNEL_BOTH + 1);

static const char * const vocabularies[] = {
  [SEANCES_VOCABULARY_PATIENT] = "patient",
  [SEANCES_VOCABULARY_CLIENT] = "client",
};
G_STATIC_ASSERT (G_N_ELEMENTS (vocabularies) == SEANCES_VOCABULARY_CLIENT + 1);

static const char * const fields[] = {
  [SEANCES_FIELD_MENTAL_HEALTH] = "mental_health",
  [SEANCES_FIELD_PHYSIOTHERAPY] = "physiotherapy",
  [SEANCES_FIELD_NUTRITION] = "nutrition",
  [SEANCES_FIELD_DENTAL] = "dental",
  [SEANCES_FIELD_COACHING] = "coaching",
  [SEANCES_FIELD_OTHER] = "other",
};
G_STATIC_ASSERT (G_N_ELEMENTS (fields) == SEANCES_FIELD_OTHER + 1);

static const char *
to_string (const char * const *names,
           guint               n_names,
           guint               value)
{
  g_return_val_if_fail (value < n_names, NULL);
  return names[value];
}

static gboolean
from_string (const char * const *names,
             guint               n_names,
             const char         *text,
             guint              *value)
{
  for (guint i = 0; i < n_names; i++)
    if (g_strcmp0 (names[i], text) == 0)
      {
        *value = i;
        return TRUE;
      }
  return FALSE;
}

#define EDGE(Type, prefix, table)                                                    \
  const char *                                                                       \
  prefix##_to_string (Type value)                                                    \
  {                                                                                  \
    return to_string (table, G_N_ELEMENTS (table), value);                           \
  }                                                                                  \
                                                                                     \
  gboolean                                                                           \
  prefix##_from_string (const char *text,                                            \
                        Type       *value)                                           \
  {                                                                                  \
    guint found;                                                                     \
                                                                                     \
    g_return_val_if_fail (value != NULL, FALSE);                                     \
    if (!from_string (table, G_N_ELEMENTS (table), text, &found))                    \
      return FALSE;                                                                  \
    *value = (Type) found;                                                           \
    return TRUE;                                                                     \
  }

EDGE (SeancesAppointmentStatus, seances_appointment_status, statuses)
EDGE (SeancesCancelledBy, seances_cancelled_by, cancellers)
EDGE (SeancesChargeKind, seances_charge_kind, charge_kinds)
EDGE (SeancesPaymentMeans, seances_payment_means, payment_means)
EDGE (SeancesPlace, seances_place, places)
EDGE (SeancesChannel, seances_channel, channels)
EDGE (SeancesVocabulary, seances_vocabulary, vocabularies)
EDGE (SeancesField, seances_field, fields)
