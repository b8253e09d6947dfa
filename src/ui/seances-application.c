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

static int
generate_demo (SeancesApplication *self,
               GVariantDict       *options)
{
  SeancesDemoOptions demo;
  int seed;

  seances_demo_options_init (&demo);
  demo.n_clients = self->demo_clients;
  g_variant_dict_lookup (options, "demo-years", "i", &demo.years);
  g_variant_dict_lookup (options, "demo-sessions-per-week", "i", &demo.sessions_per_week);
  if (g_variant_dict_lookup (options, "demo-seed", "i", &seed))
    demo.seed = (guint32) seed;
  return seances_cli_generate_demo (&demo);
}

/* Command-line options never need a display: they are handled here, before GTK starts. */
static int
seances_application_handle_local_options (GApplication *application,
                                          GVariantDict *options)
{
  SeancesApplication *self = SEANCES_APPLICATION (application);
  const char *export_path = NULL;
  const char *backup_path = NULL;
  const char *restore_path = NULL;
  int status = -1;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("Séances %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_contains (options, "check"))
    return seances_cli_check ();
  if (g_variant_dict_lookup (options, "backup", "^&ay", &backup_path))
    return seances_cli_backup (backup_path);
  if (g_variant_dict_lookup (options, "restore", "^&ay", &restore_path))
    return seances_cli_restore (restore_path);

  if (self->demo_clients > 0)
    status = generate_demo (self, options);
  if (status <= 0 && g_variant_dict_lookup (options, "export-json", "^&ay", &export_path))
    status = seances_cli_export_json (export_path);

  return status;
}

static void
seances_application_activate (GApplication *application)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (window == NULL)
    {
      g_autofree char *path = seances_database_default_path ();
      window = GTK_WINDOW (seances_window_new (ADW_APPLICATION (application), path));
    }
  gtk_window_present (window);
}

static void
about_activated_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkApplication *application = user_data;
  static const char *developers[] = { "Séances developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (application),
                         "application-name", "Séances",
                         "application-icon", APP_ID,
                         "developer-name", _("Séances developers"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Agenda, cancellation policy and reminders for therapists and coaches, "
                                       "with your data encrypted on this computer."),
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

  /* Closing the windows lets them save their state. */
  for (GList *l = windows; l != NULL; l = l->next)
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

  G_APPLICATION_CLASS (seances_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), actions, G_N_ELEMENTS (actions), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
}

static void
seances_application_class_init (SeancesApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

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
    /* For the benchmark and the screenshots */
    { "demo-years", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT, NULL, NULL, NULL },
    { "demo-sessions-per-week", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT, NULL, NULL, NULL },
    { "demo-seed", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT, NULL, NULL, NULL },
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
