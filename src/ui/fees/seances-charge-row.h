/* seances-charge-row.h — one charge: whose, which session, how much, and what to do with it
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "seances-context.h"

G_BEGIN_DECLS

#define SEANCES_TYPE_CHARGE_ROW (seances_charge_row_get_type ())
G_DECLARE_FINAL_TYPE (SeancesChargeRow, seances_charge_row, SEANCES, CHARGE_ROW, GtkWidget)

GtkWidget     *seances_charge_row_new        (SeancesContext   *context,
                                              gboolean          show_client);
SeancesCharge *seances_charge_row_get_charge (SeancesChargeRow *self);
void           seances_charge_row_set_charge (SeancesChargeRow *self,
                                              SeancesCharge    *charge);
void           seances_charge_row_refresh    (SeancesChargeRow *self);

G_END_DECLS
