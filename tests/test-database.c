/* test-database.c — the encrypted database file: create, open, keys, damage
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <linux/capability.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "seances-database-private.h"
#include "seances-export.h"
#include "seances-migrations.h"
#include "seances-practice.h"
#include "seances-test.h"
#include "seances-wal.h"

#define NBSP "\xc2\xa0"

/* A fixed key, so that a test's child process opens what its parent made. */
#define KEY_HEX "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"

typedef struct
{
  char       *path;
  SeancesKey *key;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->path = g_build_filename (g_get_user_data_dir (), "seances", "seances.db", NULL);
  fixture->key = seances_key_new_from_hex (KEY_HEX);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->path);
  seances_key_free (fixture->key);
}

static SeancesDatabase *
create_with_practice (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  SeancesDatabase *database = seances_database_create (fixture->path, fixture->key, &error);

  g_assert_no_error (error);
  seances_test_save_practice (database);
  return database;
}

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static int
count_states (SeancesDatabase *database,
              const char      *prefix)
{
  g_autofree char *pattern = g_strconcat (prefix, "%", NULL);
  g_autoptr(SeancesStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_row;

  stmt = seances_database_prepare (database, "SELECT count(*) FROM app_state WHERE name LIKE ?1", &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_TRANSIENT);
  g_assert_true (seances_database_step (database, stmt, &has_row, &error));
  return sqlite3_column_int (stmt, 0);
}

static void
test_create_and_reopen (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(SeancesDatabase) database = create_with_practice (fixture);
  g_autoptr(SeancesPractice) practice = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_cmpuint (g_ascii_strtoull (seances_database_get_cipher_version (database), NULL, 10), >=, 4);
  g_clear_object (&database);

  /* Private to its owner, and nothing left beside it. */
  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_autofree char *temp = g_strconcat (fixture->path, ".new", NULL);
  g_assert_false (g_file_test (temp, G_FILE_TEST_EXISTS));

  database = seances_database_open (fixture->path, fixture->key, &error);
  g_assert_no_error (error);
  practice = seances_practice_load (database, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (seances_practice_get_name (practice), ==, "Cabinet Les Tilleuls");
}

static void
test_pragmas (Fixture       *fixture,
              gconstpointer  data)
{
  static const struct {
    const char *sql;
    const char *expected;
  } cases[] = {
    { "PRAGMA foreign_keys", "1" },
    { "PRAGMA journal_mode", "wal" },
    { "PRAGMA synchronous", "2" },
    { "PRAGMA secure_delete", "1" },
    { "PRAGMA temp_store", "2" },
    { "PRAGMA cache_size", "-16384" },
  };
  g_autoptr(SeancesDatabase) database = create_with_practice (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("cases[%u]", i);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (seances_database_get_handle (database), cases[i].sql, -1,
                                           &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, cases[i].expected);
      sqlite3_finalize (stmt);
    }
}

/* On disk: no SQLite header, no readable name. */
static void
test_encrypted_on_disk (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(SeancesDatabase) database = create_with_practice (fixture);
  g_autoptr(GBytes) bytes = NULL;
  gconstpointer contents;
  gsize length;

  g_clear_object (&database);
  bytes = read_file (fixture->path);
  contents = g_bytes_get_data (bytes, &length);

  g_assert_cmpuint (length, >=, 4096);
  g_assert_true (memcmp (contents, "SQLite format 3", 15) != 0);
  g_assert_null (memmem (contents, length, "Tilleuls", 8));
  g_assert_null (memmem (contents, length, "Claire", 6));
  g_assert_null (memmem (contents, length, "CREATE TABLE", 12));
}

/* A wrong key says so, in French, and leaves the file byte for byte as it was. */
static void
test_wrong_key_leaves_file (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(SeancesDatabase) database = create_with_practice (fixture);
  g_autoptr(SeancesKey) other = seances_key_new_random ();
  g_autoptr(SeancesKey) passphrase = seances_key_new_passphrase ("une phrase qui n’est pas la bonne");
  SeancesKey *wrong[] = { other, passphrase };
  g_autoptr(GBytes) before = NULL;

  g_clear_object (&database);
  before = read_file (fixture->path);

  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      g_test_message ("wrong[%u]", i);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) after = NULL;
      g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);

      g_assert_null (seances_database_open (fixture->path, wrong[i], &error));
      g_assert_error (error, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_WRONG_KEY);
      after = read_file (fixture->path);
      g_assert_true (g_bytes_equal (before, after));
      g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    }
}

static void
test_never_created_over_existing (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(SeancesDatabase) database = create_with_practice (fixture);
  g_autoptr(SeancesKey) other = seances_key_new_random ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  g_clear_object (&database);
  before = read_file (fixture->path);

  g_assert_null (seances_database_create (fixture->path, other, &error));
  g_assert_error (error, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_EXISTS);
  after = read_file (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_missing_file_not_created (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (seances_database_open (fixture->path, fixture->key, &error));
  g_assert_error (error, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

typedef enum { CUT_SHORT, EMPTY, PAGE_FLIPPED } Damage;

static void
damage_file (const char *path,
             Damage      damage)
{
  g_autoptr(GBytes) bytes = read_file (path);
  gsize length;
  g_autofree guint8 *copy = g_memdup2 (g_bytes_get_data (bytes, &length), g_bytes_get_size (bytes));
  g_autoptr(GError) error = NULL;

  switch (damage)
    {
    case CUT_SHORT:
      length = length / 2 + 100;
      break;
    case EMPTY:
      length = 0;
      break;
    case PAGE_FLIPPED:
      /* A byte in the middle of the second page: its HMAC no longer matches. */
      copy[4096 + 2000] ^= 0x5a;
      break;
    }
  g_file_set_contents (path, (const char *) copy, length, &error);
  g_assert_no_error (error);
}

static void
test_damaged_file (Fixture       *fixture,
                   gconstpointer  data)
{
  static const Damage damages[] = { CUT_SHORT, EMPTY };

  for (guint i = 0; i < G_N_ELEMENTS (damages); i++)
    {
      g_test_message ("damages[%u]", i);
      g_autoptr(SeancesDatabase) database = create_with_practice (fixture);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) before = NULL;
      g_autoptr(GBytes) after = NULL;

      g_clear_object (&database);
      damage_file (fixture->path, damages[i]);
      before = read_file (fixture->path);

      g_assert_null (seances_database_open (fixture->path, fixture->key, &error));
      g_assert_error (error, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_DAMAGED);
      after = read_file (fixture->path);
      g_assert_true (g_bytes_equal (before, after));
      g_unlink (fixture->path);
    }
}

static void
test_check (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(SeancesDatabase) database = create_with_practice (fixture);
  g_autoptr(GError) error = NULL;

  g_assert_true (seances_database_check (database, &error));
  g_assert_no_error (error);
  g_clear_object (&database);

  damage_file (fixture->path, PAGE_FLIPPED);
  database = seances_database_open (fixture->path, fixture->key, &error);
  if (database != NULL)
    {
      g_assert_false (seances_database_check (database, &error));
      g_assert_error (error, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_DAMAGED);
    }
  else
    g_assert_error (error, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_DAMAGED);
}

/* SQLCipher's own English lines (« hmac check failed for pgno=1 ») never reach stderr,
 * not even from the first key a process attaches: each case opens in a fresh process. */
typedef enum { QUIET_WRONG_KEY, QUIET_DAMAGED_PAGE } QuietCase;

static void
test_sqlcipher_quiet (Fixture       *fixture,
                      gconstpointer  data)
{
  QuietCase quiet = GPOINTER_TO_INT (data);
  g_autoptr(SeancesDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(SeancesKey) wrong = seances_key_new_random ();
      int expected = quiet == QUIET_WRONG_KEY ? SEANCES_DATABASE_ERROR_WRONG_KEY
                                              : SEANCES_DATABASE_ERROR_DAMAGED;

      /* The damaged page is the second, the practice's: read through SQLite's pager. */
      database = seances_database_open (fixture->path, quiet == QUIET_WRONG_KEY ? wrong : fixture->key,
                                        &error);
      if (database != NULL)
        g_assert_false (seances_database_exec (database, "SELECT * FROM practice", &error));
      g_assert_error (error, SEANCES_DATABASE_ERROR, expected);
      return;
    }

  database = seances_database_create (fixture->path, fixture->key, &error);
  g_assert_no_error (error);
  g_clear_object (&database);
  if (quiet == QUIET_DAMAGED_PAGE)
    damage_file (fixture->path, PAGE_FLIPPED);

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("");
}

static void
test_app_state (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SeancesDatabase) database = create_with_practice (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *value = NULL;

  missing = seances_database_get_state (database, "recovery-key-confirmed", &error);
  g_assert_no_error (error);
  g_assert_null (missing);
  g_assert_true (seances_database_set_state (database, "recovery-key-confirmed", "1", &error));
  g_assert_true (seances_database_set_state (database, "recovery-key-confirmed", "1", &error));
  value = seances_database_get_state (database, "recovery-key-confirmed", &error);
  g_assert_cmpstr (value, ==, "1");
}

#define LIVE_ROWS 30

static void
write_rows (SeancesDatabase *database,
            const char      *prefix,
            int              n_rows)
{
  for (int i = 0; i < n_rows; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s%d", prefix, i);
      g_autoptr(GError) error = NULL;

      g_assert_true (seances_database_set_state (database, name, "1", &error));
    }
}

/* Copies the file and its -wal (and -shm) while the connection that wrote them is
 * still open, as a running Séances (or one that crashed) leaves them. Returns the
 * copy's path. */
static char *
copy_aside (const char *path,
            gboolean    with_shm)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };
  char *copy = g_build_filename (g_get_user_data_dir (), "seances", "copy.db", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes) - (with_shm ? 0 : 1); i++)
    {
      g_test_message ("suffixes[%u]", i);
      g_autofree char *from = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (copy, suffixes[i], NULL);
      g_autoptr(GBytes) bytes = read_file (from);
      g_autoptr(GError) error = NULL;

      g_file_set_contents (to, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
      g_assert_no_error (error);
    }
  return copy;
}

#define LIVE_ROWS 30

/* A -wal holding committed transactions: automatic checkpoints are off. */
static char *
make_live_copy (Fixture *fixture)
{
  g_autoptr(SeancesDatabase) database = create_with_practice (fixture);
  g_autoptr(GError) error = NULL;

  g_assert_true (seances_database_exec (database, "PRAGMA wal_autocheckpoint = 0", &error));
  write_rows (database, "live-", LIVE_ROWS);
  return copy_aside (fixture->path, FALSE);
}

static SeancesWalSummary
read_wal (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GBytes) bytes = read_file (wal);
  SeancesWalSummary summary;

  seances_wal_read (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &summary);
  return summary;
}

static char *
checksum_file (const char *path)
{
  g_autoptr(GBytes) bytes = read_file (path);

  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

/* Reading, checking and exporting never change the file or its -wal: closing a
 * read-write connection would copy the -wal into the file and delete it. */
static void
test_read_only_leaves_files (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *copy = make_live_copy (fixture);
  g_autofree char *wal = g_strconcat (copy, "-wal", NULL);
  g_autofree char *export = g_build_filename (g_get_user_data_dir (), "export.json", NULL);
  g_autofree char *file_before = checksum_file (copy);
  g_autofree char *wal_before = checksum_file (wal);
  g_autofree char *file_after = NULL;
  g_autofree char *wal_after = NULL;
  g_autoptr(SeancesDatabase) database = NULL;
  g_autoptr(SeancesPractice) practice = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_file_test (wal, G_FILE_TEST_EXISTS), ==, TRUE);
  database = seances_database_open_read_only (copy, fixture->key, &error);
  g_assert_no_error (error);

  /* What only the -wal holds is read. */
  practice = seances_practice_load (database, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (seances_practice_get_name (practice), ==, "Cabinet Les Tilleuls");
  g_assert_cmpint (count_states (database, "live-"), ==, LIVE_ROWS);
  g_assert_true (seances_database_check (database, &error));
  g_assert_no_error (error);
  g_assert_true (seances_export_json (database, export, &error));
  g_assert_no_error (error);
  g_assert_false (seances_database_set_state (database, "live-0", "2", &error));
  g_assert_nonnull (error);
  g_clear_object (&database);

  file_after = checksum_file (copy);
  wal_after = checksum_file (wal);
  g_assert_cmpstr (file_after, ==, file_before);
  g_assert_cmpstr (wal_after, ==, wal_before);
}

static void
checksum_pair (const char  *path,
               char       **file,
               char       **wal)
{
  g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);

  *file = checksum_file (path);
  *wal = checksum_file (wal_path);
}

/* The -wal SQLCipher wrote is read as SQLite reads it: every frame applies. */
static void
test_check_wal_sound (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *copy = make_live_copy (fixture);
  g_autoptr(SeancesDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  SeancesWalSummary summary = read_wal (copy);

  g_assert_cmpuint (summary.n_frames, >=, LIVE_ROWS);
  g_assert_cmpuint (summary.n_applied, ==, summary.n_frames);

  database = seances_database_open_read_only (copy, fixture->key, &error);
  g_assert_no_error (error);
  g_assert_true (seances_database_check (database, &error));
  g_assert_no_error (error);
}

#define WAL_DAMAGED_MESSAGE "Le journal des dernières modifications est endommagé et le fichier de " \
                            "données n’a pas été modifié" NBSP ": restaurez une sauvegarde ou " \
                            "contactez l’assistance."

/* One byte changed in a frame in the middle of a live copy's -wal: SQLite stops there
 * and drops the transactions after it. Returns the copy's path. */
static char *
make_damaged_wal (Fixture *fixture)
{
  char *copy = make_live_copy (fixture);
  g_autofree char *wal = g_strconcat (copy, "-wal", NULL);
  g_autoptr(GBytes) bytes = read_file (wal);
  g_autoptr(GError) error = NULL;
  SeancesWalSummary summary = read_wal (copy);
  gsize middle = SEANCES_WAL_HEADER_SIZE +
                 (summary.n_frames / 2) * (SEANCES_WAL_FRAME_HEADER_SIZE + summary.page_size) +
                 SEANCES_WAL_FRAME_HEADER_SIZE + 1000;
  g_autofree guint8 *damaged = g_memdup2 (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  damaged[middle] ^= 0x5a;
  g_file_set_contents (wal, (const char *) damaged, g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  return copy;
}

/* The check says the -wal is damaged, and changes nothing. */
static void
test_check_wal_damaged (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *copy = make_damaged_wal (fixture);
  g_autofree char *file_before = NULL;
  g_autofree char *wal_before = NULL;
  g_autofree char *file_after = NULL;
  g_autofree char *wal_after = NULL;
  g_autoptr(SeancesDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  checksum_pair (copy, &file_before, &wal_before);
  database = seances_database_open_read_only (copy, fixture->key, &error);
  g_assert_no_error (error);
  g_assert_false (seances_database_check (database, &error));
  g_assert_error (error, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_WAL_DAMAGED);
  g_assert_cmpstr (error->message, ==, WAL_DAMAGED_MESSAGE);
  g_clear_object (&database);

  checksum_pair (copy, &file_after, &wal_after);
  g_assert_cmpstr (file_after, ==, file_before);
  g_assert_cmpstr (wal_after, ==, wal_before);
}

/* Opened to write, the damaged -wal would be checkpointed as far as SQLite reads it
 * and deleted when the connection closes: it is refused, and both files are kept. */
static void
test_open_wal_damaged (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *copy = make_damaged_wal (fixture);
  g_autofree char *file_before = NULL;
  g_autofree char *wal_before = NULL;
  g_autofree char *file_after = NULL;
  g_autofree char *wal_after = NULL;
  g_autoptr(SeancesDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  checksum_pair (copy, &file_before, &wal_before);
  database = seances_database_open (copy, fixture->key, &error);
  g_assert_error (error, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_WAL_DAMAGED);
  g_assert_cmpstr (error->message, ==, WAL_DAMAGED_MESSAGE);
  g_clear_object (&database);

  checksum_pair (copy, &file_after, &wal_after);
  g_assert_cmpstr (file_after, ==, file_before);
  g_assert_cmpstr (wal_after, ==, wal_before);
}

/* Once checkpointed, the log starts again from its beginning with new salts: the
 * frames of the earlier generation left after the new ones are no damage. */
static void
test_check_wal_old_generation (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(SeancesDatabase) database = create_with_practice (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = NULL;
  SeancesWalSummary summary;

  g_assert_true (seances_database_exec (database, "PRAGMA wal_autocheckpoint = 0", &error));
  write_rows (database, "old-", LIVE_ROWS);
  g_assert_true (seances_database_exec (database, "PRAGMA wal_checkpoint (PASSIVE)", &error));
  write_rows (database, "new-", 3);
  copy = copy_aside (fixture->path, FALSE);
  g_clear_object (&database);

  summary = read_wal (copy);
  g_assert_cmpuint (summary.n_applied, >, 0);
  g_assert_cmpuint (summary.n_frames, >, summary.n_applied);

  database = seances_database_open_read_only (copy, fixture->key, &error);
  g_assert_no_error (error);
  g_assert_true (seances_database_check (database, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_states (database, "old-"), ==, LIVE_ROWS);
  g_assert_cmpint (count_states (database, "new-"), ==, 3);
}

typedef struct
{
  const char *name;
  int         version_offset;  /* from seances_migrations_count () */
  int         code;
  const char *message;
} SchemaCase;

static const SchemaCase schema_cases[] = {
  { "older", -1, SEANCES_DATABASE_ERROR_TOO_OLD,
    "Ces données ont été enregistrées par une version plus ancienne de Séances" NBSP ": ouvrez "
    "Séances une fois pour qu’il les mette à jour, puis réessayez." },
  { "newer", +1, SEANCES_DATABASE_ERROR_TOO_NEW,
    "Ces données ont été enregistrées par une version plus récente de Séances" NBSP ": mettez "
    "l’application à jour pour les ouvrir." },
};

/* A schema other than the application's is refused as it is, never migrated. */
static void
test_read_only_schema (Fixture       *fixture,
                       gconstpointer  data)
{
  const SchemaCase *row = data;
  g_autoptr(SeancesDatabase) database = create_with_practice (fixture);
  g_autofree char *set = g_strdup_printf ("PRAGMA user_version = %d",
                                          seances_migrations_count () + row->version_offset);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  g_assert_true (seances_database_exec (database, set, &error));
  g_clear_object (&database);
  before = read_file (fixture->path);

  g_assert_null (seances_database_open_read_only (fixture->path, fixture->key, &error));
  g_assert_error (error, SEANCES_DATABASE_ERROR, row->code);
  g_assert_cmpstr (error->message, ==, row->message);
  after = read_file (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
}

/* Root ignores permission bits: a child process that gave up every capability meets
 * them as any user does. */
static void
drop_capabilities (void)
{
  struct __user_cap_header_struct header = { _LINUX_CAPABILITY_VERSION_3, 0 };
  struct __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3] = { { 0 } };

  g_assert_cmpint (syscall (SYS_capset, &header, data), ==, 0);
}

#define NO_PERMISSION "Vous n’avez pas l’autorisation d’ouvrir le fichier de données ou son dossier" \
                      NBSP ": vérifiez leurs permissions puis réessayez."

typedef struct
{
  const char *name;
  int         folder_mode;
  int         file_mode;
  const char *message;
} PermissionCase;

static const PermissionCase permission_cases[] = {
  { "folder-closed", 0000, 0600, NO_PERMISSION },
  { "file-unreadable", 0700, 0000, NO_PERMISSION },
  { "file-write-only", 0700, 0200, NO_PERMISSION },
  { "folder-read-only", 0500, 0600,
    "Le dossier des données est en lecture seule" NBSP ": autorisez-y l’écriture dans ses "
    "permissions puis réessayez." },
};

/* A file the user may not open says so, never « not found » nor « damaged ». */
static void
test_permissions (Fixture       *fixture,
                  gconstpointer  data)
{
  const PermissionCase *row = data;
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  g_autoptr(SeancesDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  if (g_test_subprocess ())
    {
      drop_capabilities ();
      g_assert_null (seances_database_open (fixture->path, fixture->key, &error));
      g_assert_error (error, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_ACCESS);
      g_assert_cmpstr (error->message, ==, row->message);
      return;
    }

  database = create_with_practice (fixture);
  g_clear_object (&database);
  g_assert_cmpint (g_chmod (fixture->path, row->file_mode), ==, 0);
  g_assert_cmpint (g_chmod (folder, row->folder_mode), ==, 0);

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();

  /* The child removed the test's folders where its permissions let it; what is
   * left is removed at the end of the test. */
  g_chmod (folder, 0700);
}

typedef struct
{
  const char *name;
  const char *suffix;     /* the file made read-only */
  gboolean    someone_else;
} SidecarCase;

static const SidecarCase sidecar_cases[] = {
  { "shm-read-only", "-shm", FALSE },
  { "wal-read-only", "-wal", FALSE },
  { "shm-of-someone-else", "-shm", TRUE },
  { "wal-of-someone-else", "-wal", TRUE },
  { "file-read-only", "", FALSE },
};

/* A -wal or -shm left read-only by a restore kept every write failing: the user's own
 * is made writable again, someone else's is named; a read-only file says so at once. */
static void
test_read_only_sidecar (Fixture       *fixture,
                        gconstpointer  data)
{
  const SidecarCase *row = data;
  g_autofree char *copy = g_build_filename (g_get_user_data_dir (), "seances", "copy.db", NULL);
  g_autofree char *blocking = g_strconcat (copy, row->suffix, NULL);
  g_autoptr(SeancesDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  if (g_test_subprocess ())
    {
      drop_capabilities ();
      database = seances_database_open (copy, fixture->key, &error);
      if (row->someone_else || row->suffix[0] == '\0')
        {
          g_autofree char *expected = NULL;

          if (row->someone_else)
            expected = g_strdup_printf ("Le fichier «" NBSP "%s" NBSP "» appartient à un autre "
                                        "utilisateur et empêche d’enregistrer" NBSP ": demandez à un "
                                        "administrateur de vous le rendre, puis réessayez.", blocking);
          else
            expected = g_strdup ("Le fichier de données est en lecture seule" NBSP ": autorisez-y "
                                 "l’écriture dans ses permissions puis réessayez.");
          g_assert_null (database);
          g_assert_error (error, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_ACCESS);
          g_assert_cmpstr (error->message, ==, expected);
          return;
        }

      g_assert_no_error (error);
      g_assert_true (seances_database_set_state (database, "written", "1", &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_stat (blocking, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
      g_clear_object (&database);
      database = seances_database_open (copy, fixture->key, &error);
      g_assert_no_error (error);
      g_assert_cmpint (count_states (database, "live-"), ==, LIVE_ROWS);
      g_assert_cmpint (count_states (database, "written"), ==, 1);
      return;
    }

  if (row->someone_else && getuid () != 0)
    {
      g_test_skip ("Only root can give a file to someone else");
      return;
    }

  database = create_with_practice (fixture);
  g_assert_true (seances_database_exec (database, "PRAGMA wal_autocheckpoint = 0", &error));
  write_rows (database, "live-", LIVE_ROWS);
  g_free (copy_aside (fixture->path, TRUE));
  g_clear_object (&database);

  g_assert_cmpint (g_chmod (blocking, 0444), ==, 0);
  if (row->someone_else)
    g_assert_cmpint (chown (blocking, 65534, 65534), ==, 0);

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* Another connection holds the write lock, as a command sending the outbox would. */
static void
test_busy (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(SeancesDatabase) database = create_with_practice (fixture);
  g_autoptr(SeancesDatabase) other = NULL;
  g_autoptr(GError) error = NULL;

  other = seances_database_open (fixture->path, fixture->key, &error);
  g_assert_no_error (error);
  g_assert_true (seances_database_begin (other, &error));

  /* Not the five seconds a user is given: the lock is not going away. */
  sqlite3_busy_timeout (seances_database_get_handle (database), 50);
  g_assert_false (seances_database_set_state (database, "recovery-key-confirmed", "1", &error));
  g_assert_error (error, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_BUSY);
  g_assert_cmpstr (error->message, ==,
                   "Les données sont utilisées par un autre programme de Séances (une fenêtre "
                   "ou une commande)" NBSP ": patientez un instant puis réessayez.");
  seances_database_rollback (other);
}

static gpointer
close_later_cb (gpointer data)
{
  g_usleep (G_USEC_PER_SEC / 4);
  g_object_unref (data);
  return NULL;
}

/* Another program holds the file for a moment as Séances starts (here it holds it
 * exclusively, as SQLite does while it rebuilds the -wal's index): opening waits for
 * it, it does not fail at the first read. */
static void
test_open_waits (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(SeancesDatabase) database = create_with_practice (fixture);
  g_autoptr(SeancesDatabase) holder = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GThread) thread = NULL;

  g_clear_object (&database);
  holder = seances_database_open (fixture->path, fixture->key, &error);
  g_assert_no_error (error);
  g_assert_true (seances_database_exec (holder, "PRAGMA locking_mode = EXCLUSIVE;"
                                                "BEGIN IMMEDIATE;"
                                                "INSERT INTO app_state VALUES ('held', '1');"
                                                "COMMIT", &error));
  thread = g_thread_new ("holder", close_later_cb, g_steal_pointer (&holder));

  database = seances_database_open (fixture->path, fixture->key, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_states (database, "held"), ==, 1);
  g_thread_join (g_steal_pointer (&thread));
}

/* A disk with only a few KiB left: SQLite says "I/O error" when it cannot grow the
 * shared-memory index at the first open, "full" when a write comes short. */
typedef enum { FULL_AT_OPEN, FULL_AT_WRITE, FULL_AT_CREATE } FullCase;

#define KEPT_ROWS 20

/* Fills the disk holding @folder with one file, then gives back @left bytes of it. */
static char *
fill_disk (const char *folder,
           gsize       left)
{
  char *filler = g_build_filename (folder, "filler", NULL);
  static const char block[4096] = { 1 };
  gsize total = 0;
  int fd = g_open (filler, O_WRONLY | O_CREAT | O_TRUNC, 0600);

  g_assert_cmpint (fd, >=, 0);
  for (;;)
    {
      gssize written = write (fd, block, sizeof block);

      if (written <= 0)
        {
          g_assert_cmpint (errno, ==, ENOSPC);
          break;
        }
      total += written;
    }
  g_assert_cmpuint (total, >, left);
  g_assert_cmpint (ftruncate (fd, total - left), ==, 0);
  close (fd);
  return filler;
}

static void
disk_full_on_small_disk (const char *folder,
                         FullCase    full)
{
  g_autofree char *path = g_build_filename (folder, "seances.db", NULL);
  g_autofree char *filler = NULL;
  g_autofree char *big = g_strnfill (1000, 'x');
  g_autoptr(SeancesKey) key = seances_key_new_from_hex (KEY_HEX);
  g_autoptr(SeancesDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  gboolean written;

  if (full == FULL_AT_CREATE)
    {
      /* Whatever room is left, a creation either makes a whole file or says the disk is
       * full and leaves nothing: never a short file that the next start calls damaged. */
      for (gsize left = 16 * 1024; left <= 320 * 1024; left += 16 * 1024)
        {
          g_autoptr(GDir) dir = NULL;
          g_autoptr(SeancesDatabase) made = NULL;

          g_test_message ("%" G_GSIZE_FORMAT " KiB left", left / 1024);
          g_clear_pointer (&filler, g_free);
          filler = fill_disk (folder, left);
          made = seances_database_create (path, key, &error);
          if (made != NULL)
            {
              g_clear_object (&made);
              made = seances_database_open (path, key, &error);
              g_assert_no_error (error);
              g_clear_object (&made);
              g_assert_cmpint (g_unlink (path), ==, 0);
            }
          else
            {
              g_assert_error (error, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_DISK_FULL);
              g_clear_error (&error);
              g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
            }
          dir = g_dir_open (folder, 0, NULL);
          for (const char *name = g_dir_read_name (dir); name != NULL; name = g_dir_read_name (dir))
            g_assert_cmpstr (name, ==, "filler");
          g_assert_cmpint (g_unlink (filler), ==, 0);
        }
      return;
    }

  database = seances_database_create (path, key, &error);
  g_assert_no_error (error);
  for (int i = 0; i < KEPT_ROWS; i++)
    {
      g_autofree char *name = g_strdup_printf ("kept-%d", i);

      g_assert_true (seances_database_set_state (database, name, "1", &error));
    }
  if (full == FULL_AT_OPEN)
    g_clear_object (&database);

  filler = fill_disk (folder, 8192);

  if (full == FULL_AT_OPEN)
    {
      g_assert_null (seances_database_open (path, key, &error));
    }
  else
    {
      written = seances_database_begin (database, &error);
      for (int i = 0; written && i < 200; i++)
        {
          g_autofree char *name = g_strdup_printf ("new-%d", i);

          written = seances_database_set_state (database, name, big, &error);
        }
      g_assert_false (written && seances_database_commit (database, &error));
    }
  g_assert_error (error, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_DISK_FULL);
  g_assert_cmpstr (error->message, ==,
                   "Le disque est plein" NBSP ": libérez de la place puis réessayez. Rien n’a été perdu.");
  g_clear_error (&error);

  /* Once there is room again, what was recorded is all there, and only that. */
  g_assert_cmpint (g_unlink (filler), ==, 0);
  g_clear_object (&database);
  database = seances_database_open (path, key, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_states (database, "kept-"), ==, KEPT_ROWS);
  g_assert_cmpint (count_states (database, "new-"), ==, 0);
}

/* The case runs again in a child inside a private mount namespace (unshare), where
 * SEANCES_TEST_SMALL_DISK is a 1 MiB tmpfs. */
static void
test_disk_full (Fixture       *fixture,
                gconstpointer  data)
{
  const char *small_disk = g_getenv ("SEANCES_TEST_SMALL_DISK");
  const char *probe[] = { "unshare", "-rm", "true", NULL };
  const char *script = "mount -t tmpfs -o size=1m tmpfs \"$1\" && shift && exec \"$@\"";
  g_autofree char *self = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) env = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (small_disk != NULL)
    {
      disk_full_on_small_disk (small_disk, GPOINTER_TO_INT (data));
      return;
    }

  if (!g_spawn_sync (NULL, (char **) probe, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                     G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    {
      g_test_skip ("No private mount namespace can be made here");
      return;
    }

  self = g_file_read_link ("/proc/self/exe", &error);
  g_assert_no_error (error);
  folder = g_build_filename (g_get_user_data_dir (), "small-disk", NULL);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  env = g_environ_setenv (g_get_environ (), "SEANCES_TEST_SMALL_DISK", folder, TRUE);
  {
    const char *argv[] = { "unshare", "-rm", "sh", "-c", script, "sh", folder, self,
                           "-p", g_test_get_path (), NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 &out, &err, &status, &error));
  }
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_test_message ("On the small disk:\n%s%s", out, err);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  seances_test_init_french ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/database/create-and-reopen", test_create_and_reopen);
  ADD ("/database/pragmas", test_pragmas);
  ADD ("/database/encrypted-on-disk", test_encrypted_on_disk);
  ADD ("/database/wrong-key/file-unchanged", test_wrong_key_leaves_file);
  ADD ("/database/create/never-over-existing", test_never_created_over_existing);
  ADD ("/database/open/missing-not-created", test_missing_file_not_created);
  ADD ("/database/open/damaged", test_damaged_file);
  ADD ("/database/check", test_check);
  ADD ("/database/app-state", test_app_state);
#undef ADD
  g_test_add ("/database/sqlcipher-quiet/wrong-key", Fixture, GINT_TO_POINTER (QUIET_WRONG_KEY),
              fixture_set_up, test_sqlcipher_quiet, fixture_tear_down);
  g_test_add ("/database/sqlcipher-quiet/damaged-page", Fixture, GINT_TO_POINTER (QUIET_DAMAGED_PAGE),
              fixture_set_up, test_sqlcipher_quiet, fixture_tear_down);
  g_test_add ("/database/read-only/files-unchanged", Fixture, NULL,
              fixture_set_up, test_read_only_leaves_files, fixture_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (schema_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/database/read-only/schema-%s", schema_cases[i].name);

      g_test_add (path, Fixture, &schema_cases[i], fixture_set_up, test_read_only_schema, fixture_tear_down);
    }
  g_test_add ("/database/check/wal-sound", Fixture, NULL,
              fixture_set_up, test_check_wal_sound, fixture_tear_down);
  g_test_add ("/database/check/wal-damaged", Fixture, NULL,
              fixture_set_up, test_check_wal_damaged, fixture_tear_down);
  g_test_add ("/database/check/wal-old-generation", Fixture, NULL,
              fixture_set_up, test_check_wal_old_generation, fixture_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (sidecar_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/database/open/%s", sidecar_cases[i].name);

      g_test_add (path, Fixture, &sidecar_cases[i], fixture_set_up, test_read_only_sidecar, fixture_tear_down);
    }
  g_test_add ("/database/open/wal-damaged", Fixture, NULL, fixture_set_up, test_open_wal_damaged, fixture_tear_down);
  g_test_add ("/database/open/waits-for-a-lock", Fixture, NULL, fixture_set_up, test_open_waits, fixture_tear_down);
  g_test_add ("/database/error/busy", Fixture, NULL, fixture_set_up, test_busy, fixture_tear_down);
  g_test_add ("/database/error/disk-full/at-open", Fixture, GINT_TO_POINTER (FULL_AT_OPEN),
              fixture_set_up, test_disk_full, fixture_tear_down);
  g_test_add ("/database/error/disk-full/at-write", Fixture, GINT_TO_POINTER (FULL_AT_WRITE),
              fixture_set_up, test_disk_full, fixture_tear_down);
  g_test_add ("/database/error/disk-full/at-create", Fixture, GINT_TO_POINTER (FULL_AT_CREATE),
              fixture_set_up, test_disk_full, fixture_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (permission_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/database/error/permission/%s", permission_cases[i].name);

      g_test_add (path, Fixture, &permission_cases[i], fixture_set_up, test_permissions, fixture_tear_down);
    }

  return g_test_run ();
}
