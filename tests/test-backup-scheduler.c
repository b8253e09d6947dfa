/* test-backup-scheduler.c — the automatic backup as the window runs it: into a real
 * folder, a drive unplugged, the notice of the main window, and letting the practice go
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "seances-auto-backup.h"
#include "seances-backup-scheduler.h"
#include "seances-database-private.h"
#include "seances-rotation.h"
#include "seances-test.h"

typedef struct
{
  char                   *path;
  SeancesKey             *key;
  SeancesDatabase        *database;
  SeancesContext         *context;
  char                   *folder;
  GTimeZone              *tz;
  gint64                  now;
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

  fixture->context = seances_context_new (fixture->database, &error);
  g_assert_no_error (error);
  fixture->tz = g_time_zone_ref (seances_context_get_time_zone (fixture->context));
  fixture->now = g_get_real_time () / G_USEC_PER_SEC;

  fixture->folder = g_build_filename (g_get_home_dir (), "Clé USB", NULL);
  g_assert_cmpint (g_mkdir_with_parents (fixture->folder, 0700), ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->context);
  g_assert_finalize_object (fixture->database);
  seances_key_free (fixture->key);
  g_time_zone_unref (fixture->tz);
  g_free (fixture->path);
  g_free (fixture->folder);
}

/* Stopped as the window stops it when it goes: a backup task may still hold the
 * scheduler a moment, and must not keep the practice open meanwhile. */
typedef SeancesBackupScheduler StoppedScheduler;

static void
stop (SeancesBackupScheduler *scheduler)
{
  seances_backup_scheduler_stop (scheduler);
  g_object_unref (scheduler);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StoppedScheduler, stop)

static void
changed_cb (SeancesBackupScheduler *scheduler,
            gboolean               *done)
{
  if (!seances_backup_scheduler_get_running (scheduler))
    *done = TRUE;
}

static void
wait_backup (SeancesBackupScheduler *scheduler)
{
  gboolean done = FALSE;
  gulong handler = g_signal_connect (scheduler, "changed", G_CALLBACK (changed_cb), &done);

  g_assert_true (seances_backup_scheduler_get_running (scheduler));
  seances_test_wait (&done);
  g_signal_handler_disconnect (scheduler, handler);
}

static void
run_and_wait (SeancesBackupScheduler *scheduler)
{
  seances_backup_scheduler_run_now (scheduler);
  wait_backup (scheduler);
}

/* Choosing a folder backs up into it at once when today's backup is still to be made;
 * the file is the day's, and its time is recorded in the database. */
static void
test_choose_folder (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(StoppedScheduler) scheduler = seances_backup_scheduler_new (fixture->context);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *notice = NULL;

  g_assert_null (seances_backup_scheduler_get_folder (scheduler));
  g_assert_true (seances_backup_scheduler_set_folder (scheduler, fixture->folder, &error));
  g_assert_no_error (error);

  wait_backup (scheduler);
  g_assert_null (seances_backup_scheduler_get_error (scheduler));
  g_assert_cmpint (seances_backup_scheduler_get_last_at (scheduler), >=, fixture->now);
  g_assert_cmpint (seances_auto_backup_get_last_at (fixture->database), ==,
                   seances_backup_scheduler_get_last_at (scheduler));

  name = seances_rotation_name_for (seances_backup_scheduler_get_last_at (scheduler), fixture->tz);
  path = g_build_filename (fixture->folder, name, NULL);
  g_assert_true (seances_backup_verify (path, fixture->key, NULL, &error));
  g_assert_no_error (error);

  notice = seances_backup_scheduler_dup_notice (scheduler);
  g_assert_null (notice);

  /* « Sauvegarder maintenant » backs up again the same day, whatever the schedule says. */
  run_and_wait (scheduler);
  g_assert_null (seances_backup_scheduler_get_error (scheduler));

  /* Another window opened on the same data finds the folder again. */
  {
    g_autoptr(StoppedScheduler) again = seances_backup_scheduler_new (fixture->context);

    g_assert_cmpstr (seances_backup_scheduler_get_folder (again), ==, fixture->folder);
  }
}

/* The drive was unplugged after it was chosen: the notice says so, and the folder is not
 * made again on the computer's own disk. */
static void
test_missing_folder (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(StoppedScheduler) scheduler = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (g_get_home_dir (), "CLE-USB", NULL);
  g_autofree char *notice = NULL;
  const char *sentence = "Le dossier de sauvegarde est introuvable\xc2\xa0: le disque est-il branché\xc2\xa0?";

  g_assert_true (seances_auto_backup_set_folder (fixture->database, missing, &error));
  scheduler = seances_backup_scheduler_new (fixture->context);

  /* Choosing it now is refused with the same sentence. */
  g_assert_false (seances_backup_scheduler_set_folder (scheduler, missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, sentence);

  run_and_wait (scheduler);
  g_assert_error (seances_backup_scheduler_get_error (scheduler), G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpint (seances_auto_backup_get_last_at (fixture->database), ==, 0);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  notice = seances_backup_scheduler_dup_notice (scheduler);
  g_assert_cmpstr (notice, ==, sentence);
}

typedef struct
{
  const char *path;
  int         practice_age_days;
  int         backup_age_days;  /* 0: never */
  const char *notice;
} NoticeCase;

static const NoticeCase notice_cases[] = {
  { "/backup-scheduler/notice/new-practice", 2, 0, NULL },
  { "/backup-scheduler/notice/never", 30, 0, "Vos données ne sont encore sauvegardées nulle part." },
  { "/backup-scheduler/notice/yesterday", 30, 1, NULL },
  { "/backup-scheduler/notice/a-week", 30, 7, NULL },
  { "/backup-scheduler/notice/nine-days", 30, 9, "Dernière sauvegarde il y a 9 jours." },
};

static void
test_notice (Fixture       *fixture,
             gconstpointer  data)
{
  const NoticeCase *c = data;
  g_autoptr(StoppedScheduler) scheduler = NULL;
  g_autoptr(SeancesStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *notice = NULL;
  gint64 day = 24 * 3600;

  stmt = seances_database_prepare (fixture->database, "UPDATE practice SET created_at = ?1", &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, fixture->now - c->practice_age_days * day);
  g_assert_true (seances_database_step (fixture->database, stmt, NULL, &error));
  if (c->backup_age_days > 0)
    g_assert_true (seances_auto_backup_set_last_at (fixture->database, fixture->now - c->backup_age_days * day,
                                                    &error));
  g_assert_no_error (error);
  seances_context_set_now (fixture->context, fixture->now);

  scheduler = seances_backup_scheduler_new (fixture->context);
  notice = seances_backup_scheduler_dup_notice (scheduler);
  g_assert_cmpstr (notice, ==, c->notice);
}

/* Once the window has stopped it, the scheduler no longer holds the practice. */
static void
test_stop_releases_context (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(StoppedScheduler) scheduler = seances_backup_scheduler_new (fixture->context);

  seances_backup_scheduler_start (scheduler);
  seances_backup_scheduler_stop (scheduler);
  g_assert_finalize_object (g_steal_pointer (&fixture->context));
  g_assert_null (seances_backup_scheduler_dup_notice (scheduler));
}

/* The window closes with today's backup still to be made: it is taken, the window's
 * scheduler stopped and dropped meanwhile, and its time still reaches the database. */
static void
test_quit (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GApplication) application = g_application_new (NULL, G_APPLICATION_DEFAULT_FLAGS);
  g_autoptr(GError) error = NULL;
  SeancesBackupScheduler *scheduler;
  g_autoptr(GDir) dir = NULL;
  gboolean done = FALSE;

  g_assert_true (seances_auto_backup_set_folder (fixture->database, fixture->folder, &error));
  scheduler = seances_backup_scheduler_new (fixture->context);
  g_signal_connect (scheduler, "changed", G_CALLBACK (changed_cb), &done);

  seances_backup_scheduler_quit (scheduler, application);
  g_assert_true (seances_backup_scheduler_get_running (scheduler));
  seances_backup_scheduler_stop (scheduler);
  g_object_unref (scheduler);
  g_clear_object (&fixture->context);

  seances_test_wait (&done);
  g_assert_cmpint (seances_auto_backup_get_last_at (fixture->database), >=, fixture->now);
  dir = g_dir_open (fixture->folder, 0, NULL);
  g_assert_nonnull (g_dir_read_name (dir));
}

int
main (int   argc,
      char *argv[])
{
  seances_test_init_french ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/backup-scheduler/choose-folder", Fixture, NULL, fixture_set_up, test_choose_folder, fixture_tear_down);
  g_test_add ("/backup-scheduler/missing-folder", Fixture, NULL, fixture_set_up, test_missing_folder,
              fixture_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (notice_cases); i++)
    g_test_add (notice_cases[i].path, Fixture, &notice_cases[i], fixture_set_up, test_notice, fixture_tear_down);
  g_test_add ("/backup-scheduler/quit", Fixture, NULL, fixture_set_up, test_quit, fixture_tear_down);
  g_test_add ("/backup-scheduler/stop-releases-context", Fixture, NULL, fixture_set_up,
              test_stop_releases_context, fixture_tear_down);

  return g_test_run ();
}
