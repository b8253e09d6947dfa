/* seances-decisions.c — closing a session: what the policy proposes, committed, undone
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every outcome takes the same path: the policy engine proposes (what is due and why),
 * the practitioner may edit the amount or waive it, and the commit writes the session's
 * status, its charge and one event row in one transaction. Its own object rather than
 * methods of the stores: a decision reads the policy, the session and the client's
 * history and writes a session and a charge, and neither store should know the other. */
#include "config.h"

#include "seances-decisions.h"

#include <glib/gi18n-lib.h>

#include "seances-database-private.h"
#include "seances-model-private.h"
#include "seances-time.h"

/* Above 100 000 € an amount is a slip of the keyboard, as for a session's fee. */
#define MAX_DUE_CENTS 10000000

struct _SeancesDecisions
{
  GObject                  parent_instance;

  SeancesAppointmentStore *appointments;
  SeancesChargeStore      *charges;
  SeancesPolicyStore      *policy;
  SeancesClock            *clock;
  SeancesDatabase         *database;  /* the appointment store's */
};

G_DEFINE_FINAL_TYPE (SeancesDecisions, seances_decisions, G_TYPE_OBJECT)

enum
{
  COMMITTED,
  UNDONE,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (seances-decision-error-quark, seances_decision_error)

struct _SeancesDecisionUndo
{
  gatomicrefcount          ref_count;
  gint64                   appointment_id;
  gint64                   start;  /* the session's range, for ::changed */
  gint64                   end;
  SeancesAppointmentState  before;
  SeancesAppointmentState  after;
  SeancesCharge           *charge_before;  /* NULL: none */
  SeancesCharge           *charge_after;
  gboolean                 done;
};

G_DEFINE_BOXED_TYPE (SeancesDecisionUndo, seances_decision_undo, seances_decision_undo_ref,
                     seances_decision_undo_unref)

SeancesDecisionUndo *
seances_decision_undo_ref (SeancesDecisionUndo *undo)
{
  g_return_val_if_fail (undo != NULL, NULL);
  g_atomic_ref_count_inc (&undo->ref_count);
  return undo;
}

void
seances_decision_undo_unref (SeancesDecisionUndo *undo)
{
  g_return_if_fail (undo != NULL);

  if (!g_atomic_ref_count_dec (&undo->ref_count))
    return;
  g_clear_object (&undo->charge_before);
  g_clear_object (&undo->charge_after);
  g_free (undo);
}

static void
seances_decisions_dispose (GObject *object)
{
  SeancesDecisions *self = SEANCES_DECISIONS (object);

  g_clear_object (&self->appointments);
  g_clear_object (&self->charges);
  g_clear_object (&self->policy);
  g_clear_object (&self->clock);
  g_clear_object (&self->database);
  G_OBJECT_CLASS (seances_decisions_parent_class)->dispose (object);
}

static void
seances_decisions_class_init (SeancesDecisionsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = seances_decisions_dispose;

  /* After the stores' ::changed: which session was closed, and how (a SeancesPolicyKind),
   * for what follows a decision rather than a range of the agenda (« Fixer la prochaine
   * date » once an honoured session leaves nothing booked). */
  signals[COMMITTED] = g_signal_new ("committed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                     SEANCES_TYPE_APPOINTMENT, G_TYPE_INT);
  /* The id of the session a decision was undone for: it is scheduled again. */
  signals[UNDONE] = g_signal_new ("undone", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
seances_decisions_init (SeancesDecisions *self)
{
}

/* The stores must share one database: a decision writes both in one transaction. */
SeancesDecisions *
seances_decisions_new (SeancesAppointmentStore *appointments,
                       SeancesChargeStore      *charges,
                       SeancesPolicyStore      *policy,
                       SeancesClock            *clock)
{
  SeancesDecisions *self;

  g_return_val_if_fail (SEANCES_IS_APPOINTMENT_STORE (appointments), NULL);
  g_return_val_if_fail (SEANCES_IS_CHARGE_STORE (charges), NULL);
  g_return_val_if_fail (SEANCES_IS_POLICY_STORE (policy), NULL);
  g_return_val_if_fail (SEANCES_IS_CLOCK (clock), NULL);

  self = g_object_new (SEANCES_TYPE_DECISIONS, NULL);
  self->appointments = g_object_ref (appointments);
  self->charges = g_object_ref (charges);
  self->policy = g_object_ref (policy);
  self->clock = g_object_ref (clock);
  self->database = g_object_ref (seances_appointment_store_get_database (appointments));
  return self;
}

static gboolean
fail (GError     **error,
      int          code,
      const char  *message)
{
  g_set_error_literal (error, SEANCES_DECISION_ERROR, code, message);
  return FALSE;
}

/* A month before the engine's own window of @months ending at @instant, which opens at
 * the start of a local day: the engine counts exactly, this only bounds what is read. */
static gint64
window_floor (GTimeZone *tz,
              gint64     instant,
              int        months)
{
  g_autoptr(GDateTime) local = seances_time_to_local (tz, instant);
  g_autoptr(GDateTime) back = g_date_time_add_months (local, -(months + 1));

  return g_date_time_to_unix (back);
}

/* The client's sessions but @exclude_id that started in [@from, @to], as the engine sees
 * them at @now: a past session still scheduled is unreviewed and counts for nothing; a
 * moved one, or one still to come, is no event at all. */
static GArray *
read_history (SeancesDecisions  *self,
              gint64             client_id,
              gint64             exclude_id,
              gint64             from,
              gint64             to,
              gint64             now,
              GError           **error)
{
  g_autoptr(GArray) history = g_array_new (FALSE, FALSE, sizeof (SeancesPolicyPast));
  g_autoptr(SeancesStatement) stmt = NULL;
  gboolean has_row;

  if (from > to)
    return g_steal_pointer (&history);

  /* Along the client's sessions (client_id, start_at); the charge by its session. */
  stmt = seances_database_prepare (self->database,
                                   "SELECT a.start_at, a.status, a.cancelled_by, c.waived_reason"
                                   " FROM appointment a LEFT JOIN charge c ON c.appointment_id = a.id"
                                   " WHERE a.client_id = ?1 AND a.start_at >= ?2 AND a.start_at <= ?3"
                                   " AND a.id != ?4",
                                   error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, client_id);
  sqlite3_bind_int64 (stmt, 2, from);
  sqlite3_bind_int64 (stmt, 3, to);
  sqlite3_bind_int64 (stmt, 4, exclude_id);

  while (seances_database_step (self->database, stmt, &has_row, error))
    {
      SeancesAppointmentStatus status = SEANCES_APPOINTMENT_STATUS_SCHEDULED;
      SeancesCancelledBy cancelled_by = SEANCES_CANCELLED_BY_NONE;
      SeancesPolicyWaiver waiver = SEANCES_POLICY_WAIVER_NONE;
      SeancesPolicyPast past;

      if (!has_row)
        return g_steal_pointer (&history);

      past.start = sqlite3_column_int64 (stmt, 0);
      /* A damaged spelling reads as the default, as the stores read it. */
      seances_appointment_status_from_string ((const char *) sqlite3_column_text (stmt, 1), &status);
      seances_cancelled_by_from_string ((const char *) sqlite3_column_text (stmt, 2), &cancelled_by);
      seances_policy_waiver_from_string ((const char *) sqlite3_column_text (stmt, 3), &waiver);
      past.force_majeure = waiver == SEANCES_POLICY_WAIVER_FORCE_MAJEURE;

      switch (status)
        {
        case SEANCES_APPOINTMENT_STATUS_SCHEDULED:
          if (past.start >= now)
            continue;
          past.kind = SEANCES_POLICY_PAST_UNREVIEWED;
          break;
        case SEANCES_APPOINTMENT_STATUS_HONOURED:
          past.kind = SEANCES_POLICY_PAST_HONOURED;
          break;
        case SEANCES_APPOINTMENT_STATUS_CANCELLED_IN_TIME:
          past.kind = cancelled_by == SEANCES_CANCELLED_BY_PRACTICE ? SEANCES_POLICY_PAST_CANCELLED_BY_PRACTICE
                                                                    : SEANCES_POLICY_PAST_CANCELLED_IN_TIME;
          break;
        case SEANCES_APPOINTMENT_STATUS_CANCELLED_LATE:
          past.kind = SEANCES_POLICY_PAST_CANCELLED_LATE;
          break;
        case SEANCES_APPOINTMENT_STATUS_NO_SHOW:
          past.kind = SEANCES_POLICY_PAST_ABSENCE;
          break;
        case SEANCES_APPOINTMENT_STATUS_RESCHEDULED:
        default:
          continue;
        }
      g_array_append_val (history, past);
    }
  return NULL;
}

/* What can be decided at @now: not a moved session (its new one is), not a session held
 * or missed before it began, not a cancellation heard in the future. */
static gboolean
check_decidable (SeancesAppointment  *current,
                 gboolean             cancellation,
                 gint64               notified_at,
                 gint64               now,
                 GError             **error)
{
  if (seances_appointment_get_status (current) == SEANCES_APPOINTMENT_STATUS_RESCHEDULED)
    return fail (error, SEANCES_DECISION_ERROR_RESCHEDULED,
                 _("This session was moved: close the session it was moved to instead."));
  if (!cancellation && seances_appointment_get_start (current) > now)
    return fail (error, SEANCES_DECISION_ERROR_NOT_STARTED,
                 _("This session has not started yet: it can be closed once it has begun."));
  if (cancellation && notified_at > now)
    return fail (error, SEANCES_DECISION_ERROR_INVALID,
                 _("A cancellation cannot be dated in the future."));
  return TRUE;
}

static gboolean
is_cancellation (SeancesPolicyKind kind)
{
  switch (kind)
    {
    case SEANCES_POLICY_KIND_CANCELLED_IN_TIME:
    case SEANCES_POLICY_KIND_CANCELLED_LATE:
    case SEANCES_POLICY_KIND_CANCELLED_BY_PRACTICE:
      return TRUE;
    case SEANCES_POLICY_KIND_HONOURED:
    case SEANCES_POLICY_KIND_ABSENCE:
    default:
      return FALSE;
    }
}

/* What the policy proposes for closing @appointment with @outcome: under the terms it was
 * booked with (the first version for a session booked before there was one), whether the
 * client had accepted a policy before it, and the client's other sessions. @notified_at is
 * when the client let the practice know, for a cancellation. The proposal is read, never
 * written: seances_decisions_commit() records it, edited or not. */
gboolean
seances_decisions_propose (SeancesDecisions       *self,
                           SeancesAppointment     *appointment,
                           SeancesPolicyOutcome    outcome,
                           gboolean                force_majeure,
                           gint64                  notified_at,
                           SeancesPolicyDecision  *decision,
                           GError                **error)
{
  g_autoptr(SeancesAppointment) current = NULL;
  g_autoptr(GArray) history = NULL;
  const SeancesPolicyTerms *terms;
  gboolean cancellation;
  GTimeZone *tz;
  gint64 now;
  gint64 start;
  gint64 from = G_MAXINT64;

  g_return_val_if_fail (SEANCES_IS_DECISIONS (self), FALSE);
  g_return_val_if_fail (SEANCES_IS_APPOINTMENT (appointment), FALSE);
  g_return_val_if_fail (decision != NULL, FALSE);

  cancellation = outcome == SEANCES_POLICY_OUTCOME_CLIENT_CANCELLED ||
                 outcome == SEANCES_POLICY_OUTCOME_PRACTICE_CANCELLED;
  g_return_val_if_fail (!cancellation || notified_at > 0, FALSE);

  current = seances_appointment_store_lookup (self->appointments, seances_appointment_get_id (appointment),
                                              error);
  if (current == NULL)
    return FALSE;
  now = seances_clock_get_now (self->clock);
  if (!check_decidable (current, cancellation, notified_at, now, error))
    return FALSE;

  tz = seances_appointment_store_get_time_zone (self->appointments);
  start = seances_appointment_get_start (current);
  terms = &seances_policy_store_for_booking (self->policy,
                                             seances_appointment_get_policy_version_id (current))->terms;
  /* Only what the grace and the flag can count is read. */
  if (terms->grace_count > 0)
    from = MIN (from, window_floor (tz, start, terms->grace_months));
  if (terms->flag_count > 0)
    from = MIN (from, window_floor (tz, now, terms->flag_months));
  history = read_history (self, seances_appointment_get_client_id (current),
                          seances_appointment_get_id (current), from, MAX (start, now), now, error);
  if (history == NULL)
    return FALSE;

  seances_policy_decide (&(SeancesPolicyCase) {
                           .terms = terms,
                           .accepted = seances_policy_store_accepted_before (self->policy,
                                                                             seances_appointment_get_client_id (current),
                                                                             start),
                           .tz = tz,
                           .start = start,
                           .fee_cents = seances_appointment_get_fee_cents (current),
                           .notified_at = notified_at,
                           .now = now,
                           .outcome = outcome,
                           .force_majeure = force_majeure,
                           .history = (const SeancesPolicyPast *) history->data,
                           .n_history = history->len,
                         },
                         decision);
  return TRUE;
}

/* The session's fields once @kind is recorded at @now. */
static void
state_for (SeancesPolicyKind        kind,
           gint64                   notified_at,
           gint64                   now,
           SeancesAppointmentState *state)
{
  *state = (SeancesAppointmentState) { .status_at = now, .cancelled_by = SEANCES_CANCELLED_BY_NONE };

  switch (kind)
    {
    case SEANCES_POLICY_KIND_HONOURED:
      state->status = SEANCES_APPOINTMENT_STATUS_HONOURED;
      break;
    case SEANCES_POLICY_KIND_CANCELLED_IN_TIME:
      state->status = SEANCES_APPOINTMENT_STATUS_CANCELLED_IN_TIME;
      state->cancelled_at = notified_at;
      state->cancelled_by = SEANCES_CANCELLED_BY_CLIENT;
      break;
    case SEANCES_POLICY_KIND_CANCELLED_BY_PRACTICE:
      /* In time by definition: never billed. */
      state->status = SEANCES_APPOINTMENT_STATUS_CANCELLED_IN_TIME;
      state->cancelled_at = notified_at;
      state->cancelled_by = SEANCES_CANCELLED_BY_PRACTICE;
      break;
    case SEANCES_POLICY_KIND_CANCELLED_LATE:
      state->status = SEANCES_APPOINTMENT_STATUS_CANCELLED_LATE;
      state->cancelled_at = notified_at;
      state->cancelled_by = SEANCES_CANCELLED_BY_CLIENT;
      break;
    case SEANCES_POLICY_KIND_ABSENCE:
      state->status = SEANCES_APPOINTMENT_STATUS_NO_SHOW;
      break;
    default:
      g_return_if_reached ();
    }
}

/* The charge line of @decision: the fee of a session held, what the policy asks for a
 * late cancellation or an absence (nothing, with the reason, when waived); a timely
 * cancellation has none. */
static gboolean
draft_for (const SeancesPolicyDecision *decision,
           SeancesChargeDraft          *draft)
{
  switch (decision->kind)
    {
    case SEANCES_POLICY_KIND_HONOURED:
      draft->kind = SEANCES_CHARGE_KIND_SESSION;
      break;
    case SEANCES_POLICY_KIND_CANCELLED_LATE:
      draft->kind = SEANCES_CHARGE_KIND_LATE_CANCELLATION;
      break;
    case SEANCES_POLICY_KIND_ABSENCE:
      draft->kind = SEANCES_CHARGE_KIND_ABSENCE;
      break;
    case SEANCES_POLICY_KIND_CANCELLED_IN_TIME:
    case SEANCES_POLICY_KIND_CANCELLED_BY_PRACTICE:
    default:
      return FALSE;
    }
  draft->policy_cents = decision->policy_cents;
  draft->due_cents = decision->due_cents;
  draft->waiver = decision->waiver;
  return TRUE;
}

static gboolean
states_equal (const SeancesAppointmentState *a,
              const SeancesAppointmentState *b)
{
  return a->status == b->status && a->status_at == b->status_at &&
         a->cancelled_at == b->cancelled_at && a->cancelled_by == b->cancelled_by;
}

/* Inside the transaction: the session's status and its charge become @decision's. */
static gboolean
commit_rows (SeancesDecisions             *self,
             gint64                        id,
             const SeancesPolicyDecision  *decision,
             gint64                        notified_at,
             gint64                        now,
             SeancesDecisionUndo          *undo,
             GError                      **error)
{
  g_autoptr(SeancesAppointment) current = NULL;
  SeancesChargeDraft draft;
  gboolean charged;

  current = seances_appointment_store_lookup (self->appointments, id, error);
  if (current == NULL ||
      !check_decidable (current, is_cancellation (decision->kind), notified_at, now, error) ||
      !seances_charge_store_read (self->charges, id, &undo->charge_before, error))
    return FALSE;
  if (undo->charge_before != NULL && seances_charge_get_paid_at (undo->charge_before) != 0)
    return fail (error, SEANCES_DECISION_ERROR_PAID,
                 _("This session's fee has already been paid: the session can no longer be "
                   "closed differently."));

  undo->start = seances_appointment_get_start (current);
  undo->end = seances_appointment_get_end (current);
  seances_appointment_state_get (&undo->before, current);
  state_for (decision->kind, notified_at, now, &undo->after);
  charged = draft_for (decision, &draft);

  return seances_appointment_store_write_state (self->appointments, id, undo->before.status,
                                                &undo->after, now, error) &&
         seances_charge_store_write (self->charges, current, undo->charge_before,
                                     charged ? &draft : NULL, &undo->charge_after, error);
}

/* Records @decision (from seances_decisions_propose(), its amount possibly edited, or
 * waived by hand: MANUAL and nothing due) for @appointment, in one transaction: the
 * session's status, its charge (replaced if it had one, unless that one was paid) and an
 * event row. @notified_at is when the cancellation was made known (cancellations only).
 * @appointment is updated; the stores emit ::changed, then this object ::committed.
 * Returns what undoes it. */
SeancesDecisionUndo *
seances_decisions_commit (SeancesDecisions             *self,
                          SeancesAppointment           *appointment,
                          const SeancesPolicyDecision  *decision,
                          gint64                        notified_at,
                          GError                      **error)
{
  g_autoptr(SeancesDecisionUndo) undo = NULL;
  gboolean charged;
  gint64 now;

  g_return_val_if_fail (SEANCES_IS_DECISIONS (self), NULL);
  g_return_val_if_fail (SEANCES_IS_APPOINTMENT (appointment), NULL);
  g_return_val_if_fail (decision != NULL, NULL);
  g_return_val_if_fail (!is_cancellation (decision->kind) || notified_at > 0, NULL);
  /* A waiver leaves nothing due; a timely cancellation charges nothing, so waives nothing. */
  g_return_val_if_fail (decision->waiver == SEANCES_POLICY_WAIVER_NONE || decision->due_cents == 0, NULL);
  charged = decision->kind == SEANCES_POLICY_KIND_HONOURED ||
            decision->kind == SEANCES_POLICY_KIND_CANCELLED_LATE ||
            decision->kind == SEANCES_POLICY_KIND_ABSENCE;
  g_return_val_if_fail (charged || (decision->due_cents == 0 &&
                                    decision->waiver == SEANCES_POLICY_WAIVER_NONE), NULL);
  g_return_val_if_fail (decision->waiver != SEANCES_POLICY_WAIVER_FORCE_MAJEURE ||
                        decision->kind != SEANCES_POLICY_KIND_HONOURED, NULL);

  if (decision->due_cents < 0 || decision->due_cents > MAX_DUE_CENTS)
    {
      fail (error, SEANCES_DECISION_ERROR_INVALID, _("The amount due must be between 0 and 100 000 €."));
      return NULL;
    }

  undo = g_new0 (SeancesDecisionUndo, 1);
  g_atomic_ref_count_init (&undo->ref_count);
  undo->appointment_id = seances_appointment_get_id (appointment);
  now = seances_clock_get_now (self->clock);

  if (!seances_database_begin (self->database, error))
    return NULL;
  if (!commit_rows (self, undo->appointment_id, decision, notified_at, now, undo, error) ||
      !seances_database_commit (self->database, error))
    {
      seances_database_rollback (self->database);
      return NULL;
    }

  seances_appointment_state_apply (&undo->after, appointment);
  seances_appointment_store_emit_changed (self->appointments, undo->start, undo->end);
  seances_charge_store_apply (self->charges, undo->charge_before, undo->charge_after);
  g_signal_emit (self, signals[COMMITTED], 0, appointment, (int) decision->kind);
  return g_steal_pointer (&undo);
}

/* Inside the transaction: the session and its charge, as the decision left them, put
 * back as they were before it. */
static gboolean
undo_rows (SeancesDecisions     *self,
           SeancesDecisionUndo  *undo,
           gint64                now,
           GError              **error)
{
  g_autoptr(SeancesAppointment) current = NULL;
  g_autoptr(SeancesCharge) charge = NULL;
  SeancesAppointmentState state;

  current = seances_appointment_store_lookup (self->appointments, undo->appointment_id, error);
  if (current == NULL || !seances_charge_store_read (self->charges, undo->appointment_id, &charge, error))
    return FALSE;
  seances_appointment_state_get (&state, current);
  if (!states_equal (&state, &undo->after) || !seances_charge_equal (charge, undo->charge_after))
    return fail (error, SEANCES_DECISION_ERROR_CHANGED,
                 _("This session was changed again since: this can no longer be undone."));

  return seances_appointment_store_write_state (self->appointments, undo->appointment_id,
                                                undo->after.status, &undo->before, now, error) &&
         seances_charge_store_restore (self->charges, undo->appointment_id, undo->charge_before, error);
}

/* Puts the session and its charge back exactly as they were before the decision @undo
 * records, in one transaction with an event row, unless either changed since. */
gboolean
seances_decisions_undo (SeancesDecisions     *self,
                        SeancesDecisionUndo  *undo,
                        GError              **error)
{
  g_return_val_if_fail (SEANCES_IS_DECISIONS (self), FALSE);
  g_return_val_if_fail (undo != NULL, FALSE);

  if (undo->done)
    return fail (error, SEANCES_DECISION_ERROR_CHANGED, _("This change was already undone."));

  if (!seances_database_begin (self->database, error))
    return FALSE;
  if (!undo_rows (self, undo, seances_clock_get_now (self->clock), error) ||
      !seances_database_commit (self->database, error))
    {
      seances_database_rollback (self->database);
      return FALSE;
    }

  undo->done = TRUE;
  seances_appointment_store_emit_changed (self->appointments, undo->start, undo->end);
  seances_charge_store_apply (self->charges, undo->charge_after, undo->charge_before);
  g_signal_emit (self, signals[UNDONE], 0, undo->appointment_id);
  return TRUE;
}

/* Whether the client's sessions need confirming from now on (« confirmation requise »):
 * the current policy's threshold over their reviewed absences up to now. FALSE with
 * @error set when the history cannot be read. */
gboolean
seances_decisions_needs_confirmation (SeancesDecisions  *self,
                                      gint64             client_id,
                                      GError           **error)
{
  g_autoptr(GArray) history = NULL;
  const SeancesPolicyTerms *terms;
  GTimeZone *tz;
  gint64 now;

  g_return_val_if_fail (SEANCES_IS_DECISIONS (self), FALSE);

  terms = &seances_policy_store_get_current (self->policy)->terms;
  if (terms->flag_count == 0)
    return FALSE;

  tz = seances_appointment_store_get_time_zone (self->appointments);
  now = seances_clock_get_now (self->clock);
  history = read_history (self, client_id, 0, window_floor (tz, now, terms->flag_months), now, now, error);
  if (history == NULL)
    return FALSE;
  return seances_policy_needs_confirmation (terms, (const SeancesPolicyPast *) history->data,
                                            history->len, tz, now);
}
