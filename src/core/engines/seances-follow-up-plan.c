/* seances-follow-up-plan.c — the messages after an absence, and when they go out
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three messages, never blaming: the first within a day (an hour after the absence was
 * recorded at the earliest), the second four days after the absence, the last eighteen
 * days after it, naming the date — two weeks later — after which the file becomes
 * inactive unless the client books. All inside the practice's working hours, never on a
 * Sunday: a message that would fall outside waits for the next opening, even when that
 * makes the first one later than a day (a Saturday evening's absence hears on Monday).
 * Which first message comes from the client's history: someone who just began, someone
 * who comes regularly, or a repeated absence (the policy, gently). Stopping the sequence
 * (a new booking, « a répondu ») is the outbox's: the plan is only when. */
#include "config.h"

#include "seances-follow-up-plan.h"

#include "seances-time.h"

#define SECONDS_PER_HOUR 3600
#define SECOND_AFTER_DAYS 4
#define FINAL_AFTER_DAYS 18
#define INACTIVE_AFTER_DAYS 14
/* The later messages go mid-morning, when a message reads as news and not as a chase. */
#define LATER_HOUR 10

static const char * const spellings[SEANCES_N_FOLLOW_UPS] = {
  [SEANCES_FOLLOW_UP_FIRST_NEW] = "first_new",
  [SEANCES_FOLLOW_UP_FIRST_REGULAR] = "first_regular",
  [SEANCES_FOLLOW_UP_POLICY_REMINDER] = "policy_reminder",
  [SEANCES_FOLLOW_UP_SECOND] = "second",
  [SEANCES_FOLLOW_UP_FINAL] = "final",
};

const char *
seances_follow_up_step_to_string (SeancesFollowUpStep step)
{
  g_return_val_if_fail ((guint) step < SEANCES_N_FOLLOW_UPS, NULL);
  return spellings[step];
}

gboolean
seances_follow_up_step_from_string (const char          *text,
                                    SeancesFollowUpStep *step)
{
  for (guint i = 0; text != NULL && i < SEANCES_N_FOLLOW_UPS; i++)
    if (g_str_equal (text, spellings[i]))
      {
        *step = i;
        return TRUE;
      }
  return FALSE;
}

/* @hour:00 on @date, or the first instant after it in a spring gap. */
static gint64
at_hour (GTimeZone *tz,
         GDate     *date,
         int        hour)
{
  gint64 instant = 0;

  for (int h = hour; h < 24; h++)
    if (seances_time_from_local (tz, g_date_get_year (date), g_date_get_month (date),
                                 g_date_get_day (date), h, 0, &instant, NULL))
      return instant;
  return instant;
}

static void
local_date (GTimeZone *tz,
            gint64     instant,
            GDate     *date)
{
  g_autoptr(GDateTime) local = seances_time_to_local (tz, instant);

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
}

/* @instant if the practice is open then, else its next opening (never a Sunday). */
gint64
seances_follow_up_working_instant (GTimeZone *tz,
                                   int        opening_hour,
                                   int        closing_hour,
                                   gint64     instant)
{
  g_autoptr(GDateTime) local = NULL;
  GDate date;

  g_return_val_if_fail (tz != NULL, instant);
  g_return_val_if_fail (opening_hour >= 0 && opening_hour < closing_hour && closing_hour <= 24, instant);

  local = seances_time_to_local (tz, instant);
  local_date (tz, instant, &date);
  if (g_date_get_weekday (&date) != G_DATE_SUNDAY)
    {
      if (g_date_time_get_hour (local) < opening_hour)
        return at_hour (tz, &date, opening_hour);
      if (g_date_time_get_hour (local) < closing_hour)
        return instant;
    }
  do
    g_date_add_days (&date, 1);
  while (g_date_get_weekday (&date) == G_DATE_SUNDAY);
  return at_hour (tz, &date, opening_hour);
}

/* A later message: mid-morning (or the opening, when later) @days after the absence,
 * the next day when that is a Sunday. */
static gint64
later_message (const SeancesFollowUpCase *c,
               int                        days)
{
  GDate date;

  local_date (c->tz, c->absence_start, &date);
  g_date_add_days (&date, days);
  if (g_date_get_weekday (&date) == G_DATE_SUNDAY)
    g_date_add_days (&date, 1);
  return seances_follow_up_working_instant (c->tz, c->opening_hour, c->closing_hour,
                                            at_hour (c->tz, &date, MAX (LATER_HOUR, c->opening_hour)));
}

/* The three messages in order; *@inactive_at is the start of the day the file becomes
 * inactive, as the last message says it. */
GArray *
seances_follow_up_plan (const SeancesFollowUpCase *c,
                        gint64                    *inactive_at)
{
  GArray *planned = g_array_new (FALSE, FALSE, sizeof (SeancesPlannedFollowUp));
  SeancesPlannedFollowUp first, second, final;
  GDate date;

  g_return_val_if_fail (c != NULL && c->tz != NULL, planned);

  if (c->absences_before > 0)
    first.step = SEANCES_FOLLOW_UP_POLICY_REMINDER;
  else if (c->honoured_before >= SEANCES_FOLLOW_UP_REGULAR_AFTER)
    first.step = SEANCES_FOLLOW_UP_FIRST_REGULAR;
  else
    first.step = SEANCES_FOLLOW_UP_FIRST_NEW;
  first.due = seances_follow_up_working_instant (c->tz, c->opening_hour, c->closing_hour,
                                                 MAX (c->closed_at, c->absence_start) + SECONDS_PER_HOUR);

  second.step = SEANCES_FOLLOW_UP_SECOND;
  second.due = MAX (later_message (c, SECOND_AFTER_DAYS), first.due + SECONDS_PER_HOUR);
  second.due = seances_follow_up_working_instant (c->tz, c->opening_hour, c->closing_hour, second.due);

  final.step = SEANCES_FOLLOW_UP_FINAL;
  final.due = MAX (later_message (c, FINAL_AFTER_DAYS), second.due + SECONDS_PER_HOUR);
  final.due = seances_follow_up_working_instant (c->tz, c->opening_hour, c->closing_hour, final.due);

  g_array_append_val (planned, first);
  g_array_append_val (planned, second);
  g_array_append_val (planned, final);

  if (inactive_at != NULL)
    {
      local_date (c->tz, final.due, &date);
      g_date_add_days (&date, INACTIVE_AFTER_DAYS);
      *inactive_at = at_hour (c->tz, &date, 0);
    }
  return planned;
}
