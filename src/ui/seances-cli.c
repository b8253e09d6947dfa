/* seances-cli.c — command-line actions that never open a window
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each prints one French line and returns the process exit status. Only the core is
 * used here: no display is needed. */
#include "config.h"

#include "seances-cli.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "seances-context.h"
#include "seances-export.h"
#include "seances-keyring.h"
#include "seances-practice.h"
#include "seances-vault.h"

/* The vault answers through the thread-default main context: calls are made between
 * waiting_begin(), which pushes a private one, and waiting_end(), which runs it until
 * the answer comes. */
typedef struct
{
  GMainContext *context;
  GMainLoop    *loop;
  GAsyncResult *result;
} Waiting;

static void
waiting_begin (Waiting *waiting)
{
  waiting->context = g_main_context_new ();
  waiting->loop = g_main_loop_new (waiting->context, FALSE);
  g_main_context_push_thread_default (waiting->context);
}

static void
finished_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Waiting *waiting = user_data;

  waiting->result = g_object_ref (result);
  g_main_loop_quit (waiting->loop);
}

/* Returns the result, to unref once finished with. */
static GAsyncResult *
waiting_end (Waiting *waiting)
{
  g_main_loop_run (waiting->loop);
  g_main_context_pop_thread_default (waiting->context);
  g_main_loop_unref (waiting->loop);
  g_main_context_unref (waiting->context);
  return waiting->result;
}

static int
fail (const char *message,
      int         status)
{
  g_printerr ("%s\n", message);
  return status;
}

/* A database for the demo, made as the first run makes it: a random key kept in the
 * keyring. The recovery key is not shown: a demo holds nothing worth recovering. */
static SeancesDatabase *
create_database (SeancesVault *vault,
                 int          *status)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SeancesDatabase *database;
  Waiting waiting = { 0 };

  waiting_begin (&waiting);
  seances_vault_create_async (vault, NULL, NULL, finished_cb, &waiting);
  result = waiting_end (&waiting);
  database = seances_vault_create_finish (vault, result, NULL, &error);

  if (g_error_matches (error, SEANCES_KEYRING_ERROR, SEANCES_KEYRING_ERROR_UNAVAILABLE) ||
      g_error_matches (error, SEANCES_KEYRING_ERROR, SEANCES_KEYRING_ERROR_TIMED_OUT))
    *status = fail (_("No keyring is available: a demo practice keeps its key there. "
                      "Open a desktop session and try again."), 2);
  else if (error != NULL)
    *status = fail (error->message, 1);
  return database;
}

/* Opens the database with the key from the keyring; with @create, makes it when there
 * is none yet. */
static SeancesDatabase *
open_database (gboolean  create,
               int      *status)
{
  g_autofree char *path = seances_database_default_path ();
  g_autoptr(SeancesVault) vault = seances_vault_new (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SeancesVaultStatus opened = SEANCES_VAULT_FIRST_RUN;
  SeancesDatabase *database;
  Waiting waiting = { 0 };

  /* Checking and exporting only read: they never checkpoint or delete the -wal. */
  seances_vault_set_read_only (vault, !create);
  waiting_begin (&waiting);
  seances_vault_open_async (vault, NULL, finished_cb, &waiting);
  result = waiting_end (&waiting);
  database = seances_vault_open_finish (vault, result, &opened, &error);

  if (error != NULL)
    {
      *status = fail (error->message, 1);
      return NULL;
    }

  switch (opened)
    {
    case SEANCES_VAULT_FIRST_RUN:
      if (create)
        return create_database (vault, status);
      *status = fail (_("There is no data yet: start Séances once to create your practice."), 1);
      return NULL;
    case SEANCES_VAULT_NEEDS_SECRET:
      switch (seances_vault_get_reason (vault))
        {
        case SEANCES_VAULT_NO_KEYRING:
          *status = fail (_("No keyring is available: open Séances and type your passphrase or recovery key."), 2);
          break;
        case SEANCES_VAULT_KEYRING_LOCKED:
          *status = fail (_("The keyring is locked: unlock it and try again, or open Séances and type your recovery key."), 2);
          break;
        case SEANCES_VAULT_KEY_REFUSED:
          /* Not a missing key: sending someone to their recovery key would not help a damaged file. */
          *status = fail (_("The key in the keyring does not open the data file: the file is damaged, "
                            "or it is not the one this key belongs to. It was left untouched."), 1);
          break;
        case SEANCES_VAULT_KEY_MISSING:
        default:
          *status = fail (_("The key is not in the keyring: open Séances and type your recovery key."), 2);
          break;
        }
      return NULL;
    case SEANCES_VAULT_OPEN:
    default:
      return database;
    }
}

int
seances_cli_check (void)
{
  g_autoptr(SeancesDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  database = open_database (FALSE, &status);
  if (database == NULL)
    return status;

  if (!seances_database_check (database, &error))
    return fail (error->message, 1);

  g_print ("%s\n", _("The database is sound."));
  return 0;
}

/* SEANCES_NOW (« 2026-11-24T14:00 », local time in Paris) fixes "now" for reproducible
 * screenshots and benchmarks. */
static gboolean
read_now (SeancesDemoOptions  *options,
          GError             **error)
{
  const char *text = g_getenv ("SEANCES_NOW");
  g_autoptr(GTimeZone) paris = NULL;

  if (text == NULL || *text == '\0')
    return TRUE;
  paris = g_time_zone_new_identifier ("Europe/Paris");
  return seances_demo_parse_now (text, paris, &options->now, error);
}

int
seances_cli_generate_demo (const SeancesDemoOptions *options)
{
  g_autoptr(SeancesDatabase) database = NULL;
  g_autoptr(SeancesPractice) practice = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *people = NULL;
  g_autofree char *history = NULL;
  SeancesDemoOptions chosen = *options;
  int status = 0;

  /* Checked first, so that a mistake never leaves an empty database behind. */
  if (!seances_demo_options_validate (&chosen, &error) || !read_now (&chosen, &error))
    return fail (error->message, 1);

  database = open_database (TRUE, &status);
  if (database == NULL)
    return status;

  if (!seances_demo_generate (database, &chosen, &error))
    return fail (error->message, 1);
  /* A demo holds nothing to recover: its first start goes straight to the agenda. */
  if (!seances_database_set_state (database, SEANCES_STATE_RECOVERY_KEY_CONFIRMED, "1", &error))
    return fail (error->message, 1);

  practice = seances_practice_load (database, NULL);
  if (practice != NULL && g_str_equal (practice->vocabulary, "client"))
    people = g_strdup_printf (ngettext ("%d client", "%d clients", chosen.n_clients), chosen.n_clients);
  else
    people = g_strdup_printf (ngettext ("%d patient", "%d patients", chosen.n_clients), chosen.n_clients);
  history = g_strdup_printf (ngettext ("%d year of history", "%d years of history", chosen.years),
                             chosen.years);
  /* Translators: as in « Cabinet de démonstration créé : 60 patients, 3 ans d’historique. » */
  g_print (_("Demo practice created: %s, %s."), people, history);
  g_print ("\n");
  return 0;
}

int
seances_cli_export_json (const char *path)
{
  g_autoptr(SeancesDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  int status = 0;

  database = open_database (FALSE, &status);
  if (database == NULL)
    return status;

  if (!seances_export_json (database, path, &error))
    return fail (error->message, 1);

  shown = g_filename_display_name (path);
  /* Translators: %s is the file name */
  g_print (_("Export written to %s."), shown);
  g_print ("\n");
  return 0;
}
