/* seances-agenda-view.c — the week (or day) of sessions
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "seances-agenda-view.h"

#include <glib/gi18n.h>

#include "review/seances-review-labels.h"
#include "seances-appointment-editor.h"
#include "seances-cancel-dialog.h"
#include "seances-session-block.h"
#include "seances-time.h"
#include "seances-week-grid.h"

struct _SeancesAgendaView
{
  AdwBin           parent_instance;

  AdwToastOverlay *toasts;
  GtkButton       *previous_button;
  GtkButton       *next_button;
  GtkMenuButton   *date_button;
  GtkPopover      *date_popover;
  GtkCalendar     *calendar;
  GtkToggleButton *week_toggle;
  GtkToggleButton *day_toggle;
  GtkBox          *header_box;
  GtkScrolledWindow *scroller;
  SeancesWeekGrid *grid;

  SeancesContext  *context;
  GSignalGroup    *context_signals;
  GSignalGroup    *store_signals;
  GDateTime       *day;        /* local midnight of the day the user looks at */
  GPtrArray       *shown;      /* the sessions on screen */
  GPtrArray       *pool;       /* SeancesSessionBlock, reused */
  SeancesDecisionUndo *undo;   /* the last cancellation, for « Annuler » */
  AdwToast        *toast;      /* its toast, while shown */
  GtkWidget       *day_labels[7];
  double           focus_start; /* the hours to bring into view: today's sessions, or the */
  double           focus_end;   /* week's; -1 when there is none */
  gboolean         scroll_pending;
};

G_DEFINE_FINAL_TYPE (SeancesAgendaView, seances_agenda_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CLIENT_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_week (SeancesAgendaView *self)
{
  return gtk_toggle_button_get_active (self->week_toggle);
}

static GDateTime *
first_shown_day (SeancesAgendaView *self)
{
  if (!is_week (self))
    return g_date_time_ref (self->day);
  return g_date_time_add_days (self->day, 1 - g_date_time_get_day_of_week (self->day));
}

static const char *
client_name (SeancesAgendaView  *self,
             SeancesAppointment *appointment)
{
  SeancesClient *client = seances_client_store_lookup (seances_context_get_clients (self->context),
                                                       seances_appointment_get_client_id (appointment));

  return client != NULL ? seances_client_get_display_name (client) : "";
}

/* Blocks are kept and reused from week to week: making forty anew at every switch
 * cost most of the time a week switch took (build-aux/bench). */
static SeancesSessionBlock *
take_block (SeancesAgendaView *self,
            guint              index)
{
  GtkWidget *block;

  if (index < self->pool->len)
    return g_ptr_array_index (self->pool, index);

  block = seances_session_block_new (self->context);
  g_ptr_array_add (self->pool, g_object_ref_sink (block));
  return SEANCES_SESSION_BLOCK (block);
}

static void
update_header (SeancesAgendaView *self,
               GDateTime         *first,
               int                n_days,
               int                today_index)
{
  g_autoptr(GDateTime) last = g_date_time_add_days (first, n_days - 1);
  g_autofree char *range = NULL;

  for (int i = 0; i < (int) G_N_ELEMENTS (self->day_labels); i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (first, i);
      /* Translators: a day's column in the week view, e.g. « lun. 23 »; in the day view « lundi 23 novembre » */
      g_autofree char *text = g_date_time_format (day, n_days > 1 ? _("%a %-d") : _("%A %-d %B"));
      GtkWidget *label = self->day_labels[i];

      gtk_widget_set_visible (label, i < n_days);
      gtk_label_set_text (GTK_LABEL (label), text);
      if (i == today_index)
        {
          gtk_widget_add_css_class (label, "today");
          gtk_widget_remove_css_class (label, "dim-label");
        }
      else
        {
          gtk_widget_add_css_class (label, "dim-label");
          gtk_widget_remove_css_class (label, "today");
        }
    }

  if (n_days == 1)
    /* Translators: the day shown, e.g. « mardi 24 novembre 2026 » */
    range = g_date_time_format (first, _("%A %-d %B %Y"));
  else if (g_date_time_get_month (first) == g_date_time_get_month (last))
    {
      g_autofree char *end = g_date_time_format (last, _("%-d %B %Y"));
      /* Translators: a week within one month, e.g. « 23 – 29 novembre 2026 » */
      range = g_strdup_printf (_("%d – %s"), g_date_time_get_day_of_month (first), end);
    }
  else
    {
      g_autofree char *start = g_date_time_format (first, _("%-d %B"));
      g_autofree char *end = g_date_time_format (last, _("%-d %B %Y"));
      /* Translators: a week across two months, e.g. « 30 novembre – 6 décembre 2026 » */
      range = g_strdup_printf (_("%s – %s"), start, end);
    }
  gtk_menu_button_set_label (self->date_button, range);
}

/* Days are counted on the calendar, not in hours: a DST day lasts 23 or 25 hours. */
static gint64
day_number (GDateTime *local)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  return g_date_get_julian (&date);
}

static void
refresh (SeancesAgendaView *self)
{
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) after = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  SeancesPractice *practice;
  GTimeZone *tz;
  int n_days, today_index = -1;
  guint n = 0;
  gboolean has_today = FALSE;  /* today's sessions are the ones to bring into view */
  double now_hour;

  if (self->context == NULL || self->day == NULL)
    return;

  tz = seances_context_get_time_zone (self->context);
  practice = seances_context_get_practice (self->context);
  n_days = is_week (self) ? 7 : 1;
  first = first_shown_day (self);
  after = g_date_time_add_days (first, n_days);
  now = seances_time_to_local (tz, seances_context_get_now (self->context));
  now_hour = g_date_time_get_hour (now) + g_date_time_get_minute (now) / 60.0;

  for (int i = 0; i < n_days; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (first, i);

      if (g_date_time_get_year (day) == g_date_time_get_year (now) &&
          g_date_time_get_day_of_year (day) == g_date_time_get_day_of_year (now))
        today_index = i;
    }

  g_clear_pointer (&self->shown, g_ptr_array_unref);
  self->shown = seances_appointment_store_list_range (seances_context_get_appointments (self->context),
                                                      g_date_time_to_unix (first),
                                                      g_date_time_to_unix (after), &error);
  if (self->shown == NULL)
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      self->shown = g_ptr_array_new ();
    }

  self->focus_start = self->focus_end = -1;
  seances_week_grid_clear_blocks (self->grid);
  if (practice != NULL)
    seances_week_grid_set_hours (self->grid, seances_practice_get_opening_hour (practice),
                                 seances_practice_get_closing_hour (practice));
  seances_week_grid_set_days (self->grid, first, n_days, today_index, now_hour);

  for (guint i = 0; i < self->shown->len; i++)
    {
      SeancesAppointment *appointment = g_ptr_array_index (self->shown, i);
      g_autoptr(GDateTime) start = NULL;
      g_autoptr(GDateTime) end = NULL;
      SeancesSessionBlock *block;
      gint64 offset;
      double start_hour, end_hour;

      if (!seances_appointment_is_in_agenda (appointment))
        continue;

      start = seances_time_to_local (tz, seances_appointment_get_start (appointment));
      end = seances_time_to_local (tz, seances_appointment_get_end (appointment));
      offset = day_number (start) - day_number (first);
      start_hour = g_date_time_get_hour (start) + g_date_time_get_minute (start) / 60.0;
      end_hour = start_hour + g_date_time_difference (end, start) / (double) G_TIME_SPAN_HOUR;
      block = take_block (self, n++);
      seances_session_block_set_appointment (block, appointment);
      seances_week_grid_add_block (self->grid, GTK_WIDGET (block), (int) offset, start_hour, MIN (end_hour, 24.0));
      if (offset == today_index || !has_today)
        {
          if (offset == today_index && !has_today)
            self->focus_start = self->focus_end = -1;
          has_today = has_today || offset == today_index;
          self->focus_start = self->focus_start < 0 ? start_hour : MIN (self->focus_start, start_hour);
          self->focus_end = MAX (self->focus_end, MIN (end_hour, 24.0));
        }
    }
  /* The blocks left over let go of the sessions they showed. */
  for (guint i = n; i < self->pool->len; i++)
    seances_session_block_set_appointment (g_ptr_array_index (self->pool, i), NULL);

  update_header (self, first, n_days, today_index);
}

static void scroll_to_sessions (SeancesAgendaView *self);

static void
set_day (SeancesAgendaView *self,
         GDateTime         *day)
{
  GTimeZone *tz = seances_context_get_time_zone (self->context);

  g_clear_pointer (&self->day, g_date_time_unref);
  self->day = g_date_time_new (tz, g_date_time_get_year (day), g_date_time_get_month (day),
                               g_date_time_get_day_of_month (day), 0, 0, 0);
  /* « Go to a date » opens on the day shown: the month arrows start from there. */
  gtk_calendar_select_day (self->calendar, self->day);
  refresh (self);
  self->scroll_pending = TRUE;
  scroll_to_sessions (self);
}

static void
previous_clicked_cb (SeancesAgendaView *self)
{
  seances_agenda_view_move (self, -1);
}

static void
next_clicked_cb (SeancesAgendaView *self)
{
  seances_agenda_view_move (self, 1);
}

static void
today_clicked_cb (SeancesAgendaView *self)
{
  seances_agenda_view_show_today (self);
}

static void
mode_toggled_cb (SeancesAgendaView *self)
{
  gboolean week = is_week (self);

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->previous_button), week ? _("Previous Week") : _("Previous Day"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->next_button), week ? _("Next Week") : _("Next Day"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->previous_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  week ? _("Previous Week") : _("Previous Day"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->next_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  week ? _("Next Week") : _("Next Day"), -1);
  refresh (self);
}

static void
day_selected_cb (SeancesAgendaView *self)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (self->calendar);

  gtk_popover_popdown (self->date_popover);
  if (self->context != NULL && (self->day == NULL || day_number (picked) != day_number (self->day)))
    set_day (self, picked);
}

static void
editor_saved_cb (SeancesAgendaView *self,
                 gint64             start)
{
  g_autoptr(GDateTime) local = seances_time_to_local (seances_context_get_time_zone (self->context), start);

  set_day (self, local);
}

static void
present_editor (SeancesAgendaView        *self,
                SeancesAppointmentEditor *editor)
{
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
slot_activated_cb (SeancesAgendaView *self,
                   int                year,
                   int                month,
                   int                day,
                   int                hour,
                   int                minute)
{
  SeancesAppointmentEditor *editor;

  if (self->context == NULL)
    return;
  editor = seances_appointment_editor_new_booking (self->context);
  seances_appointment_editor_set_start (editor, year, month, day, hour, minute);
  present_editor (self, editor);
}

/* The session @id among those shown: the popovers' buttons name it so. NULL when it is
 * no longer in the days shown (the store changed meanwhile). */
static SeancesAppointment *
find_shown (SeancesAgendaView *self,
            gint64             id)
{
  for (guint i = 0; self->shown != NULL && i < self->shown->len; i++)
    {
      SeancesAppointment *appointment = g_ptr_array_index (self->shown, i);

      if (seances_appointment_get_id (appointment) == id)
        return appointment;
    }
  g_debug ("Session %" G_GINT64_FORMAT " is no longer among those shown", id);
  return NULL;
}

static void
toast_dismissed_cb (SeancesAgendaView *self,
                    AdwToast          *toast)
{
  if (toast == self->toast)
    g_clear_object (&self->toast);
}

/* A toast that says what was recorded, with « Annuler » to take it back. */
static void
show_undoable (SeancesAgendaView *self,
               const char        *title)
{
  g_autofree char *markup = g_markup_escape_text (title, -1);
  AdwToast *toast = adw_toast_new (markup);

  if (self->toast != NULL)
    adw_toast_dismiss (self->toast);
  adw_toast_set_button_label (toast, _("Undo"));
  adw_toast_set_action_name (toast, "session.undo");
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), self, G_CONNECT_SWAPPED);
  self->toast = g_object_ref (toast);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static void
cancel_response_cb (SeancesCancelDialog *dialog,
                    const char          *response,
                    SeancesAgendaView   *self)
{
  SeancesAppointment *appointment = seances_cancel_dialog_get_appointment (dialog);
  SeancesPolicyDecision decision;
  g_autoptr(SeancesDecisionUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *title = NULL;

  if (g_strcmp0 (response, "cancel-session") != 0 || self->context == NULL)
    return;

  seances_cancel_dialog_get_decision (dialog, &decision);
  undo = seances_decisions_commit (seances_context_get_decisions (self->context), appointment, &decision,
                                   seances_cancel_dialog_get_notified_at (dialog), &error);
  if (undo == NULL)
    {
      g_autofree char *markup = g_markup_escape_text (error->message, -1);

      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (markup));
      return;
    }
  g_clear_pointer (&self->undo, seances_decision_undo_unref);
  self->undo = g_steal_pointer (&undo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.undo", TRUE);

  summary = seances_decision_summary (&decision);
  /* Translators: the person, then what was decided: « Hélène Martin : annulation tardive, 60,00 € à régler » */
  title = g_strdup_printf (_("%s: %s"), client_name (self, appointment), summary);
  show_undoable (self, title);
}

/* « Annuler la séance… »: who cancelled and when, and the policy's verdict, first. */
static void
session_cancel_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SeancesAgendaView *self = SEANCES_AGENDA_VIEW (widget);
  SeancesAppointment *appointment = find_shown (self, g_variant_get_int64 (parameter));
  SeancesCancelDialog *dialog;

  if (appointment == NULL || !seances_appointment_can_cancel (appointment, seances_context_get_now (self->context)))
    return;

  dialog = seances_cancel_dialog_new (self->context, appointment);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (widget)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (cancel_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* « Annuler » on the toast: the cancellation is taken back, the session booked again. */
static void
session_undo_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SeancesAgendaView *self = SEANCES_AGENDA_VIEW (widget);
  g_autoptr(SeancesDecisionUndo) undo = g_steal_pointer (&self->undo);
  g_autoptr(GError) error = NULL;

  gtk_widget_action_set_enabled (widget, "session.undo", FALSE);
  if (self->toast != NULL)
    adw_toast_dismiss (self->toast);
  if (undo == NULL)
    return;
  if (!seances_decisions_undo (seances_context_get_decisions (self->context), undo, &error))
    {
      g_autofree char *markup = g_markup_escape_text (error->message, -1);

      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (markup));
      return;
    }
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Session booked again")));
}

static void
session_move_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SeancesAgendaView *self = SEANCES_AGENDA_VIEW (widget);
  SeancesAppointment *appointment = find_shown (self, g_variant_get_int64 (parameter));

  if (appointment == NULL || !seances_appointment_can_move (appointment, seances_context_get_now (self->context)))
    return;
  present_editor (self, seances_appointment_editor_new_move (self->context, appointment));
}

static void
session_open_client_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SeancesAgendaView *self = SEANCES_AGENDA_VIEW (widget);
  SeancesAppointment *appointment = find_shown (self, g_variant_get_int64 (parameter));

  if (appointment != NULL)
    g_signal_emit (self, signals[CLIENT_REQUESTED], 0, seances_appointment_get_client_id (appointment));
}

static void
appointments_changed_cb (SeancesAgendaView *self)
{
  refresh (self);
}

static void
practice_changed_cb (SeancesAgendaView *self)
{
  refresh (self);
}

/* A week shown opens on the working hours, moved just enough to show the sessions of
 * the day (or of the week, when today is not in it), keeping the first one in sight.
 * It waits for the grid's new height: the adjustment would clamp the value to the old. */
static void
scroll_to_sessions (SeancesAgendaView *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double page = gtk_adjustment_get_page_size (adjustment);
  double margin = seances_week_grid_get_hour_top (self->grid, 1) - seances_week_grid_get_hour_top (self->grid, 0.5);
  SeancesPractice *practice;
  double target;
  int height;

  if (!self->scroll_pending || page <= 0 || self->context == NULL)
    return;
  practice = seances_context_get_practice (self->context);
  gtk_widget_measure (GTK_WIDGET (self->grid), GTK_ORIENTATION_VERTICAL, -1, NULL, &height, NULL, NULL);
  if (gtk_adjustment_get_upper (adjustment) < height)
    return;

  target = practice != NULL ? seances_week_grid_get_hour_top (self->grid, seances_practice_get_opening_hour (practice))
                            : 0;
  if (self->focus_end >= 0)
    {
      double first = seances_week_grid_get_hour_top (self->grid, self->focus_start) - margin;
      double last = seances_week_grid_get_hour_top (self->grid, self->focus_end) + margin;

      if (last > target + page)
        target = last - page;
      if (first < target)
        target = first;
    }
  self->scroll_pending = FALSE;
  gtk_adjustment_set_value (adjustment, CLAMP (target, 0, MAX (height - page, 0)));
}

static void
scroll_changed_cb (SeancesAgendaView *self)
{
  scroll_to_sessions (self);
}

/* Coming back from the people's files: a name may have changed there. Watching the
 * client list itself would redraw the week at every keystroke of its search. */
static void
seances_agenda_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (seances_agenda_view_parent_class)->map (widget);
  refresh (SEANCES_AGENDA_VIEW (widget));
}

static void
seances_agenda_view_constructed (GObject *object)
{
  SeancesAgendaView *self = (SeancesAgendaView *)object;

  G_OBJECT_CLASS (seances_agenda_view_parent_class)->constructed (object);

  g_return_if_fail (SEANCES_IS_CONTEXT (self->context));
  g_signal_group_set_target (self->context_signals, self->context);
  g_signal_group_set_target (self->store_signals, seances_context_get_appointments (self->context));
  seances_agenda_view_show_today (self);
}

/* Letting go of the context disconnects from it and its store at once (a signal group
 * disconnects from its target when it goes), even while something still holds the view. */
static void
seances_agenda_view_dispose (GObject *object)
{
  SeancesAgendaView *self = (SeancesAgendaView *)object;

  g_clear_object (&self->context_signals);
  g_clear_object (&self->store_signals);
  g_clear_object (&self->context);
  g_clear_pointer (&self->day, g_date_time_unref);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_pointer (&self->pool, g_ptr_array_unref);
  g_clear_pointer (&self->undo, seances_decision_undo_unref);
  g_clear_object (&self->toast);
  /* libadwaita 1.2 complains when a bin's bound child is disposed behind its back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SEANCES_TYPE_AGENDA_VIEW);
  G_OBJECT_CLASS (seances_agenda_view_parent_class)->dispose (object);
}

static void
seances_agenda_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SeancesAgendaView *self = SEANCES_AGENDA_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
seances_agenda_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SeancesAgendaView *self = SEANCES_AGENDA_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
seances_agenda_view_class_init (SeancesAgendaViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = seances_agenda_view_constructed;
  object_class->dispose = seances_agenda_view_dispose;
  object_class->get_property = seances_agenda_view_get_property;
  object_class->set_property = seances_agenda_view_set_property;
  widget_class->map = seances_agenda_view_map;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SEANCES_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* a client id: « Voir la fiche » from a session */
  signals[CLIENT_REQUESTED] =
    g_signal_new ("client-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (SEANCES_TYPE_WEEK_GRID);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/seances/Seances/agenda/seances-agenda-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SeancesAgendaView, toasts);
  gtk_widget_class_bind_template_child (widget_class, SeancesAgendaView, previous_button);
  gtk_widget_class_bind_template_child (widget_class, SeancesAgendaView, next_button);
  gtk_widget_class_bind_template_child (widget_class, SeancesAgendaView, date_button);
  gtk_widget_class_bind_template_child (widget_class, SeancesAgendaView, date_popover);
  gtk_widget_class_bind_template_child (widget_class, SeancesAgendaView, calendar);
  gtk_widget_class_bind_template_child (widget_class, SeancesAgendaView, week_toggle);
  gtk_widget_class_bind_template_child (widget_class, SeancesAgendaView, day_toggle);
  gtk_widget_class_bind_template_child (widget_class, SeancesAgendaView, header_box);
  gtk_widget_class_bind_template_child (widget_class, SeancesAgendaView, scroller);
  gtk_widget_class_bind_template_child (widget_class, SeancesAgendaView, grid);
  gtk_widget_class_bind_template_callback (widget_class, previous_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, today_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, mode_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, slot_activated_cb);

  /* The target is the session's id: the popover of its block on the grid. */
  gtk_widget_class_install_action (widget_class, "session.move", "x", session_move_cb);
  gtk_widget_class_install_action (widget_class, "session.cancel", "x", session_cancel_cb);
  gtk_widget_class_install_action (widget_class, "session.open-client", "x", session_open_client_cb);
  gtk_widget_class_install_action (widget_class, "session.undo", NULL, session_undo_cb);
}

static void
seances_agenda_view_init (SeancesAgendaView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->pool = g_ptr_array_new_with_free_func (g_object_unref);
  self->context_signals = g_signal_group_new (SEANCES_TYPE_CONTEXT);
  g_signal_group_connect_swapped (self->context_signals, "practice-changed", G_CALLBACK (practice_changed_cb), self);
  self->store_signals = g_signal_group_new (SEANCES_TYPE_APPOINTMENT_STORE);
  g_signal_group_connect_swapped (self->store_signals, "changed", G_CALLBACK (appointments_changed_cb), self);
  self->focus_start = self->focus_end = -1;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.undo", FALSE);
  seances_calendar_watch_picks (self->calendar, G_CALLBACK (day_selected_cb), self);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "changed",
                           G_CALLBACK (scroll_changed_cb), self, G_CONNECT_SWAPPED);
  for (guint i = 0; i < G_N_ELEMENTS (self->day_labels); i++)
    {
      self->day_labels[i] = gtk_label_new (NULL);
      gtk_widget_add_css_class (self->day_labels[i], "heading");
      gtk_box_append (self->header_box, self->day_labels[i]);
    }
  mode_toggled_cb (self);
}

SeancesAgendaView *
seances_agenda_view_new (SeancesContext *context)
{
  g_return_val_if_fail (SEANCES_IS_CONTEXT (context), NULL);

  return g_object_new (SEANCES_TYPE_AGENDA_VIEW, "context", context, NULL);
}

void
seances_agenda_view_show_date (SeancesAgendaView *self,
                               int                year,
                               int                month,
                               int                day)
{
  g_autoptr(GDateTime) date = NULL;

  g_return_if_fail (SEANCES_IS_AGENDA_VIEW (self));
  g_return_if_fail (self->context != NULL);

  date = g_date_time_new (seances_context_get_time_zone (self->context), year, month, day, 0, 0, 0);
  set_day (self, date);
}

/* One week (or day) forward with @direction 1, back with -1. */
void
seances_agenda_view_move (SeancesAgendaView *self,
                          int                direction)
{
  g_autoptr(GDateTime) day = NULL;

  g_return_if_fail (SEANCES_IS_AGENDA_VIEW (self));
  if (self->day == NULL)
    return;

  day = g_date_time_add_days (self->day, direction * (is_week (self) ? 7 : 1));
  set_day (self, day);
}

void
seances_agenda_view_show_today (SeancesAgendaView *self)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (SEANCES_IS_AGENDA_VIEW (self));
  if (self->context == NULL)
    return;

  now = seances_time_to_local (seances_context_get_time_zone (self->context),
                               seances_context_get_now (self->context));
  set_day (self, now);
}

/* Booking while another week is shown is booking in that week: the same weekday as
 * today there (or the day shown), at the hour the editor proposes for today. */
static void
propose_shown_days (SeancesAgendaView        *self,
                    SeancesAppointmentEditor *editor)
{
  GTimeZone *tz = seances_context_get_time_zone (self->context);
  g_autoptr(GDateTime) now = seances_time_to_local (tz, seances_context_get_now (self->context));
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) day = NULL;
  gint64 offset;

  if (self->day == NULL)
    return;
  first = first_shown_day (self);
  offset = day_number (now) - day_number (first);
  if (offset >= 0 && offset < (is_week (self) ? 7 : 1))
    return;

  day = is_week (self) ? g_date_time_add_days (first, g_date_time_get_day_of_week (now) - 1)
                       : g_date_time_ref (first);
  seances_appointment_editor_set_start (editor, g_date_time_get_year (day), g_date_time_get_month (day),
                                        g_date_time_get_day_of_month (day),
                                        MIN (g_date_time_get_hour (now) + 1, 23), 0);
}

/* Opens the booking dialog, for @client when given (from a client's file). */
void
seances_agenda_view_new_session (SeancesAgendaView *self,
                                 SeancesClient     *client)
{
  SeancesAppointmentEditor *editor;

  g_return_if_fail (SEANCES_IS_AGENDA_VIEW (self));
  if (self->context == NULL)
    return;

  editor = seances_appointment_editor_new_booking (self->context);
  /* From a client's page the week shown is out of sight: today stays the guess. */
  if (client != NULL)
    seances_appointment_editor_set_client (editor, client);
  else
    propose_shown_days (self, editor);
  present_editor (self, editor);
}
