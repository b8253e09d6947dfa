/* seances-reminder-plan.h — when a session's reminders go out
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SEANCES_REMINDER_EMAIL,
  SEANCES_REMINDER_SMS,
  SEANCES_N_REMINDER_KINDS,
} SeancesReminderKind;

/* The practice's plan: each kind, when on, this many hours before a session. */
typedef struct
{
  gboolean email;
  int      email_hours;   /* 1–168, default 48 */
  gboolean sms;           /* only once an SMS route is set up */
  int      sms_hours;     /* 1–48, default 2 */
  int      quiet_start;   /* minutes after midnight, default 21 h 00 */
  int      quiet_end;     /* default 8 h 00; equal to quiet_start: no quiet hours */
} SeancesReminderPlan;

typedef struct
{
  SeancesReminderKind kind;
  gint64              due;   /* UTC seconds */
} SeancesPlannedReminder;

void     seances_reminder_plan_init_default (SeancesReminderPlan       *plan);
gboolean seances_reminder_plan_validate     (const SeancesReminderPlan *plan,
                                             GError                   **error);
gboolean seances_reminder_in_quiet_hours    (const SeancesReminderPlan *plan,
                                             GTimeZone                 *tz,
                                             gint64                     instant);
GArray  *seances_reminder_plan_session      (const SeancesReminderPlan *plan,
                                             GTimeZone                 *tz,
                                             gint64                     start,
                                             gint64                     now);
gboolean seances_reminder_is_expired        (gint64                     start,
                                             gint64                     now);

G_END_DECLS
