/* seances-unlock-page.c — asking for the recovery key or the passphrase
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "seances-unlock-page.h"

#include <glib/gi18n.h>

struct _SeancesUnlockPage
{
  AdwBin         parent_instance;

  AdwStatusPage *status_page;
  AdwEntryRow   *secret_row;
  GtkLabel      *error_label;
  GtkButton     *unlock_button;

  gboolean       busy;
};

G_DEFINE_FINAL_TYPE (SeancesUnlockPage, seances_unlock_page, ADW_TYPE_BIN)

enum {
  SUBMITTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
field_changed_cb (SeancesUnlockPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->secret_row));

  gtk_widget_set_sensitive (GTK_WIDGET (self->unlock_button), !self->busy && *text != '\0');
}

static void
unlock_clicked_cb (SeancesUnlockPage *self)
{
  if (self->busy || *gtk_editable_get_text (GTK_EDITABLE (self->secret_row)) == '\0')
    return;
  seances_unlock_page_show_error (self, NULL);
  g_signal_emit (self, signals[SUBMITTED], 0);
}

static void
seances_unlock_page_class_init (SeancesUnlockPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  signals[SUBMITTED] =
    g_signal_new ("submitted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/seances/Seances/setup/seances-unlock-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SeancesUnlockPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, SeancesUnlockPage, secret_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesUnlockPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, SeancesUnlockPage, unlock_button);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, unlock_clicked_cb);
}

static void
seances_unlock_page_init (SeancesUnlockPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  seances_unlock_page_set_reason (self, SEANCES_VAULT_KEY_MISSING);
}

void
seances_unlock_page_set_reason (SeancesUnlockPage  *self,
                                SeancesVaultReason  reason)
{
  const char *description;
  const char *field;

  g_return_if_fail (SEANCES_IS_UNLOCK_PAGE (self));

  switch (reason)
    {
    case SEANCES_VAULT_KEY_REFUSED:
      description = _("The key kept in this computer’s keyring does not open the data file: "
                      "the file may be damaged, or the key is another one’s. Type the recovery "
                      "key you wrote down when you started using Séances.");
      field = _("Recovery key");
      break;
    case SEANCES_VAULT_KEYRING_LOCKED:
      description = _("This computer’s keyring is locked, so Séances cannot read its key. "
                      "Unlock the keyring (by opening your session with your password) and "
                      "start Séances again, or type your recovery key.");
      field = _("Recovery key");
      break;
    case SEANCES_VAULT_NO_KEYRING:
      description = _("No keyring is available on this computer. Type your passphrase, "
                      "or your recovery key if Séances gave you one.");
      field = _("Passphrase or recovery key");
      break;
    case SEANCES_VAULT_KEY_MISSING:
    default:
      description = _("The key of your data is no longer in this computer’s keyring. "
                      "Type the recovery key you wrote down when you started using Séances.");
      field = _("Recovery key");
      break;
    }

  adw_status_page_set_description (self->status_page, description);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->secret_row), field);
}

const char *
seances_unlock_page_get_secret (SeancesUnlockPage *self)
{
  g_return_val_if_fail (SEANCES_IS_UNLOCK_PAGE (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->secret_row));
}

void
seances_unlock_page_set_busy (SeancesUnlockPage *self,
                              gboolean           busy)
{
  g_return_if_fail (SEANCES_IS_UNLOCK_PAGE (self));
  self->busy = busy;
  field_changed_cb (self);
}

void
seances_unlock_page_show_error (SeancesUnlockPage *self,
                                const char        *message)
{
  g_return_if_fail (SEANCES_IS_UNLOCK_PAGE (self));
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Once used, the secret leaves the field (its buffer is the password entry's secure one). */
void
seances_unlock_page_clear_secret (SeancesUnlockPage *self)
{
  g_return_if_fail (SEANCES_IS_UNLOCK_PAGE (self));
  gtk_editable_set_text (GTK_EDITABLE (self->secret_row), "");
}
