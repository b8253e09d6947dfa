/* seances-rebook-row.h — one person to book again: who, since when, and « Réserver »
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "seances-context.h"
#include "seances-rebook.h"

G_BEGIN_DECLS

#define SEANCES_TYPE_REBOOK_ROW (seances_rebook_row_get_type ())
G_DECLARE_FINAL_TYPE (SeancesRebookRow, seances_rebook_row, SEANCES, REBOOK_ROW, GtkWidget)

GtkWidget     *seances_rebook_row_new        (SeancesContext           *context);
SeancesClient *seances_rebook_row_get_client (SeancesRebookRow         *self);
void           seances_rebook_row_set_entry  (SeancesRebookRow         *self,
                                              SeancesClient            *client,
                                              const SeancesRebookEntry *entry);

G_END_DECLS
