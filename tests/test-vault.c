/* test-vault.c — the key's journey, against a real gnome-keyring-daemon (or none at all)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run by tests/harness/session: with --keyring, SEANCES_TEST_KEYRING=1 and the Secret
 * Service is a real, unlocked gnome-keyring-daemon on a private bus; without it there
 * is no Secret Service at all. */
#include "config.h"

#include <string.h>
#include <sys/wait.h>

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

static void
save_practice (SeancesDatabase *database)
{
  g_autoptr(SeancesPractice) practice = seances_practice_new_default ();
  g_autoptr(GError) error = NULL;

  g_free (practice->name);
  practice->name = g_strdup ("Cabinet Les Tilleuls");
  g_free (practice->practitioner);
  practice->practitioner = g_strdup ("Claire Martin");
  g_assert_true (seances_practice_save (database, practice, &error));
  g_assert_no_error (error);
}

/* Runs the real `seances --check` in this environment; returns its exit status. */
static int
run_check (char **output)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { SEANCES_BIN, "--check", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  int status = -1;

  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  *output = g_strconcat (out, err, NULL);
  g_test_message ("seances --check: %s", *output);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* First run stores the key; the next start finds it and asks nothing. */
static void
test_keyring_first_run_then_reopen (void)
{
  g_autofree char *path = database_path ();
  g_autoptr(SeancesVault) vault = seances_vault_new (path);
  g_autoptr(SeancesKey) stored = NULL;
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
  save_practice (outcome.database);

  /* The key in the keyring is the one the recovery key spells. */
  stored = seances_keyring_lookup (path, NULL, NULL);
  shown = seances_recovery_key_decode (outcome.recovery_key, NULL);
  g_assert_nonnull (stored);
  g_assert_cmpmem (seances_key_get_raw (stored), 32, seances_key_get_raw (shown), 32);

  g_clear_object (&outcome.database);
  open_vault (vault, &outcome);
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
  save_practice (outcome.database);
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

  unlock_vault (vault, wrong_key, &outcome);
  g_assert_error (outcome.error, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_WRONG_KEY);
  g_assert_cmpstr (outcome.error->message, ==, "Cette clé n’ouvre pas la base de données. Vérifiez-la et réessayez.");

  typo = g_strdup (recovery_key);
  typo[0] = typo[0] == 'A' ? 'B' : 'A';
  unlock_vault (vault, typo, &outcome);
  g_assert_error (outcome.error, SEANCES_RECOVERY_KEY_ERROR, SEANCES_RECOVERY_KEY_ERROR_CHECKSUM);

  after = read_file (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_null (seances_keyring_lookup (path, NULL, NULL));

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
  save_practice (outcome.database);
  g_clear_object (&outcome.database);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  contents[4096 + 1500] ^= 0x21;
  g_assert_true (g_file_set_contents (path, contents, length, &error));
  g_free (contents);

  g_assert_cmpint (run_check (&output), ==, 1);
  g_assert_nonnull (strstr (output, "endommagé"));
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
  save_practice (outcome.database);
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  seances_test_init_french ();

  if (g_strcmp0 (g_getenv ("SEANCES_TEST_KEYRING"), "1") == 0)
    {
      g_test_add_func ("/vault/keyring/first-run-then-reopen", test_keyring_first_run_then_reopen);
      g_test_add_func ("/vault/keyring/missing-entry", test_keyring_missing_entry);
      g_test_add_func ("/vault/keyring/key-refused", test_keyring_key_refused);
      g_test_add_func ("/vault/keyring/check-damaged", test_check_damaged);
    }
  else
    g_test_add_func ("/vault/no-keyring/passphrase", test_no_keyring_passphrase);

  return g_test_run ();
}
