/* seances-charge-actions.h — marking a charge paid or waiving it, with a toast to undo it
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "seances-context.h"

G_BEGIN_DECLS

void seances_charge_actions_mark_paid (GtkWidget      *source,
                                       SeancesContext *context,
                                       SeancesCharge  *charge);
void seances_charge_actions_waive     (GtkWidget      *source,
                                       SeancesContext *context,
                                       SeancesCharge  *charge);

G_END_DECLS
