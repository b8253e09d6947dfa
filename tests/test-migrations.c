/* test-migrations.c — schema steps keyed by PRAGMA user_version
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "seances-database-private.h"
#include "seances-migrations.h"

static char *
new_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "seances", "seances.db", NULL);
}

static gboolean
schema_has (SeancesDatabase *database,
            const char      *type,
            const char      *name)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found;

  sqlite3_prepare_v2 (seances_database_get_handle (database),
                      "SELECT 1 FROM sqlite_schema WHERE type = ?2 AND name = ?1", -1, &stmt, NULL);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, type, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  return found;
}

static gboolean
table_exists (SeancesDatabase *database,
              const char      *name)
{
  return schema_has (database, "table", name);
}

static void
test_fresh_database_is_current (void)
{
  g_autofree char *path = new_path ();
  g_autoptr(SeancesKey) key = seances_key_new_random ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SeancesDatabase) database = seances_database_create (path, key, &error);
  static const char * const tables[] = { "practice", "app_state", "client", "series", "appointment",
                                          "policy_version", "policy_acceptance", "charge",
                                          "appointment_event", "message" };
  /* The indexes the agenda, the client page, the review and « Honoraires dus » read along. */
  static const char * const indexes[] = { "appointment_by_start", "appointment_by_client",
                                           "appointment_by_status", "charge_by_client",
                                           "charge_unpaid" };

  g_assert_no_error (error);
  g_assert_cmpint (seances_database_get_schema_version (database), ==, seances_migrations_count ());
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_test_message ("tables[%u]", i);
      g_assert_true (table_exists (database, tables[i]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (indexes); i++)
    {
      g_test_message ("indexes[%u]", i);
      g_assert_true (schema_has (database, "index", indexes[i]));
    }

  /* Opening again migrates nothing and changes nothing. */
  g_clear_object (&database);
  database = seances_database_open (path, key, &error);
  g_assert_no_error (error);
  g_assert_cmpint (seances_database_get_schema_version (database), ==, seances_migrations_count ());
}

/* A file from a newer Séances is refused, not "repaired". */
static void
test_newer_schema_refused (void)
{
  g_autofree char *path = new_path ();
  g_autoptr(SeancesKey) key = seances_key_new_random ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SeancesDatabase) database = seances_database_create (path, key, &error);
  g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", seances_migrations_count () + 1);

  g_assert_no_error (error);
  g_assert_true (seances_database_exec (database, bump, &error));
  g_clear_object (&database);

  database = seances_database_open (path, key, &error);
  g_assert_null (database);
  g_assert_error (error, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_TOO_NEW);
}

/* Steps run in order from any version: an old file catches up step by step. */
static void
test_partial_upgrade (void)
{
  g_autofree char *path = new_path ();
  g_autoptr(SeancesKey) key = seances_key_new_random ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SeancesDatabase) database = seances_database_create (path, key, &error);
  sqlite3 *handle;

  g_assert_no_error (error);
  handle = seances_database_get_handle (database);
  g_assert_true (seances_database_exec (database, "DROP TABLE message; DROP TABLE appointment_event; DROP TABLE charge;"
                                                  "DROP TABLE policy_acceptance;"
                                                  "DROP TABLE appointment; DROP TABLE series;"
                                                  "DROP TABLE policy_version;"
                                                  "DROP TABLE client; DROP TABLE practice;"
                                                  "DROP TABLE app_state; PRAGMA user_version = 0", &error));
  g_assert_true (seances_migrations_apply (handle, seances_migrations_count (), &error));
  g_assert_no_error (error);
  g_assert_true (table_exists (database, "practice"));
  g_assert_cmpint (seances_database_get_schema_version (database), ==, seances_migrations_count ());
}

/* A step that fails leaves the version where it was (one transaction per step). */
static void
test_failed_step_rolls_back (void)
{
  g_autofree char *path = new_path ();
  g_autoptr(SeancesKey) key = seances_key_new_random ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SeancesDatabase) database = seances_database_create (path, key, &error);
  sqlite3 *handle;

  g_assert_no_error (error);
  handle = seances_database_get_handle (database);
  /* Step 1 creates "practice": make it fail by leaving "app_state" in its way. */
  g_assert_true (seances_database_exec (database, "DROP TABLE practice; PRAGMA user_version = 0", &error));
  g_assert_false (seances_migrations_apply (handle, seances_migrations_count (), &error));
  g_assert_nonnull (error);
  g_assert_cmpint (seances_database_get_schema_version (database), ==, 0);
  g_assert_false (table_exists (database, "practice"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/migrations/fresh-is-current", test_fresh_database_is_current);
  g_test_add_func ("/migrations/newer-refused", test_newer_schema_refused);
  g_test_add_func ("/migrations/partial-upgrade", test_partial_upgrade);
  g_test_add_func ("/migrations/failed-step-rolls-back", test_failed_step_rolls_back);

  return g_test_run ();
}
