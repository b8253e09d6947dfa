/* seances-application.c — the application: command line, actions, windows
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "seances-application.h"

#include <glib/gi18n.h>

#include "seances-cli.h"
#include "seances-database.h"
#include "seances-window.h"

struct _SeancesApplication
{
  AdwApplication parent_instance;

  int            demo_clients;  /* 0 unless --generate-demo was given */
  gboolean       start_hidden;  /* --background: the first window waits to be asked for */

  /* The data, opened from the start (see seances_application_startup) */
  SeancesVault  *vault;
  GCancellable  *cancellable;
  GAsyncResult  *opened;        /* the result, until the first window takes it */
  SeancesWindow *first_window;  /* weak: waits for the result, unpresented */
  guint          present_source;
};

G_DEFINE_FINAL_TYPE (SeancesApplication, seances_application, ADW_TYPE_APPLICATION)

/* --generate-demo[=N]: an optional value needs a callback, which GApplication calls
 * without user data; the application is the process's default one by then. */
static gboolean
generate_demo_option_cb (const char  *option_name,
                         const char  *value,
                         gpointer     data,
                         GError     **error)
{
  SeancesApplication *self = SEANCES_APPLICATION (g_application_get_default ());
  guint64 clients = SEANCES_DEMO_DEFAULT_CLIENTS;

  if (value != NULL &&
      !g_ascii_string_to_unsigned (value, 10, 1, SEANCES_DEMO_MAX_CLIENTS, &clients, NULL))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--generate-demo takes a number of clients between 1 and 20,000, "
                             "for example --generate-demo=60."));
      return FALSE;
    }
  self->demo_clients = (int) clients;
  return TRUE;
}

/* The options that each ask for one thing to be done: at most one of them a call. */
static const char * const action_options[] = {
  "version", "check", "generate-demo", "export-json", "backup", "restore", "background",
};

/* The demo's hidden settings, which only --generate-demo reads. */
static const char * const demo_settings[] = {
  "demo-years", "demo-sessions-per-week", "demo-seed",
};

/* An explicit value is checked, never replaced by the default: only an absent option
 * takes it. The settings are strings, since GApplication leaves an integer option
 * set to 0 out of @options, as if it had not been given. */
static gboolean
read_demo_setting (GVariantDict *options,
                   const char   *name,
                   int           min,
                   int           max,
                   int          *value)
{
  const char *text;
  gint64 number;

  if (!g_variant_dict_lookup (options, name, "&s", &text))
    return TRUE;
  if (!g_ascii_string_to_signed (text, 10, min, max, &number, NULL))
    {
      /* Translators: as in « --demo-years prend un nombre entier entre 1 et 30. » */
      g_printerr (_("--%s takes a whole number between %d and %d."), name, min, max);
      g_printerr ("\n");
      return FALSE;
    }
  *value = (int) number;
  return TRUE;
}

static int
generate_demo (GVariantDict *options)
{
  SeancesDemoOptions demo;
  int seed = SEANCES_DEMO_DEFAULT_SEED;

  seances_demo_options_init (&demo);
  g_variant_dict_lookup (options, "generate-demo", "i", &demo.n_clients);
  if (!read_demo_setting (options, "demo-years", 1, SEANCES_DEMO_MAX_YEARS, &demo.years) ||
      !read_demo_setting (options, "demo-sessions-per-week", 1, SEANCES_DEMO_MAX_SESSIONS_PER_WEEK,
                          &demo.sessions_per_week) ||
      !read_demo_setting (options, "demo-seed", 0, G_MAXINT, &seed))
    return 1;
  demo.seed = (guint32) seed;
  return seances_cli_generate_demo (&demo);
}

/* Options that cannot go together are refused before anything is done, rather than one
 * of them being silently ignored. Gives the action asked for, or NULL for none. */
static gboolean
check_combination (GVariantDict  *options,
                   const char   **action)
{
  *action = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (action_options); i++)
    {
      if (!g_variant_dict_contains (options, action_options[i]))
        continue;
      if (*action != NULL)
        {
          /* Translators: as in « --check et --generate-demo ne peuvent pas être utilisées
           * ensemble : donnez-en une seule à la fois. » */
          g_printerr (_("--%s and --%s cannot be used together: give one at a time."),
                      *action, action_options[i]);
          g_printerr ("\n");
          return FALSE;
        }
      *action = action_options[i];
    }

  for (guint i = 0; i < G_N_ELEMENTS (demo_settings); i++)
    if (g_variant_dict_contains (options, demo_settings[i]) &&
        g_strcmp0 (*action, "generate-demo") != 0)
      {
        g_printerr (_("--%s only goes with --generate-demo."), demo_settings[i]);
        g_printerr ("\n");
        return FALSE;
      }
  return TRUE;
}

/* Command-line options never need a display: they are handled here, before GTK starts.
 * A status of 0 or more ends the process with it; -1 goes on to open the window. */
static int
seances_application_handle_local_options (GApplication *application,
                                          GVariantDict *options)
{
  SeancesApplication *self = SEANCES_APPLICATION (application);
  const char *action = NULL;
  const char *export_path = NULL;
  const char *backup_path = NULL;
  const char *restore_path = NULL;

  /* GApplication keeps an option read by a callback out of @options. */
  if (self->demo_clients > 0)
    g_variant_dict_insert (options, "generate-demo", "i", self->demo_clients);

  if (!check_combination (options, &action))
    return 1;

  if (g_strcmp0 (action, "version") == 0)
    {
      g_print ("Séances %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_strcmp0 (action, "check") == 0)
    return seances_cli_check ();
  if (g_strcmp0 (action, "generate-demo") == 0)
    return generate_demo (options);
  if (g_strcmp0 (action, "export-json") == 0 &&
      g_variant_dict_lookup (options, "export-json", "^&ay", &export_path))
    return seances_cli_export_json (export_path);
  if (g_strcmp0 (action, "backup") == 0 &&
      g_variant_dict_lookup (options, "backup", "^&ay", &backup_path))
    return seances_cli_backup (backup_path);
  if (g_strcmp0 (action, "restore") == 0 &&
      g_variant_dict_lookup (options, "restore", "^&ay", &restore_path))
    return seances_cli_restore (restore_path);

  /* At the session's start (the autostart entry): the first Séances opens the data
   * without showing a window, for the notifications; one already running has nothing
   * more to do. */
  if (g_strcmp0 (action, "background") == 0)
    {
      g_autoptr(GError) error = NULL;

      if (!g_application_register (application, NULL, &error))
        {
          g_printerr ("%s\n", _("Séances could not start in the background: log in to a desktop session and try again."));
          g_debug ("Cannot register the application: %s", error->message);
          return 1;
        }
      if (g_application_get_is_remote (application))
        return 0;
      self->start_hidden = TRUE;
    }

  return -1;
}

/* The first window is shown once its page is known, so that its first frame is the
 * agenda itself rather than a loading page that the agenda replaces a moment later; a
 * keyring that takes long gets the loading page after PRESENT_DELAY_MS. */
#define PRESENT_DELAY_MS 400

static void
present_first_window (SeancesApplication *self)
{
  g_clear_handle_id (&self->present_source, g_source_remove);
  if (self->first_window != NULL && !self->start_hidden)
    gtk_window_present (GTK_WINDOW (self->first_window));
  g_clear_weak_pointer (&self->first_window);
}

static gboolean
present_delay_cb (gpointer data)
{
  SeancesApplication *self = data;

  self->present_source = 0;
  present_first_window (self);
  return G_SOURCE_REMOVE;
}

static void
hand_over_opened (SeancesApplication *self)
{
  g_autoptr(GAsyncResult) result = g_steal_pointer (&self->opened);

  seances_window_vault_opened (self->first_window, result);
  present_first_window (self);
}

static void
vault_opened_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SeancesApplication) self = user_data;

  self->opened = g_object_ref (result);
  if (self->first_window != NULL)
    hand_over_opened (self);
}

static void
seances_application_activate (GApplication *application)
{
  SeancesApplication *self = SEANCES_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (window != NULL)
    {
      /* Asked for: the window started hidden, or kept in the background, shows. */
      self->start_hidden = FALSE;
      gtk_window_present (window);
      return;
    }

  if (self->vault != NULL)
    {
      /* The first window: it takes the data opened since startup. */
      SeancesWindow *first = seances_window_new (ADW_APPLICATION (application), self->vault, TRUE);

      g_clear_object (&self->vault);
      g_set_weak_pointer (&self->first_window, first);
      if (self->opened != NULL)
        hand_over_opened (self);
      else
        self->present_source = g_timeout_add (PRESENT_DELAY_MS, present_delay_cb, self);
      return;
    }

  {
    g_autofree char *path = seances_database_default_path ();
    g_autoptr(SeancesVault) vault = seances_vault_new (path);

    window = GTK_WINDOW (seances_window_new (ADW_APPLICATION (application), vault, FALSE));
    gtk_window_present (window);
  }
}

static void
about_activated_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkApplication *application = user_data;
  const char *developers[] = { _("Séances developers"), NULL };

  adw_show_about_window (gtk_application_get_active_window (application),
                         "application-name", "Séances",
                         "application-icon", APP_ID,
                         "developer-name", _("Séances developers"),
                         "version", PACKAGE_VERSION,
                         "comments", _("The agenda and the client records of your practice, encrypted on this "
                                       "computer, with a recovery key, backups and restore."),
                         "developers", developers,
                         "translator-credits", _("translator-credits"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static void
quit_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  /* Closing the windows lets them save their state; « Quitter » quits even when Séances
   * is kept running in the background. */
  for (GList *l = windows; l != NULL; l = l->next)
    if (SEANCES_IS_WINDOW (l->data))
      seances_window_quit (l->data);
    else
      gtk_window_close (l->data);
}

static void
seances_application_startup (GApplication *application)
{
  static const GActionEntry actions[] = {
    { "about", about_activated_cb },
    { "quit", quit_activated_cb },
  };
  static const char *quit_accels[] = { "<Control>q", NULL };
  SeancesApplication *self = SEANCES_APPLICATION (application);
  g_autofree char *path = seances_database_default_path ();

  /* Before GTK starts (a tenth of a second here): the keyring's answer arrives meanwhile. */
  self->vault = seances_vault_new (path);
  self->cancellable = g_cancellable_new ();
  seances_vault_open_async (self->vault, self->cancellable, vault_opened_cb, g_object_ref (self));

  G_APPLICATION_CLASS (seances_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), actions, G_N_ELEMENTS (actions), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
}

static void
seances_application_shutdown (GApplication *application)
{
  SeancesApplication *self = SEANCES_APPLICATION (application);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->present_source, g_source_remove);
  g_clear_weak_pointer (&self->first_window);
  G_APPLICATION_CLASS (seances_application_parent_class)->shutdown (application);
}

static void
seances_application_dispose (GObject *object)
{
  SeancesApplication *self = SEANCES_APPLICATION (object);

  g_clear_object (&self->vault);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->opened);
  G_OBJECT_CLASS (seances_application_parent_class)->dispose (object);
}

static void
seances_application_class_init (SeancesApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = seances_application_dispose;
  app_class->shutdown = seances_application_shutdown;
  app_class->handle_local_options = seances_application_handle_local_options;
  app_class->startup = seances_application_startup;
  app_class->activate = seances_application_activate;
}

static void
seances_application_init (SeancesApplication *self)
{
  static const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
    { "check", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Check the integrity of the encrypted database and exit"), NULL },
    { "generate-demo", 0, G_OPTION_FLAG_OPTIONAL_ARG, G_OPTION_ARG_CALLBACK, generate_demo_option_cb,
      N_("Fill an empty database with a demo practice of N clients (60 by default) and exit"), N_("N") },
    { "export-json", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Write everything the database holds to FILE as JSON and exit"), N_("FILE") },
    { "backup", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Write an encrypted backup of the database to FILE and exit"), N_("FILE") },
    { "restore", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Put the backup FILE in place of the current data, kept aside, and exit"), N_("FILE") },
    { "background", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Start without a window, for the notifications (at the session's start)"), NULL },
    /* For the benchmark and the screenshots */
    { "demo-years", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, NULL, NULL, NULL },
    { "demo-sessions-per-week", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, NULL, NULL, NULL },
    { "demo-seed", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, NULL, NULL, NULL },
    { NULL },
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

SeancesApplication *
seances_application_new (void)
{
  return g_object_new (SEANCES_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/seances/Seances",
                       NULL);
}
