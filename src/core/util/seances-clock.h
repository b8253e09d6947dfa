/* seances-clock.h — « now », for everything that needs it
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SEANCES_TYPE_CLOCK (seances_clock_get_type ())
G_DECLARE_FINAL_TYPE (SeancesClock, seances_clock, SEANCES, CLOCK, GObject)

SeancesClock *seances_clock_new                  (void);
SeancesClock *seances_clock_new_fixed            (gint64        now);
SeancesClock *seances_clock_new_running          (gint64        from);
SeancesClock *seances_clock_new_from_environment (GTimeZone    *time_zone);
gint64        seances_clock_get_now              (SeancesClock *self);
gboolean      seances_clock_is_fixed             (SeancesClock *self);
void          seances_clock_set_now              (SeancesClock *self,
                                                  gint64        now);
gboolean      seances_clock_parse_local          (const char   *text,
                                                  GTimeZone    *time_zone,
                                                  gint64       *now,
                                                  GError      **error);

G_END_DECLS
