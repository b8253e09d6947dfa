/* test-decisions.c — closing sessions: the policy's proposal, the commit, the undo, in a
 * real encrypted database
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "seances-decisions.h"
#include "seances-time.h"
#include "seances-test.h"
#include "seances-test-rows.h"

/* Tuesday 24 November 2026, 14:00 in Paris. */
#define NOW G_GINT64_CONSTANT (1795525200)
#define NBSP "\xc2\xa0"
#define SESSION_ROW "SELECT * FROM appointment WHERE id = ?1"
#define CHARGE_ROW "SELECT * FROM charge WHERE appointment_id = ?1"

enum { HELENE = 1, MARC = 2 };

typedef struct
{
  SeancesDatabase         *database;
  SeancesClock            *clock;
  GTimeZone               *tz;
  SeancesAppointmentStore *appointments;
  SeancesPolicyStore      *policy;
  SeancesChargeStore      *charges;
  SeancesDecisions        *decisions;
  guint                    session_changes;
  gint64                   changed_from;
  gint64                   changed_to;
  guint                    charge_changes;
  gint64                   changed_client;
  guint                    commits;
  gint64                   committed_id;
  int                      committed_kind;
  guint                    undos;
  gint64                   undone_id;
} Fixture;

static void
committed_cb (SeancesDecisions   *decisions,
              SeancesAppointment *appointment,
              int                 kind,
              Fixture            *fixture)
{
  fixture->commits++;
  fixture->committed_id = seances_appointment_get_id (appointment);
  fixture->committed_kind = kind;
  /* Emitted once the session's new status is in place. */
  g_assert_cmpint (seances_appointment_get_status (appointment), !=, SEANCES_APPOINTMENT_STATUS_SCHEDULED);
}

static void
undone_cb (SeancesDecisions *decisions,
           gint64            appointment_id,
           Fixture          *fixture)
{
  fixture->undos++;
  fixture->undone_id = appointment_id;
}

static void
sessions_changed_cb (SeancesAppointmentStore *store,
                     gint64                   from,
                     gint64                   to,
                     Fixture                 *fixture)
{
  fixture->session_changes++;
  fixture->changed_from = from;
  fixture->changed_to = to;
}

static void
charges_changed_cb (SeancesChargeStore *store,
                    gint64              client_id,
                    Fixture            *fixture)
{
  fixture->charge_changes++;
  fixture->changed_client = client_id;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "seances.db", NULL);
  g_autoptr(SeancesKey) key = seances_key_new_random ();
  g_autoptr(GError) error = NULL;

  fixture->database = seances_database_create (path, key, &error);
  g_assert_no_error (error);
  g_assert_true (seances_database_exec (fixture->database,
    "INSERT INTO client (id, first_name, last_name, email, search_key, sort_key, created_at, updated_at)"
    " VALUES (1, 'Hélène', 'Durand', 'helene@exemple.fr', 'helene durand', 'durand helene', 0, 0),"
    "        (2, 'Marc', 'Petit', 'marc@exemple.fr', 'marc petit', 'petit marc', 0, 0)", &error));
  g_assert_no_error (error);

  fixture->clock = seances_clock_new_fixed (NOW);
  fixture->tz = g_time_zone_new_identifier ("Europe/Paris");
  fixture->appointments = seances_appointment_store_new (fixture->database, fixture->tz, 10);
  seances_appointment_store_set_clock (fixture->appointments, fixture->clock);
  /* The default policy: 48 hours' notice, the full fee, the first late cancellation or
   * absence in 12 months free, confirmation required from 3 absences in 12 months. */
  fixture->policy = seances_policy_store_new (fixture->database, fixture->clock, &error);
  g_assert_no_error (error);
  seances_appointment_store_set_policy_version (fixture->appointments,
                                                seances_policy_store_get_current (fixture->policy)->id);
  fixture->charges = seances_charge_store_new (fixture->database, fixture->clock, &error);
  g_assert_no_error (error);
  fixture->decisions = seances_decisions_new (fixture->appointments, fixture->charges, fixture->policy,
                                              fixture->clock);

  /* Hélène accepted the policy long ago; Marc never did. */
  g_assert_true (seances_policy_store_accept (fixture->policy, HELENE,
                                              seances_policy_store_get_current (fixture->policy)->id,
                                              NOW - 400 * 86400, SEANCES_ACCEPTANCE_PAPER, &error));
  g_assert_no_error (error);

  g_signal_connect (fixture->appointments, "changed", G_CALLBACK (sessions_changed_cb), fixture);
  g_signal_connect (fixture->charges, "changed", G_CALLBACK (charges_changed_cb), fixture);
  g_signal_connect (fixture->decisions, "committed", G_CALLBACK (committed_cb), fixture);
  g_signal_connect (fixture->decisions, "undone", G_CALLBACK (undone_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->decisions);
  g_assert_finalize_object (fixture->charges);
  g_assert_finalize_object (fixture->policy);
  g_assert_finalize_object (fixture->appointments);
  g_assert_finalize_object (fixture->clock);
  g_assert_finalize_object (fixture->database);
  g_time_zone_unref (fixture->tz);
}

static gint64
paris (Fixture *fixture,
       int      month,
       int      day,
       int      hour,
       int      minute)
{
  gint64 instant = 0;

  g_assert_true (seances_time_from_local (fixture->tz, 2026, month, day, hour, minute, &instant, NULL));
  return instant;
}

/* A 50-minute session at 60 €, in 2026 (in the past too: that is allowed). */
static SeancesAppointment *
book (Fixture *fixture,
      gint64   client,
      int      month,
      int      day,
      int      hour)
{
  gint64 start = paris (fixture, month, day, hour, 0);
  g_autoptr(SeancesAppointment) draft = seances_appointment_new (client, start, start + 50 * 60,
                                                                 SEANCES_PLACE_OFFICE, 6000);
  g_autoptr(GError) error = NULL;

  g_assert_true (seances_appointment_store_create (fixture->appointments, draft, TRUE, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&draft);
}

static void
propose (Fixture               *fixture,
         SeancesAppointment    *session,
         SeancesPolicyOutcome   outcome,
         gboolean               force_majeure,
         SeancesPolicyDecision *decision)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (seances_decisions_propose (fixture->decisions, session, outcome, force_majeure, NOW,
                                            decision, &error));
  g_assert_no_error (error);
}

static SeancesDecisionUndo *
commit (Fixture                     *fixture,
        SeancesAppointment          *session,
        const SeancesPolicyDecision *decision)
{
  g_autoptr(GError) error = NULL;
  SeancesDecisionUndo *undo;

  undo = seances_decisions_commit (fixture->decisions, session, decision, NOW, &error);
  g_assert_no_error (error);
  g_assert_nonnull (undo);
  return undo;
}

/* Closes @session as the policy proposes. */
static SeancesDecisionUndo *
close_as (Fixture              *fixture,
          SeancesAppointment   *session,
          SeancesPolicyOutcome  outcome)
{
  SeancesPolicyDecision decision;

  propose (fixture, session, outcome, FALSE, &decision);
  return commit (fixture, session, &decision);
}

/* The session's row and its charge's, every column, as text. */
static char *
rows_of (Fixture            *fixture,
         SeancesAppointment *session)
{
  g_autofree char *row = seances_test_row (fixture->database, SESSION_ROW, seances_appointment_get_id (session));
  g_autofree char *charge = seances_test_row (fixture->database, CHARGE_ROW, seances_appointment_get_id (session));

  return g_strconcat (row, "\n", charge, NULL);
}

static gint64
count_events (Fixture            *fixture,
              SeancesAppointment *session)
{
  g_autoptr(SeancesStatement) stmt = seances_database_prepare (fixture->database,
                                                               "SELECT count(*) FROM appointment_event"
                                                               " WHERE appointment_id = ?1",
                                                               NULL);
  gboolean has_row;

  sqlite3_bind_int64 (stmt, 1, seances_appointment_get_id (session));
  g_assert_true (seances_database_step (fixture->database, stmt, &has_row, NULL));
  return sqlite3_column_int64 (stmt, 0);
}

static SeancesCharge *
charge_of (Fixture            *fixture,
           SeancesAppointment *session)
{
  g_autoptr(GPtrArray) list = NULL;

  list = seances_charge_store_list_for_client (fixture->charges, seances_appointment_get_client_id (session), NULL);
  for (guint i = 0; i < list->len; i++)
    if (seances_charge_get_appointment_id (g_ptr_array_index (list, i)) == seances_appointment_get_id (session))
      return g_object_ref (g_ptr_array_index (list, i));
  return NULL;
}

typedef struct
{
  const char               *name;
  gint64                    client;
  int                       month;
  int                       day;
  int                       hour;
  SeancesPolicyOutcome      outcome;
  gboolean                  force_majeure;
  gboolean                  earlier_absence;  /* one already closed on 24 September */
  SeancesPolicyKind         kind;
  gint64                    policy_cents;
  gint64                    due_cents;
  SeancesPolicyWaiver       waiver;
  SeancesAppointmentStatus  status;
  SeancesCancelledBy        cancelled_by;
  gboolean                  charged;
  SeancesChargeKind         charge_kind;
} OutcomeCase;

/* Each outcome, at Tuesday 14:00: a cancellation heard now for Saturday is in time (48
 * hours), for tomorrow it is late. */
static const OutcomeCase outcome_cases[] = {
  { "honoured", HELENE, 11, 24, 10, SEANCES_POLICY_OUTCOME_HONOURED, FALSE, FALSE,
    SEANCES_POLICY_KIND_HONOURED, 6000, 6000, SEANCES_POLICY_WAIVER_NONE,
    SEANCES_APPOINTMENT_STATUS_HONOURED, SEANCES_CANCELLED_BY_NONE, TRUE, SEANCES_CHARGE_KIND_SESSION },
  { "honoured/no-acceptance", MARC, 11, 24, 10, SEANCES_POLICY_OUTCOME_HONOURED, FALSE, FALSE,
    SEANCES_POLICY_KIND_HONOURED, 6000, 6000, SEANCES_POLICY_WAIVER_NONE,
    SEANCES_APPOINTMENT_STATUS_HONOURED, SEANCES_CANCELLED_BY_NONE, TRUE, SEANCES_CHARGE_KIND_SESSION },
  { "cancelled-in-time", HELENE, 11, 28, 10, SEANCES_POLICY_OUTCOME_CLIENT_CANCELLED, FALSE, TRUE,
    SEANCES_POLICY_KIND_CANCELLED_IN_TIME, 0, 0, SEANCES_POLICY_WAIVER_NONE,
    SEANCES_APPOINTMENT_STATUS_CANCELLED_IN_TIME, SEANCES_CANCELLED_BY_CLIENT, FALSE, 0 },
  { "cancelled-by-practice", HELENE, 11, 25, 10, SEANCES_POLICY_OUTCOME_PRACTICE_CANCELLED, FALSE, TRUE,
    SEANCES_POLICY_KIND_CANCELLED_BY_PRACTICE, 0, 0, SEANCES_POLICY_WAIVER_NONE,
    SEANCES_APPOINTMENT_STATUS_CANCELLED_IN_TIME, SEANCES_CANCELLED_BY_PRACTICE, FALSE, 0 },
  { "cancelled-late/grace", HELENE, 11, 25, 10, SEANCES_POLICY_OUTCOME_CLIENT_CANCELLED, FALSE, FALSE,
    SEANCES_POLICY_KIND_CANCELLED_LATE, 6000, 0, SEANCES_POLICY_WAIVER_GRACE,
    SEANCES_APPOINTMENT_STATUS_CANCELLED_LATE, SEANCES_CANCELLED_BY_CLIENT, TRUE, SEANCES_CHARGE_KIND_LATE_CANCELLATION },
  { "cancelled-late/due", HELENE, 11, 25, 10, SEANCES_POLICY_OUTCOME_CLIENT_CANCELLED, FALSE, TRUE,
    SEANCES_POLICY_KIND_CANCELLED_LATE, 6000, 6000, SEANCES_POLICY_WAIVER_NONE,
    SEANCES_APPOINTMENT_STATUS_CANCELLED_LATE, SEANCES_CANCELLED_BY_CLIENT, TRUE, SEANCES_CHARGE_KIND_LATE_CANCELLATION },
  { "cancelled-late/force-majeure", HELENE, 11, 25, 10, SEANCES_POLICY_OUTCOME_CLIENT_CANCELLED, TRUE, TRUE,
    SEANCES_POLICY_KIND_CANCELLED_LATE, 6000, 0, SEANCES_POLICY_WAIVER_FORCE_MAJEURE,
    SEANCES_APPOINTMENT_STATUS_CANCELLED_LATE, SEANCES_CANCELLED_BY_CLIENT, TRUE, SEANCES_CHARGE_KIND_LATE_CANCELLATION },
  { "absence/grace", HELENE, 11, 24, 10, SEANCES_POLICY_OUTCOME_ABSENCE, FALSE, FALSE,
    SEANCES_POLICY_KIND_ABSENCE, 6000, 0, SEANCES_POLICY_WAIVER_GRACE,
    SEANCES_APPOINTMENT_STATUS_NO_SHOW, SEANCES_CANCELLED_BY_NONE, TRUE, SEANCES_CHARGE_KIND_ABSENCE },
  { "absence/due", HELENE, 11, 24, 10, SEANCES_POLICY_OUTCOME_ABSENCE, FALSE, TRUE,
    SEANCES_POLICY_KIND_ABSENCE, 6000, 6000, SEANCES_POLICY_WAIVER_NONE,
    SEANCES_APPOINTMENT_STATUS_NO_SHOW, SEANCES_CANCELLED_BY_NONE, TRUE, SEANCES_CHARGE_KIND_ABSENCE },
  { "absence/force-majeure", HELENE, 11, 24, 10, SEANCES_POLICY_OUTCOME_ABSENCE, TRUE, TRUE,
    SEANCES_POLICY_KIND_ABSENCE, 6000, 0, SEANCES_POLICY_WAIVER_FORCE_MAJEURE,
    SEANCES_APPOINTMENT_STATUS_NO_SHOW, SEANCES_CANCELLED_BY_NONE, TRUE, SEANCES_CHARGE_KIND_ABSENCE },
  /* Grace comes first; once it is used, a client who never accepted a policy owes nothing. */
  { "absence/no-acceptance", MARC, 11, 24, 10, SEANCES_POLICY_OUTCOME_ABSENCE, FALSE, TRUE,
    SEANCES_POLICY_KIND_ABSENCE, 6000, 0, SEANCES_POLICY_WAIVER_NO_POLICY,
    SEANCES_APPOINTMENT_STATUS_NO_SHOW, SEANCES_CANCELLED_BY_NONE, TRUE, SEANCES_CHARGE_KIND_ABSENCE },
  { "cancelled-late/no-acceptance", MARC, 11, 25, 10, SEANCES_POLICY_OUTCOME_CLIENT_CANCELLED, FALSE, TRUE,
    SEANCES_POLICY_KIND_CANCELLED_LATE, 6000, 0, SEANCES_POLICY_WAIVER_NO_POLICY,
    SEANCES_APPOINTMENT_STATUS_CANCELLED_LATE, SEANCES_CANCELLED_BY_CLIENT, TRUE, SEANCES_CHARGE_KIND_LATE_CANCELLATION },
};

/* Proposed, committed (status, charge, one event, the signals), then undone: the session's
 * row and its charge are back byte for byte. */
static void
test_outcome (Fixture       *fixture,
              gconstpointer  data)
{
  const OutcomeCase *c = data;
  g_autoptr(SeancesAppointment) earlier = NULL;
  g_autoptr(SeancesAppointment) session = NULL;
  g_autoptr(SeancesDecisionUndo) earlier_undo = NULL;
  g_autoptr(SeancesDecisionUndo) undo = NULL;
  g_autoptr(SeancesCharge) charge = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *restored = NULL;
  SeancesPolicyDecision decision;
  gboolean cancelled = c->cancelled_by != SEANCES_CANCELLED_BY_NONE;
  gint64 balance;

  if (c->earlier_absence)
    {
      earlier = book (fixture, c->client, 9, 24, 10);
      earlier_undo = close_as (fixture, earlier, SEANCES_POLICY_OUTCOME_ABSENCE);
    }
  session = book (fixture, c->client, c->month, c->day, c->hour);
  balance = seances_charge_store_get_balance (fixture->charges, c->client);
  before = rows_of (fixture, session);
  g_assert_cmpint (count_events (fixture, session), ==, 0);

  propose (fixture, session, c->outcome, c->force_majeure, &decision);
  g_assert_cmpint (decision.kind, ==, c->kind);
  g_assert_cmpint (decision.policy_cents, ==, c->policy_cents);
  g_assert_cmpint (decision.due_cents, ==, c->due_cents);
  g_assert_cmpint (decision.waiver, ==, c->waiver);
  g_assert_cmpint (decision.version_id, ==, seances_policy_store_get_current (fixture->policy)->id);
  g_assert_false (decision.flag);
  /* A proposal writes nothing. */
  after = rows_of (fixture, session);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  fixture->session_changes = fixture->charge_changes = fixture->commits = fixture->undos = 0;
  undo = commit (fixture, session, &decision);
  g_assert_cmpuint (fixture->commits, ==, 1);
  g_assert_cmpint (fixture->committed_id, ==, seances_appointment_get_id (session));
  g_assert_cmpint (fixture->committed_kind, ==, c->kind);
  g_assert_cmpuint (fixture->undos, ==, 0);
  g_assert_cmpint (seances_appointment_get_status (session), ==, c->status);
  g_assert_cmpint (seances_appointment_get_cancelled_by (session), ==, c->cancelled_by);
  g_assert_cmpint (seances_appointment_get_cancelled_at (session), ==, cancelled ? NOW : 0);
  g_assert_cmpint (seances_appointment_get_status_at (session), ==, NOW);
  {
    g_autoptr(SeancesAppointment) row = seances_appointment_store_lookup (fixture->appointments,
                                                                         seances_appointment_get_id (session),
                                                                         &error);

    g_assert_no_error (error);
    g_assert_cmpint (seances_appointment_get_status (row), ==, c->status);
    g_assert_cmpint (seances_appointment_get_cancelled_by (row), ==, c->cancelled_by);
    g_assert_cmpint (seances_appointment_get_cancelled_at (row), ==, cancelled ? NOW : 0);
    g_assert_cmpint (seances_appointment_get_status_at (row), ==, NOW);
  }
  charge = charge_of (fixture, session);
  if (c->charged)
    {
      g_assert_nonnull (charge);
      g_assert_cmpint (seances_charge_get_kind (charge), ==, c->charge_kind);
      g_assert_cmpint (seances_charge_get_policy_cents (charge), ==, c->policy_cents);
      g_assert_cmpint (seances_charge_get_due_cents (charge), ==, c->due_cents);
      g_assert_cmpint (seances_charge_get_waiver (charge), ==, c->waiver);
      g_assert_cmpint (seances_charge_get_session_start (charge), ==, seances_appointment_get_start (session));
      g_assert_cmpuint (fixture->charge_changes, ==, 1);
      g_assert_cmpint (fixture->changed_client, ==, c->client);
    }
  else
    {
      g_assert_null (charge);
      g_assert_cmpuint (fixture->charge_changes, ==, 0);
    }
  g_assert_cmpint (seances_charge_store_get_balance (fixture->charges, c->client), ==, balance + c->due_cents);
  g_assert_cmpint (count_events (fixture, session), ==, 1);
  g_assert_cmpuint (fixture->session_changes, ==, 1);
  g_assert_cmpint (fixture->changed_from, ==, seances_appointment_get_start (session));
  g_assert_cmpint (fixture->changed_to, ==, seances_appointment_get_end (session));

  /* The toast's « Annuler », a minute later. */
  seances_clock_set_now (fixture->clock, NOW + 60);
  g_assert_true (seances_decisions_undo (fixture->decisions, undo, &error));
  g_assert_no_error (error);
  restored = rows_of (fixture, session);
  g_assert_cmpstr (restored, ==, before);
  g_assert_cmpint (count_events (fixture, session), ==, 2);
  g_assert_cmpuint (fixture->session_changes, ==, 2);
  g_assert_cmpuint (fixture->charge_changes, ==, c->charged ? 2 : 0);
  g_assert_cmpint (seances_charge_store_get_balance (fixture->charges, c->client), ==, balance);
  g_assert_cmpuint (fixture->commits, ==, 1);
  g_assert_cmpuint (fixture->undos, ==, 1);
  g_assert_cmpint (fixture->undone_id, ==, seances_appointment_get_id (session));
}

/* The first absence in 12 months is free, the second one is due. */
static void
test_grace_then_due (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(SeancesAppointment) first = book (fixture, HELENE, 10, 6, 10);
  g_autoptr(SeancesAppointment) second = book (fixture, HELENE, 11, 24, 10);
  g_autoptr(SeancesDecisionUndo) first_undo = NULL;
  g_autoptr(SeancesDecisionUndo) second_undo = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *second_text = NULL;
  SeancesPolicyDecision decision;

  propose (fixture, first, SEANCES_POLICY_OUTCOME_ABSENCE, FALSE, &decision);
  g_assert_cmpint (decision.waiver, ==, SEANCES_POLICY_WAIVER_GRACE);
  g_assert_cmpint (decision.due_cents, ==, 0);
  first_text = seances_policy_explain (&decision, fixture->tz);
  g_assert_cmpstr (first_text, ==, "Offert" NBSP ": première absence sur 12 mois.");
  first_undo = commit (fixture, first, &decision);

  propose (fixture, second, SEANCES_POLICY_OUTCOME_ABSENCE, FALSE, &decision);
  g_assert_cmpint (decision.waiver, ==, SEANCES_POLICY_WAIVER_NONE);
  g_assert_cmpuint (decision.grace_used, ==, 1);
  g_assert_cmpint (decision.due_cents, ==, 6000);
  second_text = seances_policy_explain (&decision, fixture->tz);
  g_assert_cmpstr (second_text, ==, "60,00" NBSP "€ à régler" NBSP ": absence sans prévenir.");
  second_undo = commit (fixture, second, &decision);
  g_assert_cmpint (seances_charge_store_get_balance (fixture->charges, HELENE), ==, 6000);
  g_assert_cmpint (seances_charge_store_get_unpaid_total (fixture->charges), ==, 6000);
}

/* Three absences in 12 months: « confirmation requise », from the third one's proposal on;
 * undoing it lifts the flag again. The other client is not flagged. */
static void
test_flag (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(SeancesAppointment) july = book (fixture, HELENE, 7, 7, 10);
  g_autoptr(SeancesAppointment) september = book (fixture, HELENE, 9, 8, 10);
  g_autoptr(SeancesAppointment) today = book (fixture, HELENE, 11, 24, 10);
  g_autoptr(SeancesDecisionUndo) july_undo = NULL;
  g_autoptr(SeancesDecisionUndo) september_undo = NULL;
  g_autoptr(SeancesDecisionUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  SeancesPolicyDecision decision;

  july_undo = close_as (fixture, july, SEANCES_POLICY_OUTCOME_ABSENCE);
  september_undo = close_as (fixture, september, SEANCES_POLICY_OUTCOME_ABSENCE);
  g_assert_false (seances_decisions_needs_confirmation (fixture->decisions, HELENE, &error));
  g_assert_no_error (error);

  propose (fixture, today, SEANCES_POLICY_OUTCOME_ABSENCE, FALSE, &decision);
  g_assert_true (decision.flag);
  undo = commit (fixture, today, &decision);
  g_assert_true (seances_decisions_needs_confirmation (fixture->decisions, HELENE, &error));
  g_assert_no_error (error);
  g_assert_false (seances_decisions_needs_confirmation (fixture->decisions, MARC, &error));
  g_assert_no_error (error);

  g_assert_true (seances_decisions_undo (fixture->decisions, undo, &error));
  g_assert_false (seances_decisions_needs_confirmation (fixture->decisions, HELENE, &error));
  g_assert_no_error (error);
}

/* Sessions never reviewed are no absences: not for the grace, not for the flag. */
static void
test_unreviewed (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) undos = g_ptr_array_new_with_free_func ((GDestroyNotify) seances_decision_undo_unref);
  g_autoptr(SeancesAppointment) today = NULL;
  g_autoptr(GError) error = NULL;
  SeancesPolicyDecision decision;

  /* Five weeks of sessions still scheduled, and one absence in August. */
  for (int day = 1; day <= 29; day += 7)
    g_ptr_array_add (sessions, book (fixture, HELENE, 10, day, 10));
  g_ptr_array_add (sessions, book (fixture, HELENE, 8, 4, 10));
  g_ptr_array_add (undos, close_as (fixture, g_ptr_array_index (sessions, sessions->len - 1),
                                    SEANCES_POLICY_OUTCOME_ABSENCE));
  today = book (fixture, HELENE, 11, 24, 10);

  /* The August absence used the grace; the unreviewed ones changed nothing. */
  propose (fixture, today, SEANCES_POLICY_OUTCOME_ABSENCE, FALSE, &decision);
  g_assert_cmpuint (decision.grace_used, ==, 1);
  g_assert_cmpint (decision.due_cents, ==, 6000);
  g_assert_false (decision.flag);
  g_ptr_array_add (undos, commit (fixture, today, &decision));
  g_assert_false (seances_decisions_needs_confirmation (fixture->decisions, HELENE, &error));
  g_assert_no_error (error);
}

typedef struct
{
  const char          *name;
  gint64               due_cents;
  SeancesPolicyWaiver  waiver;
} EditCase;

static const EditCase edit_cases[] = {
  { "amount", 3000, SEANCES_POLICY_WAIVER_NONE },
  { "waived", 0, SEANCES_POLICY_WAIVER_MANUAL },
  { "nothing", 0, SEANCES_POLICY_WAIVER_NONE },
};

/* The practitioner edits what the policy proposes before committing it. */
static void
test_manual_edit (Fixture       *fixture,
                  gconstpointer  data)
{
  const EditCase *c = data;
  g_autoptr(SeancesAppointment) earlier = book (fixture, HELENE, 9, 24, 10);
  g_autoptr(SeancesAppointment) session = book (fixture, HELENE, 11, 25, 10);
  g_autoptr(SeancesDecisionUndo) earlier_undo = close_as (fixture, earlier, SEANCES_POLICY_OUTCOME_ABSENCE);
  g_autoptr(SeancesDecisionUndo) undo = NULL;
  g_autoptr(SeancesCharge) charge = NULL;
  g_autofree char *text = NULL;
  SeancesPolicyDecision decision;

  propose (fixture, session, SEANCES_POLICY_OUTCOME_CLIENT_CANCELLED, FALSE, &decision);
  g_assert_cmpint (decision.due_cents, ==, 6000);
  decision.due_cents = c->due_cents;
  decision.waiver = c->waiver;
  undo = commit (fixture, session, &decision);

  charge = charge_of (fixture, session);
  g_assert_cmpint (seances_charge_get_kind (charge), ==, SEANCES_CHARGE_KIND_LATE_CANCELLATION);
  g_assert_cmpint (seances_charge_get_policy_cents (charge), ==, 6000);
  g_assert_cmpint (seances_charge_get_due_cents (charge), ==, c->due_cents);
  g_assert_cmpint (seances_charge_get_waiver (charge), ==, c->waiver);
  g_assert_cmpint (seances_charge_store_get_balance (fixture->charges, HELENE), ==, c->due_cents);
  if (c->waiver == SEANCES_POLICY_WAIVER_MANUAL)
    {
      text = seances_policy_explain (&decision, fixture->tz);
      g_assert_cmpstr (text, ==, "Offert par le cabinet.");
    }
}

typedef struct
{
  const char           *name;
  SeancesPolicyOutcome  outcome;
  gboolean              charged;  /* the second decision has a charge */
} RedecideCase;

static const RedecideCase redecide_cases[] = {
  { "absence", SEANCES_POLICY_OUTCOME_ABSENCE, TRUE },
  { "cancelled-by-practice", SEANCES_POLICY_OUTCOME_PRACTICE_CANCELLED, FALSE },
};

/* A closed session closed again replaces its charge, which keeps its id, or loses it;
 * undoing that puts back the first decision's status and charge exactly, stamps included. */
static void
test_redecide (Fixture       *fixture,
               gconstpointer  data)
{
  const RedecideCase *c = data;
  g_autoptr(SeancesAppointment) session = book (fixture, HELENE, 11, 24, 10);
  g_autoptr(SeancesDecisionUndo) honoured = NULL;
  g_autoptr(SeancesDecisionUndo) again = NULL;
  g_autoptr(SeancesCharge) first = NULL;
  g_autoptr(SeancesCharge) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *closed = NULL;
  g_autofree char *restored = NULL;

  honoured = close_as (fixture, session, SEANCES_POLICY_OUTCOME_HONOURED);
  closed = rows_of (fixture, session);
  first = charge_of (fixture, session);
  g_assert_cmpint (seances_charge_store_get_balance (fixture->charges, HELENE), ==, 6000);

  seances_clock_set_now (fixture->clock, NOW + 3600);
  again = close_as (fixture, session, c->outcome);
  second = charge_of (fixture, session);
  if (c->charged)
    {
      g_assert_cmpint (seances_charge_get_id (second), ==, seances_charge_get_id (first));
      g_assert_cmpint (seances_charge_get_kind (second), ==, SEANCES_CHARGE_KIND_ABSENCE);
      g_assert_cmpint (seances_charge_get_waiver (second), ==, SEANCES_POLICY_WAIVER_GRACE);
    }
  else
    g_assert_null (second);
  g_assert_cmpint (seances_charge_store_get_balance (fixture->charges, HELENE), ==, 0);
  g_assert_cmpint (seances_appointment_get_status (session), !=, SEANCES_APPOINTMENT_STATUS_HONOURED);

  seances_clock_set_now (fixture->clock, NOW + 3660);
  g_assert_true (seances_decisions_undo (fixture->decisions, again, &error));
  g_assert_no_error (error);
  restored = rows_of (fixture, session);
  g_assert_cmpstr (restored, ==, closed);
  g_assert_cmpint (seances_charge_store_get_balance (fixture->charges, HELENE), ==, 6000);
  g_assert_cmpint (count_events (fixture, session), ==, 3);
}

typedef enum { DECIDED_AGAIN, PAID, UNDONE } Since;

typedef struct
{
  const char *name;
  Since       since;
  const char *message;
} UndoRefusal;

static const UndoRefusal undo_refusals[] = {
  { "decided-again", DECIDED_AGAIN,
    "Cette séance a été modifiée depuis" NBSP ": ce changement ne peut plus être annulé." },
  { "paid", PAID, "Cette séance a été modifiée depuis" NBSP ": ce changement ne peut plus être annulé." },
  { "undone", UNDONE, "Cette modification a déjà été annulée." },
};

/* An undo after the session or its charge changed again is refused, and changes nothing. */
static void
test_undo_refused (Fixture       *fixture,
                   gconstpointer  data)
{
  const UndoRefusal *c = data;
  g_autoptr(SeancesAppointment) earlier = book (fixture, HELENE, 9, 24, 10);
  g_autoptr(SeancesAppointment) session = book (fixture, HELENE, 11, 24, 10);
  g_autoptr(SeancesDecisionUndo) earlier_undo = close_as (fixture, earlier, SEANCES_POLICY_OUTCOME_ABSENCE);
  g_autoptr(SeancesDecisionUndo) undo = close_as (fixture, session, SEANCES_POLICY_OUTCOME_ABSENCE);
  g_autoptr(SeancesDecisionUndo) again = NULL;
  g_autoptr(SeancesChargeUndo) payment = NULL;
  g_autoptr(SeancesCharge) charge = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *now = NULL;
  g_autofree char *after = NULL;
  gint64 events;

  seances_clock_set_now (fixture->clock, NOW + 60);
  switch (c->since)
    {
    case DECIDED_AGAIN:
      again = close_as (fixture, session, SEANCES_POLICY_OUTCOME_HONOURED);
      break;
    case PAID:
      charge = charge_of (fixture, session);
      payment = seances_charge_store_mark_paid (fixture->charges, charge, NOW, SEANCES_PAYMENT_TRANSFER, &error);
      g_assert_no_error (error);
      break;
    case UNDONE:
      g_assert_true (seances_decisions_undo (fixture->decisions, undo, &error));
      g_assert_no_error (error);
      break;
    default:
      g_assert_not_reached ();
    }
  now = rows_of (fixture, session);
  events = count_events (fixture, session);
  fixture->session_changes = fixture->charge_changes = 0;

  g_assert_false (seances_decisions_undo (fixture->decisions, undo, &error));
  g_assert_error (error, SEANCES_DECISION_ERROR, SEANCES_DECISION_ERROR_CHANGED);
  g_assert_cmpstr (error->message, ==, c->message);
  after = rows_of (fixture, session);
  g_assert_cmpstr (after, ==, now);
  g_assert_cmpint (count_events (fixture, session), ==, events);
  g_assert_cmpuint (fixture->session_changes + fixture->charge_changes, ==, 0);
}

/* A paid charge is never replaced: the session cannot be closed differently. */
static void
test_paid_not_replaced (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(SeancesAppointment) session = book (fixture, HELENE, 11, 24, 10);
  g_autoptr(SeancesDecisionUndo) honoured = close_as (fixture, session, SEANCES_POLICY_OUTCOME_HONOURED);
  g_autoptr(SeancesDecisionUndo) undo = NULL;
  g_autoptr(SeancesChargeUndo) payment = NULL;
  g_autoptr(SeancesCharge) charge = charge_of (fixture, session);
  g_autoptr(GError) error = NULL;
  g_autofree char *paid = NULL;
  g_autofree char *after = NULL;
  SeancesPolicyDecision decision;

  payment = seances_charge_store_mark_paid (fixture->charges, charge, NOW, SEANCES_PAYMENT_CASH, &error);
  g_assert_no_error (error);
  paid = rows_of (fixture, session);

  propose (fixture, session, SEANCES_POLICY_OUTCOME_ABSENCE, FALSE, &decision);
  undo = seances_decisions_commit (fixture->decisions, session, &decision, NOW, &error);
  g_assert_null (undo);
  g_assert_error (error, SEANCES_DECISION_ERROR, SEANCES_DECISION_ERROR_PAID);
  g_assert_cmpstr (error->message, ==,
                   "Les honoraires de cette séance ont déjà été réglés" NBSP ": elle ne peut plus être "
                   "clôturée autrement.");
  after = rows_of (fixture, session);
  g_assert_cmpstr (after, ==, paid);
  g_assert_cmpint (seances_appointment_get_status (session), ==, SEANCES_APPOINTMENT_STATUS_HONOURED);
  g_assert_cmpint (count_events (fixture, session), ==, 1);

  /* Undoing the payment opens it again. */
  g_clear_error (&error);
  g_assert_true (seances_charge_store_undo (fixture->charges, payment, &error));
  g_assert_no_error (error);
  undo = seances_decisions_commit (fixture->decisions, session, &decision, NOW, &error);
  g_assert_no_error (error);
  g_assert_nonnull (undo);
}

/* A session keeps the policy version it was booked under: a later change of the policy
 * (24 hours' notice instead of 48) does not make its cancellation timely. One booked
 * before there was any version is judged by the first. */
static void
test_version_at_booking (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(SeancesAppointment) old = book (fixture, HELENE, 11, 26, 10);
  g_autoptr(SeancesAppointment) recent = NULL;
  g_autoptr(SeancesAppointment) unversioned = NULL;
  g_autoptr(SeancesAppointment) moved = NULL;
  g_autoptr(GError) error = NULL;
  const SeancesPolicyVersion *first = seances_policy_store_get_current (fixture->policy);
  gint64 first_id = first->id;
  SeancesPolicyTerms terms = first->terms;
  SeancesPolicyDecision decision;

  g_assert_cmpint (first_id, ==, 1);
  terms.notice_hours = 24;
  g_assert_true (seances_policy_store_save (fixture->policy, &terms, "Engagement", &error));
  g_assert_no_error (error);
  g_assert_cmpint (seances_policy_store_get_current (fixture->policy)->id, !=, first_id);
  seances_appointment_store_set_policy_version (fixture->appointments,
                                                seances_policy_store_get_current (fixture->policy)->id);
  recent = book (fixture, HELENE, 11, 26, 12);
  g_assert_true (seances_database_exec (fixture->database,
                                        "UPDATE appointment SET policy_version_id = NULL WHERE id = 1", NULL));
  unversioned = seances_appointment_store_lookup (fixture->appointments, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (seances_appointment_get_id (unversioned), ==, seances_appointment_get_id (old));

  /* Heard on Tuesday 14:00 for Thursday: 44 and 46 hours' notice. */
  propose (fixture, recent, SEANCES_POLICY_OUTCOME_CLIENT_CANCELLED, FALSE, &decision);
  g_assert_cmpint (decision.kind, ==, SEANCES_POLICY_KIND_CANCELLED_IN_TIME);
  g_assert_cmpint (decision.version_id, ==, seances_policy_store_get_current (fixture->policy)->id);
  propose (fixture, unversioned, SEANCES_POLICY_OUTCOME_CLIENT_CANCELLED, FALSE, &decision);
  g_assert_cmpint (decision.kind, ==, SEANCES_POLICY_KIND_CANCELLED_LATE);
  g_assert_cmpint (decision.version_id, ==, first_id);

  g_assert_true (seances_database_exec (fixture->database, "UPDATE appointment SET policy_version_id = 1 WHERE id = 1", NULL));
  g_clear_object (&old);
  old = seances_appointment_store_lookup (fixture->appointments, 1, &error);
  g_assert_true (seances_appointment_store_move (fixture->appointments, old,
                                                 paris (fixture, 11, 26, 11, 0), paris (fixture, 11, 26, 11, 50),
                                                 TRUE, &moved, &error));
  g_assert_no_error (error);
  propose (fixture, moved, SEANCES_POLICY_OUTCOME_CLIENT_CANCELLED, FALSE, &decision);
  g_assert_cmpint (decision.kind, ==, SEANCES_POLICY_KIND_CANCELLED_LATE);
  g_assert_cmpint (decision.version_id, ==, first_id);
}

typedef enum { MOVED, TOMORROW, HEARD_LATER, TOO_MUCH } Trouble;

typedef struct
{
  const char           *name;
  Trouble               trouble;
  SeancesPolicyOutcome  outcome;
  int                   code;
  const char           *message;
} Refusal;

static const Refusal refusals[] = {
  { "moved", MOVED, SEANCES_POLICY_OUTCOME_HONOURED, SEANCES_DECISION_ERROR_RESCHEDULED,
    "Cette séance a été reportée" NBSP ": clôturez plutôt la séance qui la remplace." },
  { "absence-before-start", TOMORROW, SEANCES_POLICY_OUTCOME_ABSENCE, SEANCES_DECISION_ERROR_NOT_STARTED,
    "Cette séance n’a pas encore commencé" NBSP ": elle pourra être clôturée une fois commencée." },
  { "held-before-start", TOMORROW, SEANCES_POLICY_OUTCOME_HONOURED, SEANCES_DECISION_ERROR_NOT_STARTED,
    "Cette séance n’a pas encore commencé" NBSP ": elle pourra être clôturée une fois commencée." },
  { "heard-in-the-future", HEARD_LATER, SEANCES_POLICY_OUTCOME_CLIENT_CANCELLED, SEANCES_DECISION_ERROR_INVALID,
    "Une annulation ne peut pas être datée dans le futur." },
  { "amount-too-high", TOO_MUCH, SEANCES_POLICY_OUTCOME_HONOURED, SEANCES_DECISION_ERROR_INVALID,
    "Le montant dû doit être compris entre 0 et 100\xe2\x80\xaf" "000" NBSP "€." },
};

/* What cannot be decided is refused, by the proposal and by the commit alike, and changes
 * nothing. */
static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  const Refusal *c = data;
  g_autoptr(SeancesAppointment) session = NULL;
  g_autoptr(SeancesAppointment) moved = NULL;
  g_autoptr(SeancesDecisionUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  SeancesPolicyDecision decision = {
    .kind = c->outcome == SEANCES_POLICY_OUTCOME_ABSENCE ? SEANCES_POLICY_KIND_ABSENCE
          : c->outcome == SEANCES_POLICY_OUTCOME_HONOURED ? SEANCES_POLICY_KIND_HONOURED
          : SEANCES_POLICY_KIND_CANCELLED_IN_TIME,
  };
  gint64 notified = c->trouble == HEARD_LATER ? NOW + 60 : NOW;

  session = book (fixture, HELENE, 11, c->trouble == TOMORROW || c->trouble == HEARD_LATER ? 25 : 24, 10);
  if (c->trouble == MOVED)
    g_assert_true (seances_database_exec (fixture->database,
                                          "UPDATE appointment SET status = 'rescheduled'", NULL));
  before = rows_of (fixture, session);

  if (c->trouble == TOO_MUCH)
    {
      propose (fixture, session, c->outcome, FALSE, &decision);
      decision.due_cents = 10000001;
    }
  else
    {
      g_assert_false (seances_decisions_propose (fixture->decisions, session, c->outcome, FALSE, notified,
                                                 &decision, &error));
      g_assert_error (error, SEANCES_DECISION_ERROR, c->code);
      g_assert_cmpstr (error->message, ==, c->message);
      g_clear_error (&error);
    }

  undo = seances_decisions_commit (fixture->decisions, session, &decision, notified, &error);
  g_assert_null (undo);
  g_assert_error (error, SEANCES_DECISION_ERROR, c->code);
  g_assert_cmpstr (error->message, ==, c->message);
  after = rows_of (fixture, session);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (count_events (fixture, session), ==, 0);
  g_assert_cmpuint (fixture->session_changes, ==, 1);  /* the booking's */
  g_assert_cmpuint (fixture->charge_changes, ==, 0);
}

/* A policy without a threshold never asks for confirmation. */
static void
test_no_threshold (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) undos = g_ptr_array_new_with_free_func ((GDestroyNotify) seances_decision_undo_unref);
  g_autoptr(GError) error = NULL;
  SeancesPolicyTerms terms = seances_policy_store_get_current (fixture->policy)->terms;

  for (int month = 6; month <= 10; month++)
    {
      g_autoptr(SeancesAppointment) session = book (fixture, HELENE, month, 2, 10);

      g_ptr_array_add (undos, close_as (fixture, session, SEANCES_POLICY_OUTCOME_ABSENCE));
    }
  g_assert_true (seances_decisions_needs_confirmation (fixture->decisions, HELENE, &error));

  terms.flag_count = 0;
  g_assert_true (seances_policy_store_save (fixture->policy, &terms, "Engagement", &error));
  g_assert_no_error (error);
  g_assert_false (seances_decisions_needs_confirmation (fixture->decisions, HELENE, &error));
  g_assert_no_error (error);
}

static void
add_test (const char    *path,
          gconstpointer  data,
          void         (*test) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, data, fixture_set_up, test, fixture_tear_down);
}

#define ADD_ROWS(prefix, rows, test)                                                  \
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)                                   \
    {                                                                                \
      g_autofree char *path = g_strdup_printf ("%s/%s", prefix, rows[i].name);      \
      add_test (path, &rows[i], test);                                               \
    }

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  seances_test_init_french ();

  ADD_ROWS ("/decisions/outcome", outcome_cases, test_outcome);
  ADD_ROWS ("/decisions/edit", edit_cases, test_manual_edit);
  ADD_ROWS ("/decisions/undo/refused", undo_refusals, test_undo_refused);
  ADD_ROWS ("/decisions/refused", refusals, test_refused);
  ADD_ROWS ("/decisions/redecide-then-undo", redecide_cases, test_redecide);
  add_test ("/decisions/grace-then-due", NULL, test_grace_then_due);
  add_test ("/decisions/flag", NULL, test_flag);
  add_test ("/decisions/flag/no-threshold", NULL, test_no_threshold);
  add_test ("/decisions/unreviewed", NULL, test_unreviewed);
  add_test ("/decisions/paid-not-replaced", NULL, test_paid_not_replaced);
  add_test ("/decisions/version-at-booking", NULL, test_version_at_booking);

  return g_test_run ();
}
