/* test-rebook.c — « À reprogrammer »: who has nothing booked, who is past their rhythm
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "seances-rebook.h"
#include "seances-test.h"
#include "seances-time.h"

#include "seances-database-private.h"

#define NONE G_MININT

static GTimeZone *
paris_zone (void)
{
  return g_time_zone_new_identifier ("Europe/Paris");
}

static gint64
paris (int month,
       int day,
       int hour)
{
  g_autoptr(GTimeZone) tz = paris_zone ();
  gint64 utc = 0;

  g_assert_true (seances_time_from_local (tz, 2026, month, day, hour, 0, &utc, NULL));
  return utc;
}

/* Tuesday 24 November 2026 at 14:00 in Paris. */
static gint64
now_instant (void)
{
  return paris (11, 24, 14);
}

/* @days days from now at 14:00 on the calendar (NONE: no such session). */
static gint64
days_from_now (int days)
{
  g_autoptr(GTimeZone) tz = paris_zone ();

  return days == NONE ? 0 : seances_time_add_days_local (tz, now_instant (), days);
}

typedef struct
{
  const char          *name;
  int                  rhythm_weeks;
  int                  last_days;    /* the last session held, in days from now; NONE */
  int                  next_days;    /* the next one booked; NONE */
  gboolean             listed;
  SeancesRebookReason  reason;
  int                  due_month;    /* when the rhythm brings them back, at 14:00; 0: never */
  int                  due_day;
} JudgeCase;

static const JudgeCase judge_cases[] = {
  { "never-seen", 0, NONE, NONE, TRUE, SEANCES_REBOOK_NO_NEXT, 0, 0 },
  { "nothing-booked", 0, -40, NONE, TRUE, SEANCES_REBOOK_NO_NEXT, 0, 0 },
  { "booked", 0, -40, 30, FALSE, SEANCES_REBOOK_NO_NEXT, 0, 0 },
  { "rhythm/never-seen", 2, NONE, NONE, TRUE, SEANCES_REBOOK_NO_NEXT, 0, 0 },
  { "rhythm/not-yet-due", 2, -10, NONE, TRUE, SEANCES_REBOOK_NO_NEXT, 11, 28 },
  /* Due this very minute: not late yet. */
  { "rhythm/due-now", 1, -7, NONE, TRUE, SEANCES_REBOOK_NO_NEXT, 11, 24 },
  { "rhythm/past", 2, -21, NONE, TRUE, SEANCES_REBOOK_PAST_RHYTHM, 11, 17 },
  /* An absence last week, the next session tomorrow: it brings them back. */
  { "rhythm/past-booked-soon", 1, -14, 1, FALSE, SEANCES_REBOOK_PAST_RHYTHM, 11, 17 },
  { "rhythm/past-booked-one-rhythm-away", 1, -14, 7, FALSE, SEANCES_REBOOK_PAST_RHYTHM, 11, 17 },
  { "rhythm/past-booked-too-late", 1, -14, 8, TRUE, SEANCES_REBOOK_PAST_RHYTHM, 11, 17 },
  { "rhythm/past-booked-months-away", 4, -42, 90, TRUE, SEANCES_REBOOK_PAST_RHYTHM, 11, 10 },
  /* Holidays booked ahead, their rhythm not yet missed. */
  { "rhythm/booked-after-holidays", 1, -1, 21, FALSE, SEANCES_REBOOK_NO_NEXT, 11, 30 },
  /* Seen on 20 October at 14:00, summer time; back on 27 October at 14:00, winter time. */
  { "rhythm/across-dst", 1, -35, NONE, TRUE, SEANCES_REBOOK_PAST_RHYTHM, 10, 27 },
};

static void
test_judge (gconstpointer data)
{
  const JudgeCase *row = data;
  g_autoptr(GTimeZone) tz = paris_zone ();
  SeancesRebookEntry entry = {
    .client_id = 1,
    .rhythm_weeks = row->rhythm_weeks,
    .last_honoured = days_from_now (row->last_days),
    .next_start = days_from_now (row->next_days),
  };

  g_assert_cmpint (seances_rebook_judge (tz, now_instant (), &entry), ==, row->listed);
  g_assert_cmpint (entry.reason, ==, row->reason);
  g_assert_cmpint (entry.due, ==, row->due_month != 0 ? paris (row->due_month, row->due_day, 14) : 0);
}

/* The query: active clients only, sessions held as « seen », sessions still to come as
 * « booked », nobody whose follow-up has ended; in the order the page shows them. */
typedef struct
{
  gint64      id;
  const char *first_name;
  const char *status;
  int         rhythm_weeks;  /* 0: NULL */
  int         created_days;  /* when the record was made, in days from now */
} ClientRow;

typedef struct
{
  gint64      client_id;
  int         days;
  const char *status;
} SessionRow;

/* Inès, on file for two years and never seen, and Jules, last seen thirteen months ago,
 * have ended their follow-up; Chloé, new, waits for a first date. */
static const ClientRow clients[] = {
  { 1, "Anne", "active", 2, -3000 },
  { 2, "Bruno", "active", 0, -3000 },
  { 3, "Chloé", "active", 0, -60 },
  { 4, "David", "inactive", 0, -60 },
  { 5, "Emma", "active", 0, -3000 },
  { 6, "Farid", "active", 1, -3000 },
  { 7, "Gaëlle", "active", 4, -3000 },
  { 8, "Hugo", "active", 0, -3000 },
  { 9, "Inès", "active", 0, -730 },
  { 10, "Jules", "active", 2, -3000 },
};

static const SessionRow sessions[] = {
  { 1, -21, "honoured" },
  { 1, -35, "honoured" },
  { 2, -3, "honoured" },
  { 2, 7, "scheduled" },
  /* Emma: an absence, a session not reviewed yet and a cancelled one are not « seen »
   * nor « booked ». */
  { 5, -30, "honoured" },
  { 5, -10, "no_show" },
  { 5, -2, "scheduled" },
  { 5, 5, "cancelled_in_time" },
  { 6, -14, "honoured" },
  { 6, -7, "no_show" },
  { 6, 1, "scheduled" },
  { 7, -60, "honoured" },
  { 7, 90, "scheduled" },
  { 8, -5, "honoured" },
  { 8, -400, "honoured" },
  { 10, -396, "honoured" },
};

typedef struct
{
  gint64              client_id;
  SeancesRebookReason reason;
  int                 last_days;
  int                 next_days;
} Expected;

static void
test_list (void)
{
  static const Expected expected[] = {
    { 1, SEANCES_REBOOK_PAST_RHYTHM, -21, NONE },
    { 7, SEANCES_REBOOK_PAST_RHYTHM, -60, 90 },
    { 3, SEANCES_REBOOK_NO_NEXT, NONE, NONE },
    { 8, SEANCES_REBOOK_NO_NEXT, -5, NONE },
    { 5, SEANCES_REBOOK_NO_NEXT, -30, NONE },
  };
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "seances.db", NULL);
  g_autoptr(SeancesKey) key = seances_key_new_random ();
  g_autoptr(SeancesDatabase) database = NULL;
  g_autoptr(SeancesAppointmentStore) store = NULL;
  g_autoptr(GTimeZone) tz = paris_zone ();
  g_autoptr(GArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  database = seances_database_create (path, key, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (clients); i++)
    {
      g_autoptr(SeancesStatement) stmt = NULL;

      stmt = seances_database_prepare (database,
                                       "INSERT INTO client (id, first_name, last_name, email, status, rhythm_weeks,"
                                       " search_key, sort_key, created_at, updated_at)"
                                       " VALUES (?1, ?2, 'Martin', 'x@exemple.fr', ?3, ?4, ?2, ?2, ?5, ?5)",
                                       &error);
      g_assert_no_error (error);
      sqlite3_bind_int64 (stmt, 1, clients[i].id);
      sqlite3_bind_text (stmt, 2, clients[i].first_name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, clients[i].status, -1, SQLITE_STATIC);
      seances_statement_bind_optional (stmt, 4, clients[i].rhythm_weeks);
      sqlite3_bind_int64 (stmt, 5, days_from_now (clients[i].created_days));
      g_assert_true (seances_database_step (database, stmt, NULL, &error));
    }
  for (guint i = 0; i < G_N_ELEMENTS (sessions); i++)
    {
      g_autoptr(SeancesStatement) stmt = NULL;

      stmt = seances_database_prepare (database,
                                       "INSERT INTO appointment (client_id, start_at, end_at, status, created_at)"
                                       " VALUES (?1, ?2, ?2 + 3000, ?3, 0)",
                                       &error);
      g_assert_no_error (error);
      sqlite3_bind_int64 (stmt, 1, sessions[i].client_id);
      sqlite3_bind_int64 (stmt, 2, days_from_now (sessions[i].days));
      sqlite3_bind_text (stmt, 3, sessions[i].status, -1, SQLITE_STATIC);
      g_assert_true (seances_database_step (database, stmt, NULL, &error));
    }

  store = seances_appointment_store_new (database, tz, 10);
  entries = seances_rebook_list (store, now_instant (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < entries->len; i++)
    {
      const SeancesRebookEntry *entry = &g_array_index (entries, SeancesRebookEntry, i);

      g_test_message ("expected[%u]", i);
      g_assert_cmpint (entry->client_id, ==, expected[i].client_id);
      g_assert_cmpint (entry->reason, ==, expected[i].reason);
      g_assert_cmpint (entry->last_honoured, ==, days_from_now (expected[i].last_days));
      g_assert_cmpint (entry->next_start, ==, days_from_now (expected[i].next_days));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  seances_test_init_french ();

  for (guint i = 0; i < G_N_ELEMENTS (judge_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/rebook/judge/%s", judge_cases[i].name);

      g_test_add_data_func (path, &judge_cases[i], test_judge);
    }
  g_test_add_func ("/rebook/list", test_list);

  return g_test_run ();
}
