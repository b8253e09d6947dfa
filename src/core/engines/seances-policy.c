/* seances-policy.c — the cancellation policy: what a late cancellation or an absence costs
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules are written in seances-policy.h. "Wall" seconds are a local date and time
 * counted as if they were UTC, as in seances-time.c. */
#include "config.h"

#include "seances-policy.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "seances-format.h"
#include "seances-time.h"

#define SECONDS_PER_HOUR 3600
/* UTC offsets lie within ±14 hours: probing a little further brackets any change. */
#define OFFSET_REACH (15 * SECONDS_PER_HOUR)

void
seances_policy_terms_init_default (SeancesPolicyTerms *terms)
{
  g_return_if_fail (terms != NULL);

  *terms = (SeancesPolicyTerms) {
    .version_id = 0,
    .notice_hours = 48,
    .late = { SEANCES_POLICY_AMOUNT_FULL, 0 },
    .absence = { SEANCES_POLICY_AMOUNT_FULL, 0 },
    .grace_count = 1,
    .grace_months = 12,
    .flag_count = 3,
    .flag_months = 12,
  };
}

static gboolean
amount_is_valid (const SeancesPolicyAmount *amount)
{
  switch (amount->kind)
    {
    case SEANCES_POLICY_AMOUNT_FULL:
      return TRUE;
    case SEANCES_POLICY_AMOUNT_PERCENT:
      return amount->value >= 0 && amount->value <= 100;
    case SEANCES_POLICY_AMOUNT_FIXED:
      return amount->value >= 0 && amount->value <= SEANCES_POLICY_MAX_FIXED_CENTS;
    default:
      return FALSE;
    }
}

/* The message for an amount that amount_is_valid() refused; each cost has its own
 * sentences so that the field is named as the preferences name it. */
static void
set_amount_error (GError                   **error,
                  const SeancesPolicyAmount *amount,
                  gboolean                   late)
{
  g_autofree char *zero = NULL;
  g_autofree char *most = NULL;

  switch (amount->kind)
    {
    case SEANCES_POLICY_AMOUNT_PERCENT:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           late ? _("The cost of a late cancellation is a percentage from 0 to 100.")
                                : _("The cost of an absence is a percentage from 0 to 100."));
      return;
    case SEANCES_POLICY_AMOUNT_FIXED:
      zero = seances_format_money (0);
      most = seances_format_money (SEANCES_POLICY_MAX_FIXED_CENTS);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* Translators: the amounts are « 0,00 € » and « 10 000,00 € » */
                   late ? _("The cost of a late cancellation is an amount from %s to %s.")
                        : _("The cost of an absence is an amount from %s to %s."),
                   zero, most);
      return;
    case SEANCES_POLICY_AMOUNT_FULL:  /* always valid: only an unknown kind comes here */
    default:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           late ? _("The cost of a late cancellation is the full fee, "
                                    "a percentage of it or a fixed amount.")
                                : _("The cost of an absence is the full fee, "
                                    "a percentage of it or a fixed amount."));
      return;
    }
}

/* Checks every field, in the order the preferences show them; the French message names
 * the first one that is out of range (G_IO_ERROR_INVALID_ARGUMENT). The months of the
 * grace or of the threshold are checked only when that rule is on: switching it off
 * leaves whatever the field held. */
gboolean
seances_policy_terms_validate (const SeancesPolicyTerms  *terms,
                               GError                   **error)
{
  g_return_val_if_fail (terms != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (terms->notice_hours < 0 || terms->notice_hours > SEANCES_POLICY_MAX_NOTICE_HOURS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The notice period is from 0 to %d hours."), SEANCES_POLICY_MAX_NOTICE_HOURS);
      return FALSE;
    }
  if (!amount_is_valid (&terms->late))
    {
      set_amount_error (error, &terms->late, TRUE);
      return FALSE;
    }
  if (!amount_is_valid (&terms->absence))
    {
      set_amount_error (error, &terms->absence, FALSE);
      return FALSE;
    }
  if (terms->grace_count < 0 || terms->grace_count > SEANCES_POLICY_MAX_COUNT)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The number of free late cancellations or absences is from 0 to %d."),
                   SEANCES_POLICY_MAX_COUNT);
      return FALSE;
    }
  if (terms->grace_count > 0
      && (terms->grace_months < 1 || terms->grace_months > SEANCES_POLICY_MAX_MONTHS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The period over which late cancellations or absences are free "
                     "is from 1 to %d months."), SEANCES_POLICY_MAX_MONTHS);
      return FALSE;
    }
  if (terms->flag_count < 0 || terms->flag_count > SEANCES_POLICY_MAX_COUNT)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The number of absences before a confirmation is asked is from 0 to %d."),
                   SEANCES_POLICY_MAX_COUNT);
      return FALSE;
    }
  if (terms->flag_count > 0
      && (terms->flag_months < 1 || terms->flag_months > SEANCES_POLICY_MAX_MONTHS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The period over which absences are counted is from 1 to %d months."),
                   SEANCES_POLICY_MAX_MONTHS);
      return FALSE;
    }
  return TRUE;
}

static gboolean
amounts_equal (const SeancesPolicyAmount *a,
               const SeancesPolicyAmount *b)
{
  return a->kind == b->kind && (a->kind == SEANCES_POLICY_AMOUNT_FULL || a->value == b->value);
}

/* Whether @a and @b are the same policy for a client: the same notice, costs and rules.
 * What no rule reads is left out (the value of a full fee, the months of a grace or of
 * a threshold that is off), so that an unchanged policy is never saved as a new version,
 * and the version an id points at is not compared. */
gboolean
seances_policy_terms_equal (const SeancesPolicyTerms *a,
                            const SeancesPolicyTerms *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return a->notice_hours == b->notice_hours &&
         amounts_equal (&a->late, &b->late) && amounts_equal (&a->absence, &b->absence) &&
         a->grace_count == b->grace_count &&
         (a->grace_count == 0 || a->grace_months == b->grace_months) &&
         a->flag_count == b->flag_count &&
         (a->flag_count == 0 || a->flag_months == b->flag_months);
}

/* What @amount takes out of a session of @fee_cents: the fee, a percentage of it rounded
 * half away from zero to the cent, or a fixed amount, never more than the fee. */
gint64
seances_policy_amount (const SeancesPolicyAmount *amount,
                       gint64                     fee_cents)
{
  g_return_val_if_fail (amount != NULL, 0);
  g_return_val_if_fail (amount_is_valid (amount), 0);
  g_return_val_if_fail (fee_cents >= 0, 0);

  switch (amount->kind)
    {
    case SEANCES_POLICY_AMOUNT_FULL:
      return fee_cents;
    case SEANCES_POLICY_AMOUNT_PERCENT:
      /* The fee is never negative: adding half the divisor rounds half away from zero. */
      return (fee_cents * amount->value + 50) / 100;
    case SEANCES_POLICY_AMOUNT_FIXED:
      return MIN ((gint64) amount->value, fee_cents);
    default:
      g_return_val_if_reached (0);
    }
}

static gint32
offset_at (GTimeZone *tz,
           gint64     utc)
{
  return g_time_zone_get_offset (tz, g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, utc));
}

static gint64
wall_of (GTimeZone *tz,
         gint64     utc)
{
  return utc + offset_at (tz, utc);
}

/* The instant at which the practice's clocks show @wall, for a deadline: of a time shown
 * twice, the later; of a time never shown, the moment the clocks jump past it. (The
 * bookings' rule in seances-time.c differs on purpose: there the practitioner chose the
 * hour; here the client must not lose one.) */
static gint64
resolve_deadline (GTimeZone *tz,
                  gint64     wall)
{
  const gint64 probes[] = { wall - OFFSET_REACH, wall, wall + OFFSET_REACH };
  gboolean found = FALSE;
  gint64 latest = 0;
  gint64 lo = G_MAXINT64;
  gint64 hi = G_MININT64;

  for (guint i = 0; i < G_N_ELEMENTS (probes); i++)
    {
      gint64 candidate = wall - offset_at (tz, probes[i]);

      lo = MIN (lo, candidate);
      hi = MAX (hi, candidate);
      if (wall_of (tz, candidate) != wall)
        continue;
      if (!found || candidate > latest)
        latest = candidate;
      found = TRUE;
    }
  if (found)
    return latest;

  /* In a forward gap the clocks show less than @wall at lo (read on the later, larger
   * offset) and more at hi: the jump lies between, the only change this close. */
  while (hi - lo > 1)
    {
      gint64 mid = lo + (hi - lo) / 2;

      if (wall_of (tz, mid) > wall)
        hi = mid;
      else
        lo = mid;
    }
  return hi;
}

/* The last instant at which a client may cancel a session starting at @start without it
 * being late: @notice_hours before it on the practice's wall clock (see the header),
 * never after the start itself. */
gint64
seances_policy_deadline (GTimeZone *tz,
                         gint64     start,
                         int        notice_hours)
{
  gint64 deadline;

  g_return_val_if_fail (tz != NULL, start);
  g_return_val_if_fail (notice_hours >= 0 && notice_hours <= SEANCES_POLICY_MAX_NOTICE_HOURS, start);

  deadline = resolve_deadline (tz, wall_of (tz, start) - (gint64) notice_hours * SECONDS_PER_HOUR);
  /* With no notice, a start shown twice would otherwise resolve to its second showing. */
  return MIN (deadline, start);
}

static gboolean
amount_is_free (const SeancesPolicyAmount *amount)
{
  switch (amount->kind)
    {
    case SEANCES_POLICY_AMOUNT_PERCENT:
    case SEANCES_POLICY_AMOUNT_FIXED:
      return amount->value == 0;
    case SEANCES_POLICY_AMOUNT_FULL:
    default:
      return FALSE;
    }
}

/* « le prix de la séance (60,00 €) », « 50 % du prix de la séance (30,00 €) », « 20,00 € »;
 * without the amount when the practice has no usual fee. */
static char *
describe_amount (const SeancesPolicyAmount *amount,
                 gint64                     fee_cents)
{
  g_autofree char *money = NULL;

  switch (amount->kind)
    {
    case SEANCES_POLICY_AMOUNT_FULL:
      if (fee_cents <= 0)
        return g_strdup (_("the full fee"));
      money = seances_format_money (fee_cents);
      /* Translators: %s is the fee, « le prix de la séance (60,00 €) » */
      return g_strdup_printf (_("the full fee (%s)"), money);
    case SEANCES_POLICY_AMOUNT_PERCENT:
      if (fee_cents <= 0)
        /* Translators: « 50 % du prix de la séance » */
        return g_strdup_printf (_("%d%% of the fee"), amount->value);
      money = seances_format_money (seances_policy_amount (amount, fee_cents));
      /* Translators: « 50 % du prix de la séance (30,00 €) » */
      return g_strdup_printf (_("%d%% of the fee (%s)"), amount->value, money);
    case SEANCES_POLICY_AMOUNT_FIXED:
    default:
      return seances_format_money (amount->value);
    }
}

static char *
describe_months (int months)
{
  /* Translators: a rolling window, as in « sur 12 mois » */
  return g_strdup_printf (ngettext ("%d month", "%d months", months), months);
}

/* The policy in plain words, for the client who reads it and the practitioner who sets
 * it: the preferences show it again at each change. @fee_cents, the practice's usual fee,
 * turns percentages into amounts; 0 leaves them out. */
char *
seances_policy_describe (const SeancesPolicyTerms *terms,
                         gint64                    fee_cents)
{
  GString *text = g_string_new (NULL);
  gboolean late_free;
  gboolean absence_free;

  g_return_val_if_fail (terms != NULL, NULL);

  if (terms->notice_hours == 0)
    g_string_append (text, _("A session cancelled before it starts costs nothing."));
  else
    g_string_append_printf (text,
                            ngettext ("A session cancelled at least %d hour before it starts costs nothing.",
                                      "A session cancelled at least %d hours before it starts costs nothing.",
                                      terms->notice_hours),
                            terms->notice_hours);

  late_free = amount_is_free (&terms->late);
  absence_free = amount_is_free (&terms->absence);
  g_string_append_c (text, ' ');
  if (late_free && absence_free)
    g_string_append (text, _("A later cancellation or an absence without notice costs nothing."));
  else if (amounts_equal (&terms->late, &terms->absence))
    {
      g_autofree char *cost = describe_amount (&terms->late, fee_cents);

      g_string_append_printf (text, _("A later cancellation or an absence without notice costs %s."),
                              cost);
    }
  else
    {
      g_autofree char *late = late_free ? NULL : describe_amount (&terms->late, fee_cents);
      g_autofree char *absence = absence_free ? NULL : describe_amount (&terms->absence, fee_cents);

      if (late_free)
        g_string_append (text, _("A later cancellation costs nothing."));
      else
        g_string_append_printf (text, _("A later cancellation costs %s."), late);
      g_string_append_c (text, ' ');
      if (absence_free)
        g_string_append (text, _("An absence without notice costs nothing."));
      else
        g_string_append_printf (text, _("An absence without notice costs %s."), absence);
    }

  /* Grace and force majeure waive a cost: where nothing costs, they would only add words. */
  if (!(late_free && absence_free))
    {
      if (terms->grace_count > 0)
        {
          g_autofree char *months = describe_months (terms->grace_months);

          g_string_append_c (text, ' ');
          if (terms->grace_count == 1)
            g_string_append_printf (text, _("The first late cancellation or absence in %s is free of charge."),
                                    months);
          else
            g_string_append_printf (text, _("The first %d late cancellations or absences in %s are free of charge."),
                                    terms->grace_count, months);
        }
      g_string_append_c (text, ' ');
      g_string_append (text, _("In case of force majeure, nothing is due."));
    }

  if (terms->flag_count > 0)
    {
      g_autofree char *months = describe_months (terms->flag_months);

      g_string_append_c (text, ' ');
      g_string_append_printf (text,
                              ngettext ("Once there is %d absence in %s, each session is to be confirmed beforehand.",
                                        "Once there are %d absences in %s, each session is to be confirmed beforehand.",
                                        terms->flag_count),
                              terms->flag_count, months);
    }

  return g_string_free (text, FALSE);
}

/* The « engagement mutuel » the practitioner and the client sign, until the practitioner
 * writes their own: what each one promises, without a word of blame. */
const char *
seances_policy_default_commitment (void)
{
  return _("This time is set aside for you, and for no one else.\n"
           "\n"
           "For my part, I commit to being there at the agreed time, to letting you know as "
           "early as possible if I need to move a session, and to never charging you for a "
           "session I cancel.\n"
           "\n"
           "For your part, you commit to letting me know as early as possible if you cannot "
           "come. A session cancelled in time costs nothing; a late cancellation or an absence "
           "is due as we agreed, because that time was kept for you.\n"
           "\n"
           "Life has its surprises: in case of force majeure, we talk it over simply, and "
           "nothing is due.");
}

/* The spellings are the database's and the export's: they must never change. */
const char *
seances_policy_waiver_to_string (SeancesPolicyWaiver waiver)
{
  switch (waiver)
    {
    case SEANCES_POLICY_WAIVER_NONE:
      return NULL;
    case SEANCES_POLICY_WAIVER_GRACE:
      return "grace";
    case SEANCES_POLICY_WAIVER_FORCE_MAJEURE:
      return "force_majeure";
    case SEANCES_POLICY_WAIVER_NO_POLICY:
      return "no_policy";
    case SEANCES_POLICY_WAIVER_MANUAL:
      return "manual";
    default:
      g_return_val_if_reached (NULL);
    }
}

/* NULL (an empty column) is no waiver. Any other text that is not a spelling returns FALSE
 * and leaves *waiver as it was. */
gboolean
seances_policy_waiver_from_string (const char          *text,
                                   SeancesPolicyWaiver *waiver)
{
  static const SeancesPolicyWaiver spelled[] = {
    SEANCES_POLICY_WAIVER_GRACE,
    SEANCES_POLICY_WAIVER_FORCE_MAJEURE,
    SEANCES_POLICY_WAIVER_NO_POLICY,
    SEANCES_POLICY_WAIVER_MANUAL,
  };

  g_return_val_if_fail (waiver != NULL, FALSE);

  if (text == NULL)
    {
      *waiver = SEANCES_POLICY_WAIVER_NONE;
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (spelled); i++)
    if (g_str_equal (text, seances_policy_waiver_to_string (spelled[i])))
      {
        *waiver = spelled[i];
        return TRUE;
      }
  return FALSE;
}

/* The first instant of a rolling window of @months ending at @instant: the start of the
 * local day that many calendar months before, so that the whole of that date counts. */
static gint64
window_open (GTimeZone *tz,
             gint64     instant,
             int        months)
{
  g_autoptr(GDateTime) local = seances_time_to_local (tz, instant);
  g_autoptr(GDateTime) back = g_date_time_add_months (local, -months);

  return seances_time_day_start (tz, g_date_time_to_unix (back));
}

static gboolean
counts_for_grace (const SeancesPolicyPast *past)
{
  switch (past->kind)
    {
    case SEANCES_POLICY_PAST_CANCELLED_LATE:
    case SEANCES_POLICY_PAST_ABSENCE:
      return !past->force_majeure;
    case SEANCES_POLICY_PAST_HONOURED:
    case SEANCES_POLICY_PAST_CANCELLED_IN_TIME:
    case SEANCES_POLICY_PAST_CANCELLED_BY_PRACTICE:
    case SEANCES_POLICY_PAST_UNREVIEWED:
    default:
      return FALSE;
    }
}

static gboolean
counts_for_flag (const SeancesPolicyPast *past)
{
  return past->kind == SEANCES_POLICY_PAST_ABSENCE && !past->force_majeure;
}

static guint
count_grace_used (const SeancesPolicyCase *c)
{
  const SeancesPolicyTerms *terms = c->terms;
  gint64 open;
  guint used = 0;

  if (terms->grace_count == 0)
    return 0;

  open = window_open (c->tz, c->start, terms->grace_months);
  for (guint i = 0; i < c->n_history; i++)
    {
      const SeancesPolicyPast *past = &c->history[i];

      if (counts_for_grace (past) && past->start >= open && past->start < c->start)
        used++;
    }
  return used;
}

static guint
count_absences (const SeancesPolicyPast *history,
                guint                    n_history,
                gint64                   open,
                gint64                   now)
{
  guint absences = 0;

  for (guint i = 0; i < n_history; i++)
    if (counts_for_flag (&history[i]) && history[i].start >= open && history[i].start <= now)
      absences++;
  return absences;
}

/* Whether the client's absences in the window ending @now reach the threshold of @terms:
 * « confirmation requise » for each of their sessions. */
gboolean
seances_policy_needs_confirmation (const SeancesPolicyTerms *terms,
                                   const SeancesPolicyPast  *history,
                                   guint                     n_history,
                                   GTimeZone                *tz,
                                   gint64                    now)
{
  g_return_val_if_fail (terms != NULL, FALSE);
  g_return_val_if_fail (history != NULL || n_history == 0, FALSE);
  g_return_val_if_fail (tz != NULL, FALSE);

  if (terms->flag_count == 0)
    return FALSE;

  return count_absences (history, n_history, window_open (tz, now, terms->flag_months), now)
         >= (guint) terms->flag_count;
}

static SeancesPolicyKind
kind_of (const SeancesPolicyCase *c,
         gint64                   deadline)
{
  switch (c->outcome)
    {
    case SEANCES_POLICY_OUTCOME_HONOURED:
      return SEANCES_POLICY_KIND_HONOURED;
    case SEANCES_POLICY_OUTCOME_CLIENT_CANCELLED:
      return c->notified_at > deadline ? SEANCES_POLICY_KIND_CANCELLED_LATE
                                       : SEANCES_POLICY_KIND_CANCELLED_IN_TIME;
    case SEANCES_POLICY_OUTCOME_PRACTICE_CANCELLED:
      return SEANCES_POLICY_KIND_CANCELLED_BY_PRACTICE;
    case SEANCES_POLICY_OUTCOME_ABSENCE:
      return SEANCES_POLICY_KIND_ABSENCE;
    default:
      g_return_val_if_reached (SEANCES_POLICY_KIND_HONOURED);
    }
}

/* Decides what one session costs under the terms it was booked with (see the header for
 * every rule). */
void
seances_policy_decide (const SeancesPolicyCase *c,
                       SeancesPolicyDecision   *decision)
{
  const SeancesPolicyTerms *terms;
  gint64 flag_open;
  guint absences;

  g_return_if_fail (c != NULL);
  g_return_if_fail (decision != NULL);
  g_return_if_fail (c->terms != NULL && seances_policy_terms_validate (c->terms, NULL));
  g_return_if_fail (c->tz != NULL);
  g_return_if_fail (c->history != NULL || c->n_history == 0);
  g_return_if_fail (c->fee_cents >= 0);

  terms = c->terms;
  *decision = (SeancesPolicyDecision) {
    .deadline = seances_policy_deadline (c->tz, c->start, terms->notice_hours),
    .grace_used = count_grace_used (c),
    .grace_months = terms->grace_count > 0 ? terms->grace_months : 0,
    .version_id = terms->version_id,
    .waiver = SEANCES_POLICY_WAIVER_NONE,
  };
  decision->kind = kind_of (c, decision->deadline);

  switch (decision->kind)
    {
    case SEANCES_POLICY_KIND_HONOURED:
      decision->policy_cents = c->fee_cents;
      break;
    case SEANCES_POLICY_KIND_CANCELLED_IN_TIME:
    case SEANCES_POLICY_KIND_CANCELLED_BY_PRACTICE:
      decision->policy_cents = 0;
      break;
    case SEANCES_POLICY_KIND_CANCELLED_LATE:
      decision->policy_cents = seances_policy_amount (&terms->late, c->fee_cents);
      break;
    case SEANCES_POLICY_KIND_ABSENCE:
      decision->policy_cents = seances_policy_amount (&terms->absence, c->fee_cents);
      break;
    default:
      g_return_if_reached ();
    }

  /* Only a cost the terms charge for the client's lateness or absence can be waived. */
  if (decision->policy_cents > 0
      && (decision->kind == SEANCES_POLICY_KIND_CANCELLED_LATE
          || decision->kind == SEANCES_POLICY_KIND_ABSENCE))
    {
      if (c->force_majeure)
        decision->waiver = SEANCES_POLICY_WAIVER_FORCE_MAJEURE;
      else if (decision->grace_used < (guint) terms->grace_count)
        decision->waiver = SEANCES_POLICY_WAIVER_GRACE;
      else if (!c->accepted)
        decision->waiver = SEANCES_POLICY_WAIVER_NO_POLICY;
    }
  decision->due_cents = decision->waiver == SEANCES_POLICY_WAIVER_NONE ? decision->policy_cents : 0;

  if (terms->flag_count > 0)
    {
      flag_open = window_open (c->tz, c->now, terms->flag_months);
      absences = count_absences (c->history, c->n_history, flag_open, c->now);
      if (decision->kind == SEANCES_POLICY_KIND_ABSENCE && !c->force_majeure
          && c->start >= flag_open && c->start <= c->now)
        absences++;
      decision->flag = absences >= (guint) terms->flag_count;
    }
}

/* One sentence for the practitioner and the client: what is due and why, or why it is
 * offered. « 60,00 € à régler : absence sans prévenir. », « Offert : première absence
 * sur 12 mois. » */
char *
seances_policy_explain (const SeancesPolicyDecision *decision,
                        GTimeZone                   *tz)
{
  g_autofree char *money = NULL;
  g_autofree char *deadline = NULL;

  g_return_val_if_fail (decision != NULL, NULL);
  g_return_val_if_fail (tz != NULL, NULL);

  switch (decision->waiver)
    {
    case SEANCES_POLICY_WAIVER_GRACE:
      {
        g_autofree char *months = describe_months (decision->grace_months);

        if (decision->grace_used > 0)
          /* Translators: « Offert : 2ᵉ annulation tardive ou absence sur 12 mois. » */
          return g_strdup_printf (_("Waived: late cancellation or absence number %u in %s."),
                                  decision->grace_used + 1, months);
        if (decision->kind == SEANCES_POLICY_KIND_ABSENCE)
          return g_strdup_printf (_("Waived: first absence in %s."), months);
        return g_strdup_printf (_("Waived: first late cancellation in %s."), months);
      }
    case SEANCES_POLICY_WAIVER_FORCE_MAJEURE:
      return g_strdup (_("Waived: force majeure."));
    case SEANCES_POLICY_WAIVER_NO_POLICY:
      return g_strdup (_("Waived: no cancellation policy had been accepted."));
    case SEANCES_POLICY_WAIVER_MANUAL:
      return g_strdup (_("Waived by the practice."));
    case SEANCES_POLICY_WAIVER_NONE:
    default:
      break;
    }

  money = seances_format_money (decision->due_cents);
  switch (decision->kind)
    {
    case SEANCES_POLICY_KIND_HONOURED:
      if (decision->due_cents == 0)
        return g_strdup (_("Nothing due: session held."));
      /* Translators: %s is an amount, « 60,00 € » */
      return g_strdup_printf (_("%s due: session held."), money);
    case SEANCES_POLICY_KIND_CANCELLED_IN_TIME:
      deadline = seances_time_format_long (tz, decision->deadline);
      /* Translators: %s is the deadline, « samedi 21 novembre à 10 h 00 » */
      return g_strdup_printf (_("Nothing due: cancellation received by %s."), deadline);
    case SEANCES_POLICY_KIND_CANCELLED_LATE:
      deadline = seances_time_format_long (tz, decision->deadline);
      if (decision->due_cents == 0)
        /* Translators: %s is the deadline, « samedi 21 novembre à 10 h 00 » */
        return g_strdup_printf (_("Nothing due: cancellation received after %s."), deadline);
      /* Translators: an amount, then the deadline, « samedi 21 novembre à 10 h 00 » */
      return g_strdup_printf (_("%s due: cancellation received after %s."), money, deadline);
    case SEANCES_POLICY_KIND_ABSENCE:
      if (decision->due_cents == 0)
        return g_strdup (_("Nothing due: absence without notice."));
      /* Translators: %s is an amount, « 60,00 € » */
      return g_strdup_printf (_("%s due: absence without notice."), money);
    case SEANCES_POLICY_KIND_CANCELLED_BY_PRACTICE:
      return g_strdup (_("Nothing due: session cancelled by the practice."));
    default:
      g_return_val_if_reached (NULL);
    }
}
