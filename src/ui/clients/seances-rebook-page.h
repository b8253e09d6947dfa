/* seances-rebook-page.h — « À reprogrammer »: the people to book again, one click each
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "seances-context.h"

G_BEGIN_DECLS

#define SEANCES_TYPE_REBOOK_PAGE (seances_rebook_page_get_type ())
G_DECLARE_FINAL_TYPE (SeancesRebookPage, seances_rebook_page, SEANCES, REBOOK_PAGE, AdwBin)

GtkWidget *seances_rebook_page_new (SeancesContext *context);

G_END_DECLS
