/* test-vault.c — the key's journey, against a real gnome-keyring-daemon (or none at all)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run by tests/harness/session: with --keyring, SEANCES_TEST_KEYRING=1 and the Secret
 * Service is a real, unlocked gnome-keyring-daemon on a private bus; without it there
 * is no Secret Service at all. */
#include "config.h"

#include <glib/gstdio.h>
#include <libsecret/secret.h>
#include <string.h>
#include <sys/wait.h>

#include "seances-database-private.h"
#include "seances-keyring.h"
#include "seances-practice.h"
#include "seances-recovery-key.h"
#include "seances-test.h"
#include "seances-vault.h"

typedef struct
{
  gboolean            done;
  SeancesDatabase    *database;
  SeancesVaultStatus  status;
  char               *recovery_key;
  GError             *error;
} Outcome;

static void
outcome_clear (Outcome *outcome)
{
  g_clear_object (&outcome->database);
  g_clear_pointer (&outcome->recovery_key, g_free);
  g_clear_error (&outcome->error);
  outcome->done = FALSE;
  outcome->status = -1;
}

static void
opened_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  Outcome *outcome = data;
  outcome->database = seances_vault_open_finish (SEANCES_VAULT (source), result, &outcome->status, &outcome->error);
  outcome->done = TRUE;
}

static void
created_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  Outcome *outcome = data;
  outcome->database = seances_vault_create_finish (SEANCES_VAULT (source), result, &outcome->recovery_key, &outcome->error);
  outcome->done = TRUE;
}

static void
unlocked_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  Outcome *outcome = data;
  outcome->database = seances_vault_unlock_finish (SEANCES_VAULT (source), result, &outcome->error);
  outcome->done = TRUE;
}

static void
open_vault (SeancesVault *vault, Outcome *outcome)
{
  outcome_clear (outcome);
  seances_vault_open_async (vault, NULL, opened_cb, outcome);
  seances_test_wait (&outcome->done);
}

static void
create_vault (SeancesVault *vault, const char *passphrase, Outcome *outcome)
{
  outcome_clear (outcome);
  seances_vault_create_async (vault, passphrase, NULL, created_cb, outcome);
  seances_test_wait (&outcome->done);
}

static void
unlock_vault (SeancesVault *vault, const char *secret, Outcome *outcome)
{
  outcome_clear (outcome);
  seances_vault_unlock_async (vault, secret, NULL, unlocked_cb, outcome);
  seances_test_wait (&outcome->done);
}

static char *
database_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "seances", "seances.db", NULL);
}

static GBytes *
read_file (const char *path)
{
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_bytes_new_take (contents, length);
}


/* Runs @argv (NULL-terminated) with XDG_DATA_HOME set to @data_home (this test's own
 * when NULL); returns its exit status, with stdout and stderr in *output. */
static int
run_in (const char  *data_home,
        const char **argv,
        char       **output)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "XDG_DATA_HOME",
                                        data_home != NULL ? data_home : g_get_user_data_dir (), TRUE);
  int status = -1;

  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  *output = g_strconcat (out, err, NULL);
  g_test_message ("%s: %s", argv[1], *output);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* Runs the real `seances --check` in this environment; returns its exit status. */
static int
run_check (char **output)
{
  const char *argv[] = { SEANCES_BIN, "--check", NULL };

  return run_in (NULL, argv, output);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* The keys the keyring holds for @path, as hex, sorted: a picture to compare. */
static char *
keyring_picture (const char *path)
{
  g_autoptr(GPtrArray) keys = seances_keyring_lookup (path, NULL, NULL);
  g_autoptr(GPtrArray) hex = g_ptr_array_new_with_free_func (g_free);

  g_assert_nonnull (keys);
  for (guint i = 0; i < keys->len; i++)
    g_ptr_array_add (hex, seances_key_to_hex (g_ptr_array_index (keys, i)));
  g_ptr_array_sort (hex, compare_strings);
  g_ptr_array_add (hex, NULL);
  return g_strjoinv (",", (char **) hex->pdata);
}

/* First run stores the key; the next start finds it and asks nothing. */
static void
test_keyring_first_run_then_reopen (void)
{
  g_autofree char *path = database_path ();
  g_autoptr(SeancesVault) vault = seances_vault_new (path);
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(SeancesKey) shown = NULL;
  g_autofree char *output = NULL;
  Outcome outcome = { 0 };

  open_vault (vault, &outcome);
  g_assert_no_error (outcome.error);
  g_assert_cmpint (outcome.status, ==, SEANCES_VAULT_FIRST_RUN);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  create_vault (vault, NULL, &outcome);
  g_assert_no_error (outcome.error);
  g_assert_nonnull (outcome.database);
  g_assert_nonnull (outcome.recovery_key);
  seances_test_save_practice (outcome.database);

  /* The key in the keyring is the one the recovery key spells. */
  stored = seances_keyring_lookup (path, NULL, NULL);
  shown = seances_recovery_key_decode (outcome.recovery_key, NULL);
  g_assert_nonnull (stored);
  g_assert_cmpuint (stored->len, ==, 1);
  g_assert_cmpmem (seances_key_get_raw (g_ptr_array_index (stored, 0)), 32, seances_key_get_raw (shown), 32);

  g_clear_object (&outcome.database);

  /* A data folder widened by hand is the user's alone again once opened. */
  {
    g_autofree char *dir = g_path_get_dirname (path);
    GStatBuf st;

    g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
    open_vault (vault, &outcome);
    g_assert_cmpint (g_stat (dir, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  }
  g_assert_no_error (outcome.error);
  g_assert_cmpint (outcome.status, ==, SEANCES_VAULT_OPEN);
  g_assert_nonnull (outcome.database);
  g_clear_object (&outcome.database);

  g_assert_cmpint (run_check (&output), ==, 0);
  g_assert_nonnull (strstr (output, "La base de données est intacte."));

  outcome_clear (&outcome);
}

/* The keyring entry is gone: the recovery key opens the data and goes back in. A wrong
 * recovery key is refused and the file stays byte for byte as it was. */
static void
test_keyring_missing_entry (void)
{
  g_autofree char *path = database_path ();
  g_autoptr(SeancesVault) vault = seances_vault_new (path);
  g_autoptr(SeancesKey) other = seances_key_new_random ();
  g_autofree char *wrong_key = seances_recovery_key_encode (other);
  g_autofree char *recovery_key = NULL;
  g_autofree char *typo = NULL;
  g_autofree char *output = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  Outcome outcome = { 0 };

  create_vault (vault, NULL, &outcome);
  g_assert_no_error (outcome.error);
  seances_test_save_practice (outcome.database);
  recovery_key = g_steal_pointer (&outcome.recovery_key);
  g_clear_object (&outcome.database);

  g_assert_true (seances_keyring_clear (path, NULL, NULL));
  g_assert_cmpint (run_check (&output), ==, 2);
  g_assert_nonnull (strstr (output, "clé de secours"));

  open_vault (vault, &outcome);
  g_assert_no_error (outcome.error);
  g_assert_cmpint (outcome.status, ==, SEANCES_VAULT_NEEDS_SECRET);
  g_assert_cmpint (seances_vault_get_reason (vault), ==, SEANCES_VAULT_KEY_MISSING);

  before = read_file (path);

  /* A well-formed recovery key of another database: the file is not this key's. */
  unlock_vault (vault, wrong_key, &outcome);
  g_assert_error (outcome.error, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_DAMAGED);
  g_assert_nonnull (strstr (outcome.error->message, "endommagé"));

  typo = g_strdup (recovery_key);
  typo[0] = typo[0] == 'A' ? 'B' : 'A';
  unlock_vault (vault, typo, &outcome);
  g_assert_error (outcome.error, SEANCES_RECOVERY_KEY_ERROR, SEANCES_RECOVERY_KEY_ERROR_CHECKSUM);

  after = read_file (path);
  g_assert_true (g_bytes_equal (before, after));
  {
    g_autoptr(GPtrArray) none = seances_keyring_lookup (path, NULL, NULL);
    g_assert_cmpuint (none->len, ==, 0);
  }

  /* Typed in lower case, as a tired person might. */
  {
    g_autofree char *lower = g_ascii_strdown (recovery_key, -1);
    unlock_vault (vault, lower, &outcome);
  }
  g_assert_no_error (outcome.error);
  g_assert_nonnull (outcome.database);
  g_clear_object (&outcome.database);

  open_vault (vault, &outcome);
  g_assert_cmpint (outcome.status, ==, SEANCES_VAULT_OPEN);
  outcome_clear (&outcome);
}

/* A keyring entry whose key does not open the file is not trusted, and says why. */
static void
test_keyring_key_refused (void)
{
  g_autofree char *path = database_path ();
  g_autoptr(SeancesVault) vault = seances_vault_new (path);
  g_autoptr(SeancesKey) other = seances_key_new_random ();
  Outcome outcome = { 0 };

  create_vault (vault, NULL, &outcome);
  g_assert_no_error (outcome.error);
  g_clear_object (&outcome.database);

  /* Storing another key keeps the one that opens the file, and each is tried. */
  g_assert_true (seances_keyring_store (path, other, NULL, NULL));
  open_vault (vault, &outcome);
  g_assert_no_error (outcome.error);
  g_assert_cmpint (outcome.status, ==, SEANCES_VAULT_OPEN);
  g_clear_object (&outcome.database);

  /* With only the other key left, it is refused. */
  g_assert_true (seances_keyring_clear (path, NULL, NULL));
  g_assert_true (seances_keyring_store (path, other, NULL, NULL));
  open_vault (vault, &outcome);
  g_assert_no_error (outcome.error);
  g_assert_cmpint (outcome.status, ==, SEANCES_VAULT_NEEDS_SECRET);
  g_assert_cmpint (seances_vault_get_reason (vault), ==, SEANCES_VAULT_KEY_REFUSED);
  outcome_clear (&outcome);
}

static void
test_check_damaged (void)
{
  g_autofree char *path = database_path ();
  g_autoptr(SeancesVault) vault = seances_vault_new (path);
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length;
  Outcome outcome = { 0 };

  create_vault (vault, NULL, &outcome);
  seances_test_save_practice (outcome.database);
  g_clear_object (&outcome.database);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  contents[4096 + 1500] ^= 0x21;
  g_assert_true (g_file_set_contents (path, contents, length, &error));
  g_free (contents);

  g_assert_cmpint (run_check (&output), ==, 1);
  g_assert_nonnull (strstr (output, "endommagé"));
  outcome_clear (&outcome);
}

/* A second data folder (another account's copy, a test folder) names its database the
 * same way: making it must not take the key of the first practice away. */
static void
test_keyring_second_folder (void)
{
  g_autofree char *path = database_path ();
  g_autoptr(SeancesVault) vault = seances_vault_new (path);
  g_autofree char *other_home = g_build_filename (g_get_user_data_dir (), "..", "other-data", NULL);
  g_autofree char *output = NULL;
  const char *demo[] = { SEANCES_BIN, "--generate-demo=3", NULL };
  const char *check[] = { SEANCES_BIN, "--check", NULL };
  Outcome outcome = { 0 };

  create_vault (vault, NULL, &outcome);
  g_assert_no_error (outcome.error);
  seances_test_save_practice (outcome.database);
  g_clear_object (&outcome.database);

  g_assert_cmpint (run_in (other_home, demo, &output), ==, 0);
  g_clear_pointer (&output, g_free);
  g_assert_cmpint (run_in (other_home, check, &output), ==, 0);
  g_clear_pointer (&output, g_free);

  open_vault (vault, &outcome);
  g_assert_no_error (outcome.error);
  g_assert_cmpint (outcome.status, ==, SEANCES_VAULT_OPEN);
  g_assert_cmpint (run_check (&output), ==, 0);
  outcome_clear (&outcome);
}

/* A creation that fails leaves the keyring exactly as it was. */
static void
test_keyring_failed_creation (void)
{
  g_autofree char *path = database_path ();
  g_autoptr(SeancesVault) vault = seances_vault_new (path);
  g_autofree char *other_home = g_build_filename (g_get_user_data_dir (), "..", "blocked-data", NULL);
  g_autofree char *blocker = g_build_filename (other_home, "seances", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *output = NULL;
  const char *demo[] = { SEANCES_BIN, "--generate-demo=3", NULL };
  Outcome outcome = { 0 };

  create_vault (vault, NULL, &outcome);
  g_assert_no_error (outcome.error);
  g_clear_object (&outcome.database);
  before = keyring_picture (path);

  /* Where the data folder should be stands a file: nothing can be made there. */
  g_assert_cmpint (g_mkdir_with_parents (other_home, 0700), ==, 0);
  g_assert_true (g_file_set_contents (blocker, "not a folder", -1, NULL));
  g_assert_cmpint (run_in (other_home, demo, &output), ==, 1);
  g_assert_nonnull (strstr (output, "dossier des données"));

  after = keyring_picture (path);
  g_assert_cmpstr (after, ==, before);
  open_vault (vault, &outcome);
  g_assert_cmpint (outcome.status, ==, SEANCES_VAULT_OPEN);
  outcome_clear (&outcome);
}

/* Thirty processes making the practice at once: one database, sound, whose key is the
 * one in the keyring, and no temporary file left. Three rounds. */
static void
test_keyring_concurrent_creations (void)
{
  static const char * const sidecars[] = { "", "-wal", "-shm" };
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  g_autofree char *path = database_path ();
  g_autofree char *dir = g_path_get_dirname (path);

  /* Earlier tests kept keys under the same name. */
  g_assert_true (seances_keyring_clear (path, NULL, NULL));

  for (int round = 0; round < 3; round++)
    {
      g_autoptr(SeancesVault) vault = seances_vault_new (path);
      g_autoptr(GPtrArray) keys = NULL;
      g_autoptr(GDir) listing = NULL;
      g_autofree char *output = NULL;
      const char *argv[] = { VAULT_HELPER, path, NULL };
      GPid pids[30];
      int outs[30];
      int created = 0;
      const char *name;
      Outcome outcome = { 0 };

      for (int i = 0; i < 30; i++)
        {
          g_autoptr(GError) error = NULL;

          g_spawn_async_with_pipes (NULL, (char **) argv, env, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                    &pids[i], NULL, &outs[i], NULL, &error);
          g_assert_no_error (error);
        }
      for (int i = 0; i < 30; i++)
        {
          g_autoptr(GIOChannel) channel = g_io_channel_unix_new (outs[i]);
          g_autofree char *line = NULL;
          int status;

          g_io_channel_set_close_on_unref (channel, TRUE);
          g_io_channel_read_to_end (channel, &line, NULL, NULL);
          g_assert_cmpint (waitpid (pids[i], &status, 0), ==, pids[i]);
          g_spawn_close_pid (pids[i]);
          g_test_message ("round %d, process %d: %s", round, i, line);
          g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
          if (g_str_equal (line, "created\n"))
            created++;
        }
      g_assert_cmpint (created, ==, 1);

      keys = seances_keyring_lookup (path, NULL, NULL);
      g_assert_cmpuint (keys->len, ==, 1);
      open_vault (vault, &outcome);
      g_assert_cmpint (outcome.status, ==, SEANCES_VAULT_OPEN);
      g_clear_object (&outcome.database);
      g_assert_cmpint (run_check (&output), ==, 0);

      listing = g_dir_open (dir, 0, NULL);
      while ((name = g_dir_read_name (listing)) != NULL)
        g_assert_null (strstr (name, ".new"));

      /* Start the next round from nothing. */
      g_assert_true (seances_keyring_clear (path, NULL, NULL));
      for (guint i = 0; i < G_N_ELEMENTS (sidecars); i++)
        {
          g_autofree char *file = g_strconcat (path, sidecars[i], NULL);
          g_unlink (file);
        }
      outcome_clear (&outcome);
    }
}

/* Copies @path and its -wal into @dir while @database still has them open, so that the
 * copy keeps a -wal holding committed transactions (closing would fold it in). */
static char *
copy_with_wal (SeancesDatabase *database,
               const char      *path,
               const char      *dir)
{
  g_autofree char *copy = g_build_filename (dir, "seances.db", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  for (guint i = 0; i < 2; i++)
    {
      const char *suffix = i == 0 ? "" : "-wal";
      g_autofree char *from = g_strconcat (path, suffix, NULL);
      g_autofree char *to = g_strconcat (copy, suffix, NULL);
      g_autoptr(GBytes) bytes = read_file (from);

      g_assert_true (g_file_set_contents_full (to, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                               G_FILE_SET_CONTENTS_NONE, 0600, NULL));
    }
  return g_steal_pointer (&copy);
}

/* `seances --check` and `--export-json` only read: a sound -wal stays where it is, and
 * a -wal damaged in its middle is reported, not folded in and deleted. */
static void
test_keyring_check_read_only (void)
{
  g_autofree char *path = database_path ();
  g_autoptr(SeancesVault) vault = seances_vault_new (path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *aside = g_build_filename (dir, "..", "aside", NULL);
  g_autofree char *copy = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *json = g_build_filename (aside, "export.json", NULL);
  g_autofree char *export_arg = g_strconcat ("--export-json=", json, NULL);
  const char *export_argv[] = { SEANCES_BIN, export_arg, NULL };
  g_autoptr(GBytes) wal_before = NULL;
  g_autoptr(GBytes) wal_after = NULL;
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length;
  Outcome outcome = { 0 };

  create_vault (vault, NULL, &outcome);
  g_assert_no_error (outcome.error);
  g_assert_true (seances_database_exec (outcome.database, "PRAGMA wal_autocheckpoint = 0", &error));
  seances_test_save_practice (outcome.database);
  for (int i = 0; i < 4; i++)
    g_assert_true (seances_database_set_state (outcome.database, "test-row", i % 2 ? "a" : "b", &error));
  copy = copy_with_wal (outcome.database, path, aside);
  g_clear_object (&outcome.database);

  /* The data as they were, -wal included, back in place. */
  for (guint i = 0; i < 2; i++)
    {
      const char *suffix = i == 0 ? "" : "-wal";
      g_autofree char *from = g_strconcat (copy, suffix, NULL);
      g_autofree char *to = g_strconcat (path, suffix, NULL);
      g_assert_cmpint (g_rename (from, to), ==, 0);
    }
  wal_before = read_file (wal);
  g_assert_cmpuint (g_bytes_get_size (wal_before), >, 4096);

  g_assert_cmpint (run_check (&output), ==, 0);
  g_clear_pointer (&output, g_free);
  g_assert_cmpint (run_in (NULL, export_argv, &output), ==, 0);
  g_clear_pointer (&output, g_free);
  wal_after = read_file (wal);
  g_assert_true (g_bytes_equal (wal_before, wal_after));
  g_clear_pointer (&wal_after, g_bytes_unref);

  /* One byte changed in a frame in the middle of the -wal. */
  g_assert_true (g_file_get_contents (wal, &contents, &length, NULL));
  contents[length / 2] ^= 0x10;
  g_assert_true (g_file_set_contents (wal, contents, length, NULL));
  g_free (contents);
  g_bytes_unref (wal_before);
  wal_before = read_file (wal);

  g_assert_cmpint (run_check (&output), ==, 1);
  g_assert_nonnull (strstr (output, "journal"));
  g_assert_null (strstr (output, "intacte"));
  wal_after = read_file (wal);
  g_assert_true (g_bytes_equal (wal_before, wal_after));
  outcome_clear (&outcome);
}

/* A locked keyring is said to be locked, never « the key is not there ». It stays
 * locked (no prompt can unlock it here): this test runs last. */
static void
test_keyring_locked (void)
{
  g_autofree char *path = database_path ();
  g_autoptr(SeancesVault) vault = seances_vault_new (path);
  g_autoptr(SecretService) service = NULL;
  g_autoptr(SecretCollection) collection = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  GList *objects;
  Outcome outcome = { 0 };

  create_vault (vault, NULL, &outcome);
  g_assert_no_error (outcome.error);
  g_clear_object (&outcome.database);

  service = secret_service_get_sync (SECRET_SERVICE_NONE, NULL, &error);
  g_assert_no_error (error);
  collection = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT, SECRET_COLLECTION_NONE, NULL, &error);
  g_assert_no_error (error);
  objects = g_list_append (NULL, collection);
  secret_service_lock_sync (service, objects, NULL, NULL, &error);
  g_list_free (objects);
  g_assert_no_error (error);

  open_vault (vault, &outcome);
  g_assert_no_error (outcome.error);
  g_assert_cmpint (outcome.status, ==, SEANCES_VAULT_NEEDS_SECRET);
  g_assert_cmpint (seances_vault_get_reason (vault), ==, SEANCES_VAULT_KEYRING_LOCKED);

  g_assert_cmpint (run_check (&output), ==, 2);
  g_assert_nonnull (strstr (output, "verrouillé"));
  g_assert_null (strstr (output, "pas dans le trousseau"));

  outcome_clear (&outcome);
}

/* A damaged first page is not a missing key: the command line says the file is
 * damaged or not this key's, and the correct recovery key then says it is damaged. */
static void
test_keyring_damaged_first_page (void)
{
  g_autofree char *path = database_path ();
  g_autoptr(SeancesVault) vault = seances_vault_new (path);
  g_autofree char *recovery_key = NULL;
  g_autofree char *output = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  char *contents = NULL;
  gsize length;
  Outcome outcome = { 0 };

  create_vault (vault, NULL, &outcome);
  seances_test_save_practice (outcome.database);
  recovery_key = g_steal_pointer (&outcome.recovery_key);
  g_clear_object (&outcome.database);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  contents[100] ^= 0x5a;
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  g_free (contents);
  before = read_file (path);

  g_assert_cmpint (run_check (&output), ==, 1);
  g_assert_nonnull (strstr (output, "endommagé"));
  g_assert_null (strstr (output, "clé de secours"));

  open_vault (vault, &outcome);
  g_assert_cmpint (outcome.status, ==, SEANCES_VAULT_NEEDS_SECRET);
  g_assert_cmpint (seances_vault_get_reason (vault), ==, SEANCES_VAULT_KEY_REFUSED);
  unlock_vault (vault, recovery_key, &outcome);
  g_assert_error (outcome.error, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_DAMAGED);

  after = read_file (path);
  g_assert_true (g_bytes_equal (before, after));
  outcome_clear (&outcome);
}

/* A data folder that cannot be read is not « no data yet » (which would invite making
 * a second practice); run as a user without root's override of permissions. */
static void
test_keyring_unreadable_folder (void)
{
  g_autofree char *path = database_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(SeancesVault) vault = seances_vault_new (path);
  g_autofree char *output = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *argv[] = { "setpriv", "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search,-fowner",
                         SEANCES_BIN, "--check", NULL };
  const char *demo[] = { "setpriv", "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search,-fowner",
                         SEANCES_BIN, "--generate-demo=3", NULL };
  Outcome outcome = { 0 };
  g_autofree char *setpriv = g_find_program_in_path ("setpriv");

  if (setpriv == NULL)
    {
      g_test_skip ("setpriv (util-linux) is needed to drop the capabilities of root");
      return;
    }

  create_vault (vault, NULL, &outcome);
  g_clear_object (&outcome.database);
  before = keyring_picture (path);

  g_assert_cmpint (g_chmod (dir, 0), ==, 0);
  g_assert_cmpint (run_in (NULL, argv, &output), ==, 1);
  g_assert_nonnull (strstr (output, "droits"));
  g_assert_null (strstr (output, "aucune donnée"));
  g_clear_pointer (&output, g_free);
  g_assert_cmpint (run_in (NULL, demo, &output), ==, 1);
  g_assert_cmpint (g_chmod (dir, 0700), ==, 0);

  after = keyring_picture (path);
  g_assert_cmpstr (after, ==, before);
  open_vault (vault, &outcome);
  g_assert_cmpint (outcome.status, ==, SEANCES_VAULT_OPEN);
  outcome_clear (&outcome);
}

/* No Secret Service at all: a passphrase instead, derived off the main thread. */
static void
test_no_keyring_passphrase (void)
{
  g_autofree char *path = database_path ();
  g_autoptr(SeancesVault) vault = seances_vault_new (path);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *output = NULL;
  Outcome outcome = { 0 };

  create_vault (vault, NULL, &outcome);
  g_assert_error (outcome.error, SEANCES_KEYRING_ERROR, SEANCES_KEYRING_ERROR_UNAVAILABLE);
  g_assert_cmpstr (outcome.error->message, ==, "Aucun trousseau n’est disponible sur cet ordinateur.");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  create_vault (vault, "les tilleuls en fleur", &outcome);
  g_assert_no_error (outcome.error);
  g_assert_null (outcome.recovery_key);
  seances_test_save_practice (outcome.database);
  g_clear_object (&outcome.database);

  open_vault (vault, &outcome);
  g_assert_no_error (outcome.error);
  g_assert_cmpint (outcome.status, ==, SEANCES_VAULT_NEEDS_SECRET);
  g_assert_cmpint (seances_vault_get_reason (vault), ==, SEANCES_VAULT_NO_KEYRING);

  g_assert_cmpint (run_check (&output), ==, 2);
  g_assert_nonnull (strstr (output, "phrase secrète"));

  before = read_file (path);
  unlock_vault (vault, "les tilleuls en hiver", &outcome);
  g_assert_error (outcome.error, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_WRONG_KEY);
  after = read_file (path);
  g_assert_true (g_bytes_equal (before, after));

  unlock_vault (vault, "les tilleuls en fleur", &outcome);
  g_assert_no_error (outcome.error);
  g_assert_nonnull (outcome.database);
  outcome_clear (&outcome);
}

/* libsecret 0.20 caches one default SecretService and watches its bus name; when two
 * instances are made close together (a slow run, no Secret Service on the bus) the
 * watch of the one not cached warns as it goes. That is libsecret's bookkeeping, not a
 * failure of ours: every answer the tests check is still asserted. */
static gboolean
fatal_cb (const char     *domain,
          GLogLevelFlags  level,
          const char     *message,
          gpointer        data)
{
  return !(g_strcmp0 (domain, "libsecret") == 0 &&
           g_str_has_prefix (message, "Global default SecretService instance out of sync"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_log_set_fatal_handler (fatal_cb, NULL);
  seances_test_init_french ();

  if (g_strcmp0 (g_getenv ("SEANCES_TEST_KEYRING"), "1") == 0)
    {
      g_test_add_func ("/vault/keyring/first-run-then-reopen", test_keyring_first_run_then_reopen);
      g_test_add_func ("/vault/keyring/missing-entry", test_keyring_missing_entry);
      g_test_add_func ("/vault/keyring/key-refused", test_keyring_key_refused);
      g_test_add_func ("/vault/keyring/check-damaged", test_check_damaged);
      g_test_add_func ("/vault/keyring/second-folder", test_keyring_second_folder);
      g_test_add_func ("/vault/keyring/failed-creation", test_keyring_failed_creation);
      g_test_add_func ("/vault/keyring/concurrent-creations", test_keyring_concurrent_creations);
      g_test_add_func ("/vault/keyring/damaged-first-page", test_keyring_damaged_first_page);
      g_test_add_func ("/vault/keyring/unreadable-folder", test_keyring_unreadable_folder);
      g_test_add_func ("/vault/keyring/check-read-only", test_keyring_check_read_only);
      g_test_add_func ("/vault/keyring/locked", test_keyring_locked);
    }
  else
    g_test_add_func ("/vault/no-keyring/passphrase", test_no_keyring_passphrase);

  return g_test_run ();
}
