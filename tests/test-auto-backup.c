/* test-auto-backup.c — when the daily backup is due, when it is too old, where it goes
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "seances-auto-backup.h"
#include "seances-practice.h"
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

typedef struct
{
  const char *path;
  int         last[5];  /* year month day hour minute; year 0: never */
  int         now[5];
  gboolean    expected;
} Case;

static gint64
case_time (const int t[5])
{
  return t[0] == 0 ? 0 : at (t[0], t[1], t[2], t[3], t[4]);
}

/* Around the two DST changes of 2026 in Paris (29 March, 25 October), a day has 23 or
 * 25 hours: what counts is the local date, not 24 hours. */
static const Case due_cases[] = {
  { "/auto-backup/due/never",                  { 0 },                    { 2026, 12, 1, 9, 0 },   TRUE },
  { "/auto-backup/due/same-day",               { 2026, 12, 1, 0, 5 },    { 2026, 12, 1, 23, 55 }, FALSE },
  { "/auto-backup/due/next-day-just-after",    { 2026, 12, 1, 23, 55 },  { 2026, 12, 2, 0, 5 },   TRUE },
  { "/auto-backup/due/a-week-later",           { 2026, 11, 24, 12, 0 },  { 2026, 12, 1, 8, 0 },   TRUE },
  { "/auto-backup/due/new-year",               { 2026, 12, 31, 22, 0 },  { 2027, 1, 1, 0, 30 },   TRUE },
  { "/auto-backup/due/clock-set-back",         { 2026, 12, 2, 10, 0 },   { 2026, 12, 1, 10, 0 },  FALSE },
  { "/auto-backup/due/spring/same-day",        { 2026, 3, 29, 0, 30 },   { 2026, 3, 29, 23, 30 }, FALSE },
  { "/auto-backup/due/spring/eve-23h-later",   { 2026, 3, 28, 23, 30 },  { 2026, 3, 29, 23, 30 }, TRUE },
  { "/auto-backup/due/spring/next-day",        { 2026, 3, 29, 23, 30 },  { 2026, 3, 30, 0, 10 },  TRUE },
  { "/auto-backup/due/autumn/same-day-25h",    { 2026, 10, 25, 0, 10 },  { 2026, 10, 25, 23, 50 }, FALSE },
  { "/auto-backup/due/autumn/before-midnight", { 2026, 10, 24, 23, 50 }, { 2026, 10, 25, 0, 10 }, TRUE },
  { "/auto-backup/due/autumn/next-day",        { 2026, 10, 25, 23, 50 }, { 2026, 10, 26, 0, 10 }, TRUE },
};

static void
test_due (gconstpointer data)
{
  const Case *c = data;

  g_assert_cmpint (seances_auto_backup_is_due (case_time (c->last), case_time (c->now), paris),
                   ==, c->expected);
}

/* Stale: the last good backup more than 7 days old; never backed up, the practice more
 * than 7 days old. The « last » column is the backup, « created » the practice. */
typedef struct
{
  const char *path;
  int         last[5];
  int         created[5];
  int         now[5];
  gboolean    expected;
} StaleCase;

static const StaleCase stale_cases[] = {
  { "/auto-backup/stale/yesterday",          { 2026, 11, 30, 19, 0 }, { 2025, 1, 1, 9, 0 },   { 2026, 12, 1, 9, 0 },  FALSE },
  { "/auto-backup/stale/seven-days",         { 2026, 11, 24, 9, 0 },  { 2025, 1, 1, 9, 0 },   { 2026, 12, 1, 9, 0 },  FALSE },
  { "/auto-backup/stale/seven-days-and-a-minute", { 2026, 11, 24, 9, 0 }, { 2025, 1, 1, 9, 0 }, { 2026, 12, 1, 9, 1 }, TRUE },
  { "/auto-backup/stale/nine-days",          { 2026, 11, 22, 9, 0 },  { 2025, 1, 1, 9, 0 },   { 2026, 12, 1, 9, 0 },  TRUE },
  { "/auto-backup/stale/never/new-practice", { 0 },                   { 2026, 11, 28, 9, 0 }, { 2026, 12, 1, 9, 0 },  FALSE },
  { "/auto-backup/stale/never/old-practice", { 0 },                   { 2026, 11, 20, 9, 0 }, { 2026, 12, 1, 9, 0 },  TRUE },
  { "/auto-backup/stale/across-spring-dst",  { 2026, 3, 25, 12, 0 },  { 2025, 1, 1, 9, 0 },   { 2026, 4, 1, 12, 30 }, FALSE },
  { "/auto-backup/stale/across-autumn-dst",  { 2026, 10, 21, 12, 0 }, { 2025, 1, 1, 9, 0 },   { 2026, 10, 28, 12, 0 }, TRUE },
};

static void
test_stale (gconstpointer data)
{
  const StaleCase *c = data;

  g_assert_cmpint (seances_auto_backup_is_stale (case_time (c->last), case_time (c->created),
                                                 case_time (c->now)),
                   ==, c->expected);
}

/* A real practice database, in the test's own data folder. */
typedef struct
{
  char            *path;
  SeancesKey      *key;
  SeancesDatabase *database;
  char            *folder;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_folder = g_build_filename (g_get_user_data_dir (), "seances", NULL);

  g_assert_cmpint (g_mkdir_with_parents (data_folder, 0700), ==, 0);
  fixture->path = g_build_filename (data_folder, "seances.db", NULL);
  fixture->key = seances_key_new_random ();
  fixture->database = seances_database_create (fixture->path, fixture->key, &error);
  g_assert_no_error (error);

  seances_test_save_practice (fixture->database);

  fixture->folder = g_build_filename (g_get_home_dir (), "Clé USB", "Sauvegardes", NULL);
  g_assert_cmpint (g_mkdir_with_parents (fixture->folder, 0700), ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->database);
  seances_key_free (fixture->key);
  g_free (fixture->path);
  g_free (fixture->folder);
}

static void
test_state (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 created_at;

  g_assert_null (seances_auto_backup_get_folder (fixture->database));
  g_assert_cmpint (seances_auto_backup_get_last_at (fixture->database), ==, 0);

  g_assert_true (seances_auto_backup_set_folder (fixture->database, fixture->folder, &error));
  g_assert_no_error (error);
  g_assert_true (seances_auto_backup_set_last_at (fixture->database, at (2026, 12, 1, 19, 2), &error));
  g_assert_no_error (error);

  folder = seances_auto_backup_get_folder (fixture->database);
  g_assert_cmpstr (folder, ==, fixture->folder);
  g_assert_cmpint (seances_auto_backup_get_last_at (fixture->database), ==, at (2026, 12, 1, 19, 2));

  /* The practice was saved a moment ago. */
  created_at = seances_auto_backup_get_created_at (fixture->database);
  g_assert_cmpint (created_at, <=, now);
  g_assert_cmpint (created_at, >=, now - 60);

  /* A row damaged by hand reads as « never »: a backup once more, not a crash. */
  g_assert_true (seances_database_set_state (fixture->database, SEANCES_STATE_BACKUP_LAST_AT, "hier", &error));
  g_assert_cmpint (seances_auto_backup_get_last_at (fixture->database), ==, 0);
}

/* Where a backup may go: never into Séances's own data folder, never a folder that is
 * not there (a drive unplugged). */
static void
test_check_folder (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_folder = g_path_get_dirname (fixture->path);
  g_autofree char *inside = g_build_filename (data_folder, "sauvegardes", NULL);
  g_autofree char *missing = g_build_filename (g_get_home_dir (), "Disque débranché", NULL);
  gint64 now = at (2026, 12, 1, 19, 2);

  g_assert_true (seances_auto_backup_check_folder (fixture->folder, now, paris, &error));
  g_assert_no_error (error);

  g_assert_false (seances_auto_backup_check_folder (data_folder, now, paris, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
  g_assert_cmpstr (error->message, ==, "Ce dossier contient les données de Séances\xc2\xa0: "
                   "choisissez-en un autre, par exemple sur une clé USB.");
  g_clear_error (&error);

  g_assert_cmpint (g_mkdir_with_parents (inside, 0700), ==, 0);
  g_assert_false (seances_auto_backup_check_folder (inside, now, paris, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
  g_assert_cmpstr (error->message, ==, "Ce dossier contient les données de Séances\xc2\xa0: "
                   "choisissez-en un autre, par exemple sur une clé USB.");
  g_clear_error (&error);

  g_assert_false (seances_auto_backup_check_folder (missing, now, paris, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==,
                   "Le dossier de sauvegarde est introuvable\xc2\xa0: le disque est-il branché\xc2\xa0?");
}

/* A run into a real folder writes one backup of the rotation's name, that opens with
 * the practice's key. */
static void
test_run (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  SeancesBackupInfo info = { 0 };
  SeancesBackupInfo verified = { 0 };
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *name = seances_rotation_name_for (now, paris);

  g_assert_true (seances_auto_backup_run (fixture->path, fixture->key, fixture->folder, now, paris,
                                          &info, &error));
  g_assert_no_error (error);

  path = g_build_filename (fixture->folder, name, NULL);
  g_assert_true (seances_backup_verify (path, fixture->key, &verified, &error));
  g_assert_no_error (error);
  g_assert_cmpint (verified.schema_version, ==, seances_database_get_schema_version (fixture->database));
  g_assert_cmpint (verified.n_rows, ==, info.n_rows);
  g_assert_cmpint (verified.n_rows, >=, 1);
}

/* The drive is unplugged: the folder is not made again where the drive was mounted. */
static void
test_run_missing_folder (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (g_get_home_dir (), "media", "CLE-USB", "Sauvegardes", NULL);
  g_autofree char *mount = g_build_filename (g_get_home_dir (), "media", NULL);

  g_assert_false (seances_auto_backup_run (fixture->path, fixture->key, missing, at (2026, 12, 1, 19, 2),
                                           paris, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==,
                   "Le dossier de sauvegarde est introuvable\xc2\xa0: le disque est-il branché\xc2\xa0?");
  g_assert_false (g_file_test (mount, G_FILE_TEST_EXISTS));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
list_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  return names;
}

/* A month of daily runs at 19:02, across the autumn DST change: after each one the folder
 * holds exactly what the rotation keeps of every backup made so far, and the file that is
 * not an automatic backup. */
static void
test_thirty_days (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GArray) kept = g_array_new (FALSE, TRUE, sizeof (SeancesRotationEntry));
  g_autofree char *foreign = g_build_filename (fixture->folder, "notes.txt", NULL);

  g_assert_true (g_file_set_contents (foreign, "à garder", -1, NULL));

  for (int day = 0; day < 30; day++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) present = NULL;
      g_auto(GStrv) expired = NULL;
      SeancesRotationEntry entry;
      g_autoptr(GDateTime) first = g_date_time_new (paris, 2026, 10, 10, 19, 2, 0);
      g_autoptr(GDateTime) today = g_date_time_add_days (first, day);
      gint64 now = g_date_time_to_unix (today);

      g_assert_true (seances_auto_backup_run (fixture->path, fixture->key, fixture->folder, now, paris,
                                              NULL, &error));
      g_assert_no_error (error);

      entry.name = seances_rotation_name_for (now, paris);
      entry.taken_at = now;
      g_array_append_val (kept, entry);
      expired = seances_rotation_expired ((const SeancesRotationEntry *) kept->data, kept->len, now, paris);
      for (guint i = kept->len; i > 0; i--)
        {
          SeancesRotationEntry *e = &g_array_index (kept, SeancesRotationEntry, i - 1);

          if (g_strv_contains ((const char * const *) expired, e->name))
            {
              g_free (e->name);
              g_array_remove_index (kept, i - 1);
            }
        }

      for (guint i = 0; i < kept->len; i++)
        g_ptr_array_add (expected, g_strdup (g_array_index (kept, SeancesRotationEntry, i).name));
      g_ptr_array_add (expected, g_strdup ("notes.txt"));
      g_ptr_array_sort (expected, compare_names);

      present = list_folder (fixture->folder);
      g_assert_cmpuint (present->len, ==, expected->len);
      for (guint i = 0; i < expected->len; i++)
        g_assert_cmpstr (present->pdata[i], ==, expected->pdata[i]);
    }

  /* 7 days, then the newest of each of the 4 older weeks that have one. */
  g_assert_cmpuint (kept->len, >=, SEANCES_ROTATION_DAYS + 3);
  g_assert_cmpuint (kept->len, <=, SEANCES_ROTATION_DAYS + SEANCES_ROTATION_WEEKS + 1);
  for (guint i = 0; i < kept->len; i++)
    g_free (g_array_index (kept, SeancesRotationEntry, i).name);
}

int
main (int   argc,
      char *argv[])
{
  seances_test_init_french ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  paris = g_time_zone_new_identifier ("Europe/Paris");
  g_assert_nonnull (paris);

  for (guint i = 0; i < G_N_ELEMENTS (due_cases); i++)
    g_test_add_data_func (due_cases[i].path, &due_cases[i], test_due);
  for (guint i = 0; i < G_N_ELEMENTS (stale_cases); i++)
    g_test_add_data_func (stale_cases[i].path, &stale_cases[i], test_stale);

  g_test_add ("/auto-backup/state", Fixture, NULL, fixture_set_up, test_state, fixture_tear_down);
  g_test_add ("/auto-backup/check-folder", Fixture, NULL, fixture_set_up, test_check_folder, fixture_tear_down);

  g_test_add ("/auto-backup/run", Fixture, NULL, fixture_set_up, test_run, fixture_tear_down);
  g_test_add ("/auto-backup/run/missing-folder", Fixture, NULL, fixture_set_up, test_run_missing_folder,
              fixture_tear_down);
  g_test_add ("/auto-backup/run/thirty-days", Fixture, NULL, fixture_set_up, test_thirty_days, fixture_tear_down);

  return g_test_run ();
}
