/* test-client-filter.c — one view's clients: filters, search, and only the changes it owes
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "seances-client-filter-model.h"
#include "seances-client-store.h"
#include "seances-test.h"

typedef struct
{
  SeancesDatabase          *database;
  SeancesClientStore       *store;
  SeancesClientFilterModel *clients;
  GString                  *changes;  /* "position removed added" per items-changed, "; "-separated */
} Fixture;

static SeancesClient *
add_client (Fixture    *fixture,
            const char *first_name,
            const char *last_name,
            const char *email,
            const char *phone,
            SeancesChannel channel)
{
  g_autoptr(SeancesClient) client = g_object_new (SEANCES_TYPE_CLIENT,
                                                  "first-name", first_name,
                                                  "last-name", last_name,
                                                  "email", email,
                                                  "phone", phone,
                                                  "channel", channel,
                                                  NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (seances_client_store_add (fixture->store, client, &error));
  g_assert_no_error (error);
  return seances_client_store_lookup (fixture->store, seances_client_get_id (client));
}

static void
archive (Fixture       *fixture,
         SeancesClient *client)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (seances_client_store_set_active (fixture->store, client, FALSE, &error));
  g_assert_no_error (error);
}

/* Four active people and Noël Dupré, archived; names with punctuation, letters NFD
 * leaves alone, a Belgian number. */
static void
add_population (Fixture *fixture)
{
  add_client (fixture, "Hélène", "Martin", "helene.martin@exemple.fr", "06 12 34 56 78", SEANCES_CHANNEL_BOTH);
  archive (fixture, add_client (fixture, "Noël", "Dupré", "noel.dupre@courriel.fr", "", SEANCES_CHANNEL_EMAIL));
  add_client (fixture, "Œdipe", "Lefèvre", "", "+44 20 7946 0958", SEANCES_CHANNEL_SMS);
  add_client (fixture, "Jean", "Hélie", "jhelie@exemple.fr", "07 98 76 54 32", SEANCES_CHANNEL_BOTH);
  add_client (fixture, "Zoé", "D’Aubigné", "", "+32 470 12 34 56", SEANCES_CHANNEL_SMS);
  add_client (fixture, "Jean-Pierre", "Łukasiewicz", "jp@exemple.be", "", SEANCES_CHANNEL_EMAIL);
  add_client (fixture, "Anne Sophie", "Ørsted", "anne.sophie@exemple.dk", "", SEANCES_CHANNEL_EMAIL);
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
  fixture->store = seances_client_store_new (fixture->database, &error);
  g_assert_no_error (error);
  add_population (fixture);
  fixture->clients = seances_client_filter_model_new (fixture->store);
  fixture->changes = g_string_new (NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->clients);
  g_assert_finalize_object (fixture->store);
  g_assert_finalize_object (fixture->database);
  g_string_free (fixture->changes, TRUE);
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

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GString    *changes)
{
  g_string_append_printf (changes, "%s%u %u %u", changes->len > 0 ? "; " : "", position, removed, added);
}

/* Checks the items-changed signals since the last call, as "position removed added; …". */
static void
assert_changes (GString    *changes,
                const char *expected)
{
  g_assert_cmpstr (changes->str, ==, expected);
  g_string_truncate (changes, 0);
}

typedef struct
{
  const char          *path;
  SeancesClientFilter  filter;
  const char          *search;
  const char          *found;
} FilterCase;

static const FilterCase filter_cases[] = {
  { "/client-filter/active", SEANCES_CLIENT_FILTER_ACTIVE, NULL,
    "Zoé D’Aubigné, Jean Hélie, Œdipe Lefèvre, Jean-Pierre Łukasiewicz, Hélène Martin, Anne Sophie Ørsted" },
  { "/client-filter/inactive", SEANCES_CLIENT_FILTER_INACTIVE, NULL, "Noël Dupré" },
  { "/client-filter/all", SEANCES_CLIENT_FILTER_ALL, NULL,
    "Zoé D’Aubigné, Noël Dupré, Jean Hélie, Œdipe Lefèvre, Jean-Pierre Łukasiewicz, Hélène Martin, "
    "Anne Sophie Ørsted" },
  { "/client-filter/active/archived-name", SEANCES_CLIENT_FILTER_ACTIVE, "noel", "" },
  { "/client-filter/inactive/archived-name", SEANCES_CLIENT_FILTER_INACTIVE, "noel", "Noël Dupré" },
  { "/client-filter/inactive/active-name", SEANCES_CLIENT_FILTER_INACTIVE, "hel", "" },
  { "/client-filter/all/archived-name", SEANCES_CLIENT_FILTER_ALL, "DUPRE", "Noël Dupré" },
  { "/client-filter/all/e-mail", SEANCES_CLIENT_FILTER_ALL, "exemple.fr", "Jean Hélie, Hélène Martin" },
  { "/client-filter/all/courriel", SEANCES_CLIENT_FILTER_ALL, "courriel", "Noël Dupré" },
  { "/client-filter/active/first-name", SEANCES_CLIENT_FILTER_ACTIVE, "helene", "Hélène Martin" },
  { "/client-filter/active/capitals", SEANCES_CLIENT_FILTER_ACTIVE, "HÉLÈNE MARTIN", "Hélène Martin" },
  { "/client-filter/active/prefix", SEANCES_CLIENT_FILTER_ACTIVE, "hel", "Jean Hélie, Hélène Martin" },
  { "/client-filter/active/two-words", SEANCES_CLIENT_FILTER_ACTIVE, "mar hel", "Hélène Martin" },
  { "/client-filter/active/apostrophe", SEANCES_CLIENT_FILTER_ACTIVE, "daubigne", "Zoé D’Aubigné" },
  { "/client-filter/active/apostrophe-typed", SEANCES_CLIENT_FILTER_ACTIVE, "d’aubigné zoe", "Zoé D’Aubigné" },
  { "/client-filter/active/hyphen-dropped", SEANCES_CLIENT_FILTER_ACTIVE, "jeanpierre", "Jean-Pierre Łukasiewicz" },
  { "/client-filter/active/hyphen-spaced", SEANCES_CLIENT_FILTER_ACTIVE, "jean pierre", "Jean-Pierre Łukasiewicz" },
  { "/client-filter/active/hyphen-typed", SEANCES_CLIENT_FILTER_ACTIVE, "jean-pierre lukas", "Jean-Pierre Łukasiewicz" },
  { "/client-filter/active/space-dropped", SEANCES_CLIENT_FILTER_ACTIVE, "annesophie", "Anne Sophie Ørsted" },
  { "/client-filter/active/o-slash", SEANCES_CLIENT_FILTER_ACTIVE, "orsted", "Anne Sophie Ørsted" },
  { "/client-filter/active/ligature", SEANCES_CLIENT_FILTER_ACTIVE, "oedipe", "Œdipe Lefèvre" },
  { "/client-filter/active/accents-dropped", SEANCES_CLIENT_FILTER_ACTIVE, "Lefevre", "Œdipe Lefèvre" },
  { "/client-filter/active/e-mail-domain", SEANCES_CLIENT_FILTER_ACTIVE, "exemple.be", "Jean-Pierre Łukasiewicz" },
  { "/client-filter/active/phone", SEANCES_CLIENT_FILTER_ACTIVE, "06 12", "Hélène Martin" },
  { "/client-filter/active/phone-dots", SEANCES_CLIENT_FILTER_ACTIVE, "06.12.34.56.78", "Hélène Martin" },
  { "/client-filter/active/phone-international", SEANCES_CLIENT_FILTER_ACTIVE, "+33 6 12 34", "Hélène Martin" },
  { "/client-filter/active/phone-belgian", SEANCES_CLIENT_FILTER_ACTIVE, "0470 12", "Zoé D’Aubigné" },
  { "/client-filter/active/phone-belgian-international", SEANCES_CLIENT_FILTER_ACTIVE, "+32 470", "Zoé D’Aubigné" },
  { "/client-filter/active/phone-british", SEANCES_CLIENT_FILTER_ACTIVE, "+44 20 79", "Œdipe Lefèvre" },
  { "/client-filter/active/nobody", SEANCES_CLIENT_FILTER_ACTIVE, "martine", "" },
  { "/client-filter/active/blank", SEANCES_CLIENT_FILTER_ACTIVE, "   ",
    "Zoé D’Aubigné, Jean Hélie, Œdipe Lefèvre, Jean-Pierre Łukasiewicz, Hélène Martin, Anne Sophie Ørsted" },
};

/* Each row a filter and a search; the store keeps every client whatever they show. */
static void
test_filter_and_search (Fixture       *fixture,
                        gconstpointer  data)
{
  const FilterCase *row = data;
  g_autofree char *found = NULL;
  g_autofree char *all = NULL;

  seances_client_filter_model_set_filter (fixture->clients, row->filter);
  seances_client_filter_model_set_search (fixture->clients, row->search);
  found = listed (G_LIST_MODEL (fixture->clients));
  g_assert_cmpstr (found, ==, row->found);
  g_assert_cmpint (seances_client_filter_model_get_filter (fixture->clients), ==, row->filter);
  g_assert_cmpstr (seances_client_filter_model_get_search (fixture->clients), ==, row->search != NULL ? row->search : "");

  all = listed (G_LIST_MODEL (fixture->store));
  g_assert_cmpstr (all, ==, filter_cases[2].found);
}

/* Typing in one view's search, or changing its filter, is heard by nobody else: not the
 * store, not another view's model. */
static void
test_search_stays_in_its_view (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(SeancesClientFilterModel) other = seances_client_filter_model_new (fixture->store);
  g_autoptr(GString) store_changes = g_string_new (NULL);
  g_autoptr(GString) other_changes = g_string_new (NULL);
  g_autofree char *other_listed = NULL;
  static const char * const keystrokes[] = { "m", "ma", "mar", "mart", "", "hel", "0" };

  g_signal_connect (fixture->store, "items-changed", G_CALLBACK (items_changed_cb), store_changes);
  g_signal_connect (other, "items-changed", G_CALLBACK (items_changed_cb), other_changes);
  g_signal_connect (fixture->clients, "items-changed", G_CALLBACK (items_changed_cb), fixture->changes);

  for (guint i = 0; i < G_N_ELEMENTS (keystrokes); i++)
    seances_client_filter_model_set_search (fixture->clients, keystrokes[i]);
  seances_client_filter_model_set_filter (fixture->clients, SEANCES_CLIENT_FILTER_ALL);

  g_assert_cmpuint (fixture->changes->len, >, 0);
  assert_changes (store_changes, "");
  assert_changes (other_changes, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->store)), ==, 7);
  other_listed = listed (G_LIST_MODEL (other));
  g_assert_cmpstr (other_listed, ==, filter_cases[0].found);
  g_assert_finalize_object (g_steal_pointer (&other));
}

/* What a search announces: the span that differs, so that the list keeps the rest. */
static void
test_search_changes (Fixture       *fixture,
                     gconstpointer  data)
{
  static const struct {
    const char *search;
    const char *changes;
  } steps[] = {
    /* Zoé, Jean Hélie, Œdipe, Jean-Pierre, Hélène, Anne Sophie */
    { "hel", "0 6 2" },
    { "HEL", "" },
    { "hel ", "" },
    { "hele", "0 1 0" },
    { "", "0 1 6" },
    { "exemple", "0 3 1" },
    { "exemple.", "" },
  };

  g_signal_connect (fixture->clients, "items-changed", G_CALLBACK (items_changed_cb), fixture->changes);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_test_message ("search « %s »", steps[i].search);
      seances_client_filter_model_set_search (fixture->clients, steps[i].search);
      assert_changes (fixture->changes, steps[i].changes);
    }
}

/* A change in the store reaches each view only as far as it shows there. */
static void
test_store_changes (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(SeancesClientFilterModel) archived = seances_client_filter_model_new (fixture->store);
  g_autoptr(GString) archived_changes = g_string_new (NULL);
  g_autoptr(SeancesClient) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  SeancesClient *helene = seances_client_store_lookup (fixture->store, 1);
  SeancesClient *martine;

  seances_client_filter_model_set_filter (archived, SEANCES_CLIENT_FILTER_INACTIVE);
  seances_client_filter_model_set_search (fixture->clients, "mart");
  g_signal_connect (fixture->clients, "items-changed", G_CALLBACK (items_changed_cb), fixture->changes);
  g_signal_connect (archived, "items-changed", G_CALLBACK (items_changed_cb), archived_changes);

  /* Someone the search does not find, then someone it finds, before Hélène Martin. */
  add_client (fixture, "Paul", "Bernard", "paul.bernard@exemple.fr", "", SEANCES_CHANNEL_EMAIL);
  assert_changes (fixture->changes, "");
  martine = add_client (fixture, "Martine", "Dubois", "martine.dubois@exemple.fr", "", SEANCES_CHANNEL_EMAIL);
  assert_changes (fixture->changes, "0 0 1");
  assert_changes (archived_changes, "");

  /* Archived: she leaves the active search and joins the archives, before Noël Dupré. */
  archive (fixture, martine);
  assert_changes (fixture->changes, "0 1 0");
  assert_changes (archived_changes, "0 0 1");

  /* A note that changes nothing shown, then a name the search no longer finds. */
  edited = seances_client_copy (helene);
  seances_client_set_note (edited, "Règle par virement.");
  g_assert_true (seances_client_store_update (fixture->store, edited, &error));
  g_assert_no_error (error);
  assert_changes (fixture->changes, "");
  seances_client_set_last_name (edited, "Aubert");
  seances_client_set_email (edited, "helene.aubert@exemple.fr");
  g_assert_true (seances_client_store_update (fixture->store, edited, &error));
  g_assert_no_error (error);
  assert_changes (fixture->changes, "0 1 0");
  assert_changes (archived_changes, "");

  /* Found again under her new name, at her new place. */
  seances_client_filter_model_set_search (fixture->clients, "aubert");
  shown = listed (G_LIST_MODEL (fixture->clients));
  g_assert_cmpstr (shown, ==, "Hélène Aubert");
  g_assert_finalize_object (g_steal_pointer (&archived));
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* The properties notify once per change; a search the folding ignores notifies, for
 * what was typed changed, but the list stays. */
static void
test_properties (Fixture       *fixture,
                 gconstpointer  data)
{
  guint filter_notified = 0;
  guint search_notified = 0;
  g_autofree char *search = NULL;
  SeancesClientFilter filter;

  g_signal_connect (fixture->clients, "notify::filter", G_CALLBACK (count_notify_cb), &filter_notified);
  g_signal_connect (fixture->clients, "notify::search", G_CALLBACK (count_notify_cb), &search_notified);
  g_signal_connect (fixture->clients, "items-changed", G_CALLBACK (items_changed_cb), fixture->changes);

  g_object_set (fixture->clients, "filter", SEANCES_CLIENT_FILTER_INACTIVE, "search", "Noël", NULL);
  g_object_set (fixture->clients, "filter", SEANCES_CLIENT_FILTER_INACTIVE, NULL);
  g_assert_cmpuint (filter_notified, ==, 1);
  g_assert_cmpuint (search_notified, ==, 1);
  g_string_truncate (fixture->changes, 0);

  seances_client_filter_model_set_search (fixture->clients, "noel");
  g_assert_cmpuint (search_notified, ==, 2);
  assert_changes (fixture->changes, "");

  g_object_get (fixture->clients, "filter", &filter, "search", &search, NULL);
  g_assert_cmpint (filter, ==, SEANCES_CLIENT_FILTER_INACTIVE);
  g_assert_cmpstr (search, ==, "noel");
  g_assert_true (seances_client_filter_model_get_store (fixture->clients) == fixture->store);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (fixture->clients)) == SEANCES_TYPE_CLIENT);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->clients)), ==, 1);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (fixture->clients), 1));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  seances_test_init_french ();

  for (guint i = 0; i < G_N_ELEMENTS (filter_cases); i++)
    g_test_add (filter_cases[i].path, Fixture, &filter_cases[i],
                fixture_set_up, test_filter_and_search, fixture_tear_down);
  g_test_add ("/client-filter/search-stays-in-its-view", Fixture, NULL,
              fixture_set_up, test_search_stays_in_its_view, fixture_tear_down);
  g_test_add ("/client-filter/search-changes", Fixture, NULL,
              fixture_set_up, test_search_changes, fixture_tear_down);
  g_test_add ("/client-filter/store-changes", Fixture, NULL,
              fixture_set_up, test_store_changes, fixture_tear_down);
  g_test_add ("/client-filter/properties", Fixture, NULL,
              fixture_set_up, test_properties, fixture_tear_down);

  return g_test_run ();
}
