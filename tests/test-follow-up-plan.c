/* test-follow-up-plan.c — the messages after an absence: which, and when
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>

#include "seances-follow-up-plan.h"
#include "seances-time.h"

static GTimeZone *paris;

static gint64
at (const char *text)
{
  int y, mo, d, h, mi;
  gint64 instant = 0;

  g_assert_cmpint (sscanf (text, "%d-%d-%d %d:%d", &y, &mo, &d, &h, &mi), ==, 5);
  g_assert_true (seances_time_from_local (paris, y, mo, d, h, mi, &instant, NULL));
  return instant;
}

typedef struct
{
  const char          *name;
  const char          *absence;
  const char          *closed;
  guint                honoured_before;
  guint                absences_before;
  int                  opening_hour;
  int                  closing_hour;
  SeancesFollowUpStep  first_step;
  const char          *first;
  const char          *second;
  const char          *final;
  const char          *inactive;
} PlanCase;

static const PlanCase plan_cases[] = {
  { "tuesday-evening", "2026-11-24 14:00", "2026-11-24 19:30", 2, 0, 8, 20, SEANCES_FOLLOW_UP_FIRST_NEW,
    "2026-11-25 08:00", "2026-11-28 10:00", "2026-12-12 10:00", "2026-12-26 00:00" },
  { "closed-at-once", "2026-11-24 14:00", "2026-11-24 14:55", 2, 0, 8, 20, SEANCES_FOLLOW_UP_FIRST_NEW,
    "2026-11-24 15:55", "2026-11-28 10:00", "2026-12-12 10:00", "2026-12-26 00:00" },
  /* Saturday evening: nothing on Sunday, the first waits for Monday's opening */
  { "saturday-evening", "2026-11-28 18:00", "2026-11-28 19:30", 2, 0, 8, 20, SEANCES_FOLLOW_UP_FIRST_NEW,
    "2026-11-30 08:00", "2026-12-02 10:00", "2026-12-16 10:00", "2026-12-30 00:00" },
  { "second-on-sunday", "2026-11-25 10:00", "2026-11-25 11:00", 2, 0, 8, 20, SEANCES_FOLLOW_UP_FIRST_NEW,
    "2026-11-25 12:00", "2026-11-30 10:00", "2026-12-14 10:00", "2026-12-28 00:00" },
  { "regular", "2026-11-24 14:00", "2026-11-24 14:55", 5, 0, 8, 20, SEANCES_FOLLOW_UP_FIRST_REGULAR,
    "2026-11-24 15:55", "2026-11-28 10:00", "2026-12-12 10:00", "2026-12-26 00:00" },
  { "repeated", "2026-11-24 14:00", "2026-11-24 14:55", 30, 1, 8, 20, SEANCES_FOLLOW_UP_POLICY_REMINDER,
    "2026-11-24 15:55", "2026-11-28 10:00", "2026-12-12 10:00", "2026-12-26 00:00" },
  /* reviewed on Monday for Friday's absence */
  { "reviewed-late", "2026-11-20 14:00", "2026-11-23 18:00", 2, 0, 8, 20, SEANCES_FOLLOW_UP_FIRST_NEW,
    "2026-11-23 19:00", "2026-11-24 10:00", "2026-12-08 10:00", "2026-12-22 00:00" },
  /* reviewed two weeks late: the messages keep their order */
  { "reviewed-very-late", "2026-11-10 14:00", "2026-11-24 18:00", 2, 0, 8, 20, SEANCES_FOLLOW_UP_FIRST_NEW,
    "2026-11-24 19:00", "2026-11-25 08:00", "2026-11-28 10:00", "2026-12-12 00:00" },
  { "opening-at-noon", "2026-11-24 14:00", "2026-11-24 18:30", 2, 0, 12, 19, SEANCES_FOLLOW_UP_FIRST_NEW,
    "2026-11-25 12:00", "2026-11-28 12:00", "2026-12-12 12:00", "2026-12-26 00:00" },
  /* across the spring change: wall-clock hours on both sides */
  { "spring-forward", "2026-03-28 18:00", "2026-03-28 19:30", 2, 0, 8, 20, SEANCES_FOLLOW_UP_FIRST_NEW,
    "2026-03-30 08:00", "2026-04-01 10:00", "2026-04-15 10:00", "2026-04-29 00:00" },
  { "fall-back", "2026-10-23 16:00", "2026-10-23 19:30", 2, 0, 8, 20, SEANCES_FOLLOW_UP_FIRST_NEW,
    "2026-10-24 08:00", "2026-10-27 10:00", "2026-11-10 10:00", "2026-11-24 00:00" },
};

static void
test_plan (gconstpointer data)
{
  const PlanCase *row = data;
  SeancesFollowUpCase c = {
    .tz = paris,
    .opening_hour = row->opening_hour,
    .closing_hour = row->closing_hour,
    .absence_start = at (row->absence),
    .closed_at = at (row->closed),
    .honoured_before = row->honoured_before,
    .absences_before = row->absences_before,
  };
  gint64 inactive = 0;
  g_autoptr(GArray) planned = seances_follow_up_plan (&c, &inactive);
  const char *expected[] = { row->first, row->second, row->final };
  SeancesFollowUpStep steps[] = { row->first_step, SEANCES_FOLLOW_UP_SECOND, SEANCES_FOLLOW_UP_FINAL };

  g_assert_cmpuint (planned->len, ==, 3);
  for (guint i = 0; i < planned->len; i++)
    {
      SeancesPlannedFollowUp *message = &g_array_index (planned, SeancesPlannedFollowUp, i);
      g_autoptr(GDateTime) local = seances_time_to_local (paris, message->due);

      g_test_message ("message %u", i);
      g_assert_cmpint (message->step, ==, steps[i]);
      g_assert_cmpint (message->due, ==, at (expected[i]));
      g_assert_cmpint (g_date_time_get_day_of_week (local), !=, 7);
      g_assert_cmpint (g_date_time_get_hour (local), >=, row->opening_hour);
      g_assert_cmpint (g_date_time_get_hour (local), <, row->closing_hour);
      if (i > 0)
        g_assert_cmpint (message->due, >, g_array_index (planned, SeancesPlannedFollowUp, i - 1).due);
    }
  g_assert_cmpint (inactive, ==, at (row->inactive));
}

typedef struct
{
  const char *name;
  const char *instant;
  const char *working;
} WorkingCase;

static const WorkingCase working_cases[] = {
  { "open", "2026-11-24 10:15", "2026-11-24 10:15" },
  { "before-opening", "2026-11-24 06:40", "2026-11-24 08:00" },
  { "at-closing", "2026-11-24 20:00", "2026-11-25 08:00" },
  { "saturday", "2026-11-28 11:00", "2026-11-28 11:00" },
  { "sunday", "2026-11-29 11:00", "2026-11-30 08:00" },
  { "saturday-night", "2026-11-28 23:00", "2026-11-30 08:00" },
};

static void
test_working (gconstpointer data)
{
  const WorkingCase *row = data;

  g_assert_cmpint (seances_follow_up_working_instant (paris, 8, 20, at (row->instant)), ==, at (row->working));
}

static void
test_spelling (void)
{
  for (guint i = 0; i < SEANCES_N_FOLLOW_UPS; i++)
    {
      SeancesFollowUpStep back = SEANCES_N_FOLLOW_UPS;

      g_test_message ("step %u", i);
      g_assert_true (seances_follow_up_step_from_string (seances_follow_up_step_to_string (i), &back));
      g_assert_cmpint (back, ==, i);
    }
  {
    SeancesFollowUpStep kept = SEANCES_FOLLOW_UP_FINAL;

    g_assert_false (seances_follow_up_step_from_string ("First_new", &kept));
    g_assert_cmpint (kept, ==, SEANCES_FOLLOW_UP_FINAL);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  paris = g_time_zone_new_identifier ("Europe/Paris");

  for (guint i = 0; i < G_N_ELEMENTS (plan_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/follow-up-plan/plan/%s", plan_cases[i].name);
      g_test_add_data_func (path, &plan_cases[i], test_plan);
    }
  for (guint i = 0; i < G_N_ELEMENTS (working_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/follow-up-plan/working/%s", working_cases[i].name);
      g_test_add_data_func (path, &working_cases[i], test_working);
    }
  g_test_add_func ("/follow-up-plan/spelling", test_spelling);
  return g_test_run ();
}
