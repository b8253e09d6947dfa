/* test-review-view.c — « Aujourd'hui », the end-of-day review, under Xvfb, in French
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run by tests/harness/session --display: a real window on a real X display. The keys
 * reach the view as a person's would, through its key controller. */
#include "config.h"

#include <adwaita.h>

#include <string.h>

#include "agenda/seances-appointment-editor.h"
#include "review/seances-review-row.h"
#include "review/seances-review-view.h"
#include "review/seances-verdict-dialog.h"
#include "seances-backup-scheduler.h"
#include "seances-main-view.h"
#include "seances-test.h"
#include "seances-time.h"
#include "seances-ui-test.h"

#define NBSP "\xc2\xa0"
#define H(hour) hour NBSP "h" NBSP "00"

typedef struct
{
  SeancesContext *context;
  GtkWindow      *window;
  GtkWidget      *view;
  gint64          helene;
  gint64          paul;
  gint64          sophie;
  gint64          marc;
} Fixture;

static gint64
paris (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");
  gint64 utc = 0;

  g_assert_true (seances_time_from_local (tz, year, month, day, hour, minute, &utc, NULL));
  return utc;
}

static gint64
add_client (Fixture *fixture, const char *first, const char *last, int rhythm_weeks, gboolean accepted)
{
  g_autofree char *user = g_ascii_strdown (last, -1);
  g_autofree char *email = g_strconcat (user, "@exemple.fr", NULL);
  g_autoptr(SeancesClient) client = NULL;
  SeancesPolicyStore *policies = seances_context_get_policies (fixture->context);
  g_autoptr(GError) error = NULL;

  client = g_object_new (SEANCES_TYPE_CLIENT, "first-name", first, "last-name", last, "email", email,
                         "channel", SEANCES_CHANNEL_EMAIL, "rhythm-weeks", rhythm_weeks, NULL);
  g_assert_true (seances_client_store_add (seances_context_get_clients (fixture->context), client, &error));
  g_assert_no_error (error);
  if (accepted)
    {
      g_assert_true (seances_policy_store_accept (policies, seances_client_get_id (client),
                                                  seances_policy_store_get_current (policies)->id,
                                                  paris (2026, 1, 5, 10, 0), SEANCES_ACCEPTANCE_PAPER, &error));
      g_assert_no_error (error);
    }
  return seances_client_get_id (client);
}

static void
book (Fixture *fixture, gint64 client_id, gint64 start, SeancesAppointmentStatus status)
{
  g_autoptr(SeancesAppointment) draft = seances_appointment_new (client_id, start, start + 50 * 60,
                                                                 SEANCES_PLACE_OFFICE, 6000);
  g_autoptr(GError) error = NULL;

  seances_appointment_set_status (draft, status);
  g_assert_true (seances_appointment_store_create (seances_context_get_appointments (fixture->context),
                                                   draft, TRUE, &error));
  g_assert_no_error (error);
}

/* Tuesday 24 November 2026 at 18:00. Hélène, Paul and Sophie accepted the policy in
 * January, Marc never did. Hélène was absent once in October, Marc three times this
 * autumn (« confirmation requise »). Sophie is seen every two weeks. */
static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "seances.db", NULL);
  g_autoptr(SeancesKey) key = seances_key_new_random ();
  g_autoptr(SeancesDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  database = seances_database_create (path, key, &error);
  g_assert_no_error (error);
  seances_test_save_practice (database);
  fixture->context = seances_context_new (database, &error);
  g_assert_no_error (error);
  seances_context_set_now (fixture->context, paris (2026, 11, 24, 18, 0));

  fixture->helene = add_client (fixture, "Hélène", "Martin", 0, TRUE);
  fixture->paul = add_client (fixture, "Paul", "Durand", 0, TRUE);
  fixture->sophie = add_client (fixture, "Sophie", "Bernard", 2, TRUE);
  fixture->marc = add_client (fixture, "Marc", "Petit", 1, FALSE);

  book (fixture, fixture->helene, paris (2026, 10, 6, 10, 0), SEANCES_APPOINTMENT_STATUS_NO_SHOW);
  book (fixture, fixture->marc, paris (2026, 9, 1, 14, 0), SEANCES_APPOINTMENT_STATUS_NO_SHOW);
  book (fixture, fixture->marc, paris (2026, 9, 15, 14, 0), SEANCES_APPOINTMENT_STATUS_NO_SHOW);
  book (fixture, fixture->marc, paris (2026, 10, 13, 14, 0), SEANCES_APPOINTMENT_STATUS_NO_SHOW);
  book (fixture, fixture->helene, paris (2026, 11, 23, 16, 0), SEANCES_APPOINTMENT_STATUS_SCHEDULED);
  book (fixture, fixture->helene, paris (2026, 11, 24, 9, 0), SEANCES_APPOINTMENT_STATUS_SCHEDULED);
  book (fixture, fixture->paul, paris (2026, 11, 24, 10, 0), SEANCES_APPOINTMENT_STATUS_SCHEDULED);
  book (fixture, fixture->sophie, paris (2026, 11, 24, 11, 0), SEANCES_APPOINTMENT_STATUS_SCHEDULED);
  book (fixture, fixture->marc, paris (2026, 11, 24, 14, 0), SEANCES_APPOINTMENT_STATUS_SCHEDULED);
  book (fixture, fixture->marc, paris (2026, 11, 24, 19, 0), SEANCES_APPOINTMENT_STATUS_SCHEDULED);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1000, 800);
  fixture->view = GTK_WIDGET (seances_review_view_new (fixture->context));
  gtk_window_set_child (fixture->window, fixture->view);
  gtk_window_present (fixture->window);
  wait_for_frame (fixture->view);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  /* The windows a test opened (an editor, a dialog) go with it. */
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

static void
collect (GtkWidget *root, GType type, GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_get_visible (root))
    g_ptr_array_add (out, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect (child, type, out);
}

static GPtrArray *
rows_of (Fixture *fixture)
{
  GPtrArray *rows = g_ptr_array_new ();

  collect (fixture->view, SEANCES_TYPE_REVIEW_ROW, rows);
  return rows;
}

/* What a screen reader says of each row, in order, after each day's title. */
static char *
review_shown (Fixture *fixture)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  GString *out = g_string_new (NULL);

  collect (fixture->view, ADW_TYPE_PREFERENCES_GROUP, groups);
  for (guint i = 0; i < groups->len; i++)
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new ();

      g_string_append_printf (out, "%s[%s]", i > 0 ? " " : "",
                              adw_preferences_group_get_title (g_ptr_array_index (groups, i)));
      collect (g_ptr_array_index (groups, i), SEANCES_TYPE_REVIEW_ROW, rows);
      for (guint j = 0; j < rows->len; j++)
        g_string_append_printf (out, " %s;", seances_review_row_get_description (g_ptr_array_index (rows, j)));
    }
  return g_string_free (out, FALSE);
}

static SeancesReviewRow *
row_at (Fixture *fixture, const char *prefix)
{
  g_autoptr(GPtrArray) rows = rows_of (fixture);

  for (guint i = 0; i < rows->len; i++)
    if (g_str_has_prefix (seances_review_row_get_description (g_ptr_array_index (rows, i)), prefix))
      return g_ptr_array_index (rows, i);
  return NULL;
}

/* The description of the row holding the keyboard focus. */
static const char *
focused (Fixture *fixture)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  GtkWidget *row = focus != NULL ? gtk_widget_get_ancestor (focus, SEANCES_TYPE_REVIEW_ROW) : NULL;

  return row != NULL ? seances_review_row_get_description (SEANCES_REVIEW_ROW (row)) : "";
}

static void
focus_on (Fixture *fixture, const char *prefix)
{
  SeancesReviewRow *row = row_at (fixture, prefix);

  g_assert_nonnull (row);
  gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* A key as the keyboard gives it to @widget: through its key controller. */
static gboolean
press_on (GtkWidget *widget, guint keyval, GdkModifierType state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      gboolean taken = FALSE;

      if (!GTK_IS_EVENT_CONTROLLER_KEY (controller))
        continue;
      g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &taken);
      handled = handled || taken;
    }
  return handled;
}

static void
press (Fixture *fixture, guint keyval)
{
  g_assert_true (press_on (fixture->view, keyval, 0));
}

static SeancesVerdictDialog *
find_verdict (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (SEANCES_IS_VERDICT_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return SEANCES_VERDICT_DIALOG (window);
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

static GtkWidget *
find_label (GtkWidget *root, const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_is_visible (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
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

static GtkSwitch *
switch_of (GtkWidget *dialog, const char *title)
{
  g_autoptr(GPtrArray) switches = g_ptr_array_new ();
  GtkWidget *row = find_row (dialog, title);

  g_assert_nonnull (row);
  collect (row, GTK_TYPE_SWITCH, switches);
  g_assert_cmpuint (switches->len, ==, 1);
  return g_ptr_array_index (switches, 0);
}

/* The text of the last toast shown in the view. */
static char *
last_toast (Fixture *fixture)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkWidget *overlay = gtk_widget_get_first_child (fixture->view);

  /* The toast is the overlay's last child; its title is its first label. */
  collect (gtk_widget_get_last_child (overlay), GTK_TYPE_LABEL, labels);
  return labels->len > 0 ? g_strdup (gtk_label_get_text (g_ptr_array_index (labels, 0))) : g_strdup ("");
}

static gint64
balance (Fixture *fixture, gint64 client)
{
  return seances_charge_store_get_balance (seances_context_get_charges (fixture->context), client);
}

/* Today's sessions in order, the next one marked, then yesterday's still to review; the
 * first to review has the focus, so that the keys work at once. */
static void
test_rows (Fixture *fixture, gconstpointer data)
{
  g_autofree char *shown = review_shown (fixture);

  g_assert_cmpstr (shown, ==,
                   "[Aujourd’hui] " H("9") ", Hélène Martin, À revoir; " H("10") ", Paul Durand, À revoir; "
                   H("11") ", Sophie Bernard, À revoir; "
                   H("14") ", Marc Petit, À revoir, Confirmation requise; "
                   H("19") ", Marc Petit, Prévue, Prochaine, Confirmation requise; "
                   "[Lundi 23 novembre] " H("16") ", Hélène Martin, À revoir;");
  g_assert_cmpstr (focused (fixture), ==, H("9") ", Hélène Martin, À revoir");
  g_assert_cmpuint (seances_review_view_get_n_to_review (SEANCES_REVIEW_VIEW (fixture->view)), ==, 5);
}

/* The arrows go from row to row, across the days, and stop at the ends. */
static void
test_arrows (Fixture *fixture, gconstpointer data)
{
  for (int i = 0; i < 6; i++)
    press (fixture, GDK_KEY_Down);
  g_assert_cmpstr (focused (fixture), ==, H("16") ", Hélène Martin, À revoir");
  press (fixture, GDK_KEY_Up);
  press (fixture, GDK_KEY_Up);
  g_assert_cmpstr (focused (fixture), ==, H("14") ", Marc Petit, À revoir, Confirmation requise");
  for (int i = 0; i < 6; i++)
    press (fixture, GDK_KEY_Up);
  g_assert_cmpstr (focused (fixture), ==, H("9") ", Hélène Martin, À revoir");
}

typedef struct
{
  guint       key;
  const char *row;
  const char *toast;
} KeyCase;

/* H and D close the focused row at once; the focus goes on to the next one to review. */
static void
test_key_closes (Fixture *fixture, gconstpointer data)
{
  const KeyCase *c = data;
  g_autofree char *toast = NULL;

  press (fixture, c->key);

  g_assert_null (find_verdict ());
  g_assert_nonnull (row_at (fixture, c->row));
  g_assert_cmpstr (focused (fixture), ==, H("10") ", Paul Durand, À revoir");
  toast = last_toast (fixture);
  g_assert_cmpstr (toast, ==, c->toast);
  g_assert_cmpuint (seances_review_view_get_n_to_review (SEANCES_REVIEW_VIEW (fixture->view)), ==, 4);
}

typedef enum { EDIT_NONE, EDIT_AMOUNT, EDIT_WAIVE, EDIT_CHARGE } Edit;

typedef struct
{
  const char *row;
  guint       key;
  const char *verdict;     /* as proposed */
  const char *amount;
  gboolean    waived;
  const char *reason;      /* the waiver's row's subtitle */
  Edit        edit;
  const char *edited;      /* the verdict once edited */
  const char *toast;
  const char *status;      /* the row, closed */
  gint64      client_due;  /* what the client owes for it */
} VerdictCase;

static gint64
client_of (Fixture *fixture, const VerdictCase *c)
{
  if (strstr (c->row, "Hélène") != NULL)
    return fixture->helene;
  if (strstr (c->row, "Paul") != NULL)
    return fixture->paul;
  if (strstr (c->row, "Sophie") != NULL)
    return fixture->sophie;
  return fixture->marc;
}

/* A late cancellation, an absence or a force majeure shows the policy's verdict before
 * anything is recorded; Enter records it as shown, edited or not. */
static void
test_verdict (Fixture *fixture, gconstpointer data)
{
  const VerdictCase *c = data;
  SeancesVerdictDialog *dialog;
  GtkWidget *amount;
  g_autofree char *toast = NULL;
  g_autofree char *closed = NULL;
  gint64 before = balance (fixture, client_of (fixture, c));

  focus_on (fixture, c->row);
  press (fixture, c->key);
  dialog = find_verdict ();
  g_assert_nonnull (dialog);
  wait_for_frame (GTK_WIDGET (dialog));

  g_assert_nonnull (find_label (GTK_WIDGET (dialog), c->verdict));
  amount = find_row (GTK_WIDGET (dialog), "Montant dû");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (amount)), ==, c->amount);
  g_assert_cmpint (gtk_widget_get_sensitive (amount), ==, !c->waived);
  g_assert_cmpint (gtk_switch_get_active (switch_of (GTK_WIDGET (dialog), "Renoncer")), ==, c->waived);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find_row (GTK_WIDGET (dialog), "Renoncer"))), ==,
                   c->reason);

  switch (c->edit)
    {
    case EDIT_AMOUNT:
      gtk_editable_set_text (GTK_EDITABLE (amount), "45");
      break;
    case EDIT_WAIVE:
    case EDIT_CHARGE:
      gtk_switch_set_active (switch_of (GTK_WIDGET (dialog), "Renoncer"), c->edit == EDIT_WAIVE);
      break;
    case EDIT_NONE:
    default:
      break;
    }
  if (c->edit != EDIT_NONE)
    g_assert_nonnull (find_label (GTK_WIDGET (dialog), c->edited));

  /* Enter, wherever the focus is in the dialog but on a button. */
  g_assert_true (press_on (GTK_WIDGET (dialog), GDK_KEY_Return, 0));
  wait_until (find_verdict () == NULL);

  closed = g_strdup_printf ("%s, %s", c->row, c->status);
  g_assert_nonnull (row_at (fixture, closed));
  toast = last_toast (fixture);
  g_assert_cmpstr (toast, ==, c->toast);
  g_assert_cmpint (balance (fixture, client_of (fixture, c)) - before, ==, c->client_due);
}

/* Escape leaves the session as it was: nothing is recorded. */
static void
test_verdict_cancelled (Fixture *fixture, gconstpointer data)
{
  SeancesVerdictDialog *dialog;

  press (fixture, GDK_KEY_a);
  dialog = find_verdict ();
  g_assert_nonnull (dialog);
  gtk_window_close (GTK_WINDOW (dialog));
  wait_until (find_verdict () == NULL);

  g_assert_nonnull (row_at (fixture, H("9") ", Hélène Martin, À revoir"));
  g_assert_cmpint (balance (fixture, fixture->helene), ==, 0);
  g_assert_cmpuint (seances_review_view_get_n_to_review (SEANCES_REVIEW_VIEW (fixture->view)), ==, 5);
}

/* An amount that is not one says so, and cannot be confirmed. */
static void
test_verdict_bad_amount (Fixture *fixture, gconstpointer data)
{
  SeancesVerdictDialog *dialog;
  GtkWidget *amount;

  press (fixture, GDK_KEY_a);
  dialog = find_verdict ();
  amount = find_row (GTK_WIDGET (dialog), "Montant dû");
  gtk_editable_set_text (GTK_EDITABLE (amount), "soixante");

  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "Saisissez un montant en euros, par exemple 45 ou 45,50."));
  g_assert_true (gtk_widget_has_css_class (amount, "error"));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "confirm"));
  press_on (GTK_WIDGET (dialog), GDK_KEY_Return, 0);
  g_assert_true (find_verdict () == dialog);

  gtk_editable_set_text (GTK_EDITABLE (amount), "50");
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "50,00" NBSP "€ à régler" NBSP ": absence sans prévenir."));
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "confirm"));
}

/* Force majeure, turned on in the dialog of an absence, waives it. */
static void
test_verdict_force_majeure_toggled (Fixture *fixture, gconstpointer data)
{
  SeancesVerdictDialog *dialog;

  press (fixture, GDK_KEY_a);
  dialog = find_verdict ();
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "60,00" NBSP "€ à régler" NBSP ": absence sans prévenir."));
  gtk_switch_set_active (switch_of (GTK_WIDGET (dialog), "Force majeure"), TRUE);

  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "Offert" NBSP ": force majeure."));
  g_assert_true (gtk_switch_get_active (switch_of (GTK_WIDGET (dialog), "Renoncer")));
  g_assert_false (gtk_widget_get_sensitive (find_row (GTK_WIDGET (dialog), "Renoncer")));
}

/* « Annuler » on the toast puts the session back as it was: to review, focused, counted,
 * nothing due. */
static void
test_undo (Fixture *fixture, gconstpointer data)
{
  g_autofree char *toast = NULL;

  press (fixture, GDK_KEY_a);
  g_assert_true (press_on (GTK_WIDGET (find_verdict ()), GDK_KEY_Return, 0));
  wait_until (find_verdict () == NULL);
  g_assert_nonnull (row_at (fixture, H("9") ", Hélène Martin, Absence"));
  g_assert_cmpint (balance (fixture, fixture->helene), ==, 6000);

  gtk_widget_activate_action (fixture->view, "review.undo", NULL);

  g_assert_nonnull (row_at (fixture, H("9") ", Hélène Martin, À revoir"));
  g_assert_cmpstr (focused (fixture), ==, H("9") ", Hélène Martin, À revoir");
  g_assert_cmpint (balance (fixture, fixture->helene), ==, 0);
  g_assert_cmpuint (seances_review_view_get_n_to_review (SEANCES_REVIEW_VIEW (fixture->view)), ==, 5);
  toast = last_toast (fixture);
  g_assert_cmpstr (toast, ==, "Décision annulée");
  /* Once undone, there is nothing more to undo: no second toast, no error. */
  g_clear_pointer (&toast, g_free);
  gtk_widget_activate_action (fixture->view, "review.undo", NULL);
  toast = last_toast (fixture);
  g_assert_cmpstr (toast, ==, "Décision annulée");
}

/* A session later today can be moved, not closed. */
static void
test_not_started (Fixture *fixture, gconstpointer data)
{
  g_autofree char *toast = NULL;

  focus_on (fixture, H("19"));
  press (fixture, GDK_KEY_h);

  g_assert_nonnull (row_at (fixture, H("19") ", Marc Petit, Prévue"));
  toast = last_toast (fixture);
  g_assert_cmpstr (toast, ==, "Cette séance n’a pas encore commencé" NBSP ": pour l’annuler à l’avance, passez par l’agenda.");

  press (fixture, GDK_KEY_r);
  g_assert_nonnull (find_editor ());
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (find_editor ())), ==, "Reporter la séance");
}

/* Held, for a client seen every two weeks with nothing booked after: « Fixer la
 * prochaine date » opens the booking two weeks later, at the same time. */
static void
test_next_date (Fixture *fixture, gconstpointer data)
{
  GtkWidget *button;
  GtkWidget *editor;

  focus_on (fixture, H("11"));
  press (fixture, GDK_KEY_h);
  button = find_label (GTK_WIDGET (row_at (fixture, H("11") ", Sophie Bernard, Honorée")), "Fixer la prochaine date…");
  g_assert_nonnull (button);
  /* Marc, seen weekly, has his next session booked already. */
  focus_on (fixture, H("14"));
  press (fixture, GDK_KEY_h);
  g_assert_null (find_label (GTK_WIDGET (row_at (fixture, H("14") ", Marc Petit, Honorée")), "Fixer la prochaine date…"));

  /* The rows were made again: the button too. */
  button = find_label (GTK_WIDGET (row_at (fixture, H("11") ", Sophie Bernard, Honorée")), "Fixer la prochaine date…");
  g_signal_emit_by_name (gtk_widget_get_ancestor (button, GTK_TYPE_BUTTON), "clicked");
  editor = find_editor ();
  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Nouvelle séance");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (editor, "Patient"))), ==, "Sophie Bernard");
  g_assert_nonnull (find_label (editor, "mardi 8 décembre 2026"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (editor, "Heure de début"))), ==, H("11"));
}

/* The main view's first page is « Aujourd'hui », its badge the count still to review. */
static void
test_badge (Fixture *fixture, gconstpointer data)
{
  g_autoptr(SeancesBackupScheduler) scheduler = seances_backup_scheduler_new (fixture->context);
  SeancesMainView *main_view = seances_main_view_new (fixture->context, scheduler);
  g_autoptr(GPtrArray) stacks = g_ptr_array_new ();
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  AdwViewStack *stack;
  AdwViewStackPage *page;
  GtkWidget *review;

  gtk_window_set_child (fixture->window, GTK_WIDGET (main_view));
  fixture->view = NULL;
  wait_for_frame (GTK_WIDGET (main_view));
  collect (GTK_WIDGET (main_view), ADW_TYPE_VIEW_STACK, stacks);
  stack = g_ptr_array_index (stacks, 0);
  page = adw_view_stack_get_page (stack, adw_view_stack_get_visible_child (stack));
  g_assert_cmpstr (adw_view_stack_page_get_name (page), ==, "review");
  g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, "Aujourd’hui");
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (page), ==, 5);
  g_assert_true (adw_view_stack_page_get_needs_attention (page));

  collect (GTK_WIDGET (main_view), SEANCES_TYPE_REVIEW_VIEW, views);
  review = fixture->view = g_ptr_array_index (views, 0);
  press (fixture, GDK_KEY_h);
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (page), ==, 4);
  gtk_widget_activate_action (review, "review.undo", NULL);
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (page), ==, 5);
}

/* Nothing today and nothing left from before: the review says so, calmly. */
static void
test_empty (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();
  GtkWidget *view;

  seances_context_set_now (fixture->context, paris (2026, 11, 29, 12, 0));
  for (int day = 23; day <= 24; day++)
    {
      g_autoptr(GPtrArray) sessions = seances_appointment_store_list_range (seances_context_get_appointments (fixture->context),
                                                                            paris (2026, 11, day, 0, 0),
                                                                            paris (2026, 11, day, 23, 59), NULL);

      for (guint i = 0; i < sessions->len; i++)
        {
          SeancesAppointment *appointment = g_ptr_array_index (sessions, i);
          SeancesPolicyDecision decision;

          if (seances_appointment_get_status (appointment) != SEANCES_APPOINTMENT_STATUS_SCHEDULED)
            continue;
          g_assert_true (seances_decisions_propose (seances_context_get_decisions (fixture->context), appointment,
                                                    SEANCES_POLICY_OUTCOME_HONOURED, FALSE, 0, &decision, NULL));
          seances_decision_undo_unref (seances_decisions_commit (seances_context_get_decisions (fixture->context),
                                                                 appointment, &decision, 0, NULL));
        }
    }

  view = GTK_WIDGET (seances_review_view_new (fixture->context));
  gtk_window_set_child (fixture->window, view);
  wait_for_frame (view);
  collect (view, ADW_TYPE_STATUS_PAGE, pages);
  g_assert_cmpuint (pages->len, ==, 1);
  g_assert_true (gtk_widget_get_mapped (g_ptr_array_index (pages, 0)));
  g_assert_cmpstr (adw_status_page_get_title (g_ptr_array_index (pages, 0)), ==, "Rien à revoir");
  g_assert_cmpuint (seances_review_view_get_n_to_review (SEANCES_REVIEW_VIEW (view)), ==, 0);
}

/* Once disposed, even while something still holds it, the view hears the store no more. */
static void
test_signals_dropped (Fixture *fixture, gconstpointer data)
{
  SeancesAppointmentStore *store = seances_context_get_appointments (fixture->context);
  guint changed = g_signal_lookup ("changed", SEANCES_TYPE_APPOINTMENT_STORE);
  GtkWidget *view = g_object_ref (fixture->view);

  g_assert_true (g_signal_has_handler_pending (store, changed, 0, FALSE));
  gtk_window_set_child (fixture->window, NULL);
  g_object_run_dispose (G_OBJECT (view));
  g_assert_false (g_signal_has_handler_pending (store, changed, 0, FALSE));
  book (fixture, fixture->paul, paris (2026, 11, 26, 10, 0), SEANCES_APPOINTMENT_STATUS_SCHEDULED);
  g_object_unref (view);
}

static GLogWriterOutput
drop_icon_warnings (GLogLevelFlags level, const GLogField *fields, gsize n_fields, gpointer data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i].key, "MESSAGE") == 0 && fields[i].length < 0 &&
        g_str_has_prefix (fields[i].value, "Failed to load icon"))
      return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (level, fields, n_fields, data);
}

int
main (int argc, char *argv[])
{
  g_log_set_writer_func (drop_icon_warnings, NULL, NULL);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_setenv ("TZ", "Europe/Paris", TRUE);
  seances_test_init_french ();
  gtk_init ();
  adw_init ();

  g_test_add ("/review-view/rows", Fixture, NULL, fixture_set_up, test_rows, fixture_tear_down);
  g_test_add ("/review-view/arrows", Fixture, NULL, fixture_set_up, test_arrows, fixture_tear_down);
  {
    static const KeyCase cases[] = {
      { GDK_KEY_h, H("9") ", Hélène Martin, Honorée", "Hélène Martin" NBSP ": séance honorée" },
      { GDK_KEY_d, H("9") ", Hélène Martin, Annulée dans les délais", "Hélène Martin" NBSP ": annulée dans les délais" },
      { GDK_KEY_H, H("9") ", Hélène Martin, Honorée", "Hélène Martin" NBSP ": séance honorée" },
    };
    static const char *names[] = { "honoured", "in-time", "capital" };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *path = g_strdup_printf ("/review-view/key-closes/%s", names[i]);
        g_test_add (path, Fixture, &cases[i], fixture_set_up, test_key_closes, fixture_tear_down);
      }
  }
  {
    static const VerdictCase cases[] = {
      { H("9") ", Hélène Martin", GDK_KEY_a, "60,00" NBSP "€ à régler" NBSP ": absence sans prévenir.",
        "60,00" NBSP "€", FALSE, "", EDIT_NONE, NULL,
        "Hélène Martin" NBSP ": absence, 60,00" NBSP "€ à régler", "Absence", 6000 },
      { H("10") ", Paul Durand", GDK_KEY_t, "Offert" NBSP ": première annulation tardive sur 12 mois.",
        "0,00" NBSP "€", TRUE, "Motif" NBSP ": délai de grâce", EDIT_NONE, NULL,
        "Paul Durand" NBSP ": annulation tardive, offerte (délai de grâce)", "Annulée tardivement", 0 },
      { H("11") ", Sophie Bernard", GDK_KEY_f, "Offert" NBSP ": force majeure.",
        "0,00" NBSP "€", TRUE, "Motif" NBSP ": force majeure", EDIT_NONE, NULL,
        "Sophie Bernard" NBSP ": absence, offerte (force majeure)", "Absence", 0 },
      { H("14") ", Marc Petit", GDK_KEY_a, "Offert" NBSP ": aucune politique d’annulation n’avait été acceptée.",
        "0,00" NBSP "€", TRUE, "Motif" NBSP ": pas de politique acceptée", EDIT_NONE, NULL,
        "Marc Petit" NBSP ": absence, offerte (pas de politique acceptée)", "Absence", 0 },
      { H("9") ", Hélène Martin", GDK_KEY_a, "60,00" NBSP "€ à régler" NBSP ": absence sans prévenir.",
        "60,00" NBSP "€", FALSE, "", EDIT_AMOUNT, "45,00" NBSP "€ à régler" NBSP ": absence sans prévenir.",
        "Hélène Martin" NBSP ": absence, 45,00" NBSP "€ à régler", "Absence", 4500 },
      { H("9") ", Hélène Martin", GDK_KEY_a, "60,00" NBSP "€ à régler" NBSP ": absence sans prévenir.",
        "60,00" NBSP "€", FALSE, "", EDIT_WAIVE, "Offert par le cabinet.",
        "Hélène Martin" NBSP ": absence, offerte (à titre gracieux)", "Absence", 0 },
      { H("14") ", Marc Petit", GDK_KEY_a, "Offert" NBSP ": aucune politique d’annulation n’avait été acceptée.",
        "0,00" NBSP "€", TRUE, "Motif" NBSP ": pas de politique acceptée", EDIT_CHARGE,
        "60,00" NBSP "€ à régler" NBSP ": absence sans prévenir.",
        "Marc Petit" NBSP ": absence, 60,00" NBSP "€ à régler", "Absence", 6000 },
    };
    static const char *names[] = { "absence-due", "late-grace", "force-majeure", "no-policy", "amount-edited",
                                   "waived-by-hand", "charged-without-policy" };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *path = g_strdup_printf ("/review-view/verdict/%s", names[i]);
        g_test_add (path, Fixture, &cases[i], fixture_set_up, test_verdict, fixture_tear_down);
      }
  }
  g_test_add ("/review-view/verdict/escape", Fixture, NULL, fixture_set_up, test_verdict_cancelled, fixture_tear_down);
  g_test_add ("/review-view/verdict/bad-amount", Fixture, NULL, fixture_set_up, test_verdict_bad_amount, fixture_tear_down);
  g_test_add ("/review-view/verdict/force-majeure-toggled", Fixture, NULL, fixture_set_up,
              test_verdict_force_majeure_toggled, fixture_tear_down);
  g_test_add ("/review-view/undo", Fixture, NULL, fixture_set_up, test_undo, fixture_tear_down);
  g_test_add ("/review-view/not-started", Fixture, NULL, fixture_set_up, test_not_started, fixture_tear_down);
  g_test_add ("/review-view/next-date", Fixture, NULL, fixture_set_up, test_next_date, fixture_tear_down);
  g_test_add ("/review-view/badge", Fixture, NULL, fixture_set_up, test_badge, fixture_tear_down);
  g_test_add ("/review-view/empty", Fixture, NULL, fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/review-view/signals-dropped", Fixture, NULL, fixture_set_up, test_signals_dropped, fixture_tear_down);

  return g_test_run ();
}
