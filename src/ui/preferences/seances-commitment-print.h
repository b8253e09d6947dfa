/* seances-commitment-print.h — the « engagement mutuel » on one sheet, to be signed
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "seances-context.h"

G_BEGIN_DECLS

#define SEANCES_TYPE_COMMITMENT_PRINT (seances_commitment_print_get_type ())
G_DECLARE_FINAL_TYPE (SeancesCommitmentPrint, seances_commitment_print, SEANCES, COMMITMENT_PRINT, GtkPrintOperation)

SeancesCommitmentPrint *seances_commitment_print_new        (SeancesContext          *context,
                                                             SeancesClient           *client);
gboolean                seances_commitment_print_run_dialog (SeancesCommitmentPrint  *self,
                                                             GtkWindow               *parent,
                                                             GError                 **error);

G_END_DECLS
