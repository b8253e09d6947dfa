/* vault-helper.c — one process opening or creating the practice's data as the app does
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   vault-helper DATABASE_PATH
 *
 * Opens the database with the keyring's key; when there is none yet, creates it with a
 * random key (as the first run does). Prints « created », « opened » or « busy » and
 * exits 0, or prints the error and exits 1. test-vault runs thirty at once. */
#include "config.h"

#include "seances-test.h"
#include "seances-vault.h"

typedef struct
{
  gboolean            done;
  SeancesDatabase    *database;
  SeancesVaultStatus  status;
  GError             *error;
} Outcome;

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
  outcome->database = seances_vault_create_finish (SEANCES_VAULT (source), result, NULL, &outcome->error);
  outcome->done = TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SeancesVault) vault = NULL;
  Outcome outcome = { 0 };

  if (argc != 2)
    return 2;
  vault = seances_vault_new (argv[1]);

  seances_vault_open_async (vault, NULL, opened_cb, &outcome);
  seances_test_wait (&outcome.done);
  if (outcome.error == NULL && outcome.status == SEANCES_VAULT_FIRST_RUN)
    {
      outcome.done = FALSE;
      seances_vault_create_async (vault, NULL, NULL, created_cb, &outcome);
      seances_test_wait (&outcome.done);
      if (outcome.database != NULL)
        {
          g_print ("created\n");
          return 0;
        }
      /* Another process made it first: it is there to open now. */
      if (g_error_matches (outcome.error, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_EXISTS))
        {
          g_clear_error (&outcome.error);
          outcome.done = FALSE;
          seances_vault_open_async (vault, NULL, opened_cb, &outcome);
          seances_test_wait (&outcome.done);
        }
    }

  if (outcome.database != NULL)
    {
      g_print ("opened\n");
      g_object_unref (outcome.database);
      return 0;
    }
  if (g_error_matches (outcome.error, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_BUSY))
    {
      g_print ("busy\n");
      return 0;
    }
  g_print ("%s\n", outcome.error != NULL ? outcome.error->message : "needs a secret");
  return 1;
}
