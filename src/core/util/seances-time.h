/* seances-time.h — the practice's local times and the UTC instants the database keeps
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SEANCES_TIME_ERROR (seances_time_error_quark ())

/* Every error of this domain carries a French sentence for the user. */
typedef enum
{
  SEANCES_TIME_ERROR_INVALID,
  SEANCES_TIME_ERROR_NONEXISTENT,
} SeancesTimeError;

GQuark     seances_time_error_quark    (void);

gboolean   seances_time_from_local     (GTimeZone     *tz,
                                        int            year,
                                        int            month,
                                        int            day,
                                        int            hour,
                                        int            minute,
                                        gint64        *utc,
                                        GError       **error);
GDateTime *seances_time_to_local       (GTimeZone     *tz,
                                        gint64         utc);
gint64     seances_time_day_start      (GTimeZone     *tz,
                                        gint64         utc);
gint64     seances_time_week_start     (GTimeZone     *tz,
                                        gint64         utc);
gint64     seances_time_add_days_local (GTimeZone     *tz,
                                        gint64         utc,
                                        int            days);

char      *seances_time_format_date    (const GDate   *date);
char      *seances_time_format_day     (GTimeZone     *tz,
                                        gint64         utc);
char      *seances_time_format_hour    (GTimeZone     *tz,
                                        gint64         utc);
char      *seances_time_format_long    (GTimeZone     *tz,
                                        gint64         utc);
char      *seances_time_format_day_near (GTimeZone    *tz,
                                        gint64         utc,
                                        gint64         now);
char      *seances_time_format_age     (GTimeZone     *tz,
                                        gint64         utc,
                                        gint64         now);

G_END_DECLS
