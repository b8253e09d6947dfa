/* seances-restore-flow.c — putting a backup in place of the practice's data, asked step by step
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pick a file; find a key that opens it (the open database's, the keyring's, or else the
 * recovery key the person types); say what will be replaced and how old the backup is;
 * then, once the window has let go of the database (« release »), restore in a thread
 * and report (« finished »). The replaced data are kept aside, never deleted. Every slow
 * step (the keyring, reading and checking the backup) runs off the main thread. */
#include "config.h"

#include "seances-restore-flow.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "seances-backup.h"
#include "seances-keyring.h"
#include "seances-recovery-key.h"
#include "seances-time.h"

struct _SeancesRestoreFlow
{
  GObject            parent_instance;

  GtkWindow         *parent;       /* weak */
  char              *database_path;
  SeancesKey        *current_key;
  char              *backup_path;
  SeancesKey        *key;          /* the one that opens the backup */
  SeancesBackupInfo  info;
  gboolean           typed_key;    /* the recovery key was typed: put it in the keyring */
  GtkNativeDialog   *chooser;
};

G_DEFINE_FINAL_TYPE (SeancesRestoreFlow, seances_restore_flow, G_TYPE_OBJECT)

enum {
  RELEASE,
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  char       *backup_path;
  GPtrArray  *keys;       /* to try, in order; NULL: look in the keyring too */
  char       *database_path;
  SeancesKey *key;        /* out: the key that opened it */
  SeancesBackupInfo info;
  char       *replaced;   /* restore: where the old data went */
  gboolean    store_key;
} Job;

static void
job_free (Job *job)
{
  g_free (job->backup_path);
  g_free (job->database_path);
  g_free (job->replaced);
  g_clear_pointer (&job->keys, g_ptr_array_unref);
  g_clear_pointer (&job->key, seances_key_free);
  g_free (job);
}

static void ask_recovery_key (SeancesRestoreFlow *self, const char *problem);

static void
finish (SeancesRestoreFlow *self,
        gboolean            restored,
        const char         *message)
{
  g_signal_emit (self, signals[FINISHED], 0, restored, message);
}

/* Given up before anything was touched: nothing to reopen, nothing to say. */
static void
abandon (SeancesRestoreFlow *self)
{
  finish (self, FALSE, NULL);
}

/* A dialog with one sentence and « Fermer », for what stops the restore before
 * anything was touched. */
static void
tell (SeancesRestoreFlow *self,
      const char         *message)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (self->parent,
                                                                         _("The Backup Cannot Be Restored"),
                                                                         message));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  abandon (self);
}

static char *
current_data_description (SeancesRestoreFlow *self,
                          gint64              now,
                          GTimeZone          *tz)
{
  gint64 changed = 0;

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *path = g_strconcat (self->database_path, i == 0 ? "" : "-wal", NULL);
      GStatBuf st;

      if (g_stat (path, &st) == 0)
        changed = MAX (changed, (gint64) st.st_mtime);
    }
  if (changed == 0)
    return g_strdup (_("There is no current data to replace."));

  g_autofree char *when = seances_time_format_long (tz, changed);
  g_autofree char *age = seances_backup_format_age (changed, now, tz);
  /* Translators: « Les données actuelles, modifiées pour la dernière fois le lundi 30 novembre à 19 h 02 (hier), seront gardées à part, pas effacées. » */
  return g_strdup_printf (_("The current data, last changed on %s (%s), will be kept aside, not deleted."),
                          when, age);
}

/* Restoring ------------------------------------------------------------------- */

static void
restore_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;

  if (!seances_backup_restore (job->backup_path, job->key, job->database_path, &job->replaced, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  /* The next opening finds the key in the keyring; without one it asks again. */
  if (job->store_key && !seances_keyring_store (job->database_path, job->key, cancellable, NULL))
    g_debug ("The restored data's key could not be put in the keyring");
  g_task_return_boolean (task, TRUE);
}

static void
restored_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  SeancesRestoreFlow *self = SEANCES_RESTORE_FLOW (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      finish (self, FALSE, error->message);
      return;
    }
  if (job->replaced != NULL)
    {
      g_autofree char *name = g_path_get_basename (job->replaced);
      /* Translators: %s is a file name in the data folder */
      message = g_strdup_printf (_("Backup restored. The data it replaced are kept in « %s »."), name);
    }
  else
    message = g_strdup (_("Backup restored."));
  finish (self, TRUE, message);
}

/* Called by the window once it holds no connection to the database any more. */
void
seances_restore_flow_release_done (SeancesRestoreFlow *self)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (SEANCES_IS_RESTORE_FLOW (self));
  g_return_if_fail (self->key != NULL);

  job = g_new0 (Job, 1);
  job->backup_path = g_strdup (self->backup_path);
  job->database_path = g_strdup (self->database_path);
  job->key = seances_key_copy (self->key);
  job->store_key = self->typed_key;

  task = g_task_new (self, NULL, restored_cb, NULL);
  g_task_set_source_tag (task, seances_restore_flow_release_done);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, restore_thread);
}

static void
confirmed_cb (AdwMessageDialog   *dialog,
              const char         *response,
              SeancesRestoreFlow *self)
{
  if (g_str_equal (response, "restore"))
    g_signal_emit (self, signals[RELEASE], 0);
  else
    abandon (self);
}

static void
confirm (SeancesRestoreFlow *self)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *backup = seances_backup_describe (&self->info, now, tz);
  g_autofree char *current = current_data_description (self, now, tz);
  g_autofree char *people = NULL;
  g_autofree char *sessions = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  people = g_strdup_printf (ngettext ("%d person", "%d people", (int) self->info.n_clients),
                            (int) self->info.n_clients);
  sessions = g_strdup_printf (ngettext ("%d session", "%d sessions", (int) self->info.n_appointments),
                              (int) self->info.n_appointments);
  /* Translators: « Sauvegarde du lundi 30 novembre à 19 h 02 (il y a 2 jours) : 40 personnes,
   * 812 séances. », then a new paragraph that says what happens to the current data */
  body = g_strdup_printf (_("%s: %s, %s.\n\n%s"), backup, people, sessions, current);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (self->parent, _("Restore This Backup?"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "restore", _("_Restore"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirmed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Finding a key that opens the backup ----------------------------------------- */

static void
probe_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;

  if (job->keys->len == 0)
    {
      /* Only the typed key is missing: ask for it. */
      g_task_return_new_error (task, SEANCES_BACKUP_ERROR, SEANCES_BACKUP_ERROR_UNREADABLE, "%s", "");
      return;
    }

  for (guint i = 0; i < job->keys->len; i++)
    {
      const SeancesKey *key = g_ptr_array_index (job->keys, i);

      g_clear_error (&error);
      if (seances_backup_verify (job->backup_path, key, &job->info, &error))
        {
          job->key = seances_key_copy (key);
          g_task_return_boolean (task, TRUE);
          return;
        }
      if (!g_error_matches (error, SEANCES_BACKUP_ERROR, SEANCES_BACKUP_ERROR_UNREADABLE))
        break;
    }
  g_task_return_error (task, g_steal_pointer (&error));
}

static void
probed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  SeancesRestoreFlow *self = SEANCES_RESTORE_FLOW (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  gboolean typed = GPOINTER_TO_INT (user_data);
  g_autoptr(GError) error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_clear_pointer (&self->key, seances_key_free);
      self->key = g_steal_pointer (&job->key);
      self->info = job->info;
      self->typed_key = typed;
      confirm (self);
      return;
    }

  if (g_error_matches (error, SEANCES_BACKUP_ERROR, SEANCES_BACKUP_ERROR_UNREADABLE))
    ask_recovery_key (self, typed ? _("This recovery key does not open this backup: check it, or "
                                      "choose another backup.")
                                  : NULL);
  else
    tell (self, error->message);
}

static void
probe (SeancesRestoreFlow *self,
       GPtrArray          *keys,
       gboolean            typed)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, probed_cb, GINT_TO_POINTER (typed));
  Job *job = g_new0 (Job, 1);

  job->backup_path = g_strdup (self->backup_path);
  job->keys = g_ptr_array_ref (keys);
  g_task_set_source_tag (task, probe);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, probe_thread);
}

static void
looked_up_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SeancesRestoreFlow) self = user_data;
  g_autoptr(GPtrArray) found = seances_keyring_lookup_finish (result, NULL);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func ((GDestroyNotify) seances_key_free);

  if (self->current_key != NULL && !seances_key_is_passphrase (self->current_key))
    g_ptr_array_add (keys, seances_key_copy (self->current_key));
  for (guint i = 0; found != NULL && i < found->len; i++)
    g_ptr_array_add (keys, seances_key_copy (g_ptr_array_index (found, i)));
  probe (self, keys, FALSE);
}

static void
recovery_key_response_cb (AdwMessageDialog   *dialog,
                          const char         *response,
                          SeancesRestoreFlow *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GError) error = NULL;
  SeancesKey *key;

  if (!g_str_equal (response, "continue"))
    {
      gtk_editable_set_text (entry, "");
      abandon (self);
      return;
    }

  key = seances_recovery_key_decode (gtk_editable_get_text (entry), &error);
  gtk_editable_set_text (entry, "");
  if (key == NULL)
    {
      ask_recovery_key (self, error->message);
      return;
    }
  keys = g_ptr_array_new_with_free_func ((GDestroyNotify) seances_key_free);
  g_ptr_array_add (keys, key);
  probe (self, keys, TRUE);
}

static void
ask_recovery_key (SeancesRestoreFlow *self,
                  const char         *problem)
{
  GtkWidget *entry = gtk_entry_new ();
  AdwMessageDialog *dialog;
  const char *body = problem != NULL ? problem
                                     : _("This backup was made with another key than the one of this "
                                         "computer. Type the recovery key of the practice it comes from.");

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (self->parent, _("Recovery Key"), body));
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "XXXX XXXX XXXX …");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Recovery key"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "continue", _("C_ontinue"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "continue", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "continue");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (recovery_key_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Choosing the file ----------------------------------------------------------- */

static void
chosen_cb (GtkNativeDialog    *chooser,
           int                 response,
           SeancesRestoreFlow *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  g_free (self->backup_path);
  self->backup_path = file != NULL ? g_file_get_path (file) : NULL;
  if (self->backup_path == NULL)
    {
      abandon (self);
      return;
    }

  seances_keyring_lookup_async (self->database_path, NULL, looked_up_cb, g_object_ref (self));
}

void
seances_restore_flow_start (SeancesRestoreFlow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) backups = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  g_return_if_fail (SEANCES_IS_RESTORE_FLOW (self));

  chooser = gtk_file_chooser_native_new (_("Restore a Backup"), self->parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (backups, _("Séances backups"));
  gtk_file_filter_add_suffix (backups, "seancesbackup");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), backups);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  self->chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chosen_cb), self, 0);
  gtk_native_dialog_show (self->chooser);
}

/* Object ---------------------------------------------------------------------- */

static void
seances_restore_flow_dispose (GObject *object)
{
  SeancesRestoreFlow *self = (SeancesRestoreFlow *)object;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  g_clear_weak_pointer (&self->parent);
  G_OBJECT_CLASS (seances_restore_flow_parent_class)->dispose (object);
}

static void
seances_restore_flow_finalize (GObject *object)
{
  SeancesRestoreFlow *self = (SeancesRestoreFlow *)object;

  g_free (self->database_path);
  g_free (self->backup_path);
  g_clear_pointer (&self->current_key, seances_key_free);
  g_clear_pointer (&self->key, seances_key_free);
  G_OBJECT_CLASS (seances_restore_flow_parent_class)->finalize (object);
}

static void
seances_restore_flow_class_init (SeancesRestoreFlowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = seances_restore_flow_dispose;
  object_class->finalize = seances_restore_flow_finalize;

  /* The person confirmed: let go of every connection to the database, then call
   * seances_restore_flow_release_done(). */
  signals[RELEASE] = g_signal_new ("release", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Over: with a French sentence once the data were let go (restored or not, they are
   * there to open again); with NULL when the person gave up before that. */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_BOOLEAN, G_TYPE_STRING);
}

static void
seances_restore_flow_init (SeancesRestoreFlow *self)
{
}

SeancesRestoreFlow *
seances_restore_flow_new (GtkWindow        *parent,
                          const char       *database_path,
                          const SeancesKey *current_key)
{
  SeancesRestoreFlow *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (database_path != NULL, NULL);

  self = g_object_new (SEANCES_TYPE_RESTORE_FLOW, NULL);
  g_set_weak_pointer (&self->parent, parent);
  self->database_path = g_strdup (database_path);
  self->current_key = current_key != NULL ? seances_key_copy (current_key) : NULL;
  return self;
}
