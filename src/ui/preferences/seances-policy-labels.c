/* seances-policy-labels.c — the words the views show for the policy's versions and acceptances
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "seances-policy-labels.h"

#include <glib/gi18n.h>

#include "seances-time.h"

/* « 24 novembre 2026 », in the practice's time zone: an acceptance or a version is kept
 * for years, so the year is always said. */
char *
seances_policy_format_date (GTimeZone *tz,
                            gint64     utc)
{
  g_autoptr(GDateTime) local = seances_time_to_local (tz, utc);

  g_return_val_if_fail (local != NULL, NULL);
  /* Translators: a date, as in « 24 novembre 2026 » (see g_date_time_format) */
  return g_date_time_format (local, _("%-d %B %Y"));
}

/* Versions are numbered 1, 2, 3… in the order they were saved, whatever their ids. */
guint
seances_policy_version_number (SeancesPolicyStore *store,
                               gint64              version_id)
{
  g_return_val_if_fail (SEANCES_IS_POLICY_STORE (store), 0);

  for (guint i = 0; i < seances_policy_store_get_n_versions (store); i++)
    if (seances_policy_store_get_version (store, i)->id == version_id)
      return i + 1;
  return 0;
}

/* The three ways of accepting, as the buttons that record them say. */
const char *
seances_acceptance_means_label (SeancesAcceptanceMeans means)
{
  switch (means)
    {
    case SEANCES_ACCEPTANCE_PAPER:
      return _("Signed on Paper");
    case SEANCES_ACCEPTANCE_EMAIL:
      return _("By E-mail");
    case SEANCES_ACCEPTANCE_SESSION:
      return _("In Session");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* « Acceptée en séance le 24 novembre 2026 » */
char *
seances_acceptance_describe (const SeancesPolicyAcceptance *acceptance,
                             GTimeZone                     *tz)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (acceptance != NULL, NULL);

  date = seances_policy_format_date (tz, acceptance->accepted_at);
  switch (acceptance->means)
    {
    case SEANCES_ACCEPTANCE_PAPER:
      /* Translators: %s is a date, « 24 novembre 2026 » */
      return g_strdup_printf (_("Signed on paper on %s"), date);
    case SEANCES_ACCEPTANCE_EMAIL:
      /* Translators: %s is a date, « 24 novembre 2026 » */
      return g_strdup_printf (_("Accepted by e-mail on %s"), date);
    case SEANCES_ACCEPTANCE_SESSION:
      /* Translators: %s is a date, « 24 novembre 2026 » */
      return g_strdup_printf (_("Accepted in session on %s"), date);
    default:
      g_return_val_if_reached (NULL);
    }
}
