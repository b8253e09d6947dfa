/* seances-auto-backup.h — the daily backup into a folder the practitioner chose
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "seances-backup.h"
#include "seances-database.h"

G_BEGIN_DECLS

/* app_state rows: the chosen folder, and when the last good automatic backup was taken
 * (UTC seconds, as decimal text). */
#define SEANCES_STATE_BACKUP_FOLDER  "backup-folder"
#define SEANCES_STATE_BACKUP_LAST_AT "backup-last-at"

/* A last good backup older than this is worth a word in the main window. */
#define SEANCES_AUTO_BACKUP_STALE_DAYS 7

/* 0 stands for « never » in every @last_at below. */
char     *seances_auto_backup_get_folder      (SeancesDatabase    *database);
gboolean  seances_auto_backup_set_folder      (SeancesDatabase    *database,
                                               const char         *folder,
                                               GError            **error);
gint64    seances_auto_backup_get_last_at     (SeancesDatabase    *database);
gboolean  seances_auto_backup_set_last_at     (SeancesDatabase    *database,
                                               gint64              last_at,
                                               GError            **error);
gint64    seances_auto_backup_get_created_at  (SeancesDatabase    *database);

gboolean  seances_auto_backup_is_due          (gint64              last_at,
                                               gint64              now,
                                               GTimeZone          *tz);
gboolean  seances_auto_backup_is_stale        (gint64              last_at,
                                               gint64              created_at,
                                               gint64              now);

gboolean  seances_auto_backup_check_folder    (const char         *folder,
                                               gint64              now,
                                               GTimeZone          *tz,
                                               GError            **error);

/* Blocks: call it from a GTask thread. Writes folder/seances_rotation_name_for (@now),
 * then removes the automatic backups the rotation no longer keeps. */
gboolean  seances_auto_backup_run             (const char         *database_path,
                                               const SeancesKey   *key,
                                               const char         *folder,
                                               gint64              now,
                                               GTimeZone          *tz,
                                               SeancesBackupInfo  *info,
                                               GError            **error);

G_END_DECLS
