/* seances-rotation.c — which automatic backups to keep, and how they are named
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The choice itself (seances_rotation_expired) reads no file and no clock: "now" and the
 * time zone are parameters, so that a year of backups is tested in a moment. Days, weeks
 * and months are the local ones of that time zone, DST days included. */
#include "config.h"

#include "seances-rotation.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#define PREFIX "seances-"
/* « 2026-12-01-1902 » */
#define STAMP_LENGTH 15

char *
seances_rotation_name_for (gint64     taken_at,
                           GTimeZone *tz)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (taken_at);
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *stamp = NULL;

  g_return_val_if_fail (tz != NULL, NULL);
  g_return_val_if_fail (utc != NULL, NULL);

  local = g_date_time_to_timezone (utc, tz);
  stamp = g_date_time_format (local, "%Y-%m-%d-%H%M");
  return g_strconcat (PREFIX, stamp, SEANCES_ROTATION_SUFFIX, NULL);
}

static gboolean
read_number (const char *text,
             int         digits,
             int        *value)
{
  *value = 0;
  for (int i = 0; i < digits; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      *value = *value * 10 + (text[i] - '0');
    }
  return TRUE;
}

/* Only names this module makes match; anything else in the folder is not ours. */
gboolean
seances_rotation_parse_name (const char *name,
                             GTimeZone  *tz,
                             gint64     *taken_at)
{
  const char *stamp;
  int year, month, day, hour, minute;
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (tz != NULL, FALSE);

  if (strlen (name) != strlen (PREFIX) + STAMP_LENGTH + strlen (SEANCES_ROTATION_SUFFIX) ||
      !g_str_has_prefix (name, PREFIX) || !g_str_has_suffix (name, SEANCES_ROTATION_SUFFIX))
    return FALSE;

  stamp = name + strlen (PREFIX);
  if (!read_number (stamp, 4, &year) || stamp[4] != '-' ||
      !read_number (stamp + 5, 2, &month) || stamp[7] != '-' ||
      !read_number (stamp + 8, 2, &day) || stamp[10] != '-' ||
      !read_number (stamp + 11, 2, &hour) || !read_number (stamp + 13, 2, &minute))
    return FALSE;
  if (year < 1970 || month < 1 || month > 12 || day < 1 || day > 31 ||
      hour > 23 || minute > 59 ||
      day > g_date_get_days_in_month (month, year))
    return FALSE;

  local = g_date_time_new (tz, year, month, day, hour, minute, 0);
  if (local == NULL)
    return FALSE;
  if (taken_at != NULL)
    *taken_at = g_date_time_to_unix (local);
  return TRUE;
}

typedef struct
{
  const SeancesRotationEntry *entry;
  gint64                      keys[3];  /* local day, ISO week, month */
} Candidate;

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  const SeancesRotationEntry *x = ((const Candidate *) a)->entry;
  const SeancesRotationEntry *y = ((const Candidate *) b)->entry;

  if (x->taken_at != y->taken_at)
    return x->taken_at < y->taken_at ? 1 : -1;
  return -g_strcmp0 (x->name, y->name);
}

static void
compute_keys (Candidate *candidate,
              GTimeZone *tz)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (candidate->entry->taken_at);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);
  int year, month, day;

  g_date_time_get_ymd (local, &year, &month, &day);
  candidate->keys[0] = (gint64) year * 10000 + month * 100 + day;
  candidate->keys[1] = (gint64) g_date_time_get_week_numbering_year (local) * 100 +
                       g_date_time_get_week_of_year (local);
  candidate->keys[2] = (gint64) year * 100 + month;
}

/* Returns the names of @entries to delete (NULL-terminated, possibly empty), newest first.
 * A backup dated after @now was made under a wrong clock: it is kept, and takes no day,
 * week or month away from the others. */
char **
seances_rotation_expired (const SeancesRotationEntry *entries,
                          gsize                       n_entries,
                          gint64                      now,
                          GTimeZone                  *tz)
{
  static const int limits[] = { SEANCES_ROTATION_DAYS, SEANCES_ROTATION_WEEKS, SEANCES_ROTATION_MONTHS };
  g_autofree Candidate *candidates = NULL;
  g_autoptr(GStrvBuilder) expired = g_strv_builder_new ();
  gsize n_candidates = 0;
  guint tier = 0;
  int kept_in_tier = 0;
  gint64 last_key = 0;

  g_return_val_if_fail (entries != NULL || n_entries == 0, NULL);
  g_return_val_if_fail (tz != NULL, NULL);

  candidates = g_new0 (Candidate, MAX (n_entries, 1));
  for (gsize i = 0; i < n_entries; i++)
    if (entries[i].taken_at <= now)
      {
        candidates[n_candidates].entry = &entries[i];
        compute_keys (&candidates[n_candidates], tz);
        n_candidates++;
      }
  qsort (candidates, n_candidates, sizeof *candidates, newest_first);

  /* Newest first, each tier keeps the first backup of each of its periods until it has
   * its count; the backups after that go down to the next, coarser tier. */
  for (gsize i = 0; i < n_candidates; i++)
    {
      const Candidate *candidate = &candidates[i];
      gboolean keep = FALSE;

      while (tier < G_N_ELEMENTS (limits))
        {
          gint64 key = candidate->keys[tier];

          if (kept_in_tier > 0 && key == last_key)
            break;  /* an older backup of a period already kept */
          if (kept_in_tier < limits[tier])
            {
              keep = TRUE;
              kept_in_tier++;
              last_key = key;
              break;
            }
          tier++;
          kept_in_tier = 0;
        }

      if (!keep)
        g_strv_builder_add (expired, candidate->entry->name);
    }

  return g_strv_builder_end (expired);
}

static void
clear_entry (gpointer data)
{
  SeancesRotationEntry *entry = data;

  g_clear_pointer (&entry->name, g_free);
}

/* The automatic backups in @folder, in no order: regular files whose name
 * seances_rotation_name_for() could have made. Returns an array of SeancesRotationEntry
 * that frees their names. */
GArray *
seances_rotation_list (const char  *folder,
                       GTimeZone   *tz,
                       GError     **error)
{
  g_autoptr(GArray) entries = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  g_return_val_if_fail (folder != NULL, NULL);
  g_return_val_if_fail (tz != NULL, NULL);

  dir = g_dir_open (folder, 0, &local_error);
  if (dir == NULL)
    {
      g_debug ("Cannot list the backup folder: %s", local_error->message);
      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_file_error (local_error->code),
                           _("The backup folder cannot be read: check that its disk is "
                             "connected and try again."));
      return NULL;
    }

  entries = g_array_new (FALSE, FALSE, sizeof (SeancesRotationEntry));
  g_array_set_clear_func (entries, clear_entry);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      SeancesRotationEntry entry;
      GStatBuf st;

      if (!seances_rotation_parse_name (name, tz, &entry.taken_at))
        continue;
      /* Never a link or a folder, even one named like a backup. */
      path = g_build_filename (folder, name, NULL);
      if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode))
        continue;
      entry.name = g_strdup (name);
      g_array_append_val (entries, entry);
    }

  return g_steal_pointer (&entries);
}

/* Lists @folder and deletes the automatic backups the rotation no longer keeps, and
 * nothing else. A backup that cannot be deleted stays; the others still are. */
gboolean
seances_rotation_prune (const char  *folder,
                        gint64       now,
                        GTimeZone   *tz,
                        guint       *n_deleted,
                        GError     **error)
{
  g_autoptr(GArray) entries = NULL;
  g_auto(GStrv) expired = NULL;
  gboolean all_deleted = TRUE;
  guint deleted = 0;

  if (n_deleted != NULL)
    *n_deleted = 0;

  entries = seances_rotation_list (folder, tz, error);
  if (entries == NULL)
    return FALSE;

  expired = seances_rotation_expired ((const SeancesRotationEntry *) entries->data, entries->len, now, tz);
  for (guint i = 0; expired[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (folder, expired[i], NULL);

      if (g_unlink (path) == 0)
        deleted++;
      else
        {
          g_debug ("Cannot delete an old backup: %s", g_strerror (errno));
          all_deleted = FALSE;
        }
    }

  if (n_deleted != NULL)
    *n_deleted = deleted;
  if (!all_deleted)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                           _("Some old backups could not be deleted: check the permissions "
                             "of the backup folder."));
      return FALSE;
    }
  return TRUE;
}
