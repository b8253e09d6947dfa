/* seances-review-labels.c — the words for a decision: its waiver, what it comes to
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "seances-review-labels.h"

#include <glib/gi18n.h>

#include "seances-format.h"

/* What the session became, as a title: « Absence », « Annulation tardive ». */
const char *
seances_decision_heading (SeancesPolicyKind kind)
{
  switch (kind)
    {
    case SEANCES_POLICY_KIND_HONOURED:
      return _("Session Held");
    case SEANCES_POLICY_KIND_CANCELLED_IN_TIME:
      return _("Cancellation in Time");
    case SEANCES_POLICY_KIND_CANCELLED_LATE:
      return _("Late Cancellation");
    case SEANCES_POLICY_KIND_ABSENCE:
      return _("Absence");
    case SEANCES_POLICY_KIND_CANCELLED_BY_PRACTICE:
      return _("Cancelled by the Practice");
    default:
      g_return_val_if_reached ("");
    }
}

/* A short account of @decision for a toast: « absence, 60,00 € à régler »,
 * « annulation tardive, offerte (délai de grâce) ». */
char *
seances_decision_summary (const SeancesPolicyDecision *decision)
{
  g_autofree char *money = NULL;
  gboolean absence;

  g_return_val_if_fail (decision != NULL, NULL);

  switch (decision->kind)
    {
    case SEANCES_POLICY_KIND_HONOURED:
      return g_strdup (_("session held"));
    case SEANCES_POLICY_KIND_CANCELLED_IN_TIME:
      return g_strdup (_("cancelled in time"));
    case SEANCES_POLICY_KIND_CANCELLED_BY_PRACTICE:
      return g_strdup (_("cancelled by the practice"));
    case SEANCES_POLICY_KIND_CANCELLED_LATE:
    case SEANCES_POLICY_KIND_ABSENCE:
      break;
    default:
      g_return_val_if_reached (NULL);
    }

  absence = decision->kind == SEANCES_POLICY_KIND_ABSENCE;
  if (decision->waiver != SEANCES_POLICY_WAIVER_NONE)
    /* Translators: %s is the reason, « délai de grâce », « force majeure » */
    return g_strdup_printf (absence ? _("absence, waived (%s)") : _("late cancellation, waived (%s)"),
                            seances_waiver_label (decision->waiver));
  if (decision->due_cents == 0)
    return g_strdup (absence ? _("absence, nothing due") : _("late cancellation, nothing due"));
  money = seances_format_money (decision->due_cents);
  /* Translators: %s is an amount, « 60,00 € » */
  return g_strdup_printf (absence ? _("absence, %s due") : _("late cancellation, %s due"), money);
}
