/* seances-preferences-window.c — the practice's settings
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Changes apply as they are typed, like every GNOME preferences window; a value that
 * cannot be kept (a half-typed e-mail address) is explained and not saved, and the
 * last good settings stay in force. The form edits a copy of the practice, which the
 * context saves and copies into its own. */
#include "config.h"

#include "seances-preferences-window.h"

#include <glib/gi18n.h>

#include "seances-data-page.h"
#include "seances-policy-page.h"
#include "seances-notifications-page.h"
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

  SeancesContext         *context;
  SeancesBackupScheduler *scheduler;
  SeancesPractice        *practice;  /* the copy the form edits */
  gboolean                loading;
};

G_DEFINE_FINAL_TYPE (SeancesPreferencesWindow, seances_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_SCHEDULER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static const char *
get_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
load (SeancesPreferencesWindow *self)
{
  SeancesPractice *practice = self->practice;
  g_autofree char *phone = seances_phone_format (seances_practice_get_phone (practice));

  self->loading = TRUE;
  set_text (self->name_row, seances_practice_get_name (practice));
  set_text (self->practitioner_row, seances_practice_get_practitioner (practice));
  set_text (self->address_row, seances_practice_get_address (practice));
  set_text (self->phone_row, phone);
  set_text (self->email_row, seances_practice_get_email (practice));
  set_text (self->booking_row, seances_practice_get_booking_link (practice));
  set_text (self->video_row, seances_practice_get_video_link (practice));
  for (guint i = 0; i < G_N_ELEMENTS (vocabularies); i++)
    if (vocabularies[i] == seances_practice_get_vocabulary (practice))
      adw_combo_row_set_selected (self->vocabulary_row, i);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i].field == seances_practice_get_field (practice))
      adw_combo_row_set_selected (self->field_row, i);
  seances_time_zones_setup_combo (self->time_zone_row, seances_practice_get_time_zone (practice));
  gtk_spin_button_set_value (self->duration_spin, seances_practice_get_session_minutes (practice));
  gtk_spin_button_set_value (self->buffer_spin, seances_practice_get_buffer_minutes (practice));
  gtk_spin_button_set_value (self->fee_spin, seances_practice_get_default_fee_cents (practice) / 100.0);
  gtk_spin_button_set_value (self->opening_spin, seances_practice_get_opening_hour (practice));
  gtk_spin_button_set_value (self->closing_spin, seances_practice_get_closing_hour (practice));
  self->loading = FALSE;
}

static void
changed_cb (SeancesPreferencesWindow *self)
{
  SeancesPractice *practice = self->practice;
  g_autoptr(GError) error = NULL;

  /* The template's rows say their first values before there is a copy to edit. */
  if (self->loading || practice == NULL)
    return;

  g_object_set (practice,
                "name", get_text (self->name_row),
                "practitioner", get_text (self->practitioner_row),
                "address", get_text (self->address_row),
                "phone", get_text (self->phone_row),
                "email", get_text (self->email_row),
                "booking-link", get_text (self->booking_row),
                "video-link", get_text (self->video_row),
                "vocabulary", vocabularies[MIN (adw_combo_row_get_selected (self->vocabulary_row),
                                                G_N_ELEMENTS (vocabularies) - 1)],
                "field", fields[MIN (adw_combo_row_get_selected (self->field_row), G_N_ELEMENTS (fields) - 1)].field,
                "time-zone", seances_time_zones_get_selected (self->time_zone_row),
                "session-minutes", gtk_spin_button_get_value_as_int (self->duration_spin),
                "buffer-minutes", gtk_spin_button_get_value_as_int (self->buffer_spin),
                "default-fee-cents", (gint64) (gtk_spin_button_get_value (self->fee_spin) * 100 + 0.5),
                "opening-hour", gtk_spin_button_get_value_as_int (self->opening_spin),
                "closing-hour", gtk_spin_button_get_value_as_int (self->closing_spin),
                NULL);

  if (!seances_context_save_practice (self->context, practice, &error))
    gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_group), error != NULL);
}

static void
seances_preferences_window_constructed (GObject *object)
{
  SeancesPreferencesWindow *self = (SeancesPreferencesWindow *)object;

  G_OBJECT_CLASS (seances_preferences_window_parent_class)->constructed (object);

  self->practice = seances_practice_copy (seances_context_get_practice (self->context));
  load (self);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (seances_policy_page_new (self->context)));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (seances_data_page_new (self->context, self->scheduler)));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (seances_notifications_page_new ()));
}

static void
seances_preferences_window_dispose (GObject *object)
{
  SeancesPreferencesWindow *self = (SeancesPreferencesWindow *)object;

  g_clear_object (&self->practice);
  g_clear_object (&self->scheduler);
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
seances_preferences_window_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  SeancesPreferencesWindow *self = SEANCES_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_SCHEDULER:
      g_value_set_object (value, self->scheduler);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
seances_preferences_window_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  SeancesPreferencesWindow *self = SEANCES_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_SCHEDULER:
      self->scheduler = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
seances_preferences_window_class_init (SeancesPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = seances_preferences_window_constructed;
  object_class->dispose = seances_preferences_window_dispose;
  object_class->get_property = seances_preferences_window_get_property;
  object_class->set_property = seances_preferences_window_set_property;
  widget_class->show = seances_preferences_window_show;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SEANCES_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCHEDULER] =
    g_param_spec_object ("scheduler", NULL, NULL, SEANCES_TYPE_BACKUP_SCHEDULER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

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
  g_return_val_if_fail (SEANCES_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (SEANCES_IS_BACKUP_SCHEDULER (scheduler), NULL);

  return g_object_new (SEANCES_TYPE_PREFERENCES_WINDOW, "context", context, "scheduler", scheduler, NULL);
}

/* Opens on « Données », where the backups are. */
void
seances_preferences_window_show_data (SeancesPreferencesWindow *self)
{
  g_return_if_fail (SEANCES_IS_PREFERENCES_WINDOW (self));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (self), "data");
}
