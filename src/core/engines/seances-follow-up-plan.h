/* seances-follow-up-plan.h — the messages after an absence, and when they go out
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SEANCES_FOLLOW_UP_FIRST_NEW,        /* first message, to someone who just began */
  SEANCES_FOLLOW_UP_FIRST_REGULAR,    /* first message, to someone who comes regularly */
  SEANCES_FOLLOW_UP_POLICY_REMINDER,  /* first message after a repeated absence: the policy, gently */
  SEANCES_FOLLOW_UP_SECOND,
  SEANCES_FOLLOW_UP_FINAL,            /* names the date the file becomes inactive */
  SEANCES_N_FOLLOW_UPS,
} SeancesFollowUpStep;

/* A client is long-standing after this many honoured sessions. */
#define SEANCES_FOLLOW_UP_REGULAR_AFTER 5

typedef struct
{
  SeancesFollowUpStep step;
  gint64              due;   /* UTC seconds, inside working hours */
} SeancesPlannedFollowUp;

typedef struct
{
  GTimeZone *tz;
  int        opening_hour;     /* the practice's working hours, local */
  int        closing_hour;
  gint64     absence_start;    /* the session missed */
  gint64     closed_at;        /* when it was closed as an absence */
  guint      honoured_before;  /* the client's honoured sessions before it */
  guint      absences_before;  /* their reviewed absences in the 12 months before it */
} SeancesFollowUpCase;

const char *seances_follow_up_step_to_string   (SeancesFollowUpStep        step);
gboolean    seances_follow_up_step_from_string (const char                *text,
                                                SeancesFollowUpStep       *step);
gint64      seances_follow_up_working_instant  (GTimeZone                 *tz,
                                                int                        opening_hour,
                                                int                        closing_hour,
                                                gint64                     instant);
GArray     *seances_follow_up_plan             (const SeancesFollowUpCase *c,
                                                gint64                    *inactive_at);

G_END_DECLS
