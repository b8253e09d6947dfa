/* test-appointment.c — the rules of one session: upcoming or history, what it allows, and
 * the spelling of the model's enums at the database's edge
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "seances-appointment.h"
#include "seances-client.h"

#define NOW ((gint64) 1795000000)
#define HOUR ((gint64) 3600)

/* Where the session stands against NOW. */
typedef enum { BEFORE, AT_NOW, UNDER_WAY, AFTER } When;

typedef struct
{
  const char              *name;
  SeancesAppointmentStatus status;
  When                     when;
  gboolean                 upcoming;
  gboolean                 over;
  gboolean                 open;        /* can be moved and cancelled */
  gboolean                 takes_slot;
  gboolean                 in_agenda;
} RuleCase;

static const RuleCase rule_cases[] = {
  /* Still booked: upcoming from its start on, open only until it begins. */
  { "scheduled-after", SEANCES_APPOINTMENT_STATUS_SCHEDULED, AFTER, TRUE, FALSE, TRUE, TRUE, TRUE },
  { "scheduled-at-now", SEANCES_APPOINTMENT_STATUS_SCHEDULED, AT_NOW, TRUE, FALSE, FALSE, TRUE, TRUE },
  { "scheduled-under-way", SEANCES_APPOINTMENT_STATUS_SCHEDULED, UNDER_WAY, FALSE, FALSE, FALSE, TRUE, TRUE },
  { "scheduled-before", SEANCES_APPOINTMENT_STATUS_SCHEDULED, BEFORE, FALSE, TRUE, FALSE, TRUE, TRUE },
  { "honoured-before", SEANCES_APPOINTMENT_STATUS_HONOURED, BEFORE, FALSE, TRUE, FALSE, TRUE, TRUE },
  { "honoured-after", SEANCES_APPOINTMENT_STATUS_HONOURED, AFTER, FALSE, FALSE, FALSE, TRUE, TRUE },
  /* A future slot moved or cancelled is history already. */
  { "cancelled-in-time-after", SEANCES_APPOINTMENT_STATUS_CANCELLED_IN_TIME, AFTER, FALSE, FALSE, FALSE, FALSE, FALSE },
  { "cancelled-in-time-before", SEANCES_APPOINTMENT_STATUS_CANCELLED_IN_TIME, BEFORE, FALSE, TRUE, FALSE, FALSE, FALSE },
  { "cancelled-late-after", SEANCES_APPOINTMENT_STATUS_CANCELLED_LATE, AFTER, FALSE, FALSE, FALSE, FALSE, TRUE },
  { "cancelled-late-before", SEANCES_APPOINTMENT_STATUS_CANCELLED_LATE, BEFORE, FALSE, TRUE, FALSE, FALSE, TRUE },
  { "no-show-before", SEANCES_APPOINTMENT_STATUS_NO_SHOW, BEFORE, FALSE, TRUE, FALSE, FALSE, TRUE },
  { "rescheduled-after", SEANCES_APPOINTMENT_STATUS_RESCHEDULED, AFTER, FALSE, FALSE, FALSE, FALSE, FALSE },
  { "rescheduled-before", SEANCES_APPOINTMENT_STATUS_RESCHEDULED, BEFORE, FALSE, TRUE, FALSE, FALSE, FALSE },
};

static void
test_rules (gconstpointer data)
{
  const RuleCase *c = data;
  gint64 start = c->when == BEFORE ? NOW - 2 * HOUR
               : c->when == AT_NOW ? NOW
               : c->when == UNDER_WAY ? NOW - HOUR / 2
               : NOW + 24 * HOUR;
  g_autoptr(SeancesAppointment) session = seances_appointment_new (1, start, start + HOUR,
                                                                   SEANCES_PLACE_OFFICE, 6000);

  seances_appointment_set_status (session, c->status);
  g_assert_cmpint (seances_appointment_is_upcoming (session, NOW), ==, c->upcoming);
  g_assert_cmpint (seances_appointment_is_history (session, NOW), ==, !c->upcoming);
  g_assert_cmpint (seances_appointment_is_over (session, NOW), ==, c->over);
  g_assert_cmpint (seances_appointment_can_move (session, NOW), ==, c->open);
  g_assert_cmpint (seances_appointment_can_cancel (session, NOW), ==, c->open);
  g_assert_cmpint (seances_appointment_takes_slot (session), ==, c->takes_slot);
  g_assert_cmpint (seances_appointment_is_in_agenda (session), ==, c->in_agenda);
}

/* The spellings are the database's and the export's: they must never change. */
typedef struct
{
  const char *text;
  GType     (*get_type) (void);
  int         value;
} SpellingCase;

static const SpellingCase spelling_cases[] = {
  { "scheduled", seances_appointment_status_get_type, SEANCES_APPOINTMENT_STATUS_SCHEDULED },
  { "honoured", seances_appointment_status_get_type, SEANCES_APPOINTMENT_STATUS_HONOURED },
  { "cancelled_in_time", seances_appointment_status_get_type, SEANCES_APPOINTMENT_STATUS_CANCELLED_IN_TIME },
  { "cancelled_late", seances_appointment_status_get_type, SEANCES_APPOINTMENT_STATUS_CANCELLED_LATE },
  { "no_show", seances_appointment_status_get_type, SEANCES_APPOINTMENT_STATUS_NO_SHOW },
  { "rescheduled", seances_appointment_status_get_type, SEANCES_APPOINTMENT_STATUS_RESCHEDULED },
  { "office", seances_place_get_type, SEANCES_PLACE_OFFICE },
  { "video", seances_place_get_type, SEANCES_PLACE_VIDEO },
  { "email", seances_channel_get_type, SEANCES_CHANNEL_EMAIL },
  { "sms", seances_channel_get_type, SEANCES_CHANNEL_SMS },
  { "both", seances_channel_get_type, SEANCES_CHANNEL_BOTH },
  { "patient", seances_vocabulary_get_type, SEANCES_VOCABULARY_PATIENT },
  { "client", seances_vocabulary_get_type, SEANCES_VOCABULARY_CLIENT },
  { "mental_health", seances_field_get_type, SEANCES_FIELD_MENTAL_HEALTH },
  { "physiotherapy", seances_field_get_type, SEANCES_FIELD_PHYSIOTHERAPY },
  { "nutrition", seances_field_get_type, SEANCES_FIELD_NUTRITION },
  { "dental", seances_field_get_type, SEANCES_FIELD_DENTAL },
  { "coaching", seances_field_get_type, SEANCES_FIELD_COACHING },
  { "other", seances_field_get_type, SEANCES_FIELD_OTHER },
  { "client", seances_cancelled_by_get_type, SEANCES_CANCELLED_BY_CLIENT },
  { "practice", seances_cancelled_by_get_type, SEANCES_CANCELLED_BY_PRACTICE },
  { "session", seances_charge_kind_get_type, SEANCES_CHARGE_KIND_SESSION },
  { "late_cancellation", seances_charge_kind_get_type, SEANCES_CHARGE_KIND_LATE_CANCELLATION },
  { "absence", seances_charge_kind_get_type, SEANCES_CHARGE_KIND_ABSENCE },
  { "cash", seances_payment_means_get_type, SEANCES_PAYMENT_CASH },
  { "cheque", seances_payment_means_get_type, SEANCES_PAYMENT_CHEQUE },
  { "transfer", seances_payment_means_get_type, SEANCES_PAYMENT_TRANSFER },
  { "card", seances_payment_means_get_type, SEANCES_PAYMENT_CARD },
  /* No canceller, not paid: an empty column. */
  { NULL, seances_cancelled_by_get_type, SEANCES_CANCELLED_BY_NONE },
  { NULL, seances_payment_means_get_type, SEANCES_PAYMENT_NONE },
};

static const char *
to_string (GType type,
           int   value)
{
  if (type == SEANCES_TYPE_APPOINTMENT_STATUS)
    return seances_appointment_status_to_string (value);
  if (type == SEANCES_TYPE_PLACE)
    return seances_place_to_string (value);
  if (type == SEANCES_TYPE_CHANNEL)
    return seances_channel_to_string (value);
  if (type == SEANCES_TYPE_VOCABULARY)
    return seances_vocabulary_to_string (value);
  if (type == SEANCES_TYPE_FIELD)
    return seances_field_to_string (value);
  if (type == SEANCES_TYPE_CANCELLED_BY)
    return seances_cancelled_by_to_string (value);
  if (type == SEANCES_TYPE_CHARGE_KIND)
    return seances_charge_kind_to_string (value);
  if (type == SEANCES_TYPE_PAYMENT_MEANS)
    return seances_payment_means_to_string (value);
  g_assert_not_reached ();
}

#define PARSE(parse, Type, text, value)            \
  G_STMT_START {                                   \
    Type parsed = (Type) *(value);                 \
    gboolean found = parse (text, &parsed);        \
    *(value) = (int) parsed;                       \
    return found;                                  \
  } G_STMT_END

static gboolean
from_string (GType       type,
             const char *text,
             int        *value)
{
  if (type == SEANCES_TYPE_APPOINTMENT_STATUS)
    PARSE (seances_appointment_status_from_string, SeancesAppointmentStatus, text, value);
  if (type == SEANCES_TYPE_PLACE)
    PARSE (seances_place_from_string, SeancesPlace, text, value);
  if (type == SEANCES_TYPE_CHANNEL)
    PARSE (seances_channel_from_string, SeancesChannel, text, value);
  if (type == SEANCES_TYPE_VOCABULARY)
    PARSE (seances_vocabulary_from_string, SeancesVocabulary, text, value);
  if (type == SEANCES_TYPE_FIELD)
    PARSE (seances_field_from_string, SeancesField, text, value);
  if (type == SEANCES_TYPE_CANCELLED_BY)
    PARSE (seances_cancelled_by_from_string, SeancesCancelledBy, text, value);
  if (type == SEANCES_TYPE_CHARGE_KIND)
    PARSE (seances_charge_kind_from_string, SeancesChargeKind, text, value);
  if (type == SEANCES_TYPE_PAYMENT_MEANS)
    PARSE (seances_payment_means_from_string, SeancesPaymentMeans, text, value);
  g_assert_not_reached ();
}

static void
test_spelling (gconstpointer data)
{
  const SpellingCase *c = data;
  GType type = c->get_type ();
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  int value = -1;

  g_assert_cmpstr (to_string (type, c->value), ==, c->text);
  g_assert_true (from_string (type, c->text, &value));
  g_assert_cmpint (value, ==, c->value);
  /* The generated GType knows every value the table spells. */
  g_assert_nonnull (g_enum_get_value (klass, c->value));
}

/* A string that is none of the spellings (another case, blank, NULL) is refused, and the
 * value is left as it was. */
static void
test_unknown (void)
{
  const char *unknown[] = { "Scheduled", "", " office", "cancelled", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (unknown); i++)
    {
      g_test_message ("unknown[%u]", i);
      SeancesAppointmentStatus status = SEANCES_APPOINTMENT_STATUS_HONOURED;
      SeancesPlace place = SEANCES_PLACE_VIDEO;
      SeancesPaymentMeans means = SEANCES_PAYMENT_CARD;

      g_assert_false (seances_appointment_status_from_string (unknown[i], &status));
      g_assert_cmpint (status, ==, SEANCES_APPOINTMENT_STATUS_HONOURED);
      g_assert_false (seances_place_from_string (unknown[i], &place));
      g_assert_cmpint (place, ==, SEANCES_PLACE_VIDEO);
      /* NULL is an empty column there: not paid. */
      if (unknown[i] != NULL)
        {
          g_assert_false (seances_payment_means_from_string (unknown[i], &means));
          g_assert_cmpint (means, ==, SEANCES_PAYMENT_CARD);
        }
    }
}

/* The properties are enums, whose GTypes the build generates. */
static void
test_properties (void)
{
  g_autoptr(SeancesAppointment) session = seances_appointment_new (1, NOW, NOW + HOUR,
                                                                   SEANCES_PLACE_VIDEO, 6000);
  SeancesAppointmentStatus status;
  SeancesPlace place;

  g_object_set (session, "status", SEANCES_APPOINTMENT_STATUS_NO_SHOW, NULL);
  g_object_get (session, "status", &status, "place", &place, NULL);
  g_assert_cmpint (status, ==, SEANCES_APPOINTMENT_STATUS_NO_SHOW);
  g_assert_cmpint (place, ==, SEANCES_PLACE_VIDEO);
  g_assert_cmpint (seances_appointment_get_status (session), ==, SEANCES_APPOINTMENT_STATUS_NO_SHOW);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rule_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/appointment/rules/%s", rule_cases[i].name);
      g_test_add_data_func (path, &rule_cases[i], test_rules);
    }
  for (guint i = 0; i < G_N_ELEMENTS (spelling_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/appointment/spelling/%s/%s",
                                               g_type_name (spelling_cases[i].get_type ()),
                                               spelling_cases[i].text != NULL ? spelling_cases[i].text
                                                                              : "none");
      g_test_add_data_func (path, &spelling_cases[i], test_spelling);
    }
  g_test_add_func ("/appointment/unknown-spelling", test_unknown);
  g_test_add_func ("/appointment/properties", test_properties);
  return g_test_run ();
}
