/* seances-time.c — the practice's local times and the UTC instants the database keeps
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Wall" seconds are a local date and time counted as if they were UTC: what a clock on
 * the practice's wall shows. Turning them back into an instant goes through the zone's
 * intervals and checks the round trip, because g_date_time_new() silently moves a time
 * that does not exist to another one. */
#include "config.h"

#include "seances-time.h"

#include <glib/gi18n-lib.h>

#define SECONDS_PER_DAY 86400
/* UTC offsets lie within ±14 hours: probing a little further brackets any change. */
#define OFFSET_REACH (15 * 3600)

G_DEFINE_QUARK (seances-time-error-quark, seances_time_error)

static gint64
floor_div (gint64 a,
           gint64 b)
{
  gint64 q = a / b;

  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

static gint32
offset_at (GTimeZone *tz,
           gint64     utc)
{
  return g_time_zone_get_offset (tz, g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, utc));
}

static gint64
wall_of (GTimeZone *tz,
         gint64     utc)
{
  return utc + offset_at (tz, utc);
}

/* Finds the instant at which the practice's clocks show @wall. A time shown twice (the
 * clocks go back) gives its first occurrence. A time never shown (the clocks go forward)
 * returns FALSE, with *utc set to where the clocks would be had they not jumped, that is
 * the same wall time on the old offset: 02:30 becomes 03:30. */
static gboolean
resolve_wall (GTimeZone *tz,
              gint64     wall,
              gint64    *utc)
{
  const gint64 probes[] = { wall - OFFSET_REACH, wall, wall + OFFSET_REACH };
  gboolean found = FALSE;
  gint64 first = 0;

  for (guint i = 0; i < G_N_ELEMENTS (probes); i++)
    {
      gint64 candidate = wall - offset_at (tz, probes[i]);

      if (wall_of (tz, candidate) != wall)
        continue;
      if (!found || candidate < first)
        first = candidate;
      found = TRUE;
    }

  *utc = found ? first : wall - offset_at (tz, probes[0]);
  return found;
}

/* The instant at which the practice's clocks show this date and time. A repeated time
 * (the night the clocks go back) means its first occurrence; a time that does not exist
 * (the night they go forward) is refused with SEANCES_TIME_ERROR_NONEXISTENT. */
gboolean
seances_time_from_local (GTimeZone  *tz,
                         int         year,
                         int         month,
                         int         day,
                         int         hour,
                         int         minute,
                         gint64     *utc,
                         GError    **error)
{
  g_autoptr(GDateTime) wall = NULL;
  gint64 instant;

  g_return_val_if_fail (tz != NULL, FALSE);
  g_return_val_if_fail (utc != NULL, FALSE);

  /* The calendar check: no 31 April, no 24:00. */
  wall = g_date_time_new_utc (year, month, day, hour, minute, 0);
  if (wall == NULL)
    {
      g_set_error_literal (error, SEANCES_TIME_ERROR, SEANCES_TIME_ERROR_INVALID,
                           _("This date does not exist: check the day and the month."));
      return FALSE;
    }

  if (!resolve_wall (tz, g_date_time_to_unix (wall), &instant))
    {
      g_set_error_literal (error, SEANCES_TIME_ERROR, SEANCES_TIME_ERROR_NONEXISTENT,
                           _("This time does not exist on that day: the clocks go forward. "
                             "Choose another time."));
      return FALSE;
    }

  *utc = instant;
  return TRUE;
}

GDateTime *
seances_time_to_local (GTimeZone *tz,
                       gint64     utc)
{
  g_autoptr(GDateTime) instant = NULL;

  g_return_val_if_fail (tz != NULL, NULL);

  instant = g_date_time_new_from_unix_utc (utc);
  return instant != NULL ? g_date_time_to_timezone (instant, tz) : NULL;
}

/* Local midnight of the day holding @utc; where midnight does not exist, the moment the
 * clocks jump past it. */
gint64
seances_time_day_start (GTimeZone *tz,
                        gint64     utc)
{
  gint64 day;
  gint64 start;

  g_return_val_if_fail (tz != NULL, 0);

  day = floor_div (wall_of (tz, utc), SECONDS_PER_DAY);
  resolve_wall (tz, day * SECONDS_PER_DAY, &start);
  return start;
}

/* Monday 00:00, local time, of the week holding @utc. */
gint64
seances_time_week_start (GTimeZone *tz,
                         gint64     utc)
{
  gint64 day;
  gint64 start;

  g_return_val_if_fail (tz != NULL, 0);

  day = floor_div (wall_of (tz, utc), SECONDS_PER_DAY);
  /* Day 0, 1 January 1970, was a Thursday: three days after a Monday. */
  day -= ((day + 3) % 7 + 7) % 7;
  resolve_wall (tz, day * SECONDS_PER_DAY, &start);
  return start;
}

/* The same wall-clock time @days later (or earlier): a 14:00 session stays at 14:00 when
 * the clocks change in between. A time that lands in a forward gap moves forward with
 * the clocks. */
gint64
seances_time_add_days_local (GTimeZone *tz,
                             gint64     utc,
                             int        days)
{
  gint64 moved;

  g_return_val_if_fail (tz != NULL, 0);

  resolve_wall (tz, wall_of (tz, utc) + (gint64) days * SECONDS_PER_DAY, &moved);
  return moved;
}

static char *
format_day (GDateTime *local)
{
  /* Translators: a day, as in « mardi 24 novembre » */
  return g_date_time_format (local, _("%A %-d %B"));
}

/* « mardi 24 novembre » */
char *
seances_time_format_date (const GDate *date)
{
  g_autoptr(GDateTime) noon = NULL;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  noon = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                              g_date_get_day (date), 12, 0, 0);
  return format_day (noon);
}

/* « mardi 24 novembre », in the practice's time zone */
char *
seances_time_format_day (GTimeZone *tz,
                         gint64     utc)
{
  g_autoptr(GDateTime) local = seances_time_to_local (tz, utc);

  g_return_val_if_fail (local != NULL, NULL);
  return format_day (local);
}

/* « 14 h 00 » */
char *
seances_time_format_hour (GTimeZone *tz,
                          gint64     utc)
{
  g_autoptr(GDateTime) local = seances_time_to_local (tz, utc);

  g_return_val_if_fail (local != NULL, NULL);
  /* Translators: a time of day, as in « 14 h 00 » (see g_date_time_format) */
  return g_date_time_format (local, _("%-H:%M"));
}

/* « mardi 24 novembre à 14 h 00 » */
char *
seances_time_format_long (GTimeZone *tz,
                          gint64     utc)
{
  g_autoptr(GDateTime) local = seances_time_to_local (tz, utc);

  g_return_val_if_fail (local != NULL, NULL);
  /* Translators: a day and a time, as in « mardi 24 novembre à 14 h 00 »
   * (see g_date_time_format) */
  return g_date_time_format (local, _("%A %-d %B at %-H:%M"));
}

/* « mardi 24 novembre », with the year when it is not the year of @now
 * (« lundi 24 novembre 2025 »): what is still owed can go back more than a year. */
char *
seances_time_format_day_near (GTimeZone *tz,
                              gint64     utc,
                              gint64     now)
{
  g_autoptr(GDateTime) local = seances_time_to_local (tz, utc);
  g_autoptr(GDateTime) today = seances_time_to_local (tz, now);

  g_return_val_if_fail (local != NULL && today != NULL, NULL);

  if (g_date_time_get_year (local) == g_date_time_get_year (today))
    return format_day (local);
  /* Translators: a day and its year, as in « lundi 24 novembre 2025 » */
  return g_date_time_format (local, _("%A %-d %B %Y"));
}

static void
local_date (GTimeZone *tz,
            gint64     utc,
            GDate     *date)
{
  g_autoptr(GDateTime) local = seances_time_to_local (tz, utc);

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
}

/* How long ago @utc was, counted on the practice's calendar, not in hours: « aujourd’hui »,
 * « hier », « il y a 12 jours », then whole months from 45 days (« il y a 3 mois »), then
 * whole years from two years. An instant after @now is today's. */
char *
seances_time_format_age (GTimeZone *tz,
                         gint64     utc,
                         gint64     now)
{
  GDate then, today;
  int days, months;

  g_return_val_if_fail (tz != NULL, NULL);

  local_date (tz, utc, &then);
  local_date (tz, now, &today);
  days = g_date_days_between (&then, &today);
  if (days <= 0)
    /* Translators: how long ago a session was: today */
    return g_strdup (_("today"));
  if (days == 1)
    /* Translators: how long ago a session was: yesterday */
    return g_strdup (_("yesterday"));
  if (days < 45)
    /* Translators: how long ago a session was, in days (2 to 44) */
    return g_strdup_printf (ngettext ("%d day ago", "%d days ago", days), days);

  months = (g_date_get_year (&today) - g_date_get_year (&then)) * 12 +
           (int) g_date_get_month (&today) - (int) g_date_get_month (&then);
  if (g_date_get_day (&today) < g_date_get_day (&then))
    months--;
  months = MAX (months, 1);
  if (months < 24)
    /* Translators: how long ago a session was, in whole months (1 to 23) */
    return g_strdup_printf (ngettext ("%d month ago", "%d months ago", months), months);
  /* Translators: how long ago a session was, in whole years (2 or more) */
  return g_strdup_printf (ngettext ("%d year ago", "%d years ago", months / 12), months / 12);
}
