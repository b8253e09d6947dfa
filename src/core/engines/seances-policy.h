/* seances-policy.h — the cancellation policy: what a late cancellation or an absence costs
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure functions over plain structs. Instants are UTC Unix seconds, like the rest of the
 * core; "local" is the practice's time zone, handed in.
 *
 * The rules:
 * - Notice. A client cancellation is late iff it was notified after the deadline:
 *   notified exactly at the deadline is in time, one second later is late. A cancellation
 *   notified after the session started is late too.
 * - Deadline. Counted on the practice's wall clock: the local time notice_hours hours
 *   before the session's local time, whatever the clocks do in between, because a client
 *   reading « 48 heures avant lundi 10 h » counts to « samedi 10 h ». A wall time that does
 *   not exist (the clocks go forward, 02:00–03:00 in Paris) means the first instant after
 *   the gap (03:00); one that happens twice (the clocks go back) means the LATER of the
 *   two, so that the client has the benefit of the hour.
 * - Amounts. The full fee; a percentage of it, rounded half away from zero to the cent; or
 *   a fixed amount, never more than the fee.
 * - What each outcome costs. Honoured: the fee, never waived. Cancelled in time or by the
 *   practice: nothing, no waiver. Late cancellation or absence: what the terms say, unless
 *   a waiver applies, in this order of precedence:
 *   force majeure > grace > no accepted policy (the engine proposes NO_POLICY; the
 *   practitioner may waive by hand instead, MANUAL, which the engine never decides).
 *   When the terms charge nothing there is nothing to waive: no waiver, nothing due.
 * - Grace. Counted over the client's other sessions: the late cancellations and absences
 *   (not force majeure, not unreviewed, not cancelled by the practice) that started before
 *   this session and on or after the local day grace_months calendar months before this
 *   session's local date (the same date a year before still counts, a year and a day no
 *   longer does; 29 February less 12 months is 28 February). Events waived by grace, for
 *   want of a policy or by hand still count: they happened. Fewer than grace_count → GRACE.
 *   grace_count 0 means no grace.
 * - Confirmation required (the flag). The absences (not force majeure, not unreviewed)
 *   that started from the local day flag_months months before now's local date up to now,
 *   this session included when it is an absence in that window: when there are at least
 *   flag_count of them (flag_count > 0), every session needs confirming. The flag falls
 *   again by itself when they roll out of the window.
 * - A session that was not reviewed is never counted as an absence, anywhere.
 *
 * seances_policy_terms_validate() refuses terms out of these ranges with
 * G_IO_ERROR_INVALID_ARGUMENT and a French sentence naming the field; the other
 * functions expect valid terms.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SEANCES_POLICY_MAX_NOTICE_HOURS 168
#define SEANCES_POLICY_MAX_COUNT        12
#define SEANCES_POLICY_MAX_MONTHS       24
/* A fixed amount above 10 000 € is a slip of the keyboard, not a policy. */
#define SEANCES_POLICY_MAX_FIXED_CENTS  1000000

typedef enum
{
  SEANCES_POLICY_AMOUNT_FULL,
  SEANCES_POLICY_AMOUNT_PERCENT,
  SEANCES_POLICY_AMOUNT_FIXED,
} SeancesPolicyAmountKind;

typedef struct
{
  SeancesPolicyAmountKind kind;
  int                     value;  /* percent 0–100, or cents; unused for the full fee */
} SeancesPolicyAmount;

typedef struct
{
  gint64              version_id;    /* the stored version these terms are */
  int                 notice_hours;  /* 0–168 */
  SeancesPolicyAmount late;          /* a late cancellation by the client */
  SeancesPolicyAmount absence;       /* an absence without notice */
  int                 grace_count;   /* 0–12; 0 = no grace */
  int                 grace_months;  /* 1–24 (checked only with a grace) */
  int                 flag_count;    /* 0–12; 0 = never flagged */
  int                 flag_months;   /* 1–24 (checked only with a threshold) */
} SeancesPolicyTerms;

void        seances_policy_terms_init_default  (SeancesPolicyTerms        *terms);
gboolean    seances_policy_terms_validate      (const SeancesPolicyTerms  *terms,
                                                GError                   **error);
gboolean    seances_policy_terms_equal         (const SeancesPolicyTerms  *a,
                                                const SeancesPolicyTerms  *b);
gint64      seances_policy_amount              (const SeancesPolicyAmount *amount,
                                                gint64                     fee_cents);
gint64      seances_policy_deadline            (GTimeZone                 *tz,
                                                gint64                     start,
                                                int                        notice_hours);
char       *seances_policy_describe            (const SeancesPolicyTerms  *terms,
                                                gint64                     fee_cents);
const char *seances_policy_default_commitment  (void);

/* A past session of the client, as reviewed (or not). */
typedef enum
{
  SEANCES_POLICY_PAST_HONOURED,
  SEANCES_POLICY_PAST_CANCELLED_IN_TIME,
  SEANCES_POLICY_PAST_CANCELLED_LATE,
  SEANCES_POLICY_PAST_ABSENCE,
  SEANCES_POLICY_PAST_CANCELLED_BY_PRACTICE,
  SEANCES_POLICY_PAST_UNREVIEWED,
} SeancesPolicyPastKind;

typedef struct
{
  gint64                start;
  SeancesPolicyPastKind kind;
  gboolean              force_majeure;
} SeancesPolicyPast;

typedef enum
{
  SEANCES_POLICY_OUTCOME_HONOURED,
  SEANCES_POLICY_OUTCOME_CLIENT_CANCELLED,
  SEANCES_POLICY_OUTCOME_PRACTICE_CANCELLED,
  SEANCES_POLICY_OUTCOME_ABSENCE,
} SeancesPolicyOutcome;

typedef struct
{
  const SeancesPolicyTerms *terms;        /* the version in force when the session was BOOKED */
  gboolean                  accepted;     /* the client had accepted a policy before the session */
  GTimeZone                *tz;           /* the practice's */
  gint64                    start;        /* the session's start */
  gint64                    fee_cents;
  gint64                    notified_at;  /* when the client let the practice know (cancellations) */
  gint64                    now;          /* for the flag's window */
  SeancesPolicyOutcome      outcome;
  gboolean                  force_majeure;
  const SeancesPolicyPast  *history;      /* the client's OTHER sessions, in any order */
  guint                     n_history;
} SeancesPolicyCase;

typedef enum
{
  SEANCES_POLICY_KIND_HONOURED,
  SEANCES_POLICY_KIND_CANCELLED_IN_TIME,
  SEANCES_POLICY_KIND_CANCELLED_LATE,
  SEANCES_POLICY_KIND_ABSENCE,
  SEANCES_POLICY_KIND_CANCELLED_BY_PRACTICE,
} SeancesPolicyKind;

typedef enum
{
  SEANCES_POLICY_WAIVER_NONE,
  SEANCES_POLICY_WAIVER_GRACE,
  SEANCES_POLICY_WAIVER_FORCE_MAJEURE,
  SEANCES_POLICY_WAIVER_NO_POLICY,
  SEANCES_POLICY_WAIVER_MANUAL,
} SeancesPolicyWaiver;

const char *seances_policy_waiver_to_string    (SeancesPolicyWaiver        waiver);
gboolean    seances_policy_waiver_from_string  (const char                *text,
                                                SeancesPolicyWaiver       *waiver);

typedef struct
{
  SeancesPolicyKind   kind;
  gint64              policy_cents;  /* what the terms charge for this kind (the fee when honoured) */
  gint64              due_cents;     /* policy_cents, or 0 when waived */
  SeancesPolicyWaiver waiver;
  gint64              deadline;      /* the notice deadline (« à prévenir avant samedi 10 h 00 ») */
  guint               grace_used;    /* late cancellations and absences already in the grace window */
  int                 grace_months;  /* that window, from the terms (0 without grace) */
  gint64              version_id;    /* the terms the decision was taken under */
  gboolean            flag;          /* « confirmation requise » once this decision is recorded */
} SeancesPolicyDecision;

void        seances_policy_decide              (const SeancesPolicyCase   *c,
                                                SeancesPolicyDecision     *decision);
char       *seances_policy_explain             (const SeancesPolicyDecision *decision,
                                                GTimeZone                 *tz);
gboolean    seances_policy_needs_confirmation  (const SeancesPolicyTerms  *terms,
                                                const SeancesPolicyPast   *history,
                                                guint                      n_history,
                                                GTimeZone                 *tz,
                                                gint64                     now);

G_END_DECLS
