/* seances-welcome-page.h — the first run: creating the practice
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "seances-practice.h"

G_BEGIN_DECLS

#define SEANCES_TYPE_WELCOME_PAGE (seances_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (SeancesWelcomePage, seances_welcome_page, SEANCES, WELCOME_PAGE, AdwBin)

SeancesPractice *seances_welcome_page_build_practice (SeancesWelcomePage *self);
void             seances_welcome_page_set_busy       (SeancesWelcomePage *self,
                                                      gboolean            busy);
void             seances_welcome_page_show_error     (SeancesWelcomePage *self,
                                                      const char         *message);

G_END_DECLS
