/* seances-data-page.c — preferences « Données »: the recovery key and the backups
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "seances-data-page.h"

#include <glib/gi18n.h>

#include "seances-auto-backup.h"
#include "seances-recovery-key.h"
#include "setup/seances-recovery-key-page.h"

struct _SeancesDataPage
{
  AdwPreferencesPage  parent_instance;

  AdwActionRow       *folder_row;
  AdwActionRow       *last_row;
  GtkSpinner         *spinner;
  AdwActionRow       *recovery_key_row;

  SeancesContext         *context;
  SeancesBackupScheduler *scheduler;
  GtkFileChooserNative   *chooser;
  gboolean                backing_up;  /* a backup asked for here: its result is toasted */
};

G_DEFINE_FINAL_TYPE (SeancesDataPage, seances_data_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_SCHEDULER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const SeancesKey *
database_key (SeancesDataPage *self)
{
  return seances_database_get_key (seances_context_get_database (self->context));
}

static void
update_recovery_key_row (SeancesDataPage *self)
{
  gboolean has_key = !seances_key_is_passphrase (database_key (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "data.show-recovery-key", has_key);
  adw_action_row_set_subtitle (self->recovery_key_row,
                               has_key ? ""
                                       : _("Your data is protected by a passphrase: there is no recovery key."));
}

static void
toast (SeancesDataPage *self,
       const char      *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (message));
}

static char *
describe_last_backup (SeancesDataPage *self)
{
  const GError *error = seances_backup_scheduler_get_error (self->scheduler);
  SeancesBackupInfo info = { 0 };

  if (seances_backup_scheduler_get_running (self->scheduler))
    return g_strdup (_("Backing up…"));
  if (error != NULL)
    return g_strdup (error->message);
  info.taken_at = seances_backup_scheduler_get_last_at (self->scheduler);
  if (info.taken_at <= 0)
    return g_strdup (_("Never"));
  return seances_backup_describe (&info, seances_context_get_now (self->context),
                                  seances_context_get_time_zone (self->context));
}

static void
update_backup_rows (SeancesDataPage *self)
{
  const char *folder;
  gboolean running;
  g_autofree char *last = NULL;
  g_autofree char *display = NULL;

  folder = seances_backup_scheduler_get_folder (self->scheduler);
  running = seances_backup_scheduler_get_running (self->scheduler);
  display = folder != NULL ? g_filename_display_name (folder) : NULL;
  adw_action_row_set_subtitle (self->folder_row, display != NULL ? display : _("No folder chosen"));

  last = describe_last_backup (self);
  adw_action_row_set_subtitle (self->last_row, last);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), running);
  gtk_spinner_set_spinning (self->spinner, running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "data.choose-folder", !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "data.back-up-now", folder != NULL && !running);
}

static void
key_window_confirmed_cb (SeancesRecoveryKeyPage *page,
                         GtkWindow              *window)
{
  seances_recovery_key_page_clear (page);
  gtk_window_destroy (window);
}

/* The same page as at the first run, in a window of its own: written down again, it
 * closes; closed any other way, the key is wiped from the page all the same. */
static void
present_key (SeancesDataPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWindow *window = GTK_WINDOW (adw_window_new ());
  SeancesRecoveryKeyPage *page = g_object_new (SEANCES_TYPE_RECOVERY_KEY_PAGE, NULL);
  char *recovery_key = seances_recovery_key_encode (database_key (self));

  seances_recovery_key_page_set_key (page, recovery_key);
  seances_secure_free (recovery_key);
  g_signal_connect_object (page, "confirmed", G_CALLBACK (key_window_confirmed_cb), window, 0);

  gtk_window_set_title (window, _("Recovery Key"));
  gtk_window_set_modal (window, TRUE);
  gtk_window_set_default_size (window, 640, 640);
  gtk_window_set_transient_for (window, GTK_WINDOW (root));
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (window);
}

static void
show_confirmed_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   SeancesDataPage  *self)
{
  if (g_str_equal (response, "show"))
    present_key (self);
}

static void
show_recovery_key_action_cb (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  SeancesDataPage *self = SEANCES_DATA_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (root), _("Show the Recovery Key?"),
                                                       _("Anyone who sees this key and can use this computer "
                                                         "can read your data. Make sure nobody is looking at "
                                                         "your screen.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "show", _("_Show"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "show", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (show_confirmed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
scheduler_changed_cb (SeancesDataPage *self)
{
  const GError *error;

  update_backup_rows (self);
  if (!self->backing_up || seances_backup_scheduler_get_running (self->scheduler))
    return;

  self->backing_up = FALSE;
  error = seances_backup_scheduler_get_error (self->scheduler);
  toast (self, error != NULL ? error->message : _("Your data is backed up."));
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     SeancesDataPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;

  folder = g_file_get_path (file);
  if (folder == NULL)
    {
      toast (self, _("This folder is not on a disk of this computer: choose another one."));
      return;
    }
  if (!seances_backup_scheduler_set_folder (self->scheduler, folder, &error))
    toast (self, error->message);
}

static void
choose_folder_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SeancesDataPage *self = SEANCES_DATA_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  const char *folder = seances_backup_scheduler_get_folder (self->scheduler);

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Choose the Backup Folder"), GTK_WINDOW (root),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                               _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  if (folder != NULL && g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) current = g_file_new_for_path (folder);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), current, NULL);
    }
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
back_up_now_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SeancesDataPage *self = SEANCES_DATA_PAGE (widget);

  self->backing_up = TRUE;
  seances_backup_scheduler_run_now (self->scheduler);
  if (!seances_backup_scheduler_get_running (self->scheduler))
    self->backing_up = FALSE;
}

/* The main window restores: it must let go of the data first, this window included. */
static void
restore_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GtkWindow *preferences = GTK_WINDOW (gtk_widget_get_root (widget));
  GtkWindow *main_window = gtk_window_get_transient_for (preferences);

  if (main_window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (main_window), "win.restore-backup", NULL);
}

static void
seances_data_page_constructed (GObject *object)
{
  SeancesDataPage *self = (SeancesDataPage *)object;

  G_OBJECT_CLASS (seances_data_page_parent_class)->constructed (object);

  g_signal_connect_object (self->scheduler, "changed", G_CALLBACK (scheduler_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_recovery_key_row (self);
  update_backup_rows (self);
}

static void
seances_data_page_dispose (GObject *object)
{
  SeancesDataPage *self = (SeancesDataPage *)object;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->scheduler);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (seances_data_page_parent_class)->dispose (object);
}

static void
seances_data_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SeancesDataPage *self = SEANCES_DATA_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_SCHEDULER:
      g_value_set_object (value, self->scheduler);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
seances_data_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SeancesDataPage *self = SEANCES_DATA_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_SCHEDULER:
      self->scheduler = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
seances_data_page_class_init (SeancesDataPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = seances_data_page_constructed;
  object_class->dispose = seances_data_page_dispose;
  object_class->get_property = seances_data_page_get_property;
  object_class->set_property = seances_data_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SEANCES_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCHEDULER] =
    g_param_spec_object ("scheduler", NULL, NULL, SEANCES_TYPE_BACKUP_SCHEDULER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/seances/Seances/preferences/seances-data-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SeancesDataPage, folder_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesDataPage, last_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesDataPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, SeancesDataPage, recovery_key_row);
  gtk_widget_class_install_action (widget_class, "data.choose-folder", NULL, choose_folder_action_cb);
  gtk_widget_class_install_action (widget_class, "data.back-up-now", NULL, back_up_now_action_cb);
  gtk_widget_class_install_action (widget_class, "data.show-recovery-key", NULL, show_recovery_key_action_cb);
  gtk_widget_class_install_action (widget_class, "data.restore", NULL, restore_action_cb);
}

static void
seances_data_page_init (SeancesDataPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SeancesDataPage *
seances_data_page_new (SeancesContext         *context,
                       SeancesBackupScheduler *scheduler)
{
  g_return_val_if_fail (SEANCES_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (SEANCES_IS_BACKUP_SCHEDULER (scheduler), NULL);
  return g_object_new (SEANCES_TYPE_DATA_PAGE, "context", context, "scheduler", scheduler, NULL);
}
