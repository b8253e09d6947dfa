/* seances-preferences-window.c — the practice's settings
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Changes apply as they are typed, like every GNOME preferences window; a value that
 * cannot be kept (a half-typed e-mail address) is explained and not saved, and the
 * last good settings stay in force. */
#include "config.h"

#include "seances-preferences-window.h"

#include <glib/gi18n.h>

#include "seances-data-page.h"
#include "seances-format.h"
#include "seances-time-zones.h"

/* In the order of the field row's items. */
static const struct {
  SeancesField  field;
  const char   *label;
} fields[] = {
  { SEANCES_FIELD_MENTAL_HEALTH, N_("Mental health") },
  { SEANCES_FIELD_PHYSIOTHERAPY, N_("Physiotherapy") },
  { SEANCES_FIELD_NUTRITION,     N_("Nutrition") },
  { SEANCES_FIELD_DENTAL,        N_("Dental care") },
  { SEANCES_FIELD_COACHING,      N_("Coaching") },
  { SEANCES_FIELD_OTHER,         N_("Other") },
};

/* In the order of the vocabulary row's items (the template's). */
static const SeancesVocabulary vocabularies[] = { SEANCES_VOCABULARY_PATIENT, SEANCES_VOCABULARY_CLIENT };

struct _SeancesPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwPreferencesGroup  *error_group;
  GtkLabel             *error_label;
  AdwEntryRow          *name_row;
  AdwEntryRow          *practitioner_row;
  AdwEntryRow          *address_row;
  AdwEntryRow          *phone_row;
  AdwEntryRow          *email_row;
  AdwEntryRow          *booking_row;
  AdwEntryRow          *video_row;
  AdwComboRow          *vocabulary_row;
  AdwComboRow          *field_row;
  AdwComboRow          *time_zone_row;
  GtkSpinButton        *duration_spin;
  GtkSpinButton        *buffer_spin;
  GtkSpinButton        *fee_spin;
  GtkSpinButton        *opening_spin;
  GtkSpinButton        *closing_spin;

  SeancesContext       *context;
  gboolean              loading;
};

G_DEFINE_FINAL_TYPE (SeancesPreferencesWindow, seances_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static char *
get_text (AdwEntryRow *row)
{
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
load (SeancesPreferencesWindow *self)
{
  const SeancesPractice *practice = seances_context_get_practice (self->context);
  g_autofree char *phone = NULL;

  if (practice == NULL)
    return;

  self->loading = TRUE;
  set_text (self->name_row, practice->name);
  set_text (self->practitioner_row, practice->practitioner);
  set_text (self->address_row, practice->address);
  phone = seances_phone_format (practice->phone);
  set_text (self->phone_row, phone);
  set_text (self->email_row, practice->email);
  set_text (self->booking_row, practice->booking_link);
  set_text (self->video_row, practice->video_link);
  for (guint i = 0; i < G_N_ELEMENTS (vocabularies); i++)
    if (vocabularies[i] == practice->vocabulary)
      adw_combo_row_set_selected (self->vocabulary_row, i);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i].field == practice->field)
      adw_combo_row_set_selected (self->field_row, i);
  seances_time_zones_setup_combo (self->time_zone_row, practice->time_zone);
  gtk_spin_button_set_value (self->duration_spin, practice->session_minutes);
  gtk_spin_button_set_value (self->buffer_spin, practice->buffer_minutes);
  gtk_spin_button_set_value (self->fee_spin, practice->default_fee_cents / 100.0);
  gtk_spin_button_set_value (self->opening_spin, practice->opening_hour);
  gtk_spin_button_set_value (self->closing_spin, practice->closing_hour);
  self->loading = FALSE;
}

static void
changed_cb (SeancesPreferencesWindow *self)
{
  g_autoptr(SeancesPractice) practice = NULL;
  g_autoptr(GError) error = NULL;

  if (self->loading || self->context == NULL)
    return;

  practice = seances_practice_new_default ();
#define TAKE(member, row) g_free (practice->member); practice->member = get_text (self->row)
  TAKE (name, name_row);
  TAKE (practitioner, practitioner_row);
  TAKE (address, address_row);
  TAKE (phone, phone_row);
  TAKE (email, email_row);
  TAKE (booking_link, booking_row);
  TAKE (video_link, video_row);
#undef TAKE
  practice->vocabulary = vocabularies[MIN (adw_combo_row_get_selected (self->vocabulary_row),
                                           G_N_ELEMENTS (vocabularies) - 1)];
  practice->field = fields[MIN (adw_combo_row_get_selected (self->field_row), G_N_ELEMENTS (fields) - 1)].field;
  g_free (practice->time_zone);
  practice->time_zone = g_strdup (seances_time_zones_get_selected (self->time_zone_row));
  practice->session_minutes = gtk_spin_button_get_value_as_int (self->duration_spin);
  practice->buffer_minutes = gtk_spin_button_get_value_as_int (self->buffer_spin);
  practice->default_fee_cents = (gint64) (gtk_spin_button_get_value (self->fee_spin) * 100 + 0.5);
  practice->opening_hour = gtk_spin_button_get_value_as_int (self->opening_spin);
  practice->closing_hour = gtk_spin_button_get_value_as_int (self->closing_spin);

  if (!seances_context_save_practice (self->context, practice, &error))
    gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_group), error != NULL);
}

static void
seances_preferences_window_dispose (GObject *object)
{
  SeancesPreferencesWindow *self = (SeancesPreferencesWindow *)object;

  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), SEANCES_TYPE_PREFERENCES_WINDOW);
  G_OBJECT_CLASS (seances_preferences_window_parent_class)->dispose (object);
}

/* Shown, a window focuses its first field, and the field selects its text: the
 * practice's name, which one keystroke would then replace. Nothing is focused
 * instead; Tab goes to the first field. */
static void
seances_preferences_window_show (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (seances_preferences_window_parent_class)->show (widget);
  gtk_window_set_focus (GTK_WINDOW (widget), NULL);
}

static void
seances_preferences_window_class_init (SeancesPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = seances_preferences_window_dispose;
  widget_class->show = seances_preferences_window_show;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/seances/Seances/preferences/seances-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SeancesPreferencesWindow, error_group);
  gtk_widget_class_bind_template_child (widget_class, SeancesPreferencesWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, SeancesPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesPreferencesWindow, practitioner_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesPreferencesWindow, address_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesPreferencesWindow, phone_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesPreferencesWindow, email_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesPreferencesWindow, booking_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesPreferencesWindow, video_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesPreferencesWindow, vocabulary_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesPreferencesWindow, field_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesPreferencesWindow, time_zone_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesPreferencesWindow, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, SeancesPreferencesWindow, buffer_spin);
  gtk_widget_class_bind_template_child (widget_class, SeancesPreferencesWindow, fee_spin);
  gtk_widget_class_bind_template_child (widget_class, SeancesPreferencesWindow, opening_spin);
  gtk_widget_class_bind_template_child (widget_class, SeancesPreferencesWindow, closing_spin);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
}

static void
seances_preferences_window_init (SeancesPreferencesWindow *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    gtk_string_list_append (labels, _(fields[i].label));
  adw_combo_row_set_model (self->field_row, G_LIST_MODEL (labels));
}

SeancesPreferencesWindow *
seances_preferences_window_new (SeancesContext         *context,
                                SeancesBackupScheduler *scheduler)
{
  SeancesPreferencesWindow *self;

  g_return_val_if_fail (SEANCES_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (SEANCES_IS_BACKUP_SCHEDULER (scheduler), NULL);

  self = g_object_new (SEANCES_TYPE_PREFERENCES_WINDOW, NULL);
  self->context = g_object_ref (context);
  load (self);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (seances_data_page_new (context, scheduler)));
  return self;
}

/* Opens on « Données », where the backups are. */
void
seances_preferences_window_show_data (SeancesPreferencesWindow *self)
{
  g_return_if_fail (SEANCES_IS_PREFERENCES_WINDOW (self));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (self), "data");
}
