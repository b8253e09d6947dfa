/* test-rotation.c — which automatic backups are kept: a simulated year, gaps, DST days
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "seances-rotation.h"
#include "seances-test.h"

static GTimeZone *paris;

/* A local time in Paris, as UTC seconds. */
static gint64
at (int year,
    int month,
    int day,
    int hour,
    int minute)
{
  g_autoptr(GDateTime) local = g_date_time_new (paris, year, month, day, hour, minute, 0);

  g_assert_nonnull (local);
  return g_date_time_to_unix (local);
}

static void
test_name_round_trip (void)
{
  gint64 taken_at = at (2026, 12, 1, 19, 2);
  g_autofree char *name = seances_rotation_name_for (taken_at, paris);
  gint64 parsed = 0;

  g_assert_cmpstr (name, ==, "seances-2026-12-01-1902.seancesbackup");
  g_assert_true (seances_rotation_parse_name (name, paris, &parsed));
  g_assert_cmpint (parsed, ==, taken_at);
}

/* Anything that is not exactly a name of ours is left alone. */
static const char * const foreign_names[] = {
  "seances.db",
  "seances-2026-12-01-1902.seancesbackup.tmp",
  ".seances-2026-12-01-1902.seancesbackup",
  "Seances-2026-12-01-1902.seancesbackup",
  "seances-2026-12-01-1902.SEANCESBACKUP",
  "seances-2026-12-01-19021.seancesbackup",
  "seances-2026-12-01-190.seancesbackup",
  "seances-2026-12-01_1902.seancesbackup",
  "seances-2026-13-01-1902.seancesbackup",
  "seances-2026-02-29-1902.seancesbackup",
  "seances-2026-12-00-1902.seancesbackup",
  "seances-2026-12-01-2402.seancesbackup",
  "seances-2026-12-01-1960.seancesbackup",
  "seances-2026-12-01-19+2.seancesbackup",
  "seances-2026-12-01-1902 (copie).seancesbackup",
  "",
};

static void
test_foreign_name (gconstpointer data)
{
  g_assert_false (seances_rotation_parse_name (data, paris, NULL));
}

/* One folder of real (empty) files, pruned as the schedule would. */
typedef struct
{
  char *folder;
} Folder;

static void
folder_set_up (Folder        *fixture,
               gconstpointer  data)
{
  fixture->folder = g_build_filename (g_get_user_data_dir (), "Sauvegardes", NULL);
  g_assert_cmpint (g_mkdir_with_parents (fixture->folder, 0700), ==, 0);
}

static void
folder_tear_down (Folder        *fixture,
                  gconstpointer  data)
{
  g_free (fixture->folder);
}

static void
touch (const char *folder,
       const char *name)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "", 0, &error);
  g_assert_no_error (error);
}

static void
add_backup (const char *folder,
            gint64      taken_at)
{
  g_autofree char *name = seances_rotation_name_for (taken_at, paris);

  touch (folder, name);
}

static void
prune (const char *folder,
       gint64      now)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (seances_rotation_prune (folder, now, paris, NULL, &error));
  g_assert_no_error (error);
}

static int
by_text (gconstpointer a,
         gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The days left in the folder, as « 2026-12-31 », oldest first. */
static char *
days_left (const char *folder)
{
  g_autoptr(GArray) entries = seances_rotation_list (folder, paris, NULL);
  g_autoptr(GPtrArray) days = g_ptr_array_new_with_free_func (g_free);

  g_assert_nonnull (entries);
  for (guint i = 0; i < entries->len; i++)
    {
      const SeancesRotationEntry *entry = &g_array_index (entries, SeancesRotationEntry, i);
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (entry->taken_at);
      g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, paris);

      g_ptr_array_add (days, g_date_time_format (local, "%Y-%m-%d"));
    }
  g_ptr_array_sort (days, by_text);
  g_ptr_array_add (days, NULL);
  return g_strjoinv (" ", (char **) days->pdata);
}

/* A backup every evening for thirteen months, rotation after each: never more than 23
 * files, and at the end the 7 last days, the newest of each of the 4 weeks before, and
 * the newest of each of the 12 months before those (a month's newest being its last
 * Sunday, kept as its week's). Both DST Sundays of 2026 are among them. */
static void
test_year_of_daily_backups (Folder        *fixture,
                            gconstpointer  data)
{
  static const char expected[] =
    "2025-12-28 2026-01-25 2026-02-22 2026-03-29 2026-04-26 2026-05-31 2026-06-28 "
    "2026-07-26 2026-08-30 2026-09-27 2026-10-25 2026-11-29 "
    "2026-12-06 2026-12-13 2026-12-20 2026-12-24 "
    "2026-12-25 2026-12-26 2026-12-27 2026-12-28 2026-12-29 2026-12-30 2026-12-31";
  g_autoptr(GDateTime) day = g_date_time_new (paris, 2025, 12, 1, 19, 2, 0);
  g_autoptr(GDateTime) last = g_date_time_new (paris, 2026, 12, 31, 19, 2, 0);
  g_autofree char *left = NULL;
  int n_days = 0;

  while (g_date_time_compare (day, last) <= 0)
    {
      g_autoptr(GArray) entries = NULL;
      GDateTime *next;

      add_backup (fixture->folder, g_date_time_to_unix (day));
      prune (fixture->folder, g_date_time_to_unix (day));
      entries = seances_rotation_list (fixture->folder, paris, NULL);
      g_assert_cmpuint (entries->len, <=, 23);
      if (n_days < SEANCES_ROTATION_DAYS)
        g_assert_cmpuint (entries->len, ==, n_days + 1);

      next = g_date_time_add_days (day, 1);
      g_date_time_unref (day);
      day = next;
      n_days++;
    }

  g_assert_cmpint (n_days, ==, 396);
  left = days_left (fixture->folder);
  g_assert_cmpstr (left, ==, expected);
}

/* A laptop off for three weeks: the days before the gap still count as days, so the
 * backups just before it are not lost for lack of newer ones. */
static void
test_three_week_gap (Folder        *fixture,
                     gconstpointer  data)
{
  static const char expected[] =
    "2026-01-25 2026-02-01 2026-02-08 2026-02-15 2026-02-22 2026-02-26 "
    "2026-02-27 2026-02-28 2026-03-01 2026-03-22 2026-03-23 2026-03-24 2026-03-25";
  g_autoptr(GDateTime) day = g_date_time_new (paris, 2026, 1, 1, 9, 30, 0);
  g_autofree char *left = NULL;

  for (int i = 0; i < 84; i++)
    {
      g_autoptr(GDateTime) now = g_date_time_add_days (day, i);
      int month, mday;

      g_date_time_get_ymd (now, NULL, &month, &mday);
      if ((month == 3 && mday > 1 && mday < 22) || (month == 3 && mday > 25))
        continue;  /* switched off */
      add_backup (fixture->folder, g_date_time_to_unix (now));
      prune (fixture->folder, g_date_time_to_unix (now));
    }

  left = days_left (fixture->folder);
  g_assert_cmpstr (left, ==, expected);
}

typedef struct
{
  const char *name;
  int         month, day, hour, minute;  /* in 2026, Paris */
  gboolean    expires;
} Backup;

typedef struct
{
  const char *title;
  int         now_month, now_day;        /* at 23:59 */
  Backup      backups[6];
} Case;

/* Several backups a day: only the newest of each local day stays, including on the
 * 23-hour and 25-hour days of DST, where a UTC day would split the evening from the
 * morning. */
static const Case same_day_cases[] = {
  { "two-the-same-day", 12, 1, {
      { "morning", 12, 1, 8, 0, TRUE },
      { "evening", 12, 1, 19, 2, FALSE },
      { "day-before", 11, 30, 19, 2, FALSE } } },
  { "spring-forward", 3, 29, {
      { "just-after-midnight", 3, 29, 0, 15, TRUE },
      { "after-the-gap", 3, 29, 3, 10, TRUE },
      { "late-evening", 3, 29, 23, 45, FALSE },
      { "saturday-night", 3, 28, 23, 45, FALSE } } },
  { "fall-back", 10, 25, {
      { "just-after-midnight", 10, 25, 0, 15, TRUE },
      { "repeated-hour", 10, 25, 2, 30, TRUE },
      { "late-evening", 10, 25, 23, 45, FALSE },
      { "saturday-night", 10, 24, 23, 45, FALSE } } },
};

static void
test_same_day (gconstpointer data)
{
  const Case *c = data;
  SeancesRotationEntry entries[G_N_ELEMENTS (c->backups)];
  g_autoptr(GPtrArray) wanted = g_ptr_array_new ();
  g_auto(GStrv) expired = NULL;
  gsize n = 0;

  for (; n < G_N_ELEMENTS (c->backups) && c->backups[n].name != NULL; n++)
    {
      const Backup *b = &c->backups[n];

      entries[n].name = (char *) b->name;
      entries[n].taken_at = at (2026, b->month, b->day, b->hour, b->minute);
      if (b->expires)
        g_ptr_array_add (wanted, (gpointer) b->name);
    }

  expired = seances_rotation_expired (entries, n, at (2026, c->now_month, c->now_day, 23, 59), paris);
  g_assert_cmpuint (g_strv_length (expired), ==, wanted->len);
  for (guint i = 0; i < wanted->len; i++)
    g_assert_true (g_strv_contains ((const char * const *) expired, wanted->pdata[i]));
}

/* A backup dated after "now" (a clock set wrong once) is kept and takes no day from the
 * real ones: seven real days stay beside it. */
static void
test_future_backup (void)
{
  SeancesRotationEntry entries[9];
  g_auto(GStrv) expired = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  entries[0].name = (char *) "future";
  entries[0].taken_at = at (2031, 1, 1, 12, 0);
  for (int i = 0; i < 8; i++)
    {
      g_ptr_array_add (names, g_strdup_printf ("day-%d", i + 1));
      entries[i + 1].name = names->pdata[i];
      entries[i + 1].taken_at = at (2026, 6, i + 1, 19, 0);
    }

  expired = seances_rotation_expired (entries, G_N_ELEMENTS (entries), at (2026, 6, 8, 20, 0), paris);
  /* Days 8 to 2 are the seven days; day 1 is the newest of its week among the older
   * ones. Had the future one taken a day, day 1 would share a week with day 2 and go. */
  g_assert_cmpuint (g_strv_length (expired), ==, 0);
}

static void
test_empty (void)
{
  g_auto(GStrv) expired = seances_rotation_expired (NULL, 0, 0, paris);

  g_assert_nonnull (expired);
  g_assert_null (expired[0]);
}

/* Pruning touches only regular files with our names: not the user's own files, not a
 * link or a folder named like a backup, not a half-written temporary file. */
static void
test_prune_leaves_others (Folder        *fixture,
                          gconstpointer  data)
{
  static const char * const others[] = {
    "notes.txt",
    "seances-2020-01-01-1200.seancesbackup.tmp",
    "seances-2020-01-02-1200.seancesbackup (copie)",
    "sauvegarde-manuelle.seancesbackup",
  };
  g_autofree char *link = g_build_filename (fixture->folder, "seances-2020-01-03-1200.seancesbackup", NULL);
  g_autofree char *folder = g_build_filename (fixture->folder, "seances-2020-01-04-1200.seancesbackup", NULL);
  g_autofree char *target = g_build_filename (fixture->folder, "notes.txt", NULL);
  guint n_deleted = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) entries = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    touch (fixture->folder, others[i]);
  g_assert_cmpint (symlink (target, link), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  /* Thirty days of ours: seven days and the newest of the weeks before stay. */
  for (int i = 1; i <= 30; i++)
    add_backup (fixture->folder, at (2026, 4, i, 19, 2));

  g_assert_true (seances_rotation_prune (fixture->folder, at (2026, 4, 30, 20, 0), paris, &n_deleted, &error));
  g_assert_no_error (error);
  entries = seances_rotation_list (fixture->folder, paris, NULL);
  g_assert_cmpuint (n_deleted + entries->len, ==, 30);
  g_assert_cmpuint (entries->len, ==, 7 + 4);

  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_test_message ("others[%u]", i);
      g_autofree char *path = g_build_filename (fixture->folder, others[i], NULL);

      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
}

static void
test_prune_missing_folder (void)
{
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "clé débranchée", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (seances_rotation_prune (folder, 0, paris, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==,
                   "Le dossier des sauvegardes est illisible : vérifiez que son disque est "
                   "branché, puis réessayez.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  seances_test_init_french ();
  paris = g_time_zone_new_identifier ("Europe/Paris");

  g_test_add_func ("/rotation/name/round-trip", test_name_round_trip);
  for (guint i = 0; i < G_N_ELEMENTS (foreign_names); i++)
    {
      g_autofree char *path = g_strdup_printf ("/rotation/name/foreign/%u", i);

      g_test_add_data_func (path, foreign_names[i], test_foreign_name);
    }
  g_test_add ("/rotation/year-of-daily-backups", Folder, NULL, folder_set_up,
              test_year_of_daily_backups, folder_tear_down);
  g_test_add ("/rotation/three-week-gap", Folder, NULL, folder_set_up,
              test_three_week_gap, folder_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (same_day_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/rotation/same-day/%s", same_day_cases[i].title);

      g_test_add_data_func (path, &same_day_cases[i], test_same_day);
    }
  g_test_add_func ("/rotation/future", test_future_backup);
  g_test_add_func ("/rotation/empty", test_empty);
  g_test_add ("/rotation/prune/leaves-others", Folder, NULL, folder_set_up,
              test_prune_leaves_others, folder_tear_down);
  g_test_add_func ("/rotation/prune/missing-folder", test_prune_missing_folder);

  return g_test_run ();
}
