/* seances-appointment-editor.c — booking a session, or a series, or moving one
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "seances-appointment-editor.h"

#include <glib/gi18n.h>

#include "seances-format.h"
#include "seances-time.h"

#define MAX_MATCHES 6

struct _SeancesAppointmentEditor
{
  AdwWindow             parent_instance;

  AdwWindowTitle       *window_title;
  GtkButton            *save_button;
  AdwPreferencesGroup  *client_group;
  AdwEntryRow          *client_row;
  GtkLabel             *flag_label;
  GtkListBox           *matches_list;
  GtkMenuButton        *date_button;
  GtkPopover           *date_popover;
  GtkCalendar          *calendar;
  AdwEntryRow          *time_row;
  GtkLabel             *time_error_label;
  GtkLabel             *past_label;
  GtkSpinButton        *duration_spin;
  AdwComboRow          *place_row;
  GtkSpinButton        *fee_spin;
  AdwPreferencesGroup  *repeat_group;
  AdwComboRow          *repeat_row;
  AdwComboRow          *end_row;
  AdwActionRow         *count_row;
  GtkSpinButton        *count_spin;
  AdwActionRow         *until_row;
  GtkMenuButton        *until_button;
  GtkPopover           *until_popover;
  GtkCalendar          *until_calendar;
  GtkLabel             *error_label;

  SeancesContext       *context;
  SeancesClient        *client;       /* who the session is for */
  SeancesAppointment   *moving;       /* NULL when booking */
  GPtrArray            *matches;
  gboolean              picking;      /* the entry's text is being set by a pick */
  gboolean              needs_confirmation;  /* the person's sessions are to be confirmed */
  gboolean              confirmed;    /* the practitioner said to book them all the same */
};

G_DEFINE_FINAL_TYPE (SeancesAppointmentEditor, seances_appointment_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_APPOINTMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The rows of place_row, in the template's order. */
enum { PLACE_ROW_OFFICE, PLACE_ROW_VIDEO };

static guint
place_row_of (SeancesPlace place)
{
  switch (place)
    {
    case SEANCES_PLACE_OFFICE:
      return PLACE_ROW_OFFICE;
    case SEANCES_PLACE_VIDEO:
      return PLACE_ROW_VIDEO;
    default:
      g_return_val_if_reached (PLACE_ROW_OFFICE);
    }
}

static void
show_error (SeancesAppointmentEditor *self,
            const char               *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static gboolean
is_patient (SeancesAppointmentEditor *self)
{
  SeancesPractice *practice = seances_context_get_practice (self->context);

  return practice == NULL || seances_practice_get_vocabulary (practice) != SEANCES_VOCABULARY_CLIENT;
}

static void
update_date_label (GtkMenuButton *button,
                   GtkCalendar   *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  /* Translators: a date on a button, e.g. « mardi 24 novembre 2026 » */
  g_autofree char *text = g_date_time_format (date, _("%A %-d %B %Y"));

  gtk_menu_button_set_label (button, text);
}

/* Catching up on a forgotten session is allowed: the editor only says where it goes. */
static void
update_past (SeancesAppointmentEditor *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  int hour, minute;
  gint64 start;

  gtk_widget_set_visible (GTK_WIDGET (self->past_label),
                          seances_parse_clock (gtk_editable_get_text (GTK_EDITABLE (self->time_row)), &hour, &minute) &&
                          seances_time_from_local (seances_context_get_time_zone (self->context),
                                                   g_date_time_get_year (date), g_date_time_get_month (date),
                                                   g_date_time_get_day_of_month (date), hour, minute, &start, NULL) &&
                          start < seances_context_get_now (self->context));
}

/* « Confirmation requise » for the person chosen: their absences passed the policy's
 * threshold, so each session is to be confirmed with them, and booking asks first. */
static void
update_flag (SeancesAppointmentEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  self->confirmed = FALSE;
  self->needs_confirmation = self->client != NULL &&
                             seances_decisions_needs_confirmation (seances_context_get_decisions (self->context),
                                                                   seances_client_get_id (self->client), &error);
  if (error != NULL)
    g_debug ("Reading a client's absences failed: %s", error->message);
  if (self->needs_confirmation)
    {
      /* Translators: %s is the person */
      text = g_strdup_printf (_("Confirmation required: %s missed several sessions lately; confirm each session "
                                "with them beforehand."),
                              seances_client_get_display_name (self->client));
      gtk_label_set_text (self->flag_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->flag_label), self->needs_confirmation);
}

static void
day_selected_cb (SeancesAppointmentEditor *self)
{
  gtk_popover_popdown (self->date_popover);
  update_date_label (self->date_button, self->calendar);
  update_past (self);
}

static void
until_selected_cb (SeancesAppointmentEditor *self)
{
  gtk_popover_popdown (self->until_popover);
  update_date_label (self->until_button, self->until_calendar);
}

static void
repeat_changed_cb (SeancesAppointmentEditor *self)
{
  gboolean repeats = adw_combo_row_get_selected (self->repeat_row) > 0;
  gboolean by_date = adw_combo_row_get_selected (self->end_row) == 1;

  gtk_widget_set_visible (GTK_WIDGET (self->end_row), repeats);
  gtk_widget_set_visible (GTK_WIDGET (self->count_row), repeats && !by_date);
  gtk_widget_set_visible (GTK_WIDGET (self->until_row), repeats && by_date);
}

static void
clear_matches (SeancesAppointmentEditor *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->matches_list))) != NULL)
    gtk_list_box_remove (self->matches_list, child);
  g_clear_pointer (&self->matches, g_ptr_array_unref);
  gtk_widget_set_visible (GTK_WIDGET (self->matches_list), FALSE);
}

/* Typing part of a name (accents and case do not matter) lists the people it fits. */
static void
client_text_changed_cb (SeancesAppointmentEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->client_row));

  if (self->picking)
    return;

  g_clear_object (&self->client);
  update_flag (self);
  clear_matches (self);
  if (*text == '\0')
    return;

  self->matches = seances_client_store_search (seances_context_get_clients (self->context), text, MAX_MATCHES);
  for (guint i = 0; i < self->matches->len; i++)
    {
      SeancesClient *client = g_ptr_array_index (self->matches, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *phone = seances_phone_format (seances_client_get_phone (client));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), seances_client_get_display_name (client));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), *seances_client_get_email (client) != '\0'
                                                         ? seances_client_get_email (client) : phone);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->matches_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->matches_list), self->matches->len > 0);
}

static void
match_activated_cb (SeancesAppointmentEditor *self,
                    GtkListBoxRow            *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (self->matches == NULL || index < 0 || (guint) index >= self->matches->len)
    return;
  seances_appointment_editor_set_client (self, g_ptr_array_index (self->matches, index));
  gtk_widget_grab_focus (GTK_WIDGET (self->time_row));
}

static gboolean save (SeancesAppointmentEditor *self, gboolean allow_conflict);

static gboolean
book_confirmed_cb (gpointer data)
{
  SeancesAppointmentEditor *self = data;

  if (self->context != NULL)
    save (self, FALSE);
  return G_SOURCE_REMOVE;
}

/* As for a conflict, booking waits until the question is gone. */
static void
confirmation_response_cb (AdwMessageDialog         *dialog,
                          const char               *response,
                          SeancesAppointmentEditor *self)
{
  if (g_strcmp0 (response, "book") != 0)
    return;
  self->confirmed = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, book_confirmed_cb, g_object_ref (self), g_object_unref);
}

static void
ask_confirmation (SeancesAppointmentEditor *self)
{
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  /* Translators: %s is the person */
  body = g_strdup_printf (_("%s missed several sessions lately: each session is to be confirmed with them. "
                            "Book this one?"),
                          seances_client_get_display_name (self->client));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Confirmation Required"), body));
  adw_message_dialog_add_responses (dialog,
                                    "back", _("_Not Now"),
                                    "book", _("_Book Anyway"),
                                    NULL);
  adw_message_dialog_set_default_response (dialog, "back");
  adw_message_dialog_set_close_response (dialog, "back");
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirmation_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
book_anyway_cb (gpointer data)
{
  SeancesAppointmentEditor *self = data;

  if (self->context != NULL)
    save (self, TRUE);
  return G_SOURCE_REMOVE;
}

/* Booking closes this window, so it waits until the dialog is gone: a dialog still
 * answering when its parent goes away outlives it, and detaches from a freed window. */
static void
conflict_response_cb (AdwMessageDialog         *dialog,
                      const char               *response,
                      SeancesAppointmentEditor *self)
{
  if (g_strcmp0 (response, "book") == 0)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, book_anyway_cb, g_object_ref (self), g_object_unref);
}

/* The store never names people in its errors (they reach the log); the person at the
 * desk may see whose session is in the way. A series keeps the store's message: it
 * names the day of the conflict, weeks away maybe. */
static char *
describe_conflict (SeancesAppointmentEditor *self,
                   gint64                    start,
                   gint64                    end,
                   const char               *message)
{
  SeancesAppointmentStore *store = seances_context_get_appointments (self->context);
  g_autoptr(GPtrArray) overlapping = NULL;
  g_autoptr(GError) error = NULL;
  SeancesAppointment *other;
  SeancesClient *client;
  g_autofree char *hour = NULL;

  if (self->moving == NULL && adw_combo_row_get_selected (self->repeat_row) > 0)
    return g_strdup (message);
  overlapping = seances_appointment_store_find_conflicts (store, start, end, 0,
                                                          self->moving != NULL ? seances_appointment_get_id (self->moving) : 0,
                                                          &error);
  if (overlapping == NULL)
    {
      g_debug ("Listing the sessions in the way failed: %s", error->message);
      return g_strdup (message);
    }
  if (overlapping->len == 0)
    return g_strdup (message);

  other = g_ptr_array_index (overlapping, 0);
  client = seances_client_store_lookup (seances_context_get_clients (self->context),
                                        seances_appointment_get_client_id (other));
  if (client == NULL)
    return g_strdup (message);
  hour = seances_time_format_hour (seances_context_get_time_zone (self->context), seances_appointment_get_start (other));
  /* Translators: %s is a time, as in « 14 h 00 », then the person that session is for */
  return g_strdup_printf (_("This session overlaps the one at %s with %s."),
                          hour, seances_client_get_display_name (client));
}

static void
ask_about_conflict (SeancesAppointmentEditor *self,
                    const char               *message)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("This Time Is Taken"), message));
  adw_message_dialog_add_responses (dialog,
                                    "back", _("_Choose Another Time"),
                                    "book", _("_Book Anyway"),
                                    NULL);
  adw_message_dialog_set_default_response (dialog, "back");
  adw_message_dialog_set_close_response (dialog, "back");
  g_signal_connect_object (dialog, "response", G_CALLBACK (conflict_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_time_error (SeancesAppointmentEditor *self,
                 const char               *message)
{
  gtk_label_set_text (self->time_error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->time_error_label), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->time_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->time_row), "error");
}

static void
show_clock (SeancesAppointmentEditor *self,
            int                       hour,
            int                       minute)
{
  /* Translators: a time of day in a field, e.g. « 14 h 30 » */
  g_autofree char *clock = g_strdup_printf (_("%d h %02d"), hour, minute);

  if (g_strcmp0 (clock, gtk_editable_get_text (GTK_EDITABLE (self->time_row))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->time_row), clock);
}

/* Once read, a time shows as the app writes it (« 10h00 » becomes « 10 h 00 »), so
 * the person sees it was understood; one that cannot be read says so at its field. */
static gboolean
check_time (SeancesAppointmentEditor *self)
{
  int hour, minute;

  if (!seances_parse_clock (gtk_editable_get_text (GTK_EDITABLE (self->time_row)), &hour, &minute))
    {
      show_time_error (self, _("Type the start time as hours and minutes, for example 14 h 30."));
      return FALSE;
    }
  show_clock (self, hour, minute);
  show_time_error (self, NULL);
  return TRUE;
}

static void
time_left_cb (SeancesAppointmentEditor *self)
{
  /* The field is left, too, as the editor goes once saved: nothing is left to check. */
  if (self->context == NULL)
    return;
  check_time (self);
}

static void
time_activated_cb (SeancesAppointmentEditor *self)
{
  if (check_time (self))
    save (self, FALSE);
}

/* The error goes as soon as the time typed can be read, without waiting for the
 * field to be left. */
static void
time_changed_cb (SeancesAppointmentEditor *self)
{
  int hour, minute;

  if (gtk_widget_get_visible (GTK_WIDGET (self->time_error_label)) &&
      seances_parse_clock (gtk_editable_get_text (GTK_EDITABLE (self->time_row)), &hour, &minute))
    show_time_error (self, NULL);
  if (self->context != NULL)
    update_past (self);
}

/* The start typed, as UTC seconds; FALSE with the reason shown. */
static gboolean
read_start (SeancesAppointmentEditor *self,
            gint64                   *start)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autoptr(GError) error = NULL;
  int hour, minute;

  if (!check_time (self) ||
      !seances_parse_clock (gtk_editable_get_text (GTK_EDITABLE (self->time_row)), &hour, &minute))
    return FALSE;
  if (!seances_time_from_local (seances_context_get_time_zone (self->context),
                                g_date_time_get_year (date), g_date_time_get_month (date),
                                g_date_time_get_day_of_month (date), hour, minute, start, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
save (SeancesAppointmentEditor *self,
      gboolean                  allow_conflict)
{
  SeancesAppointmentStore *store = seances_context_get_appointments (self->context);
  g_autoptr(SeancesAppointment) draft = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start, end;
  gboolean done;

  show_error (self, NULL);
  if (self->client == NULL)
    {
      show_error (self, _("Choose who the session is for."));
      return FALSE;
    }
  if (!read_start (self, &start))
    return FALSE;
  end = start + gtk_spin_button_get_value_as_int (self->duration_spin) * 60;
  if (self->moving == NULL && self->needs_confirmation && !self->confirmed)
    {
      ask_confirmation (self);
      return FALSE;
    }

  if (self->moving != NULL)
    {
      g_autoptr(SeancesAppointment) moved = NULL;

      done = seances_appointment_store_move (store, self->moving, start, end, allow_conflict, &moved, &error);
    }
  else
    {
      guint repeat = adw_combo_row_get_selected (self->repeat_row);

      draft = seances_appointment_new (seances_client_get_id (self->client), start, end,
                                       adw_combo_row_get_selected (self->place_row) == PLACE_ROW_VIDEO
                                         ? SEANCES_PLACE_VIDEO : SEANCES_PLACE_OFFICE,
                                       (gint64) (gtk_spin_button_get_value (self->fee_spin) * 100 + 0.5));
      if (repeat == 0)
        done = seances_appointment_store_create (store, draft, allow_conflict, &error);
      else if (adw_combo_row_get_selected (self->end_row) == 0)
        done = seances_appointment_store_create_series (store, draft, (int) repeat,
                                                        gtk_spin_button_get_value_as_int (self->count_spin),
                                                        NULL, allow_conflict, NULL, &error);
      else
        {
          g_autoptr(GDateTime) last = gtk_calendar_get_date (self->until_calendar);
          GDate until;

          g_date_clear (&until, 1);
          g_date_set_dmy (&until, g_date_time_get_day_of_month (last), g_date_time_get_month (last),
                          g_date_time_get_year (last));
          done = seances_appointment_store_create_series (store, draft, (int) repeat, 0, &until,
                                                          allow_conflict, NULL, &error);
        }
    }

  if (g_error_matches (error, SEANCES_APPOINTMENT_ERROR, SEANCES_APPOINTMENT_ERROR_CONFLICT))
    {
      g_autofree char *message = describe_conflict (self, start, end, error->message);

      ask_about_conflict (self, message);
      return FALSE;
    }
  if (!done)
    {
      show_error (self, error->message);
      return FALSE;
    }

  g_signal_emit (self, signals[SAVED], 0, start);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
save_clicked_cb (SeancesAppointmentEditor *self)
{
  save (self, FALSE);
}

/* Moving keeps the history: the old slot is marked as moved and points to the new one.
 * Moving changes the time only: the person, the place and the fee go with the session. */
static void
set_up_move (SeancesAppointmentEditor *self)
{
  SeancesAppointment *appointment = self->moving;
  SeancesClient *client;
  g_autoptr(GDateTime) start = NULL;

  adw_window_title_set_title (self->window_title, _("Move the Session"));
  gtk_window_set_title (GTK_WINDOW (self), _("Move the Session"));
  gtk_button_set_label (self->save_button, _("Move"));

  client = seances_client_store_lookup (seances_context_get_clients (self->context),
                                        seances_appointment_get_client_id (appointment));
  if (client != NULL)
    seances_appointment_editor_set_client (self, client);
  gtk_widget_set_sensitive (GTK_WIDGET (self->client_row), FALSE);
  adw_preferences_group_set_description (self->client_group, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->repeat_group), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->place_row), FALSE);
  gtk_widget_set_sensitive (gtk_widget_get_ancestor (GTK_WIDGET (self->fee_spin), ADW_TYPE_ACTION_ROW), FALSE);
  adw_combo_row_set_selected (self->place_row, place_row_of (seances_appointment_get_place (appointment)));
  gtk_spin_button_set_value (self->fee_spin, seances_appointment_get_fee_cents (appointment) / 100.0);
  gtk_spin_button_set_value (self->duration_spin,
                             (seances_appointment_get_end (appointment) - seances_appointment_get_start (appointment)) / 60);

  start = seances_time_to_local (seances_context_get_time_zone (self->context), seances_appointment_get_start (appointment));
  seances_appointment_editor_set_start (self, g_date_time_get_year (start), g_date_time_get_month (start),
                                        g_date_time_get_day_of_month (start), g_date_time_get_hour (start),
                                        g_date_time_get_minute (start));
}

static void
seances_appointment_editor_constructed (GObject *object)
{
  SeancesAppointmentEditor *self = (SeancesAppointmentEditor *)object;
  SeancesPractice *practice;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) until = NULL;

  G_OBJECT_CLASS (seances_appointment_editor_parent_class)->constructed (object);

  g_return_if_fail (SEANCES_IS_CONTEXT (self->context));
  practice = seances_context_get_practice (self->context);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->client_row),
                                 is_patient (self) ? _("Patient") : _("Client"));
  adw_preferences_group_set_description (self->client_group,
                                         _("Type a few letters of the name, then pick the person."));
  if (practice != NULL)
    {
      gtk_spin_button_set_value (self->duration_spin, seances_practice_get_session_minutes (practice));
      gtk_spin_button_set_value (self->fee_spin, seances_practice_get_default_fee_cents (practice) / 100.0);
    }

  /* The next whole hour, today: a reasonable first guess to correct. */
  now = seances_time_to_local (seances_context_get_time_zone (self->context), seances_context_get_now (self->context));
  seances_appointment_editor_set_start (self, g_date_time_get_year (now), g_date_time_get_month (now),
                                        g_date_time_get_day_of_month (now),
                                        MIN (g_date_time_get_hour (now) + 1, 23), 0);
  until = g_date_time_add_months (now, 3);
  gtk_calendar_select_day (self->until_calendar, until);
  update_date_label (self->until_button, self->until_calendar);

  if (self->moving != NULL)
    set_up_move (self);
  else
    {
      adw_window_title_set_title (self->window_title, _("New Session"));
      gtk_window_set_title (GTK_WINDOW (self), _("New Session"));
    }
}

static void
seances_appointment_editor_dispose (GObject *object)
{
  SeancesAppointmentEditor *self = (SeancesAppointmentEditor *)object;

  g_clear_pointer (&self->matches, g_ptr_array_unref);
  g_clear_object (&self->client);
  g_clear_object (&self->moving);
  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), SEANCES_TYPE_APPOINTMENT_EDITOR);
  G_OBJECT_CLASS (seances_appointment_editor_parent_class)->dispose (object);
}

static void
seances_appointment_editor_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  SeancesAppointmentEditor *self = SEANCES_APPOINTMENT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_APPOINTMENT:
      g_value_set_object (value, self->moving);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
seances_appointment_editor_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  SeancesAppointmentEditor *self = SEANCES_APPOINTMENT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_APPOINTMENT:
      self->moving = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void save_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter);

static void
seances_appointment_editor_class_init (SeancesAppointmentEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = seances_appointment_editor_constructed;
  object_class->dispose = seances_appointment_editor_dispose;
  object_class->get_property = seances_appointment_editor_get_property;
  object_class->set_property = seances_appointment_editor_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SEANCES_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The session moved; NULL when booking. */
  properties[PROP_APPOINTMENT] =
    g_param_spec_object ("appointment", NULL, NULL, SEANCES_TYPE_APPOINTMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* the start of the (first) session saved, UTC seconds */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/seances/Seances/agenda/seances-appointment-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SeancesAppointmentEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, SeancesAppointmentEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, SeancesAppointmentEditor, client_group);
  gtk_widget_class_bind_template_child (widget_class, SeancesAppointmentEditor, client_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesAppointmentEditor, flag_label);
  gtk_widget_class_bind_template_child (widget_class, SeancesAppointmentEditor, matches_list);
  gtk_widget_class_bind_template_child (widget_class, SeancesAppointmentEditor, date_button);
  gtk_widget_class_bind_template_child (widget_class, SeancesAppointmentEditor, date_popover);
  gtk_widget_class_bind_template_child (widget_class, SeancesAppointmentEditor, calendar);
  gtk_widget_class_bind_template_child (widget_class, SeancesAppointmentEditor, time_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesAppointmentEditor, time_error_label);
  gtk_widget_class_bind_template_child (widget_class, SeancesAppointmentEditor, past_label);
  gtk_widget_class_bind_template_child (widget_class, SeancesAppointmentEditor, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, SeancesAppointmentEditor, place_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesAppointmentEditor, fee_spin);
  gtk_widget_class_bind_template_child (widget_class, SeancesAppointmentEditor, repeat_group);
  gtk_widget_class_bind_template_child (widget_class, SeancesAppointmentEditor, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesAppointmentEditor, end_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesAppointmentEditor, count_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesAppointmentEditor, count_spin);
  gtk_widget_class_bind_template_child (widget_class, SeancesAppointmentEditor, until_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesAppointmentEditor, until_button);
  gtk_widget_class_bind_template_child (widget_class, SeancesAppointmentEditor, until_popover);
  gtk_widget_class_bind_template_child (widget_class, SeancesAppointmentEditor, until_calendar);
  gtk_widget_class_bind_template_child (widget_class, SeancesAppointmentEditor, error_label);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, time_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, time_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, time_left_cb);
  gtk_widget_class_bind_template_callback (widget_class, client_text_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, match_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, until_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, repeat_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save (SEANCES_APPOINTMENT_EDITOR (widget), FALSE);
}

static void
seances_appointment_editor_init (SeancesAppointmentEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  seances_calendar_watch_picks (self->calendar, G_CALLBACK (day_selected_cb), self);
  seances_calendar_watch_picks (self->until_calendar, G_CALLBACK (until_selected_cb), self);
  repeat_changed_cb (self);
}

typedef struct
{
  GCallback  picked;
  GObject   *owner;
} CalendarWatch;

static gboolean
picked_idle_cb (gpointer data)
{
  CalendarWatch *watch = data;

  ((void (*) (GObject *)) watch->picked) (watch->owner);
  return G_SOURCE_REMOVE;
}

static void
calendar_watch_free (gpointer data)
{
  CalendarWatch *watch = data;

  g_object_unref (watch->owner);
  g_free (watch);
}

static void
calendar_pressed_cb (GtkGestureClick *gesture,
                     int              n_press,
                     double           x,
                     double           y,
                     CalendarWatch   *watch)
{
  GtkWidget *calendar = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkWidget *target = gtk_widget_pick (calendar, x, y, GTK_PICK_DEFAULT);
  CalendarWatch *later;

  if (target == NULL || !gtk_widget_has_css_class (target, "day-number"))
    return;
  /* After the calendar has taken the day: its own gesture comes after this one. */
  later = g_new0 (CalendarWatch, 1);
  later->picked = watch->picked;
  later->owner = g_object_ref (watch->owner);
  g_idle_add_full (G_PRIORITY_DEFAULT, picked_idle_cb, later, calendar_watch_free);
}

/* Calls @picked (@owner) when a day of @calendar is clicked, even the day already
 * selected: after the month arrows, the same day number of the new month is already
 * selected, and GtkCalendar emits no ::day-selected when it is clicked. */
void
seances_calendar_watch_picks (GtkCalendar *calendar,
                              GCallback    picked,
                              gpointer     owner)
{
  GtkGesture *click;
  CalendarWatch *watch;

  g_return_if_fail (GTK_IS_CALENDAR (calendar));
  g_return_if_fail (G_IS_OBJECT (owner));

  click = gtk_gesture_click_new ();
  watch = g_new0 (CalendarWatch, 1);
  watch->picked = picked;
  watch->owner = owner;  /* owns the calendar, so outlives the gesture */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_data (click, "pressed", G_CALLBACK (calendar_pressed_cb), watch, (GClosureNotify) (void (*) (void)) g_free, 0);
  gtk_widget_add_controller (GTK_WIDGET (calendar), GTK_EVENT_CONTROLLER (click));
}

SeancesAppointmentEditor *
seances_appointment_editor_new_booking (SeancesContext *context)
{
  g_return_val_if_fail (SEANCES_IS_CONTEXT (context), NULL);

  return g_object_new (SEANCES_TYPE_APPOINTMENT_EDITOR, "context", context, NULL);
}

SeancesAppointmentEditor *
seances_appointment_editor_new_move (SeancesContext     *context,
                                     SeancesAppointment *appointment)
{
  g_return_val_if_fail (SEANCES_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (SEANCES_IS_APPOINTMENT (appointment), NULL);

  return g_object_new (SEANCES_TYPE_APPOINTMENT_EDITOR, "context", context, "appointment", appointment, NULL);
}

void
seances_appointment_editor_set_client (SeancesAppointmentEditor *self,
                                       SeancesClient            *client)
{
  g_return_if_fail (SEANCES_IS_APPOINTMENT_EDITOR (self));
  g_return_if_fail (SEANCES_IS_CLIENT (client));

  g_set_object (&self->client, client);
  self->picking = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->client_row), seances_client_get_display_name (client));
  self->picking = FALSE;
  clear_matches (self);
  update_flag (self);
}

void
seances_appointment_editor_set_start (SeancesAppointmentEditor *self,
                                      int                       year,
                                      int                       month,
                                      int                       day,
                                      int                       hour,
                                      int                       minute)
{
  g_autoptr(GDateTime) date = NULL;

  g_return_if_fail (SEANCES_IS_APPOINTMENT_EDITOR (self));

  date = g_date_time_new_local (year, month, day, 12, 0, 0);
  gtk_calendar_select_day (self->calendar, date);
  update_date_label (self->date_button, self->calendar);
  show_clock (self, hour, minute);
  update_past (self);
}
