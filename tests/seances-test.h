/* seances-test.h — small helpers shared by the test programs
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <locale.h>

#include "seances-practice.h"

/* Messages are checked as a French user reads them: the catalogue comes from the build tree. */
static inline void
seances_test_init_french (void)
{
  g_setenv ("LANGUAGE", "fr", TRUE);
  g_setenv ("LC_ALL", "fr_FR.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, SEANCES_BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/* Runs the default main context until *done is set. */
static inline void
seances_test_wait (gboolean *done)
{
  while (!*done)
    g_main_context_iteration (NULL, TRUE);
}

/* The practice most tests start from, saved in @database. */
static inline void
seances_test_save_practice (SeancesDatabase *database)
{
  g_autoptr(SeancesPractice) practice = seances_practice_new ();
  g_autoptr(GError) error = NULL;

  seances_practice_set_name (practice, "Cabinet Les Tilleuls");
  seances_practice_set_practitioner (practice, "Claire Martin");
  g_assert_true (seances_practice_save (database, practice, g_get_real_time () / G_USEC_PER_SEC, &error));
  g_assert_no_error (error);
}
