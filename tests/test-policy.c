/* test-policy.c — the cancellation policy: deadlines, amounts, grace, waivers, the flag,
 * and the French a client reads
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "seances-policy.h"
#include "seances-time.h"
#include "seances-test.h"

#define NBSP "\xc2\xa0"
#define THIN_NBSP "\xe2\x80\xaf"

#define FULL_FEE   { SEANCES_POLICY_AMOUNT_FULL, 0 }
#define PERCENT(n) { SEANCES_POLICY_AMOUNT_PERCENT, (n) }
#define FIXED(c)   { SEANCES_POLICY_AMOUNT_FIXED, (c) }
/* version, notice, late, absence, grace count and months, flag count and months */
#define DEFAULT_TERMS { 0, 48, FULL_FEE, FULL_FEE, 1, 12, 3, 12 }

/* Monday 23 November 2026, 10:00 in Paris: 48 hours' notice ends on Saturday at 10:00. */
#define MONDAY "2026-11-23 10:00"

static GTimeZone *paris;

/* "2026-11-23 10:00" is a time on the practice's clocks; "2026-10-25 02:30 +01:00" says
 * which of a time shown twice. */
static gint64
at (const char *text)
{
  int year, month, day, hour, minute;
  char offset[8] = "";
  gint64 instant = 0;

  g_assert_cmpint (sscanf (text, "%d-%d-%d %d:%d %7s", &year, &month, &day, &hour, &minute, offset),
                   >=, 5);
  if (offset[0] != '\0')
    {
      g_autofree char *iso = g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:00%s",
                                              year, month, day, hour, minute, offset);
      g_autoptr(GDateTime) moment = g_date_time_new_from_iso8601 (iso, NULL);

      g_assert_nonnull (moment);
      return g_date_time_to_unix (moment);
    }

  g_assert_true (seances_time_from_local (paris, year, month, day, hour, minute, &instant, NULL));
  return instant;
}

static char *
local_text (gint64 instant)
{
  g_autoptr(GDateTime) local = seances_time_to_local (paris, instant);

  return g_date_time_format (local, "%Y-%m-%d %H:%M %:z");
}

/* French as a client reads it: a no-break space before « : ; ? ! » and the euro sign,
 * typographic apostrophes. */
static void
assert_french_typography (const char *text)
{
  g_assert_null (strstr (text, " :"));
  g_assert_null (strstr (text, " ;"));
  g_assert_null (strstr (text, " ?"));
  g_assert_null (strstr (text, " !"));
  g_assert_null (strstr (text, " €"));
  g_assert_null (strstr (text, " %"));
  g_assert_null (strchr (text, '\''));
}

/* ---- Amounts ---------------------------------------------------------------------- */

typedef struct
{
  const char         *name;
  SeancesPolicyAmount amount;
  gint64              fee;
  gint64              expected;
} AmountCase;

static const AmountCase amount_cases[] = {
  { "full", FULL_FEE, 6000, 6000 },
  { "full-free-session", FULL_FEE, 0, 0 },
  { "percent-half", PERCENT (50), 6000, 3000 },
  { "percent-none", PERCENT (0), 6000, 0 },
  { "percent-all", PERCENT (100), 6000, 6000 },
  /* 33 % of 45,50 € is 15,015 €: half a cent goes up. */
  { "percent-half-cent-up", PERCENT (33), 4550, 1502 },
  /* 33 % of 45,45 € is 14,9985 €. */
  { "percent-rounds-to-nearest", PERCENT (33), 4545, 1500 },
  { "percent-below-half-cent-down", PERCENT (1), 149, 1 },
  { "percent-exact-half-cent-up", PERCENT (1), 150, 2 },
  { "percent-of-one-cent", PERCENT (50), 1, 1 },
  { "fixed", FIXED (2500), 6000, 2500 },
  { "fixed-equal-to-fee", FIXED (6000), 6000, 6000 },
  { "fixed-never-above-fee", FIXED (8000), 6000, 6000 },
  { "fixed-zero", FIXED (0), 6000, 0 },
};

static void
test_amount (gconstpointer data)
{
  const AmountCase *c = data;

  g_assert_cmpint (seances_policy_amount (&c->amount, c->fee), ==, c->expected);
}

/* ---- Deadlines -------------------------------------------------------------------- */

typedef struct
{
  const char *name;
  const char *start;
  int         notice;
  const char *deadline;  /* on the practice's clocks, with the offset in force */
} DeadlineCase;

static const DeadlineCase deadline_cases[] = {
  { "ordinary-48-hours", MONDAY, 48, "2026-11-21 10:00 +01:00" },
  { "ordinary-24-hours", "2026-06-10 18:30", 24, "2026-06-09 18:30 +02:00" },
  { "no-notice-is-the-start", MONDAY, 0, "2026-11-23 10:00 +01:00" },
  { "a-week", MONDAY, 168, "2026-11-16 10:00 +01:00" },
  /* 48 hours before Tuesday 10:00 is Sunday 10:00 on the clocks, 47 real hours. */
  { "across-spring-change", "2026-03-31 10:00", 48, "2026-03-29 10:00 +02:00" },
  { "across-autumn-change", "2026-10-27 10:00", 48, "2026-10-25 10:00 +01:00" },
  /* 02:30 on 29 March 2026 is never shown: the first instant after the gap. */
  { "spring-gap-half-past-two", "2026-03-30 09:30", 31, "2026-03-29 03:00 +02:00" },
  { "spring-gap-two-o-clock", "2026-03-30 09:00", 31, "2026-03-29 03:00 +02:00" },
  { "spring-after-gap", "2026-03-30 10:00", 31, "2026-03-29 03:00 +02:00" },
  { "spring-before-gap", "2026-03-30 08:59", 31, "2026-03-29 01:59 +01:00" },
  /* 02:30 on 25 October 2026 is shown twice: the later one. */
  { "autumn-repeated-half-past-two", "2026-10-26 09:30", 31, "2026-10-25 02:30 +01:00" },
  { "autumn-repeated-two-o-clock", "2026-10-26 09:00", 31, "2026-10-25 02:00 +01:00" },
  { "autumn-after-repeat", "2026-10-26 10:00", 31, "2026-10-25 03:00 +01:00" },
  { "autumn-before-repeat", "2026-10-26 08:59", 31, "2026-10-25 01:59 +02:00" },
  /* No notice for a session at a time shown twice: its own start, never after it. */
  { "autumn-no-notice-first-showing", "2026-10-25 02:30 +02:00", 0, "2026-10-25 02:30 +02:00" },
};

static void
decide_cancellation (int                    notice,
                     gint64                 start,
                     gint64                 notified_at,
                     SeancesPolicyDecision *decision)
{
  SeancesPolicyTerms terms = DEFAULT_TERMS;
  SeancesPolicyCase c = {
    .terms = &terms, .accepted = TRUE, .tz = paris, .start = start, .fee_cents = 6000,
    .notified_at = notified_at, .now = notified_at,
    .outcome = SEANCES_POLICY_OUTCOME_CLIENT_CANCELLED,
  };

  terms.notice_hours = notice;
  seances_policy_decide (&c, decision);
}

/* The deadline, and a cancellation one minute before it, at it and one minute after. */
static void
test_deadline (gconstpointer data)
{
  const DeadlineCase *c = data;
  gint64 start = at (c->start);
  gint64 deadline = seances_policy_deadline (paris, start, c->notice);
  g_autofree char *text = local_text (deadline);
  SeancesPolicyDecision decision;

  g_assert_cmpstr (text, ==, c->deadline);

  decide_cancellation (c->notice, start, deadline - 60, &decision);
  g_assert_cmpint (decision.deadline, ==, deadline);
  g_assert_cmpint (decision.kind, ==, SEANCES_POLICY_KIND_CANCELLED_IN_TIME);
  decide_cancellation (c->notice, start, deadline, &decision);
  g_assert_cmpint (decision.kind, ==, SEANCES_POLICY_KIND_CANCELLED_IN_TIME);
  decide_cancellation (c->notice, start, deadline + 60, &decision);
  g_assert_cmpint (decision.kind, ==, SEANCES_POLICY_KIND_CANCELLED_LATE);
}

/* ---- Decisions -------------------------------------------------------------------- */

typedef struct
{
  const char           *when;  /* NULL ends the list */
  SeancesPolicyPastKind kind;
  gboolean              force_majeure;
} PastRow;

#define HONOURED   SEANCES_POLICY_PAST_HONOURED
#define IN_TIME    SEANCES_POLICY_PAST_CANCELLED_IN_TIME
#define LATE       SEANCES_POLICY_PAST_CANCELLED_LATE
#define ABSENT     SEANCES_POLICY_PAST_ABSENCE
#define BY_PRACTICE SEANCES_POLICY_PAST_CANCELLED_BY_PRACTICE
#define UNREVIEWED SEANCES_POLICY_PAST_UNREVIEWED

typedef struct
{
  const char          *name;
  SeancesPolicyTerms   terms;
  gboolean             accepted;
  const char          *start;
  gint64               fee;
  SeancesPolicyOutcome outcome;
  const char          *notified;  /* cancellations only */
  gboolean             force_majeure;
  const char          *now;       /* NULL: an hour after the start */
  PastRow              history[6];
  /* expected */
  SeancesPolicyKind    kind;
  gint64               policy;
  gint64               due;
  SeancesPolicyWaiver  waiver;
  guint                grace_used;
  gboolean             flag;
  const char          *explanation;
} DecideCase;

#define O_HONOURED  SEANCES_POLICY_OUTCOME_HONOURED
#define O_CANCELLED SEANCES_POLICY_OUTCOME_CLIENT_CANCELLED
#define O_PRACTICE  SEANCES_POLICY_OUTCOME_PRACTICE_CANCELLED
#define O_ABSENCE   SEANCES_POLICY_OUTCOME_ABSENCE
#define K_HONOURED  SEANCES_POLICY_KIND_HONOURED
#define K_IN_TIME   SEANCES_POLICY_KIND_CANCELLED_IN_TIME
#define K_LATE      SEANCES_POLICY_KIND_CANCELLED_LATE
#define K_ABSENCE   SEANCES_POLICY_KIND_ABSENCE
#define K_PRACTICE  SEANCES_POLICY_KIND_CANCELLED_BY_PRACTICE
#define W_NONE      SEANCES_POLICY_WAIVER_NONE
#define W_GRACE     SEANCES_POLICY_WAIVER_GRACE
#define W_FORCE     SEANCES_POLICY_WAIVER_FORCE_MAJEURE
#define W_NO_POLICY SEANCES_POLICY_WAIVER_NO_POLICY

#define AFTER_SATURDAY "annulation reçue après le samedi 21 novembre à 10" NBSP "h" NBSP "00."
#define BY_SATURDAY    "annulation reçue au plus tard le samedi 21 novembre à 10" NBSP "h" NBSP "00."
/* The grace of the year already used by an absence in May. */
#define GRACE_USED { { "2026-05-04 10:00", ABSENT, FALSE } }

static const DecideCase decide_cases[] = {
  /* The notice, to the minute on both sides; late even after the start. */
  { "notice/a-minute-before-deadline", DEFAULT_TERMS, TRUE, MONDAY, 6000, O_CANCELLED,
    "2026-11-21 09:59", FALSE, NULL, GRACE_USED,
    K_IN_TIME, 0, 0, W_NONE, 1, FALSE, "Rien à régler" NBSP ": " BY_SATURDAY },
  { "notice/at-deadline-in-time", DEFAULT_TERMS, TRUE, MONDAY, 6000, O_CANCELLED,
    "2026-11-21 10:00", FALSE, NULL, GRACE_USED,
    K_IN_TIME, 0, 0, W_NONE, 1, FALSE, "Rien à régler" NBSP ": " BY_SATURDAY },
  { "notice/a-minute-after-deadline-late", DEFAULT_TERMS, TRUE, MONDAY, 6000, O_CANCELLED,
    "2026-11-21 10:01", FALSE, NULL, GRACE_USED,
    K_LATE, 6000, 6000, W_NONE, 1, FALSE, "60,00" NBSP "€ à régler" NBSP ": " AFTER_SATURDAY },
  { "notice/after-start-still-late", DEFAULT_TERMS, TRUE, MONDAY, 6000, O_CANCELLED,
    "2026-11-23 10:20", FALSE, NULL, GRACE_USED,
    K_LATE, 6000, 6000, W_NONE, 1, FALSE, "60,00" NBSP "€ à régler" NBSP ": " AFTER_SATURDAY },
  { "notice/none-until-start", { 0, 0, FULL_FEE, FULL_FEE, 1, 12, 3, 12 }, TRUE, MONDAY, 6000,
    O_CANCELLED, "2026-11-23 09:59", FALSE, NULL, GRACE_USED,
    K_IN_TIME, 0, 0, W_NONE, 1, FALSE,
    "Rien à régler" NBSP ": annulation reçue au plus tard le lundi 23 novembre à 10" NBSP "h" NBSP "00." },
  /* A deadline in the spring gap is 03:00; in the repeated autumn hour, its second showing. */
  { "notice/dst-spring-gap-at-three-in-time", { 0, 31, FULL_FEE, FULL_FEE, 1, 12, 3, 12 }, TRUE,
    "2026-03-30 09:30", 6000, O_CANCELLED, "2026-03-29 03:00", FALSE, NULL, { { NULL } },
    K_IN_TIME, 0, 0, W_NONE, 0, FALSE,
    "Rien à régler" NBSP ": annulation reçue au plus tard le dimanche 29 mars à 3" NBSP "h" NBSP "00." },
  { "notice/dst-spring-gap-a-minute-after-late", { 0, 31, FULL_FEE, FULL_FEE, 1, 12, 3, 12 }, TRUE,
    "2026-03-30 09:30", 6000, O_CANCELLED, "2026-03-29 03:01", FALSE, NULL, { { NULL } },
    K_LATE, 6000, 0, W_GRACE, 0, FALSE, "Offert" NBSP ": première annulation tardive sur 12 mois." },
  { "notice/dst-autumn-first-showing-in-time", { 0, 31, FULL_FEE, FULL_FEE, 1, 12, 3, 12 }, TRUE,
    "2026-10-26 09:30", 6000, O_CANCELLED, "2026-10-25 02:30 +02:00", FALSE, NULL, { { NULL } },
    K_IN_TIME, 0, 0, W_NONE, 0, FALSE,
    "Rien à régler" NBSP ": annulation reçue au plus tard le dimanche 25 octobre à 2" NBSP "h" NBSP "30." },
  { "notice/dst-autumn-second-showing-in-time", { 0, 31, FULL_FEE, FULL_FEE, 1, 12, 3, 12 }, TRUE,
    "2026-10-26 09:30", 6000, O_CANCELLED, "2026-10-25 02:30 +01:00", FALSE, NULL, { { NULL } },
    K_IN_TIME, 0, 0, W_NONE, 0, FALSE,
    "Rien à régler" NBSP ": annulation reçue au plus tard le dimanche 25 octobre à 2" NBSP "h" NBSP "30." },
  { "notice/dst-autumn-after-second-showing-late", { 0, 31, FULL_FEE, FULL_FEE, 1, 12, 3, 12 }, TRUE,
    "2026-10-26 09:30", 6000, O_CANCELLED, "2026-10-25 02:31 +01:00", FALSE, NULL, GRACE_USED,
    K_LATE, 6000, 6000, W_NONE, 1, FALSE,
    "60,00" NBSP "€ à régler" NBSP ": annulation reçue après le dimanche 25 octobre à 2" NBSP "h" NBSP "30." },

  /* Grace: one in a rolling year, by default. */
  { "grace/first-absence-waived", DEFAULT_TERMS, TRUE, MONDAY, 6000, O_ABSENCE, NULL, FALSE,
    NULL, { { NULL } },
    K_ABSENCE, 6000, 0, W_GRACE, 0, FALSE, "Offert" NBSP ": première absence sur 12 mois." },
  { "grace/used-up", DEFAULT_TERMS, TRUE, MONDAY, 6000, O_ABSENCE, NULL, FALSE, NULL, GRACE_USED,
    K_ABSENCE, 6000, 6000, W_NONE, 1, FALSE, "60,00" NBSP "€ à régler" NBSP ": absence sans prévenir." },
  { "grace/same-date-a-year-before-counts", DEFAULT_TERMS, TRUE, MONDAY, 6000, O_ABSENCE, NULL,
    FALSE, NULL, { { "2025-11-23 08:00", ABSENT, FALSE } },
    K_ABSENCE, 6000, 6000, W_NONE, 1, FALSE, "60,00" NBSP "€ à régler" NBSP ": absence sans prévenir." },
  { "grace/a-year-and-a-day-before-rolled-out", DEFAULT_TERMS, TRUE, MONDAY, 6000, O_ABSENCE, NULL,
    FALSE, NULL, { { "2025-11-22 10:00", ABSENT, FALSE } },
    K_ABSENCE, 6000, 0, W_GRACE, 0, FALSE, "Offert" NBSP ": première absence sur 12 mois." },
  { "grace/a-year-and-a-day-late-evening-rolled-out", DEFAULT_TERMS, TRUE, MONDAY, 6000, O_ABSENCE,
    NULL, FALSE, NULL, { { "2025-11-22 23:59", LATE, FALSE } },
    K_ABSENCE, 6000, 0, W_GRACE, 0, FALSE, "Offert" NBSP ": première absence sur 12 mois." },
  /* 29 February less 12 months is 28 February. */
  { "grace/leap-day-counts-back-to-28-february", DEFAULT_TERMS, TRUE, "2028-02-29 10:00", 6000,
    O_ABSENCE, NULL, FALSE, NULL, { { "2027-02-28 09:00", ABSENT, FALSE } },
    K_ABSENCE, 6000, 6000, W_NONE, 1, FALSE, "60,00" NBSP "€ à régler" NBSP ": absence sans prévenir." },
  { "grace/leap-day-27-february-rolled-out", DEFAULT_TERMS, TRUE, "2028-02-29 10:00", 6000,
    O_ABSENCE, NULL, FALSE, NULL, { { "2027-02-27 18:00", ABSENT, FALSE } },
    K_ABSENCE, 6000, 0, W_GRACE, 0, FALSE, "Offert" NBSP ": première absence sur 12 mois." },
  { "grace/late-cancellation-uses-it", DEFAULT_TERMS, TRUE, MONDAY, 6000, O_ABSENCE, NULL, FALSE,
    NULL, { { "2026-09-01 10:00", LATE, FALSE } },
    K_ABSENCE, 6000, 6000, W_NONE, 1, FALSE, "60,00" NBSP "€ à régler" NBSP ": absence sans prévenir." },
  { "grace/force-majeure-does-not-use-it", DEFAULT_TERMS, TRUE, MONDAY, 6000, O_ABSENCE, NULL, FALSE,
    NULL, { { "2026-09-01 10:00", ABSENT, TRUE }, { "2026-10-01 10:00", LATE, TRUE } },
    K_ABSENCE, 6000, 0, W_GRACE, 0, FALSE, "Offert" NBSP ": première absence sur 12 mois." },
  { "grace/honoured-in-time-practice-do-not-use-it", DEFAULT_TERMS, TRUE, MONDAY, 6000, O_ABSENCE,
    NULL, FALSE, NULL,
    { { "2026-09-01 10:00", HONOURED, FALSE }, { "2026-09-08 10:00", IN_TIME, FALSE },
      { "2026-09-15 10:00", BY_PRACTICE, FALSE } },
    K_ABSENCE, 6000, 0, W_GRACE, 0, FALSE, "Offert" NBSP ": première absence sur 12 mois." },
  { "grace/a-later-session-does-not-use-it", DEFAULT_TERMS, TRUE, MONDAY, 6000, O_ABSENCE, NULL,
    FALSE, NULL, { { "2026-11-30 10:00", ABSENT, FALSE } },
    K_ABSENCE, 6000, 0, W_GRACE, 0, FALSE, "Offert" NBSP ": première absence sur 12 mois." },
  { "grace/two-in-6-months-second-waived", { 0, 48, FULL_FEE, FULL_FEE, 2, 6, 3, 12 }, TRUE, MONDAY,
    6000, O_CANCELLED, "2026-11-22 18:00", FALSE, NULL, { { "2026-08-01 10:00", ABSENT, FALSE } },
    K_LATE, 6000, 0, W_GRACE, 1, FALSE,
    "Offert" NBSP ": 2ᵉ annulation tardive ou absence sur 6 mois." },
  { "grace/two-in-6-months-third-due", { 0, 48, FULL_FEE, FULL_FEE, 2, 6, 3, 12 }, TRUE, MONDAY,
    6000, O_ABSENCE, NULL, FALSE, NULL,
    { { "2026-08-01 10:00", ABSENT, FALSE }, { "2026-10-01 10:00", LATE, FALSE },
      { "2026-05-01 10:00", LATE, FALSE } },
    K_ABSENCE, 6000, 6000, W_NONE, 2, FALSE, "60,00" NBSP "€ à régler" NBSP ": absence sans prévenir." },
  { "grace/none", { 0, 48, FULL_FEE, FULL_FEE, 0, 12, 3, 12 }, TRUE, MONDAY, 6000, O_ABSENCE, NULL,
    FALSE, NULL, { { NULL } },
    K_ABSENCE, 6000, 6000, W_NONE, 0, FALSE, "60,00" NBSP "€ à régler" NBSP ": absence sans prévenir." },

  /* Force majeure comes first, and only for what would cost. */
  { "force-majeure/late-cancellation", DEFAULT_TERMS, TRUE, MONDAY, 6000, O_CANCELLED,
    "2026-11-23 07:00", TRUE, NULL, GRACE_USED,
    K_LATE, 6000, 0, W_FORCE, 1, FALSE, "Offert" NBSP ": force majeure." },
  { "force-majeure/before-grace", DEFAULT_TERMS, TRUE, MONDAY, 6000, O_ABSENCE, NULL, TRUE, NULL,
    { { NULL } },
    K_ABSENCE, 6000, 0, W_FORCE, 0, FALSE, "Offert" NBSP ": force majeure." },
  { "force-majeure/before-no-policy", DEFAULT_TERMS, FALSE, MONDAY, 6000, O_ABSENCE, NULL, TRUE,
    NULL, GRACE_USED,
    K_ABSENCE, 6000, 0, W_FORCE, 1, FALSE, "Offert" NBSP ": force majeure." },
  { "force-majeure/honoured-still-billed", DEFAULT_TERMS, TRUE, MONDAY, 6000, O_HONOURED, NULL,
    TRUE, NULL, { { NULL } },
    K_HONOURED, 6000, 6000, W_NONE, 0, FALSE, "60,00" NBSP "€ à régler" NBSP ": séance honorée." },
  { "force-majeure/in-time-nothing-to-waive", DEFAULT_TERMS, TRUE, MONDAY, 6000, O_CANCELLED,
    "2026-11-20 10:00", TRUE, NULL, { { NULL } },
    K_IN_TIME, 0, 0, W_NONE, 0, FALSE, "Rien à régler" NBSP ": " BY_SATURDAY },

  /* Without an accepted policy, a fee the policy alone would charge is waived. */
  { "no-policy/absence-grace-used", DEFAULT_TERMS, FALSE, MONDAY, 6000, O_ABSENCE, NULL, FALSE,
    NULL, GRACE_USED,
    K_ABSENCE, 6000, 0, W_NO_POLICY, 1, FALSE,
    "Offert" NBSP ": aucune politique d’annulation n’avait été acceptée." },
  { "no-policy/late-cancellation-grace-used", DEFAULT_TERMS, FALSE, MONDAY, 6000, O_CANCELLED,
    "2026-11-22 10:00", FALSE, NULL, GRACE_USED,
    K_LATE, 6000, 0, W_NO_POLICY, 1, FALSE,
    "Offert" NBSP ": aucune politique d’annulation n’avait été acceptée." },
  { "no-policy/grace-comes-first", DEFAULT_TERMS, FALSE, MONDAY, 6000, O_ABSENCE, NULL, FALSE,
    NULL, { { NULL } },
    K_ABSENCE, 6000, 0, W_GRACE, 0, FALSE, "Offert" NBSP ": première absence sur 12 mois." },
  { "no-policy/honoured-billed", DEFAULT_TERMS, FALSE, MONDAY, 6000, O_HONOURED, NULL, FALSE,
    NULL, GRACE_USED,
    K_HONOURED, 6000, 6000, W_NONE, 1, FALSE, "60,00" NBSP "€ à régler" NBSP ": séance honorée." },

  /* A cancellation by the practice is never billed. */
  { "practice/cancelled-never-billed", DEFAULT_TERMS, TRUE, MONDAY, 6000, O_PRACTICE,
    "2026-11-23 10:30", FALSE, NULL, GRACE_USED,
    K_PRACTICE, 0, 0, W_NONE, 1, FALSE, "Rien à régler" NBSP ": séance annulée par le cabinet." },

  /* Percentages and fixed amounts, to the cent. */
  { "amount/late-half-fee", { 0, 48, PERCENT (50), FULL_FEE, 1, 12, 3, 12 }, TRUE, MONDAY, 6000,
    O_CANCELLED, "2026-11-22 10:00", FALSE, NULL, GRACE_USED,
    K_LATE, 3000, 3000, W_NONE, 1, FALSE, "30,00" NBSP "€ à régler" NBSP ": " AFTER_SATURDAY },
  { "amount/late-percent-half-cent-up", { 0, 48, PERCENT (33), FULL_FEE, 1, 12, 3, 12 }, TRUE,
    MONDAY, 4550, O_CANCELLED, "2026-11-22 10:00", FALSE, NULL, GRACE_USED,
    K_LATE, 1502, 1502, W_NONE, 1, FALSE, "15,02" NBSP "€ à régler" NBSP ": " AFTER_SATURDAY },
  { "amount/absence-fixed", { 0, 48, FULL_FEE, FIXED (2500), 1, 12, 3, 12 }, TRUE, MONDAY, 6000,
    O_ABSENCE, NULL, FALSE, NULL, GRACE_USED,
    K_ABSENCE, 2500, 2500, W_NONE, 1, FALSE, "25,00" NBSP "€ à régler" NBSP ": absence sans prévenir." },
  { "amount/absence-fixed-capped-at-fee", { 0, 48, FULL_FEE, FIXED (8000), 1, 12, 3, 12 }, TRUE,
    MONDAY, 6000, O_ABSENCE, NULL, FALSE, NULL, GRACE_USED,
    K_ABSENCE, 6000, 6000, W_NONE, 1, FALSE, "60,00" NBSP "€ à régler" NBSP ": absence sans prévenir." },
  /* When the terms charge nothing, nothing is waived and the grace is kept. */
  { "amount/late-free-nothing-to-waive", { 0, 48, PERCENT (0), FULL_FEE, 1, 12, 3, 12 }, TRUE,
    MONDAY, 6000, O_CANCELLED, "2026-11-22 10:00", FALSE, NULL, { { NULL } },
    K_LATE, 0, 0, W_NONE, 0, FALSE, "Rien à régler" NBSP ": " AFTER_SATURDAY },
  { "amount/absence-free-nothing-to-waive", { 0, 48, FULL_FEE, FIXED (0), 1, 12, 3, 12 }, FALSE,
    MONDAY, 6000, O_ABSENCE, NULL, FALSE, NULL, GRACE_USED,
    K_ABSENCE, 0, 0, W_NONE, 1, FALSE, "Rien à régler" NBSP ": absence sans prévenir." },
  { "amount/free-session-honoured", DEFAULT_TERMS, TRUE, MONDAY, 0, O_HONOURED, NULL, FALSE, NULL,
    { { NULL } },
    K_HONOURED, 0, 0, W_NONE, 0, FALSE, "Rien à régler" NBSP ": séance honorée." },

  /* The threshold: three absences in a rolling year. */
  { "flag/third-absence-crosses", DEFAULT_TERMS, TRUE, MONDAY, 6000, O_ABSENCE, NULL, FALSE, NULL,
    { { "2026-03-02 10:00", ABSENT, FALSE }, { "2026-07-06 10:00", ABSENT, FALSE } },
    K_ABSENCE, 6000, 6000, W_NONE, 2, TRUE, "60,00" NBSP "€ à régler" NBSP ": absence sans prévenir." },
  { "flag/third-absence-force-majeure-does-not-cross", DEFAULT_TERMS, TRUE, MONDAY, 6000, O_ABSENCE,
    NULL, TRUE, NULL,
    { { "2026-03-02 10:00", ABSENT, FALSE }, { "2026-07-06 10:00", ABSENT, FALSE } },
    K_ABSENCE, 6000, 0, W_FORCE, 2, FALSE, "Offert" NBSP ": force majeure." },
  { "flag/late-cancellation-is-no-absence", DEFAULT_TERMS, TRUE, MONDAY, 6000, O_CANCELLED,
    "2026-11-23 08:00", FALSE, NULL,
    { { "2026-03-02 10:00", ABSENT, FALSE }, { "2026-07-06 10:00", ABSENT, FALSE } },
    K_LATE, 6000, 6000, W_NONE, 2, FALSE, "60,00" NBSP "€ à régler" NBSP ": " AFTER_SATURDAY },
  { "flag/already-crossed-stays-on-honoured", DEFAULT_TERMS, TRUE, MONDAY, 6000, O_HONOURED, NULL,
    FALSE, NULL,
    { { "2026-03-02 10:00", ABSENT, FALSE }, { "2026-07-06 10:00", ABSENT, FALSE },
      { "2026-10-05 10:00", ABSENT, FALSE } },
    K_HONOURED, 6000, 6000, W_NONE, 3, TRUE, "60,00" NBSP "€ à régler" NBSP ": séance honorée." },
  { "flag/oldest-rolled-out-not-crossed", DEFAULT_TERMS, TRUE, MONDAY, 6000, O_ABSENCE, NULL, FALSE,
    NULL, { { "2025-11-22 10:00", ABSENT, FALSE }, { "2026-07-06 10:00", ABSENT, FALSE } },
    K_ABSENCE, 6000, 6000, W_NONE, 1, FALSE, "60,00" NBSP "€ à régler" NBSP ": absence sans prévenir." },
  /* An old absence reviewed today is outside the window that ends today. */
  { "flag/old-absence-reviewed-late-outside-window", DEFAULT_TERMS, TRUE, "2025-11-10 10:00", 6000,
    O_ABSENCE, NULL, FALSE, MONDAY,
    { { "2026-03-02 10:00", ABSENT, FALSE }, { "2026-07-06 10:00", ABSENT, FALSE } },
    K_ABSENCE, 6000, 0, W_GRACE, 0, FALSE, "Offert" NBSP ": première absence sur 12 mois." },
  { "flag/threshold-off", { 0, 48, FULL_FEE, FULL_FEE, 1, 12, 0, 12 }, TRUE, MONDAY, 6000, O_ABSENCE,
    NULL, FALSE, NULL,
    { { "2026-03-02 10:00", ABSENT, FALSE }, { "2026-07-06 10:00", ABSENT, FALSE },
      { "2026-10-05 10:00", ABSENT, FALSE } },
    K_ABSENCE, 6000, 6000, W_NONE, 3, FALSE, "60,00" NBSP "€ à régler" NBSP ": absence sans prévenir." },

  /* The version in force at booking decides: 48 hours then, 24 hours and half the fee now. */
  { "policy-changed/booked-version-applies", { 1, 48, FULL_FEE, FULL_FEE, 1, 12, 3, 12 }, TRUE,
    MONDAY, 6000, O_CANCELLED, "2026-11-22 04:00", FALSE, NULL, GRACE_USED,
    K_LATE, 6000, 6000, W_NONE, 1, FALSE, "60,00" NBSP "€ à régler" NBSP ": " AFTER_SATURDAY },
  { "policy-changed/new-version-for-later-bookings", { 2, 24, PERCENT (50), FULL_FEE, 1, 12, 3, 12 },
    TRUE, MONDAY, 6000, O_CANCELLED, "2026-11-22 04:00", FALSE, NULL, GRACE_USED,
    K_IN_TIME, 0, 0, W_NONE, 1, FALSE,
    "Rien à régler" NBSP ": annulation reçue au plus tard le dimanche 22 novembre à 10" NBSP "h" NBSP "00." },

  /* A session nobody reviewed is never an absence. */
  { "unreviewed/never-uses-the-grace", DEFAULT_TERMS, TRUE, MONDAY, 6000, O_ABSENCE, NULL, FALSE,
    NULL,
    { { "2026-03-02 10:00", UNREVIEWED, FALSE }, { "2026-07-06 10:00", UNREVIEWED, FALSE },
      { "2026-10-05 10:00", UNREVIEWED, FALSE } },
    K_ABSENCE, 6000, 0, W_GRACE, 0, FALSE, "Offert" NBSP ": première absence sur 12 mois." },
  { "unreviewed/never-towards-the-flag", DEFAULT_TERMS, TRUE, MONDAY, 6000, O_HONOURED, NULL, FALSE,
    NULL,
    { { "2026-03-02 10:00", ABSENT, FALSE }, { "2026-07-06 10:00", ABSENT, FALSE },
      { "2026-10-05 10:00", UNREVIEWED, FALSE }, { "2026-10-12 10:00", UNREVIEWED, FALSE } },
    K_HONOURED, 6000, 6000, W_NONE, 2, FALSE, "60,00" NBSP "€ à régler" NBSP ": séance honorée." },
};

static guint
load_history (const PastRow     *rows,
              SeancesPolicyPast *history)
{
  guint n = 0;

  for (; rows[n].when != NULL; n++)
    history[n] = (SeancesPolicyPast) { at (rows[n].when), rows[n].kind, rows[n].force_majeure };
  return n;
}

static void
test_decide (gconstpointer data)
{
  const DecideCase *row = data;
  SeancesPolicyPast history[G_N_ELEMENTS (row->history)];
  SeancesPolicyCase c = {
    .terms = &row->terms,
    .accepted = row->accepted,
    .tz = paris,
    .start = at (row->start),
    .fee_cents = row->fee,
    .notified_at = row->notified != NULL ? at (row->notified) : 0,
    .outcome = row->outcome,
    .force_majeure = row->force_majeure,
    .history = history,
  };
  SeancesPolicyDecision decision;
  g_autofree char *explanation = NULL;

  c.now = row->now != NULL ? at (row->now) : c.start + 3600;
  c.n_history = load_history (row->history, history);

  seances_policy_decide (&c, &decision);
  g_assert_cmpint (decision.kind, ==, row->kind);
  g_assert_cmpint (decision.policy_cents, ==, row->policy);
  g_assert_cmpint (decision.due_cents, ==, row->due);
  g_assert_cmpint (decision.waiver, ==, row->waiver);
  g_assert_cmpuint (decision.grace_used, ==, row->grace_used);
  g_assert_cmpint (decision.flag, ==, row->flag);
  g_assert_cmpint (decision.version_id, ==, row->terms.version_id);
  g_assert_cmpint (decision.deadline, ==,
                   seances_policy_deadline (paris, c.start, row->terms.notice_hours));

  /* The flag agrees with what the client's page asks once this session joins the history. */
  if (row->outcome == O_ABSENCE)
    history[c.n_history] = (SeancesPolicyPast) { c.start, ABSENT, row->force_majeure };
  else
    history[c.n_history] = (SeancesPolicyPast) { c.start, HONOURED, FALSE };
  g_assert_cmpint (seances_policy_needs_confirmation (&row->terms, history, c.n_history + 1,
                                                      paris, c.now), ==, row->flag);

  explanation = seances_policy_explain (&decision, paris);
  g_assert_cmpstr (explanation, ==, row->explanation);
  assert_french_typography (explanation);
}

/* The practitioner may waive a fee by hand; the engine never does. */
static void
test_explain_manual (void)
{
  SeancesPolicyTerms terms = DEFAULT_TERMS;
  SeancesPolicyPast history[] = { { at ("2026-05-04 10:00"), ABSENT, FALSE } };
  SeancesPolicyCase c = {
    .terms = &terms, .accepted = TRUE, .tz = paris, .start = at (MONDAY), .fee_cents = 6000,
    .now = at (MONDAY) + 3600, .outcome = O_ABSENCE,
    .history = history, .n_history = G_N_ELEMENTS (history),
  };
  SeancesPolicyDecision decision;
  g_autofree char *explanation = NULL;

  seances_policy_decide (&c, &decision);
  g_assert_cmpint (decision.waiver, ==, W_NONE);
  g_assert_cmpint (decision.due_cents, ==, 6000);

  decision.waiver = SEANCES_POLICY_WAIVER_MANUAL;
  decision.due_cents = 0;
  explanation = seances_policy_explain (&decision, paris);
  g_assert_cmpstr (explanation, ==, "Offert par le cabinet.");
}

/* ---- Confirmation required ----------------------------------------------------------- */

typedef struct
{
  const char        *name;
  SeancesPolicyTerms terms;
  PastRow            history[6];
  const char        *now;
  gboolean           expected;
} ConfirmationCase;

#define THREE_ABSENCES \
  { { "2025-12-01 10:00", ABSENT, FALSE }, { "2026-04-13 10:00", ABSENT, FALSE }, \
    { "2026-09-07 10:00", ABSENT, FALSE } }

static const ConfirmationCase confirmation_cases[] = {
  { "three-absences-crossed", DEFAULT_TERMS, THREE_ABSENCES, "2026-09-07 12:00", TRUE },
  { "same-date-a-year-later-still-crossed", DEFAULT_TERMS, THREE_ABSENCES, "2026-12-01 18:00", TRUE },
  { "a-year-and-a-day-later-uncrossed", DEFAULT_TERMS, THREE_ABSENCES, "2026-12-02 08:00", FALSE },
  { "before-the-third-not-crossed", DEFAULT_TERMS, THREE_ABSENCES, "2026-09-07 09:59", FALSE },
  { "two-absences-not-crossed", DEFAULT_TERMS,
    { { "2026-04-13 10:00", ABSENT, FALSE }, { "2026-09-07 10:00", ABSENT, FALSE } },
    "2026-09-08 10:00", FALSE },
  { "force-majeure-not-counted", DEFAULT_TERMS,
    { { "2025-12-01 10:00", ABSENT, FALSE }, { "2026-04-13 10:00", ABSENT, TRUE },
      { "2026-09-07 10:00", ABSENT, FALSE } },
    "2026-09-08 10:00", FALSE },
  { "unreviewed-not-counted", DEFAULT_TERMS,
    { { "2025-12-01 10:00", ABSENT, FALSE }, { "2026-04-13 10:00", UNREVIEWED, FALSE },
      { "2026-09-07 10:00", ABSENT, FALSE } },
    "2026-09-08 10:00", FALSE },
  { "late-cancellations-not-counted", DEFAULT_TERMS,
    { { "2025-12-01 10:00", LATE, FALSE }, { "2026-04-13 10:00", ABSENT, FALSE },
      { "2026-09-07 10:00", ABSENT, FALSE } },
    "2026-09-08 10:00", FALSE },
  { "threshold-off", { 0, 48, FULL_FEE, FULL_FEE, 1, 12, 0, 12 }, THREE_ABSENCES,
    "2026-09-08 10:00", FALSE },
  { "one-absence-in-a-month", { 0, 48, FULL_FEE, FULL_FEE, 1, 12, 1, 1 },
    { { "2026-09-07 10:00", ABSENT, FALSE } }, "2026-10-07 10:00", TRUE },
  { "one-absence-a-month-and-a-day-before", { 0, 48, FULL_FEE, FULL_FEE, 1, 12, 1, 1 },
    { { "2026-09-07 10:00", ABSENT, FALSE } }, "2026-10-08 10:00", FALSE },
};

static void
test_confirmation (gconstpointer data)
{
  const ConfirmationCase *row = data;
  SeancesPolicyPast history[G_N_ELEMENTS (row->history)];
  guint n = load_history (row->history, history);

  g_assert_cmpint (seances_policy_needs_confirmation (&row->terms, history, n, paris, at (row->now)),
                   ==, row->expected);
}

/* ---- Terms ------------------------------------------------------------------------ */

static void
test_default_terms (void)
{
  SeancesPolicyTerms terms;
  g_autoptr(GError) error = NULL;

  memset (&terms, 0xff, sizeof terms);
  seances_policy_terms_init_default (&terms);
  g_assert_cmpint (terms.notice_hours, ==, 48);
  g_assert_cmpint (terms.late.kind, ==, SEANCES_POLICY_AMOUNT_FULL);
  g_assert_cmpint (terms.absence.kind, ==, SEANCES_POLICY_AMOUNT_FULL);
  g_assert_cmpint (terms.grace_count, ==, 1);
  g_assert_cmpint (terms.grace_months, ==, 12);
  g_assert_cmpint (terms.flag_count, ==, 3);
  g_assert_cmpint (terms.flag_months, ==, 12);
  g_assert_true (seances_policy_terms_validate (&terms, &error));
  g_assert_no_error (error);
}

typedef struct
{
  const char        *name;
  SeancesPolicyTerms terms;
  const char        *message;  /* NULL: valid */
} ValidateCase;

static const ValidateCase validate_cases[] = {
  { "default", DEFAULT_TERMS, NULL },
  { "notice-none", { 0, 0, FULL_FEE, FULL_FEE, 1, 12, 3, 12 }, NULL },
  { "notice-a-week", { 0, 168, FULL_FEE, FULL_FEE, 1, 12, 3, 12 }, NULL },
  { "notice-negative", { 0, -1, FULL_FEE, FULL_FEE, 1, 12, 3, 12 },
    "Le délai pour prévenir va de 0 à 168 heures." },
  { "notice-over-a-week", { 0, 169, FULL_FEE, FULL_FEE, 1, 12, 3, 12 },
    "Le délai pour prévenir va de 0 à 168 heures." },
  { "late-percent-over-100", { 0, 48, PERCENT (101), FULL_FEE, 1, 12, 3, 12 },
    "Le coût d’une annulation tardive est un pourcentage de 0 à 100." },
  { "late-percent-negative", { 0, 48, PERCENT (-5), FULL_FEE, 1, 12, 3, 12 },
    "Le coût d’une annulation tardive est un pourcentage de 0 à 100." },
  { "late-fixed-negative", { 0, 48, FIXED (-1), FULL_FEE, 1, 12, 3, 12 },
    "Le coût d’une annulation tardive est un montant de 0,00" NBSP "€ à 10" THIN_NBSP "000,00" NBSP "€." },
  { "late-kind-unknown", { 0, 48, { (SeancesPolicyAmountKind) 7, 0 }, FULL_FEE, 1, 12, 3, 12 },
    "Le coût d’une annulation tardive est le prix de la séance, un pourcentage de ce prix "
    "ou un montant fixe." },
  { "absence-percent-over-100", { 0, 48, FULL_FEE, PERCENT (150), 1, 12, 3, 12 },
    "Le coût d’une absence est un pourcentage de 0 à 100." },
  { "absence-fixed-too-high", { 0, 48, FULL_FEE, FIXED (1000001), 1, 12, 3, 12 },
    "Le coût d’une absence est un montant de 0,00" NBSP "€ à 10" THIN_NBSP "000,00" NBSP "€." },
  { "absence-fixed-at-most", { 0, 48, FULL_FEE, FIXED (1000000), 1, 12, 3, 12 }, NULL },
  { "absence-kind-unknown", { 0, 48, FULL_FEE, { (SeancesPolicyAmountKind) -1, 0 }, 1, 12, 3, 12 },
    "Le coût d’une absence est le prix de la séance, un pourcentage de ce prix ou un montant fixe." },
  { "grace-count-negative", { 0, 48, FULL_FEE, FULL_FEE, -1, 12, 3, 12 },
    "Le nombre d’annulations tardives ou d’absences offertes va de 0 à 12." },
  { "grace-count-too-many", { 0, 48, FULL_FEE, FULL_FEE, 13, 12, 3, 12 },
    "Le nombre d’annulations tardives ou d’absences offertes va de 0 à 12." },
  { "grace-months-zero", { 0, 48, FULL_FEE, FULL_FEE, 1, 0, 3, 12 },
    "La période sur laquelle des annulations tardives ou des absences sont offertes va de 1 à 24 mois." },
  { "grace-months-too-many", { 0, 48, FULL_FEE, FULL_FEE, 1, 25, 3, 12 },
    "La période sur laquelle des annulations tardives ou des absences sont offertes va de 1 à 24 mois." },
  { "grace-off-months-not-checked", { 0, 48, FULL_FEE, FULL_FEE, 0, 0, 3, 12 }, NULL },
  { "flag-count-too-many", { 0, 48, FULL_FEE, FULL_FEE, 1, 12, 13, 12 },
    "Le nombre d’absences avant de demander une confirmation va de 0 à 12." },
  { "flag-months-too-many", { 0, 48, FULL_FEE, FULL_FEE, 1, 12, 3, 25 },
    "La période sur laquelle les absences sont comptées va de 1 à 24 mois." },
  { "flag-off-months-not-checked", { 0, 48, FULL_FEE, FULL_FEE, 1, 12, 0, 0 }, NULL },
};

static void
test_validate (gconstpointer data)
{
  const ValidateCase *row = data;
  g_autoptr(GError) error = NULL;
  gboolean valid = seances_policy_terms_validate (&row->terms, &error);

  if (row->message == NULL)
    {
      g_assert_no_error (error);
      g_assert_true (valid);
      return;
    }
  g_assert_false (valid);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (error->message, ==, row->message);
  assert_french_typography (error->message);
}

typedef struct
{
  const char        *name;
  SeancesPolicyTerms a;
  SeancesPolicyTerms b;
  gboolean           equal;
} EqualCase;

/* The same policy for a client, whatever no rule reads; any change a client would notice
 * is a different one. */
static const EqualCase equal_cases[] = {
  { "same", DEFAULT_TERMS, DEFAULT_TERMS, TRUE },
  { "other-version-id", DEFAULT_TERMS, { 7, 48, FULL_FEE, FULL_FEE, 1, 12, 3, 12 }, TRUE },
  { "full-fee-value-unread", DEFAULT_TERMS, { 0, 48, { SEANCES_POLICY_AMOUNT_FULL, 50 }, FULL_FEE, 1, 12, 3, 12 }, TRUE },
  { "grace-off-months-unread", { 0, 48, FULL_FEE, FULL_FEE, 0, 12, 3, 12 }, { 0, 48, FULL_FEE, FULL_FEE, 0, 6, 3, 12 }, TRUE },
  { "flag-off-months-unread", { 0, 48, FULL_FEE, FULL_FEE, 1, 12, 0, 12 }, { 0, 48, FULL_FEE, FULL_FEE, 1, 12, 0, 3 }, TRUE },
  { "notice", DEFAULT_TERMS, { 0, 24, FULL_FEE, FULL_FEE, 1, 12, 3, 12 }, FALSE },
  { "late-kind", DEFAULT_TERMS, { 0, 48, PERCENT (100), FULL_FEE, 1, 12, 3, 12 }, FALSE },
  { "late-percent", { 0, 48, PERCENT (50), FULL_FEE, 1, 12, 3, 12 }, { 0, 48, PERCENT (40), FULL_FEE, 1, 12, 3, 12 }, FALSE },
  { "absence-fixed", { 0, 48, FULL_FEE, FIXED (3000), 1, 12, 3, 12 }, { 0, 48, FULL_FEE, FIXED (3001), 1, 12, 3, 12 }, FALSE },
  { "grace-count", DEFAULT_TERMS, { 0, 48, FULL_FEE, FULL_FEE, 2, 12, 3, 12 }, FALSE },
  { "grace-months", DEFAULT_TERMS, { 0, 48, FULL_FEE, FULL_FEE, 1, 6, 3, 12 }, FALSE },
  { "flag-count", DEFAULT_TERMS, { 0, 48, FULL_FEE, FULL_FEE, 1, 12, 0, 12 }, FALSE },
  { "flag-months", DEFAULT_TERMS, { 0, 48, FULL_FEE, FULL_FEE, 1, 12, 3, 6 }, FALSE },
};

static void
test_equal (gconstpointer data)
{
  const EqualCase *row = data;

  g_assert_cmpint (seances_policy_terms_equal (&row->a, &row->b), ==, row->equal);
  g_assert_cmpint (seances_policy_terms_equal (&row->b, &row->a), ==, row->equal);
}

/* ---- The words ---------------------------------------------------------------------- */

typedef struct
{
  const char        *name;
  SeancesPolicyTerms terms;
  gint64             fee;
  const char        *expected;
} DescribeCase;

#define NOTICE_48 "Une séance annulée au moins 48 heures avant son début ne coûte rien. "
#define FULL_60 "le prix de la séance (60,00" NBSP "€)"
#define GRACE_1_12 "La première annulation tardive ou absence sur 12 mois est offerte. "
#define FORCE "En cas de force majeure, rien n’est dû."
#define FLAG_3_12 " À partir de 3 absences sur 12 mois, chaque séance est à confirmer à l’avance."

static const DescribeCase describe_cases[] = {
  { "default", DEFAULT_TERMS, 6000,
    NOTICE_48 "Une annulation plus tardive ou une absence sans prévenir coûte " FULL_60 ". "
    GRACE_1_12 FORCE FLAG_3_12 },
  { "percent", { 0, 48, PERCENT (50), FULL_FEE, 1, 12, 3, 12 }, 6000,
    NOTICE_48 "Une annulation plus tardive coûte 50" NBSP "% du prix de la séance (30,00" NBSP "€). "
    "Une absence sans prévenir coûte " FULL_60 ". " GRACE_1_12 FORCE FLAG_3_12 },
  { "percent-same-for-both", { 0, 48, PERCENT (50), PERCENT (50), 1, 12, 3, 12 }, 7000,
    NOTICE_48 "Une annulation plus tardive ou une absence sans prévenir coûte "
    "50" NBSP "% du prix de la séance (35,00" NBSP "€). " GRACE_1_12 FORCE FLAG_3_12 },
  { "fixed", { 0, 24, FIXED (2000), FIXED (4000), 1, 12, 3, 12 }, 6000,
    "Une séance annulée au moins 24 heures avant son début ne coûte rien. "
    "Une annulation plus tardive coûte 20,00" NBSP "€. "
    "Une absence sans prévenir coûte 40,00" NBSP "€. " GRACE_1_12 FORCE FLAG_3_12 },
  { "no-grace", { 0, 48, FULL_FEE, FULL_FEE, 0, 12, 3, 12 }, 6000,
    NOTICE_48 "Une annulation plus tardive ou une absence sans prévenir coûte " FULL_60 ". "
    FORCE FLAG_3_12 },
  { "two-free-in-6-months-no-threshold", { 0, 48, FULL_FEE, FULL_FEE, 2, 6, 0, 12 }, 6000,
    NOTICE_48 "Une annulation plus tardive ou une absence sans prévenir coûte " FULL_60 ". "
    "Les 2 premières annulations tardives ou absences sur 6 mois sont offertes. " FORCE },
  { "late-free", { 0, 48, FIXED (0), FULL_FEE, 1, 12, 3, 12 }, 6000,
    NOTICE_48 "Une annulation plus tardive ne coûte rien. "
    "Une absence sans prévenir coûte " FULL_60 ". " GRACE_1_12 FORCE FLAG_3_12 },
  { "nothing-costs", { 0, 48, PERCENT (0), FIXED (0), 1, 12, 3, 12 }, 6000,
    NOTICE_48 "Une annulation plus tardive ou une absence sans prévenir ne coûte rien." FLAG_3_12 },
  { "no-notice", { 0, 0, FULL_FEE, FULL_FEE, 1, 12, 3, 12 }, 6000,
    "Une séance annulée avant son début ne coûte rien. "
    "Une annulation plus tardive ou une absence sans prévenir coûte " FULL_60 ". "
    GRACE_1_12 FORCE FLAG_3_12 },
  { "one-hour-one-month-one-absence", { 0, 1, FULL_FEE, FULL_FEE, 1, 1, 1, 1 }, 6000,
    "Une séance annulée au moins 1 heure avant son début ne coûte rien. "
    "Une annulation plus tardive ou une absence sans prévenir coûte " FULL_60 ". "
    "La première annulation tardive ou absence sur 1 mois est offerte. " FORCE
    " À partir de 1 absence sur 1 mois, chaque séance est à confirmer à l’avance." },
  { "no-usual-fee", { 0, 48, PERCENT (50), FULL_FEE, 1, 12, 3, 12 }, 0,
    NOTICE_48 "Une annulation plus tardive coûte 50" NBSP "% du prix de la séance. "
    "Une absence sans prévenir coûte le prix de la séance. " GRACE_1_12 FORCE FLAG_3_12 },
};

static void
test_describe (gconstpointer data)
{
  const DescribeCase *row = data;
  g_autofree char *text = seances_policy_describe (&row->terms, row->fee);

  g_assert_cmpstr (text, ==, row->expected);
  assert_french_typography (text);
}

static void
test_commitment (void)
{
  const char *text = seances_policy_default_commitment ();

  g_assert_cmpstr (text, ==,
                   "Ce temps est réservé pour vous, et pour personne d’autre.\n"
                   "\n"
                   "De mon côté, je m’engage à être là à l’heure convenue, à vous prévenir "
                   "au plus tôt si je dois déplacer une séance, et à ne jamais vous facturer "
                   "une séance que j’annule.\n"
                   "\n"
                   "De votre côté, vous vous engagez à me prévenir au plus tôt si vous ne "
                   "pouvez pas venir. Une séance annulée à temps ne coûte rien" NBSP "; une "
                   "annulation tardive ou une absence est due comme nous en avons convenu, car "
                   "ce temps vous était réservé.\n"
                   "\n"
                   "La vie a ses imprévus" NBSP ": en cas de force majeure, nous en parlons "
                   "simplement, et rien n’est dû.");
  assert_french_typography (text);
}

/* ---- Spellings ---------------------------------------------------------------------- */

typedef struct
{
  SeancesPolicyWaiver waiver;
  const char         *text;
} WaiverCase;

/* The spellings are the database's and the export's: they must never change. */
static const WaiverCase waiver_cases[] = {
  { SEANCES_POLICY_WAIVER_NONE, NULL },
  { SEANCES_POLICY_WAIVER_GRACE, "grace" },
  { SEANCES_POLICY_WAIVER_FORCE_MAJEURE, "force_majeure" },
  { SEANCES_POLICY_WAIVER_NO_POLICY, "no_policy" },
  { SEANCES_POLICY_WAIVER_MANUAL, "manual" },
};

static void
test_waiver_spelling (gconstpointer data)
{
  const WaiverCase *row = data;
  SeancesPolicyWaiver parsed = SEANCES_POLICY_WAIVER_MANUAL;

  g_assert_cmpstr (seances_policy_waiver_to_string (row->waiver), ==, row->text);
  if (row->waiver == SEANCES_POLICY_WAIVER_MANUAL)
    parsed = SEANCES_POLICY_WAIVER_NONE;
  g_assert_true (seances_policy_waiver_from_string (row->text, &parsed));
  g_assert_cmpint (parsed, ==, row->waiver);
}

static void
test_waiver_unknown (void)
{
  const char *unknown[] = { "", "Grace", "force-majeure", "none", " manual" };

  for (guint i = 0; i < G_N_ELEMENTS (unknown); i++)
    {
      SeancesPolicyWaiver waiver = SEANCES_POLICY_WAIVER_GRACE;

      g_assert_false (seances_policy_waiver_from_string (unknown[i], &waiver));
      g_assert_cmpint (waiver, ==, SEANCES_POLICY_WAIVER_GRACE);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  seances_test_init_french ();
  paris = g_time_zone_new_identifier ("Europe/Paris");
  g_assert_nonnull (paris);

#define ADD_ROWS(prefix, rows, func)                                                 \
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)                                    \
    {                                                                                \
      g_autofree char *path = g_strdup_printf ("/policy/" prefix "/%s", rows[i].name); \
      g_test_add_data_func (path, &rows[i], func);                                   \
    }

  ADD_ROWS ("amount", amount_cases, test_amount);
  ADD_ROWS ("deadline", deadline_cases, test_deadline);
  ADD_ROWS ("decide", decide_cases, test_decide);
  ADD_ROWS ("confirmation", confirmation_cases, test_confirmation);
  ADD_ROWS ("validate", validate_cases, test_validate);
  ADD_ROWS ("terms/equal", equal_cases, test_equal);
  ADD_ROWS ("describe", describe_cases, test_describe);
#undef ADD_ROWS

  for (guint i = 0; i < G_N_ELEMENTS (waiver_cases); i++)
    {
      const char *text = waiver_cases[i].text;
      g_autofree char *path = g_strdup_printf ("/policy/waiver/spelling/%s", text != NULL ? text : "none");

      g_test_add_data_func (path, &waiver_cases[i], test_waiver_spelling);
    }
  g_test_add_func ("/policy/waiver/unknown", test_waiver_unknown);
  g_test_add_func ("/policy/explain/manual", test_explain_manual);
  g_test_add_func ("/policy/terms/default", test_default_terms);
  g_test_add_func ("/policy/commitment/default", test_commitment);

  status = g_test_run ();
  g_time_zone_unref (paris);
  return status;
}
