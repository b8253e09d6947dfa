/* test-reminder-plan.c — when reminders go out: hours before, quiet hours, DST, moves
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "seances-reminder-plan.h"
#include "seances-test.h"
#include "seances-time.h"

static GTimeZone *paris;

/* « 2026-11-24 14:00 » in Paris; the later instant of a repeated time with « + ». */
static gint64
at (const char *text)
{
  int y, mo, d, h, mi;
  gint64 instant = 0;

  g_assert_cmpint (sscanf (text, "%d-%d-%d %d:%d", &y, &mo, &d, &h, &mi), ==, 5);
  g_assert_true (seances_time_from_local (paris, y, mo, d, h, mi, &instant, NULL));
  if (strchr (text, '+') != NULL)
    instant += 3600;
  return instant;
}

typedef struct
{
  const char *name;
  const char *start;
  const char *now;
  gboolean    sms;
  int         quiet_start;   /* -1: the default */
  int         quiet_end;
  const char *email;         /* when the e-mail goes, NULL: not at all */
  const char *text;          /* when the SMS goes (only with sms), NULL: not at all */
} PlanCase;

static const PlanCase plan_cases[] = {
  { "ordinary", "2026-11-26 10:00", "2026-11-23 09:00", FALSE, -1, -1, "2026-11-24 10:00", NULL },
  { "quiet-ends-first", "2026-11-26 07:30", "2026-11-23 09:00", FALSE, -1, -1, "2026-11-24 08:00", NULL },
  { "quiet-evening", "2026-11-26 21:30", "2026-11-23 09:00", FALSE, -1, -1, "2026-11-25 08:00", NULL },
  { "quiet-edge-ends", "2026-11-26 08:00", "2026-11-23 09:00", FALSE, -1, -1, "2026-11-24 08:00", NULL },
  { "quiet-edge-begins", "2026-11-26 20:59", "2026-11-23 09:00", FALSE, -1, -1, "2026-11-24 20:59", NULL },
  { "sms-too", "2026-11-26 10:00", "2026-11-23 09:00", TRUE, -1, -1, "2026-11-24 10:00", "2026-11-26 08:00" },
  { "sms-waits-for-morning", "2026-11-26 09:00", "2026-11-23 09:00", TRUE, -1, -1, "2026-11-24 09:00", "2026-11-26 08:00" },
  /* 2 h before 07:30 is in the quiet hours, which end after the session: the evening before */
  { "sms-evening-before", "2026-11-26 07:30", "2026-11-23 09:00", TRUE, -1, -1, "2026-11-24 08:00", "2026-11-25 20:55" },
  /* booked an hour before: the e-mail goes at once */
  { "booked-late", "2026-11-24 14:00", "2026-11-24 13:00", TRUE, -1, -1, "2026-11-24 13:00", "2026-11-24 13:00" },
  /* booked at night for the early morning: nothing can go, and nothing is sent */
  { "booked-at-night", "2026-11-25 07:30", "2026-11-24 23:00", TRUE, -1, -1, NULL, NULL },
  { "started", "2026-11-24 14:00", "2026-11-24 14:00", TRUE, -1, -1, NULL, NULL },
  { "no-quiet-hours", "2026-11-26 07:30", "2026-11-23 09:00", FALSE, 0, 0, "2026-11-24 07:30", NULL },
  { "lunch-quiet", "2026-11-26 13:00", "2026-11-23 09:00", FALSE, 12 * 60, 14 * 60, "2026-11-24 14:00", NULL },
  /* DST: 48 hours on the clocks, 47 or 49 of real time */
  { "spring-forward", "2026-03-30 10:00", "2026-03-20 09:00", FALSE, -1, -1, "2026-03-28 10:00", NULL },
  { "fall-back", "2026-10-27 10:00", "2026-10-20 09:00", FALSE, -1, -1, "2026-10-25 10:00", NULL },
  /* 2 h before 04:30 on 29 March is 02:30, a time that does not exist: it would be in the
   * quiet hours anyway, which end at 08:00 after the session: the evening before */
  { "spring-gap-quiet", "2026-03-29 04:30", "2026-03-20 09:00", TRUE, -1, -1, "2026-03-27 08:00", "2026-03-28 20:55" },
};

static void
check_due (GArray              *planned,
           SeancesReminderKind  kind,
           const char          *expected)
{
  for (guint i = 0; i < planned->len; i++)
    {
      SeancesPlannedReminder *reminder = &g_array_index (planned, SeancesPlannedReminder, i);

      if (reminder->kind != kind)
        continue;
      g_assert_nonnull (expected);
      g_assert_cmpint (reminder->due, ==, at (expected));
      return;
    }
  g_assert_null (expected);
}

static void
test_plan (gconstpointer data)
{
  const PlanCase *row = data;
  SeancesReminderPlan plan;
  g_autoptr(GArray) planned = NULL;

  seances_reminder_plan_init_default (&plan);
  plan.sms = row->sms;
  if (row->quiet_start >= 0)
    {
      plan.quiet_start = row->quiet_start;
      plan.quiet_end = row->quiet_end;
    }
  planned = seances_reminder_plan_session (&plan, paris, at (row->start), at (row->now));
  check_due (planned, SEANCES_REMINDER_EMAIL, row->email);
  check_due (planned, SEANCES_REMINDER_SMS, row->text);
  for (guint i = 1; i < planned->len; i++)
    g_assert_cmpint (g_array_index (planned, SeancesPlannedReminder, i - 1).due, <=,
                     g_array_index (planned, SeancesPlannedReminder, i).due);
  for (guint i = 0; i < planned->len; i++)
    {
      gint64 due = g_array_index (planned, SeancesPlannedReminder, i).due;

      g_assert_cmpint (due, <, at (row->start));
      g_assert_cmpint (due, >=, at (row->now));
      g_assert_false (seances_reminder_in_quiet_hours (&plan, paris, due));
    }
}

/* A session moved twice: its reminders follow the last start only. */
static void
test_moved_twice (void)
{
  SeancesReminderPlan plan;
  g_autoptr(GArray) first = NULL, second = NULL, third = NULL;

  seances_reminder_plan_init_default (&plan);
  first = seances_reminder_plan_session (&plan, paris, at ("2026-11-26 10:00"), at ("2026-11-23 09:00"));
  g_assert_cmpuint (first->len, ==, 1);
  g_assert_cmpint (g_array_index (first, SeancesPlannedReminder, 0).due, ==, at ("2026-11-24 10:00"));
  /* moved on Wednesday at noon to Friday 10:00: 48 h before is gone, it goes at once */
  second = seances_reminder_plan_session (&plan, paris, at ("2026-11-27 10:00"), at ("2026-11-25 12:00"));
  g_assert_cmpint (g_array_index (second, SeancesPlannedReminder, 0).due, ==, at ("2026-11-25 12:00"));
  /* moved again half an hour later, to Monday: Saturday morning */
  third = seances_reminder_plan_session (&plan, paris, at ("2026-11-30 10:00"), at ("2026-11-25 12:30"));
  g_assert_cmpuint (third->len, ==, 1);
  g_assert_cmpint (g_array_index (third, SeancesPlannedReminder, 0).due, ==, at ("2026-11-28 10:00"));
}

static void
test_expired (void)
{
  g_assert_false (seances_reminder_is_expired (at ("2026-11-24 14:00"), at ("2026-11-24 13:59")));
  g_assert_true (seances_reminder_is_expired (at ("2026-11-24 14:00"), at ("2026-11-24 14:00")));
}

typedef struct
{
  const char *name;
  int         email_hours;
  int         sms_hours;
  int         quiet_start;
  const char *message;
} ValidateCase;

static const ValidateCase validate_cases[] = {
  { "default", 48, 2, 21 * 60, NULL },
  { "email-zero", 0, 2, 21 * 60, "Un rappel par e-mail part entre 1 heure et 7 jours avant la séance." },
  { "email-eight-days", 192, 2, 21 * 60, "Un rappel par e-mail part entre 1 heure et 7 jours avant la séance." },
  { "sms-three-days", 48, 72, 21 * 60, "Un rappel par SMS part entre 1 et 48 heures avant la séance." },
  { "quiet-midnight", 48, 2, 24 * 60, "Les heures calmes commencent et finissent à une heure de la journée." },
};

static void
test_validate (gconstpointer data)
{
  const ValidateCase *row = data;
  SeancesReminderPlan plan;
  g_autoptr(GError) error = NULL;

  seances_reminder_plan_init_default (&plan);
  plan.email_hours = row->email_hours;
  plan.sms_hours = row->sms_hours;
  plan.quiet_start = row->quiet_start;
  g_assert_cmpint (seances_reminder_plan_validate (&plan, &error), ==, row->message == NULL);
  if (row->message != NULL)
    g_assert_cmpstr (error->message, ==, row->message);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  seances_test_init_french ();
  paris = g_time_zone_new_identifier ("Europe/Paris");

  for (guint i = 0; i < G_N_ELEMENTS (plan_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/reminder-plan/session/%s", plan_cases[i].name);
      g_test_add_data_func (path, &plan_cases[i], test_plan);
    }
  for (guint i = 0; i < G_N_ELEMENTS (validate_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/reminder-plan/validate/%s", validate_cases[i].name);
      g_test_add_data_func (path, &validate_cases[i], test_validate);
    }
  g_test_add_func ("/reminder-plan/moved-twice", test_moved_twice);
  g_test_add_func ("/reminder-plan/expired", test_expired);
  return g_test_run ();
}
