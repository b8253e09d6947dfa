/* seances-cli.c — command-line actions that never open a window
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each prints one French line and returns the process exit status; a restore first
 * says what it would replace and asks. Only the core is used here: no display is
 * needed. */
#include "config.h"

#include "seances-cli.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "seances-backup.h"
#include "seances-clock.h"
#include "seances-context.h"
#include "seances-export.h"
#include "seances-file.h"
#include "seances-keyring.h"
#include "seances-practice.h"
#include "seances-recovery-key.h"
#include "seances-time.h"
#include "seances-vault.h"

/* The vault answers through the main context: calls are made after waiting_begin(),
 * and waiting_end() runs the process's default main context until the answer comes.
 * The default one, not a private one: libsecret and GDBus leave watches and idles on
 * the context of a call, and a private context dropped with them still attached would
 * lose them (the sanitizer build sees that as leaks). */
typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
} Waiting;

static void
waiting_begin (Waiting *waiting)
{
  waiting->loop = g_main_loop_new (NULL, FALSE);
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
  g_main_loop_unref (waiting->loop);
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
  return seances_clock_parse_local (text, paris, &options->now, error);
}

/* « 60 patients », or « 60 clients » as the practice says. */
static char *
format_people (SeancesPractice *practice,
               int              n)
{
  if (practice != NULL && seances_practice_get_vocabulary (practice) == SEANCES_VOCABULARY_CLIENT)
    return g_strdup_printf (ngettext ("%d client", "%d clients", n), n);
  return g_strdup_printf (ngettext ("%d patient", "%d patients", n), n);
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
  people = format_people (practice, chosen.n_clients);
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

static char *
format_sessions (gint64 n)
{
  return g_strdup_printf (ngettext ("%d session", "%d sessions", (int) n), (int) n);
}

int
seances_cli_backup (const char *path)
{
  g_autofree char *database_path = seances_database_default_path ();
  g_autoptr(SeancesDatabase) database = NULL;
  g_autoptr(SeancesPractice) practice = NULL;
  g_autoptr(SeancesKey) key = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *people = NULL;
  g_autofree char *sessions = NULL;
  SeancesBackupInfo info;
  int status = 0;

  /* A name that cannot be written is said before anything is opened. */
  if (!seances_file_check_target (path, &error))
    return fail (error->message, 1);

  /* Opened as --check opens it, for its key and its errors; the backup then reads it
   * through a connection of its own. */
  database = open_database (FALSE, &status);
  if (database == NULL)
    return status;
  practice = seances_practice_load (database, NULL);
  key = seances_key_copy (seances_database_get_key (database));
  g_clear_object (&database);

  if (!seances_backup_create (database_path, key, path, &info, &error))
    return fail (error->message, 1);

  shown = g_filename_display_name (path);
  people = format_people (practice, (int) info.n_clients);
  sessions = format_sessions (info.n_appointments);
  /* Translators: as in « Sauvegarde écrite dans /media/clé/cabinet.seancesbackup :
   * 60 patients, 2345 séances. » */
  g_print (_("Backup written to %s: %s, %s."), shown, people, sessions);
  g_print ("\n");
  return 0;
}

/* One line of the standard input, without its end; NULL at its end. With @secret and
 * a terminal, what is typed is not shown. Free with seances_secure_free(). */
static char *
read_line (const char *prompt,
           gboolean    secret)
{
  char buffer[1024];
  struct termios saved, quiet;
  gboolean terminal = isatty (STDIN_FILENO);
  gboolean hidden = FALSE;
  char *line = NULL;

  if (terminal && prompt != NULL)
    g_printerr ("%s", prompt);
  if (terminal && secret && tcgetattr (STDIN_FILENO, &saved) == 0)
    {
      quiet = saved;
      quiet.c_lflag &= ~ECHO;
      hidden = tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }

  if (fgets (buffer, sizeof buffer, stdin) != NULL)
    line = g_strdup (g_strstrip (buffer));
  memset (buffer, 0, sizeof buffer);

  if (hidden)
    {
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
      g_printerr ("\n");
    }
  return line;
}

/* The key of a backup the keyring's key does not open: the recovery key, or the
 * passphrase of a practice that chose one, typed on the standard input. */
static SeancesKey *
read_key (gboolean  *from_recovery_key,
          GError   **error)
{
  char *secret = read_line (_("Recovery key (or passphrase): "), TRUE);
  SeancesKey *key;

  if (secret == NULL || *secret == '\0')
    {
      seances_secure_free (secret);
      g_set_error_literal (error, SEANCES_BACKUP_ERROR, SEANCES_BACKUP_ERROR_UNREADABLE,
                           _("The keyring has no key for this backup: type its recovery key "
                             "on the standard input."));
      return NULL;
    }

  *from_recovery_key = seances_recovery_key_looks_like (secret);
  key = *from_recovery_key ? seances_recovery_key_decode (secret, error)
                           : seances_key_new_passphrase (secret);
  seances_secure_free (secret);
  return key;
}

/* The first of the keyring's keys for the data that opens the backup, if any. Fails
 * only when the backup is refused for another reason than its key. */
static SeancesKey *
find_keyring_key (const char         *database_path,
                  const char         *backup_path,
                  SeancesBackupInfo  *info,
                  GError            **error)
{
  g_autoptr(GPtrArray) keys = seances_keyring_lookup (database_path, NULL, NULL);

  for (guint i = 0; keys != NULL && i < keys->len; i++)
    {
      g_autoptr(GError) local_error = NULL;

      if (seances_backup_verify (backup_path, keys->pdata[i], info, &local_error))
        return seances_key_copy (keys->pdata[i]);
      if (!g_error_matches (local_error, SEANCES_BACKUP_ERROR, SEANCES_BACKUP_ERROR_UNREADABLE))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  return NULL;
}

/* Says what the current data is, which the restore will put aside. */
static void
print_current (const char *database_path,
               GTimeZone  *tz)
{
  g_autofree char *wal = g_strconcat (database_path, "-wal", NULL);
  g_autofree char *when = NULL;
  GStatBuf st;
  gint64 changed;

  if (g_stat (database_path, &st) != 0)
    {
      g_print ("%s\n", _("There is no current data."));
      return;
    }
  changed = st.st_mtime;
  if (g_stat (wal, &st) == 0)
    changed = MAX (changed, (gint64) st.st_mtime);
  when = seances_time_format_long (tz, changed);
  /* Translators: %s is a day and a time, as in « lundi 30 novembre à 19 h 02 » */
  g_print (_("The current data, last changed on %s, will be kept aside."), when);
  g_print ("\n");
}

static gboolean
confirmed (void)
{
  g_autofree char *answer = NULL;
  g_autofree char *folded = NULL;

  /* Translators: the answer is typed back: keep the words of your "yes" and "y" below */
  g_print ("%s", _("Restore this backup in place of the current data? Type “yes” to confirm: "));
  fflush (stdout);
  answer = read_line (NULL, FALSE);
  if (!isatty (STDIN_FILENO))
    g_print ("\n");
  if (answer == NULL)
    return FALSE;
  folded = g_utf8_casefold (answer, -1);
  /* Translators: the full answer that confirms a restore */
  return g_str_equal (folded, _("yes")) ||
         /* Translators: the short answer that confirms a restore */
         g_str_equal (folded, _("y"));
}

int
seances_cli_restore (const char *path)
{
  g_autofree char *database_path = seances_database_default_path ();
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(SeancesKey) key = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *people = NULL;
  g_autofree char *sessions = NULL;
  g_autofree char *replaced = NULL;
  gboolean from_recovery_key = FALSE;
  SeancesBackupInfo info;

  /* Asking for a key to open a file that is not there would help no one. */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return fail (_("The backup file was not found: check its name, and that its disk is connected."), 1);

  /* A key of the keyring, when one opens the backup; or else the recovery key. */
  key = find_keyring_key (database_path, path, &info, &error);
  if (error != NULL)
    return fail (error->message, 1);
  if (key == NULL)
    {
      key = read_key (&from_recovery_key, &error);
      if (key == NULL)
        return fail (error->message, 1);
      if (!seances_backup_verify (path, key, &info, &error))
        {
          if (g_error_matches (error, SEANCES_BACKUP_ERROR, SEANCES_BACKUP_ERROR_UNREADABLE))
            return fail (_("This key does not open this backup: check it, or choose another backup."), 1);
          return fail (error->message, 1);
        }
    }

  print_current (database_path, tz);
  description = seances_backup_describe (&info, g_get_real_time () / G_USEC_PER_SEC, tz);
  people = g_strdup_printf (ngettext ("%d person", "%d people", (int) info.n_clients), (int) info.n_clients);
  sessions = format_sessions (info.n_appointments);
  /* Translators: « Sauvegarde du lundi 30 novembre à 19 h 02 (il y a 2 jours) :
   * 60 personnes, 2345 séances. » */
  g_print (_("%s: %s, %s."), description, people, sessions);
  g_print ("\n");

  if (!confirmed ())
    return fail (_("Nothing was restored."), 1);

  if (!seances_backup_restore (path, key, database_path, &replaced, &error))
    return fail (error->message, 1);

  /* Opened with its recovery key, the data is then found again from the keyring. */
  if (from_recovery_key && !seances_keyring_store (database_path, key, NULL, &error))
    g_debug ("The key could not be put in the keyring: %s", error->message);

  if (replaced != NULL)
    {
      g_autofree char *shown = g_filename_display_name (replaced);

      /* Translators: %s is the file the previous data was moved to */
      g_print (_("Backup restored; the previous data was kept in %s."), shown);
    }
  else
    g_print ("%s", _("Backup restored."));
  g_print ("\n");
  return 0;
}
