/* seances-fees-view.h — « Honoraires dus »: what is still to be paid, across clients
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "seances-context.h"

G_BEGIN_DECLS

#define SEANCES_TYPE_FEES_VIEW (seances_fees_view_get_type ())
G_DECLARE_FINAL_TYPE (SeancesFeesView, seances_fees_view, SEANCES, FEES_VIEW, AdwBin)

GtkWidget *seances_fees_view_new (SeancesContext *context);

G_END_DECLS
