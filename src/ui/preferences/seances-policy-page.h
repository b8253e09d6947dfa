/* seances-policy-page.h — preferences « Politique d'annulation »
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "seances-context.h"

G_BEGIN_DECLS

#define SEANCES_TYPE_POLICY_PAGE (seances_policy_page_get_type ())
G_DECLARE_FINAL_TYPE (SeancesPolicyPage, seances_policy_page, SEANCES, POLICY_PAGE, AdwPreferencesPage)

SeancesPolicyPage *seances_policy_page_new (SeancesContext *context);

G_END_DECLS
