/* seances-review-view.c — « Aujourd'hui »: the day's sessions, and every past one to close
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Today's sessions in order, the next one marked, then every earlier session still
 * scheduled, a group per day. A session closes with the key written on its row (or its
 * button): held or cancelled in time at once, a late cancellation or an absence after
 * the policy's verdict is shown. Each decision's toast takes it back. The rows are made
 * again from the store whenever it changes, and the focus goes to the next session to
 * review, so that a whole day closes from the keyboard. */
#include "config.h"

#include "seances-review-view.h"

#include <glib/gi18n.h>

#include "agenda/seances-appointment-editor.h"
#include "seances-review-labels.h"
#include "seances-review-row.h"
#include "seances-time.h"
#include "seances-verdict-dialog.h"

/* With the real clock, sessions begin and end while the view is open: it looks again
 * this often. */
#define TICK_SECONDS 60

struct _SeancesReviewView
{
  AdwBin               parent_instance;

  AdwToastOverlay     *toasts;
  GtkStack            *stack;
  GtkBox              *days_box;

  SeancesContext      *context;
  GSignalGroup        *store_signals;
  GSignalGroup        *context_signals;
  GPtrArray           *rows;           /* SeancesReviewRow, in the order shown */
  guint                n_to_review;
  gint64               pending_focus;  /* the session to focus once the rows are made again */
  gint64               next_change;    /* when a row shown changes by the clock alone */
  guint                tick_source;
  SeancesDecisionUndo *undo;           /* the last decision, for « Annuler » */
  gint64               undo_id;        /* its session */
  AdwToast            *toast;          /* the last decision's toast, while shown */
};

G_DEFINE_FINAL_TYPE (SeancesReviewView, seances_review_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_N_TO_REVIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_error (SeancesReviewView *self,
            const char        *message)
{
  g_autofree char *markup = g_markup_escape_text (message, -1);

  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (markup));
}

static const char *
client_name (SeancesReviewView  *self,
             SeancesAppointment *appointment)
{
  SeancesClient *client = seances_client_store_lookup (seances_context_get_clients (self->context),
                                                       seances_appointment_get_client_id (appointment));

  return client != NULL ? seances_client_get_display_name (client) : "";
}

static void
recount (SeancesReviewView *self)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  if (!seances_appointment_store_count_to_review (seances_context_get_appointments (self->context),
                                                  seances_context_get_now (self->context), &n, &error))
    {
      g_debug ("Counting the sessions to review failed: %s", error->message);
      return;
    }
  if (n == self->n_to_review)
    return;
  self->n_to_review = n;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TO_REVIEW]);
}

static SeancesReviewRow *
find_row (SeancesReviewView *self,
          gint64             id)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      SeancesReviewRow *row = g_ptr_array_index (self->rows, i);

      if (seances_appointment_get_id (seances_review_row_get_appointment (row)) == id)
        return row;
    }
  g_debug ("Session %" G_GINT64_FORMAT " is no longer in the review", id);
  return NULL;
}

static SeancesReviewRow *
focused_row (SeancesReviewView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = focus != NULL ? gtk_widget_get_ancestor (focus, SEANCES_TYPE_REVIEW_ROW) : NULL;

  return row != NULL && gtk_widget_is_ancestor (row, GTK_WIDGET (self)) ? SEANCES_REVIEW_ROW (row) : NULL;
}

static gint64
row_id (SeancesReviewRow *row)
{
  return row != NULL ? seances_appointment_get_id (seances_review_row_get_appointment (row)) : 0;
}

static void
focus_row (SeancesReviewView *self,
           gint64             id)
{
  SeancesReviewRow *row = find_row (self, id);

  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* The session to go on with once the row at @index is closed: the next one still to
 * review, or the first one before it; 0 when none is left. */
static gint64
next_to_review (SeancesReviewView *self,
                guint              index)
{
  for (guint i = index + 1; i < self->rows->len; i++)
    if (seances_review_row_is_to_review (g_ptr_array_index (self->rows, i)))
      return row_id (g_ptr_array_index (self->rows, i));
  for (guint i = 0; i < index && i < self->rows->len; i++)
    if (seances_review_row_is_to_review (g_ptr_array_index (self->rows, i)))
      return row_id (g_ptr_array_index (self->rows, i));
  return 0;
}

/* « Lundi 23 novembre »: a day's title begins with a capital. */
static char *
day_title (GTimeZone *tz,
           gint64     day)
{
  g_autofree char *text = seances_time_format_day (tz, day);
  char first[8] = { 0 };

  g_unichar_to_utf8 (g_unichar_totitle (g_utf8_get_char (text)), first);
  return g_strconcat (first, g_utf8_next_char (text), NULL);
}

static AdwPreferencesGroup *
add_day (SeancesReviewView *self,
         gint64             day,
         gint64             today,
         gboolean           first_earlier)
{
  GTimeZone *tz = seances_context_get_time_zone (self->context);
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  g_autofree char *title = NULL;

  if (day == today)
    {
      g_autofree char *date = seances_time_format_day (tz, day);

      adw_preferences_group_set_title (group, _("Today"));
      adw_preferences_group_set_description (group, date);
    }
  else
    {
      title = day_title (tz, day);
      adw_preferences_group_set_title (group, title);
      if (first_earlier)
        adw_preferences_group_set_description (group, _("Still to review"));
    }
  gtk_box_append (self->days_box, GTK_WIDGET (group));
  return group;
}

/* Whether the client of @appointment, held, should be offered a next date: seen at a
 * rhythm, and with nothing booked after it. */
static gboolean
offers_next_date (SeancesReviewView  *self,
                  SeancesAppointment *appointment)
{
  SeancesClient *client = seances_client_store_lookup (seances_context_get_clients (self->context),
                                                       seances_appointment_get_client_id (appointment));
  g_autoptr(GError) error = NULL;
  gboolean booked = TRUE;

  if (client == NULL || seances_client_get_rhythm_weeks (client) <= 0 ||
      seances_appointment_get_status (appointment) != SEANCES_APPOINTMENT_STATUS_HONOURED)
    return FALSE;
  if (!seances_appointment_store_has_scheduled_after (seances_context_get_appointments (self->context),
                                                      seances_client_get_id (client),
                                                      seances_appointment_get_start (appointment),
                                                      &booked, &error))
    g_debug ("Looking for a next session failed: %s", error->message);
  return !booked;
}

/* « Confirmation requise », once per client shown. */
static gboolean
needs_confirmation (SeancesReviewView *self,
                    GHashTable        *flags,
                    gint64             client_id)
{
  gpointer known;
  g_autoptr(GError) error = NULL;
  gboolean flag;

  if (g_hash_table_lookup_extended (flags, &client_id, NULL, &known))
    return GPOINTER_TO_INT (known);
  flag = seances_decisions_needs_confirmation (seances_context_get_decisions (self->context), client_id, &error);
  if (error != NULL)
    g_debug ("Reading a client's absences failed: %s", error->message);
  g_hash_table_insert (flags, g_memdup2 (&client_id, sizeof client_id), GINT_TO_POINTER (flag));
  return flag;
}

static void
refresh (SeancesReviewView *self)
{
  SeancesAppointmentStore *store = seances_context_get_appointments (self->context);
  GTimeZone *tz = seances_context_get_time_zone (self->context);
  gint64 now = seances_context_get_now (self->context);
  gint64 today = seances_time_day_start (tz, now);
  gint64 keep = self->pending_focus != 0 ? self->pending_focus : row_id (focused_row (self));
  g_autoptr(GHashTable) flags = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;
  AdwPreferencesGroup *group = NULL;
  gint64 group_day = 0;
  gboolean earlier = FALSE;
  gboolean next_marked = FALSE;
  GtkWidget *child;

  self->pending_focus = 0;
  recount (self);
  sessions = seances_appointment_store_list_to_review (store, now, &error);
  if (sessions == NULL)
    {
      show_error (self, error->message);
      sessions = g_ptr_array_new_with_free_func (g_object_unref);
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->days_box))) != NULL)
    gtk_box_remove (self->days_box, child);
  g_ptr_array_set_size (self->rows, 0);
  self->next_change = seances_time_add_days_local (tz, today, 1);

  for (guint i = 0; i < sessions->len; i++)
    {
      SeancesAppointment *appointment = g_ptr_array_index (sessions, i);
      gint64 start = seances_appointment_get_start (appointment);
      gint64 day = seances_time_day_start (tz, start);
      gboolean scheduled = seances_appointment_get_status (appointment) == SEANCES_APPOINTMENT_STATUS_SCHEDULED;
      SeancesReviewRow *row;

      if (group == NULL || day != group_day)
        {
          group = add_day (self, day, today, day != today && !earlier);
          earlier = earlier || day != today;
          group_day = day;
        }
      row = SEANCES_REVIEW_ROW (seances_review_row_new (self->context, appointment));
      if (scheduled)
        {
          gint64 end = seances_appointment_get_end (appointment);

          seances_review_row_set_needs_confirmation (row, needs_confirmation (self, flags,
                                                                              seances_appointment_get_client_id (appointment)));
          if (!next_marked && day == today && start > now)
            {
              seances_review_row_set_next (row, TRUE);
              next_marked = TRUE;
            }
          if (start > now)
            self->next_change = MIN (self->next_change, start);
          else if (end > now)
            self->next_change = MIN (self->next_change, end);
        }
      else
        seances_review_row_set_next_date_offered (row, offers_next_date (self, appointment));
      adw_preferences_group_add (group, GTK_WIDGET (row));
      g_ptr_array_add (self->rows, row);
    }

  gtk_stack_set_visible_child_name (self->stack, self->rows->len > 0 ? "list" : "empty");
  if (keep != 0)
    focus_row (self, keep);
}

/* The first session still to review takes the focus, or else the first one shown. */
static void
focus_first (SeancesReviewView *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    if (seances_review_row_is_to_review (g_ptr_array_index (self->rows, i)))
      {
        gtk_widget_grab_focus (g_ptr_array_index (self->rows, i));
        return;
      }
  gtk_widget_grab_focus (g_ptr_array_index (self->rows, 0));
}

static void
toast_dismissed_cb (SeancesReviewView *self,
                    AdwToast          *toast)
{
  if (toast == self->toast)
    g_clear_object (&self->toast);
}

static void
show_toast (SeancesReviewView *self,
            const char        *title,
            gboolean           undoable)
{
  g_autofree char *markup = g_markup_escape_text (title, -1);
  AdwToast *toast = adw_toast_new (markup);

  /* Only the last decision can be taken back from a toast: the one before goes. */
  if (self->toast != NULL)
    adw_toast_dismiss (self->toast);
  if (undoable)
    {
      adw_toast_set_button_label (toast, _("Undo"));
      adw_toast_set_action_name (toast, "review.undo");
      g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), self, G_CONNECT_SWAPPED);
      self->toast = g_object_ref (toast);
    }
  adw_toast_overlay_add_toast (self->toasts, toast);
}

/* Records @decision for @appointment and goes on to the next session to review. */
static void
commit (SeancesReviewView           *self,
        SeancesAppointment          *appointment,
        const SeancesPolicyDecision *decision,
        gint64                       notified_at)
{
  /* The row, and the session it holds, go when the rows are made again. */
  g_autoptr(SeancesAppointment) held = g_object_ref (appointment);
  SeancesReviewRow *row = find_row (self, seances_appointment_get_id (appointment));
  g_autoptr(SeancesDecisionUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *title = NULL;
  guint index = 0;
  gint64 next;

  if (row == NULL || !g_ptr_array_find (self->rows, row, &index))
    index = 0;
  next = next_to_review (self, index);
  /* The rows are made again as the store changes, inside the commit. */
  self->pending_focus = next != 0 ? next : seances_appointment_get_id (appointment);
  undo = seances_decisions_commit (seances_context_get_decisions (self->context), appointment, decision,
                                   notified_at, &error);
  if (undo == NULL)
    {
      self->pending_focus = 0;
      show_error (self, error->message);
      return;
    }
  if (self->pending_focus != 0)
    {
      focus_row (self, self->pending_focus);
      self->pending_focus = 0;
    }

  g_clear_pointer (&self->undo, seances_decision_undo_unref);
  self->undo = g_steal_pointer (&undo);
  self->undo_id = seances_appointment_get_id (appointment);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.undo", TRUE);

  summary = seances_decision_summary (decision);
  /* Translators: the person, then what was decided: « Hélène Martin : absence, 60,00 € à régler » */
  title = g_strdup_printf (_("%s: %s"), client_name (self, appointment), summary);
  show_toast (self, title, TRUE);
}

static void
verdict_response_cb (SeancesVerdictDialog *dialog,
                     const char           *response,
                     SeancesReviewView    *self)
{
  SeancesPolicyDecision decision;

  if (g_strcmp0 (response, "confirm") != 0 || self->context == NULL)
    return;
  seances_verdict_dialog_get_decision (dialog, &decision);
  commit (self, seances_verdict_dialog_get_appointment (dialog), &decision,
          seances_verdict_dialog_get_notified_at (dialog));
}

static void
open_verdict (SeancesReviewView    *self,
              SeancesAppointment   *appointment,
              SeancesPolicyOutcome  outcome,
              gboolean              force_majeure,
              gint64                notified_at)
{
  SeancesVerdictDialog *dialog = seances_verdict_dialog_new (self->context, appointment);
  g_autoptr(GError) error = NULL;

  g_object_ref_sink (dialog);
  if (!seances_verdict_dialog_propose (dialog, outcome, force_majeure, notified_at, &error))
    {
      show_error (self, error->message);
      gtk_window_destroy (GTK_WINDOW (dialog));
      g_object_unref (dialog);
      return;
    }
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  g_signal_connect_object (dialog, "response", G_CALLBACK (verdict_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

/* The last instant a client could let the practice know in time: what « annulée dans
 * les délais » records when nobody noted the hour of the call. */
static gint64
deadline_of (SeancesReviewView  *self,
             SeancesAppointment *appointment)
{
  const SeancesPolicyVersion *version =
    seances_policy_store_for_booking (seances_context_get_policies (self->context),
                                      seances_appointment_get_policy_version_id (appointment));

  return seances_policy_deadline (seances_context_get_time_zone (self->context),
                                  seances_appointment_get_start (appointment), version->terms.notice_hours);
}

/* review.honoured, review.in-time, review.late, review.absence, review.force-majeure:
 * the target is the session's id. */
static void
close_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SeancesReviewView *self = SEANCES_REVIEW_VIEW (widget);
  SeancesReviewRow *row = find_row (self, g_variant_get_int64 (parameter));
  SeancesAppointment *appointment;
  SeancesPolicyDecision decision;
  g_autoptr(GError) error = NULL;
  gint64 start;
  gint64 notified_at;

  if (row == NULL)
    return;
  appointment = seances_review_row_get_appointment (row);
  start = seances_appointment_get_start (appointment);
  if (seances_appointment_get_status (appointment) != SEANCES_APPOINTMENT_STATUS_SCHEDULED)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  if (start > seances_context_get_now (self->context))
    {
      show_error (self, _("This session has not begun yet: to cancel it beforehand, use the agenda."));
      return;
    }

  if (g_str_equal (action_name, "review.late"))
    /* Heard of at the latest as it began: late under any notice period. */
    open_verdict (self, appointment, SEANCES_POLICY_OUTCOME_CLIENT_CANCELLED, FALSE, start);
  else if (g_str_equal (action_name, "review.absence"))
    open_verdict (self, appointment, SEANCES_POLICY_OUTCOME_ABSENCE, FALSE, 0);
  else if (g_str_equal (action_name, "review.force-majeure"))
    open_verdict (self, appointment, SEANCES_POLICY_OUTCOME_ABSENCE, TRUE, 0);
  else
    {
      gboolean in_time = g_str_equal (action_name, "review.in-time");

      notified_at = in_time ? deadline_of (self, appointment) : 0;
      if (!seances_decisions_propose (seances_context_get_decisions (self->context), appointment,
                                      in_time ? SEANCES_POLICY_OUTCOME_CLIENT_CANCELLED : SEANCES_POLICY_OUTCOME_HONOURED,
                                      FALSE, notified_at, &decision, &error))
        {
          show_error (self, error->message);
          return;
        }
      commit (self, appointment, &decision, notified_at);
    }
}

static void
present (SeancesReviewView *self,
         GtkWindow         *window)
{
  gtk_window_set_transient_for (window, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (window);
}

/* R: « reportée » opens the move of the session, as the agenda does. */
static void
move_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SeancesReviewView *self = SEANCES_REVIEW_VIEW (widget);
  SeancesReviewRow *row = find_row (self, g_variant_get_int64 (parameter));
  SeancesAppointment *appointment = row != NULL ? seances_review_row_get_appointment (row) : NULL;

  if (appointment == NULL || seances_appointment_get_status (appointment) != SEANCES_APPOINTMENT_STATUS_SCHEDULED)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  present (self, GTK_WINDOW (seances_appointment_editor_new_move (self->context, appointment)));
}

/* « Fixer la prochaine date »: the booking, at the client's rhythm after the session held. */
static void
next_date_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SeancesReviewView *self = SEANCES_REVIEW_VIEW (widget);
  SeancesReviewRow *row = find_row (self, g_variant_get_int64 (parameter));
  GTimeZone *tz = seances_context_get_time_zone (self->context);
  SeancesAppointment *appointment;
  SeancesAppointmentEditor *editor;
  SeancesClient *client;
  g_autoptr(GDateTime) next = NULL;

  if (row == NULL)
    return;
  appointment = seances_review_row_get_appointment (row);
  client = seances_client_store_lookup (seances_context_get_clients (self->context),
                                        seances_appointment_get_client_id (appointment));
  if (client == NULL || seances_client_get_rhythm_weeks (client) <= 0)
    return;

  next = seances_time_to_local (tz, seances_time_add_days_local (tz, seances_appointment_get_start (appointment),
                                                                 7 * seances_client_get_rhythm_weeks (client)));
  editor = seances_appointment_editor_new_booking (self->context);
  seances_appointment_editor_set_client (editor, client);
  seances_appointment_editor_set_start (editor, g_date_time_get_year (next), g_date_time_get_month (next),
                                        g_date_time_get_day_of_month (next), g_date_time_get_hour (next),
                                        g_date_time_get_minute (next));
  present (self, GTK_WINDOW (editor));
}

/* « Annuler » on the toast, or Ctrl+Z: the last decision is taken back, its row back to
 * « À revoir » and focused. */
static void
undo_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SeancesReviewView *self = SEANCES_REVIEW_VIEW (widget);
  g_autoptr(SeancesDecisionUndo) undo = g_steal_pointer (&self->undo);
  g_autoptr(GError) error = NULL;

  gtk_widget_action_set_enabled (widget, "review.undo", FALSE);
  if (undo == NULL)
    return;
  self->pending_focus = self->undo_id;
  if (!seances_decisions_undo (seances_context_get_decisions (self->context), undo, &error))
    {
      self->pending_focus = 0;
      show_error (self, error->message);
      return;
    }
  if (self->pending_focus != 0)
    {
      focus_row (self, self->pending_focus);
      self->pending_focus = 0;
    }
  show_toast (self, _("Decision undone"), FALSE);
}

static void
move_focus (SeancesReviewView *self,
            SeancesReviewRow  *row,
            int                direction)
{
  guint index;

  if (self->rows->len == 0)
    return;
  if (row == NULL || !g_ptr_array_find (self->rows, row, &index))
    {
      focus_first (self);
      return;
    }
  if ((direction < 0 && index == 0) || (direction > 0 && index + 1 >= self->rows->len))
    return;
  gtk_widget_grab_focus (g_ptr_array_index (self->rows, index + direction));
}

/* The arrows go from row to row across the days; the letters written on the rows close
 * the focused one. */
static gboolean
key_pressed_cb (SeancesReviewView *self,
                guint              keyval,
                guint              keycode,
                GdkModifierType    state)
{
  SeancesReviewRow *row = focused_row (self);
  const char *action = NULL;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_focus (self, row, -1);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_focus (self, row, 1);
      return TRUE;
    default:
      break;
    }

  switch (gdk_keyval_to_lower (keyval))
    {
    case GDK_KEY_h:
      action = "review.honoured";
      break;
    case GDK_KEY_d:
      action = "review.in-time";
      break;
    case GDK_KEY_t:
      action = "review.late";
      break;
    case GDK_KEY_a:
      action = "review.absence";
      break;
    case GDK_KEY_r:
      action = "review.move";
      break;
    case GDK_KEY_f:
      action = "review.force-majeure";
      break;
    default:
      return FALSE;
    }
  if (row == NULL)
    return FALSE;
  gtk_widget_activate_action (GTK_WIDGET (self), action, "x", row_id (row));
  return TRUE;
}

static void
appointments_changed_cb (SeancesReviewView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
  else
    recount (self);
}

static gboolean
tick_cb (gpointer data)
{
  SeancesReviewView *self = data;

  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && seances_context_get_now (self->context) >= self->next_change)
    refresh (self);
  else
    recount (self);
  return G_SOURCE_CONTINUE;
}

/* Shown again: names may have changed, sessions may have ended. The focus comes into
 * the list, so that the keys work at once. */
static void
seances_review_view_map (GtkWidget *widget)
{
  SeancesReviewView *self = SEANCES_REVIEW_VIEW (widget);

  GTK_WIDGET_CLASS (seances_review_view_parent_class)->map (widget);
  refresh (self);
  if (focused_row (self) == NULL && self->rows->len > 0)
    focus_first (self);
}

static void
seances_review_view_constructed (GObject *object)
{
  SeancesReviewView *self = (SeancesReviewView *)object;

  G_OBJECT_CLASS (seances_review_view_parent_class)->constructed (object);

  g_return_if_fail (SEANCES_IS_CONTEXT (self->context));
  g_signal_group_set_target (self->context_signals, self->context);
  g_signal_group_set_target (self->store_signals, seances_context_get_appointments (self->context));
  recount (self);
  if (!seances_clock_is_fixed (seances_context_get_clock (self->context)))
    self->tick_source = g_timeout_add_seconds (TICK_SECONDS, tick_cb, self);
}

static void
seances_review_view_dispose (GObject *object)
{
  SeancesReviewView *self = (SeancesReviewView *)object;

  g_clear_handle_id (&self->tick_source, g_source_remove);
  g_clear_object (&self->context_signals);
  g_clear_object (&self->store_signals);
  g_clear_object (&self->toast);
  g_clear_pointer (&self->undo, seances_decision_undo_unref);
  g_clear_object (&self->context);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SEANCES_TYPE_REVIEW_VIEW);
  G_OBJECT_CLASS (seances_review_view_parent_class)->dispose (object);
}

static void
seances_review_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SeancesReviewView *self = SEANCES_REVIEW_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_N_TO_REVIEW:
      g_value_set_uint (value, self->n_to_review);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
seances_review_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SeancesReviewView *self = SEANCES_REVIEW_VIEW (object);

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
seances_review_view_class_init (SeancesReviewViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = seances_review_view_constructed;
  object_class->dispose = seances_review_view_dispose;
  object_class->get_property = seances_review_view_get_property;
  object_class->set_property = seances_review_view_set_property;
  widget_class->map = seances_review_view_map;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SEANCES_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The sessions over and still scheduled: the badge of the view's page. */
  properties[PROP_N_TO_REVIEW] =
    g_param_spec_uint ("n-to-review", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/seances/Seances/review/seances-review-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SeancesReviewView, toasts);
  gtk_widget_class_bind_template_child (widget_class, SeancesReviewView, stack);
  gtk_widget_class_bind_template_child (widget_class, SeancesReviewView, days_box);

  /* The target is the session's id: a row's buttons, or its keys. */
  gtk_widget_class_install_action (widget_class, "review.honoured", "x", close_action_cb);
  gtk_widget_class_install_action (widget_class, "review.in-time", "x", close_action_cb);
  gtk_widget_class_install_action (widget_class, "review.late", "x", close_action_cb);
  gtk_widget_class_install_action (widget_class, "review.absence", "x", close_action_cb);
  gtk_widget_class_install_action (widget_class, "review.force-majeure", "x", close_action_cb);
  gtk_widget_class_install_action (widget_class, "review.move", "x", move_action_cb);
  gtk_widget_class_install_action (widget_class, "review.next-date", "x", next_date_action_cb);
  gtk_widget_class_install_action (widget_class, "review.undo", NULL, undo_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "review.undo", NULL);
}

static void
seances_review_view_init (SeancesReviewView *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  self->next_change = G_MAXINT64;
  self->context_signals = g_signal_group_new (SEANCES_TYPE_CONTEXT);
  g_signal_group_connect_swapped (self->context_signals, "practice-changed",
                                  G_CALLBACK (appointments_changed_cb), self);
  self->store_signals = g_signal_group_new (SEANCES_TYPE_APPOINTMENT_STORE);
  g_signal_group_connect_swapped (self->store_signals, "changed", G_CALLBACK (appointments_changed_cb), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.undo", FALSE);

  /* Before the list boxes, which would keep the arrows inside one day. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

SeancesReviewView *
seances_review_view_new (SeancesContext *context)
{
  g_return_val_if_fail (SEANCES_IS_CONTEXT (context), NULL);

  return g_object_new (SEANCES_TYPE_REVIEW_VIEW, "context", context, NULL);
}

guint
seances_review_view_get_n_to_review (SeancesReviewView *self)
{
  g_return_val_if_fail (SEANCES_IS_REVIEW_VIEW (self), 0);
  return self->n_to_review;
}
