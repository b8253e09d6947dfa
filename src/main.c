/* main.c — Séances entry point
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "seances-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SeancesApplication) application = NULL;
  /* Set by the build tree's run and test scripts, where nothing is installed yet. */
  const char *localedir = g_getenv ("SEANCES_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  application = seances_application_new ();
  return g_application_run (G_APPLICATION (application), argc, argv);
}
