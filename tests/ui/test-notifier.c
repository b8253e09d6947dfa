/* test-notifier.c — the desktop notifications, against a real notification server
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run by tests/harness/session --display: a private session bus, on which this program
 * starts tests/harness/notification-server.py and reads what it was sent (its JSON log).
 * libnotify's calls are synchronous, so what the notifier showed is in the log by the
 * time the main loop is idle. « Now » is the context's clock, moved by each case. */
#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <adwaita.h>
#include <gio/gsettingsbackend.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>

#include "seances-notifier.h"
#include "seances-test.h"
#include "seances-time.h"
#include "seances-ui-test.h"

#define NBSP "\xc2\xa0"

static char *server_log;

typedef struct
{
  SeancesContext  *context;
  GSettings       *settings;
  GtkWindow       *window;
  SeancesNotifier *notifier;
  gint64           helene;     /* a rhythm of 2 weeks */
  gint64           paul;       /* no rhythm */
  guint            first_line; /* of the server's log, for this case */
  GString         *opened;     /* the window's actions a click activated */
} Fixture;

static gint64
paris (int month, int day, int hour, int minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");
  gint64 utc = 0;

  g_assert_true (seances_time_from_local (tz, 2026, month, day, hour, minute, &utc, NULL));
  return utc;
}

/* What is pending runs: idle recomputations, D-Bus replies and signals. */
static void
settle (void)
{
  gint64 until = g_get_monotonic_time () + 100 * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < until)
    while (g_main_context_pending (NULL))
      g_main_context_iteration (NULL, FALSE);
}

/* The server's records of @kind (« notify », « close », « invoke ») since the case began. */
static GPtrArray *
records (Fixture    *fixture,
         const char *kind)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);

  g_assert_true (g_file_get_contents (server_log, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = fixture->first_line; lines[i] != NULL; i++)
    {
      g_autoptr(JsonNode) node = NULL;

      if (*lines[i] == '\0')
        continue;
      node = json_from_string (lines[i], NULL);
      g_assert_nonnull (node);
      if (g_str_equal (json_object_get_string_member (json_node_get_object (node), "event"), kind))
        g_ptr_array_add (found, json_object_ref (json_node_get_object (node)));
    }
  return found;
}

static guint
count (Fixture    *fixture,
       const char *kind)
{
  g_autoptr(GPtrArray) found = records (fixture, kind);

  return found->len;
}

/* The one notification shown, checked to name nobody unless @names. */
static JsonObject *
the_notification (Fixture  *fixture,
                  gboolean  names)
{
  g_autoptr(GPtrArray) shown = records (fixture, "notify");
  JsonObject *note;
  const char *body;

  g_assert_cmpuint (shown->len, ==, 1);
  note = json_object_ref (g_ptr_array_index (shown, 0));
  body = json_object_get_string_member (note, "body");
  g_assert_cmpint (strstr (body, "Martin") != NULL, ==, names);
  g_assert_null (strstr (json_object_get_string_member (note, "summary"), "Martin"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (note, "hints"), "desktop-entry"),
                   ==, APP_ID);
  return note;
}

static void
click (JsonObject *note)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.Notifications", "/org/freedesktop/Notifications",
                                       "io.github.seances.Seances.TestNotifications", "InvokeAction",
                                       g_variant_new ("(us)", (guint32) json_object_get_int_member (note, "id"),
                                                      "default"),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, 5000, NULL, &error);
  g_assert_no_error (error);
}

static gint64
add_client (Fixture    *fixture,
            const char *first_name,
            const char *last_name,
            int         rhythm_weeks)
{
  g_autoptr(SeancesClient) client = g_object_new (SEANCES_TYPE_CLIENT, "first-name", first_name,
                                                  "last-name", last_name, "channel", SEANCES_CHANNEL_EMAIL,
                                                  "email", "personne@exemple.fr", NULL);
  g_autoptr(GError) error = NULL;

  seances_client_set_rhythm_weeks (client, rhythm_weeks);
  g_assert_true (seances_client_store_add (seances_context_get_clients (fixture->context), client, &error));
  g_assert_no_error (error);
  return seances_client_get_id (client);
}

static SeancesAppointment *
book (Fixture *fixture,
      gint64   client_id,
      gint64   start)
{
  g_autoptr(SeancesAppointment) draft = seances_appointment_new (client_id, start, start + 50 * 60,
                                                                 SEANCES_PLACE_OFFICE, 6000);
  g_autoptr(GError) error = NULL;

  g_assert_true (seances_appointment_store_create (seances_context_get_appointments (fixture->context),
                                                   draft, TRUE, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&draft);
}

static SeancesDecisionUndo *
close_as (Fixture              *fixture,
          SeancesAppointment   *session,
          SeancesPolicyOutcome  outcome)
{
  SeancesDecisions *decisions = seances_context_get_decisions (fixture->context);
  SeancesPolicyDecision decision;
  g_autoptr(GError) error = NULL;
  SeancesDecisionUndo *undo;

  g_assert_true (seances_decisions_propose (decisions, session, outcome, FALSE, 0, &decision, &error));
  g_assert_no_error (error);
  undo = seances_decisions_commit (decisions, session, &decision, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (undo);
  return undo;
}

static void
opened_cb (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       user_data)
{
  Fixture *fixture = user_data;

  g_string_append_printf (fixture->opened, "%s%s", fixture->opened->len > 0 ? " " : "",
                          g_action_get_name (G_ACTION (action)));
  if (parameter != NULL)
    g_string_append_printf (fixture->opened, "(%" G_GINT64_FORMAT ")", g_variant_get_int64 (parameter));
}

/* The window's actions a click may lead to; win.show-review only where @review. */
static void
add_actions (Fixture  *fixture,
             gboolean  review)
{
  const GActionEntry win[] = {
    { "show-review", opened_cb }, { "show-client", opened_cb, "x" }, { "show-clients", opened_cb },
  };
  const GActionEntry agenda[] = { { "today", opened_cb } };
  g_autoptr(GSimpleActionGroup) win_group = g_simple_action_group_new ();
  g_autoptr(GSimpleActionGroup) agenda_group = g_simple_action_group_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (win_group), win + (review ? 0 : 1),
                                   G_N_ELEMENTS (win) - (review ? 0 : 1), fixture);
  g_action_map_add_action_entries (G_ACTION_MAP (agenda_group), agenda, G_N_ELEMENTS (agenda), fixture);
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "win", G_ACTION_GROUP (win_group));
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "agenda", G_ACTION_GROUP (agenda_group));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "seances.db", NULL);
  g_autoptr(SeancesKey) key = seances_key_new_random ();
  g_autoptr(SeancesDatabase) database = NULL;
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  database = seances_database_create (path, key, &error);
  g_assert_no_error (error);
  seances_test_save_practice (database);
  fixture->context = seances_context_new (database, &error);
  g_assert_no_error (error);
  if (g_getenv ("SEANCES_NOW_RUNS") == NULL)  /* else fixture_set_up_running()'s clock */
    seances_context_set_now (fixture->context, paris (11, 24, 9, 0));
  fixture->helene = add_client (fixture, "Hélène", "Martin", 2);
  fixture->paul = add_client (fixture, "Paul", "Durand", 0);

  fixture->settings = g_settings_new_with_backend (APP_ID, backend);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->opened = g_string_new (NULL);
  fixture->notifier = seances_notifier_new (fixture->context, fixture->settings, fixture->window);

  g_assert_true (g_file_get_contents (server_log, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  fixture->first_line = g_strv_length (lines) - 1;
}

/* « Now » runs, from 14 h 19 min 57 s: what waits for a time is seen to fire. */
static void
fixture_set_up_running (Fixture       *fixture,
                        gconstpointer  data)
{
  g_setenv ("SEANCES_NOW", "2026-11-24T14:19:57", TRUE);
  g_setenv ("SEANCES_NOW_RUNS", "1", TRUE);
  fixture_set_up (fixture, data);
  g_unsetenv ("SEANCES_NOW");
  g_unsetenv ("SEANCES_NOW_RUNS");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->notifier);
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->context);
  g_string_free (fixture->opened, TRUE);
}

/* « Prochaine séance dans N minutes »: when the lead time is reached, once. */
typedef struct
{
  int         lead;        /* the setting, minutes */
  int         minutes;     /* from now to the session */
  const char *summary;     /* NULL: nothing shown */
} LeadCase;

static void
test_lead (Fixture       *fixture,
           gconstpointer  data)
{
  const LeadCase *c = data;
  gint64 now = paris (11, 24, 14, 0);
  g_autoptr(SeancesAppointment) session = book (fixture, fixture->helene, now + c->minutes * 60);
  g_autoptr(JsonObject) note = NULL;

  g_settings_set_int (fixture->settings, "notify-next-session", c->lead);
  g_settings_set_boolean (fixture->settings, "notify-review", FALSE);
  seances_context_set_now (fixture->context, now);
  seances_notifier_start (fixture->notifier);
  settle ();

  if (c->summary == NULL)
    {
      g_assert_cmpuint (count (fixture, "notify"), ==, 0);
      return;
    }
  note = the_notification (fixture, FALSE);
  g_assert_cmpstr (json_object_get_string_member (note, "summary"), ==, c->summary);
  /* Looked at again (a change in the agenda): announced once only. */
  g_settings_set_int (fixture->settings, "notify-next-session", c->lead + 1);
  settle ();
  g_assert_cmpuint (count (fixture, "notify"), ==, 1);
}

/* The lead time comes while Séances runs (14 h 20 for 14 h 30): the timeout set for it
 * fires and computes again from the clock. */
static void
test_lead_reached (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(SeancesAppointment) session = book (fixture, fixture->paul, paris (11, 24, 14, 30));
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) note = NULL;

  seances_notifier_start (fixture->notifier);
  settle ();
  g_assert_cmpuint (count (fixture, "notify"), ==, 0);
  g_assert_cmpint (seances_context_get_now (fixture->context), <, paris (11, 24, 14, 20));

  wait_until (count (fixture, "notify") == 1);
  g_assert_cmpint (seances_context_get_now (fixture->context), >=, paris (11, 24, 14, 20));
  note = the_notification (fixture, FALSE);
  g_assert_cmpstr (json_object_get_string_member (note, "summary"), ==, "Prochaine séance dans 10 minutes");
  g_assert_cmpstr (json_object_get_string_member (note, "body"), ==, "À 14" NBSP "h" NBSP "30, au cabinet.");

  /* Cancelled meanwhile: the notification goes. */
  {
    SeancesDecisions *decisions = seances_context_get_decisions (fixture->context);
    gint64 now = seances_context_get_now (fixture->context);
    g_autoptr(SeancesDecisionUndo) undo = NULL;
    SeancesPolicyDecision decision;

    g_assert_true (seances_decisions_propose (decisions, session, SEANCES_POLICY_OUTCOME_CLIENT_CANCELLED,
                                              FALSE, now, &decision, &error));
    undo = seances_decisions_commit (decisions, session, &decision, now, &error);
    g_assert_no_error (error);
    g_assert_nonnull (undo);
  }
  wait_until (count (fixture, "close") == 1);
}

/* At 19 h 00 (the default), once, when sessions wait for a decision. */
typedef struct
{
  int         hour, minute;  /* now */
  gboolean    pending;       /* a session of the afternoon still to review */
  gboolean    enabled;
  int         at;            /* notify-review-time */
  gboolean    shown;
} ReviewCase;

static void
test_review (Fixture       *fixture,
             gconstpointer  data)
{
  const ReviewCase *c = data;
  g_autoptr(SeancesAppointment) session = book (fixture, fixture->paul, paris (11, 24, 14, 0));
  g_autoptr(SeancesDecisionUndo) undo = NULL;
  g_autoptr(JsonObject) note = NULL;

  if (!c->pending)
    {
      seances_context_set_now (fixture->context, paris (11, 24, 15, 0));
      undo = close_as (fixture, session, SEANCES_POLICY_OUTCOME_HONOURED);
    }
  g_settings_set_boolean (fixture->settings, "notify-review", c->enabled);
  g_settings_set_int (fixture->settings, "notify-review-time", c->at);
  seances_context_set_now (fixture->context, paris (11, 24, c->hour, c->minute));
  seances_notifier_start (fixture->notifier);
  settle ();

  if (!c->shown)
    {
      g_assert_cmpuint (count (fixture, "notify"), ==, 0);
      return;
    }
  note = the_notification (fixture, FALSE);
  g_assert_cmpstr (json_object_get_string_member (note, "summary"), ==, "Revue du jour en attente");
  g_assert_cmpstr (json_object_get_string_member (note, "body"), ==, "1 séance reste à revoir.");

  /* Once a day: an hour later, nothing more. Once the session is closed, it goes. */
  seances_context_set_now (fixture->context, paris (11, 24, c->hour + 1, c->minute));
  g_settings_set_int (fixture->settings, "notify-next-session", 15);
  settle ();
  g_assert_cmpuint (count (fixture, "notify"), ==, 1);
  undo = close_as (fixture, session, SEANCES_POLICY_OUTCOME_HONOURED);
  wait_until (count (fixture, "close") == 1);
}

/* « Fixer la prochaine date »: an honoured session of a client with a rhythm, nothing next. */
typedef struct
{
  gboolean              rhythm;
  SeancesPolicyOutcome  outcome;
  gboolean              next_booked;
  gboolean              names;
  const char           *body;  /* NULL: nothing shown */
} RhythmCase;

static void
test_rhythm (Fixture       *fixture,
             gconstpointer  data)
{
  const RhythmCase *c = data;
  gint64 client = c->rhythm ? fixture->helene : fixture->paul;
  g_autoptr(SeancesAppointment) session = book (fixture, client, paris (11, 24, 14, 0));
  g_autoptr(SeancesAppointment) next = NULL;
  g_autoptr(SeancesDecisionUndo) undo = NULL;
  g_autoptr(JsonObject) note = NULL;

  if (c->next_booked)
    next = book (fixture, client, paris (12, 8, 14, 0));
  g_settings_set_boolean (fixture->settings, "notify-show-names", c->names);
  g_settings_set_boolean (fixture->settings, "notify-review", FALSE);
  seances_context_set_now (fixture->context, paris (11, 24, 15, 0));
  seances_notifier_start (fixture->notifier);
  settle ();
  undo = close_as (fixture, session, c->outcome);
  settle ();

  if (c->body == NULL)
    {
      g_assert_cmpuint (count (fixture, "notify"), ==, 0);
      return;
    }
  note = the_notification (fixture, c->names);
  g_assert_cmpstr (json_object_get_string_member (note, "summary"), ==, "Fixer la prochaine date");
  g_assert_cmpstr (json_object_get_string_member (note, "body"), ==, c->body);

  /* Undone: the session is to review again, the notification goes. */
  g_assert_true (seances_decisions_undo (seances_context_get_decisions (fixture->context), undo, NULL));
  wait_until (count (fixture, "close") == 1);
}

/* The next date booked from elsewhere: « Fixer la prochaine date » is done. */
static void
test_rhythm_booked (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(SeancesAppointment) session = book (fixture, fixture->helene, paris (11, 24, 14, 0));
  g_autoptr(SeancesAppointment) next = NULL;
  g_autoptr(SeancesDecisionUndo) undo = NULL;

  seances_context_set_now (fixture->context, paris (11, 24, 15, 0));
  seances_notifier_start (fixture->notifier);
  undo = close_as (fixture, session, SEANCES_POLICY_OUTCOME_HONOURED);
  settle ();
  g_assert_cmpuint (count (fixture, "notify"), ==, 1);
  next = book (fixture, fixture->helene, paris (12, 8, 14, 0));
  wait_until (count (fixture, "close") == 1);
}

/* Where a click leads: the review where the window has it, else today in the agenda;
 * the client's page for the next date. */
typedef struct
{
  gboolean     review_page;
  gboolean     rhythm;
  const char  *opened;
} ClickCase;

static void
test_click (Fixture       *fixture,
            gconstpointer  data)
{
  const ClickCase *c = data;
  g_autoptr(SeancesAppointment) session = book (fixture, fixture->helene, paris (11, 24, 14, 10));
  g_autoptr(SeancesDecisionUndo) undo = NULL;
  g_autoptr(JsonObject) note = NULL;
  g_autofree char *expected = NULL;

  add_actions (fixture, c->review_page);
  g_settings_set_boolean (fixture->settings, "notify-review", FALSE);
  seances_context_set_now (fixture->context, paris (11, 24, c->rhythm ? 15 : 14, 0));
  seances_notifier_start (fixture->notifier);
  if (c->rhythm)
    undo = close_as (fixture, session, SEANCES_POLICY_OUTCOME_HONOURED);
  settle ();
  note = the_notification (fixture, FALSE);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));

  click (note);
  wait_until (fixture->opened->len > 0);
  expected = g_strdup_printf (c->opened, fixture->helene);
  g_assert_cmpstr (fixture->opened->str, ==, expected);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));
}

/* Names turned off while one is on screen: it is shown again without. */
static void
test_names_withdrawn (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(SeancesAppointment) session = book (fixture, fixture->helene, paris (11, 24, 14, 10));
  g_autoptr(GPtrArray) shown = NULL;
  JsonObject *first, *again;

  g_settings_set_boolean (fixture->settings, "notify-show-names", TRUE);
  g_settings_set_boolean (fixture->settings, "notify-review", FALSE);
  seances_context_set_now (fixture->context, paris (11, 24, 14, 0));
  seances_notifier_start (fixture->notifier);
  settle ();
  g_settings_set_boolean (fixture->settings, "notify-show-names", FALSE);
  settle ();

  shown = records (fixture, "notify");
  g_assert_cmpuint (shown->len, ==, 2);
  first = g_ptr_array_index (shown, 0);
  again = g_ptr_array_index (shown, 1);
  g_assert_cmpstr (json_object_get_string_member (first, "body"), ==,
                   "Hélène Martin à 14" NBSP "h" NBSP "10, au cabinet.");
  g_assert_cmpstr (json_object_get_string_member (again, "body"), ==, "À 14" NBSP "h" NBSP "10, au cabinet.");
  g_assert_cmpint (json_object_get_int_member (again, "replaces_id"), ==, json_object_get_int_member (first, "id"));
}

static GSubprocess *
start_server (void)
{
  g_autoptr(GError) error = NULL;
  GSubprocess *server;

  server_log = g_build_filename (g_get_tmp_dir (), "seances-notifier-test.jsonl", NULL);
  g_remove (server_log);
  server = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, "/usr/bin/python3", NOTIFICATION_SERVER,
                             server_log, NULL);
  g_assert_no_error (error);
  wait_until (g_file_test (server_log, G_FILE_TEST_EXISTS));
  return server;
}

int
main (int   argc,
      char *argv[])
{
  static const LeadCase lead_cases[] = {
    { 10, 10, "Prochaine séance dans 10 minutes" },
    { 10, 11, NULL },
    { 10, 3, "Prochaine séance dans 3 minutes" },
    { 30, 25, "Prochaine séance dans 25 minutes" },
    { 0, 5, NULL },
  };
  static const char *lead_names[] = { "at-10", "at-11", "started-late", "at-25-of-30", "off" };
  static const ReviewCase review_cases[] = {
    { 18, 59, TRUE, TRUE, 19 * 60, FALSE },
    { 19, 0, TRUE, TRUE, 19 * 60, TRUE },
    { 21, 30, TRUE, TRUE, 19 * 60, TRUE },
    { 19, 0, FALSE, TRUE, 19 * 60, FALSE },
    { 19, 0, TRUE, FALSE, 19 * 60, FALSE },
    { 19, 0, TRUE, TRUE, 20 * 60, FALSE },
    { 17, 30, TRUE, TRUE, 17 * 60 + 30, TRUE },
  };
  static const char *review_names[] = { "18h59", "19h00", "started-at-21h30", "nothing-pending", "off",
                                        "set-at-20h00", "set-at-17h30" };
  static const RhythmCase rhythm_cases[] = {
    { TRUE, SEANCES_POLICY_OUTCOME_HONOURED, FALSE, FALSE,
      "Rien n’est prévu après la séance du mardi 24 novembre à 14" NBSP "h" NBSP "00. "
      "Au rythme choisi, la prochaine serait le mardi 8 décembre." },
    { TRUE, SEANCES_POLICY_OUTCOME_HONOURED, FALSE, TRUE,
      "Rien n’est prévu pour Hélène Martin après la séance du mardi 24 novembre à 14" NBSP "h" NBSP "00. "
      "Au rythme choisi, la prochaine serait le mardi 8 décembre." },
    { FALSE, SEANCES_POLICY_OUTCOME_HONOURED, FALSE, FALSE, NULL },
    { TRUE, SEANCES_POLICY_OUTCOME_HONOURED, TRUE, FALSE, NULL },
    { TRUE, SEANCES_POLICY_OUTCOME_ABSENCE, FALSE, FALSE, NULL },
  };
  static const char *rhythm_names[] = { "discreet", "named", "no-rhythm", "next-booked", "absence" };
  static const ClickCase click_cases[] = {
    { FALSE, FALSE, "today" },
    { TRUE, FALSE, "show-review" },
    { TRUE, TRUE, "show-client(%" G_GINT64_FORMAT ")" },
  };
  static const char *click_names[] = { "session-to-agenda", "session-to-review", "rhythm-to-client" };
  g_autoptr(GSubprocess) server = NULL;
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  seances_test_init_french ();
  gtk_init ();
  adw_init ();
  server = start_server ();

  for (guint i = 0; i < G_N_ELEMENTS (lead_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/notifier/next-session/%s", lead_names[i]);
      g_test_add (path, Fixture, &lead_cases[i], fixture_set_up, test_lead, fixture_tear_down);
    }
  g_test_add ("/notifier/next-session/reached-while-running", Fixture, NULL, fixture_set_up_running,
              test_lead_reached, fixture_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (review_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/notifier/review/%s", review_names[i]);
      g_test_add (path, Fixture, &review_cases[i], fixture_set_up, test_review, fixture_tear_down);
    }
  for (guint i = 0; i < G_N_ELEMENTS (rhythm_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/notifier/next-date/%s", rhythm_names[i]);
      g_test_add (path, Fixture, &rhythm_cases[i], fixture_set_up, test_rhythm, fixture_tear_down);
    }
  g_test_add ("/notifier/next-date/booked-since", Fixture, NULL, fixture_set_up, test_rhythm_booked,
              fixture_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (click_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/notifier/click/%s", click_names[i]);
      g_test_add (path, Fixture, &click_cases[i], fixture_set_up, test_click, fixture_tear_down);
    }
  g_test_add ("/notifier/names-withdrawn", Fixture, NULL, fixture_set_up, test_names_withdrawn, fixture_tear_down);

  status = g_test_run ();
  g_subprocess_send_signal (server, SIGTERM);
  g_subprocess_wait (server, NULL, NULL);
  g_remove (server_log);
  return status;
}
