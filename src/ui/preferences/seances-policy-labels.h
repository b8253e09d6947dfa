/* seances-policy-labels.h — the words the views show for the policy's versions and acceptances
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "seances-policy-store.h"

G_BEGIN_DECLS

char       *seances_policy_format_date        (GTimeZone                     *tz,
                                               gint64                         utc);
guint       seances_policy_version_number     (SeancesPolicyStore            *store,
                                               gint64                         version_id);
const char *seances_acceptance_means_label    (SeancesAcceptanceMeans         means);
char       *seances_acceptance_describe       (const SeancesPolicyAcceptance *acceptance,
                                               GTimeZone                     *tz);

G_END_DECLS
