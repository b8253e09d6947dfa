/* seances-model-private.h — what the stores share with the model's other writers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * seances-decisions changes a session and its charge in one transaction: it writes
 * through these functions, inside a transaction it holds, and tells the stores once it
 * is committed. Only model/ is compiled with this folder: views never see it. */
#pragma once

#include "seances-charge-store.h"

G_BEGIN_DECLS

gboolean seances_charge_store_read              (SeancesChargeStore            *self,
                                                 gint64                         appointment_id,
                                                 SeancesCharge                **charge,
                                                 GError                       **error);
gboolean seances_charge_store_restore           (SeancesChargeStore            *self,
                                                 gint64                         appointment_id,
                                                 SeancesCharge                 *charge,
                                                 GError                       **error);
void     seances_charge_store_apply             (SeancesChargeStore            *self,
                                                 SeancesCharge                 *before,
                                                 SeancesCharge                 *after);

G_END_DECLS
