/* seances-unlock-page.h — asking for the recovery key or the passphrase
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "seances-vault.h"

G_BEGIN_DECLS

#define SEANCES_TYPE_UNLOCK_PAGE (seances_unlock_page_get_type ())
G_DECLARE_FINAL_TYPE (SeancesUnlockPage, seances_unlock_page, SEANCES, UNLOCK_PAGE, AdwBin)

void        seances_unlock_page_set_reason (SeancesUnlockPage  *self,
                                            SeancesVaultReason  reason);
const char *seances_unlock_page_get_secret (SeancesUnlockPage  *self);
void        seances_unlock_page_set_busy   (SeancesUnlockPage  *self,
                                            gboolean            busy);
void        seances_unlock_page_show_error (SeancesUnlockPage  *self,
                                            const char         *message);

void seances_unlock_page_clear_secret (SeancesUnlockPage *self);

G_END_DECLS
