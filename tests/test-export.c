/* test-export.c — the portability export: all rows, readable spellings, private and whole
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sys/stat.h>

#include "seances-demo.h"
#include "seances-export.h"
#include "seances-time.h"
#include "seances-test.h"

typedef struct
{
  SeancesDatabase *database;
  char            *folder;
  char            *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *db_path = g_build_filename (g_get_user_data_dir (), "seances.db", NULL);
  g_autoptr(SeancesKey) key = seances_key_new_random ();
  g_autoptr(GError) error = NULL;

  fixture->database = seances_database_create (db_path, key, &error);
  g_assert_no_error (error);
  fixture->folder = g_build_filename (g_get_user_cache_dir (), "exports", NULL);
  g_assert_cmpint (g_mkdir_with_parents (fixture->folder, 0700), ==, 0);
  fixture->path = g_build_filename (fixture->folder, "séances.json", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->database);
  g_free (fixture->folder);
  g_free (fixture->path);
}

static void
generate_small (Fixture *fixture)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GError) error = NULL;
  SeancesDemoOptions options;

  seances_demo_options_init (&options);
  options.n_clients = 20;
  options.years = 1;
  options.sessions_per_week = 12;
  g_assert_true (seances_time_from_local (tz, 2026, 11, 24, 14, 0, &options.now, &error));
  g_assert_true (seances_demo_generate (fixture->database, &options, &error));
  g_assert_no_error (error);
}

static gint64
count (Fixture    *fixture,
       const char *sql)
{
  g_autoptr(SeancesStatement) stmt = seances_database_prepare (fixture->database, sql, NULL);
  gboolean has_row = FALSE;

  g_assert_true (seances_database_step (fixture->database, stmt, &has_row, NULL));
  g_assert_true (has_row);
  return sqlite3_column_int64 (stmt, 0);
}

/* « 2026-11-24T14:00:00+01:00 », with the offset of Paris in winter or in summer. */
static void
assert_instant (JsonObject *object,
                const char *member,
                gboolean    nullable)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autoptr(GDateTime) parsed = NULL;
  const char *text;

  g_assert_nonnull (node);
  if (JSON_NODE_HOLDS_NULL (node))
    {
      g_assert_true (nullable);
      return;
    }
  text = json_node_get_string (node);
  g_assert_nonnull (text);
  g_assert_cmpuint (strlen (text), ==, 25);
  g_assert_true (g_str_has_suffix (text, "+01:00") || g_str_has_suffix (text, "+02:00"));
  parsed = g_date_time_new_from_iso8601 (text, NULL);
  g_assert_nonnull (parsed);
}

static gboolean
status_is_listed (const char *status)
{
  static const char * const listed[] = {
    "scheduled", "honoured", "cancelled_in_time", "cancelled_late", "no_show", "rescheduled",
  };

  for (guint i = 0; i < G_N_ELEMENTS (listed); i++)
    if (g_str_equal (status, listed[i]))
      return TRUE;
  return FALSE;
}

static void
assert_no_leftover (Fixture *fixture)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->folder, 0, NULL);
  const char *name;
  guint files = 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_assert_cmpstr (name, ==, "séances.json");
      files++;
    }
  g_assert_cmpuint (files, ==, 1);
}

static void
test_round_numbers (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *practice;
  JsonArray *clients, *series, *appointments;
  GStatBuf st;
  guint rescheduled = 0;

  generate_small (fixture);
  /* An older file of the same name is replaced whole. */
  g_assert_true (g_file_set_contents (fixture->path, "ancien", -1, &error));
  g_assert_true (seances_export_json (fixture->database, fixture->path, &error));
  g_assert_no_error (error);

  /* Readable by its owner only, and nothing left beside it. */
  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  assert_no_leftover (fixture);

  g_assert_true (json_parser_load_from_file (parser, fixture->path, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  g_assert_cmpint (json_object_get_int_member (root, "format_version"), ==, 1);
  assert_instant (root, "exported_at", FALSE);

  practice = json_object_get_object_member (root, "practice");
  g_assert_cmpstr (json_object_get_string_member (practice, "name"), ==, "Cabinet des Tilleuls");
  g_assert_cmpstr (json_object_get_string_member (practice, "time_zone"), ==, "Europe/Paris");
  g_assert_cmpint (json_object_get_int_member (practice, "default_fee_cents"), ==, 6000);
  assert_instant (practice, "created_at", FALSE);

  clients = json_object_get_array_member (root, "clients");
  series = json_object_get_array_member (root, "series");
  appointments = json_object_get_array_member (root, "appointments");
  g_assert_cmpint (json_array_get_length (clients), ==, count (fixture, "SELECT count(*) FROM client"));
  g_assert_cmpint (json_array_get_length (series), ==, count (fixture, "SELECT count(*) FROM series"));
  g_assert_cmpint (json_array_get_length (appointments), ==, count (fixture, "SELECT count(*) FROM appointment"));
  g_assert_cmpint (json_array_get_length (appointments), >, 300);

  for (guint i = 0; i < json_array_get_length (clients); i++)
    {
      JsonObject *client = json_array_get_object_element (clients, i);

      g_assert_cmpint (json_object_get_int_member (client, "id"), >, 0);
      g_assert_nonnull (json_object_get_string_member (client, "last_name"));
      g_assert_false (json_object_has_member (client, "search_key"));
      assert_instant (client, "created_at", FALSE);
      assert_instant (client, "inactive_at", TRUE);
    }

  for (guint i = 0; i < json_array_get_length (appointments); i++)
    {
      JsonObject *appointment = json_array_get_object_element (appointments, i);
      const char *status = json_object_get_string_member (appointment, "status");

      g_assert_true (status_is_listed (status));
      g_assert_cmpint (json_object_get_int_member (appointment, "client_id"), >, 0);
      g_assert_true (json_object_has_member (appointment, "series_id"));
      g_assert_cmpint (json_object_get_int_member (appointment, "fee_cents"), >=, 5000);
      g_assert_true (g_str_equal (json_object_get_string_member (appointment, "place"), "office") ||
                     g_str_equal (json_object_get_string_member (appointment, "place"), "video"));
      assert_instant (appointment, "start", FALSE);
      assert_instant (appointment, "end", FALSE);
      assert_instant (appointment, "status_at", TRUE);
      assert_instant (appointment, "cancelled_at", TRUE);
      if (g_str_equal (status, "rescheduled"))
        {
          g_assert_cmpint (json_object_get_int_member (appointment, "rescheduled_to"), >, 0);
          rescheduled++;
        }
      else
        g_assert_true (json_object_get_null_member (appointment, "rescheduled_to"));
    }
  g_assert_cmpuint (rescheduled, ==, count (fixture, "SELECT count(*) FROM appointment WHERE status = 'rescheduled'"));
}

/* A session at 14:00 in winter and in summer keeps its local time and its offset. */
static void
test_offsets (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *appointments;

  g_assert_true (seances_database_exec (fixture->database,
                                        "INSERT INTO client (id, first_name, last_name, email, search_key,"
                                        " sort_key, created_at, updated_at) VALUES (1, 'Zoé', 'Roux',"
                                        " 'zoe@exemple.fr', 'zoe roux', 'roux zoe', 0, 0);"
                                        /* 24 November and 23 June 2026, 14:00 in Paris */
                                        "INSERT INTO appointment (client_id, start_at, end_at, created_at)"
                                        " VALUES (1, 1795525200, 1795528200, 0), (1, 1782216000, 1782219000, 0)",
                                        &error));
  g_assert_true (seances_export_json (fixture->database, fixture->path, &error));
  g_assert_no_error (error);

  g_assert_true (json_parser_load_from_file (parser, fixture->path, &error));
  appointments = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                               "appointments");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (appointments, 0), "start"),
                   ==, "2026-11-24T14:00:00+01:00");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (appointments, 1), "start"),
                   ==, "2026-06-23T14:00:00+02:00");
  /* No practice yet: said so, in Paris time. */
  g_assert_true (json_object_get_null_member (json_node_get_object (json_parser_get_root (parser)),
                                              "practice"));
}

/* A folder that cannot be written: one French sentence, and nothing left behind. */
static void
test_unwritable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "absent", "export.json", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (seances_export_json (fixture->database, path, &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_setenv ("TZ", "Europe/Paris", TRUE);
  seances_test_init_french ();

  g_test_add ("/export/round-numbers", Fixture, NULL, fixture_set_up, test_round_numbers, fixture_tear_down);
  g_test_add ("/export/offsets", Fixture, NULL, fixture_set_up, test_offsets, fixture_tear_down);
  g_test_add ("/export/unwritable", Fixture, NULL, fixture_set_up, test_unwritable, fixture_tear_down);

  return g_test_run ();
}
