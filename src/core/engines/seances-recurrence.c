/* seances-recurrence.c — the dates of a series of sessions
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "seances-recurrence.h"

#include <glib/gi18n-lib.h>

#include "seances-time.h"

static GArray *
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, SEANCES_TIME_ERROR, SEANCES_TIME_ERROR_INVALID, message);
  return NULL;
}

/* Expands a series that starts on @year-@month-@day at @hour:@minute, local time, and
 * repeats every @interval_weeks weeks: @count times when @until is NULL, otherwise up to
 * and including the local date @until (then @count is 0). Returns the UTC starts
 * (gint64), each at the same wall-clock time whatever the clocks did in between.
 *
 * A series with a date on which that time does not exist (the night the clocks go
 * forward) is refused as a whole with SEANCES_TIME_ERROR_NONEXISTENT, naming the date:
 * skipping it would leave a hole nobody asked for, and shifting it would book an hour
 * nobody chose. Wrong parameters give SEANCES_TIME_ERROR_INVALID. */
GArray *
seances_recurrence_expand (GTimeZone    *tz,
                           int           year,
                           int           month,
                           int           day,
                           int           hour,
                           int           minute,
                           int           interval_weeks,
                           int           count,
                           const GDate  *until,
                           GError      **error)
{
  g_autoptr(GArray) starts = NULL;
  GDate date;
  int step;
  int total;

  g_return_val_if_fail (tz != NULL, NULL);
  g_return_val_if_fail (until == NULL || (count == 0 && g_date_valid (until)), NULL);

  if (interval_weeks < 1 || interval_weeks > 52)
    return invalid (error, _("Sessions repeat every 1 to 52 weeks."));
  if (year < 1 || year > 9999 || !g_date_valid_dmy (day, month, year))
    return invalid (error, _("This date does not exist: check the day and the month."));

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  step = 7 * interval_weeks;

  if (until != NULL)
    {
      if (g_date_compare (until, &date) < 0)
        return invalid (error, _("The end date comes before the first session."));
      total = g_date_days_between (&date, until) / step + 1;
    }
  else
    total = count;

  if (total < 1 || total > SEANCES_RECURRENCE_MAX_COUNT)
    return invalid (error, _("A series holds from 1 to 200 sessions."));

  starts = g_array_sized_new (FALSE, FALSE, sizeof (gint64), total);
  for (int i = 0; i < total; i++)
    {
      g_autoptr(GError) local_error = NULL;
      gint64 start;

      if (!seances_time_from_local (tz, g_date_get_year (&date), g_date_get_month (&date),
                                    g_date_get_day (&date), hour, minute, &start, &local_error))
        {
          if (g_error_matches (local_error, SEANCES_TIME_ERROR, SEANCES_TIME_ERROR_NONEXISTENT))
            {
              g_autofree char *text = seances_time_format_date (&date);

              g_set_error (error, SEANCES_TIME_ERROR, SEANCES_TIME_ERROR_NONEXISTENT,
                           /* Translators: %s is a day, as in « dimanche 29 mars » */
                           _("On %s, this time does not exist: the clocks go forward. "
                             "Choose another time for the series."), text);
            }
          else
            g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      g_array_append_val (starts, start);
      g_date_add_days (&date, step);
    }

  return g_steal_pointer (&starts);
}
