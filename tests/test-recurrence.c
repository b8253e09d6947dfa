/* test-recurrence.c — the dates of a series, at the same local time across clock changes
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "seances-recurrence.h"
#include "seances-time.h"
#include "seances-test.h"

#define NBSP "\xc2\xa0"

/* The starts as the practitioner reads them, with their offset: "2026-03-24 14:00 +01:00, …" */
static char *
describe (GTimeZone *tz,
          GArray    *starts)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < starts->len; i++)
    {
      g_autoptr(GDateTime) local = seances_time_to_local (tz, g_array_index (starts, gint64, i));
      g_autofree char *one = g_date_time_format (local, "%Y-%m-%d %H:%M %:z");

      g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", one);
    }
  return g_string_free (text, FALSE);
}

static void
test_expand (void)
{
  static const struct {
    int         year;
    int         month;
    int         day;
    int         hour;
    int         minute;
    int         interval;
    int         count;
    int         until_year;   /* 0: use count */
    int         until_month;
    int         until_day;
    const char *expected;
  } cases[] = {
    /* Weekly across the spring change: 14:00 stays 14:00. */
    { 2026, 3, 17, 14, 0, 1, 4, 0, 0, 0,
      "2026-03-17 14:00 +01:00, 2026-03-24 14:00 +01:00, "
      "2026-03-31 14:00 +02:00, 2026-04-07 14:00 +02:00" },
    /* Every two weeks across the autumn change. */
    { 2026, 10, 14, 9, 30, 2, 3, 0, 0, 0,
      "2026-10-14 09:30 +02:00, 2026-10-28 09:30 +01:00, 2026-11-11 09:30 +01:00" },
    /* Until a date, inclusive. */
    { 2026, 11, 3, 18, 15, 1, 0, 2026, 11, 24,
      "2026-11-03 18:15 +01:00, 2026-11-10 18:15 +01:00, "
      "2026-11-17 18:15 +01:00, 2026-11-24 18:15 +01:00" },
    { 2026, 11, 3, 18, 15, 1, 0, 2026, 11, 23,
      "2026-11-03 18:15 +01:00, 2026-11-10 18:15 +01:00, 2026-11-17 18:15 +01:00" },
    { 2026, 11, 3, 18, 15, 1, 0, 2026, 11, 3, "2026-11-03 18:15 +01:00" },
    /* Every three weeks until a date in the next year. */
    { 2026, 12, 1, 8, 0, 3, 0, 2027, 1, 31,
      "2026-12-01 08:00 +01:00, 2026-12-22 08:00 +01:00, 2027-01-12 08:00 +01:00" },
    /* A count of one is a single session. */
    { 2026, 11, 24, 14, 0, 1, 1, 0, 0, 0, "2026-11-24 14:00 +01:00" },
    /* 02:30 exists on the night the clocks go back: its first occurrence. */
    { 2026, 10, 18, 2, 30, 1, 2, 0, 0, 0, "2026-10-18 02:30 +02:00, 2026-10-25 02:30 +02:00" },
  };
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("cases[%u]", i);
      g_autoptr(GDate) until = NULL;
      g_autoptr(GArray) starts = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;

      if (cases[i].until_year != 0)
        until = g_date_new_dmy (cases[i].until_day, cases[i].until_month, cases[i].until_year);

      starts = seances_recurrence_expand (tz, cases[i].year, cases[i].month, cases[i].day,
                                          cases[i].hour, cases[i].minute, cases[i].interval,
                                          cases[i].count, until, &error);
      g_assert_no_error (error);
      text = describe (tz, starts);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_count_limit (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDate) until = g_date_new_dmy (24, 11, 2030);
  g_autoptr(GArray) starts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) last = NULL;

  starts = seances_recurrence_expand (tz, 2026, 11, 24, 14, 0, 1, 200, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (starts->len, ==, 200);
  last = seances_time_to_local (tz, g_array_index (starts, gint64, 199));
  g_assert_cmpint (g_date_time_get_hour (last), ==, 14);
  g_assert_cmpint (g_date_time_get_day_of_week (last), ==, 2);
  g_clear_pointer (&starts, g_array_unref);

  /* Four years of weekly sessions is more than a series holds. */
  starts = seances_recurrence_expand (tz, 2026, 11, 24, 14, 0, 1, 0, until, &error);
  g_assert_error (error, SEANCES_TIME_ERROR, SEANCES_TIME_ERROR_INVALID);
  g_assert_null (starts);
}

/* The whole series is refused when one of its dates falls in the spring gap. */
static void
test_spring_gap (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDate) until = g_date_new_dmy (5, 4, 2026);
  g_autoptr(GArray) starts = NULL;
  g_autoptr(GError) error = NULL;

  starts = seances_recurrence_expand (tz, 2026, 3, 15, 2, 30, 1, 4, NULL, &error);
  g_assert_null (starts);
  g_assert_error (error, SEANCES_TIME_ERROR, SEANCES_TIME_ERROR_NONEXISTENT);
  g_assert_cmpstr (error->message, ==,
                   "Le dimanche 29 mars, cette heure n’existe pas" NBSP ": on passe à l’heure d’été. "
                   "Choisissez une autre heure pour la série.");
  g_clear_error (&error);

  starts = seances_recurrence_expand (tz, 2026, 3, 22, 2, 0, 1, 0, until, &error);
  g_assert_null (starts);
  g_assert_error (error, SEANCES_TIME_ERROR, SEANCES_TIME_ERROR_NONEXISTENT);
  g_clear_error (&error);

  /* Every two weeks from 22 March skips 29 March: nothing to refuse. */
  starts = seances_recurrence_expand (tz, 2026, 3, 22, 2, 30, 2, 3, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (starts->len, ==, 3);
}

static void
test_invalid (void)
{
  static const struct {
    int         month;
    int         day;
    int         interval;
    int         count;
    int         until_day;  /* in November 2026; 0: use count */
    const char *message;
  } cases[] = {
    { 11, 24, 0, 4, 0, "Une série se répète toutes les 1 à 52 semaines." },
    { 11, 24, 53, 4, 0, "Une série se répète toutes les 1 à 52 semaines." },
    { 11, 24, 1, 0, 0, "Une série compte de 1 à 200 séances." },
    { 11, 24, 1, 201, 0, "Une série compte de 1 à 200 séances." },
    { 11, 24, 1, -3, 0, "Une série compte de 1 à 200 séances." },
    { 11, 24, 1, 0, 23, "La date de fin précède la première séance." },
    { 11, 31, 1, 4, 0, "Cette date n’existe pas" NBSP ": vérifiez le jour et le mois." },
    { 2, 29, 1, 4, 0, "Cette date n’existe pas" NBSP ": vérifiez le jour et le mois." },
  };
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("cases[%u]", i);
      g_autoptr(GDate) until = NULL;
      g_autoptr(GArray) starts = NULL;
      g_autoptr(GError) error = NULL;

      if (cases[i].until_day != 0)
        until = g_date_new_dmy (cases[i].until_day, 11, 2026);

      starts = seances_recurrence_expand (tz, 2026, cases[i].month, cases[i].day, 14, 0,
                                          cases[i].interval, cases[i].count, until, &error);
      g_assert_null (starts);
      g_assert_error (error, SEANCES_TIME_ERROR, SEANCES_TIME_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  seances_test_init_french ();

  g_test_add_func ("/recurrence/expand", test_expand);
  g_test_add_func ("/recurrence/count-limit", test_count_limit);
  g_test_add_func ("/recurrence/dst/spring-gap", test_spring_gap);
  g_test_add_func ("/recurrence/invalid", test_invalid);

  return g_test_run ();
}
