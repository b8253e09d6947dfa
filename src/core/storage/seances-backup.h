/* seances-backup.h — encrypted backups of the database, checked, and restored
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "seances-key.h"

G_BEGIN_DECLS

#define SEANCES_BACKUP_ERROR (seances_backup_error_quark ())

/* Every error of this domain carries a French sentence for the user. Failures of the
 * disk come in SEANCES_DATABASE_ERROR or G_IO_ERROR, also in French. */
typedef enum
{
  SEANCES_BACKUP_ERROR_NOT_FOUND,    /* no such backup file */
  SEANCES_BACKUP_ERROR_UNREADABLE,   /* this key does not decrypt it: another practice's,
                                      * not a database at all, or damaged from its start */
  SEANCES_BACKUP_ERROR_DAMAGED,      /* cut short, or a page or the structure is damaged */
  SEANCES_BACKUP_ERROR_NOT_SEANCES,  /* a sound encrypted database, but not Séances's */
  SEANCES_BACKUP_ERROR_TOO_NEW,      /* made by a newer Séances */
  SEANCES_BACKUP_ERROR_MISMATCH,     /* the copy does not hold what the source held */
  SEANCES_BACKUP_ERROR_IN_USE,       /* restore: Séances is using the data */
  SEANCES_BACKUP_ERROR_IS_DATA,      /* restore: the « backup » is the data file itself */
} SeancesBackupError;

/* What a backup holds. @taken_at is when its snapshot was taken (UTC seconds), kept
 * inside the backup; for a database copied by hand, its file's modification time. */
typedef struct
{
  gint64 taken_at;
  int    schema_version;
  gint64 n_clients;
  gint64 n_appointments;
  gint64 n_rows;          /* in every table */
} SeancesBackupInfo;

GQuark    seances_backup_error_quark (void);

/* These block (a large practice takes seconds) and are safe to call from any thread,
 * each call with its own connections: call them from a GTask thread. @key is the
 * practice's key; a backup is encrypted with it, so the recovery key opens it too. */
gboolean  seances_backup_create      (const char         *database_path,
                                      const SeancesKey   *key,
                                      const char         *target_path,
                                      SeancesBackupInfo  *info,
                                      GError            **error);
gboolean  seances_backup_verify      (const char         *backup_path,
                                      const SeancesKey   *key,
                                      SeancesBackupInfo  *info,
                                      GError            **error);
gboolean  seances_backup_restore     (const char         *backup_path,
                                      const SeancesKey   *key,
                                      const char         *database_path,
                                      char              **replaced_path,
                                      GError            **error);

char     *seances_backup_describe    (const SeancesBackupInfo *info,
                                      gint64                   now,
                                      GTimeZone               *tz);
char     *seances_backup_format_age  (gint64                   then,
                                      gint64                   now,
                                      GTimeZone               *tz);

G_END_DECLS
