/* test-policy-view.c — the cancellation policy's page, its versions, a client's acceptance
 * and the printed commitment, under Xvfb, in French
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run by tests/harness/session --display: real windows on a real X display. « Now » is
 * Tuesday 24 November 2026, 14 h 00 in Paris; the practice's usual fee is 60,00 €. */
#include "config.h"

#include <adwaita.h>

#include <string.h>

#include "clients/seances-client-page.h"
#include "preferences/seances-commitment-print.h"
#include "preferences/seances-policy-page.h"
#include "preferences/seances-policy-versions.h"
#include "preferences/seances-preferences-window.h"
#include "seances-backup-scheduler.h"
#include "seances-test.h"
#include "seances-time.h"
#include "seances-ui-test.h"

#define NBSP "\xc2\xa0"
#define THIN_NBSP "\xe2\x80\xaf"

#define DEFAULT_SUMMARY \
  "Une séance annulée au moins 48 heures avant son début ne coûte rien. " \
  "Une annulation plus tardive ou une absence sans prévenir coûte le prix de la séance (60,00" NBSP "€). " \
  "La première annulation tardive ou absence sur 12 mois est offerte. " \
  "En cas de force majeure, rien n’est dû. " \
  "À partir de 3 absences sur 12 mois, chaque séance est à confirmer à l’avance."

typedef struct
{
  SeancesContext *context;
  GtkWindow      *window;
  gint64          helene;
  gint64          paul;
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
add_client (Fixture *fixture, const char *first, const char *last)
{
  g_autoptr(SeancesClient) client = g_object_new (SEANCES_TYPE_CLIENT, "first-name", first, "last-name", last,
                                                  "email", "personne@exemple.fr", "channel", SEANCES_CHANNEL_EMAIL,
                                                  NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (seances_client_store_add (seances_context_get_clients (fixture->context), client, &error));
  g_assert_no_error (error);
  return seances_client_get_id (client);
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "seances.db", NULL);
  g_autoptr(SeancesKey) key = seances_key_new_random ();
  g_autoptr(SeancesDatabase) database = NULL;
  g_autoptr(SeancesPractice) practice = NULL;
  g_autoptr(GError) error = NULL;

  database = seances_database_create (path, key, &error);
  g_assert_no_error (error);
  seances_test_save_practice (database);

  fixture->context = seances_context_new (database, &error);
  g_assert_no_error (error);
  g_assert_cmpint (seances_context_get_now (fixture->context), ==, paris (2026, 11, 24, 14, 0));
  practice = seances_practice_copy (seances_context_get_practice (fixture->context));
  seances_practice_set_address (practice, "12 rue des Lilas, 69003 Lyon");
  g_assert_true (seances_context_save_practice (fixture->context, practice, &error));
  g_assert_no_error (error);

  fixture->helene = add_client (fixture, "Hélène", "Martin");
  fixture->paul = add_client (fixture, "Paul", "Durand");

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 800, 800);
  gtk_window_present (fixture->window);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  /* The windows a test opened go with it. */
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

static GtkWidget *
find_group (GtkWidget *root, const char *title)
{
  if (ADW_IS_PREFERENCES_GROUP (root) && g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (root)), title) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_group (child, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A button by what it says (its label, or the label of its content). */
static GtkWidget *
find_button (GtkWidget *root, const char *label)
{
  if (GTK_IS_BUTTON (root))
    {
      GtkWidget *child = gtk_button_get_child (GTK_BUTTON (root));

      if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0 ||
          (ADW_IS_BUTTON_CONTENT (child) && g_strcmp0 (adw_button_content_get_label (ADW_BUTTON_CONTENT (child)), label) == 0))
        return root;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The visible error label under @row in its group: NULL when there is none. */
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

/* The row @title of the group @group_title. */
static GtkWidget *
row_in (GtkWidget *page, const char *group_title, const char *title)
{
  GtkWidget *group = find_group (page, group_title);
  GtkWidget *row;

  g_assert_nonnull (group);
  row = find_row (group, title);
  g_assert_nonnull (row);
  return row;
}

/* Types @text into the spin button of a row, as a person would (the value it holds is
 * replaced only once the field is left). */
static void
type_into (GtkWidget *page, const char *group_title, const char *title, const char *text)
{
  GtkWidget *spin = find_widget (row_in (page, group_title, title), GTK_TYPE_SPIN_BUTTON);

  g_assert_nonnull (spin);
  gtk_editable_set_text (GTK_EDITABLE (spin), text);
}

static GtkWidget *
find_styled (GtkWidget *root, const char *style_class)
{
  if (gtk_widget_has_css_class (root, style_class))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_styled (child, style_class);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The summary: the text in the card of « En clair ». */
static const char *
summary (GtkWidget *page)
{
  GtkWidget *group = find_group (page, "En clair");
  GtkWidget *card;

  g_assert_nonnull (group);
  card = find_styled (group, "card");
  g_assert_nonnull (card);
  return gtk_label_get_text (GTK_LABEL (find_widget (card, GTK_TYPE_LABEL)));
}

static GtkWidget *
save_button (GtkWidget *page)
{
  GtkWidget *button = find_button (find_group (page, "En clair"), "Enregistrer");

  g_assert_nonnull (button);
  return button;
}

static GtkWidget *
show_page (Fixture *fixture)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *page = GTK_WIDGET (seances_policy_page_new (fixture->context));

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), page);
  gtk_window_set_child (fixture->window, scroller);
  wait_for_frame (page);
  return page;
}

/* ---- The page -------------------------------------------------------------------- */

typedef struct
{
  const char *name;
  const char *notice;         /* typed into « Heures avant la séance », or NULL */
  guint       late_kind;      /* the item of « Coût d’une annulation tardive » */
  const char *late_value;     /* typed into its percentage or amount */
  guint       absence_kind;
  const char *absence_value;
  const char *grace_count;    /* typed into « Annulations tardives ou absences offertes » */
  const char *flag_count;     /* typed into « Absences avant confirmation » */
  const char *summary;
} SummaryCase;

static const SummaryCase summary_cases[] = {
  { "default", NULL, 0, NULL, 0, NULL, NULL, NULL, DEFAULT_SUMMARY },
  { "notice-24-hours", "24", 0, NULL, 0, NULL, NULL, NULL,
    "Une séance annulée au moins 24 heures avant son début ne coûte rien. "
    "Une annulation plus tardive ou une absence sans prévenir coûte le prix de la séance (60,00" NBSP "€). "
    "La première annulation tardive ou absence sur 12 mois est offerte. "
    "En cas de force majeure, rien n’est dû. "
    "À partir de 3 absences sur 12 mois, chaque séance est à confirmer à l’avance." },
  { "late-half-absence-fixed", NULL, 1, "50", 2, "25,50", NULL, NULL,
    "Une séance annulée au moins 48 heures avant son début ne coûte rien. "
    "Une annulation plus tardive coûte 50" NBSP "% du prix de la séance (30,00" NBSP "€). "
    "Une absence sans prévenir coûte 25,50" NBSP "€. "
    "La première annulation tardive ou absence sur 12 mois est offerte. "
    "En cas de force majeure, rien n’est dû. "
    "À partir de 3 absences sur 12 mois, chaque séance est à confirmer à l’avance." },
  { "no-grace-no-flag", NULL, 0, NULL, 0, NULL, "0", "0",
    "Une séance annulée au moins 48 heures avant son début ne coûte rien. "
    "Une annulation plus tardive ou une absence sans prévenir coûte le prix de la séance (60,00" NBSP "€). "
    "En cas de force majeure, rien n’est dû." },
  { "nothing-charged", "0", 1, "0", 2, "0", NULL, NULL,
    "Une séance annulée avant son début ne coûte rien. "
    "Une annulation plus tardive ou une absence sans prévenir ne coûte rien. "
    "À partir de 3 absences sur 12 mois, chaque séance est à confirmer à l’avance." },
};

/* The summary says, in plain French, what the fields say, as they are typed. */
static void
test_summary_follows (Fixture *fixture, gconstpointer data)
{
  const SummaryCase *row = data;
  GtkWidget *page = show_page (fixture);

  if (row->notice != NULL)
    type_into (page, "Délai de prévenance", "Heures avant la séance", row->notice);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row_in (page, "Annulation tardive", "Coût d’une annulation tardive")),
                              row->late_kind);
  if (row->late_value != NULL)
    type_into (page, "Annulation tardive", row->late_kind == 1 ? "Pourcentage du prix" : "Montant fixe",
               row->late_value);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row_in (page, "Absence sans prévenir", "Coût d’une absence")),
                              row->absence_kind);
  if (row->absence_value != NULL)
    type_into (page, "Absence sans prévenir", row->absence_kind == 1 ? "Pourcentage du prix" : "Montant fixe",
               row->absence_value);
  if (row->grace_count != NULL)
    type_into (page, "Tolérance", "Annulations tardives ou absences offertes", row->grace_count);
  if (row->flag_count != NULL)
    type_into (page, "Absences répétées", "Absences avant confirmation", row->flag_count);

  g_assert_cmpstr (summary (page), ==, row->summary);
  /* Nothing is saved until « Enregistrer »; it is offered as soon as something changed. */
  g_assert_cmpuint (seances_policy_store_get_n_versions (seances_context_get_policies (fixture->context)), ==, 1);
  g_assert_cmpint (gtk_widget_is_sensitive (save_button (page)), ==, strcmp (row->name, "default") != 0);
}

/* The usual fee changed in « Cabinet »: the amounts of the summary follow at once. */
static void
test_summary_follows_fee (Fixture *fixture, gconstpointer data)
{
  GtkWidget *page = show_page (fixture);
  g_autoptr(SeancesPractice) practice = seances_practice_copy (seances_context_get_practice (fixture->context));
  g_autoptr(GError) error = NULL;

  adw_combo_row_set_selected (ADW_COMBO_ROW (row_in (page, "Annulation tardive", "Coût d’une annulation tardive")), 1);
  type_into (page, "Annulation tardive", "Pourcentage du prix", "50");
  seances_practice_set_default_fee_cents (practice, 8000);
  g_assert_true (seances_context_save_practice (fixture->context, practice, &error));
  g_assert_no_error (error);

  g_assert_nonnull (strstr (summary (page), "Une annulation plus tardive coûte 50" NBSP "% du prix de la séance (40,00" NBSP "€). "
                                            "Une absence sans prévenir coûte le prix de la séance (80,00" NBSP "€)."));
}

typedef struct
{
  const char *name;
  const char *group;
  guint       kind;      /* for a cost: the item to choose first */
  const char *row;
  const char *typed;
  const char *message;
} FieldCase;

static const FieldCase field_cases[] = {
  { "notice-over-a-week", "Délai de prévenance", 0, "Heures avant la séance", "200",
    "Le délai pour prévenir va de 0 à 168 heures." },
  { "notice-not-a-number", "Délai de prévenance", 0, "Heures avant la séance", "",
    "Le délai pour prévenir va de 0 à 168 heures." },
  { "late-percent-over-100", "Annulation tardive", 1, "Pourcentage du prix", "120",
    "Le coût d’une annulation tardive est un pourcentage de 0 à 100." },
  { "absence-fixed-too-high", "Absence sans prévenir", 2, "Montant fixe", "20000",
    "Le coût d’une absence est un montant de 0,00" NBSP "€ à 10" THIN_NBSP "000,00" NBSP "€." },
  { "grace-months-zero", "Tolérance", 0, "Période de tolérance", "0",
    "La période sur laquelle des annulations tardives ou des absences sont offertes va de 1 à 24 mois." },
  { "flag-count-too-many", "Absences répétées", 0, "Absences avant confirmation", "13",
    "Le nombre d’absences avant de demander une confirmation va de 0 à 12." },
};

/* A value out of range is said under its field; the summary keeps the last valid one and
 * nothing can be saved until it is mended. */
static void
test_field_error (Fixture *fixture, gconstpointer data)
{
  const FieldCase *row = data;
  GtkWidget *page = show_page (fixture);
  GtkWidget *field;
  GtkWidget *combo;

  combo = find_widget (find_group (page, row->group), ADW_TYPE_COMBO_ROW);
  if (row->kind > 0)
    adw_combo_row_set_selected (ADW_COMBO_ROW (combo), row->kind);
  field = row_in (page, row->group, row->row);
  g_assert_null (error_under (field));
  type_into (page, row->group, row->row, row->typed);

  g_assert_cmpstr (error_under (field), ==, row->message);
  g_assert_false (gtk_widget_is_sensitive (save_button (page)));
  if (row->kind == 0)
    g_assert_cmpstr (summary (page), ==, DEFAULT_SUMMARY);

  /* Leaving the field puts back a value it takes: the message goes. */
  gtk_spin_button_update (GTK_SPIN_BUTTON (find_widget (field, GTK_TYPE_SPIN_BUTTON)));
  g_assert_null (error_under (field));
}

/* « Enregistrer » makes a new version; a session booked before keeps the one it was
 * booked under, and the page says which version is in force. */
static void
test_save_makes_version (Fixture *fixture, gconstpointer data)
{
  SeancesPolicyStore *policies = seances_context_get_policies (fixture->context);
  gint64 first = seances_policy_store_get_current (policies)->id;
  g_autoptr(SeancesAppointment) booked = seances_appointment_new (fixture->helene, paris (2026, 12, 1, 10, 0),
                                                                  paris (2026, 12, 1, 10, 50), SEANCES_PLACE_OFFICE, 6000);
  g_autoptr(GError) error = NULL;
  GtkWidget *page;
  GtkWidget *group;

  g_assert_true (seances_appointment_store_create (seances_context_get_appointments (fixture->context),
                                                   booked, TRUE, &error));
  g_assert_no_error (error);
  page = show_page (fixture);
  group = find_group (page, "En clair");
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)), ==,
                   "Version 1, en vigueur depuis le 24 novembre 2026.");
  g_assert_false (gtk_widget_is_sensitive (save_button (page)));

  type_into (page, "Délai de prévenance", "Heures avant la séance", "24");
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)), ==,
                   "Modifications non enregistrées. Enregistrer crée une nouvelle version de la politique" NBSP
                   ": les séances déjà réservées gardent la politique de leur réservation.");
  g_signal_emit_by_name (save_button (page), "clicked");

  g_assert_cmpuint (seances_policy_store_get_n_versions (policies), ==, 2);
  g_assert_cmpint (seances_policy_store_get_current (policies)->terms.notice_hours, ==, 24);
  g_assert_cmpint (seances_policy_store_lookup (policies, first)->terms.notice_hours, ==, 48);
  g_assert_cmpint (seances_appointment_get_policy_version_id (booked), ==, first);
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)), ==,
                   "Version 2, en vigueur depuis le 24 novembre 2026.");
  g_assert_false (gtk_widget_is_sensitive (save_button (page)));

  /* A field set back to what is saved is no change. */
  type_into (page, "Délai de prévenance", "Heures avant la séance", "48");
  g_assert_true (gtk_widget_is_sensitive (save_button (page)));
  type_into (page, "Délai de prévenance", "Heures avant la séance", "24");
  g_assert_false (gtk_widget_is_sensitive (save_button (page)));
}

/* An empty commitment is refused under the text; « Rétablir le texte proposé » puts the
 * proposed one back. */
static void
test_commitment (Fixture *fixture, gconstpointer data)
{
  SeancesPolicyStore *policies = seances_context_get_policies (fixture->context);
  GtkWidget *page = show_page (fixture);
  GtkWidget *group = find_group (page, "Engagement mutuel");
  GtkTextView *view = GTK_TEXT_VIEW (find_widget (group, GTK_TYPE_TEXT_VIEW));
  GtkWidget *restore = find_button (group, "Rétablir le texte proposé");
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  g_assert_false (gtk_widget_is_sensitive (restore));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "  \n", -1);
  g_assert_true (gtk_widget_is_sensitive (restore));
  g_signal_emit_by_name (save_button (page), "clicked");
  g_assert_cmpstr (error_under (GTK_WIDGET (view)), ==, "Écrivez le texte de l’engagement que le client acceptera.");
  g_assert_cmpuint (seances_policy_store_get_n_versions (policies), ==, 1);

  g_signal_emit_by_name (restore, "clicked");
  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (view), &start, &end);
  text = gtk_text_buffer_get_text (gtk_text_view_get_buffer (view), &start, &end, FALSE);
  g_assert_true (g_str_has_prefix (text, "Ce temps est réservé pour vous"));
  g_assert_null (error_under (GTK_WIDGET (view)));
  g_assert_false (gtk_widget_is_sensitive (restore));
  g_assert_false (gtk_widget_is_sensitive (save_button (page)));
}

/* ---- Versions and acceptances ---------------------------------------------------- */

static void
accept (Fixture *fixture, gint64 client_id, gint64 when, SeancesAcceptanceMeans means)
{
  SeancesPolicyStore *policies = seances_context_get_policies (fixture->context);
  g_autoptr(GError) error = NULL;

  g_assert_true (seances_policy_store_accept (policies, client_id, seances_policy_store_get_current (policies)->id,
                                              when, means, &error));
  g_assert_no_error (error);
}

static void
save_notice (Fixture *fixture, int hours)
{
  SeancesPolicyStore *policies = seances_context_get_policies (fixture->context);
  SeancesPolicyTerms terms = seances_policy_store_get_current (policies)->terms;
  g_autoptr(GError) error = NULL;

  terms.notice_hours = hours;
  g_assert_true (seances_policy_store_save (policies, &terms, seances_policy_store_get_current (policies)->commitment,
                                            &error));
  g_assert_no_error (error);
}

/* What a version's group shows: its title, its date, and each person listed with how and
 * when they accepted, one « | » between rows. */
static char *
version_shown (GtkWidget *group)
{
  GtkWidget *expander = find_widget (group, ADW_TYPE_EXPANDER_ROW);
  GString *out = g_string_new (NULL);
  GtkWidget *list;

  g_string_append_printf (out, "%s (%s) %s:", adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)),
                          adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)),
                          adw_preferences_row_get_title (ADW_PREFERENCES_ROW (expander)));
  /* The rows are in the revealer's list; the other list is the expander's own header. */
  list = find_widget (find_widget (expander, GTK_TYPE_REVEALER), GTK_TYPE_LIST_BOX);
  for (GtkWidget *row = list != NULL ? gtk_widget_get_first_child (list) : NULL; row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row))
      g_string_append_printf (out, " %s, %s |", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                              adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
  return g_string_free (out, FALSE);
}

/* « Versions et acceptations »: the versions newest first, with who accepted which, how
 * and when; a version's list fills as it opens, and follows a new acceptance. */
static void
test_versions (Fixture *fixture, gconstpointer data)
{
  g_autoptr(SeancesBackupScheduler) scheduler = seances_backup_scheduler_new (fixture->context);
  SeancesPreferencesWindow *window;
  GtkWidget *page, *versions, *newest, *oldest;
  g_autofree char *newest_shown = NULL;
  g_autofree char *oldest_closed = NULL;
  g_autofree char *oldest_shown = NULL;
  g_autofree char *after = NULL;

  accept (fixture, fixture->helene, paris (2026, 11, 20, 10, 0), SEANCES_ACCEPTANCE_SESSION);
  save_notice (fixture, 24);
  accept (fixture, fixture->paul, paris (2026, 11, 24, 9, 0), SEANCES_ACCEPTANCE_PAPER);

  window = seances_preferences_window_new (fixture->context, scheduler);
  gtk_window_set_transient_for (GTK_WINDOW (window), fixture->window);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frame (GTK_WIDGET (window));
  page = find_widget (GTK_WIDGET (window), SEANCES_TYPE_POLICY_PAGE);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find_row (page, "Versions et acceptations"))), ==,
                   "2 versions · 2 acceptations");
  g_assert_true (gtk_widget_activate_action (page, "policy.show-versions", NULL));
  versions = find_widget (GTK_WIDGET (window), SEANCES_TYPE_POLICY_VERSIONS);
  g_assert_nonnull (versions);
  wait_for_frame (versions);

  newest = find_widget (versions, ADW_TYPE_PREFERENCES_GROUP);
  oldest = gtk_widget_get_next_sibling (newest);
  g_assert_nonnull (oldest);
  newest_shown = version_shown (newest);
  g_assert_cmpstr (newest_shown, ==, "Version 2, en vigueur (Enregistrée le 24 novembre 2026.) Acceptée par 1 personne: "
                                     "Paul Durand, Signée sur papier le 24 novembre 2026 |");
  g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (find_widget (newest, ADW_TYPE_ACTION_ROW))),
                                   "Une séance annulée au moins 24 heures avant son début"));
  oldest_closed = version_shown (oldest);
  g_assert_cmpstr (oldest_closed, ==, "Version 1 (Enregistrée le 24 novembre 2026.) Acceptée par 1 personne:");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (find_widget (oldest, ADW_TYPE_EXPANDER_ROW)), TRUE);
  oldest_shown = version_shown (oldest);
  g_assert_cmpstr (oldest_shown, ==, "Version 1 (Enregistrée le 24 novembre 2026.) Acceptée par 1 personne: "
                                     "Hélène Martin, Acceptée en séance le 20 novembre 2026 |");

  /* Hélène accepts the version in force: she moves to it. */
  accept (fixture, fixture->helene, paris (2026, 11, 24, 13, 0), SEANCES_ACCEPTANCE_EMAIL);
  newest = find_widget (versions, ADW_TYPE_PREFERENCES_GROUP);
  after = version_shown (newest);
  g_assert_cmpstr (after, ==, "Version 2, en vigueur (Enregistrée le 24 novembre 2026.) Acceptée par 2 personnes: "
                              "Paul Durand, Signée sur papier le 24 novembre 2026 | "
                              "Hélène Martin, Acceptée par e-mail le 24 novembre 2026 |");
  g_assert_cmpstr (version_shown (gtk_widget_get_next_sibling (newest)), ==,
                   "Version 1 (Enregistrée le 24 novembre 2026.) Personne n’a encore accepté cette version.:");

  /* « Retour » goes back to the page. */
  g_assert_true (gtk_widget_activate_action (versions, "versions.back", NULL));
  wait_until (find_widget (GTK_WIDGET (window), SEANCES_TYPE_POLICY_VERSIONS) == NULL);
}

/* ---- The client page ------------------------------------------------------------- */

static GtkWidget *
show_client (Fixture *fixture, gint64 client_id)
{
  GtkWidget *page = seances_client_page_new (fixture->context);

  gtk_window_set_child (fixture->window, page);
  seances_client_page_set_client (SEANCES_CLIENT_PAGE (page),
                                  seances_client_store_lookup (seances_context_get_clients (fixture->context), client_id));
  wait_for_frame (page);
  return page;
}

static GtkWidget *
policy_group (GtkWidget *page)
{
  GtkWidget *group = find_group (page, "Politique d’annulation");

  g_assert_nonnull (group);
  return group;
}

/* The group's one row: its title, then its subtitle. */
static char *
acceptance_shown (GtkWidget *page)
{
  GtkWidget *row = find_widget (policy_group (page), ADW_TYPE_ACTION_ROW);

  return g_strdup_printf ("%s — %s", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                          adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
}

/* A button of the acceptance menu (in its popover), by what it says. */
static GtkWidget *
menu_item (GtkWidget *page, const char *label)
{
  GtkWidget *menu = find_widget (policy_group (page), GTK_TYPE_MENU_BUTTON);
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu)));
  GtkWidget *item = find_button (popover, label);

  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (menu)), ==, "Noter une acceptation");
  g_assert_nonnull (item);
  return item;
}

/* Without an acceptance, the page says so and why it matters; in the group's order, it
 * comes after « Suivi ». */
static void
test_client_not_accepted (Fixture *fixture, gconstpointer data)
{
  GtkWidget *page = show_client (fixture, fixture->helene);
  g_autofree char *shown = acceptance_shown (page);

  g_assert_cmpstr (shown, ==, "Pas encore acceptée — Tant qu’aucune politique n’est acceptée, aucune annulation "
                              "tardive ni absence ne peut être facturée.");
  g_assert_true (gtk_widget_get_prev_sibling (policy_group (page)) == find_group (page, "Suivi"));
}

typedef struct
{
  const char             *name;
  const char             *item;
  SeancesAcceptanceMeans  means;
  const char             *shown;
} RecordCase;

static const RecordCase record_cases[] = {
  { "paper", "Signée sur papier", SEANCES_ACCEPTANCE_PAPER,
    "Signée sur papier le 24 novembre 2026 — Version 1, celle en vigueur." },
  { "email", "Par e-mail", SEANCES_ACCEPTANCE_EMAIL,
    "Acceptée par e-mail le 24 novembre 2026 — Version 1, celle en vigueur." },
  { "session", "En séance", SEANCES_ACCEPTANCE_SESSION,
    "Acceptée en séance le 24 novembre 2026 — Version 1, celle en vigueur." },
};

/* Two clicks: « Noter une acceptation », then how it was given; dated now. */
static void
test_client_records (Fixture *fixture, gconstpointer data)
{
  const RecordCase *row = data;
  SeancesPolicyStore *policies = seances_context_get_policies (fixture->context);
  GtkWidget *page = show_client (fixture, fixture->helene);
  GtkWidget *menu = find_widget (policy_group (page), GTK_TYPE_MENU_BUTTON);
  const SeancesPolicyAcceptance *acceptance;
  g_autofree char *shown = NULL;

  gtk_menu_button_popup (GTK_MENU_BUTTON (menu));
  wait_until (gtk_widget_get_mapped (menu_item (page, row->item)));
  g_signal_emit_by_name (menu_item (page, row->item), "clicked");

  acceptance = seances_policy_store_get_acceptance (policies, fixture->helene);
  g_assert_nonnull (acceptance);
  g_assert_cmpint (acceptance->means, ==, row->means);
  g_assert_cmpint (acceptance->accepted_at, ==, seances_context_get_now (fixture->context));
  g_assert_cmpint (acceptance->version_id, ==, seances_policy_store_get_current (policies)->id);
  g_assert_null (seances_policy_store_get_acceptance (policies, fixture->paul));
  shown = acceptance_shown (page);
  g_assert_cmpstr (shown, ==, row->shown);
  wait_until (!gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu)))));
}

/* Another day can be picked: the acceptance counts from the start of that day; the next
 * one starts from today again. A day to come is refused in the engine's words. */
static void
test_client_earlier_day (Fixture *fixture, gconstpointer data)
{
  SeancesPolicyStore *policies = seances_context_get_policies (fixture->context);
  GtkWidget *page = show_client (fixture, fixture->helene);
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (find_widget (policy_group (page),
                                                                                              GTK_TYPE_MENU_BUTTON))));
  GtkWidget *date_button = find_widget (popover, GTK_TYPE_MENU_BUTTON);
  GtkCalendar *calendar = GTK_CALENDAR (find_widget (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (date_button))),
                                                     GTK_TYPE_CALENDAR));
  g_autoptr(GDateTime) friday = g_date_time_new_local (2026, 11, 20, 12, 0, 0);
  g_autofree char *shown = NULL;

  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (date_button)), ==, "mardi 24 novembre 2026");
  gtk_calendar_select_day (calendar, friday);
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (date_button)), ==, "vendredi 20 novembre 2026");
  g_signal_emit_by_name (menu_item (page, "Par e-mail"), "clicked");

  g_assert_cmpint (seances_policy_store_get_acceptance (policies, fixture->helene)->accepted_at, ==,
                   paris (2026, 11, 20, 0, 0));
  shown = acceptance_shown (page);
  g_assert_cmpstr (shown, ==, "Acceptée par e-mail le 20 novembre 2026 — Version 1, celle en vigueur.");
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (date_button)), ==, "mardi 24 novembre 2026");
}

/* Once the policy changed, the page says the version accepted is an older one. */
static void
test_client_older_version (Fixture *fixture, gconstpointer data)
{
  GtkWidget *page = show_client (fixture, fixture->helene);
  g_autofree char *shown = NULL;

  accept (fixture, fixture->helene, paris (2026, 11, 20, 10, 0), SEANCES_ACCEPTANCE_PAPER);
  save_notice (fixture, 24);
  shown = acceptance_shown (page);
  g_assert_cmpstr (shown, ==, "Signée sur papier le 20 novembre 2026 — Version 1. La politique a changé depuis" NBSP
                              ": version 2, du 24 novembre 2026.");
}

/* ---- Printing -------------------------------------------------------------------- */

/* Whether the file holds @needle: a PDF has NUL bytes, so no string function will do. */
static gboolean
holds (const char *data, gsize length, const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* A text as cairo writes it in the document's information: as it is when it is plain
 * ASCII, in UTF-16 otherwise. */
static char *
pdf_string (const char *text)
{
  g_autofree gunichar2 *units = NULL;
  glong n_units = 0;
  GString *out;

  if (g_str_is_ascii (text))
    return g_strdup_printf ("(%s)", text);
  units = g_utf8_to_utf16 (text, -1, NULL, &n_units, NULL);
  out = g_string_new ("<FEFF");
  for (glong i = 0; i < n_units; i++)
    g_string_append_printf (out, "%04X", units[i]);
  g_string_append_c (out, '>');
  return g_string_free (out, FALSE);
}

typedef struct
{
  const char *name;
  gboolean    for_client;
  guint       commitment_length;  /* 0: the proposed text */
  const char *title;
} PrintCase;

static const PrintCase print_cases[] = {
  { "for-a-client", TRUE, 0, "Engagement mutuel — Hélène Martin" },
  { "blank-longest-commitment", FALSE, 4000, "Engagement mutuel" },
};

/* « Imprimer dans un fichier »: one A4 page, a PDF that says what it is, for whom, and by
 * which practice — even with the longest commitment the policy allows. */
static void
test_print_one_page (Fixture *fixture, gconstpointer data)
{
  const PrintCase *row = data;
  SeancesClient *client = seances_client_store_lookup (seances_context_get_clients (fixture->context), fixture->helene);
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "engagement.pdf", NULL);
  g_autoptr(SeancesCommitmentPrint) print = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *title = pdf_string (row->title);
  g_autofree char *author = pdf_string ("Claire Martin");
  g_autofree char *subject = pdf_string ("Cabinet Les Tilleuls");
  gsize length = 0;

  if (row->commitment_length > 0)
    {
      SeancesPolicyStore *policies = seances_context_get_policies (fixture->context);
      g_autoptr(GString) words = g_string_new (NULL);

      /* Paragraphs of forty words, up to the length the policy takes. */
      for (guint i = 0; g_utf8_strlen (words->str, -1) + 13 <= row->commitment_length; i++)
        g_string_append (words, i % 40 == 39 ? "je promets.\n\n" : "je promets ");
      g_assert_true (seances_policy_store_save (policies, &seances_policy_store_get_current (policies)->terms,
                                                words->str, &error));
      g_assert_no_error (error);
    }
  g_assert_true (g_mkdir_with_parents (g_get_user_cache_dir (), 0700) == 0);
  print = seances_commitment_print_new (fixture->context, row->for_client ? client : NULL);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (print), path);
  g_assert_cmpint (gtk_print_operation_run (GTK_PRINT_OPERATION (print), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                            NULL, &error), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &pdf, &length, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  g_assert_true (holds (pdf, length, "/Type /Pages"));
  g_assert_true (holds (pdf, length, "/Count 1\n"));
  g_assert_false (holds (pdf, length, "/Count 2"));
  /* A4, in points. */
  g_assert_true (holds (pdf, length, "/MediaBox [ 0 0 595.275591 841.889764 ]"));
  /* What it is, for whom, and by which practice. */
  g_assert_true (holds (pdf, length, title));
  g_assert_true (holds (pdf, length, author));
  g_assert_true (holds (pdf, length, subject));
}

/* With the test's isolated data folders there is no MIME database, so GTK's symbolic
 * icons cannot be recognised: that warning says nothing of the views tested. */
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
  seances_test_init_french ();
  /* From the context's first instant: the policy's first version is dated by it too. */
  g_setenv ("SEANCES_NOW", "2026-11-24T14:00", TRUE);
  gtk_init ();
  adw_init ();

#define ADD_ROWS(prefix, rows, func)                                                      \
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)                                         \
    {                                                                                     \
      g_autofree char *path = g_strdup_printf (prefix "/%s", rows[i].name);               \
      g_test_add (path, Fixture, &rows[i], fixture_set_up, func, fixture_tear_down);      \
    }

  ADD_ROWS ("/policy-page/summary", summary_cases, test_summary_follows);
  g_test_add ("/policy-page/summary-follows-fee", Fixture, NULL, fixture_set_up, test_summary_follows_fee, fixture_tear_down);
  ADD_ROWS ("/policy-page/field-error", field_cases, test_field_error);
  g_test_add ("/policy-page/save-makes-version", Fixture, NULL, fixture_set_up, test_save_makes_version, fixture_tear_down);
  g_test_add ("/policy-page/commitment", Fixture, NULL, fixture_set_up, test_commitment, fixture_tear_down);
  g_test_add ("/policy-versions/lists", Fixture, NULL, fixture_set_up, test_versions, fixture_tear_down);
  g_test_add ("/client-policy/not-accepted", Fixture, NULL, fixture_set_up, test_client_not_accepted, fixture_tear_down);
  ADD_ROWS ("/client-policy/records", record_cases, test_client_records);
  g_test_add ("/client-policy/earlier-day", Fixture, NULL, fixture_set_up, test_client_earlier_day, fixture_tear_down);
  g_test_add ("/client-policy/older-version", Fixture, NULL, fixture_set_up, test_client_older_version, fixture_tear_down);
  ADD_ROWS ("/commitment-print/one-page", print_cases, test_print_one_page);
#undef ADD_ROWS

  return g_test_run ();
}
