/* test-appointment-store.c — booking, conflicts, series, moving sessions, and the review's queries
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "seances-appointment-store.h"
#include "seances-database-private.h"
#include "seances-time.h"
#include "seances-test.h"

#define NBSP "\xc2\xa0"

typedef struct
{
  SeancesDatabase         *database;
  SeancesAppointmentStore *store;
  GTimeZone               *tz;
  guint                    changes;
  gint64                   changed_from;
  gint64                   changed_to;
} Fixture;

enum { HELENE = 1, MARC = 2 };

static void
store_changed_cb (SeancesAppointmentStore *store,
                  gint64                   from,
                  gint64                   to,
                  Fixture                 *fixture)
{
  fixture->changes++;
  fixture->changed_from = from;
  fixture->changed_to = to;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "seances.db", NULL);
  g_autoptr(SeancesKey) key = seances_key_new_random ();
  g_autoptr(GError) error = NULL;

  fixture->database = seances_database_create (path, key, &error);
  g_assert_no_error (error);
  /* The client store has its own tests: rows are enough here. */
  seances_database_exec (fixture->database,
                         "INSERT INTO client (id, first_name, last_name, email, phone, search_key,"
                         " sort_key, created_at, updated_at) VALUES"
                         " (1, 'Hélène', 'Durand', 'helene@example.fr', '', 'helene durand',"
                         "  'durand helene', 0, 0),"
                         " (2, 'Marc', 'Petit', '', '+33612345678', 'marc petit', 'petit marc', 0, 0)",
                         &error);
  g_assert_no_error (error);

  fixture->tz = g_time_zone_new_identifier ("Europe/Paris");
  fixture->store = seances_appointment_store_new (fixture->database, fixture->tz, 10);
  g_signal_connect (fixture->store, "changed", G_CALLBACK (store_changed_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
  g_assert_finalize_object (fixture->database);
  g_time_zone_unref (fixture->tz);
}

static gint64
paris (Fixture *fixture,
       int      year,
       int      month,
       int      day,
       int      hour,
       int      minute)
{
  g_autoptr(GError) error = NULL;
  gint64 instant = 0;

  g_assert_true (seances_time_from_local (fixture->tz, year, month, day, hour, minute, &instant,
                                          &error));
  return instant;
}

static SeancesAppointment *
draft_at (Fixture *fixture,
          gint64   client,
          int      month,
          int      day,
          int      hour,
          int      minute,
          int      minutes)
{
  gint64 start = paris (fixture, 2026, month, day, hour, minute);

  return seances_appointment_new (client, start, start + minutes * 60, SEANCES_PLACE_OFFICE, 6000);
}

static SeancesAppointment *
book (Fixture  *fixture,
      gint64    client,
      int       month,
      int       day,
      int       hour,
      int       minute,
      int       minutes,
      gboolean  allow_conflict)
{
  g_autoptr(SeancesAppointment) draft = draft_at (fixture, client, month, day, hour, minute, minutes);
  g_autoptr(GError) error = NULL;

  g_assert_true (seances_appointment_store_create (fixture->store, draft, allow_conflict, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&draft);
}

/* What became of a session, written as the decisions write it: this store only books
 * and moves. */
static void
set_status (Fixture                  *fixture,
            SeancesAppointment       *session,
            SeancesAppointmentStatus  status)
{
  g_autoptr(SeancesStatement) stmt = seances_database_prepare (fixture->database,
                                                               "UPDATE appointment SET status = ?2 WHERE id = ?1",
                                                               NULL);

  sqlite3_bind_int64 (stmt, 1, seances_appointment_get_id (session));
  sqlite3_bind_text (stmt, 2, seances_appointment_status_to_string (status), -1, SQLITE_STATIC);
  g_assert_true (seances_database_step (fixture->database, stmt, NULL, NULL));
}

static int
count_rows (Fixture    *fixture,
            const char *sql)
{
  g_autoptr(SeancesStatement) stmt = seances_database_prepare (fixture->database, sql, NULL);
  gboolean has_row;

  g_assert_true (seances_database_step (fixture->database, stmt, &has_row, NULL));
  return sqlite3_column_int (stmt, 0);
}

static SeancesAppointment *
reload (Fixture *fixture,
        gint64   id)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;

  for (gint64 client = HELENE; client <= MARC; client++)
    {
      all = seances_appointment_store_list_for_client (fixture->store, client, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < all->len; i++)
        if (seances_appointment_get_id (g_ptr_array_index (all, i)) == id)
          return g_object_ref (g_ptr_array_index (all, i));
      g_clear_pointer (&all, g_ptr_array_unref);
    }
  g_assert_not_reached ();
}

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(SeancesAppointment) draft = draft_at (fixture, HELENE, 11, 24, 14, 0, 50);
  g_autoptr(SeancesAppointment) earlier = NULL;
  g_autoptr(SeancesAppointment) stored = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  seances_appointment_set_place (draft, SEANCES_PLACE_VIDEO);
  seances_appointment_set_fee_cents (draft, 7000);
  g_assert_true (seances_appointment_store_create (fixture->store, draft, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (seances_appointment_get_id (draft), >, 0);
  g_assert_cmpuint (fixture->changes, ==, 1);
  g_assert_cmpint (fixture->changed_from, ==, paris (fixture, 2026, 11, 24, 14, 0));
  g_assert_cmpint (fixture->changed_to, ==, paris (fixture, 2026, 11, 24, 14, 50));

  earlier = book (fixture, HELENE, 11, 17, 14, 0, 50, FALSE);
  book (fixture, MARC, 11, 24, 16, 0, 50, FALSE);

  list = seances_appointment_store_list_for_client (fixture->store, HELENE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (seances_appointment_get_id (g_ptr_array_index (list, 0)), ==,
                   seances_appointment_get_id (earlier));

  stored = g_object_ref (g_ptr_array_index (list, 1));
  g_assert_cmpint (seances_appointment_get_id (stored), ==, seances_appointment_get_id (draft));
  g_assert_cmpint (seances_appointment_get_client_id (stored), ==, HELENE);
  g_assert_cmpint (seances_appointment_get_series_id (stored), ==, 0);
  g_assert_cmpint (seances_appointment_get_start (stored), ==, paris (fixture, 2026, 11, 24, 14, 0));
  g_assert_cmpint (seances_appointment_get_end (stored), ==, paris (fixture, 2026, 11, 24, 14, 50));
  g_assert_cmpint (seances_appointment_get_place (stored), ==, SEANCES_PLACE_VIDEO);
  g_assert_cmpint (seances_appointment_get_fee_cents (stored), ==, 7000);
  g_assert_cmpint (seances_appointment_get_status (stored), ==, SEANCES_APPOINTMENT_STATUS_SCHEDULED);
  g_assert_cmpint (seances_appointment_get_status_at (stored), ==, 0);
  g_assert_cmpint (seances_appointment_get_cancelled_at (stored), ==, 0);
  g_assert_cmpint (seances_appointment_get_rescheduled_to (stored), ==, 0);
}

typedef void (*Change) (SeancesAppointment *draft);

static void set_no_client (SeancesAppointment *a) { seances_appointment_set_client_id (a, 0); }
static void set_unknown_client (SeancesAppointment *a) { seances_appointment_set_client_id (a, 99); }
static void set_too_short (SeancesAppointment *a) { seances_appointment_set_end (a, seances_appointment_get_start (a) + 4 * 60); }
static void set_backwards (SeancesAppointment *a) { seances_appointment_set_end (a, seances_appointment_get_start (a) - 3600); }
static void set_too_long (SeancesAppointment *a) { seances_appointment_set_end (a, seances_appointment_get_start (a) + 9 * 3600); }
static void set_negative_fee (SeancesAppointment *a) { seances_appointment_set_fee_cents (a, -1); }

static void
test_create_invalid (Fixture       *fixture,
                     gconstpointer  data)
{
  static const struct {
    Change      change;
    GQuark    (*domain) (void);
    int         code;
    const char *message;
  } cases[] = {
    { set_no_client, seances_appointment_error_quark, SEANCES_APPOINTMENT_ERROR_INVALID,
      "Choisissez pour qui est la séance." },
    { set_unknown_client, seances_database_error_quark, SEANCES_DATABASE_ERROR_CONSTRAINT, NULL },
    { set_too_short, seances_appointment_error_quark, SEANCES_APPOINTMENT_ERROR_INVALID,
      "Une séance dure entre 5 minutes et 8 heures." },
    { set_backwards, seances_appointment_error_quark, SEANCES_APPOINTMENT_ERROR_INVALID,
      "Une séance dure entre 5 minutes et 8 heures." },
    { set_too_long, seances_appointment_error_quark, SEANCES_APPOINTMENT_ERROR_INVALID,
      "Une séance dure entre 5 minutes et 8 heures." },
    { set_negative_fee, seances_appointment_error_quark, SEANCES_APPOINTMENT_ERROR_INVALID,
      "Les honoraires doivent être compris entre 0 et 100\xe2\x80\xaf" "000" NBSP "€." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("cases[%u]", i);
      g_autoptr(SeancesAppointment) draft = draft_at (fixture, HELENE, 11, 24, 14, 0, 50);
      g_autoptr(GError) error = NULL;

      cases[i].change (draft);
      g_assert_false (seances_appointment_store_create (fixture->store, draft, FALSE, &error));
      g_assert_error (error, cases[i].domain (), cases[i].code);
      if (cases[i].message != NULL)
        g_assert_cmpstr (error->message, ==, cases[i].message);
      g_assert_cmpint (seances_appointment_get_id (draft), ==, 0);
    }

  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM appointment"), ==, 0);
  g_assert_cmpuint (fixture->changes, ==, 0);
}

/* A session on 24 November from 14:00 to 14:50; the practice keeps a break of 10 minutes. */
static void
test_conflict (Fixture       *fixture,
               gconstpointer  data)
{
  static const struct {
    int         hour;
    int         minute;
    int         minutes;
    int         buffer;
    gboolean    allow;
    const char *message;  /* NULL: booked */
  } cases[] = {
    { 14, 30, 50, 10, FALSE, "Cette séance chevauche celle de 14" NBSP "h" NBSP "00." },
    { 13, 30, 50, 0, FALSE, "Cette séance chevauche celle de 14" NBSP "h" NBSP "00." },
    { 14, 10, 20, 0, FALSE, "Cette séance chevauche celle de 14" NBSP "h" NBSP "00." },
    { 13, 0, 180, 0, FALSE, "Cette séance chevauche celle de 14" NBSP "h" NBSP "00." },
    { 14, 55, 50, 10, FALSE,
      "Cette séance est trop proche de celle de 14" NBSP "h" NBSP "00" NBSP
      ": gardez 10 minutes de pause." },
    { 13, 5, 50, 10, FALSE,
      "Cette séance est trop proche de celle de 14" NBSP "h" NBSP "00" NBSP
      ": gardez 10 minutes de pause." },
    { 14, 50, 50, 1, FALSE,
      "Cette séance est trop proche de celle de 14" NBSP "h" NBSP "00" NBSP
      ": gardez 1 minute de pause." },
    { 14, 50, 50, 0, FALSE, NULL },   /* exactly adjacent, no break */
    { 13, 10, 50, 0, FALSE, NULL },   /* ends when the other starts */
    { 15, 0, 50, 10, FALSE, NULL },   /* exactly the break */
    { 13, 0, 50, 10, FALSE, NULL },
    { 16, 10, 30, 10, FALSE, NULL },  /* over a cancelled session */
    { 14, 10, 30, 10, TRUE, NULL },   /* confirmed by the practitioner */
  };
  g_autoptr(SeancesAppointment) existing = book (fixture, MARC, 11, 24, 14, 0, 50, FALSE);
  g_autoptr(SeancesAppointment) cancelled = book (fixture, MARC, 11, 24, 16, 0, 50, FALSE);
  g_autoptr(GError) error = NULL;

  set_status (fixture, cancelled, SEANCES_APPOINTMENT_STATUS_CANCELLED_IN_TIME);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("cases[%u]", i);
      g_autoptr(SeancesAppointment) draft = NULL;
      gboolean booked;

      draft = draft_at (fixture, HELENE, 11, 24, cases[i].hour, cases[i].minute, cases[i].minutes);
      seances_appointment_store_set_buffer_minutes (fixture->store, cases[i].buffer);
      fixture->changes = 0;

      booked = seances_appointment_store_create (fixture->store, draft, cases[i].allow, &error);
      g_assert_cmpint (booked, ==, cases[i].message == NULL);
      g_assert_cmpuint (fixture->changes, ==, booked ? 1 : 0);
      if (booked)
        {
          g_assert_no_error (error);
          /* Out of the way of the next case. */
          set_status (fixture, draft, SEANCES_APPOINTMENT_STATUS_CANCELLED_IN_TIME);
        }
      else
        {
          g_assert_error (error, SEANCES_APPOINTMENT_ERROR, SEANCES_APPOINTMENT_ERROR_CONFLICT);
          g_assert_cmpstr (error->message, ==, cases[i].message);
          g_assert_cmpint (seances_appointment_get_id (draft), ==, 0);
          g_clear_error (&error);
        }
    }
}

static void
test_find_conflicts (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(SeancesAppointment) scheduled = book (fixture, MARC, 11, 24, 14, 0, 50, FALSE);
  g_autoptr(SeancesAppointment) honoured = draft_at (fixture, HELENE, 11, 24, 15, 0, 50);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = paris (fixture, 2026, 11, 24, 14, 30);

  seances_appointment_set_status (honoured, SEANCES_APPOINTMENT_STATUS_HONOURED);
  g_assert_true (seances_appointment_store_create (fixture->store, honoured, FALSE, &error));
  g_assert_no_error (error);

  found = seances_appointment_store_find_conflicts (fixture->store, start, start + 50 * 60, 0, 0,
                                                    &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 2);
  g_assert_cmpint (seances_appointment_get_id (g_ptr_array_index (found, 0)), ==,
                   seances_appointment_get_id (scheduled));
  g_assert_cmpint (seances_appointment_get_id (g_ptr_array_index (found, 1)), ==,
                   seances_appointment_get_id (honoured));
  g_clear_pointer (&found, g_ptr_array_unref);

  found = seances_appointment_store_find_conflicts (fixture->store, start, start + 50 * 60, 0,
                                                    seances_appointment_get_id (scheduled), &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (seances_appointment_get_id (g_ptr_array_index (found, 0)), ==,
                   seances_appointment_get_id (honoured));
  g_clear_pointer (&found, g_ptr_array_unref);

  /* From 16:00, the honoured session ended at 15:50: only a break of 15 minutes reaches it. */
  start = paris (fixture, 2026, 11, 24, 16, 0);
  found = seances_appointment_store_find_conflicts (fixture->store, start, start + 3000, 10, 0, &error);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = seances_appointment_store_find_conflicts (fixture->store, start, start + 3000, 15, 0, &error);
  g_assert_cmpuint (found->len, ==, 1);
}

static char *
describe (Fixture   *fixture,
          GPtrArray *sessions)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < sessions->len; i++)
    {
      SeancesAppointment *session = g_ptr_array_index (sessions, i);
      g_autoptr(GDateTime) local = seances_time_to_local (fixture->tz,
                                                          seances_appointment_get_start (session));
      g_autofree char *one = g_date_time_format (local, "%Y-%m-%d %H:%M");

      g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", one);
    }
  return g_string_free (text, FALSE);
}

static void
test_series (Fixture       *fixture,
             gconstpointer  data)
{
  static const struct {
    int         day;       /* in October 2026, 14:00 */
    int         interval;
    int         count;
    int         until_month;
    int         until_day; /* 0: use count */
    const char *expected;
  } cases[] = {
    { 20, 1, 3, 0, 0, "2026-10-20 14:00, 2026-10-27 14:00, 2026-11-03 14:00" },
    { 6, 2, 0, 11, 17, "2026-10-06 14:00, 2026-10-20 14:00, 2026-11-03 14:00, 2026-11-17 14:00" },
    { 8, 4, 0, 11, 5, "2026-10-08 14:00, 2026-11-05 14:00" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("cases[%u]", i);
      g_autoptr(SeancesAppointment) draft = draft_at (fixture, HELENE, 10, cases[i].day, 14, 0, 50);
      g_autoptr(GPtrArray) created = NULL;
      g_autoptr(GPtrArray) stored = NULL;
      g_autoptr(GDate) until = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      SeancesAppointment *last;
      gint64 series_id;

      if (cases[i].until_day != 0)
        until = g_date_new_dmy (cases[i].until_day, cases[i].until_month, 2026);
      fixture->changes = 0;

      g_assert_true (seances_appointment_store_create_series (fixture->store, draft, cases[i].interval,
                                                              cases[i].count, until, FALSE,
                                                              &created, &error));
      g_assert_no_error (error);
      text = describe (fixture, created);
      g_assert_cmpstr (text, ==, cases[i].expected);

      series_id = seances_appointment_get_series_id (g_ptr_array_index (created, 0));
      g_assert_cmpint (series_id, >, 0);
      for (guint j = 0; j < created->len; j++)
        {
          SeancesAppointment *session = g_ptr_array_index (created, j);

          g_assert_cmpint (seances_appointment_get_id (session), >, 0);
          g_assert_cmpint (seances_appointment_get_series_id (session), ==, series_id);
          g_assert_cmpint (seances_appointment_get_end (session) - seances_appointment_get_start (session),
                           ==, 50 * 60);
        }

      last = g_ptr_array_index (created, created->len - 1);
      g_assert_cmpuint (fixture->changes, ==, 1);
      g_assert_cmpint (fixture->changed_from, ==,
                       seances_appointment_get_start (g_ptr_array_index (created, 0)));
      g_assert_cmpint (fixture->changed_to, ==, seances_appointment_get_end (last));
      g_assert_cmpint (seances_appointment_get_id (draft), ==, 0);

      /* What was stored is what was returned. */
      stored = seances_appointment_store_list_range (fixture->store,
                                                     seances_appointment_get_start (g_ptr_array_index (created, 0)),
                                                     seances_appointment_get_end (last), &error);
      g_assert_no_error (error);
      g_clear_pointer (&text, g_free);
      text = describe (fixture, stored);
      g_assert_cmpstr (text, ==, cases[i].expected);

      /* Out of the way of the next case. */
      g_assert_true (seances_database_exec (fixture->database, "DELETE FROM appointment", NULL));
    }

  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM series"), ==, 3);
  g_assert_cmpint (count_rows (fixture, "SELECT interval_weeks FROM series WHERE id = 2"), ==, 2);
}

/* One occurrence in the way refuses the whole series, naming its day. */
static void
test_series_rollback (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(SeancesAppointment) in_the_way = book (fixture, MARC, 11, 17, 14, 20, 50, FALSE);
  g_autoptr(SeancesAppointment) draft = draft_at (fixture, HELENE, 11, 3, 14, 0, 50);
  g_autoptr(SeancesAppointment) at_night = draft_at (fixture, HELENE, 3, 22, 2, 30, 50);
  g_autoptr(GPtrArray) created = NULL;
  g_autoptr(GError) error = NULL;

  fixture->changes = 0;
  g_assert_false (seances_appointment_store_create_series (fixture->store, draft, 1, 4, NULL, FALSE,
                                                           &created, &error));
  g_assert_error (error, SEANCES_APPOINTMENT_ERROR, SEANCES_APPOINTMENT_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==,
                   "La séance du mardi 17 novembre à 14" NBSP "h" NBSP "00 chevauche celle de 14"
                   NBSP "h" NBSP "20.");
  g_assert_null (created);
  g_clear_error (&error);

  /* A break, not an overlap: 14:20 is too close to a session ending at 14:10. */
  seances_appointment_store_set_buffer_minutes (fixture->store, 15);
  seances_appointment_set_start (draft, paris (fixture, 2026, 11, 3, 13, 20));
  seances_appointment_set_end (draft, paris (fixture, 2026, 11, 3, 14, 10));
  g_assert_false (seances_appointment_store_create_series (fixture->store, draft, 1, 4, NULL, FALSE,
                                                           &created, &error));
  g_assert_cmpstr (error->message, ==,
                   "La séance du mardi 17 novembre à 13" NBSP "h" NBSP "20 est trop proche de celle de 14"
                   NBSP "h" NBSP "20" NBSP ": gardez 15 minutes de pause.");
  g_clear_error (&error);

  /* Sunday 29 March has no 02:30. */
  g_assert_false (seances_appointment_store_create_series (fixture->store, at_night, 1, 3, NULL, FALSE,
                                                           &created, &error));
  g_assert_error (error, SEANCES_TIME_ERROR, SEANCES_TIME_ERROR_NONEXISTENT);
  g_clear_error (&error);

  g_assert_cmpuint (fixture->changes, ==, 0);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM appointment"), ==, 1);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM series"), ==, 0);

  /* Confirmed by the practitioner, the whole series is booked. */
  seances_appointment_store_set_buffer_minutes (fixture->store, 10);
  g_assert_true (seances_appointment_store_create_series (fixture->store, draft, 1, 4, NULL, TRUE,
                                                          &created, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (created->len, ==, 4);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM appointment"), ==, 5);
}

static void
test_move (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(SeancesAppointment) draft = draft_at (fixture, HELENE, 11, 24, 14, 0, 50);
  g_autoptr(SeancesAppointment) moved = NULL;
  g_autoptr(SeancesAppointment) again = NULL;
  g_autoptr(SeancesAppointment) old_row = NULL;
  g_autoptr(GPtrArray) series = NULL;
  g_autoptr(GError) error = NULL;
  SeancesAppointment *first;
  gint64 new_start = paris (fixture, 2026, 11, 26, 10, 0);
  gint64 before = g_get_real_time () / G_USEC_PER_SEC;

  seances_appointment_set_place (draft, SEANCES_PLACE_VIDEO);
  seances_appointment_set_fee_cents (draft, 7000);
  g_assert_true (seances_appointment_store_create_series (fixture->store, draft, 1, 2, NULL, FALSE,
                                                          &series, &error));
  first = g_ptr_array_index (series, 0);
  fixture->changes = 0;

  g_assert_true (seances_appointment_store_move (fixture->store, first, new_start,
                                                 new_start + 50 * 60, FALSE, &moved, &error));
  g_assert_no_error (error);

  /* The new session copies the old one's client, place, fee and series. */
  g_assert_cmpint (seances_appointment_get_id (moved), >, seances_appointment_get_id (first));
  g_assert_cmpint (seances_appointment_get_client_id (moved), ==, HELENE);
  g_assert_cmpint (seances_appointment_get_place (moved), ==, SEANCES_PLACE_VIDEO);
  g_assert_cmpint (seances_appointment_get_fee_cents (moved), ==, 7000);
  g_assert_cmpint (seances_appointment_get_series_id (moved), ==,
                   seances_appointment_get_series_id (first));
  g_assert_cmpint (seances_appointment_get_status (moved), ==, SEANCES_APPOINTMENT_STATUS_SCHEDULED);
  g_assert_cmpint (seances_appointment_get_start (moved), ==, new_start);
  g_assert_cmpint (seances_appointment_get_end (moved), ==, new_start + 50 * 60);

  /* The old one keeps its slot in the history and points to the new one. */
  g_assert_cmpint (seances_appointment_get_status (first), ==, SEANCES_APPOINTMENT_STATUS_RESCHEDULED);
  g_assert_cmpint (seances_appointment_get_rescheduled_to (first), ==, seances_appointment_get_id (moved));
  g_assert_cmpint (seances_appointment_get_status_at (first), >=, before);
  old_row = reload (fixture, seances_appointment_get_id (first));
  g_assert_cmpint (seances_appointment_get_status (old_row), ==, SEANCES_APPOINTMENT_STATUS_RESCHEDULED);
  g_assert_cmpint (seances_appointment_get_rescheduled_to (old_row), ==, seances_appointment_get_id (moved));
  g_assert_cmpint (seances_appointment_get_status_at (old_row), ==, seances_appointment_get_status_at (first));
  g_assert_cmpint (seances_appointment_get_start (old_row), ==, paris (fixture, 2026, 11, 24, 14, 0));

  g_assert_cmpuint (fixture->changes, ==, 1);
  g_assert_cmpint (fixture->changed_from, ==, paris (fixture, 2026, 11, 24, 14, 0));
  g_assert_cmpint (fixture->changed_to, ==, new_start + 50 * 60);

  /* A session already moved cannot move again. */
  g_assert_false (seances_appointment_store_move (fixture->store, first, new_start + 3600,
                                                  new_start + 2 * 3600, FALSE, &again, &error));
  g_assert_error (error, SEANCES_APPOINTMENT_ERROR, SEANCES_APPOINTMENT_ERROR_NOT_SCHEDULED);
  g_assert_cmpstr (error->message, ==,
                   "Cette séance ne peut plus être reportée" NBSP ": elle a déjà été annulée, "
                   "reportée ou clôturée.");
  g_assert_null (again);
  g_clear_error (&error);

  /* Into the next session of the series: refused, nothing changes. */
  fixture->changes = 0;
  g_assert_false (seances_appointment_store_move (fixture->store, moved,
                                                  paris (fixture, 2026, 12, 1, 14, 30),
                                                  paris (fixture, 2026, 12, 1, 15, 20), FALSE,
                                                  &again, &error));
  g_assert_error (error, SEANCES_APPOINTMENT_ERROR, SEANCES_APPOINTMENT_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, "Cette séance chevauche celle de 14" NBSP "h" NBSP "00.");
  g_clear_error (&error);
  g_assert_cmpint (seances_appointment_get_status (moved), ==, SEANCES_APPOINTMENT_STATUS_SCHEDULED);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM appointment"), ==, 3);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM appointment WHERE status = 'scheduled'"),
                   ==, 2);
  g_assert_cmpuint (fixture->changes, ==, 0);

  /* Twenty minutes later overlaps only its own old slot: that is no conflict. */
  g_assert_true (seances_appointment_store_move (fixture->store, moved, new_start + 20 * 60,
                                                 new_start + 70 * 60, FALSE, &again, &error));
  g_assert_no_error (error);
  g_assert_cmpint (seances_appointment_get_rescheduled_to (moved), ==, seances_appointment_get_id (again));
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM appointment"), ==, 4);
}

/* The agenda's week: every session overlapping Monday 00:00 to the next Monday 00:00. */
static void
test_range (Fixture       *fixture,
            gconstpointer  data)
{
  static const struct {
    int         month;
    int         day;
    int         hour;
    int         minute;
    int         minutes;
    gboolean    cancel;
    gboolean    in_week;
  } cases[] = {
    { 11, 29, 23, 10, 50, FALSE, TRUE },   /* ends exactly at the next Monday 00:00 */
    { 11, 22, 23, 0, 50, FALSE, FALSE },   /* the Sunday before */
    { 11, 22, 23, 30, 50, FALSE, TRUE },   /* runs over into Monday */
    { 11, 23, 0, 0, 50, FALSE, TRUE },
    { 11, 30, 0, 0, 50, FALSE, FALSE },    /* the next Monday */
    { 11, 25, 10, 0, 50, TRUE, TRUE },     /* cancelled sessions are listed too */
    { 11, 25, 9, 0, 50, FALSE, TRUE },
    { 11, 16, 9, 0, 50, FALSE, FALSE },
    { 12, 1, 9, 0, 50, FALSE, FALSE },
    /* The week the clocks go back: Sunday 23:00 is in, the next Monday 00:00 out. */
    { 10, 25, 23, 0, 50, FALSE, FALSE },
    { 10, 26, 0, 0, 50, FALSE, FALSE },
  };
  g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) expected_october = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) week = NULL;
  g_autoptr(GError) error = NULL;
  gint64 monday;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("cases[%u]", i);
      g_autoptr(SeancesAppointment) session = book (fixture, i % 2 ? HELENE : MARC, cases[i].month,
                                                    cases[i].day, cases[i].hour, cases[i].minute,
                                                    cases[i].minutes, TRUE);
      gint64 id = seances_appointment_get_id (session);

      if (cases[i].cancel)
        set_status (fixture, session, SEANCES_APPOINTMENT_STATUS_CANCELLED_IN_TIME);
      if (cases[i].in_week)
        g_array_append_val (expected, id);
      if (cases[i].month == 10 && cases[i].day == 25)
        g_array_append_val (expected_october, id);
    }

  monday = seances_time_week_start (fixture->tz, paris (fixture, 2026, 11, 25, 12, 0));
  g_assert_cmpint (monday, ==, paris (fixture, 2026, 11, 23, 0, 0));
  week = seances_appointment_store_list_range (fixture->store, monday,
                                               seances_time_add_days_local (fixture->tz, monday, 7),
                                               &error);
  g_assert_no_error (error);
  g_assert_cmpuint (week->len, ==, expected->len);
  /* In order of start: the Sunday-night session first, then Monday 00:00, 09:00, 10:00, Sunday. */
  {
    static const guint order[] = { 1, 2, 4, 3, 0 };

    for (guint i = 0; i < week->len; i++)
      g_assert_cmpint (seances_appointment_get_id (g_ptr_array_index (week, i)), ==,
                       g_array_index (expected, gint64, order[i]));
  }
  g_clear_pointer (&week, g_ptr_array_unref);

  monday = seances_time_week_start (fixture->tz, paris (fixture, 2026, 10, 21, 12, 0));
  week = seances_appointment_store_list_range (fixture->store, monday,
                                               seances_time_add_days_local (fixture->tz, monday, 7),
                                               &error);
  g_assert_no_error (error);
  g_assert_cmpuint (week->len, ==, 1);
  g_assert_cmpint (seances_appointment_get_id (g_ptr_array_index (week, 0)), ==,
                   g_array_index (expected_october, gint64, 0));
}

/* What a client's page reads: every session from now on and only the latest before,
 * with how many there are before; another client's sessions never come in. */
static void
test_recent_for_client (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(SeancesAppointment) draft = draft_at (fixture, HELENE, 1, 6, 10, 0, 50);
  g_autoptr(SeancesAppointment) other = draft_at (fixture, MARC, 1, 6, 11, 0, 50);
  g_autoptr(GPtrArray) recent = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = paris (fixture, 2026, 7, 1, 12, 0);
  guint n_earlier = 0;

  /* Weekly from Tuesday 6 January: 30 sessions, 26 before 1 July (the last on 30 June)
   * and 4 after it. */
  g_assert_true (seances_appointment_store_create_series (fixture->store, draft, 1, 30, NULL, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (seances_appointment_store_create_series (fixture->store, other, 1, 30, NULL, FALSE, NULL, &error));
  g_assert_no_error (error);

  recent = seances_appointment_store_list_recent_for_client (fixture->store, HELENE, now, 20, &n_earlier, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_earlier, ==, 26);
  g_assert_cmpuint (recent->len, ==, 20 + 4);
  for (guint i = 0; i < recent->len; i++)
    {
      SeancesAppointment *appointment = g_ptr_array_index (recent, i);

      g_assert_cmpint (seances_appointment_get_client_id (appointment), ==, HELENE);
      if (i > 0)
        g_assert_cmpint (seances_appointment_get_start (g_ptr_array_index (recent, i - 1)), <,
                         seances_appointment_get_start (appointment));
    }
  /* The earliest shown is the seventh session: 17 February. */
  g_assert_cmpint (seances_appointment_get_start (g_ptr_array_index (recent, 0)), ==,
                   paris (fixture, 2026, 2, 17, 10, 0));
}

/* Each booking records the policy version in force; a moved session keeps the one it was
 * booked under, whatever is in force when it moves. */
static void
test_policy_version (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(SeancesAppointment) before = NULL;
  g_autoptr(SeancesAppointment) single = NULL;
  g_autoptr(SeancesAppointment) draft = draft_at (fixture, MARC, 12, 1, 9, 0, 50);
  g_autoptr(SeancesAppointment) moved = NULL;
  g_autoptr(SeancesAppointment) row = NULL;
  g_autoptr(GPtrArray) series = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (seances_database_exec (fixture->database,
    "INSERT INTO policy_version (id, notice_hours, late_kind, late_value, absence_kind, absence_value,"
    " grace_count, grace_months, flag_count, flag_months, commitment, created_at) VALUES"
    " (1, 48, 'full', 0, 'full', 0, 1, 12, 3, 12, 'Engagement', 0),"
    " (2, 24, 'full', 0, 'full', 0, 1, 12, 3, 12, 'Engagement', 0)", &error));
  g_assert_no_error (error);

  /* Before the store is told of any version, none is recorded (the first one applies). */
  before = book (fixture, HELENE, 11, 23, 9, 0, 50, FALSE);
  g_assert_cmpint (seances_appointment_get_policy_version_id (before), ==, 0);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM appointment WHERE policy_version_id IS NULL"), ==, 1);

  seances_appointment_store_set_policy_version (fixture->store, 1);
  single = book (fixture, HELENE, 11, 24, 14, 0, 50, FALSE);
  g_assert_cmpint (seances_appointment_get_policy_version_id (single), ==, 1);
  g_assert_true (seances_appointment_store_create_series (fixture->store, draft, 1, 3, NULL, FALSE, &series, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < series->len; i++)
    {
      g_test_message ("series[%u]", i);
      row = reload (fixture, seances_appointment_get_id (g_ptr_array_index (series, i)));
      g_assert_cmpint (seances_appointment_get_policy_version_id (row), ==, 1);
      g_clear_object (&row);
    }
  g_assert_cmpint (seances_appointment_get_policy_version_id (draft), ==, 0);

  /* The policy changes: what is booked now gets version 2, what moves keeps version 1. */
  seances_appointment_store_set_policy_version (fixture->store, 2);
  g_assert_true (seances_appointment_store_move (fixture->store, single,
                                                 paris (fixture, 2026, 11, 26, 14, 0),
                                                 paris (fixture, 2026, 11, 26, 14, 50), FALSE,
                                                 &moved, &error));
  g_assert_no_error (error);
  row = reload (fixture, seances_appointment_get_id (moved));
  g_assert_cmpint (seances_appointment_get_policy_version_id (row), ==, 1);
  g_clear_object (&row);
  g_clear_object (&single);
  single = book (fixture, MARC, 11, 27, 10, 0, 50, FALSE);
  row = reload (fixture, seances_appointment_get_id (single));
  g_assert_cmpint (seances_appointment_get_policy_version_id (row), ==, 2);
  g_assert_cmpint (seances_appointment_get_cancelled_by (row), ==, SEANCES_CANCELLED_BY_NONE);
}

/* The review at Tuesday 24 November 2026, 14:00: today's sessions in order, whatever
 * became of them, then the earlier ones still scheduled, the most recent day first. */
static void
test_review (Fixture       *fixture,
             gconstpointer  data)
{
  static const struct {
    int                      month;
    int                      day;
    int                      hour;
    int                      minute;
    SeancesAppointmentStatus status;
    int                      position;  /* in the review; -1: not in it */
    gboolean                 to_review;
  } cases[] = {
    { 11, 24, 16, 0, SEANCES_APPOINTMENT_STATUS_SCHEDULED, 4, FALSE },   /* later today */
    { 11, 24, 9, 0, SEANCES_APPOINTMENT_STATUS_HONOURED, 1, FALSE },     /* closed already */
    { 11, 24, 13, 30, SEANCES_APPOINTMENT_STATUS_SCHEDULED, 3, FALSE },  /* under way */
    { 11, 24, 12, 0, SEANCES_APPOINTMENT_STATUS_SCHEDULED, 2, TRUE },
    { 11, 24, 0, 0, SEANCES_APPOINTMENT_STATUS_NO_SHOW, 0, FALSE },      /* today's first, closed */
    { 11, 23, 15, 0, SEANCES_APPOINTMENT_STATUS_SCHEDULED, 6, TRUE },
    { 11, 23, 10, 0, SEANCES_APPOINTMENT_STATUS_SCHEDULED, 5, TRUE },
    { 11, 23, 11, 0, SEANCES_APPOINTMENT_STATUS_HONOURED, -1, FALSE },
    { 11, 23, 23, 50, SEANCES_APPOINTMENT_STATUS_SCHEDULED, 7, TRUE },   /* ends today, started yesterday */
    { 11, 22, 18, 0, SEANCES_APPOINTMENT_STATUS_CANCELLED_IN_TIME, -1, FALSE },
    { 11, 3, 9, 0, SEANCES_APPOINTMENT_STATUS_SCHEDULED, 8, TRUE },      /* three weeks ago */
    { 10, 20, 8, 0, SEANCES_APPOINTMENT_STATUS_SCHEDULED, 10, TRUE },    /* before the clocks went back */
    { 10, 20, 7, 0, SEANCES_APPOINTMENT_STATUS_SCHEDULED, 9, TRUE },
    { 11, 25, 10, 0, SEANCES_APPOINTMENT_STATUS_SCHEDULED, -1, FALSE },  /* tomorrow */
  };
  gint64 expected[G_N_ELEMENTS (cases)] = { 0 };
  g_autoptr(GPtrArray) review = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = paris (fixture, 2026, 11, 24, 14, 0);
  guint n_review = 0;
  guint n_to_review = 0;
  guint counted = G_MAXUINT;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("cases[%u]", i);
      /* Booking in the past is allowed: such a session waits in the review. */
      g_autoptr(SeancesAppointment) session = book (fixture, i % 2 ? HELENE : MARC, cases[i].month,
                                                    cases[i].day, cases[i].hour, cases[i].minute,
                                                    50, TRUE);

      set_status (fixture, session, cases[i].status);
      if (cases[i].position >= 0)
        {
          expected[cases[i].position] = seances_appointment_get_id (session);
          n_review++;
        }
      n_to_review += cases[i].to_review;
    }

  review = seances_appointment_store_list_to_review (fixture->store, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (review->len, ==, n_review);
  for (guint i = 0; i < review->len; i++)
    {
      g_test_message ("review[%u]", i);
      g_assert_cmpint (seances_appointment_get_id (g_ptr_array_index (review, i)), ==, expected[i]);
    }

  g_assert_true (seances_appointment_store_count_to_review (fixture->store, now, &counted, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counted, ==, n_to_review);
}

typedef struct
{
  gint64                   client;
  int                      month;
  int                      day;
  SeancesAppointmentStatus status;
  gboolean                 has;
} AfterCase;

/* Whether a client has a next session booked after one held on Tuesday 24 November at
 * 10:00: only one of theirs, still scheduled, starting later counts. */
static void
test_scheduled_after (Fixture       *fixture,
                      gconstpointer  data)
{
  const AfterCase *row = data;
  g_autoptr(SeancesAppointment) held = book (fixture, HELENE, 11, 24, 10, 0, 50, FALSE);
  g_autoptr(SeancesAppointment) other = book (fixture, row->client, row->month, row->day, 10, 0, 50, TRUE);
  g_autoptr(GError) error = NULL;
  gboolean has = !row->has;

  set_status (fixture, other, row->status);

  g_assert_true (seances_appointment_store_has_scheduled_after (fixture->store, HELENE,
                                                                seances_appointment_get_start (held),
                                                                &has, &error));
  g_assert_no_error (error);
  g_assert_cmpint (has, ==, row->has);
}

static void
add_test (const char *path,
          void      (*test) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  seances_test_init_french ();

  add_test ("/appointment/create", test_create);
  add_test ("/appointment/create/invalid", test_create_invalid);
  add_test ("/appointment/conflict", test_conflict);
  add_test ("/appointment/conflict/find", test_find_conflicts);
  add_test ("/appointment/series", test_series);
  add_test ("/appointment/series/rollback", test_series_rollback);
  add_test ("/appointment/move", test_move);
  add_test ("/appointment/range", test_range);
  add_test ("/appointment/recent-for-client", test_recent_for_client);
  add_test ("/appointment/policy-version", test_policy_version);
  add_test ("/appointment/review", test_review);
  {
    static const AfterCase cases[] = {
      { HELENE, 12, 1, SEANCES_APPOINTMENT_STATUS_SCHEDULED, TRUE },
      { HELENE, 11, 24, SEANCES_APPOINTMENT_STATUS_SCHEDULED, FALSE },
      { HELENE, 11, 23, SEANCES_APPOINTMENT_STATUS_SCHEDULED, FALSE },
      { HELENE, 11, 26, SEANCES_APPOINTMENT_STATUS_CANCELLED_IN_TIME, FALSE },
      { HELENE, 11, 26, SEANCES_APPOINTMENT_STATUS_RESCHEDULED, FALSE },
      { MARC, 11, 26, SEANCES_APPOINTMENT_STATUS_SCHEDULED, FALSE },
    };
    static const char *names[] = { "next-week", "same-time", "day-before", "cancelled", "moved", "someone-else" };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *path = g_strdup_printf ("/appointment/scheduled-after/%s", names[i]);
        g_test_add (path, Fixture, &cases[i], fixture_set_up, test_scheduled_after, fixture_tear_down);
      }
  }

  return g_test_run ();
}
