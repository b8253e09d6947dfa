/* test-policy-store.c — policy versions and acceptances, in a real encrypted database
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "seances-database-private.h"
#include "seances-policy-store.h"
#include "seances-test.h"

/* 24 November 2026, 14:00 in Paris. */
#define NOW G_GINT64_CONSTANT (1795525200)

typedef struct
{
  char            *path;
  SeancesKey      *key;
  SeancesDatabase *database;
  SeancesClock    *clock;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->path = g_build_filename (g_get_user_data_dir (), "seances.db", NULL);
  fixture->key = seances_key_new_random ();
  fixture->database = seances_database_create (fixture->path, fixture->key, &error);
  g_assert_no_error (error);
  fixture->clock = seances_clock_new_fixed (NOW);
  g_assert_true (seances_database_exec (fixture->database,
    "INSERT INTO client (id, first_name, last_name, email, search_key, sort_key, created_at, updated_at)"
    " VALUES (1, 'Zoé', 'Aubigné', 'zoe@exemple.fr', 'zoe aubigne', 'aubigne zoe', 0, 0),"
    "        (2, 'Marc', 'Leroy', 'marc@exemple.fr', 'marc leroy', 'leroy marc', 0, 0)", &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->clock);
  g_assert_finalize_object (fixture->database);
  seances_key_free (fixture->key);
  g_free (fixture->path);
}

static gint64
count (Fixture    *fixture,
       const char *sql)
{
  g_autoptr(SeancesStatement) stmt = seances_database_prepare (fixture->database, sql, NULL);
  gboolean has_row = FALSE;

  g_assert_nonnull (stmt);
  g_assert_true (seances_database_step (fixture->database, stmt, &has_row, NULL));
  g_assert_true (has_row);
  return sqlite3_column_int64 (stmt, 0);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

/* A practice without a policy gets the default one as its first version, once. */
static void
test_default_version (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SeancesPolicyStore) store = seances_policy_store_new (fixture->database, fixture->clock, &error);
  g_autoptr(SeancesPolicyStore) again = NULL;
  const SeancesPolicyVersion *current;
  SeancesPolicyTerms defaults;

  g_assert_no_error (error);
  current = seances_policy_store_get_current (store);
  seances_policy_terms_init_default (&defaults);
  g_assert_cmpint (current->terms.notice_hours, ==, defaults.notice_hours);
  g_assert_cmpint (current->terms.grace_count, ==, defaults.grace_count);
  g_assert_cmpint (current->terms.version_id, ==, current->id);
  g_assert_cmpstr (current->commitment, ==, seances_policy_default_commitment ());
  g_assert_cmpint (current->created_at, ==, NOW);

  again = seances_policy_store_new (fixture->database, fixture->clock, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (seances_policy_store_get_n_versions (again), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM policy_version"), ==, 1);
}

/* Saving a change adds a version and leaves the old one as it was; saving the same
 * terms again adds nothing. */
static void
test_versions (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SeancesPolicyStore) store = seances_policy_store_new (fixture->database, fixture->clock, &error);
  g_autoptr(SeancesPolicyStore) reread = NULL;
  SeancesPolicyTerms terms = seances_policy_store_get_current (store)->terms;
  gint64 first = seances_policy_store_get_current (store)->id;
  guint changed = 0;

  g_signal_connect_swapped (store, "changed", G_CALLBACK (count_cb), &changed);

  terms.notice_hours = 24;
  terms.absence.kind = SEANCES_POLICY_AMOUNT_PERCENT;
  terms.absence.value = 50;
  g_assert_true (seances_policy_store_save (store, &terms, "Nos engagements", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seances_policy_store_get_n_versions (store), ==, 2);
  g_assert_true (seances_policy_store_save (store, &terms, "  Nos engagements \n", &error));
  g_assert_cmpuint (seances_policy_store_get_n_versions (store), ==, 2);
  g_assert_cmpuint (changed, ==, 1);

  g_assert_cmpint (seances_policy_store_lookup (store, first)->terms.notice_hours, ==, 48);
  g_assert_cmpint (seances_policy_store_get_current (store)->terms.notice_hours, ==, 24);
  g_assert_true (seances_policy_store_for_booking (store, 0) == seances_policy_store_lookup (store, first));
  g_assert_true (seances_policy_store_for_booking (store, 999) == seances_policy_store_lookup (store, first));

  reread = seances_policy_store_new (fixture->database, fixture->clock, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (seances_policy_store_get_n_versions (reread), ==, 2);
  g_assert_cmpint (seances_policy_store_get_current (reread)->terms.absence.kind, ==, SEANCES_POLICY_AMOUNT_PERCENT);
  g_assert_cmpint (seances_policy_store_get_current (reread)->terms.absence.value, ==, 50);
  g_assert_cmpstr (seances_policy_store_get_current (reread)->commitment, ==, "Nos engagements");
}

/* What no rule reads (the value behind a full fee, the months of a rule switched off) is
 * not a change: the preferences save it as they find it, and no new version comes of it. */
static void
test_unused_values (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SeancesPolicyStore) store = seances_policy_store_new (fixture->database, fixture->clock, &error);
  const SeancesPolicyVersion *current = seances_policy_store_get_current (store);
  SeancesPolicyTerms terms = current->terms;
  g_autofree char *commitment = g_strdup (current->commitment);

  terms.grace_count = 0;
  g_assert_true (seances_policy_store_save (store, &terms, commitment, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seances_policy_store_get_n_versions (store), ==, 2);

  terms.late.value = 50;
  terms.grace_months = 6;
  g_assert_true (seances_policy_store_save (store, &terms, commitment, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seances_policy_store_get_n_versions (store), ==, 2);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM policy_version"), ==, 2);
}

/* What cannot be saved is refused with one French sentence, and nothing is added. */
static const struct {
  const char *name;
  int         notice_hours;
  int         grace_months;
  const char *commitment;
  const char *message;
} refusals[] = {
  { "empty-commitment", 48, 12, " \n ", "Écrivez le texte de l’engagement que le client acceptera." },
  { "notice-too-long", 200, 12, "Texte", NULL },
  { "grace-months-zero", 48, 0, "Texte", NULL },
};

static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  const typeof (refusals[0]) *row = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SeancesPolicyStore) store = seances_policy_store_new (fixture->database, fixture->clock, &error);
  SeancesPolicyTerms terms = seances_policy_store_get_current (store)->terms;

  terms.notice_hours = row->notice_hours;
  terms.grace_months = row->grace_months;
  g_assert_false (seances_policy_store_save (store, &terms, row->commitment, &error));
  g_assert_nonnull (error);
  if (row->message != NULL)
    g_assert_cmpstr (error->message, ==, row->message);
  g_assert_cmpuint (seances_policy_store_get_n_versions (store), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM policy_version"), ==, 1);
}

/* Acceptances are added, never replaced: the latest is shown, the first decides whether a
 * session was covered. */
static void
test_acceptances (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SeancesPolicyStore) store = seances_policy_store_new (fixture->database, fixture->clock, &error);
  g_autoptr(SeancesPolicyStore) reread = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  SeancesPolicyTerms terms = seances_policy_store_get_current (store)->terms;
  gint64 first = seances_policy_store_get_current (store)->id;
  gint64 second;
  const SeancesPolicyAcceptance *latest;
  const gint64 day = 24 * 3600;

  g_assert_false (seances_policy_store_accepted_before (store, 1, NOW));
  g_assert_null (seances_policy_store_get_acceptance (store, 1));

  g_assert_true (seances_policy_store_accept (store, 1, first, NOW - 30 * day,
                                              SEANCES_ACCEPTANCE_PAPER, &error));
  g_assert_no_error (error);
  terms.notice_hours = 24;
  g_assert_true (seances_policy_store_save (store, &terms, "Nouveau texte", &error));
  second = seances_policy_store_get_current (store)->id;
  g_assert_true (seances_policy_store_accept (store, 1, second, NOW - day,
                                              SEANCES_ACCEPTANCE_EMAIL, &error));
  g_assert_true (seances_policy_store_accept (store, 2, first, NOW - 2 * day,
                                              SEANCES_ACCEPTANCE_SESSION, &error));
  g_assert_no_error (error);

  /* In the future, or of a version that does not exist: refused. */
  g_assert_false (seances_policy_store_accept (store, 2, first, NOW + 60, SEANCES_ACCEPTANCE_PAPER, &error));
  g_assert_error (error, SEANCES_POLICY_STORE_ERROR, SEANCES_POLICY_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Une acceptation ne peut pas être datée dans le futur.");
  g_clear_error (&error);
  g_assert_false (seances_policy_store_accept (store, 2, 999, NOW, SEANCES_ACCEPTANCE_PAPER, &error));
  g_assert_error (error, SEANCES_POLICY_STORE_ERROR, SEANCES_POLICY_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  reread = seances_policy_store_new (fixture->database, fixture->clock, &error);
  g_assert_no_error (error);
  latest = seances_policy_store_get_acceptance (reread, 1);
  g_assert_nonnull (latest);
  g_assert_cmpint (latest->version_id, ==, second);
  g_assert_cmpint (latest->means, ==, SEANCES_ACCEPTANCE_EMAIL);
  g_assert_true (seances_policy_store_accepted_before (reread, 1, NOW - 30 * day));
  g_assert_false (seances_policy_store_accepted_before (reread, 1, NOW - 31 * day));
  g_assert_false (seances_policy_store_accepted_before (reread, 2, NOW - 3 * day));
  g_assert_true (seances_policy_store_accepted_before (reread, 2, NOW));

  listed = seances_policy_store_list_acceptances (reread, first);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpint (((SeancesPolicyAcceptance *) g_ptr_array_index (listed, 0))->client_id, ==, 2);
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = seances_policy_store_list_acceptances (reread, 0);
  g_assert_cmpuint (listed->len, ==, 2);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM policy_acceptance"), ==, 3);
}

static const struct {
  SeancesAcceptanceMeans means;
  const char *text;
} spellings[] = {
  { SEANCES_ACCEPTANCE_PAPER, "paper" },
  { SEANCES_ACCEPTANCE_EMAIL, "email" },
  { SEANCES_ACCEPTANCE_SESSION, "session" },
};

static void
test_spelling (gconstpointer data)
{
  const typeof (spellings[0]) *row = data;
  SeancesAcceptanceMeans means = SEANCES_ACCEPTANCE_SESSION + 1;

  g_assert_cmpstr (seances_acceptance_means_to_string (row->means), ==, row->text);
  g_assert_true (seances_acceptance_means_from_string (row->text, &means));
  g_assert_cmpint (means, ==, row->means);
  g_assert_false (seances_acceptance_means_from_string ("Paper", &means));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  seances_test_init_french ();

  g_test_add ("/policy-store/default-version", Fixture, NULL, fixture_set_up, test_default_version, fixture_tear_down);
  g_test_add ("/policy-store/versions", Fixture, NULL, fixture_set_up, test_versions, fixture_tear_down);
  g_test_add ("/policy-store/unused-values", Fixture, NULL, fixture_set_up, test_unused_values, fixture_tear_down);
  g_test_add ("/policy-store/acceptances", Fixture, NULL, fixture_set_up, test_acceptances, fixture_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autofree char *path = g_strdup_printf ("/policy-store/refused/%s", refusals[i].name);
      g_test_add (path, Fixture, &refusals[i], fixture_set_up, test_refused, fixture_tear_down);
    }
  for (guint i = 0; i < G_N_ELEMENTS (spellings); i++)
    {
      g_autofree char *path = g_strdup_printf ("/policy-store/spelling/%s", spellings[i].text);
      g_test_add_data_func (path, &spellings[i], test_spelling);
    }
  return g_test_run ();
}
