/* seances-passphrase-page.c — choosing a passphrase when there is no keyring
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "seances-passphrase-page.h"

#include <glib/gi18n.h>

/* Long enough to resist guessing once the file is copied elsewhere. */
#define MIN_CHARS 10

struct _SeancesPassphrasePage
{
  AdwBin       parent_instance;

  AdwEntryRow *passphrase_row;
  AdwEntryRow *confirm_row;
  GtkLabel    *error_label;
  GtkButton   *continue_button;

  gboolean     busy;
};

G_DEFINE_FINAL_TYPE (SeancesPassphrasePage, seances_passphrase_page, ADW_TYPE_BIN)

enum {
  SUBMITTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
field_changed_cb (SeancesPassphrasePage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row));

  gtk_widget_set_sensitive (GTK_WIDGET (self->continue_button), !self->busy && *text != '\0');
}

static void
continue_clicked_cb (SeancesPassphrasePage *self)
{
  const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row));
  const char *confirm = gtk_editable_get_text (GTK_EDITABLE (self->confirm_row));

  if (self->busy)
    return;
  if (g_utf8_strlen (passphrase, -1) < MIN_CHARS)
    seances_passphrase_page_show_error (self, _("Choose a passphrase of at least 10 characters, "
                                                "for example a short sentence."));
  else if (g_strcmp0 (passphrase, confirm) != 0)
    seances_passphrase_page_show_error (self, _("The two passphrases differ: type the same one twice."));
  else
    {
      seances_passphrase_page_show_error (self, NULL);
      g_signal_emit (self, signals[SUBMITTED], 0);
    }
}

static void
seances_passphrase_page_class_init (SeancesPassphrasePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  signals[SUBMITTED] =
    g_signal_new ("submitted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/seances/Seances/setup/seances-passphrase-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SeancesPassphrasePage, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesPassphrasePage, confirm_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesPassphrasePage, error_label);
  gtk_widget_class_bind_template_child (widget_class, SeancesPassphrasePage, continue_button);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, continue_clicked_cb);
}

static void
seances_passphrase_page_init (SeancesPassphrasePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

const char *
seances_passphrase_page_get_passphrase (SeancesPassphrasePage *self)
{
  g_return_val_if_fail (SEANCES_IS_PASSPHRASE_PAGE (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row));
}

void
seances_passphrase_page_set_busy (SeancesPassphrasePage *self,
                                  gboolean               busy)
{
  g_return_if_fail (SEANCES_IS_PASSPHRASE_PAGE (self));
  self->busy = busy;
  field_changed_cb (self);
}

void
seances_passphrase_page_show_error (SeancesPassphrasePage *self,
                                    const char            *message)
{
  g_return_if_fail (SEANCES_IS_PASSPHRASE_PAGE (self));
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Once the data are made, the passphrase leaves both fields. */
void
seances_passphrase_page_clear (SeancesPassphrasePage *self)
{
  g_return_if_fail (SEANCES_IS_PASSPHRASE_PAGE (self));
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->confirm_row), "");
}
