/* seances-recovery-key-page.h — shows the recovery key once, to be written down
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SEANCES_TYPE_RECOVERY_KEY_PAGE (seances_recovery_key_page_get_type ())
G_DECLARE_FINAL_TYPE (SeancesRecoveryKeyPage, seances_recovery_key_page, SEANCES, RECOVERY_KEY_PAGE, AdwBin)

void seances_recovery_key_page_set_key (SeancesRecoveryKeyPage *self,
                                        const char             *recovery_key);
void seances_recovery_key_page_clear   (SeancesRecoveryKeyPage *self);

G_END_DECLS
