/* seances-rotation.h — which automatic backups to keep, and how they are named
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What an automatic-backup folder keeps: the newest backup of each of the 7 newest days
 * that have one, then of the older ones the newest of each of the 4 newest ISO weeks, then
 * of the still older ones the newest of each of the 12 newest months. A year of daily
 * backups keeps 7 + 4 + 12 = 23 files. */
#define SEANCES_ROTATION_DAYS   7
#define SEANCES_ROTATION_WEEKS  4
#define SEANCES_ROTATION_MONTHS 12

/* Automatic backups are named « seances-2026-12-01-1902.seancesbackup » (local time). */
#define SEANCES_ROTATION_SUFFIX ".seancesbackup"

typedef struct
{
  char   *name;      /* the file name, without its folder */
  gint64  taken_at;  /* UTC seconds */
} SeancesRotationEntry;

char     *seances_rotation_name_for   (gint64                       taken_at,
                                       GTimeZone                   *tz);
gboolean  seances_rotation_parse_name (const char                  *name,
                                       GTimeZone                   *tz,
                                       gint64                      *taken_at);

char    **seances_rotation_expired    (const SeancesRotationEntry  *entries,
                                       gsize                        n_entries,
                                       gint64                       now,
                                       GTimeZone                   *tz);

GArray   *seances_rotation_list       (const char                  *folder,
                                       GTimeZone                   *tz,
                                       GError                     **error);
gboolean  seances_rotation_prune      (const char                  *folder,
                                       gint64                       now,
                                       GTimeZone                   *tz,
                                       guint                       *n_deleted,
                                       GError                     **error);

G_END_DECLS
