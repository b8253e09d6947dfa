/* seances-payment-dialog.h — recording that a charge was paid: when, and how
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "seances-context.h"

G_BEGIN_DECLS

#define SEANCES_TYPE_PAYMENT_DIALOG (seances_payment_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SeancesPaymentDialog, seances_payment_dialog, SEANCES, PAYMENT_DIALOG, AdwWindow)

SeancesPaymentDialog *seances_payment_dialog_new (SeancesContext *context,
                                                  SeancesCharge  *charge);

G_END_DECLS
