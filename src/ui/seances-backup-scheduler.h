/* seances-backup-scheduler.h — the daily automatic backup while Séances runs, and at quit
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "seances-context.h"

G_BEGIN_DECLS

#define SEANCES_TYPE_BACKUP_SCHEDULER (seances_backup_scheduler_get_type ())
G_DECLARE_FINAL_TYPE (SeancesBackupScheduler, seances_backup_scheduler, SEANCES, BACKUP_SCHEDULER, GObject)

SeancesBackupScheduler *seances_backup_scheduler_new            (SeancesContext          *context);
void                    seances_backup_scheduler_start          (SeancesBackupScheduler  *self);
void                    seances_backup_scheduler_run_now        (SeancesBackupScheduler  *self);
void                    seances_backup_scheduler_quit           (SeancesBackupScheduler  *self,
                                                                 GApplication            *application);
void                    seances_backup_scheduler_stop           (SeancesBackupScheduler  *self);

gboolean                seances_backup_scheduler_get_running    (SeancesBackupScheduler  *self);
const char             *seances_backup_scheduler_get_folder     (SeancesBackupScheduler  *self);
gboolean                seances_backup_scheduler_set_folder     (SeancesBackupScheduler  *self,
                                                                 const char              *folder,
                                                                 GError                 **error);
gint64                  seances_backup_scheduler_get_last_at    (SeancesBackupScheduler  *self);
const GError           *seances_backup_scheduler_get_error      (SeancesBackupScheduler  *self);
char                   *seances_backup_scheduler_dup_notice     (SeancesBackupScheduler  *self);

G_END_DECLS
