/* seances-reminder-plan.c — when a session's reminders go out
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure: the session's start, « now » and the plan give the instants; the outbox stores
 * them (one per session and kind) and the stores call this again when a session is
 * booked or moved. Hours before a session are counted on the practice's wall clock, as
 * the policy's notice is (« 48 heures avant lundi 10 h » is samedi 10 h whatever the
 * clocks do). Quiet hours: a reminder that would go out in them waits for their end if
 * that is still before the session, else it goes just before they begin; when both are
 * gone (booked at night for the early morning), it is not sent: the client has just
 * booked. A reminder never goes out once the session has started. */
#include "config.h"

#include "seances-reminder-plan.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "seances-policy.h"
#include "seances-time.h"

#define MINUTES_PER_DAY (24 * 60)

/* How long before quiet hours begin a reminder that cannot wait for their end goes out. */
#define BEFORE_QUIET_SECONDS (5 * 60)

void
seances_reminder_plan_init_default (SeancesReminderPlan *plan)
{
  g_return_if_fail (plan != NULL);

  *plan = (SeancesReminderPlan) {
    .email = TRUE,
    .email_hours = 48,
    .sms = FALSE,
    .sms_hours = 2,
    .quiet_start = 21 * 60,
    .quiet_end = 8 * 60,
  };
}

gboolean
seances_reminder_plan_validate (const SeancesReminderPlan  *plan,
                                GError                    **error)
{
  g_return_val_if_fail (plan != NULL, FALSE);

  if (plan->email_hours < 1 || plan->email_hours > 168)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("An e-mail reminder goes out between 1 hour and 7 days before the session."));
      return FALSE;
    }
  if (plan->sms_hours < 1 || plan->sms_hours > 48)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("An SMS reminder goes out between 1 and 48 hours before the session."));
      return FALSE;
    }
  if (plan->quiet_start < 0 || plan->quiet_start >= MINUTES_PER_DAY ||
      plan->quiet_end < 0 || plan->quiet_end >= MINUTES_PER_DAY)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Quiet hours begin and end at a time of the day."));
      return FALSE;
    }
  return TRUE;
}

static int
minute_of_day (GTimeZone *tz,
               gint64     instant)
{
  g_autoptr(GDateTime) local = seances_time_to_local (tz, instant);

  return g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local);
}

gboolean
seances_reminder_in_quiet_hours (const SeancesReminderPlan *plan,
                                 GTimeZone                 *tz,
                                 gint64                     instant)
{
  int minute;

  g_return_val_if_fail (plan != NULL && tz != NULL, FALSE);

  if (plan->quiet_start == plan->quiet_end)
    return FALSE;
  minute = minute_of_day (tz, instant);
  if (plan->quiet_start < plan->quiet_end)
    return minute >= plan->quiet_start && minute < plan->quiet_end;
  return minute >= plan->quiet_start || minute < plan->quiet_end;
}

/* The instant the practice's clocks show @minute on the day of @local shifted by @days;
 * a time in the spring gap means the first instant after it. */
static gint64
wall_instant (GTimeZone *tz,
              GDateTime *local,
              int        days,
              int        minute)
{
  g_autoptr(GDateTime) day = g_date_time_add_days (local, days);
  gint64 instant = 0;

  for (int shift = 0; shift <= 180; shift++)
    {
      int m = minute + shift;

      if (m < MINUTES_PER_DAY &&
          seances_time_from_local (tz, g_date_time_get_year (day), g_date_time_get_month (day),
                                   g_date_time_get_day_of_month (day), m / 60, m % 60, &instant, NULL))
        return instant;
    }
  return seances_time_day_start (tz, g_date_time_to_unix (day)) + minute * 60;
}

/* The end of the quiet hours @instant is in, and their beginning. */
static void
quiet_bounds (const SeancesReminderPlan *plan,
              GTimeZone                 *tz,
              gint64                     instant,
              gint64                    *begin,
              gint64                    *end)
{
  g_autoptr(GDateTime) local = seances_time_to_local (tz, instant);
  int minute = g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local);

  if (plan->quiet_start < plan->quiet_end)
    {
      *begin = wall_instant (tz, local, 0, plan->quiet_start);
      *end = wall_instant (tz, local, 0, plan->quiet_end);
    }
  else if (minute >= plan->quiet_start)
    {
      /* In the evening: they end tomorrow morning. */
      *begin = wall_instant (tz, local, 0, plan->quiet_start);
      *end = wall_instant (tz, local, 1, plan->quiet_end);
    }
  else
    {
      /* In the early morning: they began last evening. */
      *begin = wall_instant (tz, local, -1, plan->quiet_start);
      *end = wall_instant (tz, local, 0, plan->quiet_end);
    }
}

/* When one reminder @hours before @start goes out, or -1 when it cannot any more. */
static gint64
due_for (const SeancesReminderPlan *plan,
         GTimeZone                 *tz,
         gint64                     start,
         gint64                     now,
         int                        hours)
{
  gint64 due = MAX (seances_policy_deadline (tz, start, hours), now);
  gint64 begin, end;

  if (due >= start)
    return -1;
  if (!seances_reminder_in_quiet_hours (plan, tz, due))
    return due;

  quiet_bounds (plan, tz, due, &begin, &end);
  if (end < start)
    return end;
  if (begin - BEFORE_QUIET_SECONDS >= now && begin - BEFORE_QUIET_SECONDS < start)
    return begin - BEFORE_QUIET_SECONDS;
  return -1;
}

static int
compare_due (gconstpointer a,
             gconstpointer b)
{
  const SeancesPlannedReminder *x = a, *y = b;

  if (x->due != y->due)
    return (x->due > y->due) - (x->due < y->due);
  return (int) x->kind - (int) y->kind;
}

/* The reminders of a session starting at @start, planned at @now (booked or moved then),
 * in the order they go out. */
GArray *
seances_reminder_plan_session (const SeancesReminderPlan *plan,
                               GTimeZone                 *tz,
                               gint64                     start,
                               gint64                     now)
{
  GArray *planned = g_array_new (FALSE, FALSE, sizeof (SeancesPlannedReminder));
  struct { gboolean on; SeancesReminderKind kind; int hours; } rules[] = {
    { plan->email, SEANCES_REMINDER_EMAIL, plan->email_hours },
    { plan->sms, SEANCES_REMINDER_SMS, plan->sms_hours },
  };

  g_return_val_if_fail (plan != NULL && tz != NULL, planned);

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      SeancesPlannedReminder reminder = { rules[i].kind, 0 };

      if (!rules[i].on)
        continue;
      reminder.due = due_for (plan, tz, start, now, rules[i].hours);
      if (reminder.due < 0)
        continue;
      g_array_append_val (planned, reminder);
    }
  g_array_sort (planned, compare_due);
  return planned;
}

/* A reminder not sent by the session's start is never sent. */
gboolean
seances_reminder_is_expired (gint64 start,
                             gint64 now)
{
  return now >= start;
}
