/* seances-clock.c — « now », for everything that needs it
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One clock, handed out by the context: stores, engines, the command line and the window
 * read the time from it, never from the system directly, so that a test, a screenshot or
 * the benchmark can fix « now » (SEANCES_NOW, read once) and move it. With SEANCES_NOW_RUNS=1
 * « now » starts at SEANCES_NOW and runs on: what waits for a time of day (the notifications)
 * is then seen firing after a short real wait. */
#include "config.h"

#include "seances-clock.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <stdio.h>

#include "seances-time.h"

struct _SeancesClock
{
  GObject parent_instance;

  gint64  fixed;   /* UTC seconds; 0: the system's clock */
  gint64  offset;  /* seconds added to the system's clock when not fixed */
};

G_DEFINE_FINAL_TYPE (SeancesClock, seances_clock, G_TYPE_OBJECT)

static void
seances_clock_class_init (SeancesClockClass *klass)
{
}

static void
seances_clock_init (SeancesClock *self)
{
}

/* The system's clock. */
SeancesClock *
seances_clock_new (void)
{
  return g_object_new (SEANCES_TYPE_CLOCK, NULL);
}

/* A clock that stays at @now (UTC seconds) until it is set again. */
SeancesClock *
seances_clock_new_fixed (gint64 now)
{
  SeancesClock *self = seances_clock_new ();

  seances_clock_set_now (self, now);
  return self;
}

/* The system's clock, shifted so that it reads @from now, and runs on from there. */
SeancesClock *
seances_clock_new_running (gint64 from)
{
  SeancesClock *self = seances_clock_new ();

  self->offset = from - g_get_real_time () / G_USEC_PER_SEC;
  return self;
}

/* The system's clock, unless SEANCES_NOW (« 2026-11-24T14:00 », a local time in
 * @time_zone, seconds optional) fixes it, or with SEANCES_NOW_RUNS=1 starts it there. A
 * value that cannot be read is said once and ignored. */
SeancesClock *
seances_clock_new_from_environment (GTimeZone *time_zone)
{
  const char *text = g_getenv ("SEANCES_NOW");
  g_autoptr(GError) error = NULL;
  gint64 now = 0;

  g_return_val_if_fail (time_zone != NULL, NULL);

  if (text == NULL || *text == '\0')
    return seances_clock_new ();
  if (!seances_clock_parse_local (text, time_zone, &now, &error))
    {
      g_warning ("SEANCES_NOW ignored: %s", error->message);
      return seances_clock_new ();
    }
  if (g_strcmp0 (g_getenv ("SEANCES_NOW_RUNS"), "1") == 0)
    return seances_clock_new_running (now);
  return seances_clock_new_fixed (now);
}

gint64
seances_clock_get_now (SeancesClock *self)
{
  g_return_val_if_fail (SEANCES_IS_CLOCK (self), 0);
  return self->fixed != 0 ? self->fixed : g_get_real_time () / G_USEC_PER_SEC + self->offset;
}

gboolean
seances_clock_is_fixed (SeancesClock *self)
{
  g_return_val_if_fail (SEANCES_IS_CLOCK (self), FALSE);
  return self->fixed != 0;
}

/* Fixes the clock at @now; 0 gives it back to the system, unshifted. */
void
seances_clock_set_now (SeancesClock *self,
                       gint64        now)
{
  g_return_if_fail (SEANCES_IS_CLOCK (self));
  self->fixed = now;
  self->offset = 0;
}

/* « 2026-11-24T14:00 » or « 2026-11-24T18:59:57 », a local time in @time_zone, as
 * SEANCES_NOW gives it. A time that does not exist (the spring DST gap) is refused by
 * seances_time_from_local(). */
gboolean
seances_clock_parse_local (const char  *text,
                           GTimeZone   *time_zone,
                           gint64      *now,
                           GError     **error)
{
  int year, month, day, hour, minute, second = 0;
  int fields;
  char end;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (time_zone != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  fields = sscanf (text, "%4d-%2d-%2dT%2d:%2d:%2d%c", &year, &month, &day, &hour, &minute, &second, &end);
  if (fields == 5)  /* no seconds: then nothing may follow the minutes */
    fields = sscanf (text, "%4d-%2d-%2dT%2d:%2d%c", &year, &month, &day, &hour, &minute, &end) == 5 ? 6 : 0;
  if (fields != 6 || second < 0 || second > 59)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("SEANCES_NOW must be a local date and time such as 2026-11-24T14:00."));
      return FALSE;
    }
  if (!seances_time_from_local (time_zone, year, month, day, hour, minute, now, error))
    return FALSE;
  *now += second;
  return TRUE;
}
