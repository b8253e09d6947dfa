/* test-setup-widgets.c — the recovery-key page and the time-zone picker under Xvfb, in French
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A key copied to the clipboard does not stay there: it goes when the page is cleared
 * (written down) or goes away. Also the time-zone picker of the setup and preferences
 * pages. Run by tests/harness/session --display. */
#include "config.h"

#include <adwaita.h>

#include "seances-key.h"
#include "seances-recovery-key.h"
#include "seances-test.h"
#include "seances-time-zones.h"
#include "setup/seances-recovery-key-page.h"

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
read_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  char **text = data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("");
}

static char *
clipboard_text (GdkClipboard *clipboard)
{
  char *text = NULL;

  gdk_clipboard_read_text_async (clipboard, NULL, read_cb, &text);
  while (text == NULL)
    g_main_context_iteration (NULL, TRUE);
  return text;
}

typedef void (*Leave) (GtkWindow *window, SeancesRecoveryKeyPage *page);

static void
leave_by_confirming (GtkWindow *window, SeancesRecoveryKeyPage *page)
{
  seances_recovery_key_page_clear (page);
}

static void
leave_by_closing (GtkWindow *window, SeancesRecoveryKeyPage *page)
{
  gtk_window_destroy (window);
}

static void
test_clipboard_forgotten (gconstpointer data)
{
  Leave leave = (Leave) data;
  g_autoptr(SeancesKey) key = seances_key_new_random ();
  g_autofree char *recovery_key = seances_recovery_key_encode (key);
  g_autofree char *copied = NULL;
  GtkWindow *window = GTK_WINDOW (adw_window_new ());
  SeancesRecoveryKeyPage *page = g_object_new (SEANCES_TYPE_RECOVERY_KEY_PAGE, NULL);
  GdkClipboard *clipboard = gdk_display_get_clipboard (gdk_display_get_default ());
  GtkWidget *copy;

  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (page));
  seances_recovery_key_page_set_key (page, recovery_key);
  gtk_window_present (window);

  copy = find_button (GTK_WIDGET (page), "Copier");
  g_assert_nonnull (copy);
  g_signal_emit_by_name (copy, "clicked");
  copied = clipboard_text (clipboard);
  g_assert_cmpstr (copied, ==, recovery_key);

  leave (window, page);
  g_assert_null (gdk_clipboard_get_content (clipboard));
  if (leave == leave_by_confirming)
    gtk_window_destroy (window);
}

/* A zone missing from the picker is kept as it is, never replaced by Paris. */
static void
test_time_zone_kept (void)
{
  static const char * const ids[] = { "Europe/Paris", "Indian/Reunion", "Asia/Tokyo", "Europe/Berlin" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      AdwComboRow *row = g_object_ref_sink (ADW_COMBO_ROW (adw_combo_row_new ()));

      seances_time_zones_setup_combo (row, ids[i]);
      g_assert_cmpstr (seances_time_zones_get_selected (row), ==, ids[i]);
      g_object_unref (row);
    }
}

int
main (int argc, char *argv[])
{
  /* No data is written: the system folders stay as they are, so GTK finds its icons. */
  g_test_init (&argc, &argv, NULL);
  seances_test_init_french ();
  gtk_init ();
  adw_init ();

  g_test_add_data_func ("/recovery-key-page/clipboard/confirmed", leave_by_confirming, test_clipboard_forgotten);
  g_test_add_data_func ("/recovery-key-page/clipboard/closed", leave_by_closing, test_clipboard_forgotten);
  g_test_add_func ("/time-zones/kept", test_time_zone_kept);
  return g_test_run ();
}
