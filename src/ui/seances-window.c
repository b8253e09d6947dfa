/* seances-window.c — the main window: first run, unlocking, then the practice
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window paints at once on an empty page; the database is found and opened
 * asynchronously (keyring over D-Bus, key derivation in a thread), then the window
 * shows the welcome, unlock or main page. */
#include "config.h"

#include "seances-window.h"

#include <glib/gi18n.h>

#include "preferences/seances-preferences-window.h"
#include "restore/seances-restore-flow.h"
#include "seances-backup-scheduler.h"
#include "seances-keyring.h"
#include "seances-main-view.h"
#include "seances-notifier.h"
#include "seances-recovery-key.h"
#include "seances-vault.h"
#include "setup/seances-passphrase-page.h"
#include "setup/seances-recovery-key-page.h"
#include "setup/seances-unlock-page.h"
#include "setup/seances-welcome-page.h"

/* A spinner that flashes for a few milliseconds looks like a glitch. */
#define SPINNER_DELAY_MS 400

struct _SeancesWindow
{
  AdwApplicationWindow    parent_instance;

  AdwToastOverlay        *toasts;
  GtkStack               *stack;
  GtkSpinner             *spinner;
  AdwStatusPage          *problem_page;
  GtkWidget              *restore_button;

  /* Made when first needed: most starts show none of the setup pages. */
  SeancesWelcomePage     *welcome_page;
  SeancesPassphrasePage  *passphrase_page;
  SeancesRecoveryKeyPage *recovery_key_page;
  SeancesUnlockPage      *unlock_page;
  SeancesMainView        *main_view;

  GSettings              *settings;
  GCancellable           *cancellable;
  SeancesVault           *vault;
  SeancesContext         *context;
  SeancesBackupScheduler *backup_scheduler;
  SeancesNotifier        *notifier;
  SeancesRestoreFlow     *restore_flow;       /* while a backup is being restored */
  SeancesPractice        *pending_practice;  /* typed at first run, saved once the database exists */
  guint                   spinner_source;
  gboolean                recovery_key_pending;  /* shown, not yet confirmed as written down */
  gboolean                quitting;  /* closing for good, even when kept in the background */
};

enum
{
  MAIN_SHOWN,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];


G_DEFINE_FINAL_TYPE (SeancesWindow, seances_window, ADW_TYPE_APPLICATION_WINDOW)

static void show_practice (SeancesWindow *self);

static gboolean
main_shown (SeancesWindow *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "main") == 0;
}

static void
update_actions (SeancesWindow *self)
{
  static const char * const actions[] = {
    "win.new-session", "win.preferences", "win.show-backups", "win.show-review", "win.show-agenda",
    "win.show-clients", "win.show-fees", "win.find", "win.show-client", "agenda.previous", "agenda.next",
    "agenda.today",
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], main_shown (self));
}

static void ensure_page (SeancesWindow *self, const char *name);

static void
show_page (SeancesWindow *self,
           const char    *name)
{
  ensure_page (self, name);
  g_clear_handle_id (&self->spinner_source, g_source_remove);
  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, name);
  update_actions (self);
}

static void
show_problem (SeancesWindow *self,
              const GError  *error)
{
  /* A damaged file is what a backup is for. */
  gboolean damaged = g_error_matches (error, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_DAMAGED) ||
                     g_error_matches (error, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_WAL_DAMAGED);

  adw_status_page_set_description (self->problem_page, error->message);
  gtk_widget_set_visible (self->restore_button, damaged);
  show_page (self, "problem");
}

static void
show_main (SeancesWindow *self)
{
  if (self->main_view == NULL)
    {
      self->main_view = seances_main_view_new (self->context, self->backup_scheduler);
      gtk_stack_add_named (self->stack, GTK_WIDGET (self->main_view), "main");
    }
  show_page (self, "main");
  seances_backup_scheduler_start (self->backup_scheduler);
  seances_notifier_start (self->notifier);
  g_signal_emit (self, signals[MAIN_SHOWN], 0);
}

static void
release_notifier (SeancesWindow *self)
{
  if (self->notifier != NULL)
    seances_notifier_stop (self->notifier);
  g_clear_object (&self->notifier);
}

/* The practice and its clients read from @database; when they cannot be, the problem
 * page says why and the data are let go. */
static gboolean
adopt_database (SeancesWindow   *self,
                SeancesDatabase *database)
{
  g_autoptr(GError) error = NULL;

  if (self->backup_scheduler != NULL)
    seances_backup_scheduler_stop (self->backup_scheduler);
  g_clear_object (&self->backup_scheduler);
  release_notifier (self);
  g_clear_object (&self->context);

  self->context = seances_context_new (database, &error);
  if (self->context == NULL)
    {
      show_problem (self, error);
      return FALSE;
    }
  self->backup_scheduler = seances_backup_scheduler_new (self->context);
  self->notifier = seances_notifier_new (self->context, self->settings, GTK_WINDOW (self));
  return TRUE;
}

/* Setup pages ----------------------------------------------------------------- */

static void welcome_submitted_cb (SeancesWindow *self);
static void passphrase_submitted_cb (SeancesWindow *self);
static void recovery_key_confirmed_cb (SeancesWindow *self);
static void unlock_submitted_cb (SeancesWindow *self);

static GtkWidget *
add_page (SeancesWindow *self,
          GType          type,
          const char    *name,
          const char    *signal,
          GCallback      callback)
{
  GtkWidget *page = g_object_new (type, NULL);

  g_signal_connect_object (page, signal, callback, self, G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->stack, page, name);
  return page;
}

static SeancesWelcomePage *
welcome_page (SeancesWindow *self)
{
  if (self->welcome_page == NULL)
    self->welcome_page = SEANCES_WELCOME_PAGE (add_page (self, SEANCES_TYPE_WELCOME_PAGE, "welcome", "submitted",
                                                         G_CALLBACK (welcome_submitted_cb)));
  return self->welcome_page;
}

static SeancesPassphrasePage *
passphrase_page (SeancesWindow *self)
{
  if (self->passphrase_page == NULL)
    self->passphrase_page = SEANCES_PASSPHRASE_PAGE (add_page (self, SEANCES_TYPE_PASSPHRASE_PAGE, "passphrase",
                                                               "submitted", G_CALLBACK (passphrase_submitted_cb)));
  return self->passphrase_page;
}

static SeancesRecoveryKeyPage *
recovery_key_page (SeancesWindow *self)
{
  if (self->recovery_key_page == NULL)
    self->recovery_key_page = SEANCES_RECOVERY_KEY_PAGE (add_page (self, SEANCES_TYPE_RECOVERY_KEY_PAGE,
                                                                   "recovery-key", "confirmed",
                                                                   G_CALLBACK (recovery_key_confirmed_cb)));
  return self->recovery_key_page;
}

static SeancesUnlockPage *
unlock_page (SeancesWindow *self)
{
  if (self->unlock_page == NULL)
    self->unlock_page = SEANCES_UNLOCK_PAGE (add_page (self, SEANCES_TYPE_UNLOCK_PAGE, "unlock", "submitted",
                                                       G_CALLBACK (unlock_submitted_cb)));
  return self->unlock_page;
}

static void
ensure_page (SeancesWindow *self,
             const char    *name)
{
  if (g_str_equal (name, "welcome"))
    welcome_page (self);
  else if (g_str_equal (name, "passphrase"))
    passphrase_page (self);
  else if (g_str_equal (name, "recovery-key"))
    recovery_key_page (self);
  else if (g_str_equal (name, "unlock"))
    unlock_page (self);
}

/* After the database is open: the practice if it is still to be made, the recovery
 * key if it was never confirmed, else the practice itself. */
static void
show_practice (SeancesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->pending_practice != NULL)
    {
      if (!seances_context_save_practice (self->context, self->pending_practice, &error))
        {
          seances_welcome_page_set_busy (welcome_page (self), FALSE);
          seances_welcome_page_show_error (welcome_page (self), error->message);
          show_page (self, "welcome");
          return;
        }
      g_clear_object (&self->pending_practice);
    }

  if (!seances_context_has_practice (self->context))
    {
      seances_welcome_page_set_busy (welcome_page (self), FALSE);
      show_page (self, "welcome");
      return;
    }

  /* Until the recovery key is confirmed as written down, every start shows it first:
   * a first run cut short must not leave the practice without its only way back. */
  if (!self->recovery_key_pending && !seances_context_get_recovery_key_confirmed (self->context))
    {
      SeancesDatabase *database = seances_context_get_database (self->context);
      const SeancesKey *key = seances_database_get_key (database);

      if (seances_key_is_passphrase (key))
        seances_context_confirm_recovery_key (self->context, NULL);  /* a passphrase has none */
      else
        {
          char *recovery_key = seances_recovery_key_encode (key);

          seances_recovery_key_page_set_key (recovery_key_page (self), recovery_key);
          seances_secure_free (recovery_key);
          self->recovery_key_pending = TRUE;
        }
    }

  if (self->recovery_key_pending)
    {
      show_page (self, "recovery-key");
      return;
    }

  show_main (self);
}

/* Creating -------------------------------------------------------------------- */

static void
created_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(SeancesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SeancesDatabase) database = NULL;

  /* The recovery key is spelled from the database's key by show_practice(). */
  database = seances_vault_create_finish (SEANCES_VAULT (source), result, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Only the pages already made: the passphrase page exists only without a keyring. */
  if (self->welcome_page != NULL)
    seances_welcome_page_set_busy (self->welcome_page, FALSE);
  if (self->passphrase_page != NULL)
    seances_passphrase_page_set_busy (self->passphrase_page, FALSE);

  if (error != NULL && error->domain == SEANCES_KEYRING_ERROR)
    {
      show_page (self, "passphrase");
      return;
    }
  if (error != NULL)
    {
      const char *page = gtk_stack_get_visible_child_name (self->stack);

      if (g_strcmp0 (page, "passphrase") == 0)
        seances_passphrase_page_show_error (passphrase_page (self), error->message);
      else
        seances_welcome_page_show_error (welcome_page (self), error->message);
      return;
    }

  if (self->passphrase_page != NULL)
    seances_passphrase_page_clear (self->passphrase_page);
  if (adopt_database (self, database))
    show_practice (self);
}

static void
create_database (SeancesWindow *self,
                 const char    *passphrase)
{
  seances_vault_create_async (self->vault, passphrase, self->cancellable,
                              created_cb, g_object_ref (self));
}

static void
welcome_submitted_cb (SeancesWindow *self)
{
  g_autoptr(SeancesPractice) practice = seances_welcome_page_build_practice (welcome_page (self));
  g_autoptr(GError) error = NULL;

  if (!seances_practice_validate (practice, &error))
    {
      seances_welcome_page_show_error (welcome_page (self), error->message);
      return;
    }

  g_set_object (&self->pending_practice, practice);

  if (self->context != NULL)
    {
      show_practice (self);
      return;
    }

  seances_welcome_page_set_busy (welcome_page (self), TRUE);
  create_database (self, NULL);
}

static void
passphrase_submitted_cb (SeancesWindow *self)
{
  seances_passphrase_page_set_busy (passphrase_page (self), TRUE);
  create_database (self, seances_passphrase_page_get_passphrase (passphrase_page (self)));
}

static void
recovery_key_confirmed_cb (SeancesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!seances_context_confirm_recovery_key (self->context, &error))
    g_warning ("Cannot record the recovery key confirmation: %s", error->message);
  seances_recovery_key_page_clear (recovery_key_page (self));
  self->recovery_key_pending = FALSE;
  show_main (self);
}

/* Opening and unlocking -------------------------------------------------------- */

static void
unlocked_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SeancesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SeancesDatabase) database = NULL;

  database = seances_vault_unlock_finish (SEANCES_VAULT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  seances_unlock_page_set_busy (unlock_page (self), FALSE);
  if (database == NULL)
    {
      seances_unlock_page_show_error (unlock_page (self), error->message);
      return;
    }
  seances_unlock_page_clear_secret (unlock_page (self));

  if (adopt_database (self, database))
    show_practice (self);
}

static void
unlock_submitted_cb (SeancesWindow *self)
{
  seances_unlock_page_set_busy (unlock_page (self), TRUE);
  seances_vault_unlock_async (self->vault, seances_unlock_page_get_secret (unlock_page (self)),
                              self->cancellable, unlocked_cb, g_object_ref (self));
}

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SeancesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SeancesDatabase) database = NULL;
  SeancesVaultStatus status = SEANCES_VAULT_FIRST_RUN;

  database = seances_vault_open_finish (SEANCES_VAULT (source), result, &status, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    {
      show_problem (self, error);
      return;
    }

  switch (status)
    {
    case SEANCES_VAULT_FIRST_RUN:
      show_page (self, "welcome");
      break;
    case SEANCES_VAULT_NEEDS_SECRET:
      seances_unlock_page_set_reason (unlock_page (self), seances_vault_get_reason (self->vault));
      show_page (self, "unlock");
      break;
    case SEANCES_VAULT_OPEN:
    default:
      if (adopt_database (self, database))
        show_practice (self);
      break;
    }
}

static gboolean
spinner_delay_cb (gpointer data)
{
  SeancesWindow *self = data;

  self->spinner_source = 0;
  gtk_spinner_start (self->spinner);
  return G_SOURCE_REMOVE;
}

/* Restoring a backup ------------------------------------------------------------ */

/* Lets go of the database: the preferences and any other window of ours, the backup
 * schedule, the main view and the context, so that the restore finds the data closed. */
static void
restore_release_cb (SeancesRestoreFlow *flow,
                    SeancesWindow      *self)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (gtk_window_get_transient_for (l->data) == GTK_WINDOW (self))
      gtk_window_destroy (l->data);

  show_page (self, "loading");
  if (self->backup_scheduler != NULL)
    seances_backup_scheduler_stop (self->backup_scheduler);
  g_clear_object (&self->backup_scheduler);
  release_notifier (self);
  if (self->main_view != NULL)
    {
      gtk_stack_remove (self->stack, GTK_WIDGET (self->main_view));
      self->main_view = NULL;
    }
  g_clear_object (&self->context);
  update_actions (self);

  seances_restore_flow_release_done (flow);
}

/* Restored or not, the data are opened again as at a start: with the keyring's key, or
 * the unlock page. */
static void
restore_finished_cb (SeancesRestoreFlow *flow,
                     gboolean            restored,
                     const char         *message,
                     SeancesWindow      *self)
{
  if (message != NULL)
    {
      g_autofree char *markup = g_markup_escape_text (message, -1);
      AdwToast *toast = adw_toast_new (markup);

      adw_toast_set_timeout (toast, restored ? 8 : 0);
      adw_toast_overlay_add_toast (self->toasts, toast);
    }
  g_clear_object (&self->restore_flow);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore-backup", TRUE);
  /* A message means the data were let go: open them again. */
  if (message != NULL && self->context == NULL)
    seances_vault_open_async (self->vault, self->cancellable, opened_cb, g_object_ref (self));
}

static void
restore_backup_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  SeancesWindow *self = SEANCES_WINDOW (widget);
  const SeancesKey *key = NULL;

  if (self->restore_flow != NULL)
    return;
  if (self->context != NULL)
    key = seances_database_get_key (seances_context_get_database (self->context));

  self->restore_flow = seances_restore_flow_new (GTK_WINDOW (self), seances_vault_get_path (self->vault), key);
  g_signal_connect_object (self->restore_flow, "release", G_CALLBACK (restore_release_cb), self, 0);
  g_signal_connect_object (self->restore_flow, "finished", G_CALLBACK (restore_finished_cb), self, 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore-backup", FALSE);
  seances_restore_flow_start (self->restore_flow);
}

/* Main page ------------------------------------------------------------------- */

static void
new_session_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SeancesWindow *self = SEANCES_WINDOW (widget);

  seances_main_view_show (self->main_view, "agenda");
  seances_agenda_view_new_session (seances_main_view_get_agenda (self->main_view), NULL);
}

static void
preferences_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SeancesWindow *self = SEANCES_WINDOW (widget);
  SeancesPreferencesWindow *preferences = seances_preferences_window_new (self->context, self->backup_scheduler);

  if (g_str_equal (action_name, "win.show-backups"))
    seances_preferences_window_show_data (preferences);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
show_page_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SeancesWindow *self = SEANCES_WINDOW (widget);

  if (g_str_equal (action_name, "win.show-review"))
    seances_main_view_show (self->main_view, "review");
  else if (g_str_equal (action_name, "win.show-agenda"))
    seances_main_view_show (self->main_view, "agenda");
  else if (g_str_equal (action_name, "win.show-fees"))
    seances_main_view_show (self->main_view, "fees");
  else
    {
      seances_main_view_show (self->main_view, "clients");
      seances_clients_view_focus_search (seances_main_view_get_clients (self->main_view));
    }
}

/* A client's page, by the client's id (a notification's click). */
static void
show_client_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SeancesWindow *self = SEANCES_WINDOW (widget);
  SeancesClient *client = seances_client_store_lookup (seances_context_get_clients (self->context),
                                                       g_variant_get_int64 (parameter));

  seances_main_view_show (self->main_view, "clients");
  if (client != NULL)
    seances_clients_view_open_client (seances_main_view_get_clients (self->main_view), client);
}

static void
find_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SeancesWindow *self = SEANCES_WINDOW (widget);

  seances_main_view_show (self->main_view, "clients");
  seances_clients_view_focus_search (seances_main_view_get_clients (self->main_view));
}

static void
agenda_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SeancesWindow *self = SEANCES_WINDOW (widget);

  SeancesAgendaView *agenda = seances_main_view_get_agenda (self->main_view);

  seances_main_view_show (self->main_view, "agenda");
  if (g_str_equal (action_name, "agenda.today"))
    seances_agenda_view_show_today (agenda);
  else
    seances_agenda_view_move (agenda, g_str_equal (action_name, "agenda.next") ? 1 : -1);
}

/* Window ---------------------------------------------------------------------- */

/* Kept in the background, the window only hides: the data, the notifier and the daily
 * backup stay as they are, and the application, which holds itself for each of its
 * windows, keeps running until « Quitter ». Without the practice open there is nothing
 * to keep running for. */
static gboolean
hide_in_background (SeancesWindow *self)
{
  g_autoptr(GList) toplevels = NULL;

  if (self->quitting || self->notifier == NULL || !main_shown (self) ||
      !g_settings_get_boolean (self->settings, "run-in-background"))
    return FALSE;

  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (gtk_window_get_transient_for (l->data) == GTK_WINDOW (self))
      gtk_window_close (l->data);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  return TRUE;
}

static gboolean
seances_window_close_request (GtkWindow *window)
{
  SeancesWindow *self = SEANCES_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  if (hide_in_background (self))
    return TRUE;

  /* A backup due today is taken before Séances exits: the application waits for it. */
  if (self->backup_scheduler != NULL && gtk_window_get_application (window) != NULL)
    seances_backup_scheduler_quit (self->backup_scheduler,
                                   G_APPLICATION (gtk_window_get_application (window)));

  return GTK_WINDOW_CLASS (seances_window_parent_class)->close_request (window);
}

static void
seances_window_dispose (GObject *object)
{
  SeancesWindow *self = (SeancesWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->spinner_source, g_source_remove);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->vault);
  if (self->backup_scheduler != NULL)
    seances_backup_scheduler_stop (self->backup_scheduler);
  g_clear_object (&self->backup_scheduler);
  release_notifier (self);
  g_clear_object (&self->context);
  g_clear_object (&self->pending_practice);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), SEANCES_TYPE_WINDOW);

  G_OBJECT_CLASS (seances_window_parent_class)->dispose (object);
}

static void
seances_window_class_init (SeancesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = seances_window_dispose;
  window_class->close_request = seances_window_close_request;

  /* Each time the main page is shown (after a start, again after a restore): what
   * measures the window (tests/bench) waits for; nothing in the app connects to it. */
  signals[MAIN_SHOWN] = g_signal_new ("main-shown", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/seances/Seances/seances-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SeancesWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SeancesWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, SeancesWindow, problem_page);
  gtk_widget_class_bind_template_child (widget_class, SeancesWindow, restore_button);
  gtk_widget_class_bind_template_child (widget_class, SeancesWindow, toasts);

  gtk_widget_class_install_action (widget_class, "win.new-session", NULL, new_session_action_cb);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action_cb);
  gtk_widget_class_install_action (widget_class, "win.restore-backup", NULL, restore_backup_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-backups", NULL, preferences_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-review", NULL, show_page_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-agenda", NULL, show_page_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-clients", NULL, show_page_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-fees", NULL, show_page_action_cb);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-client", "x", show_client_action_cb);
  gtk_widget_class_install_action (widget_class, "agenda.previous", NULL, agenda_action_cb);
  gtk_widget_class_install_action (widget_class, "agenda.next", NULL, agenda_action_cb);
  gtk_widget_class_install_action (widget_class, "agenda.today", NULL, agenda_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-session", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK, "win.preferences", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-review", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-agenda", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-clients", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK, "win.show-fees", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "agenda.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "agenda.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "agenda.today", NULL);
}

static void
seances_window_init (SeancesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  update_actions (self);
}

/* @vault is being opened already when @opening: the application began before GTK was up,
 * so that the keyring answers while GTK starts, and hands the result over through
 * seances_window_vault_opened(). Otherwise the window opens it itself. */
SeancesWindow *
seances_window_new (AdwApplication *application,
                    SeancesVault   *vault,
                    gboolean        opening)
{
  SeancesWindow *self;

  g_return_val_if_fail (ADW_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (SEANCES_IS_VAULT (vault), NULL);

  self = g_object_new (SEANCES_TYPE_WINDOW, "application", application, NULL);
  self->vault = g_object_ref (vault);
  self->spinner_source = g_timeout_add (SPINNER_DELAY_MS, spinner_delay_cb, self);
  if (!opening)
    seances_vault_open_async (self->vault, self->cancellable, opened_cb, g_object_ref (self));
  return self;
}

/* The result of seances_vault_open_async() on the window's vault, begun by the caller. */
void
seances_window_vault_opened (SeancesWindow *self,
                             GAsyncResult  *result)
{
  g_return_if_fail (SEANCES_IS_WINDOW (self));
  g_return_if_fail (G_IS_ASYNC_RESULT (result));

  opened_cb (G_OBJECT (self->vault), result, g_object_ref (self));
}

SeancesContext *
seances_window_get_context (SeancesWindow *self)
{
  g_return_val_if_fail (SEANCES_IS_WINDOW (self), NULL);
  return self->context;
}

/* Closes the window for good, even when Séances is kept running in the background. */
void
seances_window_quit (SeancesWindow *self)
{
  g_return_if_fail (SEANCES_IS_WINDOW (self));

  self->quitting = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

/* NULL until the main page was first shown. */
SeancesMainView *
seances_window_get_main_view (SeancesWindow *self)
{
  g_return_val_if_fail (SEANCES_IS_WINDOW (self), NULL);
  return self->main_view;
}
