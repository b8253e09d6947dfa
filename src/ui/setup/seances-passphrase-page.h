/* seances-passphrase-page.h — choosing a passphrase when there is no keyring
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SEANCES_TYPE_PASSPHRASE_PAGE (seances_passphrase_page_get_type ())
G_DECLARE_FINAL_TYPE (SeancesPassphrasePage, seances_passphrase_page, SEANCES, PASSPHRASE_PAGE, AdwBin)

const char *seances_passphrase_page_get_passphrase (SeancesPassphrasePage *self);
void        seances_passphrase_page_set_busy       (SeancesPassphrasePage *self,
                                                    gboolean               busy);
void        seances_passphrase_page_show_error     (SeancesPassphrasePage *self,
                                                    const char            *message);

void seances_passphrase_page_clear (SeancesPassphrasePage *self);

G_END_DECLS
