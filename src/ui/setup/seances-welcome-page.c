/* seances-welcome-page.c — the first run: creating the practice
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "seances-welcome-page.h"

#include <glib/gi18n.h>

#include "seances-time-zones.h"

struct _SeancesWelcomePage
{
  AdwBin          parent_instance;

  AdwEntryRow    *name_row;
  AdwEntryRow    *practitioner_row;
  AdwEntryRow    *address_row;
  AdwEntryRow    *phone_row;
  AdwEntryRow    *email_row;
  AdwComboRow    *time_zone_row;
  GtkSpinButton  *duration_spin;
  GtkSpinButton  *buffer_spin;
  GtkSpinButton  *fee_spin;
  GtkLabel       *error_label;
  GtkButton      *create_button;

  gboolean        busy;
};

G_DEFINE_FINAL_TYPE (SeancesWelcomePage, seances_welcome_page, ADW_TYPE_BIN)

enum {
  SUBMITTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
has_text (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  return *trimmed != '\0';
}

static void
update_sensitivity (SeancesWelcomePage *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->create_button),
                            !self->busy && has_text (self->name_row) && has_text (self->practitioner_row));
}

static void
field_changed_cb (SeancesWelcomePage *self)
{
  update_sensitivity (self);
}

static void
create_clicked_cb (SeancesWelcomePage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  g_signal_emit (self, signals[SUBMITTED], 0);
}

static void
seances_welcome_page_class_init (SeancesWelcomePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  signals[SUBMITTED] =
    g_signal_new ("submitted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/seances/Seances/setup/seances-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SeancesWelcomePage, name_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesWelcomePage, practitioner_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesWelcomePage, address_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesWelcomePage, phone_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesWelcomePage, email_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesWelcomePage, time_zone_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesWelcomePage, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, SeancesWelcomePage, buffer_spin);
  gtk_widget_class_bind_template_child (widget_class, SeancesWelcomePage, fee_spin);
  gtk_widget_class_bind_template_child (widget_class, SeancesWelcomePage, error_label);
  gtk_widget_class_bind_template_child (widget_class, SeancesWelcomePage, create_button);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, create_clicked_cb);
}

static void
seances_welcome_page_init (SeancesWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  seances_time_zones_setup_combo (self->time_zone_row, "Europe/Paris");
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static const char *
field_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* The practice as typed; the core validates and normalises it when saving. */
SeancesPractice *
seances_welcome_page_build_practice (SeancesWelcomePage *self)
{
  g_return_val_if_fail (SEANCES_IS_WELCOME_PAGE (self), NULL);

  return g_object_new (SEANCES_TYPE_PRACTICE,
                       "name", field_text (self->name_row),
                       "practitioner", field_text (self->practitioner_row),
                       "address", field_text (self->address_row),
                       "phone", field_text (self->phone_row),
                       "email", field_text (self->email_row),
                       "time-zone", seances_time_zones_get_selected (self->time_zone_row),
                       "session-minutes", gtk_spin_button_get_value_as_int (self->duration_spin),
                       "buffer-minutes", gtk_spin_button_get_value_as_int (self->buffer_spin),
                       "default-fee-cents", (gint64) (gtk_spin_button_get_value (self->fee_spin) * 100 + 0.5),
                       NULL);
}

void
seances_welcome_page_set_busy (SeancesWelcomePage *self,
                               gboolean            busy)
{
  g_return_if_fail (SEANCES_IS_WELCOME_PAGE (self));
  self->busy = busy;
  update_sensitivity (self);
}

void
seances_welcome_page_show_error (SeancesWelcomePage *self,
                                 const char         *message)
{
  g_return_if_fail (SEANCES_IS_WELCOME_PAGE (self));
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}
