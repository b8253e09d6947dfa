/* seances-autostart.c — starting Séances in the background when the session opens
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The XDG autostart entry, $XDG_CONFIG_HOME/autostart/<app id>.desktop, is the setting
 * itself: the file is there or not, so that what the preferences show is what the
 * session will do, whoever wrote or removed it. It starts this very program with
 * --background: no window, the notifications only. */
#include "config.h"

#include "seances-autostart.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

char *
seances_autostart_get_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "autostart", APP_ID ".desktop", NULL);
}

gboolean
seances_autostart_is_enabled (void)
{
  g_autofree char *path = seances_autostart_get_path ();

  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

/* An Exec argument as the desktop entry specification quotes it, when it must be. */
static char *
quote_exec_argument (const char *argument)
{
  GString *quoted;

  if (strpbrk (argument, " \t\n\"'\\><~|&;$*?#()`%") == NULL)
    return g_strdup (argument);

  quoted = g_string_new ("\"");
  for (const char *c = argument; *c != '\0'; c++)
    {
      if (strchr ("\"`$\\", *c) != NULL)
        g_string_append_c (quoted, '\\');
      if (*c == '%')
        g_string_append_c (quoted, '%');
      g_string_append_c (quoted, *c);
    }
  g_string_append_c (quoted, '"');
  return g_string_free (quoted, FALSE);
}

/* This program, where it is: installed, or run from a build tree. */
static char *
program_path (void)
{
  char *path = g_file_read_link ("/proc/self/exe", NULL);

  return path != NULL ? path : g_strdup ("seances");
}

static gboolean
fail (GError     **error,
      const char  *folder,
      const char  *detail)
{
  g_debug ("Cannot change the autostart entry: %s", detail);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("The start with the session could not be changed: check that the folder %s can be written to."),
               folder);
  return FALSE;
}

/* Writes the autostart entry, or removes it. */
gboolean
seances_autostart_set_enabled (gboolean   enabled,
                               GError   **error)
{
  g_autofree char *path = seances_autostart_get_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GKeyFile) entry = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *program = NULL;
  g_autofree char *exec = NULL;
  g_autofree char *command = NULL;

  if (!enabled)
    {
      if (g_unlink (path) != 0 && errno != ENOENT)
        return fail (error, folder, g_strerror (errno));
      return TRUE;
    }

  if (g_mkdir_with_parents (folder, 0700) != 0)
    return fail (error, folder, g_strerror (errno));

  program = program_path ();
  exec = quote_exec_argument (program);
  command = g_strconcat (exec, " --background", NULL);
  entry = g_key_file_new ();
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_TYPE,
                         G_KEY_FILE_DESKTOP_TYPE_APPLICATION);
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NAME, "Séances");
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_COMMENT,
                         _("Reminders of the sessions and of the day's review"));
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_ICON, APP_ID);
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC, command);
  g_key_file_set_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NO_DISPLAY, TRUE);
  g_key_file_set_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, "X-GNOME-Autostart-enabled", TRUE);

  if (!g_key_file_save_to_file (entry, path, &local_error))
    return fail (error, folder, local_error->message);
  return TRUE;
}
