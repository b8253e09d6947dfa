/* seances-cli.c — command-line actions that never open a window
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each prints one French line and returns the process exit status. Only the core is
 * used here: no display is needed. */
#include "config.h"

#include "seances-cli.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "seances-vault.h"

typedef struct
{
  GMainLoop          *loop;
  SeancesDatabase    *database;
  SeancesVaultStatus  status;
  GError             *error;
} Opening;

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Opening *opening = user_data;

  opening->database = seances_vault_open_finish (SEANCES_VAULT (source), result,
                                                 &opening->status, &opening->error);
  g_main_loop_quit (opening->loop);
}

/* Opens the database with the key from the keyring, waiting on a private loop. */
static SeancesDatabase *
open_database (int *status)
{
  g_autofree char *path = seances_database_default_path ();
  g_autoptr(SeancesVault) vault = seances_vault_new (path);
  g_autoptr(GMainContext) context = g_main_context_new ();
  Opening opening = { 0 };

  g_main_context_push_thread_default (context);
  opening.loop = g_main_loop_new (context, FALSE);
  seances_vault_open_async (vault, NULL, opened_cb, &opening);
  g_main_loop_run (opening.loop);
  g_main_loop_unref (opening.loop);
  g_main_context_pop_thread_default (context);

  if (opening.error != NULL)
    {
      g_printerr ("%s\n", opening.error->message);
      g_error_free (opening.error);
      *status = 1;
      return NULL;
    }

  switch (opening.status)
    {
    case SEANCES_VAULT_FIRST_RUN:
      g_printerr ("%s\n", _("There is no data yet: start Séances once to create your practice."));
      *status = 1;
      return NULL;
    case SEANCES_VAULT_NEEDS_SECRET:
      if (seances_vault_get_reason (vault) == SEANCES_VAULT_NO_KEYRING)
        g_printerr ("%s\n", _("No keyring is available: open Séances and type your passphrase or recovery key."));
      else
        g_printerr ("%s\n", _("The key is not in the keyring: open Séances and type your recovery key."));
      *status = 2;
      return NULL;
    case SEANCES_VAULT_OPEN:
    default:
      return opening.database;
    }
}

int
seances_cli_check (void)
{
  g_autoptr(SeancesDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  database = open_database (&status);
  if (database == NULL)
    return status;

  if (!seances_database_check (database, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_print ("%s\n", _("The database is sound."));
  return 0;
}
