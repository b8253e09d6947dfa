/* test-export.c — the portability export: all rows, readable spellings, private and whole
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/stat.h>

#include "seances-database-private.h"
#include "seances-demo.h"
#include "seances-export.h"
#include "seances-time.h"
#include "seances-test.h"

#define NBSP "\u00a0"

typedef struct
{
  SeancesDatabase *database;
  SeancesKey      *key;
  char            *database_path;
  char            *folder;
  char            *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* Where the application keeps it, so that an export can be pointed at it. */
  fixture->database_path = seances_database_default_path ();
  fixture->key = seances_key_new_random ();
  fixture->database = seances_database_create (fixture->database_path, fixture->key, &error);
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
  seances_key_free (fixture->key);
  g_free (fixture->database_path);
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
/* The policy's tables: their rows as stored, instants with their offset, a charge's
 * waived reason null or its spelling. */
static void
test_policy_tables (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  static const struct {
    const char *key;
    const char *table;
  } sections[] = {
    { "policy_versions", "policy_version" },
    { "acceptances", "policy_acceptance" },
    { "charges", "charge" },
    { "events", "appointment_event" },
  };
  JsonObject *root, *row;
  JsonArray *charges, *versions;

  generate_small (fixture);
  /* Rows of known content, in place of the demo's own. */
  g_assert_true (seances_database_exec (fixture->database,
    "DELETE FROM charge; DELETE FROM appointment_event; DELETE FROM policy_acceptance;"
    "INSERT INTO policy_version (notice_hours, late_kind, late_value, absence_kind, absence_value,"
    "  grace_count, grace_months, flag_count, flag_months, commitment, created_at)"
    "  VALUES (48, 'full', 0, 'percent', 50, 1, 12, 3, 12, 'Engagement', 1764000000);"
    "INSERT INTO policy_acceptance (client_id, version_id, accepted_at, means, created_at)"
    "  SELECT min(id), 1, 1764000000, 'paper', 1764000000 FROM client;"
    "INSERT INTO charge (appointment_id, client_id, kind, policy_cents, due_cents, waived_reason,"
    "  created_at, updated_at) SELECT id, client_id, 'absence', 3000, 0, 'grace', 1764000000,"
    "  1764000000 FROM appointment ORDER BY id LIMIT 1;"
    "INSERT INTO charge (appointment_id, client_id, kind, policy_cents, due_cents, paid_at,"
    "  paid_means, created_at, updated_at) SELECT id, client_id, 'session', 6000, 6000,"
    "  1764000000, 'card', 1764000000, 1764000000 FROM appointment ORDER BY id LIMIT 1 OFFSET 1;"
    "INSERT INTO appointment_event (appointment_id, status, previous_status, changed_at)"
    "  SELECT id, 'no_show', 'scheduled', 1764000000 FROM appointment ORDER BY id LIMIT 1;",
    &error));
  g_assert_no_error (error);
  g_assert_true (seances_export_json (fixture->database, fixture->path, &error));
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_file (parser, fixture->path, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", sections[i].table);

      g_test_message ("sections[%u]: %s", i, sections[i].key);
      g_assert_true (json_object_has_member (root, sections[i].key));
      g_assert_cmpint (json_array_get_length (json_object_get_array_member (root, sections[i].key)),
                       ==, count (fixture, sql));
    }

  /* The demo's default version first, then the one inserted here. */
  versions = json_object_get_array_member (root, "policy_versions");
  g_assert_cmpuint (json_array_get_length (versions), ==, 2);
  row = json_array_get_object_element (versions, 1);
  g_assert_cmpint (json_object_get_int_member (row, "notice_hours"), ==, 48);
  g_assert_cmpstr (json_object_get_string_member (row, "absence_kind"), ==, "percent");
  assert_instant (row, "created_at", FALSE);

  charges = json_object_get_array_member (root, "charges");
  row = json_array_get_object_element (charges, 0);
  g_assert_cmpstr (json_object_get_string_member (row, "waived_reason"), ==, "grace");
  assert_instant (row, "paid_at", TRUE);
  row = json_array_get_object_element (charges, 1);
  g_assert_true (json_object_get_null_member (row, "waived_reason"));
  g_assert_cmpstr (json_object_get_string_member (row, "paid_means"), ==, "card");
  assert_instant (row, "paid_at", FALSE);

  row = json_array_get_object_element (json_object_get_array_member (root, "events"), 0);
  g_assert_cmpstr (json_object_get_string_member (row, "status"), ==, "no_show");
  assert_instant (row, "changed_at", FALSE);
}

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

/* A folder that does not exist: one French sentence, and nothing left behind. */
static void
test_missing_folder (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "absent", "export.json", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (seances_export_json (fixture->database, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==,
                   "Le dossier de ce fichier n’existe pas" NBSP ": créez-le d’abord ou choisissez-en un autre.");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* Exporting over the encrypted database itself, by its name or through a symbolic link
 * to its folder, is refused: the database stays as it was and still opens. */
static void
test_database_itself (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *folder = g_path_get_dirname (fixture->database_path);
  g_autofree char *link = g_build_filename (fixture->folder, "raccourci", NULL);
  g_autofree char *through_link = g_build_filename (link, "seances.db", NULL);
  const char *paths[] = { fixture->database_path, through_link };
  g_autoptr(SeancesDatabase) reopened = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;

  generate_small (fixture);
  g_assert_cmpint (symlink (folder, link), ==, 0);
  before = read_bytes (fixture->database_path);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_test_message ("paths[%u]", i);
      g_autoptr(GBytes) after = NULL;

      g_assert_false (seances_export_json (fixture->database, paths[i], &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
      g_assert_cmpstr (error->message, ==,
                       "Ce fichier est dans le dossier des données de Séances" NBSP ": choisissez un autre emplacement.");
      g_clear_error (&error);
      after = read_bytes (fixture->database_path);
      g_assert_true (g_bytes_equal (after, before));
    }

  g_clear_object (&fixture->database);
  reopened = seances_database_open (fixture->database_path, fixture->key, &error);
  g_assert_no_error (error);
  g_assert_true (seances_database_check (reopened, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_bytes_get_size (before), >, 4096);
  fixture->database = g_steal_pointer (&reopened);
}

/* A full disk, in a tiny file system of a mount namespace of its own: the export says
 * so, an older export is left whole and nothing is left beside it. The test runs
 * itself there (g_test_subprocess() is TRUE in that run), in the same isolated folders,
 * so only that run makes a database. */
static void
test_disk_full (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *disk = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) envp = NULL;
  int status = 0;

  if (g_test_subprocess ())
    {
      const char *tiny = g_getenv ("SEANCES_TEST_FOLDER");
      g_autofree char *path = g_build_filename (tiny, "export.json", NULL);
      g_autoptr(GDir) dir = NULL;
      g_autoptr(GBytes) after = NULL;
      Fixture fixture;

      fixture_set_up (&fixture, NULL);
      generate_small (&fixture);
      g_assert_true (g_file_set_contents (path, "ancien", -1, &error));
      g_assert_false (seances_export_json (fixture.database, path, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
      g_assert_cmpstr (error->message, ==,
                       "Le disque est plein" NBSP ": libérez de la place ou choisissez un autre disque, puis réessayez.");

      after = read_bytes (path);
      g_assert_cmpmem (g_bytes_get_data (after, NULL), g_bytes_get_size (after), "ancien", 6);
      dir = g_dir_open (tiny, 0, NULL);
      g_assert_cmpstr (g_dir_read_name (dir), ==, "export.json");
      g_assert_null (g_dir_read_name (dir));
      fixture_tear_down (&fixture, NULL);
      return;
    }

  /* Not under the test's own folders: those go when the inner run ends. */
  disk = g_dir_make_tmp ("seances-test-export-XXXXXX", &error);
  g_assert_no_error (error);
  envp = g_environ_setenv (g_get_environ (), "SEANCES_TEST_FOLDER", disk, TRUE);
  {
    const char *argv[] = {
      "unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs \"$0\" && exec \"$@\"", disk,
      g_test_get_filename (G_TEST_BUILT, "test-export", NULL), "-p", g_test_get_path (), "--GTestSubprocess",
      NULL,
    };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_SEARCH_PATH,
                                 NULL, NULL, &out, &err, &status, &error));
  }
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_test_message ("inner run: %s%s", out, err);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_rmdir (disk), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_setenv ("TZ", "Europe/Paris", TRUE);
  seances_test_init_french ();

  g_test_add ("/export/round-numbers", Fixture, NULL, fixture_set_up, test_round_numbers, fixture_tear_down);
  g_test_add ("/export/policy-tables", Fixture, NULL, fixture_set_up, test_policy_tables, fixture_tear_down);
  g_test_add ("/export/offsets", Fixture, NULL, fixture_set_up, test_offsets, fixture_tear_down);
  g_test_add ("/export/missing-folder", Fixture, NULL, fixture_set_up, test_missing_folder, fixture_tear_down);
  g_test_add ("/export/database-itself", Fixture, NULL, fixture_set_up, test_database_itself, fixture_tear_down);
  g_test_add_func ("/export/disk-full", test_disk_full);

  return g_test_run ();
}
