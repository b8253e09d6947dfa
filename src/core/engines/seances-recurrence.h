/* seances-recurrence.h — the dates of a series of sessions
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SEANCES_RECURRENCE_MAX_COUNT 200

GArray *seances_recurrence_expand (GTimeZone    *tz,
                                   int           year,
                                   int           month,
                                   int           day,
                                   int           hour,
                                   int           minute,
                                   int           interval_weeks,
                                   int           count,
                                   const GDate  *until,
                                   GError      **error);

G_END_DECLS
