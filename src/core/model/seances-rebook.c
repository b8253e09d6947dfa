/* seances-rebook.c — the people to book again: no next session, or past their rhythm
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * « À reprogrammer » lists the active clients nobody has booked again, and those whose
 * rhythm (« toutes les 2 semaines ») has slipped. Someone with a session booked soon
 * enough is not listed even after an absence: what is booked already brings them back.
 * Only sessions held count as seen: an absence or a session not reviewed yet does not.
 * People seen last more than SEANCES_REBOOK_HORIZON_MONTHS ago, or never seen and on file
 * for longer, have ended their follow-up: twenty years of a practice would list thousands
 * of them, and none is to be booked again. */
#include "config.h"

#include "seances-rebook.h"

#include "seances-database-private.h"
#include "seances-time.h"

/* Fills @entry's due and reason from its rhythm, last session held and next booked one;
 * TRUE when the client is to be booked again: nothing is booked from @now on, or their
 * rhythm's date is past and the next booked session leaves more than one rhythm from
 * @now (a slot of their rhythm is missed, not merely late). */
gboolean
seances_rebook_judge (GTimeZone          *tz,
                      gint64              now,
                      SeancesRebookEntry *entry)
{
  gboolean past;

  g_return_val_if_fail (tz != NULL, FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);

  /* On the local calendar: a session at 14:00 comes back at 14:00 across a change of time. */
  entry->due = 0;
  if (entry->rhythm_weeks > 0 && entry->last_honoured != 0)
    entry->due = seances_time_add_days_local (tz, entry->last_honoured, 7 * entry->rhythm_weeks);
  past = entry->due != 0 && entry->due < now;
  entry->reason = past ? SEANCES_REBOOK_PAST_RHYTHM : SEANCES_REBOOK_NO_NEXT;

  if (entry->next_start == 0)
    return TRUE;
  return past && entry->next_start > seances_time_add_days_local (tz, now, 7 * entry->rhythm_weeks);
}

/* Those late on their rhythm first, then those with nothing booked; in each, whoever
 * slipped most recently first: the weekly client who missed last week is the one to call,
 * the one overdue for eleven months has likely ended. Among those with nothing booked,
 * people not seen yet (new, waiting for a first date) come first. */
static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const SeancesRebookEntry *x = a;
  const SeancesRebookEntry *y = b;

  if (x->reason != y->reason)
    return x->reason == SEANCES_REBOOK_PAST_RHYTHM ? -1 : 1;
  if (x->reason == SEANCES_REBOOK_PAST_RHYTHM && x->due != y->due)
    return x->due > y->due ? -1 : 1;
  if (x->reason == SEANCES_REBOOK_NO_NEXT && x->last_honoured != y->last_honoured)
    {
      if (x->last_honoured == 0 || y->last_honoured == 0)
        return x->last_honoured == 0 ? -1 : 1;
      return x->last_honoured > y->last_honoured ? -1 : 1;
    }
  return x->client_id < y->client_id ? -1 : x->client_id > y->client_id;
}

static gint64
horizon (GTimeZone *tz,
         gint64     now)
{
  g_autoptr(GDateTime) local = seances_time_to_local (tz, now);
  g_autoptr(GDateTime) start = g_date_time_add_months (local, -SEANCES_REBOOK_HORIZON_MONTHS);

  return g_date_time_to_unix (start);
}

/* Every active client to book again at @now (SeancesRebookEntry), in the order above. */
GArray *
seances_rebook_list (SeancesAppointmentStore  *appointments,
                     gint64                    now,
                     GError                  **error)
{
  g_autoptr(SeancesStatement) stmt = NULL;
  g_autoptr(GArray) entries = NULL;
  SeancesDatabase *database;
  GTimeZone *tz;
  gboolean has_row;

  g_return_val_if_fail (SEANCES_IS_APPOINTMENT_STORE (appointments), NULL);

  database = seances_appointment_store_get_database (appointments);
  tz = seances_appointment_store_get_time_zone (appointments);
  /* Along (status, start_at), only the sessions held within the horizon and those booked
   * from now on are read, a few thousand at most; then each active client seen within
   * it, or new, meets their latest and their next. */
  stmt = seances_database_prepare (database,
                                   "WITH held AS (SELECT client_id, max(start_at) AS last FROM appointment"
                                   "   WHERE status = ?1 AND start_at >= ?3 GROUP BY client_id),"
                                   " booked AS (SELECT client_id, min(start_at) AS next FROM appointment"
                                   "   WHERE status = ?2 AND start_at >= ?4 GROUP BY client_id)"
                                   " SELECT c.id, c.rhythm_weeks, held.last, booked.next FROM client c"
                                   " LEFT JOIN held ON held.client_id = c.id"
                                   " LEFT JOIN booked ON booked.client_id = c.id"
                                   " WHERE c.status = 'active' AND (held.last IS NOT NULL OR c.created_at >= ?3)",
                                   error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, seances_appointment_status_to_string (SEANCES_APPOINTMENT_STATUS_HONOURED),
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, seances_appointment_status_to_string (SEANCES_APPOINTMENT_STATUS_SCHEDULED),
                     -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, horizon (tz, now));
  sqlite3_bind_int64 (stmt, 4, now);

  entries = g_array_new (FALSE, TRUE, sizeof (SeancesRebookEntry));
  while (seances_database_step (database, stmt, &has_row, error))
    {
      SeancesRebookEntry entry = { 0 };

      if (!has_row)
        {
          g_array_sort (entries, compare_entries);
          return g_steal_pointer (&entries);
        }
      entry.client_id = sqlite3_column_int64 (stmt, 0);
      entry.rhythm_weeks = sqlite3_column_int (stmt, 1);
      entry.last_honoured = sqlite3_column_int64 (stmt, 2);
      entry.next_start = sqlite3_column_int64 (stmt, 3);
      if (seances_rebook_judge (tz, now, &entry))
        g_array_append_val (entries, entry);
    }
  return NULL;
}
