/* seances-recovery-key-page.c — shows the recovery key once, to be written down
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "seances-recovery-key-page.h"

#include <glib/gi18n.h>

#include "seances-key.h"

struct _SeancesRecoveryKeyPage
{
  AdwBin           parent_instance;

  AdwToastOverlay *toasts;
  GtkLabel        *key_label;
  GtkCheckButton  *written_check;
  GtkButton       *continue_button;

  char            *key;  /* grouped, as shown */
  guint            clipboard_source;
};

/* A copied key does not stay on the clipboard for whatever is pasted next. */
#define CLIPBOARD_SECONDS 120

G_DEFINE_FINAL_TYPE (SeancesRecoveryKeyPage, seances_recovery_key_page, ADW_TYPE_BIN)

enum {
  CONFIRMED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Seven groups a line reads and copies better than one long line. */
static char *
layout_key (const char *key)
{
  g_auto(GStrv) groups = g_strsplit (key, " ", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, i % 7 == 0 ? "\n" : " ");
      g_string_append (out, groups[i]);
    }
  return g_string_free (out, FALSE);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                gpointer           user_data)
{
  gtk_print_operation_set_n_pages (operation, 1);
}

static void
draw_page_cb (GtkPrintOperation      *operation,
              GtkPrintContext        *context,
              int                     page_nr,
              SeancesRecoveryKeyPage *self)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  g_autoptr(PangoLayout) layout = gtk_print_context_create_pango_layout (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 12");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%x");
  g_autofree char *laid_out = layout_key (self->key);
  g_autofree char *markup = NULL;

  markup = g_markup_printf_escaped ("<big><b>%s</b></big>\n\n%s\n\n<tt><big>%s</big></tt>\n\n%s",
                                    _("Séances — recovery key"),
                                    _("Keep this sheet in a safe place, away from the computer. "
                                      "Anyone holding this key and your computer can read your data."),
                                    laid_out,
                                    date);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (gtk_print_context_get_width (context) * PANGO_SCALE));
  pango_layout_set_markup (layout, markup, -1);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, layout);
}

static void
print_clicked_cb (SeancesRecoveryKeyPage *self)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_print_operation_set_job_name (operation, _("Séances — recovery key"));
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), NULL);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), self);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (root), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_debug ("Printing failed: %s", error->message);
      adw_toast_overlay_add_toast (self->toasts,
                                   adw_toast_new (_("Printing failed: write the key down by hand.")));
    }
}

/* Empties the clipboard if what it holds is still ours (the key copied from here). */
static void
forget_clipboard (SeancesRecoveryKeyPage *self)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));

  g_clear_handle_id (&self->clipboard_source, g_source_remove);
  if (gdk_clipboard_is_local (clipboard))
    gdk_clipboard_set_content (clipboard, NULL);
}

static gboolean
clipboard_expired_cb (gpointer data)
{
  SeancesRecoveryKeyPage *self = data;

  self->clipboard_source = 0;
  forget_clipboard (self);
  return G_SOURCE_REMOVE;
}

static void
copy_clicked_cb (SeancesRecoveryKeyPage *self)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), self->key);
  g_clear_handle_id (&self->clipboard_source, g_source_remove);
  self->clipboard_source = g_timeout_add_seconds (CLIPBOARD_SECONDS, clipboard_expired_cb, self);
  adw_toast_overlay_add_toast (self->toasts,
                               adw_toast_new (_("Recovery key copied. It will be removed from the clipboard in two minutes.")));
}

static void
written_toggled_cb (SeancesRecoveryKeyPage *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->continue_button),
                            gtk_check_button_get_active (self->written_check));
}

static void
continue_clicked_cb (SeancesRecoveryKeyPage *self)
{
  g_signal_emit (self, signals[CONFIRMED], 0);
}

static void
seances_recovery_key_page_dispose (GObject *object)
{
  SeancesRecoveryKeyPage *self = (SeancesRecoveryKeyPage *)object;

  if (self->clipboard_source != 0)
    forget_clipboard (self);
  G_OBJECT_CLASS (seances_recovery_key_page_parent_class)->dispose (object);
}

static void
seances_recovery_key_page_finalize (GObject *object)
{
  SeancesRecoveryKeyPage *self = (SeancesRecoveryKeyPage *)object;

  g_clear_pointer (&self->key, seances_secure_free);
  G_OBJECT_CLASS (seances_recovery_key_page_parent_class)->finalize (object);
}

static void
seances_recovery_key_page_class_init (SeancesRecoveryKeyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = seances_recovery_key_page_dispose;
  object_class->finalize = seances_recovery_key_page_finalize;

  signals[CONFIRMED] =
    g_signal_new ("confirmed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/seances/Seances/setup/seances-recovery-key-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SeancesRecoveryKeyPage, toasts);
  gtk_widget_class_bind_template_child (widget_class, SeancesRecoveryKeyPage, key_label);
  gtk_widget_class_bind_template_child (widget_class, SeancesRecoveryKeyPage, written_check);
  gtk_widget_class_bind_template_child (widget_class, SeancesRecoveryKeyPage, continue_button);
  gtk_widget_class_bind_template_callback (widget_class, copy_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, print_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, written_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, continue_clicked_cb);
}

static void
seances_recovery_key_page_init (SeancesRecoveryKeyPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
seances_recovery_key_page_set_key (SeancesRecoveryKeyPage *self,
                                   const char             *recovery_key)
{
  char *laid_out;

  g_return_if_fail (SEANCES_IS_RECOVERY_KEY_PAGE (self));
  g_return_if_fail (recovery_key != NULL);

  g_clear_pointer (&self->key, seances_secure_free);
  self->key = g_strdup (recovery_key);
  laid_out = layout_key (recovery_key);
  gtk_label_set_text (self->key_label, laid_out);
  seances_secure_free (laid_out);
  gtk_check_button_set_active (self->written_check, FALSE);
}

/* Once written down, the key leaves memory and the screen. */
void
seances_recovery_key_page_clear (SeancesRecoveryKeyPage *self)
{
  g_return_if_fail (SEANCES_IS_RECOVERY_KEY_PAGE (self));

  if (self->clipboard_source != 0)
    forget_clipboard (self);
  g_clear_pointer (&self->key, seances_secure_free);
  gtk_label_set_text (self->key_label, "");
}
