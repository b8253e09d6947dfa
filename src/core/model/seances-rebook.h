/* seances-rebook.h — the people to book again: no next session, or past their rhythm
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "seances-appointment-store.h"

G_BEGIN_DECLS

/* Someone not seen for longer, and not new, has ended their follow-up: they are not listed. */
#define SEANCES_REBOOK_HORIZON_MONTHS 12

typedef enum
{
  SEANCES_REBOOK_NO_NEXT,      /* nothing booked from now on */
  SEANCES_REBOOK_PAST_RHYTHM,  /* their rhythm says they should have been seen again by now */
} SeancesRebookReason;

typedef struct
{
  gint64              client_id;
  SeancesRebookReason reason;
  int                 rhythm_weeks;   /* 0: no target rhythm */
  gint64              last_honoured;  /* the start of the latest session held; 0: none yet */
  gint64              next_start;     /* the next session booked; 0: none */
  gint64              due;            /* when the rhythm brings them back; 0 without a rhythm or a session held */
} SeancesRebookEntry;

gboolean  seances_rebook_judge  (GTimeZone               *tz,
                                 gint64                   now,
                                 SeancesRebookEntry      *entry);
GArray   *seances_rebook_list   (SeancesAppointmentStore *appointments,
                                 gint64                   now,
                                 GError                 **error);

G_END_DECLS
