/* test-clock.c — one « now » for the whole practice
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "seances-clock.h"
#include "seances-context.h"
#include "seances-test.h"

typedef struct
{
  const char *text;
  gint64      expected;  /* 0: refused */
} Case;

static const Case cases[] = {
  { "2026-11-24T14:00", 1795525200 },  /* 13:00 UTC, winter */
  { "2026-07-01T09:30", 1782891000 },  /* 07:30 UTC, summer */
  { "2026-10-25T02:30", 1792888200 },  /* repeated hour: its first occurrence, 00:30 UTC */
  { "2026-03-29T02:30", 0 },           /* does not exist */
  { "demain", 0 },
  { "2026-11-24", 0 },
  { "2026-11-24T14:00:30", 1795525230 },  /* seconds, for a clock that runs from there */
  { "2026-11-24T14:00:60", 0 },
  { "2026-11-24T14:00:30Z", 0 },
  { "2026-11-24T14:00Z", 0 },
};

static void
test_parse (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GError) error = NULL;
  gint64 now = 0;
  gboolean parsed = seances_clock_parse_local (c->text, paris, &now, &error);

  g_assert_cmpint (parsed, ==, c->expected != 0);
  if (parsed)
    g_assert_cmpint (now, ==, c->expected);
  else
    g_assert_nonnull (error);
}

static void
test_system_and_fixed (void)
{
  g_autoptr(SeancesClock) system = seances_clock_new ();
  g_autoptr(SeancesClock) fixed = seances_clock_new_fixed (1795525200);
  gint64 real = g_get_real_time () / G_USEC_PER_SEC;

  g_assert_false (seances_clock_is_fixed (system));
  g_assert_cmpint (ABS (seances_clock_get_now (system) - real), <=, 2);
  g_assert_cmpint (seances_clock_get_now (fixed), ==, 1795525200);
  seances_clock_set_now (fixed, 1795528800);
  g_assert_cmpint (seances_clock_get_now (fixed), ==, 1795528800);
  seances_clock_set_now (fixed, 0);
  g_assert_false (seances_clock_is_fixed (fixed));
}

static void
test_environment (void)
{
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(SeancesClock) fixed = NULL;

  g_setenv ("SEANCES_NOW", "2026-11-24T14:00", TRUE);
  fixed = seances_clock_new_from_environment (paris);
  g_unsetenv ("SEANCES_NOW");
  g_assert_true (seances_clock_is_fixed (fixed));
  g_assert_cmpint (seances_clock_get_now (fixed), ==, 1795525200);
}

/* SEANCES_NOW_RUNS=1: « now » starts at SEANCES_NOW and goes on with the system's clock. */
static void
test_running (void)
{
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(SeancesClock) running = NULL;
  gint64 first, deadline;

  g_setenv ("SEANCES_NOW", "2026-11-24T18:59:58", TRUE);
  g_setenv ("SEANCES_NOW_RUNS", "1", TRUE);
  running = seances_clock_new_from_environment (paris);
  g_unsetenv ("SEANCES_NOW");
  g_unsetenv ("SEANCES_NOW_RUNS");

  g_assert_false (seances_clock_is_fixed (running));
  first = seances_clock_get_now (running);
  g_assert_cmpint (first, >=, 1795543198);
  g_assert_cmpint (first, <=, 1795543198 + 1);
  /* It runs: 19 h 00 comes within three seconds of real time. */
  deadline = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
  while (seances_clock_get_now (running) < 1795543200 && g_get_monotonic_time () < deadline)
    g_usleep (50 * 1000);
  g_assert_cmpint (seances_clock_get_now (running), >=, 1795543200);
  g_assert_cmpint (seances_clock_get_now (running), <=, 1795543200 + 1);

  /* Fixed again, then given back to the system: no shift is left. */
  seances_clock_set_now (running, 1795525200);
  g_assert_cmpint (seances_clock_get_now (running), ==, 1795525200);
  seances_clock_set_now (running, 0);
  g_assert_cmpint (ABS (seances_clock_get_now (running) - g_get_real_time () / G_USEC_PER_SEC), <=, 2);
}

/* What the practitioner sees in a session's history: a cancellation is stamped with
 * the context's clock, not the system's. */
static void
test_context_stamps (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "seances.db", NULL);
  g_autoptr(SeancesKey) key = seances_key_new_random ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SeancesDatabase) database = seances_database_create (path, key, &error);
  g_autoptr(SeancesContext) context = NULL;
  g_autoptr(SeancesClient) client = seances_client_new ();
  g_autoptr(SeancesAppointment) draft = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(SeancesDecisionUndo) undo = NULL;
  SeancesPolicyDecision decision;
  gint64 now = 1795525200;  /* mardi 24 novembre 2026 à 14 h 00 */

  g_assert_no_error (error);
  context = seances_context_new (database, &error);
  g_assert_no_error (error);
  seances_context_set_now (context, now);
  g_assert_cmpint (seances_clock_get_now (seances_context_get_clock (context)), ==, now);

  seances_client_set_first_name (client, "Hélène");
  seances_client_set_last_name (client, "Martin");
  seances_client_set_email (client, "helene.martin@exemple.fr");
  g_assert_true (seances_client_store_add (seances_context_get_clients (context), client, &error));
  g_assert_no_error (error);

  draft = seances_appointment_new (seances_client_get_id (client), now + 86400, now + 86400 + 50 * 60,
                                   SEANCES_PLACE_OFFICE, 6000);
  g_assert_true (seances_appointment_store_create (seances_context_get_appointments (context), draft, FALSE, &error));
  g_assert_no_error (error);
  sessions = seances_appointment_store_list_for_client (seances_context_get_appointments (context),
                                                        seances_client_get_id (client), &error);
  g_assert_cmpuint (sessions->len, ==, 1);
  g_assert_true (seances_decisions_propose (seances_context_get_decisions (context), g_ptr_array_index (sessions, 0),
                                            SEANCES_POLICY_OUTCOME_CLIENT_CANCELLED, FALSE, now, &decision, &error));
  g_assert_no_error (error);
  undo = seances_decisions_commit (seances_context_get_decisions (context), g_ptr_array_index (sessions, 0),
                                   &decision, now, &error);
  g_assert_no_error (error);
  g_clear_pointer (&sessions, g_ptr_array_unref);
  sessions = seances_appointment_store_list_for_client (seances_context_get_appointments (context),
                                                        seances_client_get_id (client), &error);
  g_assert_cmpint (seances_appointment_get_status_at (g_ptr_array_index (sessions, 0)), ==, now);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  seances_test_init_french ();
  g_setenv ("TZ", "Europe/Paris", TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/clock/parse/%s", cases[i].text);
      g_test_add_data_func (name, &cases[i], test_parse);
    }
  g_test_add_func ("/clock/system-and-fixed", test_system_and_fixed);
  g_test_add_func ("/clock/environment", test_environment);
  g_test_add_func ("/clock/running", test_running);
  g_test_add_func ("/clock/context-stamps", test_context_stamps);
  return g_test_run ();
}
