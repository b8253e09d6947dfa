/* test-context.c — what views are handed: made only when the data can be read, one
 * practice for its life
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "seances-context.h"
#include "seances-database-private.h"
#include "seances-test.h"

typedef struct
{
  SeancesDatabase *database;
  SeancesContext  *context;
} Fixture;

static SeancesDatabase *
create_database (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "seances.db", NULL);
  g_autoptr(SeancesKey) key = seances_key_new_random ();
  g_autoptr(GError) error = NULL;
  SeancesDatabase *database = seances_database_create (path, key, &error);

  g_assert_no_error (error);
  return database;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SeancesPractice) practice = g_object_new (SEANCES_TYPE_PRACTICE,
                                                      "name", "Cabinet Les Tilleuls",
                                                      "practitioner", "Claire Martin",
                                                      "phone", "04 78 00 00 00",
                                                      NULL);
  g_autoptr(GError) error = NULL;

  fixture->database = create_database ();
  g_assert_true (seances_practice_save (fixture->database, practice, g_get_real_time () / G_USEC_PER_SEC, &error));
  g_assert_no_error (error);
  fixture->context = seances_context_new (fixture->database, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->context);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->context);
  g_assert_finalize_object (fixture->database);
}

/* What a damaged or foreign file may lack: the context is not made, and says so. */
typedef struct
{
  const char *path;
  const char *sql;
} UnreadableCase;

static const UnreadableCase unreadable_cases[] = {
  { "/context/unreadable/no-client-table", "DROP TABLE client" },
  { "/context/unreadable/no-practice-table", "DROP TABLE practice" },
  { "/context/unreadable/practice-column", "ALTER TABLE practice RENAME COLUMN video_link TO visio" },
  { "/context/unreadable/client-column", "ALTER TABLE client RENAME COLUMN search_key TO cle" },
};

static void
test_unreadable (gconstpointer data)
{
  const UnreadableCase *row = data;
  g_autoptr(SeancesDatabase) database = create_database ();
  g_autoptr(SeancesContext) context = NULL;
  g_autoptr(GError) error = NULL;

  seances_test_save_practice (database);
  g_assert_true (seances_database_exec (database, row->sql, &error));
  g_assert_no_error (error);

  context = seances_context_new (database, &error);
  g_assert_null (context);
  g_assert_error (error, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_DAMAGED);
  g_assert_cmpstr (error->message, ==, "Les données du cabinet ne peuvent pas être lues\xc2\xa0: "
                                       "restaurez une sauvegarde.");
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

/* Before the practice is created, the context has one with the defaults; the first save
 * fills that same object. */
static void
test_first_run (void)
{
  g_autoptr(SeancesDatabase) database = create_database ();
  g_autoptr(SeancesContext) context = NULL;
  g_autoptr(SeancesPractice) typed = g_object_new (SEANCES_TYPE_PRACTICE,
                                                   "name", "Cabinet Les Tilleuls",
                                                   "practitioner", "Claire Martin",
                                                   "time-zone", "Europe/Brussels",
                                                   NULL);
  g_autoptr(GError) error = NULL;
  SeancesPractice *practice;
  guint created = 0;

  context = seances_context_new (database, &error);
  g_assert_no_error (error);
  g_assert_false (seances_context_has_practice (context));
  practice = seances_context_get_practice (context);
  g_assert_nonnull (practice);
  g_assert_cmpstr (seances_practice_get_time_zone (practice), ==, "Europe/Paris");
  g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (seances_context_get_clients (context))), ==, 0);

  g_signal_connect (context, "notify::has-practice", G_CALLBACK (count_cb), &created);
  g_assert_true (seances_context_save_practice (context, typed, &error));
  g_assert_no_error (error);
  g_assert_true (seances_context_has_practice (context));
  g_assert_cmpuint (created, ==, 1);
  g_assert_true (seances_context_get_practice (context) == practice);
  g_assert_cmpstr (seances_practice_get_name (practice), ==, "Cabinet Les Tilleuls");
  g_assert_cmpstr (g_time_zone_get_identifier (seances_context_get_time_zone (context)), ==, "Europe/Brussels");
}

static void
practice_changed_cb (SeancesContext *context,
                     guint          *count)
{
  (*count)++;
}

typedef void (*Edit) (SeancesPractice *practice);

static void edit_nothing (SeancesPractice *p) { }
static void edit_name (SeancesPractice *p) { seances_practice_set_name (p, "Cabinet des Lilas"); }
static void edit_name_spaced (SeancesPractice *p) { seances_practice_set_name (p, "  Cabinet Les Tilleuls "); }
static void edit_phone_typed (SeancesPractice *p) { seances_practice_set_phone (p, "04.78.00.00.00"); }
static void edit_zone (SeancesPractice *p) { seances_practice_set_time_zone (p, "America/Martinique"); }
static void edit_buffer (SeancesPractice *p) { seances_practice_set_buffer_minutes (p, 15); }
static void edit_words (SeancesPractice *p) { seances_practice_set_vocabulary (p, SEANCES_VOCABULARY_CLIENT);
                                              seances_practice_set_field (p, SEANCES_FIELD_COACHING); }
static void edit_invalid (SeancesPractice *p) { seances_practice_set_name (p, "Cabinet des Lilas");
                                                seances_practice_set_practitioner (p, " "); }

typedef struct
{
  const char *path;
  Edit        edit;
  gboolean    saved;
  const char *notified;     /* the practice's properties that notify, by name */
  const char *time_zone;    /* the context's and the agenda's, after */
  int         buffer;       /* the agenda's break, after */
} SaveCase;

static const SaveCase save_cases[] = {
  { "/context/save/nothing", edit_nothing, TRUE, "", "Europe/Paris", 10 },
  { "/context/save/name", edit_name, TRUE, "name", "Europe/Paris", 10 },
  { "/context/save/name-spaced", edit_name_spaced, TRUE, "", "Europe/Paris", 10 },
  { "/context/save/phone-typed", edit_phone_typed, TRUE, "", "Europe/Paris", 10 },
  { "/context/save/time-zone", edit_zone, TRUE, "time-zone", "America/Martinique", 10 },
  { "/context/save/buffer", edit_buffer, TRUE, "buffer-minutes", "Europe/Paris", 15 },
  { "/context/save/words", edit_words, TRUE, "field vocabulary", "Europe/Paris", 10 },
  { "/context/save/invalid", edit_invalid, FALSE, "", "Europe/Paris", 10 },
};

typedef struct
{
  SeancesContext *context;
  GPtrArray      *names;
  char           *zone_seen;  /* the context's time zone when the practice's notified */
} Heard;

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* In alphabetical order: GLib does not promise the order in which a thaw lets the
 * notifications go. */
static char *
join_sorted (GPtrArray *names)
{
  GString *joined = g_string_new (NULL);

  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (joined, "%s%s", i > 0 ? " " : "", (const char *) names->pdata[i]);
  return g_string_free (joined, FALSE);
}

static void
practice_notified_cb (SeancesPractice *practice,
                      GParamSpec      *pspec,
                      Heard           *heard)
{
  g_ptr_array_add (heard->names, (gpointer) pspec->name);
  if (g_str_equal (pspec->name, "time-zone"))
    heard->zone_seen = g_strdup (g_time_zone_get_identifier (seances_context_get_time_zone (heard->context)));
}

/* Saving an edited copy: only what changed notifies, on the one practice object, once
 * the agenda follows already; everyone bound stays bound. */
static void
test_save (Fixture       *fixture,
           gconstpointer  data)
{
  const SaveCase *row = data;
  SeancesPractice *practice = seances_context_get_practice (fixture->context);
  SeancesAppointmentStore *appointments = seances_context_get_appointments (fixture->context);
  g_autoptr(SeancesPractice) edited = seances_practice_copy (practice);
  g_autoptr(SeancesPractice) bound = seances_practice_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *notified = NULL;
  Heard heard = { fixture->context, names, NULL };
  guint changed = 0;

  g_object_bind_property (practice, "name", bound, "name", G_BINDING_SYNC_CREATE);
  g_signal_connect (practice, "notify", G_CALLBACK (practice_notified_cb), &heard);
  g_signal_connect (fixture->context, "practice-changed", G_CALLBACK (practice_changed_cb), &changed);

  row->edit (edited);
  g_assert_cmpint (seances_context_save_practice (fixture->context, edited, &error), ==, row->saved);
  if (row->saved)
    g_assert_no_error (error);
  else
    g_assert_error (error, SEANCES_PRACTICE_ERROR, SEANCES_PRACTICE_ERROR_INVALID);

  g_assert_true (seances_context_get_practice (fixture->context) == practice);
  notified = join_sorted (names);
  g_assert_cmpstr (notified, ==, row->notified);
  g_assert_cmpuint (changed, ==, row->saved ? 1 : 0);
  g_assert_cmpstr (g_time_zone_get_identifier (seances_context_get_time_zone (fixture->context)), ==, row->time_zone);
  g_assert_cmpstr (g_time_zone_get_identifier (seances_appointment_store_get_time_zone (appointments)), ==, row->time_zone);
  g_assert_cmpint (seances_appointment_store_get_buffer_minutes (appointments), ==, row->buffer);
  if (heard.zone_seen != NULL)
    g_assert_cmpstr (heard.zone_seen, ==, row->time_zone);
  g_assert_cmpstr (seances_practice_get_name (bound), ==, seances_practice_get_name (practice));
  g_assert_cmpstr (seances_practice_get_phone (practice), ==, "+33478000000");
  g_signal_handlers_disconnect_by_data (practice, &heard);
  g_free (heard.zone_seen);
}

/* What is booked is under the policy in force when it is booked; a change of the policy
 * applies from the next booking on, not to what was booked before. */
static void
test_books_under_current_policy (Fixture       *fixture,
                                 gconstpointer  data)
{
  SeancesPolicyStore *policies = seances_context_get_policies (fixture->context);
  SeancesAppointmentStore *appointments = seances_context_get_appointments (fixture->context);
  gint64 first = seances_policy_store_get_current (policies)->id;
  gint64 start = seances_context_get_now (fixture->context) + 24 * 3600;
  g_autoptr(SeancesAppointment) before = seances_appointment_new (0, start, start + 3000,
                                                                  SEANCES_PLACE_OFFICE, 6000);
  g_autoptr(SeancesAppointment) after = NULL;
  SeancesPolicyTerms terms = seances_policy_store_get_current (policies)->terms;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (seances_context_get_charges (fixture->context));
  g_assert_nonnull (seances_context_get_decisions (fixture->context));
  g_assert_true (seances_database_exec (seances_context_get_database (fixture->context),
    "INSERT INTO client (id, first_name, last_name, email, search_key, sort_key, created_at,"
    " updated_at) VALUES (1, 'Zoé', 'Aubigné', 'zoe@exemple.fr', 'zoe aubigne', 'aubigne zoe', 0, 0)",
    &error));
  g_assert_no_error (error);
  g_object_set (before, "client-id", (gint64) 1, NULL);
  g_assert_true (seances_appointment_store_create (appointments, before, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (seances_appointment_get_policy_version_id (before), ==, first);

  terms.notice_hours = 24;
  g_assert_true (seances_policy_store_save (policies, &terms, "Autre engagement", &error));
  g_assert_no_error (error);
  after = seances_appointment_new (1, start + 7200, start + 10200, SEANCES_PLACE_OFFICE, 6000);
  g_assert_true (seances_appointment_store_create (appointments, after, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (seances_appointment_get_policy_version_id (after), ==,
                   seances_policy_store_get_current (policies)->id);
  g_assert_cmpint (seances_appointment_get_policy_version_id (after), !=, first);
  g_assert_cmpint (seances_appointment_get_policy_version_id (before), ==, first);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  seances_test_init_french ();

  for (guint i = 0; i < G_N_ELEMENTS (unreadable_cases); i++)
    g_test_add_data_func (unreadable_cases[i].path, &unreadable_cases[i], test_unreadable);
  g_test_add_func ("/context/first-run", test_first_run);
  g_test_add ("/context/books-under-current-policy", Fixture, NULL, fixture_set_up,
              test_books_under_current_policy, fixture_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (save_cases); i++)
    g_test_add (save_cases[i].path, Fixture, &save_cases[i], fixture_set_up, test_save, fixture_tear_down);

  return g_test_run ();
}
