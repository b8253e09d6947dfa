/* test-demo.c — the demo practice: empty databases only, plausible, reachable, repeatable
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "seances-client.h"
#include "seances-database-private.h"
#include "seances-clock.h"
#include "seances-demo.h"
#include "seances-practice.h"
#include "seances-time.h"
#include "seances-test.h"

typedef struct
{
  SeancesDatabase *database;
  GTimeZone       *tz;
  gint64           now;
} Fixture;

static SeancesDatabase *
create_database (const char *name)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(SeancesKey) key = seances_key_new_random ();
  g_autoptr(GError) error = NULL;
  SeancesDatabase *database = seances_database_create (path, key, &error);

  g_assert_no_error (error);
  return database;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->database = create_database ("seances.db");
  fixture->tz = g_time_zone_new_identifier ("Europe/Paris");
  /* A Tuesday afternoon, between the two changes of clocks of 2026. */
  g_assert_true (seances_time_from_local (fixture->tz, 2026, 11, 24, 14, 0, &fixture->now, &error));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->database);
  g_time_zone_unref (fixture->tz);
}

static void
small_options (Fixture            *fixture,
               SeancesDemoOptions *options)
{
  seances_demo_options_init (options);
  options->n_clients = 20;
  options->years = 1;
  /* What twenty people can fill, most of them coming weekly or fortnightly. */
  options->sessions_per_week = 12;
  options->now = fixture->now;
}

static void
generate (Fixture                  *fixture,
          SeancesDatabase          *database,
          const SeancesDemoOptions *options)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (seances_demo_generate (database, options, &error));
  g_assert_no_error (error);
}

/* One integer from SQL, with ?1 bound to now. */
static gint64
query_int (SeancesDatabase *database,
           const char      *sql,
           gint64           now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SeancesStatement) stmt = seances_database_prepare (database, sql, &error);
  gboolean has_row = FALSE;

  g_assert_no_error (error);
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, now);
  g_assert_true (seances_database_step (database, stmt, &has_row, &error));
  g_assert_true (has_row);
  return sqlite3_column_int64 (stmt, 0);
}

static void
test_refuses_non_empty (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SeancesDemoOptions options;
  gint64 sessions;

  small_options (fixture, &options);
  generate (fixture, fixture->database, &options);
  sessions = query_int (fixture->database, "SELECT count(*) FROM appointment", 0);

  g_assert_false (seances_demo_generate (fixture->database, &options, &error));
  g_assert_error (error, SEANCES_DEMO_ERROR, SEANCES_DEMO_ERROR_NOT_EMPTY);
  g_assert_cmpstr (error->message, !=, "");
  /* Nothing was added or changed. */
  g_assert_cmpint (query_int (fixture->database, "SELECT count(*) FROM appointment", 0), ==, sessions);
  g_assert_cmpint (query_int (fixture->database, "SELECT count(*) FROM client", 0), ==, 20);

  /* A single client is enough to refuse. */
  g_clear_error (&error);
  g_clear_object (&fixture->database);
  fixture->database = create_database ("one-client.db");
  g_assert_true (seances_database_exec (fixture->database,
                                        "INSERT INTO client (first_name, last_name, email, search_key,"
                                        " sort_key, created_at, updated_at) VALUES ('Zoé', 'Roux',"
                                        " 'zoe@exemple.fr', 'zoe roux', 'roux zoe', 0, 0)",
                                        &error));
  g_assert_false (seances_demo_generate (fixture->database, &options, &error));
  g_assert_error (error, SEANCES_DEMO_ERROR, SEANCES_DEMO_ERROR_NOT_EMPTY);
  g_assert_cmpint (query_int (fixture->database, "SELECT count(*) FROM client", 0), ==, 1);
}

static void
test_keeps_practice (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(SeancesPractice) mine = g_object_new (SEANCES_TYPE_PRACTICE, "name", "Cabinet Dupré",
                                                 "practitioner", "Noël Dupré", NULL);
  g_autoptr(SeancesPractice) kept = NULL;
  g_autoptr(GError) error = NULL;
  SeancesDemoOptions options;

  g_assert_true (seances_practice_save (fixture->database, mine, g_get_real_time () / G_USEC_PER_SEC, &error));

  small_options (fixture, &options);
  generate (fixture, fixture->database, &options);

  kept = seances_practice_load (fixture->database, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (seances_practice_get_name (kept), ==, "Cabinet Dupré");
  g_assert_cmpstr (seances_practice_get_practitioner (kept), ==, "Noël Dupré");
  g_assert_cmpint (query_int (fixture->database, "SELECT count(*) FROM client", 0), ==, 20);
}

static void
test_refuses_bad_options (Fixture       *fixture,
                          gconstpointer  data)
{
  static const struct { int clients, years, per_week; } cases[] = {
    { 0, 1, 25 }, { 20, 0, 25 }, { 20, 1, 0 }, { 20, 1, 61 }, { 20, 31, 25 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("cases[%u]", i);
      g_autoptr(GError) error = NULL;
      SeancesDemoOptions options;

      small_options (fixture, &options);
      options.n_clients = cases[i].clients;
      options.years = cases[i].years;
      options.sessions_per_week = cases[i].per_week;
      g_assert_false (seances_demo_generate (fixture->database, &options, &error));
      g_assert_error (error, SEANCES_DEMO_ERROR, SEANCES_DEMO_ERROR_INVALID);
    }
  g_assert_cmpint (query_int (fixture->database, "SELECT count(*) FROM practice", 0), ==, 0);
}

static double
share (Fixture    *fixture,
       const char *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SeancesStatement) stmt =
    seances_database_prepare (fixture->database,
                              "SELECT count(*) FILTER (WHERE status = ?2), count(*)"
                              " FROM appointment WHERE end_at <= ?1",
                              &error);
  gboolean has_row;

  sqlite3_bind_int64 (stmt, 1, fixture->now);
  sqlite3_bind_text (stmt, 2, status, -1, SQLITE_STATIC);
  g_assert_true (seances_database_step (fixture->database, stmt, &has_row, &error));
  return sqlite3_column_double (stmt, 0) / sqlite3_column_double (stmt, 1);
}

/* Every session starts on the hour or half hour, on a weekday, within opening hours. */
static void
assert_slots (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SeancesStatement) stmt =
    seances_database_prepare (fixture->database, "SELECT start_at, end_at FROM appointment", &error);
  gboolean has_row;

  while (seances_database_step (fixture->database, stmt, &has_row, &error) && has_row)
    {
      g_autoptr(GDateTime) start = seances_time_to_local (fixture->tz, sqlite3_column_int64 (stmt, 0));
      g_autoptr(GDateTime) end = seances_time_to_local (fixture->tz, sqlite3_column_int64 (stmt, 1));

      g_assert_cmpint (g_date_time_get_day_of_week (start), <=, 5);
      g_assert_cmpint (g_date_time_get_hour (start), >=, 8);
      g_assert_true (g_date_time_get_minute (start) == 0 || g_date_time_get_minute (start) == 30);
      g_assert_cmpint (g_date_time_get_hour (end) * 60 + g_date_time_get_minute (end), <=, 20 * 60);
      g_assert_cmpint (g_date_time_difference (end, start), ==, 50 * G_TIME_SPAN_MINUTE);
    }
  g_assert_no_error (error);
}

/* The folded keys are those the client store computes for a client typed by hand. */
static void
assert_keys (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SeancesStatement) stmt =
    seances_database_prepare (fixture->database,
                              "SELECT first_name, last_name, email, phone, search_key, sort_key"
                              " FROM client", &error);
  gboolean has_row;

  while (seances_database_step (fixture->database, stmt, &has_row, &error) && has_row)
    {
      g_autoptr(SeancesClient) client =
        g_object_new (SEANCES_TYPE_CLIENT,
                      "first-name", sqlite3_column_text (stmt, 0),
                      "last-name", sqlite3_column_text (stmt, 1),
                      "email", sqlite3_column_text (stmt, 2),
                      "phone", sqlite3_column_text (stmt, 3),
                      NULL);

      g_assert_cmpstr (seances_client_get_search_key (client), ==, (const char *) sqlite3_column_text (stmt, 4));
      g_assert_cmpstr (seances_client_get_sort_key (client), ==, (const char *) sqlite3_column_text (stmt, 5));
      g_assert_true (g_str_is_ascii ((const char *) sqlite3_column_text (stmt, 2)));
    }
  g_assert_no_error (error);
}

static void
test_small (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(SeancesPractice) practice = NULL;
  g_autoptr(GError) error = NULL;
  SeancesDemoOptions options;
  gint64 past_year = seances_time_add_days_local (fixture->tz, fixture->now, -364);
  gint64 sessions, weekly;

  small_options (fixture, &options);
  generate (fixture, fixture->database, &options);

  practice = seances_practice_load (fixture->database, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (seances_practice_get_name (practice), ==, "Cabinet des Tilleuls");
  g_assert_cmpstr (seances_practice_get_practitioner (practice), ==, "Claire Martin");
  g_assert_cmpstr (seances_practice_get_time_zone (practice), ==, "Europe/Paris");
  g_assert_true (g_str_has_prefix (seances_practice_get_phone (practice), "+33"));
  g_assert_cmpint (seances_practice_get_session_minutes (practice), ==, 50);
  g_assert_cmpint (seances_practice_get_buffer_minutes (practice), ==, 10);
  g_assert_cmpint (seances_practice_get_default_fee_cents (practice), ==, 6000);

  /* Counts: twenty people, about 12 sessions in a working week (47 weeks open). */
  g_assert_cmpint (query_int (fixture->database, "SELECT count(*) FROM client", 0), ==, 20);
  sessions = query_int (fixture->database, "SELECT count(*) FROM appointment", 0);
  weekly = query_int (fixture->database,
                      "SELECT count(*) / 47 FROM appointment WHERE status != 'rescheduled'"
                      " AND start_at <= ?1", fixture->now) ;
  g_test_message ("%" G_GINT64_FORMAT " sessions, %" G_GINT64_FORMAT " a working week", sessions, weekly);
  g_assert_cmpint (weekly, >=, 9);
  g_assert_cmpint (weekly, <=, 15);
  g_assert_cmpint (query_int (fixture->database, "SELECT count(*) FROM appointment WHERE start_at < ?1",
                              past_year), ==, 0);
  g_assert_cmpint (query_int (fixture->database, "SELECT count(*) FROM series", 0), >, 5);
  g_assert_cmpint (query_int (fixture->database,
                              "SELECT count(*) FROM appointment WHERE series_id IS NOT NULL", 0),
                   >, sessions / 2);
  /* A series is one person's, every 1, 2 or 4 weeks. */
  g_assert_cmpint (query_int (fixture->database,
                              "SELECT count(*) FROM appointment a JOIN series s ON s.id = a.series_id"
                              " WHERE s.client_id != a.client_id", 0), ==, 0);

  /* No two sessions that take place overlap, nor come closer than the 10 minutes' break. */
  g_assert_cmpint (query_int (fixture->database,
                              "SELECT count(*) FROM appointment a JOIN appointment b ON a.id < b.id"
                              " WHERE a.status IN ('scheduled', 'honoured')"
                              " AND b.status IN ('scheduled', 'honoured')"
                              " AND a.start_at < b.end_at + 600 AND b.start_at < a.end_at + 600", 0),
                   ==, 0);
  assert_slots (fixture);

  /* What became of past sessions, at plausible rates. */
  g_assert_cmpfloat (share (fixture, "honoured"), >, 0.80);
  g_assert_cmpfloat (share (fixture, "no_show"), >, 0.01);
  g_assert_cmpfloat (share (fixture, "no_show"), <, 0.08);
  g_assert_cmpfloat (share (fixture, "cancelled_late"), >, 0.005);
  g_assert_cmpfloat (share (fixture, "cancelled_late"), <, 0.07);
  g_assert_cmpfloat (share (fixture, "cancelled_in_time"), >, 0.02);
  g_assert_cmpfloat (share (fixture, "cancelled_in_time"), <, 0.09);
  g_assert_cmpfloat (share (fixture, "rescheduled"), >, 0.002);
  g_assert_cmpfloat (share (fixture, "rescheduled"), <, 0.05);
  g_assert_cmpint (query_int (fixture->database,
                              "SELECT count(*) FROM appointment WHERE status LIKE 'cancelled%'"
                              " AND NOT (cancelled_at < start_at AND cancelled_at > created_at)", 0),
                   ==, 0);
  g_assert_cmpint (query_int (fixture->database,
                              "SELECT count(*) FROM appointment a LEFT JOIN appointment b"
                              " ON b.id = a.rescheduled_to WHERE a.status = 'rescheduled'"
                              " AND (b.id IS NULL OR b.client_id != a.client_id"
                              " OR b.start_at <= a.start_at OR b.start_at > a.start_at + 7 * 86400)", 0),
                   ==, 0);

  /* The future is booked and nothing else; nothing past is left open. */
  g_assert_cmpint (query_int (fixture->database,
                              "SELECT count(*) FROM appointment WHERE start_at > ?1", fixture->now),
                   >, 50);
  g_assert_cmpint (query_int (fixture->database,
                              "SELECT count(*) FROM appointment WHERE start_at > ?1"
                              " AND status != 'scheduled'", fixture->now), ==, 0);
  /* What is left to review: today's sessions already over, and a few of the last week's
   * that were forgotten; nothing older. */
  g_assert_cmpint (query_int (fixture->database,
                              "SELECT count(*) FROM appointment WHERE end_at <= ?1"
                              " AND status = 'scheduled'", fixture->now), >, 0);
  g_assert_cmpint (query_int (fixture->database,
                              "SELECT count(*) FROM appointment WHERE end_at <= ?1 - 8 * 86400"
                              " AND status = 'scheduled'", fixture->now), ==, 0);

  /* The review's traces: one charge per decided session that costs something, every
   * waiver the policy knows, fees still due, most clients having accepted the policy. */
  g_assert_cmpint (query_int (fixture->database,
                              "SELECT count(*) FROM appointment a LEFT JOIN charge c ON c.appointment_id = a.id"
                              " WHERE a.status = 'honoured' AND (c.id IS NULL OR c.kind != 'session'"
                              " OR c.due_cents != a.fee_cents)", 0), ==, 0);
  g_assert_cmpint (query_int (fixture->database,
                              "SELECT count(*) FROM appointment a JOIN charge c ON c.appointment_id = a.id"
                              " WHERE a.status IN ('cancelled_in_time', 'rescheduled', 'scheduled')", 0), ==, 0);
  g_assert_cmpint (query_int (fixture->database,
                              "SELECT count(*) FROM appointment WHERE status = 'cancelled_in_time'"
                              " AND cancelled_by = 'practice'", 0), >, 0);
  g_assert_cmpint (query_int (fixture->database,
                              "SELECT count(*) FROM charge WHERE due_cents > 0 AND paid_at IS NULL", 0), >, 0);
  g_assert_cmpint (query_int (fixture->database,
                              "SELECT count(*) FROM charge WHERE paid_at > ?1", fixture->now), ==, 0);
  g_assert_cmpint (query_int (fixture->database,
                              "SELECT count(DISTINCT client_id) * 100 / (SELECT count(*) FROM client)"
                              " FROM policy_acceptance", 0), >=, 70);
  g_assert_cmpint (query_int (fixture->database,
                              "SELECT count(*) FROM appointment WHERE status NOT IN ('scheduled', 'rescheduled')",
                              0), ==,
                   query_int (fixture->database, "SELECT count(*) FROM appointment_event", 0));
  g_assert_cmpint (query_int (fixture->database,
                              "SELECT count(*) FROM appointment WHERE created_at > ?1"
                              " OR status_at > ?1", fixture->now), ==, 0);

  /* Everyone can be reached by the channel chosen; a few were archived. */
  g_assert_cmpint (query_int (fixture->database,
                              "SELECT count(*) FROM client WHERE email = '' AND phone = ''", 0), ==, 0);
  g_assert_cmpint (query_int (fixture->database,
                              "SELECT count(*) FROM client WHERE (channel IN ('email', 'both') AND email = '')"
                              " OR (channel IN ('sms', 'both') AND phone = '')", 0), ==, 0);
  g_assert_cmpint (query_int (fixture->database,
                              "SELECT count(*) FROM client WHERE phone != '' AND phone NOT LIKE '+336%'"
                              " AND phone NOT LIKE '+337%'", 0), ==, 0);
  g_assert_cmpint (query_int (fixture->database,
                              "SELECT count(*) FROM client WHERE status = 'inactive'", 0), <=, 3);
  g_assert_cmpint (query_int (fixture->database,
                              "SELECT count(*) FROM client WHERE status = 'inactive'", 0), >=, 1);
  g_assert_cmpint (query_int (fixture->database,
                              "SELECT count(*) FROM client WHERE status = 'inactive'"
                              " AND (inactive_at IS NULL OR inactive_at > ?1)", fixture->now), ==, 0);
  g_assert_cmpint (query_int (fixture->database,
                              "SELECT count(*) FROM appointment WHERE fee_cents NOT BETWEEN 5000 AND 8000", 0),
                   ==, 0);
  assert_keys (fixture);

  g_assert_true (seances_database_check (fixture->database, &error));
  g_assert_no_error (error);
}

static char *
dump (SeancesDatabase *database)
{
  static const char * const tables[] = {
    "SELECT * FROM practice", "SELECT * FROM client", "SELECT * FROM series", "SELECT * FROM appointment",
  };
  GString *out = g_string_new (NULL);

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autoptr(SeancesStatement) stmt = seances_database_prepare (database, tables[t], NULL);
      gboolean has_row;

      while (seances_database_step (database, stmt, &has_row, NULL) && has_row)
        {
          for (int i = 0; i < sqlite3_column_count (stmt); i++)
            g_string_append_printf (out, "%s|", (const char *) sqlite3_column_text (stmt, i));
          g_string_append_c (out, '\n');
        }
    }
  return g_string_free (out, FALSE);
}

/* A larger practice meets every rule of the policy: each waiver shows up, and so does
 * a fee waived because the client had not accepted the policy yet. */
static const char * const waivers[] = { "grace", "force_majeure", "no_policy" };

static void
test_every_waiver (Fixture       *fixture,
                   gconstpointer  data)
{
  SeancesDemoOptions options;

  small_options (fixture, &options);
  options.n_clients = 150;
  options.years = 2;
  options.sessions_per_week = 40;
  generate (fixture, fixture->database, &options);
  for (guint i = 0; i < G_N_ELEMENTS (waivers); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM charge WHERE waived_reason = '%s'"
                                              " AND due_cents = 0", waivers[i]);

      g_test_message ("waivers[%u]: %s", i, waivers[i]);
      g_assert_cmpint (query_int (fixture->database, sql, 0), >, 0);
    }
}

static void
test_deterministic (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(SeancesDatabase) twin = create_database ("twin.db");
  g_autoptr(SeancesDatabase) other = create_database ("other.db");
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  SeancesDemoOptions options;

  small_options (fixture, &options);
  generate (fixture, fixture->database, &options);
  generate (fixture, twin, &options);
  options.seed = 2;
  generate (fixture, other, &options);

  first = dump (fixture->database);
  second = dump (twin);
  third = dump (other);
  g_assert_cmpstr (first, ==, second);
  g_assert_cmpstr (first, !=, third);
}

static void
test_parse_now (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GError) error = NULL;
  gint64 now = 0;

  g_assert_true (seances_clock_parse_local ("2026-11-24T14:00", tz, &now, &error));
  g_assert_no_error (error);
  g_assert_cmpint (now, ==, 1795525200);  /* 13:00 UTC */

  g_assert_false (seances_clock_parse_local ("2026-03-29T02:30", tz, &now, &error));
  g_assert_error (error, SEANCES_TIME_ERROR, SEANCES_TIME_ERROR_NONEXISTENT);
  g_clear_error (&error);

  g_assert_false (seances_clock_parse_local ("demain", tz, &now, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_setenv ("TZ", "Europe/Paris", TRUE);
  seances_test_init_french ();

  g_test_add ("/demo/refuses-non-empty", Fixture, NULL, fixture_set_up, test_refuses_non_empty, fixture_tear_down);
  g_test_add ("/demo/keeps-practice", Fixture, NULL, fixture_set_up, test_keeps_practice, fixture_tear_down);
  g_test_add ("/demo/refuses-bad-options", Fixture, NULL, fixture_set_up, test_refuses_bad_options, fixture_tear_down);
  g_test_add ("/demo/small", Fixture, NULL, fixture_set_up, test_small, fixture_tear_down);
  g_test_add ("/demo/every-waiver", Fixture, NULL, fixture_set_up, test_every_waiver, fixture_tear_down);
  g_test_add ("/demo/deterministic", Fixture, NULL, fixture_set_up, test_deterministic, fixture_tear_down);
  g_test_add_func ("/demo/parse-now", test_parse_now);

  return g_test_run ();
}
