/* test-client-store.c — clients: validation in French, saving, order, what the store announces
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "seances-client-filter-model.h"
#include "seances-client-store.h"
#include "seances-database-private.h"
#include "seances-migrations.h"
#include "seances-test.h"

typedef struct
{
  SeancesDatabase    *database;
  SeancesClientStore *store;
  GString            *changes;  /* "position removed added" per items-changed, ";"-separated */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "seances.db", NULL);
  g_autoptr(SeancesKey) key = seances_key_new_random ();
  g_autoptr(GError) error = NULL;

  fixture->database = seances_database_create (path, key, &error);
  g_assert_no_error (error);
  fixture->store = seances_client_store_new (fixture->database, &error);
  g_assert_no_error (error);
  fixture->changes = g_string_new (NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
  g_assert_finalize_object (fixture->database);
  g_string_free (fixture->changes, TRUE);
}

static SeancesClient *
new_client (const char *first_name,
            const char *last_name,
            const char *email,
            const char *phone,
            SeancesChannel channel)
{
  return g_object_new (SEANCES_TYPE_CLIENT,
                       "first-name", first_name,
                       "last-name", last_name,
                       "email", email,
                       "phone", phone,
                       "channel", channel,
                       NULL);
}

/* Returns the stored client (borrowed). */
static SeancesClient *
add_client (Fixture    *fixture,
            const char *first_name,
            const char *last_name,
            const char *email,
            const char *phone,
            SeancesChannel channel)
{
  g_autoptr(SeancesClient) client = new_client (first_name, last_name, email, phone, channel);
  g_autoptr(GError) error = NULL;

  g_assert_true (seances_client_store_add (fixture->store, client, &error));
  g_assert_no_error (error);
  g_assert_cmpint (seances_client_get_id (client), >, 0);
  return seances_client_store_lookup (fixture->store, seances_client_get_id (client));
}

static void
add_population (Fixture *fixture)
{
  add_client (fixture, "Hélène", "Martin", "helene.martin@exemple.fr", "06 12 34 56 78", SEANCES_CHANNEL_BOTH);
  add_client (fixture, "Noël", "Dupré", "noel.dupre@courriel.fr", "", SEANCES_CHANNEL_EMAIL);
  add_client (fixture, "Œdipe", "Lefèvre", "", "+44 20 7946 0958", SEANCES_CHANNEL_SMS);
  add_client (fixture, "Jean", "Hélie", "jhelie@exemple.fr", "07 98 76 54 32", SEANCES_CHANNEL_BOTH);
}

/* « Noël Dupré, Hélène Martin »: what the list shows, in its order. */
static char *
listed (GListModel *model)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SeancesClient) client = g_list_model_get_item (model, i);

      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, seances_client_get_display_name (client));
    }
  return g_string_free (names, FALSE);
}

/* The first column of the row that @sql (with ?1 = @id) selects; reset when the caller
 * is done with it, through g_autoptr. */
static SeancesStatement *
query_row (SeancesDatabase *database,
           const char      *sql,
           gint64           id)
{
  SeancesStatement *stmt;
  g_autoptr(GError) error = NULL;
  gboolean has_row = FALSE;

  stmt = seances_database_prepare (database, sql, &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_true (seances_database_step (database, stmt, &has_row, &error));
  g_assert_true (has_row);
  return stmt;
}

static gint64
query_int64 (SeancesDatabase *database,
             const char      *sql,
             gint64           id)
{
  g_autoptr(SeancesStatement) stmt = query_row (database, sql, id);

  return sqlite3_column_int64 (stmt, 0);
}

static char *
query_text (SeancesDatabase *database,
            const char      *sql,
            gint64           id)
{
  g_autoptr(SeancesStatement) stmt = query_row (database, sql, id);

  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

typedef void (*Change) (SeancesClient *client);

static void set_nothing (SeancesClient *c) { }
static void set_no_first_name (SeancesClient *c) { seances_client_set_first_name (c, "   "); }
static void set_no_last_name (SeancesClient *c) { seances_client_set_last_name (c, ""); }
static void
set_long_first_name (SeancesClient *c)
{
  g_autofree char *name = g_strnfill (101, 'a');
  seances_client_set_first_name (c, name);
}

static void set_line_break (SeancesClient *c) { seances_client_set_last_name (c, "Martin\nBcc: x@y.fr"); }
static void set_bad_email (SeancesClient *c) { seances_client_set_email (c, "helene@exemple"); }
static void set_bad_phone (SeancesClient *c) { seances_client_set_phone (c, "06 12"); }
static void set_foreign_phone (SeancesClient *c) { seances_client_set_phone (c, "+32 2 512 34 56"); }
static void set_no_contact (SeancesClient *c) { seances_client_set_email (c, "");
                                                 seances_client_set_phone (c, " "); }
static void set_sms_only (SeancesClient *c) { seances_client_set_email (c, "");
                                               seances_client_set_channel (c, SEANCES_CHANNEL_SMS); }
static void set_sms_no_phone (SeancesClient *c) { seances_client_set_phone (c, "");
                                                   seances_client_set_channel (c, SEANCES_CHANNEL_SMS); }
static void set_email_no_email (SeancesClient *c) { seances_client_set_email (c, "");
                                                     seances_client_set_channel (c, SEANCES_CHANNEL_EMAIL); }
static void set_both_no_phone (SeancesClient *c) { seances_client_set_phone (c, ""); }
static void set_rhythm_none (SeancesClient *c) { seances_client_set_rhythm_weeks (c, 0); }
static void set_rhythm_yearly (SeancesClient *c) { seances_client_set_rhythm_weeks (c, 52); }
static void set_rhythm_too_long (SeancesClient *c) { seances_client_set_rhythm_weeks (c, 53); }
static void set_rhythm_negative (SeancesClient *c) { seances_client_set_rhythm_weeks (c, -1); }
static void set_note_two_lines (SeancesClient *c) { seances_client_set_note (c, "Virement.\nÀ l’employeur."); }

static void
set_note_of (SeancesClient *client,
             guint          chars)
{
  g_autoptr(GString) note = g_string_new (NULL);

  for (guint i = 0; i < chars; i++)
    g_string_append (note, "é");
  seances_client_set_note (client, note->str);
}

static void set_note_full (SeancesClient *c) { set_note_of (c, 500); }
static void set_note_too_long (SeancesClient *c) { set_note_of (c, 501); }

static void
test_validate (void)
{
  static const struct {
    Change      change;
    const char *phone;    /* as stored when valid */
    const char *message;  /* the msgid when refused */
  } cases[] = {
    { set_nothing, "+33612345678", NULL },
    { set_no_first_name, NULL, N_("Enter the first name.") },
    { set_no_last_name, NULL, N_("Enter the last name.") },
    { set_long_first_name, NULL, N_("The first name is too long: 100 characters at most.") },
    { set_line_break, NULL, N_("Each field must fit on one line.") },
    { set_bad_email, NULL, N_("The e-mail address is not valid, for example: nom@exemple.fr.") },
    { set_bad_phone, NULL, N_("The phone number is not valid, for example: 04 78 00 00 00.") },
    { set_foreign_phone, "+3225123456", NULL },
    { set_no_contact, NULL, N_("Enter an e-mail address or a phone number to stay in touch.") },
    { set_sms_only, "+33612345678", NULL },
    { set_sms_no_phone, NULL, N_("Reminders by SMS need a phone number.") },
    { set_email_no_email, NULL, N_("Reminders by e-mail need an e-mail address.") },
    { set_both_no_phone, NULL, N_("Reminders by e-mail and SMS need both an e-mail address "
                                  "and a phone number.") },
    { set_rhythm_none, "+33612345678", NULL },
    { set_rhythm_yearly, "+33612345678", NULL },
    { set_rhythm_too_long, NULL, N_("The rhythm is between 1 and 52 weeks, or none.") },
    { set_rhythm_negative, NULL, N_("The rhythm is between 1 and 52 weeks, or none.") },
    { set_note_two_lines, "+33612345678", NULL },
    { set_note_full, "+33612345678", NULL },
    { set_note_too_long, NULL, N_("The note is too long: 500 characters at most.") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SeancesClient) client = new_client ("  Hélène ", "Martin",
                                                    "helene.martin@exemple.fr", "06 12 34 56 78",
                                                    SEANCES_CHANNEL_BOTH);
      g_autoptr(GError) error = NULL;
      gboolean valid;

      g_test_message ("case %u", i);
      seances_client_set_rhythm_weeks (client, 2);
      cases[i].change (client);
      valid = seances_client_validate (client, &error);
      if (cases[i].message == NULL)
        {
          g_assert_no_error (error);
          g_assert_true (valid);
          g_assert_cmpstr (seances_client_get_first_name (client), ==, "Hélène");
          g_assert_cmpstr (seances_client_get_phone (client), ==, cases[i].phone);
        }
      else
        {
          g_assert_false (valid);
          g_assert_error (error, SEANCES_CLIENT_ERROR, SEANCES_CLIENT_ERROR_INVALID);
          g_assert_cmpstr (error->message, ==, _(cases[i].message));
        }
    }
}

static void
test_add_and_reload (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char order[] =
    "Éric Abadie, Noël Dupré, Élodie Écuyer, Hélène Martin, Hélène Martin";
  g_autoptr(SeancesClientStore) reloaded = NULL;
  g_autoptr(SeancesClientFilterModel) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *shown_again = NULL;
  g_autofree char *sort_key = NULL;
  SeancesClient *helene;
  SeancesClient *again;

  helene = add_client (fixture, "Hélène", "Martin", "helene.martin@exemple.fr", "06 12 34 56 78",
                       SEANCES_CHANNEL_BOTH);
  seances_client_set_rhythm_weeks (helene, 2);
  seances_client_set_note (helene, "Règle par virement.");
  g_assert_true (seances_client_store_update (fixture->store, helene, &error));
  g_assert_no_error (error);
  add_client (fixture, "Noël", "Dupré", "noel.dupre@courriel.fr", "", SEANCES_CHANNEL_EMAIL);
  add_client (fixture, "Élodie", "Écuyer", "", "07 98 76 54 32", SEANCES_CHANNEL_SMS);
  add_client (fixture, "Éric", "Abadie", "eric@abadie.fr", "", SEANCES_CHANNEL_EMAIL);
  add_client (fixture, "Hélène", "Martin", "h.martin@courriel.fr", "", SEANCES_CHANNEL_EMAIL);

  shown = listed (G_LIST_MODEL (fixture->store));
  g_assert_cmpstr (shown, ==, order);
  g_assert_cmpuint (seances_client_store_get_n_total (fixture->store), ==, 5);

  /* The folded keys are stored too, for the queries of later views. */
  sort_key = query_text (fixture->database, "SELECT sort_key FROM client WHERE id = ?1", 3);
  g_assert_cmpstr (sort_key, ==, "ecuyer elodie");

  reloaded = seances_client_store_new (fixture->database, &error);
  g_assert_no_error (error);
  shown_again = listed (G_LIST_MODEL (reloaded));
  g_assert_cmpstr (shown_again, ==, order);

  again = seances_client_store_lookup (reloaded, seances_client_get_id (helene));
  g_assert_nonnull (again);
  g_assert_true (again != helene);
  g_assert_cmpstr (seances_client_get_email (again), ==, "helene.martin@exemple.fr");
  g_assert_cmpstr (seances_client_get_phone (again), ==, "+33612345678");
  g_assert_cmpint (seances_client_get_channel (again), ==, SEANCES_CHANNEL_BOTH);
  g_assert_cmpstr (seances_client_get_status (again), ==, "active");
  g_assert_cmpint (seances_client_get_rhythm_weeks (again), ==, 2);
  g_assert_cmpstr (seances_client_get_note (again), ==, "Règle par virement.");
  g_assert_cmpstr (seances_client_get_sort_name (again), ==, "Martin Hélène");
  g_assert_null (seances_client_store_lookup (reloaded, 999));

  /* The folded keys come back from the database: searching works as before. */
  found = g_object_new (SEANCES_TYPE_CLIENT_FILTER_MODEL, "store", reloaded,
                        "filter", SEANCES_CLIENT_FILTER_ALL, "search", "helene 06 12", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, 1);
  g_assert_finalize_object (g_steal_pointer (&found));
  g_assert_finalize_object (g_steal_pointer (&reloaded));
}

/* Keys saved by the folding of schema 2 (« d'aubigne », no national form of a Belgian
 * number) are cleared by the migration and folded again, once, when the store loads. */
static void
test_old_keys (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "seances.db", NULL);
  g_autoptr(SeancesKey) key = seances_key_new_random ();
  g_autoptr(SeancesDatabase) database = NULL;
  g_autoptr(SeancesClientStore) store = NULL;
  g_autoptr(SeancesClientFilterModel) clients = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *found = NULL;
  g_autofree char *search_key = NULL;
  g_autofree char *sort_key = NULL;

  database = seances_database_create (path, key, &error);
  g_assert_no_error (error);
  /* A file of schema 2: emptied, then migrated that far only. */
  g_assert_true (seances_database_exec (database,
      "PRAGMA foreign_keys = OFF;"
      "DROP TABLE message; DROP TABLE appointment_event; DROP TABLE charge; DROP TABLE policy_acceptance;"
      "DROP TABLE appointment; DROP TABLE series; DROP TABLE policy_version;"
      "DROP TABLE client; DROP TABLE practice; DROP TABLE app_state;"
      "PRAGMA user_version = 0;", &error));
  g_assert_no_error (error);
  g_assert_true (seances_migrations_apply (seances_database_get_handle (database), 2, &error));
  g_assert_no_error (error);
  g_assert_true (seances_database_exec (database,
      "INSERT INTO client (id, first_name, last_name, phone, channel, search_key, sort_key,"
      " created_at, updated_at) VALUES (7, 'Zoé', 'D’Aubigné', '+32470123456', 'sms',"
      " 'zoe d''aubigne +32470123456 +32470123456', 'd''aubigne zoe', 0, 0);", &error));
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&database));

  database = seances_database_open (path, key, &error);
  g_assert_no_error (error);
  g_assert_cmpint (seances_database_get_schema_version (database), ==, seances_migrations_count ());
  store = seances_client_store_new (database, &error);
  g_assert_no_error (error);

  clients = seances_client_filter_model_new (store);
  seances_client_filter_model_set_search (clients, "daubigne 0470 12");
  found = listed (G_LIST_MODEL (clients));
  g_assert_cmpstr (found, ==, "Zoé D’Aubigné");

  /* Saved, so that the next start does not fold them again. */
  search_key = query_text (database, "SELECT search_key FROM client WHERE id = ?1", 7);
  g_assert_cmpstr (search_key, ==, "zoe daubigne +32470123456 0470123456");
  sort_key = query_text (database, "SELECT sort_key FROM client WHERE id = ?1", 7);
  g_assert_cmpstr (sort_key, ==, "daubigne zoe");
  g_assert_finalize_object (g_steal_pointer (&clients));
  g_assert_finalize_object (g_steal_pointer (&store));
}

/* Picking who a session is for skips archived files; the store itself lists everyone. */
static void
test_pick (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) one = NULL;
  g_autoptr(GError) error = NULL;
  SeancesClient *noel;

  add_population (fixture);
  noel = add_client (fixture, "Noëlle", "Durand", "noelle@exemple.fr", "", SEANCES_CHANNEL_EMAIL);
  g_assert_true (seances_client_store_set_active (fixture->store, noel, FALSE, &error));

  found = seances_client_store_search (fixture->store, "noel", 10);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (seances_client_get_display_name (found->pdata[0]), ==, "Noël Dupré");

  one = seances_client_store_search (fixture->store, "", 1);
  g_assert_cmpuint (one->len, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->store)), ==, 5);
}

#define UNARCHIVED "SELECT inactive_at IS NULL FROM client WHERE id = ?1"
#define ARCHIVED_AT "SELECT inactive_at FROM client WHERE id = ?1"

static void
test_archive (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(SeancesClientStore) reloaded = NULL;
  g_autoptr(SeancesClientFilterModel) active = NULL;
  g_autoptr(SeancesClientFilterModel) archived = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  SeancesClient *helene;
  gint64 id;

  helene = add_client (fixture, "Hélène", "Martin", "helene.martin@exemple.fr", "", SEANCES_CHANNEL_EMAIL);
  id = seances_client_get_id (helene);
  g_assert_cmpint (query_int64 (fixture->database, UNARCHIVED, id), ==, 1);

  g_assert_true (seances_client_store_set_active (fixture->store, helene, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (seances_client_get_status (helene), ==, "inactive");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->store)), ==, 1);
  g_assert_cmpint (query_int64 (fixture->database, ARCHIVED_AT, id),
                   >=, g_get_real_time () / G_USEC_PER_SEC - 60);

  /* Archived stays archived after a restart, and is found among the inactive. */
  reloaded = seances_client_store_new (fixture->database, &error);
  g_assert_no_error (error);
  active = seances_client_filter_model_new (reloaded);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (active)), ==, 0);
  archived = g_object_new (SEANCES_TYPE_CLIENT_FILTER_MODEL, "store", reloaded,
                           "filter", SEANCES_CLIENT_FILTER_INACTIVE, NULL);
  shown = listed (G_LIST_MODEL (archived));
  g_assert_cmpstr (shown, ==, "Hélène Martin");
  g_assert_finalize_object (g_steal_pointer (&active));
  g_assert_finalize_object (g_steal_pointer (&archived));
  g_assert_finalize_object (g_steal_pointer (&reloaded));

  g_assert_true (seances_client_store_set_active (fixture->store, helene, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (seances_client_is_active (helene));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->store)), ==, 1);
  g_assert_cmpstr (seances_client_get_status (seances_client_store_lookup (fixture->store, id)), ==, "active");
  g_assert_cmpint (query_int64 (fixture->database, UNARCHIVED, id), ==, 1);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_update_resorts (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(SeancesClientStore) reloaded = NULL;
  g_autoptr(SeancesClientFilterModel) searched = NULL;
  g_autoptr(SeancesClient) edited = NULL;
  g_autoptr(SeancesClient) broken = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *after_reload = NULL;
  g_autofree char *by_new_name = NULL;
  g_autofree char *by_old_phone = NULL;
  SeancesClient *helene;
  guint renamed = 0;

  add_population (fixture);
  searched = seances_client_filter_model_new (fixture->store);
  helene = seances_client_store_lookup (fixture->store, 1);
  g_signal_connect (helene, "notify::display-name", G_CALLBACK (count_notify_cb), &renamed);

  /* A refused edit leaves the listed client as it was. */
  broken = seances_client_copy (helene);
  seances_client_set_last_name (broken, "");
  g_assert_false (seances_client_store_update (fixture->store, broken, &error));
  g_assert_error (error, SEANCES_CLIENT_ERROR, SEANCES_CLIENT_ERROR_INVALID);
  g_clear_error (&error);
  before = listed (G_LIST_MODEL (fixture->store));
  g_assert_cmpstr (before, ==, "Noël Dupré, Jean Hélie, Œdipe Lefèvre, Hélène Martin");

  edited = seances_client_copy (helene);
  seances_client_set_last_name (edited, "Aubert");
  seances_client_set_phone (edited, "07 00 00 00 01");
  g_assert_cmpstr (seances_client_get_last_name (helene), ==, "Martin");
  g_assert_cmpuint (renamed, ==, 0);

  g_assert_true (seances_client_store_update (fixture->store, edited, &error));
  g_assert_no_error (error);
  g_assert_true (seances_client_store_lookup (fixture->store, 1) == helene);
  g_assert_cmpstr (seances_client_get_display_name (helene), ==, "Hélène Aubert");
  g_assert_cmpstr (seances_client_get_phone (helene), ==, "+33700000001");
  g_assert_cmpuint (renamed, ==, 1);
  after = listed (G_LIST_MODEL (fixture->store));
  g_assert_cmpstr (after, ==, "Hélène Aubert, Noël Dupré, Jean Hélie, Œdipe Lefèvre");

  seances_client_filter_model_set_search (searched, "aubert 07 00");
  by_new_name = listed (G_LIST_MODEL (searched));
  g_assert_cmpstr (by_new_name, ==, "Hélène Aubert");
  seances_client_filter_model_set_search (searched, "06 12");
  by_old_phone = listed (G_LIST_MODEL (searched));
  g_assert_cmpstr (by_old_phone, ==, "");
  g_assert_finalize_object (g_steal_pointer (&searched));

  reloaded = seances_client_store_new (fixture->database, &error);
  g_assert_no_error (error);
  after_reload = listed (G_LIST_MODEL (reloaded));
  g_assert_cmpstr (after_reload, ==, "Hélène Aubert, Noël Dupré, Jean Hélie, Œdipe Lefèvre");
  g_assert_finalize_object (g_steal_pointer (&reloaded));
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *fixture)
{
  g_string_append_printf (fixture->changes, "%s%u %u %u", fixture->changes->len > 0 ? "; " : "",
                          position, removed, added);
}

/* Checks the items-changed signals since the last call, as "position removed added; …". */
static void
assert_changes (Fixture    *fixture,
                const char *expected)
{
  g_assert_cmpstr (fixture->changes->str, ==, expected);
  g_string_truncate (fixture->changes, 0);
}

static void
test_items_changed (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(SeancesClient) edited = NULL;
  g_autoptr(GError) error = NULL;
  SeancesClient *helene;
  SeancesClient *noel;

  g_signal_connect (fixture->store, "items-changed", G_CALLBACK (items_changed_cb), fixture);

  helene = add_client (fixture, "Hélène", "Martin", "helene.martin@exemple.fr", "", SEANCES_CHANNEL_EMAIL);
  assert_changes (fixture, "0 0 1");
  noel = add_client (fixture, "Noël", "Dupré", "noel.dupre@courriel.fr", "", SEANCES_CHANNEL_EMAIL);
  assert_changes (fixture, "0 0 1");
  add_client (fixture, "Jean", "Hélie", "jhelie@exemple.fr", "", SEANCES_CHANNEL_EMAIL);
  assert_changes (fixture, "1 0 1");

  /* Archived, Noël stays in place: the store says his row changed, for the filter
   * models to judge it again. */
  g_assert_true (seances_client_store_set_active (fixture->store, noel, FALSE, &error));
  assert_changes (fixture, "0 1 1");

  /* Martin becomes Aubert: the rows from his new place to his old one change. */
  edited = seances_client_copy (helene);
  seances_client_set_last_name (edited, "Aubert");
  g_assert_true (seances_client_store_update (fixture->store, edited, &error));
  assert_changes (fixture, "0 3 3");

  /* Only the note changes: the row stays where it is, and is said to have changed. */
  seances_client_set_note (edited, "Règle par virement.");
  g_assert_true (seances_client_store_update (fixture->store, edited, &error));
  assert_changes (fixture, "0 1 1");

  /* A refused edit says nothing. */
  seances_client_set_last_name (edited, "");
  g_assert_false (seances_client_store_update (fixture->store, edited, &error));
  g_clear_error (&error);
  assert_changes (fixture, "");
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->store)), ==, 3);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (fixture->store)) == SEANCES_TYPE_CLIENT);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (fixture->store), 3));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  seances_test_init_french ();

  g_test_add_func ("/client/validate", test_validate);
  g_test_add ("/client-store/add-and-reload", Fixture, NULL,
              fixture_set_up, test_add_and_reload, fixture_tear_down);
  g_test_add_func ("/client-store/old-keys", test_old_keys);
  g_test_add ("/client-store/pick", Fixture, NULL,
              fixture_set_up, test_pick, fixture_tear_down);
  g_test_add ("/client-store/archive", Fixture, NULL,
              fixture_set_up, test_archive, fixture_tear_down);
  g_test_add ("/client-store/update-resorts", Fixture, NULL,
              fixture_set_up, test_update_resorts, fixture_tear_down);
  g_test_add ("/client-store/items-changed", Fixture, NULL,
              fixture_set_up, test_items_changed, fixture_tear_down);

  return g_test_run ();
}
