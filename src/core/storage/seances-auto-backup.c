/* seances-auto-backup.c — the daily backup into a folder the practitioner chose
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The decisions (is one due, is the last one too old) read no clock: "now" and the time
 * zone are parameters, so that days, weeks and DST changes are tested in a moment. */
#include "config.h"

#include "seances-auto-backup.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "seances-database-private.h"
#include "seances-file.h"
#include "seances-rotation.h"

/* A missing or unreadable row reads as « none »: the worst that follows is a backup
 * taken once more, or a notice shown. */
char *
seances_auto_backup_get_folder (SeancesDatabase *database)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;

  g_return_val_if_fail (SEANCES_IS_DATABASE (database), NULL);

  folder = seances_database_get_state (database, SEANCES_STATE_BACKUP_FOLDER, &error);
  if (error != NULL)
    g_debug ("Cannot read the backup folder: %s", error->message);
  if (folder == NULL || folder[0] == '\0')
    return NULL;
  return g_steal_pointer (&folder);
}

gboolean
seances_auto_backup_set_folder (SeancesDatabase  *database,
                                const char       *folder,
                                GError          **error)
{
  g_return_val_if_fail (SEANCES_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (folder != NULL && g_path_is_absolute (folder), FALSE);

  return seances_database_set_state (database, SEANCES_STATE_BACKUP_FOLDER, folder, error);
}

gint64
seances_auto_backup_get_last_at (SeancesDatabase *database)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 value = 0;

  g_return_val_if_fail (SEANCES_IS_DATABASE (database), 0);

  text = seances_database_get_state (database, SEANCES_STATE_BACKUP_LAST_AT, &error);
  if (error != NULL)
    g_debug ("Cannot read the time of the last backup: %s", error->message);
  if (text == NULL)
    return 0;
  if (!g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, &value, &error))
    {
      g_debug ("Ignoring a malformed time of the last backup: %s", error->message);
      return 0;
    }
  return value;
}

gboolean
seances_auto_backup_set_last_at (SeancesDatabase  *database,
                                 gint64            last_at,
                                 GError          **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (SEANCES_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (last_at > 0, FALSE);

  text = g_strdup_printf ("%" G_GINT64_FORMAT, last_at);
  return seances_database_set_state (database, SEANCES_STATE_BACKUP_LAST_AT, text, error);
}

/* When the practice was created (UTC seconds), 0 when unknown. */
gint64
seances_auto_backup_get_created_at (SeancesDatabase *database)
{
  g_autoptr(SeancesStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_row = FALSE;

  g_return_val_if_fail (SEANCES_IS_DATABASE (database), 0);

  stmt = seances_database_prepare (database, "SELECT created_at FROM practice WHERE id = 1", &error);
  if (stmt == NULL || !seances_database_step (database, stmt, &has_row, &error))
    {
      g_debug ("Cannot read when the practice was created: %s", error->message);
      return 0;
    }
  return has_row ? sqlite3_column_int64 (stmt, 0) : 0;
}

/* One backup a local day: due when there is none yet, or when the last one was taken on
 * an earlier day of the practice's calendar. A clock set back does not make one due. */
gboolean
seances_auto_backup_is_due (gint64     last_at,
                            gint64     now,
                            GTimeZone *tz)
{
  g_autoptr(GDateTime) last_utc = NULL;
  g_autoptr(GDateTime) now_utc = NULL;
  g_autoptr(GDateTime) last = NULL;
  g_autoptr(GDateTime) today = NULL;
  int last_key, today_key;

  g_return_val_if_fail (tz != NULL, FALSE);

  if (last_at <= 0)
    return TRUE;

  last_utc = g_date_time_new_from_unix_utc (last_at);
  now_utc = g_date_time_new_from_unix_utc (now);
  g_return_val_if_fail (last_utc != NULL && now_utc != NULL, FALSE);
  last = g_date_time_to_timezone (last_utc, tz);
  today = g_date_time_to_timezone (now_utc, tz);

  last_key = g_date_time_get_year (last) * 10000 + g_date_time_get_month (last) * 100 +
             g_date_time_get_day_of_month (last);
  today_key = g_date_time_get_year (today) * 10000 + g_date_time_get_month (today) * 100 +
              g_date_time_get_day_of_month (today);
  return last_key < today_key;
}

/* With no backup ever, a practice only a few days old is not nagged about yet. */
gboolean
seances_auto_backup_is_stale (gint64 last_at,
                              gint64 created_at,
                              gint64 now)
{
  gint64 since = last_at > 0 ? last_at : created_at;

  return now - since > (gint64) SEANCES_AUTO_BACKUP_STALE_DAYS * 24 * 3600;
}

/* Whether a backup can go into @folder: an existing folder, outside Séances's own data,
 * where a backup file of @now's name may be written. */
gboolean
seances_auto_backup_check_folder (const char  *folder,
                                  gint64       now,
                                  GTimeZone   *tz,
                                  GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *target = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (folder != NULL, FALSE);
  g_return_val_if_fail (tz != NULL, FALSE);

  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("The backup folder cannot be found: is the disk plugged in?"));
      return FALSE;
    }

  name = seances_rotation_name_for (now, tz);
  target = g_build_filename (folder, name, NULL);
  if (!seances_file_check_target (target, &local_error))
    {
      /* The file checks speak of a file; here the practitioner chose a folder. */
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME))
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                             _("This folder holds Séances’s own data: choose another one, "
                               "for example on a USB drive."));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

gboolean
seances_auto_backup_run (const char         *database_path,
                         const SeancesKey   *key,
                         const char         *folder,
                         gint64              now,
                         GTimeZone          *tz,
                         SeancesBackupInfo  *info,
                         GError            **error)
{
  g_autofree char *name = NULL;
  g_autofree char *target = NULL;
  g_autoptr(GError) prune_error = NULL;

  g_return_val_if_fail (database_path != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (folder != NULL, FALSE);
  g_return_val_if_fail (tz != NULL, FALSE);

  if (!seances_auto_backup_check_folder (folder, now, tz, error))
    return FALSE;

  name = seances_rotation_name_for (now, tz);
  target = g_build_filename (folder, name, NULL);
  if (!seances_backup_create (database_path, key, target, info, error))
    return FALSE;

  /* The new backup is good whatever happens to the old ones: a failed clean-up is only
   * logged, and is tried again on the next run. */
  if (!seances_rotation_prune (folder, now, tz, NULL, &prune_error))
    g_debug ("Old backups were not all removed: %s", prune_error->message);
  return TRUE;
}
