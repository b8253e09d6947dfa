/* seances-data-page.h — preferences « Données »: the recovery key and the backups
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "seances-backup-scheduler.h"
#include "seances-context.h"

G_BEGIN_DECLS

#define SEANCES_TYPE_DATA_PAGE (seances_data_page_get_type ())
G_DECLARE_FINAL_TYPE (SeancesDataPage, seances_data_page, SEANCES, DATA_PAGE, AdwPreferencesPage)

SeancesDataPage *seances_data_page_new (SeancesContext         *context,
                                        SeancesBackupScheduler *scheduler);

G_END_DECLS
