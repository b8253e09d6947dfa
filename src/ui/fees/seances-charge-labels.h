/* seances-charge-labels.h — the words the fee views show for a charge
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "seances-charge-store.h"

G_BEGIN_DECLS

/* The means of payment in the order the payment dialog offers them. */
extern const SeancesPaymentMeans seances_payment_means_offered[4];

const char *seances_charge_kind_label         (SeancesChargeKind    kind);
const char *seances_payment_means_label       (SeancesPaymentMeans  means);
const char *seances_waiver_label              (SeancesPolicyWaiver  waiver);
char       *seances_charge_describe_session   (SeancesCharge       *charge,
                                               GTimeZone           *tz,
                                               gint64               now);
char       *seances_charge_describe_state     (SeancesCharge       *charge,
                                               GTimeZone           *tz,
                                               gint64               now);

G_END_DECLS
