/* test-week-view.c — the agenda's week view under Xvfb, in French
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run by tests/harness/session --display: a real window on a real X display. */
#include "config.h"

#include <adwaita.h>

#include <string.h>

#include "agenda/seances-agenda-view.h"
#include "agenda/seances-appointment-editor.h"
#include "agenda/seances-cancel-dialog.h"
#include "agenda/seances-session-block.h"
#include "agenda/seances-week-grid.h"
#include "clients/seances-client-page.h"
#include "clients/seances-clients-view.h"
#include "preferences/seances-preferences-window.h"
#include "seances-backup-scheduler.h"
#include "seances-test.h"
#include "seances-time.h"
#include "seances-ui-test.h"

#define NBSP "\xc2\xa0"

typedef struct
{
  SeancesContext *context;
  GtkWindow      *window;
  GtkWidget      *view;
  gint64          client_id;
} Fixture;

static gint64
paris (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");
  gint64 utc = 0;

  g_assert_true (seances_time_from_local (tz, year, month, day, hour, minute, &utc, NULL));
  return utc;
}

/* The window @height pixels tall (no window manager here: the X server takes the size
 * asked for, and says so). */
static void
resize (Fixture *fixture, int height)
{
  gtk_window_set_default_size (fixture->window, 1000, height);
  wait_until (gtk_widget_get_height (GTK_WIDGET (fixture->window)) == height);
}

static void
book (Fixture *fixture, gint64 client_id, gint64 start, SeancesAppointmentStatus status)
{
  g_autoptr(SeancesAppointment) draft = seances_appointment_new (client_id, start, start + 50 * 60, SEANCES_PLACE_OFFICE, 6000);
  g_autoptr(GError) error = NULL;

  seances_appointment_set_status (draft, status);
  g_assert_true (seances_appointment_store_create (seances_context_get_appointments (fixture->context),
                                                   draft, TRUE, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "seances.db", NULL);
  g_autoptr(SeancesKey) key = seances_key_new_random ();
  g_autoptr(SeancesDatabase) database = NULL;
  g_autoptr(SeancesClient) client = NULL;
  g_autoptr(GError) error = NULL;

  database = seances_database_create (path, key, &error);
  g_assert_no_error (error);
  seances_test_save_practice (database);

  fixture->context = seances_context_new (database, &error);
  g_assert_no_error (error);
  seances_context_set_now (fixture->context, paris (2026, 11, 24, 14, 0));

  client = g_object_new (SEANCES_TYPE_CLIENT, "first-name", "Hélène", "last-name", "Martin",
                         "email", "helene.martin@exemple.fr", "channel", SEANCES_CHANNEL_EMAIL, NULL);
  g_assert_true (seances_client_store_add (seances_context_get_clients (fixture->context), client, &error));
  g_assert_no_error (error);
  fixture->client_id = seances_client_get_id (client);

  book (fixture, seances_client_get_id (client), paris (2026, 11, 24, 14, 0), SEANCES_APPOINTMENT_STATUS_SCHEDULED);
  book (fixture, seances_client_get_id (client), paris (2026, 11, 23, 9, 30), SEANCES_APPOINTMENT_STATUS_NO_SHOW);
  book (fixture, seances_client_get_id (client), paris (2026, 11, 25, 10, 0), SEANCES_APPOINTMENT_STATUS_CANCELLED_IN_TIME);
  book (fixture, seances_client_get_id (client), paris (2026, 12, 1, 14, 0), SEANCES_APPOINTMENT_STATUS_SCHEDULED);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1000, 800);
  fixture->view = GTK_WIDGET (seances_agenda_view_new (fixture->context));
  gtk_window_set_child (fixture->window, fixture->view);
  gtk_window_present (fixture->window);
  wait_for_frame (fixture->view);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  /* The windows a test opened (an editor, a question) go with it. */
  while (g_list_model_get_n_items (toplevels) > 1)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      if (window == fixture->window)
        {
          g_clear_object (&window);
          window = g_list_model_get_item (toplevels, 1);
        }
      gtk_window_destroy (window);
    }
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->context);
}

static GtkWidget *
find_widget (GtkWidget *root, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* What a person sees on the grid: each block's description (its tooltip), in order. */
static char *
blocks_shown (Fixture *fixture)
{
  GtkWidget *grid = find_widget (fixture->view, SEANCES_TYPE_WEEK_GRID);
  GString *out = g_string_new (NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (grid); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (!SEANCES_IS_SESSION_BLOCK (child) || !gtk_widget_get_visible (child))
        continue;
      if (out->len > 0)
        g_string_append (out, " | ");
      g_string_append (out, seances_session_block_get_description (SEANCES_SESSION_BLOCK (child)));
    }
  return g_string_free (out, FALSE);
}

static const char *
range_label (Fixture *fixture)
{
  GtkWidget *button = find_widget (fixture->view, GTK_TYPE_MENU_BUTTON);
  return gtk_menu_button_get_label (GTK_MENU_BUTTON (button));
}

static void
test_week_shows_sessions (Fixture *fixture, gconstpointer data)
{
  g_autofree char *shown = blocks_shown (fixture);

  g_assert_cmpstr (range_label (fixture), ==, "23 – 29 novembre 2026");
  /* The absence stays visible, the session cancelled in time frees its slot. */
  g_assert_cmpstr (shown, ==, "9" NBSP "h" NBSP "30, Hélène Martin, Absence, lundi 23 novembre | "
                              "14" NBSP "h" NBSP "00, Hélène Martin, Prévue, mardi 24 novembre");
}

static void
test_next_week_and_back (Fixture *fixture, gconstpointer data)
{
  g_autofree char *next = NULL;
  g_autofree char *today = NULL;

  seances_agenda_view_move (SEANCES_AGENDA_VIEW (fixture->view), 1);
  next = blocks_shown (fixture);
  g_assert_cmpstr (range_label (fixture), ==, "30 novembre – 6 décembre 2026");
  g_assert_cmpstr (next, ==, "14" NBSP "h" NBSP "00, Hélène Martin, Prévue, mardi 1 décembre");

  /* Back to this week: its two sessions again, on the blocks of the pool. */
  seances_agenda_view_show_today (SEANCES_AGENDA_VIEW (fixture->view));
  today = blocks_shown (fixture);
  g_assert_cmpstr (range_label (fixture), ==, "23 – 29 novembre 2026");
  g_assert_cmpstr (today, ==, "9" NBSP "h" NBSP "30, Hélène Martin, Absence, lundi 23 novembre | "
                              "14" NBSP "h" NBSP "00, Hélène Martin, Prévue, mardi 24 novembre");
}

/* A block sits in its day's column, from its start to its end. */
static void
test_block_geometry (Fixture *fixture, gconstpointer data)
{
  GtkWidget *grid = find_widget (fixture->view, SEANCES_TYPE_WEEK_GRID);
  int width = gtk_widget_get_width (grid);
  double column = (width - 56) / 7.0;
  graphene_rect_t bounds;
  GtkWidget *block = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (grid); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (SEANCES_IS_SESSION_BLOCK (child) && gtk_widget_get_visible (child) &&
        g_str_has_prefix (seances_session_block_get_description (SEANCES_SESSION_BLOCK (child)), "14"))
      block = child;
  g_assert_nonnull (block);
  g_assert_true (gtk_widget_compute_bounds (block, grid, &bounds));

  /* Tuesday is the second column; 14 h is six hours below 8 h; 50 minutes tall. */
  g_assert_cmpfloat_with_epsilon (bounds.origin.x, 56 + column + 2, 2);
  g_assert_cmpint ((int) bounds.origin.y, ==, seances_week_grid_get_hour_top (SEANCES_WEEK_GRID (grid), 14) + 1);
  g_assert_cmpfloat_with_epsilon (bounds.size.height, 50 / 60.0 * 56 - 2, 2);
}

typedef struct { int year, month, day, hour, minute; } Slot;

static void
slot_cb (SeancesWeekGrid *grid, int year, int month, int day, int hour, int minute, Slot *slot)
{
  *slot = (Slot) { year, month, day, hour, minute };
}

/* Clicking a free half hour proposes that slot, in local time. */
static void
test_click_free_slot (Fixture *fixture, gconstpointer data)
{
  GtkWidget *grid = find_widget (fixture->view, SEANCES_TYPE_WEEK_GRID);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (grid);
  int width = gtk_widget_get_width (grid);
  double column = (width - 56) / 7.0;
  Slot slot = { 0 };

  g_signal_connect (grid, "slot-activated", G_CALLBACK (slot_cb), &slot);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        g_signal_emit_by_name (controller, "released", 1,
                               56 + 3 * column + 10, (double) seances_week_grid_get_hour_top (SEANCES_WEEK_GRID (grid), 16.75));
    }

  /* Thursday 26 November, 16 h 45 rounds down to 16 h 30. */
  g_assert_cmpint (slot.year, ==, 2026);
  g_assert_cmpint (slot.month, ==, 11);
  g_assert_cmpint (slot.day, ==, 26);
  g_assert_cmpint (slot.hour, ==, 16);
  g_assert_cmpint (slot.minute, ==, 30);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static GtkWidget *
find_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (SEANCES_IS_APPOINTMENT_EDITOR (window))
        return GTK_WIDGET (window);
    }
  return NULL;
}

static SeancesAppointmentEditor *
open_booking (Fixture *fixture, int day, int hour, int minute)
{
  SeancesClient *client = seances_client_store_lookup (seances_context_get_clients (fixture->context),
                                                       fixture->client_id);
  SeancesAppointmentEditor *editor = seances_appointment_editor_new_booking (fixture->context);

  seances_appointment_editor_set_client (editor, client);
  seances_appointment_editor_set_start (editor, 2026, 11, day, hour, minute);
  gtk_window_set_transient_for (GTK_WINDOW (editor), fixture->window);
  gtk_window_present (GTK_WINDOW (editor));
  wait_for_frame (GTK_WIDGET (editor));
  return editor;
}

/* « Réserver quand même »: the session is booked, the editor and the question go away
 * (under G_DEBUG=fatal-criticals a warning on the way aborts the test). */
static void
test_book_anyway (Fixture *fixture, gconstpointer data)
{
  SeancesAppointmentEditor *editor = open_booking (fixture, 24, 14, 30);
  AdwMessageDialog *dialog;
  g_autofree char *shown = NULL;

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);

  /* The question says whose session is already there. */
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "Cette séance chevauche celle de 14" NBSP "h" NBSP "00 avec Hélène Martin.");

  /* The editor books once the question is gone, from an idle. */
  adw_message_dialog_response (dialog, "book");
  wait_until (find_editor () == NULL);
  g_assert_null (find_message_dialog ());
  shown = blocks_shown (fixture);
  g_assert_nonnull (strstr (shown, "14" NBSP "h" NBSP "30, Hélène Martin, Prévue, mardi 24 novembre"));
}

static GtkWidget *
block_at (Fixture *fixture, const char *prefix)
{
  GtkWidget *grid = find_widget (fixture->view, SEANCES_TYPE_WEEK_GRID);

  for (GtkWidget *child = gtk_widget_get_first_child (grid); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (SEANCES_IS_SESSION_BLOCK (child) && gtk_widget_get_visible (child) &&
        g_str_has_prefix (seances_session_block_get_description (SEANCES_SESSION_BLOCK (child)), prefix))
      return child;
  return NULL;
}

/* Two sessions booked over each other stand side by side in their day, each half as wide. */
static void
test_overlap_side_by_side (Fixture *fixture, gconstpointer data)
{
  GtkWidget *grid = find_widget (fixture->view, SEANCES_TYPE_WEEK_GRID);
  double column = (gtk_widget_get_width (grid) - 56) / 7.0;
  graphene_rect_t first, second;

  book (fixture, fixture->client_id, paris (2026, 11, 24, 14, 30), SEANCES_APPOINTMENT_STATUS_SCHEDULED);
  wait_for_frame (fixture->view);
  g_assert_true (gtk_widget_compute_bounds (block_at (fixture, "14" NBSP "h" NBSP "00"), grid, &first));
  g_assert_true (gtk_widget_compute_bounds (block_at (fixture, "14" NBSP "h" NBSP "30"), grid, &second));

  g_assert_cmpfloat_with_epsilon (first.origin.x, 56 + column + 2, 2);
  g_assert_cmpfloat_with_epsilon (first.size.width, column / 2 - 4, 2);
  g_assert_cmpfloat_with_epsilon (second.origin.x, 56 + column + column / 2 + 2, 2);
  g_assert_cmpfloat_with_epsilon (second.size.width, column / 2 - 4, 2);
  g_assert_cmpfloat (first.origin.x + first.size.width, <=, second.origin.x);
}

/* A session over looks over (faded by the style), and still says what became of it;
 * the one in progress and the ones to come do not fade. */
static void
test_past_sessions_faded (Fixture *fixture, gconstpointer data)
{
  GtkWidget *past, *now;

  book (fixture, fixture->client_id, paris (2026, 11, 23, 11, 0), SEANCES_APPOINTMENT_STATUS_HONOURED);
  past = block_at (fixture, "11" NBSP "h" NBSP "00");
  now = block_at (fixture, "14" NBSP "h" NBSP "00");

  g_assert_cmpstr (seances_session_block_get_description (SEANCES_SESSION_BLOCK (past)), ==,
                   "11" NBSP "h" NBSP "00, Hélène Martin, Honorée, lundi 23 novembre");
  g_assert_true (gtk_widget_has_css_class (past, "appointment-past"));
  g_assert_false (gtk_widget_has_css_class (now, "appointment-past"));
}

typedef struct { int move; const char *date; } NewSessionCase;

/* « Nouvelle séance » (Ctrl+N) proposes a day of the week shown: today in this week,
 * the same weekday in another. */
static void
test_new_session_in_shown_week (Fixture *fixture, gconstpointer data)
{
  const NewSessionCase *row = data;
  GtkWidget *editor;

  seances_agenda_view_move (SEANCES_AGENDA_VIEW (fixture->view), row->move);
  seances_agenda_view_new_session (SEANCES_AGENDA_VIEW (fixture->view), NULL);
  editor = find_editor ();
  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (find_widget (editor, GTK_TYPE_MENU_BUTTON))), ==, row->date);
  gtk_window_destroy (GTK_WINDOW (editor));
}

static GtkWidget *
find_row (GtkWidget *root, const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The visible error label right under @row in its group (after its list of rows):
 * NULL when there is none. */
static const char *
error_under (GtkWidget *row)
{
  GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

  for (GtkWidget *w = row; w != NULL && w != group; w = gtk_widget_get_parent (w))
    for (GtkWidget *sibling = gtk_widget_get_next_sibling (w); sibling != NULL; sibling = gtk_widget_get_next_sibling (sibling))
      if (GTK_IS_LABEL (sibling) && gtk_widget_get_visible (sibling) && gtk_widget_has_css_class (sibling, "error"))
        return gtk_label_get_text (GTK_LABEL (sibling));
  return NULL;
}

typedef struct { const char *typed; const char *shown; } TimeCase;

/* A time once read shows as the app writes it, when the field is left. */
static void
test_time_read_back (Fixture *fixture, gconstpointer data)
{
  const TimeCase *row = data;
  SeancesAppointmentEditor *editor = open_booking (fixture, 26, 9, 0);
  GtkWidget *time = find_row (GTK_WIDGET (editor), "Heure de début");

  gtk_widget_grab_focus (time);
  gtk_editable_set_text (GTK_EDITABLE (time), row->typed);
  gtk_widget_grab_focus (find_row (GTK_WIDGET (editor), "Durée"));

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (time)), ==, row->shown);
  g_assert_null (error_under (time));
}

/* A time that cannot be read says so at its field, until it is fixed. */
static void
test_time_error_at_field (Fixture *fixture, gconstpointer data)
{
  SeancesAppointmentEditor *editor = open_booking (fixture, 26, 9, 0);
  GtkWidget *time = find_row (GTK_WIDGET (editor), "Heure de début");

  gtk_editable_set_text (GTK_EDITABLE (time), "25h");
  g_signal_emit_by_name (time, "entry-activated");
  g_assert_cmpstr (error_under (time), ==,
                   "Saisissez l’heure de début en heures et minutes, par exemple 14" NBSP "h" NBSP "30.");
  g_assert_true (gtk_widget_has_css_class (time, "error"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));

  gtk_editable_set_text (GTK_EDITABLE (time), "15h");
  g_assert_null (error_under (time));
  g_assert_false (gtk_widget_has_css_class (time, "error"));
}

static GtkWidget *
find_label (GtkWidget *root, const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct { int day; const char *time; gboolean past; } PastCase;

/* A session booked in the past is allowed, with a word under the date: it waits in the
 * review. It says so as the date or the time changes. */
static void
test_past_warning (Fixture *fixture, gconstpointer data)
{
  const PastCase *c = data;
  SeancesAppointmentEditor *editor = open_booking (fixture, 26, 9, 0);
  GtkWidget *warning;
  g_autoptr(GPtrArray) sessions = NULL;

  g_assert_null (find_label (GTK_WIDGET (editor), "Cette séance est dans le passé" NBSP ": elle apparaîtra dans la revue du jour."));
  seances_appointment_editor_set_start (editor, 2026, 11, c->day, 9, 0);
  gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (editor), "Heure de début")), c->time);
  warning = find_label (GTK_WIDGET (editor), "Cette séance est dans le passé" NBSP ": elle apparaîtra dans la revue du jour.");
  g_assert_cmpint (warning != NULL, ==, c->past);
  if (!c->past)
    return;

  /* Saved with the focus in the time, as after picking the person: the field is left as
   * the editor goes (under G_DEBUG=fatal-criticals, a look at it then aborts the test). */
  gtk_widget_grab_focus (find_row (GTK_WIDGET (editor), "Heure de début"));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  wait_until (find_editor () == NULL);
  sessions = seances_appointment_store_list_range (seances_context_get_appointments (fixture->context),
                                                   paris (2026, 11, c->day, 0, 0), paris (2026, 11, c->day, 23, 59), NULL);
  g_assert_cmpuint (sessions->len, ==, c->day == 24 ? 2 : 1);
}

static void
add_absence (Fixture *fixture, int month, int day)
{
  book (fixture, fixture->client_id, paris (2026, month, day, 9, 30), SEANCES_APPOINTMENT_STATUS_NO_SHOW);
}

/* A person whose absences passed the policy's threshold (three in twelve months) shows
 * « Confirmation requise » in the booking, which asks before booking them. */
static void
test_confirmation_required (Fixture *fixture, gconstpointer data)
{
  SeancesAppointmentEditor *editor;
  AdwMessageDialog *dialog;
  const char *flag = "Confirmation requise" NBSP ": Hélène Martin a manqué plusieurs séances ces derniers temps" NBSP "; "
                     "confirmez chaque séance avec cette personne à l’avance.";
  g_autoptr(GPtrArray) sessions = NULL;

  /* One absence (yesterday's) is not enough. */
  editor = open_booking (fixture, 26, 9, 0);
  g_assert_null (find_label (GTK_WIDGET (editor), flag));
  gtk_window_destroy (GTK_WINDOW (editor));

  add_absence (fixture, 10, 6);
  add_absence (fixture, 9, 15);
  editor = open_booking (fixture, 26, 9, 0);
  g_assert_nonnull (find_label (GTK_WIDGET (editor), flag));

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Confirmation requise");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "Hélène Martin a manqué plusieurs séances ces derniers temps" NBSP ": chaque séance est à confirmer "
                   "avec cette personne. Réserver celle-ci" NBSP "?");
  /* « Pas maintenant »: nothing is booked, the editor stays. */
  adw_message_dialog_response (dialog, "back");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (find_editor () == GTK_WIDGET (editor));

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  dialog = find_message_dialog ();
  adw_message_dialog_response (dialog, "book");
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_until (find_editor () == NULL);
  sessions = seances_appointment_store_list_range (seances_context_get_appointments (fixture->context),
                                                   paris (2026, 11, 26, 0, 0), paris (2026, 11, 27, 0, 0), NULL);
  g_assert_cmpuint (sessions->len, ==, 1);
}

/* « Fin de la série » shows its choice whole, in the editor's default size. */
static void
test_series_end_whole (Fixture *fixture, gconstpointer data)
{
  SeancesAppointmentEditor *editor = open_booking (fixture, 26, 9, 0);
  GtkWidget *label;

  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (GTK_WIDGET (editor), "Répétition")), 1);
  wait_for_frame (GTK_WIDGET (editor));
  label = find_label (find_row (GTK_WIDGET (editor), "Fin de la série"), "Après un nombre de séances");
  g_assert_nonnull (label);
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))));
}

/* The section's shortcuts (the window's search page holds copies of them). */
static void
collect_shortcuts (GtkWidget *root, GString *out, gboolean in_section)
{
  in_section = in_section || GTK_IS_SHORTCUTS_SECTION (root);
  if (in_section && GTK_IS_SHORTCUTS_SHORTCUT (root))
    {
      g_autofree char *title = NULL;
      g_autofree char *accelerator = NULL;

      g_object_get (root, "title", &title, "accelerator", &accelerator, NULL);
      g_string_append_printf (out, "%s%s=%s", out->len > 0 ? " | " : "", title, accelerator);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_shortcuts (child, out, in_section);
}

/* The shortcuts window lists every shortcut the main window answers, in French, and is
 * named for screen readers. */
static void
test_shortcuts_window (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/seances/Seances/gtk/help-overlay.ui");
  GtkWindow *window = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
  g_autoptr(GString) listed = g_string_new (NULL);

  collect_shortcuts (GTK_WIDGET (window), listed, FALSE);
  g_assert_cmpstr (gtk_window_get_title (window), ==, "Raccourcis clavier");
  g_assert_cmpstr (listed->str, ==,
                   "Afficher les raccourcis=<Control>question | Préférences=<Control>comma | Quitter=<Control>q | "
                   "Afficher Aujourd’hui=<Alt>1 | Afficher l’agenda=<Alt>2 | Afficher les fiches=<Alt>3 | Afficher les honoraires dus=<Alt>4 | "
                   "Rechercher une fiche=<Control>f | "
                   "Séance précédente ou suivante=Up Down | Clore" NBSP ": honorée=h | "
                   "Clore" NBSP ": annulée dans les délais=d | Clore" NBSP ": annulée tardivement=t | "
                   "Clore" NBSP ": absence=a | Clore" NBSP ": force majeure=f | Reporter la séance=r | "
                   "Annuler la dernière décision=<Control>z | "
                   "Nouvelle séance=<Control>n | Aller à aujourd’hui=<Control>t | "
                   "Semaine ou jour précédent=<Alt>Left | Semaine ou jour suivant=<Alt>Right");
  gtk_window_destroy (window);
}

static void
collect_mapped_status_pages (GtkWidget *root, GPtrArray *out)
{
  if (ADW_IS_STATUS_PAGE (root) && gtk_widget_get_mapped (root))
    g_ptr_array_add (out, (gpointer) adw_status_page_get_title (ADW_STATUS_PAGE (root)));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_mapped_status_pages (child, out);
}

/* With the test's isolated data folders there is no MIME database, so the SVG icons of
 * status pages cannot be recognised: that warning says nothing of the page. */
static GLogWriterOutput
drop_icon_warnings (GLogLevelFlags level, const GLogField *fields, gsize n_fields, gpointer data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i].key, "MESSAGE") == 0 && fields[i].length < 0 &&
        g_str_has_prefix (fields[i].value, "Failed to load icon"))
      return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (level, fields, n_fields, data);
}

/* A practice with no patient yet: one panel invites to add the first, alone on the page. */
static void
test_clients_empty_one_panel (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "empty.db", NULL);
  g_autoptr(SeancesKey) key = seances_key_new_random ();
  g_autoptr(SeancesDatabase) database = NULL;
  g_autoptr(SeancesContext) context = NULL;
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *view;

  database = seances_database_create (path, key, &error);
  g_assert_no_error (error);
  context = seances_context_new (database, &error);
  g_assert_no_error (error);
  view = seances_clients_view_new (context);
  gtk_window_set_child (fixture->window, view);

  collect_mapped_status_pages (view, shown);
  g_assert_cmpuint (shown->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (shown, 0), ==, "Aucun patient pour l’instant");
  gtk_window_set_child (fixture->window, NULL);
}

static void
book_minutes (Fixture *fixture, gint64 start, int minutes)
{
  g_autoptr(SeancesAppointment) draft = seances_appointment_new (fixture->client_id, start, start + minutes * 60, SEANCES_PLACE_OFFICE, 6000);
  g_autoptr(GError) error = NULL;

  g_assert_true (seances_appointment_store_create (seances_context_get_appointments (fixture->context),
                                                   draft, TRUE, &error));
  g_assert_no_error (error);
}

/* Whether @block shows whole in the agenda's scrolled window. */
static gboolean
in_view (Fixture *fixture, GtkWidget *block)
{
  GtkWidget *scroller = find_widget (fixture->view, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (block, scroller, &bounds));
  return bounds.origin.y >= 0 && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scroller);
}

typedef struct { int move; const char *first; const char *last; } ScrollCase;

/* In a short window, the week opens where its sessions are: today's (14 h 00 and
 * 17 h 25 on Tuesday), or the week's when today is not in it. */
static void
test_scrolls_to_sessions (Fixture *fixture, gconstpointer data)
{
  const ScrollCase *row = data;
  GtkWidget *first, *last;

  book_minutes (fixture, paris (2026, 11, 24, 17, 25), 50);
  book_minutes (fixture, paris (2026, 12, 3, 18, 0), 50);
  resize (fixture, 420);
  seances_agenda_view_move (SEANCES_AGENDA_VIEW (fixture->view), row->move);
  first = block_at (fixture, row->first);
  last = block_at (fixture, row->last);

  /* The view scrolls once the grid has its new height, then lays the blocks out there. */
  wait_until (in_view (fixture, first) && in_view (fixture, last));
  g_assert_true (in_view (fixture, first));
  g_assert_true (in_view (fixture, last));
}

static GtkWidget *
find_day_label (GtkWidget *calendar, const char *day)
{
  for (GtkWidget *w = gtk_widget_get_first_child (calendar); w != NULL; w = gtk_widget_get_next_sibling (w))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (w) && gtk_widget_has_css_class (w, "day-number") &&
          !gtk_widget_has_css_class (w, "other-month") && g_strcmp0 (gtk_label_get_text (GTK_LABEL (w)), day) == 0)
        return w;
      if ((found = find_day_label (w, day)) != NULL)
        return found;
    }
  return NULL;
}

/* The calendar's header holds the month's arrows, then the year's: the second button
 * is « next month ». */
static void
next_month_arrow (GtkWidget *calendar)
{
  GtkWidget *header = gtk_widget_get_first_child (calendar);
  int n = 0;

  for (GtkWidget *w = gtk_widget_get_first_child (header); w != NULL; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_BUTTON (w) && ++n == 2)
      {
        g_signal_emit_by_name (w, "clicked");
        return;
      }
  g_assert_not_reached ();
}

/* « Go to a date »: after the month arrows, clicking the same day number (24) in the
 * new month closes the popover and shows that week, though GtkCalendar says nothing. */
static void
test_pick_same_day_other_month (Fixture *fixture, gconstpointer data)
{
  GtkWidget *button = find_widget (fixture->view, GTK_TYPE_MENU_BUTTON);
  GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  GtkWidget *calendar = find_widget (GTK_WIDGET (popover), GTK_TYPE_CALENDAR);
  g_autoptr(GListModel) controllers = NULL;
  graphene_rect_t bounds;

  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  /* It opens on the day shown. */
  {
    g_autoptr(GDateTime) opened = gtk_calendar_get_date (GTK_CALENDAR (calendar));
    g_autofree char *text = g_date_time_format (opened, "%F");

    g_assert_cmpstr (text, ==, "2026-11-24");
  }
  /* What the « next month » arrow does: the same day number, one month on. */
  next_month_arrow (calendar);
  wait_for_frame (GTK_WIDGET (popover));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));

  g_assert_true (gtk_widget_compute_bounds (find_day_label (calendar, "24"), calendar, &bounds));
  controllers = gtk_widget_observe_controllers (calendar);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        g_signal_emit_by_name (controller, "pressed", 1,
                               (double) bounds.origin.x + bounds.size.width / 2,
                               (double) bounds.origin.y + bounds.size.height / 2);
    }
  /* The view hears of the pick from an idle, after the calendar has taken the day. */
  wait_until (!gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_cmpstr (range_label (fixture), ==, "21 – 27 décembre 2026");
}

/* Préférences open with nothing selected: no keystroke can erase the practice's name. */
static void
test_preferences_nothing_selected (Fixture *fixture, gconstpointer data)
{
  g_autoptr(SeancesBackupScheduler) scheduler = seances_backup_scheduler_new (fixture->context);
  SeancesPreferencesWindow *window = seances_preferences_window_new (fixture->context, scheduler);
  GtkWidget *focus;
  int start = 0, end = 0;

  gtk_window_set_transient_for (GTK_WINDOW (window), fixture->window);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frame (GTK_WIDGET (window));

  focus = gtk_root_get_focus (GTK_ROOT (window));
  if (focus != NULL && GTK_IS_EDITABLE (focus))
    g_assert_false (gtk_editable_get_selection_bounds (GTK_EDITABLE (focus), &start, &end));
  g_assert_true (focus == NULL || !GTK_IS_EDITABLE (focus));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* « Les appeler : Clients » in Préférences: the clients view, bound to the practice,
 * says « client » at once, and the practice is still the object it was bound to. */
static void
test_preferences_vocabulary (Fixture *fixture, gconstpointer data)
{
  g_autoptr(SeancesBackupScheduler) scheduler = seances_backup_scheduler_new (fixture->context);
  SeancesPractice *practice = seances_context_get_practice (fixture->context);
  GtkWidget *view = seances_clients_view_new (fixture->context);
  SeancesPreferencesWindow *window;
  g_autofree char *placeholder = NULL;
  GtkWidget *row;

  gtk_window_set_child (fixture->window, view);
  window = seances_preferences_window_new (fixture->context, scheduler);
  gtk_window_set_transient_for (GTK_WINDOW (window), fixture->window);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frame (GTK_WIDGET (window));

  row = find_row (GTK_WIDGET (window), "Les appeler");
  g_assert_nonnull (row);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);
  wait_for_frame (GTK_WIDGET (window));

  g_assert_true (seances_context_get_practice (fixture->context) == practice);
  g_assert_cmpint (seances_practice_get_vocabulary (practice), ==, SEANCES_VOCABULARY_CLIENT);
  g_object_get (find_widget (view, GTK_TYPE_SEARCH_ENTRY), "placeholder-text", &placeholder, NULL);
  g_assert_cmpstr (placeholder, ==, "Rechercher un client");
  gtk_window_destroy (GTK_WINDOW (window));
  gtk_window_set_child (fixture->window, NULL);
}

/* A person booked every two weeks: their page offers that rhythm, set in one click. */
static void
test_client_series_rhythm (Fixture *fixture, gconstpointer data)
{
  SeancesClient *client = seances_client_store_lookup (seances_context_get_clients (fixture->context),
                                                       fixture->client_id);
  g_autoptr(SeancesAppointment) draft = seances_appointment_new (fixture->client_id, paris (2026, 12, 3, 10, 0),
                                                                 paris (2026, 12, 3, 10, 50), SEANCES_PLACE_OFFICE, 6000);
  g_autoptr(GError) error = NULL;
  GtkWidget *page = seances_client_page_new (fixture->context);
  GtkWidget *row, *button;

  g_assert_true (seances_appointment_store_create_series (seances_context_get_appointments (fixture->context),
                                                          draft, 2, 4, NULL, TRUE, NULL, &error));
  g_assert_no_error (error);
  gtk_window_set_child (fixture->window, page);
  seances_client_page_set_client (SEANCES_CLIENT_PAGE (page), client);

  row = find_row (page, "Rythme souhaité");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Aucun rythme fixé");
  button = find_widget (row, GTK_TYPE_BUTTON);
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Toutes les 2 semaines, comme sa série");

  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpint (seances_client_get_rhythm_weeks (client), ==, 2);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Toutes les 2 semaines");
  g_assert_false (gtk_widget_get_visible (button));
  gtk_window_set_child (fixture->window, NULL);
}

/* A client page in a window of a laptop's height shows the upcoming sessions without
 * scrolling: every row of « Prochaines séances » is in view. */
static void
test_client_page_upcoming_in_view (Fixture *fixture, gconstpointer data)
{
  SeancesClient *client = seances_client_store_lookup (seances_context_get_clients (fixture->context),
                                                       fixture->client_id);
  g_autoptr(SeancesAppointment) draft = seances_appointment_new (fixture->client_id, paris (2026, 12, 3, 10, 0),
                                                                 paris (2026, 12, 3, 10, 50), SEANCES_PLACE_OFFICE, 6000);
  g_autoptr(GError) error = NULL;
  GtkWidget *page = seances_client_page_new (fixture->context);
  GtkWidget *scroller, *group = NULL, *list;
  int rows = 0;

  g_assert_true (seances_appointment_store_create_series (seances_context_get_appointments (fixture->context),
                                                          draft, 1, 4, NULL, TRUE, NULL, &error));
  g_assert_no_error (error);
  resize (fixture, 680);
  gtk_window_set_child (fixture->window, page);
  seances_client_page_set_client (SEANCES_CLIENT_PAGE (page), client);
  wait_for_frame (page);

  scroller = find_widget (page, GTK_TYPE_SCROLLED_WINDOW);
  for (GtkWidget *w = find_widget (page, ADW_TYPE_PREFERENCES_GROUP); w != NULL; w = gtk_widget_get_next_sibling (w))
    if (g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (w)), "Prochaines séances") == 0)
      group = w;
  g_assert_nonnull (group);
  /* The group's own list holds no row: the sessions are in the list added to it. */
  list = find_widget (group, GTK_TYPE_LIST_BOX);
  while (list != NULL && gtk_widget_get_first_child (list) == NULL)
    list = find_widget (gtk_widget_get_next_sibling (list), GTK_TYPE_LIST_BOX);
  g_assert_nonnull (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row), rows++)
    {
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_compute_bounds (row, scroller, &bounds));
      g_assert_cmpfloat (bounds.origin.y, >=, 0);
      g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (scroller));
    }
  g_assert_cmpint (rows, ==, 6);
  gtk_window_set_child (fixture->window, NULL);
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* The block's style classes, sorted, as one string. */
static char *
classes_of (GtkWidget *widget)
{
  g_auto(GStrv) classes = gtk_widget_get_css_classes (widget);

  qsort (classes, g_strv_length (classes), sizeof (char *), compare_strings);
  return g_strjoinv (" ", classes);
}

static SeancesAppointment *
session (Fixture *fixture, int day, int hour, int minute, SeancesAppointmentStatus status)
{
  gint64 start = paris (2026, 11, day, hour, minute);
  SeancesAppointment *appointment = seances_appointment_new (fixture->client_id, start, start + 50 * 60,
                                                             SEANCES_PLACE_OFFICE, 6000);

  seances_appointment_set_status (appointment, status);
  return appointment;
}

static void
notified_cb (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

typedef struct
{
  int                      day, hour, minute;
  SeancesAppointmentStatus status;
  const char              *label;
  const char              *classes;
  const char              *description;
} BlockCase;

/* A block shows the session it is given, whatever it showed before (the agenda reuses
 * them): its text, the classes the style fades and tints it by, what it says aloud. Now
 * is Tuesday 24 November, 14 h 00. */
static void
test_block_shows_session (Fixture *fixture, gconstpointer data)
{
  const BlockCase *row = data;
  GtkWidget *block = g_object_ref_sink (seances_session_block_new (fixture->context));
  g_autoptr(SeancesAppointment) before = session (fixture, 23, 8, 0, SEANCES_APPOINTMENT_STATUS_NO_SHOW);
  g_autoptr(SeancesAppointment) appointment = session (fixture, row->day, row->hour, row->minute, row->status);
  GtkWidget *label = gtk_button_get_child (GTK_BUTTON (block));
  g_autofree char *classes = NULL;
  g_autofree char *cleared = NULL;
  guint notified = 0;

  g_signal_connect (block, "notify::appointment", G_CALLBACK (notified_cb), &notified);
  seances_session_block_set_appointment (SEANCES_SESSION_BLOCK (block), before);
  g_object_set (block, "appointment", appointment, NULL);
  seances_session_block_set_appointment (SEANCES_SESSION_BLOCK (block), appointment);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_true (seances_session_block_get_appointment (SEANCES_SESSION_BLOCK (block)) == appointment);

  classes = classes_of (block);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, row->label);
  g_assert_cmpstr (classes, ==, row->classes);
  g_assert_cmpstr (seances_session_block_get_description (SEANCES_SESSION_BLOCK (block)), ==, row->description);

  /* Back in the pool, it shows nothing and holds no session. */
  seances_session_block_set_appointment (SEANCES_SESSION_BLOCK (block), NULL);
  cleared = classes_of (block);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "");
  g_assert_cmpstr (cleared, ==, "appointment");
  g_assert_null (seances_session_block_get_description (SEANCES_SESSION_BLOCK (block)));
  g_assert_finalize_object (block);
}

/* The block's popover, opened as a click does. */
static GtkPopover *
open_popover (Fixture *fixture, const char *prefix)
{
  GtkWidget *block = block_at (fixture, prefix);
  GtkWidget *popover;

  g_assert_nonnull (block);
  g_signal_emit_by_name (block, "clicked");
  popover = find_widget (block, GTK_TYPE_POPOVER);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  return GTK_POPOVER (popover);
}

/* The labels of the buttons a person sees in @popover, and each one's action. */
static char *
popover_buttons (GtkPopover *popover, gint64 id)
{
  GString *out = g_string_new (NULL);

  for (GtkWidget *w = find_widget (GTK_WIDGET (popover), GTK_TYPE_BUTTON); w != NULL; w = gtk_widget_get_next_sibling (w))
    {
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (w));

      if (!gtk_widget_get_visible (w))
        continue;
      g_assert_nonnull (target);
      g_assert_cmpint (g_variant_get_int64 (target), ==, id);
      g_string_append_printf (out, "%s%s=%s", out->len > 0 ? " | " : "", gtk_button_get_label (GTK_BUTTON (w)),
                              gtk_actionable_get_action_name (GTK_ACTIONABLE (w)));
    }
  return g_string_free (out, FALSE);
}

static GtkWidget *
popover_button (GtkPopover *popover, const char *label)
{
  for (GtkWidget *w = find_widget (GTK_WIDGET (popover), GTK_TYPE_BUTTON); w != NULL; w = gtk_widget_get_next_sibling (w))
    if (gtk_widget_get_visible (w) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (w)), label) == 0)
      return w;
  return NULL;
}

static gint64
id_of (Fixture *fixture, const char *prefix)
{
  GtkWidget *block = block_at (fixture, prefix);

  g_assert_nonnull (block);
  return seances_appointment_get_id (seances_session_block_get_appointment (SEANCES_SESSION_BLOCK (block)));
}

typedef struct { const char *block; const char *buttons; } PopoverCase;

/* Only a session still to come can be moved or cancelled; every one opens its file. */
static void
test_popover_buttons (Fixture *fixture, gconstpointer data)
{
  const PopoverCase *row = data;
  GtkPopover *popover;
  g_autofree char *buttons = NULL;

  book (fixture, fixture->client_id, paris (2026, 11, 24, 16, 0), SEANCES_APPOINTMENT_STATUS_SCHEDULED);
  popover = open_popover (fixture, row->block);
  buttons = popover_buttons (popover, id_of (fixture, row->block));
  g_assert_cmpstr (buttons, ==, row->buttons);
}

#define AT_16 "16" NBSP "h" NBSP "00"

/* « Reporter… » opens the move of that session, at its time, and closes the popover. */
static void
test_popover_move (Fixture *fixture, gconstpointer data)
{
  GtkPopover *popover;
  GtkWidget *editor;

  book (fixture, fixture->client_id, paris (2026, 11, 24, 16, 0), SEANCES_APPOINTMENT_STATUS_SCHEDULED);
  popover = open_popover (fixture, AT_16);
  g_signal_emit_by_name (popover_button (popover, "Reporter…"), "clicked");

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  editor = find_editor ();
  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Reporter la séance");
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (find_widget (editor, GTK_TYPE_MENU_BUTTON))), ==,
                   "mardi 24 novembre 2026");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (editor, "Heure de début"))), ==, AT_16);
}

static SeancesCancelDialog *
find_cancel_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (SEANCES_IS_CANCEL_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return SEANCES_CANCEL_DIALOG (window);
    }
  return NULL;
}

static GtkWidget *
find_button (GtkWidget *root, const char *label)
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

/* The text of the last toast the view shows. */
static char *
last_toast (Fixture *fixture)
{
  GtkWidget *overlay = find_widget (fixture->view, ADW_TYPE_TOAST_OVERLAY);
  GtkWidget *label = find_widget (gtk_widget_get_last_child (overlay), GTK_TYPE_LABEL);

  return g_strdup (label != NULL ? gtk_label_get_text (GTK_LABEL (label)) : "");
}

typedef struct
{
  gboolean    by_practice;
  int         day;          /* of November, when the client let the practice know; 0: today */
  const char *time;         /* typed; NULL: the time proposed, now */
  const char *verdict;
  const char *time_error;
  const char *toast;        /* once confirmed; NULL: it cannot be */
  const char *block;        /* the session's block once cancelled; NULL: it leaves the agenda */
} CancelCase;

/* « Annuler la séance… » asks who cancelled and when the client let the practice know
 * (now, unless they say otherwise), and shows the policy's verdict before it is confirmed:
 * Hélène was absent yesterday, so her grace is used, and she accepted no policy. Once
 * cancelled, the session frees its slot; « Annuler » on the toast books it again. */
static void
test_popover_cancel (Fixture *fixture, gconstpointer data)
{
  const CancelCase *c = data;
  SeancesCancelDialog *dialog;
  GtkWidget *time;
  g_autofree char *shown = NULL;
  g_autofree char *toast = NULL;
  g_autofree char *again = NULL;

  book (fixture, fixture->client_id, paris (2026, 11, 24, 16, 0), SEANCES_APPOINTMENT_STATUS_SCHEDULED);
  g_signal_emit_by_name (popover_button (open_popover (fixture, AT_16), "Annuler la séance…"), "clicked");
  dialog = find_cancel_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Annuler cette séance" NBSP "?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "Hélène Martin"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "mardi 24 novembre à " AT_16));
  time = find_row (GTK_WIDGET (dialog), "Heure");
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (find_widget (GTK_WIDGET (dialog), GTK_TYPE_MENU_BUTTON))),
                   ==, "mardi 24 novembre 2026");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (time)), ==, "14" NBSP "h" NBSP "00");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (find_widget (find_row (GTK_WIDGET (dialog), "Le patient"),
                                                                              GTK_TYPE_CHECK_BUTTON))));

  if (c->by_practice)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (find_widget (find_row (GTK_WIDGET (dialog), "Le cabinet"),
                                                                GTK_TYPE_CHECK_BUTTON)), TRUE);
  if (c->day != 0)
    {
      g_autoptr(GDateTime) day = g_date_time_new_local (2026, 11, c->day, 12, 0, 0);
      GtkWidget *calendar = find_widget (GTK_WIDGET (dialog), GTK_TYPE_CALENDAR);

      gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
      g_signal_emit_by_name (calendar, "day-selected");
    }
  if (c->time != NULL)
    gtk_editable_set_text (GTK_EDITABLE (time), c->time);

  /* A cancellation by the practice costs nothing, whenever it was made. */
  g_assert_cmpint (gtk_widget_get_visible (gtk_widget_get_ancestor (time, ADW_TYPE_PREFERENCES_GROUP)), ==, !c->by_practice);
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), c->verdict));
  if (c->time_error != NULL)
    g_assert_nonnull (find_label (GTK_WIDGET (dialog), c->time_error));
  g_assert_cmpint (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "cancel-session"), ==,
                   c->toast != NULL);
  if (c->toast == NULL)
    return;

  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "C_onfirmer l’annulation"), "clicked");
  wait_until (find_cancel_dialog () == NULL);
  shown = blocks_shown (fixture);
  if (c->block != NULL)
    g_assert_nonnull (strstr (shown, c->block));
  else
    g_assert_null (strstr (shown, AT_16));
  toast = last_toast (fixture);
  g_assert_cmpstr (toast, ==, c->toast);

  gtk_widget_activate_action (fixture->view, "session.undo", NULL);
  again = blocks_shown (fixture);
  g_assert_nonnull (strstr (again, AT_16 ", Hélène Martin, Prévue, mardi 24 novembre"));
}

static void
client_requested_cb (SeancesAgendaView *view, gint64 client_id, gint64 *requested)
{
  *requested = client_id;
}

/* « Voir la fiche » asks for the person's file, even from a session over. */
static void
test_popover_open_client (Fixture *fixture, gconstpointer data)
{
  GtkPopover *popover = open_popover (fixture, "9" NBSP "h" NBSP "30");
  gint64 requested = 0;

  g_signal_connect (fixture->view, "client-requested", G_CALLBACK (client_requested_cb), &requested);
  g_signal_emit_by_name (popover_button (popover, "Voir la fiche"), "clicked");

  g_assert_cmpint (requested, ==, fixture->client_id);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
}

/* The view is handed its context when made; once it is disposed, even while something
 * still holds it (its window does, until it goes), neither the context nor its store
 * calls it any more. */
static void
test_context_signals_dropped (Fixture *fixture, gconstpointer data)
{
  SeancesAppointmentStore *store = seances_context_get_appointments (fixture->context);
  guint changed = g_signal_lookup ("changed", SEANCES_TYPE_APPOINTMENT_STORE);
  guint practice_changed = g_signal_lookup ("practice-changed", SEANCES_TYPE_CONTEXT);
  GtkWidget *view = g_object_ref (fixture->view);
  g_autoptr(SeancesContext) context = NULL;

  g_object_get (view, "context", &context, NULL);
  g_assert_true (context == fixture->context);
  g_assert_true (g_signal_has_handler_pending (store, changed, 0, FALSE));
  g_assert_true (g_signal_has_handler_pending (fixture->context, practice_changed, 0, FALSE));

  gtk_window_set_child (fixture->window, NULL);
  g_object_run_dispose (G_OBJECT (view));
  g_assert_false (g_signal_has_handler_pending (store, changed, 0, FALSE));
  g_assert_false (g_signal_has_handler_pending (fixture->context, practice_changed, 0, FALSE));

  book (fixture, fixture->client_id, paris (2026, 11, 26, 10, 0), SEANCES_APPOINTMENT_STATUS_SCHEDULED);
  g_object_unref (view);
}

/* The editor is handed its context, and the session it moves, when made. */
static void
test_editor_properties (Fixture *fixture, gconstpointer data)
{
  g_autoptr(SeancesAppointment) appointment = session (fixture, 26, 9, 15, SEANCES_APPOINTMENT_STATUS_SCHEDULED);
  GtkWidget *booking = g_object_new (SEANCES_TYPE_APPOINTMENT_EDITOR, "context", fixture->context, NULL);
  GtkWidget *move = g_object_new (SEANCES_TYPE_APPOINTMENT_EDITOR, "context", fixture->context,
                                  "appointment", appointment, NULL);
  g_autoptr(SeancesAppointment) moving = NULL;

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (booking)), ==, "Nouvelle séance");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (move)), ==, "Reporter la séance");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (move, "Patient"))), ==, "Hélène Martin");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (move, "Heure de début"))), ==, "9" NBSP "h" NBSP "15");
  g_object_get (move, "appointment", &moving, NULL);
  g_assert_true (moving == appointment);
  gtk_window_destroy (GTK_WINDOW (booking));
  gtk_window_destroy (GTK_WINDOW (move));
}

typedef struct { graphene_rect_t bounds; GdkRGBA color; } Fill;

/* The plain fills of @node: the grid's lines, its today column, its now line, the
 * backgrounds. The children's fills (the blocks') stay out, in their own coordinates. */
static void
collect_fills (GskRenderNode *node, GArray *out)
{
  GskRenderNodeType type = gsk_render_node_get_node_type (node);

  if (type == GSK_COLOR_NODE)
    {
      Fill fill = { .color = *gsk_color_node_get_color (node) };

      gsk_render_node_get_bounds (node, &fill.bounds);
      g_array_append_val (out, fill);
    }
  else if (type == GSK_CONTAINER_NODE)
    for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
      collect_fills (gsk_container_node_get_child (node, i), out);
  else if (type == GSK_CLIP_NODE)
    collect_fills (gsk_clip_node_get_child (node), out);
  else if (type == GSK_DEBUG_NODE)
    collect_fills (gsk_debug_node_get_child (node), out);
}

static const Fill *
find_fill (GArray *fills, double width, double height)
{
  for (guint i = 0; i < fills->len; i++)
    {
      const Fill *fill = &g_array_index (fills, Fill, i);

      if (G_APPROX_VALUE (fill->bounds.size.width, width, 0.5) && G_APPROX_VALUE (fill->bounds.size.height, height, 0.5))
        return fill;
    }
  return NULL;
}

static void
assert_color (const Fill *fill, const char *expected)
{
  GdkRGBA want;

  g_assert_nonnull (fill);
  g_assert_true (gdk_rgba_parse (&want, expected));
  if (!G_APPROX_VALUE (fill->color.red, want.red, 0.01) || !G_APPROX_VALUE (fill->color.green, want.green, 0.01) ||
      !G_APPROX_VALUE (fill->color.blue, want.blue, 0.01) || !G_APPROX_VALUE (fill->color.alpha, want.alpha, 0.01))
    {
      g_autofree char *got = gdk_rgba_to_string (&fill->color);

      g_error ("Drawn in %s, expected %s", got, expected);
    }
}

typedef struct
{
  AdwColorScheme  scheme;
  const char     *css;        /* over the application's style, or NULL */
  const char     *hour_line;
  const char     *today;
  const char     *now;
} ColourCase;

/* The grid draws with the colours of the style: light, dark, or another accent. */
static void
test_grid_colours (Fixture *fixture, gconstpointer data)
{
  const ColourCase *row = data;
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  GtkWidget *grid = find_widget (fixture->view, SEANCES_TYPE_WEEK_GRID);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GArray) fills = g_array_new (FALSE, FALSE, sizeof (Fill));
  int width, height;

  if (row->css != NULL)
    {
      gtk_css_provider_load_from_data (provider, row->css, -1);
      gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_USER);
    }
  adw_style_manager_set_color_scheme (style, row->scheme);
  wait_for_frame (grid);

  /* What the grid painted last, in the frame just drawn. */
  paintable = gtk_widget_paintable_new (grid);
  width = gtk_widget_get_width (grid);
  height = gtk_widget_get_height (grid);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  collect_fills (node, fills);

  assert_color (find_fill (fills, width - 56, 1), row->hour_line);
  assert_color (find_fill (fills, (width - 56) / 7.0, height), row->today);
  assert_color (find_fill (fills, (width - 56) / 7.0, 2), row->now);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider));
}

/* The style the application loads from its resources (AdwApplication does it): the week
 * grid draws with the colours it names. */
static void
load_application_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, "/io/github/seances/Seances/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

int
main (int argc, char *argv[])
{
  g_log_set_writer_func (drop_icon_warnings, NULL, NULL);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  seances_test_init_french ();
  gtk_init ();
  adw_init ();
  load_application_style ();

  g_test_add ("/week-view/shows-sessions", Fixture, NULL, fixture_set_up, test_week_shows_sessions, fixture_tear_down);
  g_test_add ("/week-view/next-week-and-back", Fixture, NULL, fixture_set_up, test_next_week_and_back, fixture_tear_down);
  g_test_add ("/week-view/block-geometry", Fixture, NULL, fixture_set_up, test_block_geometry, fixture_tear_down);
  g_test_add ("/week-view/click-free-slot", Fixture, NULL, fixture_set_up, test_click_free_slot, fixture_tear_down);
  g_test_add ("/week-view/book-anyway", Fixture, NULL, fixture_set_up, test_book_anyway, fixture_tear_down);
  {
    static const PastCase cases[] = {
      { 24, "11h30", TRUE },
      { 24, "14h00", FALSE },
      { 20, "13h00", TRUE },
      { 25, "13h00", FALSE },
    };
    static const char *names[] = { "earlier-today", "now", "last-week", "tomorrow" };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *path = g_strdup_printf ("/appointment-editor/past/%s", names[i]);
        g_test_add (path, Fixture, &cases[i], fixture_set_up, test_past_warning, fixture_tear_down);
      }
  }
  g_test_add ("/appointment-editor/confirmation-required", Fixture, NULL, fixture_set_up,
              test_confirmation_required, fixture_tear_down);
  g_test_add ("/week-view/overlap-side-by-side", Fixture, NULL, fixture_set_up, test_overlap_side_by_side, fixture_tear_down);
  g_test_add ("/week-view/past-sessions-faded", Fixture, NULL, fixture_set_up, test_past_sessions_faded, fixture_tear_down);
  {
    static const NewSessionCase cases[] = {
      { 0, "mardi 24 novembre 2026" },
      { 1, "mardi 1 décembre 2026" },
      { -2, "mardi 10 novembre 2026" },
    };
    static const char *names[] = { "this-week", "next-week", "two-weeks-ago" };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *path = g_strdup_printf ("/week-view/new-session/%s", names[i]);
        g_test_add (path, Fixture, &cases[i], fixture_set_up, test_new_session_in_shown_week, fixture_tear_down);
      }
  }
  {
    static const TimeCase cases[] = {
      { "10h00", "10" NBSP "h" NBSP "00" },
      { "10:30", "10" NBSP "h" NBSP "30" },
      { "9.15", "9" NBSP "h" NBSP "15" },
      { "17", "17" NBSP "h" NBSP "00" },
    };
    static const char *names[] = { "10h00", "10:30", "9.15", "17" };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *path = g_strdup_printf ("/week-view/time-read-back/%s", names[i]);
        g_test_add (path, Fixture, &cases[i], fixture_set_up, test_time_read_back, fixture_tear_down);
      }
  }
  g_test_add ("/week-view/time-error-at-field", Fixture, NULL, fixture_set_up, test_time_error_at_field, fixture_tear_down);
  g_test_add ("/week-view/series-end-whole", Fixture, NULL, fixture_set_up, test_series_end_whole, fixture_tear_down);
  g_test_add_func ("/shortcuts-window/lists-every-shortcut", test_shortcuts_window);
  g_test_add ("/clients-view/empty-one-panel", Fixture, NULL, fixture_set_up, test_clients_empty_one_panel, fixture_tear_down);
  {
    static const ScrollCase cases[] = {
      { 0, "14" NBSP "h" NBSP "00", "17" NBSP "h" NBSP "25" },
      { 1, "14" NBSP "h" NBSP "00", "18" NBSP "h" NBSP "00" },
    };
    static const char *names[] = { "today", "next-week" };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *path = g_strdup_printf ("/week-view/scrolls-to-sessions/%s", names[i]);
        g_test_add (path, Fixture, &cases[i], fixture_set_up, test_scrolls_to_sessions, fixture_tear_down);
      }
  }
  g_test_add ("/week-view/pick-same-day-other-month", Fixture, NULL, fixture_set_up, test_pick_same_day_other_month, fixture_tear_down);
  g_test_add ("/preferences/nothing-selected", Fixture, NULL, fixture_set_up, test_preferences_nothing_selected, fixture_tear_down);
  g_test_add ("/preferences/vocabulary", Fixture, NULL, fixture_set_up, test_preferences_vocabulary, fixture_tear_down);
  g_test_add ("/client-page/series-rhythm", Fixture, NULL, fixture_set_up, test_client_series_rhythm, fixture_tear_down);
  g_test_add ("/client-page/upcoming-in-view", Fixture, NULL, fixture_set_up, test_client_page_upcoming_in_view, fixture_tear_down);
  {
    static const BlockCase cases[] = {
      { 24, 16, 0, SEANCES_APPOINTMENT_STATUS_SCHEDULED, "16" NBSP "h" NBSP "00\nHélène Martin",
        "appointment appointment-scheduled", "16" NBSP "h" NBSP "00, Hélène Martin, Prévue, mardi 24 novembre" },
      { 24, 13, 30, SEANCES_APPOINTMENT_STATUS_SCHEDULED, "13" NBSP "h" NBSP "30\nHélène Martin",
        "appointment appointment-scheduled", "13" NBSP "h" NBSP "30, Hélène Martin, Prévue, mardi 24 novembre" },
      { 23, 11, 0, SEANCES_APPOINTMENT_STATUS_HONOURED, "11" NBSP "h" NBSP "00\nHélène Martin",
        "appointment appointment-honoured appointment-past", "11" NBSP "h" NBSP "00, Hélène Martin, Honorée, lundi 23 novembre" },
      { 23, 9, 30, SEANCES_APPOINTMENT_STATUS_NO_SHOW, "9" NBSP "h" NBSP "30\nHélène Martin",
        "appointment appointment-no-show appointment-off appointment-past",
        "9" NBSP "h" NBSP "30, Hélène Martin, Absence, lundi 23 novembre" },
      { 25, 10, 0, SEANCES_APPOINTMENT_STATUS_CANCELLED_LATE, "10" NBSP "h" NBSP "00\nHélène Martin",
        "appointment appointment-cancelled-late appointment-off",
        "10" NBSP "h" NBSP "00, Hélène Martin, Annulée tardivement, mercredi 25 novembre" },
    };
    static const char *names[] = { "upcoming", "in-progress", "honoured", "no-show", "cancelled-late" };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *path = g_strdup_printf ("/session-block/shows/%s", names[i]);
        g_test_add (path, Fixture, &cases[i], fixture_set_up, test_block_shows_session, fixture_tear_down);
      }
  }
  {
    static const PopoverCase cases[] = {
      { AT_16, "Reporter…=session.move | Annuler la séance…=session.cancel | Voir la fiche=session.open-client" },
      { "14" NBSP "h" NBSP "00", "Voir la fiche=session.open-client" },
      { "9" NBSP "h" NBSP "30", "Voir la fiche=session.open-client" },
    };
    static const char *names[] = { "upcoming", "in-progress", "absence" };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *path = g_strdup_printf ("/week-view/session-popover/buttons/%s", names[i]);
        g_test_add (path, Fixture, &cases[i], fixture_set_up, test_popover_buttons, fixture_tear_down);
      }
  }
  g_test_add ("/week-view/session-popover/move", Fixture, NULL, fixture_set_up, test_popover_move, fixture_tear_down);
  {
    static const CancelCase cases[] = {
      { FALSE, 0, NULL, "Offert" NBSP ": aucune politique d’annulation n’avait été acceptée.", NULL,
        "Hélène Martin" NBSP ": annulation tardive, offerte (pas de politique acceptée)",
        AT_16 ", Hélène Martin, Annulée tardivement, mardi 24 novembre" },
      { FALSE, 22, "16h00",
        "Rien à régler" NBSP ": annulation reçue au plus tard le dimanche 22 novembre à 16" NBSP "h" NBSP "00.", NULL,
        "Hélène Martin" NBSP ": annulée dans les délais", NULL },
      { FALSE, 22, "16h01", "Offert" NBSP ": aucune politique d’annulation n’avait été acceptée.", NULL,
        "Hélène Martin" NBSP ": annulation tardive, offerte (pas de politique acceptée)",
        AT_16 ", Hélène Martin, Annulée tardivement, mardi 24 novembre" },
      { TRUE, 0, NULL, "Rien à régler" NBSP ": séance annulée par le cabinet.", NULL,
        "Hélène Martin" NBSP ": annulée par le cabinet", NULL },
      { FALSE, 0, "15h", "Une annulation ne peut pas être datée dans le futur.", NULL, NULL, NULL },
      { FALSE, 0, "quatorze", "", "Saisissez l’heure en heures et minutes, par exemple 9" NBSP "h" NBSP "30.", NULL, NULL },
    };
    static const char *names[] = { "now", "at-deadline", "after-deadline", "by-practice", "in-the-future",
                                   "unreadable-time" };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *path = g_strdup_printf ("/week-view/session-popover/cancel/%s", names[i]);
        g_test_add (path, Fixture, &cases[i], fixture_set_up, test_popover_cancel, fixture_tear_down);
      }
  }
  g_test_add ("/week-view/session-popover/open-client", Fixture, NULL, fixture_set_up, test_popover_open_client, fixture_tear_down);
  g_test_add ("/week-view/context-signals-dropped", Fixture, NULL, fixture_set_up, test_context_signals_dropped, fixture_tear_down);
  g_test_add ("/appointment-editor/properties", Fixture, NULL, fixture_set_up, test_editor_properties, fixture_tear_down);
  {
    static const ColourCase cases[] = {
      { ADW_COLOR_SCHEME_FORCE_LIGHT, NULL, "rgba(0,0,0,0.12)", "rgba(53,132,228,0.08)", "#c01c28" },
      { ADW_COLOR_SCHEME_FORCE_DARK, NULL, "rgba(255,255,255,0.15)", "rgba(53,132,228,0.08)", "#ff7b63" },
      { ADW_COLOR_SCHEME_FORCE_LIGHT,
        "@define-color accent_bg_color #2ec27e; @define-color destructive_color #813d9c;",
        "rgba(0,0,0,0.12)", "rgba(46,194,126,0.08)", "#813d9c" },
    };
    static const char *names[] = { "light", "dark", "other-accent" };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *path = g_strdup_printf ("/week-grid/colours/%s", names[i]);
        g_test_add (path, Fixture, &cases[i], fixture_set_up, test_grid_colours, fixture_tear_down);
      }
  }

  return g_test_run ();
}
