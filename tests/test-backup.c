/* test-backup.c — backups of a live database, their checks, and restores
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real files and real processes: a second process writes to the database while it is
 * backed up (this program run again with --writer), or holds the data folder's lock
 * (--hold-lock). */
#include "config.h"

#include <fcntl.h>
#include <signal.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "seances-backup.h"
#include "seances-database-private.h"
#include "seances-demo.h"
#include "seances-export.h"
#include "seances-migrations.h"
#include "seances-recovery-key.h"
#include "seances-test.h"
#include "seances-time.h"

#define NBSP "\u00a0"
#define NOT_A_BACKUP "Ce fichier n’est pas une sauvegarde de Séances, ou il est endommagé."

static const char *program;

/* Helper processes ------------------------------------------------------------ */

/* Each transaction adds one client and three sessions: a consistent snapshot always
 * has three sessions more for each client more. */
static const char writer_sql[] =
  "INSERT INTO client (first_name, last_name, email, search_key, sort_key, created_at, updated_at)"
  " VALUES ('Écrivain', 'Témoin', 'ecrivain@example.org', 'ecrivain temoin', 'temoin ecrivain', 0, 0);"
  "INSERT INTO appointment (client_id, start_at, end_at, created_at) SELECT max (id), 0, 3000, 0 FROM client;"
  "INSERT INTO appointment (client_id, start_at, end_at, created_at) SELECT max (id), 3600, 6600, 0 FROM client;"
  "INSERT INTO appointment (client_id, start_at, end_at, created_at) SELECT max (id), 7200, 10200, 0 FROM client;";

/* A helper never outlives the test that started it, even one that failed. */
static void
die_with_parent (void)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
  if (getppid () == 1)
    exit (1);
}

static SeancesKey *
read_key_from_stdin (void)
{
  char line[128];

  if (fgets (line, sizeof line, stdin) == NULL)
    return NULL;
  g_strchomp (line);
  return seances_key_new_from_hex (line);
}

/* --writer DB: writes until killed; says « ready » after its first transaction. */
static int
run_writer (const char *path)
{
  g_autoptr(SeancesKey) key = read_key_from_stdin ();
  g_autoptr(SeancesDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  database = seances_database_open (path, key, &error);
  if (database == NULL)
    {
      g_printerr ("writer: %s\n", error->message);
      return 1;
    }
  for (gboolean first = TRUE;; first = FALSE)
    {
      if (!seances_database_begin (database, &error) ||
          !seances_database_exec (database, writer_sql, &error) ||
          !seances_database_commit (database, &error))
        {
          g_printerr ("writer: %s\n", error->message);
          return 1;
        }
      if (first)
        {
          printf ("ready\n");
          fflush (stdout);
        }
    }
}

/* --hold-lock FOLDER: holds the data folder's lock until killed. */
static int
run_lock_holder (const char *folder)
{
  g_autofree char *path = g_build_filename (folder, "seances.lock", NULL);
  int fd = open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

  if (fd < 0 || flock (fd, LOCK_EX) != 0)
    return 1;
  printf ("ready\n");
  fflush (stdout);
  for (;;)
    pause ();
}

static GSubprocess *
start_helper (const char       *mode,
              const char       *path,
              const SeancesKey *key)
{
  g_autoptr(GSubprocess) helper = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;

  helper = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                             program, mode, path, NULL);
  g_assert_no_error (error);
  if (key != NULL)
    {
      g_autofree char *hex = seances_key_to_hex (key);
      g_autofree char *input = g_strconcat (hex, "\n", NULL);

      g_assert_true (g_output_stream_write_all (g_subprocess_get_stdin_pipe (helper), input,
                                                strlen (input), NULL, NULL, &error));
      g_assert_no_error (error);
    }
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (helper));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "ready");
  return g_steal_pointer (&helper);
}

/* SIGKILL: a writer leaves its WAL behind, as a crash does. */
static void
stop_helper (GSubprocess *helper)
{
  g_subprocess_force_exit (helper);
  g_assert_true (g_subprocess_wait (helper, NULL, NULL));
}

/* Fixture ------------------------------------------------------------------------ */

typedef struct
{
  char       *data_folder;
  char       *database_path;
  SeancesKey *key;
  char       *backups;       /* a folder outside the data folder */
  char       *backup_path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->database_path = seances_database_default_path ();
  fixture->data_folder = g_path_get_dirname (fixture->database_path);
  fixture->key = seances_key_new_random ();
  fixture->backups = g_build_filename (g_get_home_dir (), "Sauvegardes", NULL);
  g_assert_cmpint (g_mkdir_with_parents (fixture->backups, 0700), ==, 0);
  fixture->backup_path = g_build_filename (fixture->backups, "cabinet.seancesbackup", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->data_folder);
  g_free (fixture->database_path);
  seances_key_free (fixture->key);
  g_free (fixture->backups);
  g_free (fixture->backup_path);
}

/* A small demo practice: twenty people, a year of sessions. */
static void
make_practice (const char       *path,
               const SeancesKey *key)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(SeancesDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  SeancesDemoOptions options;

  database = seances_database_create (path, key, &error);
  g_assert_no_error (error);
  seances_demo_options_init (&options);
  options.n_clients = 20;
  options.years = 1;
  options.sessions_per_week = 12;
  g_assert_true (seances_time_from_local (tz, 2026, 11, 24, 14, 0, &options.now, &error));
  g_assert_true (seances_demo_generate (database, &options, &error));
  g_assert_no_error (error);
}

static gint64
count (const char       *path,
       const SeancesKey *key,
       const char       *sql)
{
  g_autoptr(SeancesDatabase) database = NULL;
  g_autoptr(SeancesStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_row = FALSE;

  database = seances_database_open (path, key, &error);
  g_assert_no_error (error);
  stmt = seances_database_prepare (database, sql, &error);
  g_assert_true (seances_database_step (database, stmt, &has_row, &error));
  g_assert_true (has_row);
  return sqlite3_column_int64 (stmt, 0);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
write_bytes (const char   *path,
             const guint8 *data,
             gsize         length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, (const char *) data, length, &error);
  g_assert_no_error (error);
}

static int
by_name (gconstpointer a,
         gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* A folder's names, sorted, as one string: what a user would see in it. */
static char *
list_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return g_strdup ("(none)");
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, by_name);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* A raw SQLCipher connection with @key, as a stranger would open the file. */
static sqlite3 *
open_raw (const char       *path,
          const SeancesKey *key,
          int               flags)
{
  sqlite3 *db = NULL;
  gsize length = 0;
  char *spec = seances_key_to_sqlcipher (key, &length);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, flags, NULL), ==, SQLITE_OK);
  sqlite3_exec (db, "PRAGMA cipher_log_level = NONE", NULL, NULL, NULL);
  g_assert_cmpint (sqlite3_key (db, spec, (int) length), ==, SQLITE_OK);
  seances_secure_free (spec);
  return db;
}

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *text;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

static void
create_backup (Fixture           *fixture,
               SeancesBackupInfo *info)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (seances_backup_create (fixture->database_path, fixture->key, fixture->backup_path,
                                        info, &error));
  g_assert_no_error (error);
}

/* The export minus its own time stamp: everything the practice holds. */
static char *
export_without_stamp (const char       *path,
                      const SeancesKey *key)
{
  g_autoptr(SeancesDatabase) database = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = g_build_filename (g_get_user_cache_dir (), "export.json", NULL);
  JsonObject *root;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  database = seances_database_open (path, key, &error);
  g_assert_no_error (error);
  g_assert_true (seances_export_json (database, json, &error));
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_file (parser, json, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_has_member (root, "exported_at"));
  json_object_remove_member (root, "exported_at");
  g_unlink (json);
  return json_to_string (json_parser_get_root (parser), FALSE);
}

/* Create ------------------------------------------------------------------------- */

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SeancesKey) recovered = NULL;
  g_autofree char *recovery_key = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *journal_mode = NULL;
  g_autofree char *last_name = NULL;
  g_autoptr(GError) error = NULL;
  SeancesBackupInfo info = { 0 }, checked = { 0 };
  gint64 before, after;
  gconstpointer contents;
  gsize length;
  GStatBuf st;
  sqlite3 *db;

  make_practice (fixture->database_path, fixture->key);
  before = g_get_real_time () / G_USEC_PER_SEC;
  create_backup (fixture, &info);
  after = g_get_real_time () / G_USEC_PER_SEC;

  g_assert_cmpint (info.n_clients, ==, 20);
  g_assert_cmpint (info.n_clients, ==, count (fixture->database_path, fixture->key, "SELECT count(*) FROM client"));
  g_assert_cmpint (info.n_appointments, >, 100);
  g_assert_cmpint (info.n_appointments, ==,
                   count (fixture->database_path, fixture->key, "SELECT count(*) FROM appointment"));
  g_assert_cmpint (info.n_rows, >, info.n_clients + info.n_appointments);
  g_assert_cmpint (info.schema_version, ==, seances_migrations_count ());
  g_assert_cmpint (info.taken_at, >=, before);
  g_assert_cmpint (info.taken_at, <=, after);

  /* One private file, nothing left beside it. */
  g_assert_cmpint (g_stat (fixture->backup_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  listing = list_folder (fixture->backups);
  g_assert_cmpstr (listing, ==, "cabinet.seancesbackup");

  /* Encrypted from its first byte: no header, no names. */
  bytes = read_bytes (fixture->backup_path);
  contents = g_bytes_get_data (bytes, &length);
  g_assert_true (memcmp (contents, "SQLite format 3", 15) != 0);
  db = open_raw (fixture->database_path, fixture->key, SQLITE_OPEN_READONLY);
  last_name = query_text (db, "SELECT last_name FROM client ORDER BY id LIMIT 1");
  sqlite3_close (db);
  g_assert_cmpuint (strlen (last_name), >, 2);
  g_assert_null (memmem (contents, length, last_name, strlen (last_name)));
  g_assert_null (memmem (contents, length, "Cabinet", 7));
  g_assert_null (memmem (contents, length, "CREATE TABLE", 12));

  /* One self-contained file, not in WAL mode. */
  db = open_raw (fixture->backup_path, fixture->key, SQLITE_OPEN_READONLY);
  journal_mode = query_text (db, "PRAGMA journal_mode");
  sqlite3_close (db);
  g_assert_cmpstr (journal_mode, ==, "delete");

  /* The recovery key opens it: the practice's own key. */
  recovery_key = seances_recovery_key_encode (fixture->key);
  recovered = seances_recovery_key_decode (recovery_key, &error);
  g_assert_no_error (error);
  g_assert_true (seances_backup_verify (fixture->backup_path, recovered, &checked, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (&checked, sizeof checked, &info, sizeof info);

  /* The time stamp is the backup's, not the practice's. */
  {
    g_autoptr(SeancesDatabase) database = seances_database_open (fixture->database_path, fixture->key, &error);
    g_autofree char *stamp = seances_database_get_state (database, "backup-taken-at", &error);

    g_assert_no_error (error);
    g_assert_null (stamp);
  }
}

/* Backups taken while another process writes as fast as it can: each is one snapshot
 * (three sessions more for each client more), and they follow the writer. */
static void
test_create_while_writing (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GSubprocess) writer = NULL;
  SeancesBackupInfo first = { 0 };
  gint64 previous = 0;

  make_practice (fixture->database_path, fixture->key);
  create_backup (fixture, &first);

  writer = start_helper ("--writer", fixture->database_path, fixture->key);
  for (int i = 0; i < 5; i++)
    {
      g_autoptr(GError) error = NULL;
      SeancesBackupInfo info = { 0 }, checked = { 0 };

      create_backup (fixture, &info);
      g_assert_true (seances_backup_verify (fixture->backup_path, fixture->key, &checked, &error));
      g_assert_no_error (error);
      g_assert_cmpint (checked.n_clients, ==, info.n_clients);
      g_assert_cmpint (checked.n_appointments, ==, info.n_appointments);
      g_assert_cmpint (checked.n_rows, ==, info.n_rows);

      g_assert_cmpint (info.n_clients, >, first.n_clients);
      g_assert_cmpint (info.n_appointments - first.n_appointments, ==, 3 * (info.n_clients - first.n_clients));
      g_assert_cmpint (info.n_rows - first.n_rows, ==, 4 * (info.n_clients - first.n_clients));
      g_assert_cmpint (info.n_clients, >=, previous);
      previous = info.n_clients;
      g_usleep (50 * 1000);
    }
  stop_helper (writer);
  g_assert_cmpint (previous, >, first.n_clients);
}

/* The window's own connection stays open while a thread of the same process backs up:
 * the backup sees its last commit, and the connection keeps its locks and works on. */
static void
test_create_while_open_here (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(SeancesDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  SeancesBackupInfo info = { 0 }, after = { 0 };

  make_practice (fixture->database_path, fixture->key);
  database = seances_database_open (fixture->database_path, fixture->key, &error);
  g_assert_no_error (error);
  g_assert_true (seances_database_exec (database, writer_sql, &error));

  create_backup (fixture, &info);
  g_assert_cmpint (info.n_clients, ==, 21);

  g_assert_true (seances_database_exec (database, writer_sql, &error));
  g_assert_no_error (error);
  g_assert_false (seances_backup_restore (fixture->backup_path, fixture->key, fixture->database_path,
                                          NULL, &error));
  g_assert_error (error, SEANCES_BACKUP_ERROR, SEANCES_BACKUP_ERROR_IN_USE);
  g_clear_object (&database);

  g_assert_true (seances_backup_verify (fixture->backup_path, fixture->key, &after, &error));
  g_assert_cmpint (after.n_clients, ==, 21);
  g_assert_cmpint (count (fixture->database_path, fixture->key, "SELECT count(*) FROM client"), ==, 22);
}

static void
test_create_wrong_key (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(SeancesKey) other = seances_key_new_random ();
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;

  make_practice (fixture->database_path, fixture->key);
  g_assert_false (seances_backup_create (fixture->database_path, other, fixture->backup_path, NULL, &error));
  g_assert_error (error, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_WRONG_KEY);
  listing = list_folder (fixture->backups);
  g_assert_cmpstr (listing, ==, "");
}

/* Where a backup must never go: the data folder (it would sit beside what it saves, on
 * the disk that dies), the standard output. */
static void
test_create_refused_target (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *inside = g_build_filename (fixture->data_folder, "copie.seancesbackup", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const struct {
    const char *path;
    int         code;
  } rows[] = {
    { inside, G_IO_ERROR_INVALID_FILENAME },
    { fixture->database_path, G_IO_ERROR_INVALID_FILENAME },
    { "-", G_IO_ERROR_INVALID_ARGUMENT },
  };

  make_practice (fixture->database_path, fixture->key);
  before = list_folder (fixture->data_folder);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_test_message ("rows[%u]", i);
      g_autoptr(GError) error = NULL;

      g_assert_false (seances_backup_create (fixture->database_path, fixture->key, rows[i].path, NULL, &error));
      g_assert_error (error, G_IO_ERROR, rows[i].code);
    }
  after = list_folder (fixture->data_folder);
  g_assert_cmpstr (after, ==, before);
}

/* A tiny disk: the backup fails as « disk full » and leaves no part of itself. Run in a
 * private mount namespace (SEANCES_TEST_FOLDER is the tiny disk there). */
static void
test_create_disk_full (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *disk = NULL;
  g_auto(GStrv) envp = NULL;
  int status = 0;

  if (g_test_subprocess ())
    {
      const char *tiny = g_getenv ("SEANCES_TEST_FOLDER");
      g_autofree char *target = g_build_filename (tiny, "cabinet.seancesbackup", NULL);
      g_autofree char *listing = NULL;

      make_practice (fixture->database_path, fixture->key);
      g_assert_false (seances_backup_create (fixture->database_path, fixture->key, target, NULL, &error));
      g_assert_true (g_error_matches (error, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_DISK_FULL) ||
                     g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE));
      g_assert_true (g_str_has_prefix (error->message, "Le disque est plein" NBSP ":"));
      listing = list_folder (tiny);
      g_assert_cmpstr (listing, ==, "");
      return;
    }

  disk = g_dir_make_tmp ("seances-test-backup-XXXXXX", &error);
  g_assert_no_error (error);
  envp = g_environ_setenv (g_get_environ (), "SEANCES_TEST_FOLDER", disk, TRUE);
  {
    const char *argv[] = {
      "unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs \"$0\" && exec \"$@\"", disk,
      program, "-p", g_test_get_path (), "--GTestSubprocess", NULL,
    };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_SEARCH_PATH,
                                 NULL, NULL, &out, &err, &status, &error));
  }
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_test_message ("inner run: %s%s", out, err);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_rmdir (disk), ==, 0);
}

/* Refused backups ------------------------------------------------------------------ */

typedef enum
{
  CUT_SHORT,
  CUT_AT_PAGE,
  EMPTY,
  FIRST_PAGE_FLIPPED,
  LATER_PAGE_FLIPPED,
  RANDOM_BYTES,
  PLAIN_SQLITE,
  OTHER_KEY,
  NOT_SEANCES,
  NEWER_SCHEMA,
} Damage;

typedef struct
{
  const char *name;
  Damage      damage;
  int         code;
  const char *message;
} Refusal;

static const Refusal refusals[] = {
  { "truncated", CUT_SHORT, SEANCES_BACKUP_ERROR_DAMAGED, NOT_A_BACKUP },
  { "truncated-at-a-page", CUT_AT_PAGE, SEANCES_BACKUP_ERROR_DAMAGED, NOT_A_BACKUP },
  { "empty", EMPTY, SEANCES_BACKUP_ERROR_DAMAGED, NOT_A_BACKUP },
  { "first-page-flipped", FIRST_PAGE_FLIPPED, SEANCES_BACKUP_ERROR_UNREADABLE, NOT_A_BACKUP },
  { "later-page-flipped", LATER_PAGE_FLIPPED, SEANCES_BACKUP_ERROR_DAMAGED, NOT_A_BACKUP },
  { "random-bytes", RANDOM_BYTES, SEANCES_BACKUP_ERROR_UNREADABLE, NOT_A_BACKUP },
  { "plain-sqlite", PLAIN_SQLITE, SEANCES_BACKUP_ERROR_UNREADABLE, NOT_A_BACKUP },
  { "foreign", OTHER_KEY, SEANCES_BACKUP_ERROR_UNREADABLE, NOT_A_BACKUP },
  { "not-seances", NOT_SEANCES, SEANCES_BACKUP_ERROR_NOT_SEANCES, NOT_A_BACKUP },
  { "newer-schema", NEWER_SCHEMA, SEANCES_BACKUP_ERROR_TOO_NEW,
    "Cette sauvegarde a été faite par une version plus récente de Séances" NBSP ": "
    "mettez l’application à jour pour la restaurer." },
};

static void
exec_raw (sqlite3    *db,
          const char *sql)
{
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

/* Puts at @path the kind of bad backup @damage names; the good one is at @good. */
static void
make_bad_backup (Fixture    *fixture,
                 const char *good,
                 const char *path,
                 Damage      damage)
{
  g_autoptr(GBytes) bytes = read_bytes (good);
  gsize length = g_bytes_get_size (bytes);
  g_autofree guint8 *copy = g_memdup2 (g_bytes_get_data (bytes, NULL), length);
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  switch (damage)
    {
    case CUT_SHORT:
      write_bytes (path, copy, length / 2 + 100);
      break;
    case CUT_AT_PAGE:
      write_bytes (path, copy, length - 4096);
      break;
    case EMPTY:
      write_bytes (path, copy, 0);
      break;
    case FIRST_PAGE_FLIPPED:
      copy[100] ^= 0x01;
      write_bytes (path, copy, length);
      break;
    case LATER_PAGE_FLIPPED:
      copy[length - 4096 + 1000] ^= 0x01;
      write_bytes (path, copy, length);
      break;
    case RANDOM_BYTES:
      for (gsize i = 0; i < length; i++)
        copy[i] = (guint8) g_random_int ();
      write_bytes (path, copy, length);
      break;
    case PLAIN_SQLITE:
      g_unlink (path);
      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      exec_raw (db, "CREATE TABLE practice (id); CREATE TABLE app_state (name, value);"
                    "PRAGMA user_version = 1");
      sqlite3_close (db);
      break;
    case OTHER_KEY:
      {
        g_autoptr(SeancesKey) other = seances_key_new_random ();
        g_autofree char *other_db = g_build_filename (g_get_user_cache_dir (), "autre", "seances.db", NULL);

        make_practice (other_db, other);
        g_unlink (path);
        g_assert_true (seances_backup_create (other_db, other, path, NULL, &error));
        g_assert_no_error (error);
      }
      break;
    case NOT_SEANCES:
      g_unlink (path);
      db = open_raw (path, fixture->key, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
      exec_raw (db, "PRAGMA journal_mode = DELETE; CREATE TABLE notes (text); INSERT INTO notes VALUES ('x')");
      sqlite3_close (db);
      break;
    case NEWER_SCHEMA:
      {
        g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", seances_migrations_count () + 1);

        write_bytes (path, copy, length);
        db = open_raw (path, fixture->key, SQLITE_OPEN_READWRITE);
        exec_raw (db, sql);
        sqlite3_close (db);
      }
      break;
    }
}

/* Verify refuses it with one French sentence, and never writes to it. */
static void
test_verify_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  const Refusal *refusal = data;
  g_autofree char *bad = g_build_filename (fixture->backups, "douteuse.seancesbackup", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *listing_before = NULL;
  g_autofree char *listing_after = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st_before, st_after;

  make_practice (fixture->database_path, fixture->key);
  create_backup (fixture, NULL);
  make_bad_backup (fixture, fixture->backup_path, bad, refusal->damage);
  before = read_bytes (bad);
  g_assert_cmpint (g_stat (bad, &st_before), ==, 0);
  listing_before = list_folder (fixture->backups);

  g_assert_false (seances_backup_verify (bad, fixture->key, NULL, &error));
  g_assert_error (error, SEANCES_BACKUP_ERROR, refusal->code);
  g_assert_cmpstr (error->message, ==, refusal->message);

  after = read_bytes (bad);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpint (g_stat (bad, &st_after), ==, 0);
  g_assert_cmpint (st_after.st_mtime, ==, st_before.st_mtime);
  listing_after = list_folder (fixture->backups);
  g_assert_cmpstr (listing_after, ==, listing_before);
}

/* Restore refuses it too, and the current data is as it was: same bytes, same files. */
static void
test_restore_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  const Refusal *refusal = data;
  g_autofree char *bad = g_build_filename (fixture->backups, "douteuse.seancesbackup", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *listing_before = NULL;
  g_autofree char *listing_after = NULL;
  g_autofree char *replaced = NULL;
  g_autoptr(GError) error = NULL;

  make_practice (fixture->database_path, fixture->key);
  create_backup (fixture, NULL);
  make_bad_backup (fixture, fixture->backup_path, bad, refusal->damage);
  before = read_bytes (fixture->database_path);
  listing_before = list_folder (fixture->data_folder);

  g_assert_false (seances_backup_restore (bad, fixture->key, fixture->database_path, &replaced, &error));
  g_assert_error (error, SEANCES_BACKUP_ERROR, refusal->code);
  g_assert_cmpstr (error->message, ==, refusal->message);
  g_assert_null (replaced);

  after = read_bytes (fixture->database_path);
  g_assert_true (g_bytes_equal (before, after));
  listing_after = list_folder (fixture->data_folder);
  g_assert_cmpstr (listing_after, ==, listing_before);
  g_assert_null (strstr (listing_after, "replaced"));
}

static void
test_verify_missing (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (seances_backup_verify (fixture->backup_path, fixture->key, NULL, &error));
  g_assert_error (error, SEANCES_BACKUP_ERROR, SEANCES_BACKUP_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==,
                   "Le fichier de sauvegarde est introuvable" NBSP ": vérifiez son nom, "
                   "et que son disque est branché.");
}

/* Restore ------------------------------------------------------------------------- */

/* The practice after a restore is the practice at the backup, to the last field; what
 * it replaced is kept aside, with its WAL (left by a writer that was killed), and still
 * opens with its key. */
static void
test_restore_keeps_replaced (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GSubprocess) writer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *replaced = NULL;
  g_autofree char *replaced_wal = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *replaced_name = NULL;
  SeancesBackupInfo info = { 0 };
  gint64 written;
  GStatBuf st;

  make_practice (fixture->database_path, fixture->key);
  exported = export_without_stamp (fixture->database_path, fixture->key);
  create_backup (fixture, &info);

  /* Changes after the backup, some of them only in the WAL. */
  writer = start_helper ("--writer", fixture->database_path, fixture->key);
  g_usleep (100 * 1000);
  stop_helper (writer);
  wal = g_strconcat (fixture->database_path, "-wal", NULL);
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 0);

  g_assert_true (seances_backup_restore (fixture->backup_path, fixture->key, fixture->database_path,
                                         &replaced, &error));
  g_assert_no_error (error);
  g_assert_nonnull (replaced);

  /* Beside the database, named by the date, with its companions. */
  replaced_name = g_path_get_basename (replaced);
  g_assert_true (g_str_has_prefix (replaced_name, "seances.db.replaced-"));
  g_assert_true (g_regex_match_simple ("^seances\\.db\\.replaced-\\d{8}-\\d{6}$", replaced_name, 0, 0));
  replaced_wal = g_strconcat (replaced, "-wal", NULL);
  g_assert_true (g_file_test (replaced_wal, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  listing = list_folder (fixture->data_folder);
  g_assert_null (strstr (listing, "restoring"));
  g_assert_cmpint (g_stat (fixture->database_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  restored = export_without_stamp (fixture->database_path, fixture->key);
  g_assert_cmpstr (restored, ==, exported);
  g_assert_cmpint (count (fixture->database_path, fixture->key, "SELECT count(*) FROM client"), ==, info.n_clients);
  {
    g_autoptr(SeancesDatabase) database = seances_database_open (fixture->database_path, fixture->key, &error);
    g_autofree char *stamp = seances_database_get_state (database, "backup-taken-at", &error);

    g_assert_no_error (error);
    g_assert_null (stamp);
  }

  /* The replaced data, writer's rows included. */
  written = count (replaced, fixture->key, "SELECT count(*) FROM client WHERE last_name = 'Témoin'");
  g_assert_cmpint (written, >, 0);
  g_assert_cmpint (count (replaced, fixture->key, "SELECT count(*) FROM client"), ==, info.n_clients + written);
}

/* A new computer: no data folder at all. */
/* The data file itself given as the backup (by its name or through a link) is refused,
 * and nothing is put aside. */
static void
test_restore_data_file_itself (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *link_path = g_build_filename (fixture->data_folder, "..", "lien.seancesbackup", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  const char *paths[2];

  make_practice (fixture->database_path, fixture->key);
  before = read_bytes (fixture->database_path);
  g_assert_cmpint (link (fixture->database_path, link_path), ==, 0);
  paths[0] = fixture->database_path;
  paths[1] = link_path;

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_test_message ("paths[%u]", i);
      g_autoptr(GError) error = NULL;
      g_autofree char *replaced = NULL;

      g_assert_false (seances_backup_restore (paths[i], fixture->key, fixture->database_path, &replaced, &error));
      g_assert_error (error, SEANCES_BACKUP_ERROR, SEANCES_BACKUP_ERROR_IS_DATA);
      g_assert_cmpstr (error->message, ==, "Ce fichier est le fichier de données lui-même, pas une sauvegarde\u00a0: "
                                            "choisissez un fichier de sauvegarde.");
      g_assert_null (replaced);
    }
  after = read_bytes (fixture->database_path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_restore_new_computer (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *moved = g_strconcat (fixture->data_folder, "-ancien", NULL);
  g_autofree char *exported = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *replaced = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  make_practice (fixture->database_path, fixture->key);
  exported = export_without_stamp (fixture->database_path, fixture->key);
  create_backup (fixture, NULL);
  g_assert_cmpint (g_rename (fixture->data_folder, moved), ==, 0);

  g_assert_true (seances_backup_restore (fixture->backup_path, fixture->key, fixture->database_path,
                                         &replaced, &error));
  g_assert_no_error (error);
  g_assert_null (replaced);
  g_assert_cmpint (g_stat (fixture->data_folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  restored = export_without_stamp (fixture->database_path, fixture->key);
  g_assert_cmpstr (restored, ==, exported);
}

static gpointer
close_soon_cb (gpointer data)
{
  g_usleep (G_USEC_PER_SEC);
  g_object_unref (data);
  return NULL;
}

/* The data in use for a moment only (the window's daily backup finishing in its thread as
 * the practice is let go): the restore waits for it, and goes ahead. */
static void
test_restore_waits_for_a_moment (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *replaced = NULL;
  SeancesDatabase *database;
  GThread *thread;

  make_practice (fixture->database_path, fixture->key);
  create_backup (fixture, NULL);
  database = seances_database_open (fixture->database_path, fixture->key, &error);
  g_assert_no_error (error);
  thread = g_thread_new ("closer", close_soon_cb, database);

  g_assert_true (seances_backup_restore (fixture->backup_path, fixture->key, fixture->database_path,
                                         &replaced, &error));
  g_assert_no_error (error);
  g_assert_nonnull (replaced);
  g_thread_join (thread);
}

typedef enum { LOCK_HELD, DATABASE_OPEN, OPEN_HERE } InUse;

/* Séances holds the data folder's lock, or has the database open in another process or
 * in this one (a window that did not close its database first): the restore is
 * refused, and changes nothing. */
static void
test_restore_in_use (Fixture       *fixture,
                     gconstpointer  data)
{
  InUse in_use = GPOINTER_TO_INT (data);
  g_autoptr(GSubprocess) helper = NULL;
  g_autoptr(SeancesDatabase) database = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *replaced = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;

  make_practice (fixture->database_path, fixture->key);
  create_backup (fixture, NULL);
  /* Read first: closing a file drops every POSIX lock this process holds on it,
   * those of its own SQLite connection included. */
  before = read_bytes (fixture->database_path);
  if (in_use == LOCK_HELD)
    helper = start_helper ("--hold-lock", fixture->data_folder, NULL);
  else if (in_use == DATABASE_OPEN)
    helper = start_helper ("--writer", fixture->database_path, fixture->key);
  else
    {
      database = seances_database_open (fixture->database_path, fixture->key, &error);
      g_assert_no_error (error);
    }

  /* Twice here: looking must not drop this process's own locks (closing a descriptor
   * of the file would), so the second attempt is refused as well. */
  for (int attempt = 0; attempt < (in_use == OPEN_HERE ? 2 : 1); attempt++)
    {
      g_assert_false (seances_backup_restore (fixture->backup_path, fixture->key, fixture->database_path,
                                              &replaced, &error));
      g_assert_error (error, SEANCES_BACKUP_ERROR, SEANCES_BACKUP_ERROR_IN_USE);
      g_assert_cmpstr (error->message, ==,
                       "Séances est en train d’utiliser ces données" NBSP ": fermez-le, puis réessayez.");
      g_assert_null (replaced);
      g_clear_error (&error);
    }

  listing = list_folder (fixture->data_folder);
  g_assert_null (strstr (listing, "replaced"));
  g_assert_null (strstr (listing, "restoring"));
  if (in_use != DATABASE_OPEN)
    {
      after = read_bytes (fixture->database_path);
      g_assert_true (g_bytes_equal (before, after));
    }
  if (helper != NULL)
    stop_helper (helper);
}

/* Describe ------------------------------------------------------------------------ */

typedef struct
{
  const char *title;
  int         taken[5];   /* year, month, day, hour, minute in Paris */
  int         now[5];
  const char *expected;
} Description;

static const Description descriptions[] = {
  { "days", { 2026, 11, 30, 19, 2 }, { 2026, 12, 2, 10, 0 },
    "Sauvegarde du lundi 30 novembre à 19" NBSP "h" NBSP "02 (il y a 2 jours)" },
  { "just-now", { 2026, 11, 30, 19, 2 }, { 2026, 11, 30, 19, 2 },
    "Sauvegarde du lundi 30 novembre à 19" NBSP "h" NBSP "02 (à l’instant)" },
  { "minutes", { 2026, 11, 30, 19, 2 }, { 2026, 11, 30, 19, 47 },
    "Sauvegarde du lundi 30 novembre à 19" NBSP "h" NBSP "02 (il y a 45 minutes)" },
  { "one-minute", { 2026, 11, 30, 19, 2 }, { 2026, 11, 30, 19, 3 },
    "Sauvegarde du lundi 30 novembre à 19" NBSP "h" NBSP "02 (il y a 1 minute)" },
  { "hours", { 2026, 11, 30, 19, 2 }, { 2026, 11, 30, 23, 10 },
    "Sauvegarde du lundi 30 novembre à 19" NBSP "h" NBSP "02 (il y a 4 heures)" },
  { "yesterday", { 2026, 11, 30, 19, 2 }, { 2026, 12, 1, 8, 0 },
    "Sauvegarde du lundi 30 novembre à 19" NBSP "h" NBSP "02 (hier)" },
  { "other-year", { 2025, 12, 30, 19, 2 }, { 2026, 1, 2, 9, 0 },
    "Sauvegarde du mardi 30 décembre 2025 à 19" NBSP "h" NBSP "02 (il y a 3 jours)" },
  { "across-dst", { 2026, 3, 28, 23, 30 }, { 2026, 3, 29, 22, 0 },
    "Sauvegarde du samedi 28 mars à 23" NBSP "h" NBSP "30 (hier)" },
};

static void
test_describe (gconstpointer data)
{
  const Description *row = data;
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) taken = g_date_time_new (paris, row->taken[0], row->taken[1], row->taken[2],
                                                row->taken[3], row->taken[4], 0);
  g_autoptr(GDateTime) now = g_date_time_new (paris, row->now[0], row->now[1], row->now[2],
                                              row->now[3], row->now[4], 0);
  SeancesBackupInfo info = { .taken_at = g_date_time_to_unix (taken) };
  g_autofree char *text = seances_backup_describe (&info, g_date_time_to_unix (now), paris);

  g_assert_cmpstr (text, ==, row->expected);
}

int
main (int   argc,
      char *argv[])
{
  program = argv[0];
  if (argc == 3 && g_str_equal (argv[1], "--writer"))
    {
      die_with_parent ();
      return run_writer (argv[2]);
    }
  if (argc == 3 && g_str_equal (argv[1], "--hold-lock"))
    {
      die_with_parent ();
      return run_lock_holder (argv[2]);
    }

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  seances_test_init_french ();

#define ADD(path, data, func) g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)
  ADD ("/backup/create", NULL, test_create);
  ADD ("/backup/create/while-writing", NULL, test_create_while_writing);
  ADD ("/backup/create/while-open-here", NULL, test_create_while_open_here);
  ADD ("/backup/create/wrong-key", NULL, test_create_wrong_key);
  ADD ("/backup/create/refused-target", NULL, test_create_refused_target);
  ADD ("/backup/create/disk-full", NULL, test_create_disk_full);
  ADD ("/backup/verify/missing", NULL, test_verify_missing);
  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autofree char *verify = g_strdup_printf ("/backup/verify/refused/%s", refusals[i].name);
      g_autofree char *restore = g_strdup_printf ("/backup/restore/refused/%s", refusals[i].name);

      ADD (verify, &refusals[i], test_verify_refused);
      ADD (restore, &refusals[i], test_restore_refused);
    }
  ADD ("/backup/restore/keeps-replaced", NULL, test_restore_keeps_replaced);
  ADD ("/backup/restore/new-computer", NULL, test_restore_new_computer);
  ADD ("/backup/restore/data-file-itself", NULL, test_restore_data_file_itself);
  ADD ("/backup/restore/in-use/lock-held", GINT_TO_POINTER (LOCK_HELD), test_restore_in_use);
  ADD ("/backup/restore/in-use/database-open", GINT_TO_POINTER (DATABASE_OPEN), test_restore_in_use);
  ADD ("/backup/restore/in-use/open-here", GINT_TO_POINTER (OPEN_HERE), test_restore_in_use);
  ADD ("/backup/restore/in-use/for-a-moment", NULL, test_restore_waits_for_a_moment);
#undef ADD
  for (guint i = 0; i < G_N_ELEMENTS (descriptions); i++)
    {
      g_autofree char *path = g_strdup_printf ("/backup/describe/%s", descriptions[i].title);

      g_test_add_data_func (path, &descriptions[i], test_describe);
    }

  return g_test_run ();
}
