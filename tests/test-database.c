/* test-database.c — the encrypted database file: create, open, keys, damage
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "seances-database.h"
#include "seances-practice.h"

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
  fixture->key = seances_key_new_random ();
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
  g_autoptr(SeancesPractice) practice = seances_practice_new_default ();
  SeancesDatabase *database = seances_database_create (fixture->path, fixture->key, &error);

  g_assert_no_error (error);
  g_free (practice->name);
  practice->name = g_strdup ("Cabinet Les Tilleuls");
  g_free (practice->practitioner);
  practice->practitioner = g_strdup ("Claire Martin");
  g_assert_true (seances_practice_save (database, practice, &error));
  g_assert_no_error (error);
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
  g_assert_cmpstr (practice->name, ==, "Cabinet Les Tilleuls");
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
  static const char hex[] = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
  QuietCase quiet = GPOINTER_TO_INT (data);
  g_autoptr(SeancesKey) key = seances_key_new_from_hex (hex);
  g_autoptr(SeancesDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(SeancesKey) wrong = seances_key_new_random ();
      int expected = quiet == QUIET_WRONG_KEY ? SEANCES_DATABASE_ERROR_WRONG_KEY
                                              : SEANCES_DATABASE_ERROR_DAMAGED;

      /* The damaged page is the second, the practice's: read through SQLite's pager. */
      database = seances_database_open (fixture->path, quiet == QUIET_WRONG_KEY ? wrong : key, &error);
      if (database != NULL)
        g_assert_false (seances_database_exec (database, "SELECT * FROM practice", &error));
      g_assert_error (error, SEANCES_DATABASE_ERROR, expected);
      return;
    }

  database = seances_database_create (fixture->path, key, &error);
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

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

  return g_test_run ();
}
