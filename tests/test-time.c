/* test-time.c — local times of the practice and UTC instants, across the clock changes
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "seances-time.h"
#include "seances-test.h"

#define NBSP "\xc2\xa0"

static gint64
iso (const char *text)
{
  g_autoptr(GDateTime) instant = g_date_time_new_from_iso8601 (text, NULL);

  g_assert_nonnull (instant);
  return g_date_time_to_unix (instant);
}

static gint64
paris (int year,
       int month,
       int day,
       int hour,
       int minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GError) error = NULL;
  gint64 instant = 0;

  g_assert_true (seances_time_from_local (tz, year, month, day, hour, minute, &instant, &error));
  g_assert_no_error (error);
  return instant;
}

/* 29 March 2026 in Paris: at 02:00 the clocks jump to 03:00. */
static void
test_spring_gap (void)
{
  static const struct {
    int         day;
    int         hour;
    int         minute;
    const char *instant;  /* NULL: that time does not exist */
  } cases[] = {
    { 29, 1, 59, "2026-03-29T00:59:00Z" },
    { 29, 2, 0, NULL },
    { 29, 2, 30, NULL },
    { 29, 2, 59, NULL },
    { 29, 3, 0, "2026-03-29T01:00:00Z" },
    { 29, 14, 0, "2026-03-29T12:00:00Z" },
    { 28, 2, 30, "2026-03-28T01:30:00Z" },
    { 30, 2, 30, "2026-03-30T00:30:00Z" },
  };
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("cases[%u]", i);
      g_autoptr(GError) error = NULL;
      gint64 instant = -1;
      gboolean exists;

      exists = seances_time_from_local (tz, 2026, 3, cases[i].day, cases[i].hour, cases[i].minute,
                                        &instant, &error);
      g_assert_cmpint (exists, ==, cases[i].instant != NULL);
      if (cases[i].instant != NULL)
        {
          g_autoptr(GDateTime) local = seances_time_to_local (tz, instant);

          g_assert_no_error (error);
          g_assert_cmpint (instant, ==, iso (cases[i].instant));
          g_assert_cmpint (g_date_time_get_hour (local), ==, cases[i].hour);
          g_assert_cmpint (g_date_time_get_minute (local), ==, cases[i].minute);
        }
      else
        {
          g_assert_error (error, SEANCES_TIME_ERROR, SEANCES_TIME_ERROR_NONEXISTENT);
          g_assert_cmpstr (error->message, ==,
                           "Cette heure n’existe pas ce jour-là" NBSP ": on passe à l’heure d’été. "
                           "Choisissez une autre heure.");
          g_assert_cmpint (instant, ==, -1);
        }
    }
}

/* A time shown twice, the night the clocks go back, means its first occurrence. */
static void
test_autumn_repeat (void)
{
  static const struct {
    const char *zone;
    int         year;
    int         month;
    int         day;
    int         hour;
    int         minute;
    const char *instant;
  } cases[] = {
    /* Paris, 25 October 2026: at 03:00 summer time the clocks go back to 02:00. */
    { "Europe/Paris", 2026, 10, 25, 2, 30, "2026-10-25T00:30:00Z" },
    { "Europe/Paris", 2026, 10, 25, 2, 0, "2026-10-25T00:00:00Z" },
    { "Europe/Paris", 2026, 10, 25, 1, 59, "2026-10-24T23:59:00Z" },
    { "Europe/Paris", 2026, 10, 25, 3, 0, "2026-10-25T02:00:00Z" },
    /* Dublin's winter time is its "daylight" time in the zone data: still the first. */
    { "Europe/Dublin", 2026, 10, 25, 1, 30, "2026-10-25T00:30:00Z" },
    { "America/New_York", 2026, 11, 1, 1, 30, "2026-11-01T05:30:00Z" },
    { "Australia/Sydney", 2026, 4, 5, 2, 30, "2026-04-04T15:30:00Z" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("cases[%u]", i);
      g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (cases[i].zone);
      g_autoptr(GDateTime) local = NULL;
      g_autoptr(GError) error = NULL;
      gint64 instant = 0;
      g_assert_nonnull (tz);
      g_assert_true (seances_time_from_local (tz, cases[i].year, cases[i].month, cases[i].day,
                                              cases[i].hour, cases[i].minute, &instant, &error));
      g_assert_no_error (error);
      g_assert_cmpint (instant, ==, iso (cases[i].instant));

      local = seances_time_to_local (tz, instant);
      g_assert_cmpint (g_date_time_get_day_of_month (local), ==, cases[i].day);
      g_assert_cmpint (g_date_time_get_hour (local), ==, cases[i].hour);
      g_assert_cmpint (g_date_time_get_minute (local), ==, cases[i].minute);
    }
}

static void
test_invalid_date (void)
{
  static const int cases[][5] = {
    { 2026, 4, 31, 10, 0 },
    { 2026, 2, 29, 10, 0 },
    { 2026, 13, 1, 10, 0 },
    { 2026, 5, 12, 24, 0 },
    { 2026, 5, 12, 10, 60 },
  };
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("cases[%u]", i);
      g_autoptr(GError) error = NULL;
      gint64 instant = -1;

      g_assert_false (seances_time_from_local (tz, cases[i][0], cases[i][1], cases[i][2],
                                               cases[i][3], cases[i][4], &instant, &error));
      g_assert_error (error, SEANCES_TIME_ERROR, SEANCES_TIME_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==,
                       "Cette date n’existe pas" NBSP ": vérifiez le jour et le mois.");
    }
}

/* Monday 00:00, local, and the week's length: 167 hours in March, 169 in October. */
static void
test_week_start (void)
{
  static const struct {
    int month;
    int day;
    int hour;
    int minute;
    int monday_month;
    int monday_day;
    int hours;
  } cases[] = {
    { 3, 29, 12, 0, 3, 23, 167 },   /* the Sunday the clocks go forward */
    { 3, 23, 0, 0, 3, 23, 167 },
    { 3, 25, 9, 0, 3, 23, 167 },
    { 4, 1, 10, 0, 3, 30, 168 },
    { 3, 30, 0, 0, 3, 30, 168 },
    { 10, 25, 23, 59, 10, 19, 169 }, /* the Sunday the clocks go back */
    { 10, 25, 2, 30, 10, 19, 169 },
    { 10, 26, 0, 0, 10, 26, 168 },
    { 11, 24, 14, 0, 11, 23, 168 },
    { 11, 29, 23, 59, 11, 23, 168 },
  };
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("cases[%u]", i);
      gint64 instant = paris (2026, cases[i].month, cases[i].day, cases[i].hour, cases[i].minute);
      gint64 monday = seances_time_week_start (tz, instant);
      gint64 next = seances_time_add_days_local (tz, monday, 7);

      g_assert_cmpint (monday, ==, paris (2026, cases[i].monday_month, cases[i].monday_day, 0, 0));
      g_assert_cmpint (seances_time_week_start (tz, next), ==, next);
      g_assert_cmpint (next - monday, ==, cases[i].hours * 3600);
      g_assert_cmpint (seances_time_day_start (tz, instant), ==,
                       paris (2026, cases[i].month, cases[i].day, 0, 0));
    }
}

/* A session at 14:00 stays at 14:00 whatever the clocks did in between. */
static void
test_add_days (void)
{
  static const struct {
    int from_month;
    int from_day;
    int hour;
    int minute;
    int days;
    int to_month;
    int to_day;
    int to_hour;
    int to_minute;
  } cases[] = {
    { 3, 24, 14, 0, 7, 3, 31, 14, 0 },
    { 3, 31, 14, 0, -7, 3, 24, 14, 0 },
    { 10, 20, 14, 0, 7, 10, 27, 14, 0 },
    { 10, 20, 14, 0, 14, 11, 3, 14, 0 },
    { 3, 22, 10, 15, 1, 3, 23, 10, 15 },
    /* 02:30 does not exist on 29 March: it moves forward with the clocks. */
    { 3, 22, 2, 30, 7, 3, 29, 3, 30 },
  };
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("cases[%u]", i);
      gint64 from = paris (2026, cases[i].from_month, cases[i].from_day, cases[i].hour, cases[i].minute);

      g_assert_cmpint (seances_time_add_days_local (tz, from, cases[i].days), ==,
                       paris (2026, cases[i].to_month, cases[i].to_day, cases[i].to_hour,
                              cases[i].to_minute));
    }
}

static void
test_format (void)
{
  static const struct {
    int         month;
    int         day;
    int         hour;
    int         minute;
    const char *day_text;
    const char *hour_text;
    const char *long_text;
  } cases[] = {
    { 11, 24, 14, 0, "mardi 24 novembre", "14" NBSP "h" NBSP "00",
      "mardi 24 novembre à 14" NBSP "h" NBSP "00" },
    { 3, 1, 9, 5, "dimanche 1 mars", "9" NBSP "h" NBSP "05", "dimanche 1 mars à 9" NBSP "h" NBSP "05" },
    { 10, 25, 2, 30, "dimanche 25 octobre", "2" NBSP "h" NBSP "30",
      "dimanche 25 octobre à 2" NBSP "h" NBSP "30" },
  };
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("cases[%u]", i);
      gint64 instant = paris (2026, cases[i].month, cases[i].day, cases[i].hour, cases[i].minute);
      g_autofree char *day_text = seances_time_format_day (tz, instant);
      g_autofree char *hour_text = seances_time_format_hour (tz, instant);
      g_autofree char *long_text = seances_time_format_long (tz, instant);
      g_autofree char *date_text = NULL;
      g_autoptr(GDate) date = g_date_new_dmy (cases[i].day, cases[i].month, 2026);

      date_text = seances_time_format_date (date);
      g_assert_cmpstr (day_text, ==, cases[i].day_text);
      g_assert_cmpstr (date_text, ==, cases[i].day_text);
      g_assert_cmpstr (hour_text, ==, cases[i].hour_text);
      g_assert_cmpstr (long_text, ==, cases[i].long_text);
    }
}

/* How long ago a session was, from Tuesday 24 November 2026 at 14:00 in Paris: days on the
 * calendar (23:59 the day before is yesterday), then months, then years. */
typedef struct
{
  int         year;
  int         month;
  int         day;
  int         hour;
  int         minute;
  const char *age;
  const char *day_text;
} AgeCase;

static const AgeCase age_cases[] = {
  { 2026, 11, 24, 15, 0, "aujourd’hui", "mardi 24 novembre" },
  { 2026, 11, 24, 0, 0, "aujourd’hui", "mardi 24 novembre" },
  { 2026, 11, 23, 23, 59, "hier", "lundi 23 novembre" },
  { 2026, 11, 22, 14, 0, "il y a 2 jours", "dimanche 22 novembre" },
  { 2026, 11, 12, 9, 0, "il y a 12 jours", "jeudi 12 novembre" },
  /* Across the change to winter time: still counted in days. */
  { 2026, 10, 24, 14, 0, "il y a 31 jours", "samedi 24 octobre" },
  { 2026, 10, 11, 14, 0, "il y a 44 jours", "dimanche 11 octobre" },
  { 2026, 10, 10, 14, 0, "il y a 1 mois", "samedi 10 octobre" },
  { 2026, 8, 25, 14, 0, "il y a 2 mois", "mardi 25 août" },
  { 2026, 8, 24, 14, 0, "il y a 3 mois", "lundi 24 août" },
  { 2025, 11, 25, 14, 0, "il y a 11 mois", "mardi 25 novembre 2025" },
  { 2024, 11, 25, 14, 0, "il y a 23 mois", "lundi 25 novembre 2024" },
  { 2024, 11, 24, 14, 0, "il y a 2 ans", "dimanche 24 novembre 2024" },
  { 2016, 1, 4, 14, 0, "il y a 10 ans", "lundi 4 janvier 2016" },
};

static void
test_age (gconstpointer data)
{
  const AgeCase *row = data;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");
  gint64 instant = paris (row->year, row->month, row->day, row->hour, row->minute);
  gint64 now = paris (2026, 11, 24, 14, 0);
  g_autofree char *age = seances_time_format_age (tz, instant, now);
  g_autofree char *day_text = seances_time_format_day_near (tz, instant, now);

  g_assert_cmpstr (age, ==, row->age);
  g_assert_cmpstr (day_text, ==, row->day_text);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  seances_test_init_french ();

  g_test_add_func ("/time/dst/spring-gap", test_spring_gap);
  g_test_add_func ("/time/dst/autumn-repeat", test_autumn_repeat);
  g_test_add_func ("/time/invalid-date", test_invalid_date);
  g_test_add_func ("/time/week-start", test_week_start);
  g_test_add_func ("/time/add-days", test_add_days);
  g_test_add_func ("/time/format-long", test_format);
  for (guint i = 0; i < G_N_ELEMENTS (age_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/time/age/%04d-%02d-%02d-%02d%02d", age_cases[i].year,
                                               age_cases[i].month, age_cases[i].day, age_cases[i].hour,
                                               age_cases[i].minute);

      g_test_add_data_func (path, &age_cases[i], test_age);
    }

  return g_test_run ();
}
