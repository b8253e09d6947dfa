/* seances-charge-labels.c — the words the fee views show for a charge
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "seances-charge-labels.h"

#include <glib/gi18n.h>

#include "seances-time.h"

const SeancesPaymentMeans seances_payment_means_offered[4] = {
  SEANCES_PAYMENT_CASH, SEANCES_PAYMENT_CHEQUE, SEANCES_PAYMENT_TRANSFER, SEANCES_PAYMENT_CARD,
};

/* « Séance », « Annulation tardive », « Absence ». */
const char *
seances_charge_kind_label (SeancesChargeKind kind)
{
  switch (kind)
    {
    case SEANCES_CHARGE_KIND_SESSION:
      return C_("charge kind", "Session");
    case SEANCES_CHARGE_KIND_LATE_CANCELLATION:
      return C_("charge kind", "Late cancellation");
    case SEANCES_CHARGE_KIND_ABSENCE:
      return C_("charge kind", "Absence");
    default:
      g_return_val_if_reached ("");
    }
}

/* « Espèces », as the payment dialog lists them. */
const char *
seances_payment_means_label (SeancesPaymentMeans means)
{
  switch (means)
    {
    case SEANCES_PAYMENT_CASH:
      return C_("means of payment", "Cash");
    case SEANCES_PAYMENT_CHEQUE:
      return C_("means of payment", "Cheque");
    case SEANCES_PAYMENT_TRANSFER:
      return C_("means of payment", "Bank transfer");
    case SEANCES_PAYMENT_CARD:
      return C_("means of payment", "Card");
    case SEANCES_PAYMENT_NONE:
    default:
      g_return_val_if_reached ("");
    }
}

/* Why nothing is due, in the middle of a sentence: « délai de grâce ». A waiver by hand is
 * a kindness the practitioner chose, and says so. NULL for none. The review and the fees
 * say it with the same words. */
const char *
seances_waiver_label (SeancesPolicyWaiver waiver)
{
  switch (waiver)
    {
    case SEANCES_POLICY_WAIVER_GRACE:
      return C_("waived because", "grace period");
    case SEANCES_POLICY_WAIVER_FORCE_MAJEURE:
      return C_("waived because", "force majeure");
    case SEANCES_POLICY_WAIVER_NO_POLICY:
      return C_("waived because", "no accepted policy");
    case SEANCES_POLICY_WAIVER_MANUAL:
      return C_("waived because", "as a courtesy");
    case SEANCES_POLICY_WAIVER_NONE:
      return NULL;
    default:
      g_return_val_if_reached (NULL);
    }
}

/* « Séance du mardi 24 novembre », « Absence du lundi 24 novembre 2025 ». */
char *
seances_charge_describe_session (SeancesCharge *charge,
                                 GTimeZone     *tz,
                                 gint64         now)
{
  g_autofree char *day = NULL;

  g_return_val_if_fail (SEANCES_IS_CHARGE (charge), NULL);

  day = seances_time_format_day_near (tz, seances_charge_get_session_start (charge), now);
  switch (seances_charge_get_kind (charge))
    {
    case SEANCES_CHARGE_KIND_SESSION:
      /* Translators: %s is a day, « mardi 24 novembre » */
      return g_strdup_printf (_("Session of %s"), day);
    case SEANCES_CHARGE_KIND_LATE_CANCELLATION:
      /* Translators: %s is a day, « mardi 24 novembre » */
      return g_strdup_printf (_("Late cancellation of %s"), day);
    case SEANCES_CHARGE_KIND_ABSENCE:
      /* Translators: %s is a day, « mardi 24 novembre » */
      return g_strdup_printf (_("Absence of %s"), day);
    default:
      g_return_val_if_reached (NULL);
    }
}

static char *
describe_payment (SeancesCharge *charge,
                  GTimeZone     *tz,
                  gint64         now)
{
  g_autofree char *day = seances_time_format_day_near (tz, seances_charge_get_paid_at (charge), now);

  switch (seances_charge_get_paid_means (charge))
    {
    case SEANCES_PAYMENT_CASH:
      /* Translators: %s is a day, « mardi 24 novembre » */
      return g_strdup_printf (_("Paid on %s in cash"), day);
    case SEANCES_PAYMENT_CHEQUE:
      /* Translators: %s is a day, « mardi 24 novembre » */
      return g_strdup_printf (_("Paid on %s by cheque"), day);
    case SEANCES_PAYMENT_TRANSFER:
      /* Translators: %s is a day, « mardi 24 novembre » */
      return g_strdup_printf (_("Paid on %s by bank transfer"), day);
    case SEANCES_PAYMENT_CARD:
      /* Translators: %s is a day, « mardi 24 novembre » */
      return g_strdup_printf (_("Paid on %s by card"), day);
    case SEANCES_PAYMENT_NONE:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Where the charge stands: « À régler », « Réglé le mardi 24 novembre
 * par chèque », « Non dû : délai de grâce », « Rien n’est dû ». */
char *
seances_charge_describe_state (SeancesCharge *charge,
                               GTimeZone     *tz,
                               gint64         now)
{
  g_return_val_if_fail (SEANCES_IS_CHARGE (charge), NULL);

  if (seances_charge_get_paid_at (charge) != 0)
    return describe_payment (charge, tz, now);
  if (seances_charge_get_waiver (charge) != SEANCES_POLICY_WAIVER_NONE)
    /* Translators: %s says why, « délai de grâce » */
    return g_strdup_printf (_("Not due: %s"), seances_waiver_label (seances_charge_get_waiver (charge)));
  if (seances_charge_is_unpaid (charge))
    return g_strdup (_("To be paid"));
  return g_strdup (_("Nothing is due"));
}
