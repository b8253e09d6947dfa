/* test-practice.c — the practice: validation in French, saving, loading
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "seances-database-private.h"
#include "seances-practice.h"
#include "seances-test.h"

typedef void (*Change) (SeancesPractice *practice);

static void set_nothing (SeancesPractice *p) { }
static void set_no_name (SeancesPractice *p) { g_free (p->name); p->name = g_strdup ("   "); }
static void set_no_practitioner (SeancesPractice *p) { g_free (p->practitioner); p->practitioner = g_strdup (""); }
static void set_bad_email (SeancesPractice *p) { g_free (p->email); p->email = g_strdup ("claire@exemple"); }
static void set_bad_phone (SeancesPractice *p) { g_free (p->phone); p->phone = g_strdup ("06 12"); }
static void set_line_break (SeancesPractice *p) { g_free (p->address); p->address = g_strdup ("12 rue des Lilas\nBcc: x"); }
static void set_bad_zone (SeancesPractice *p) { g_free (p->time_zone); p->time_zone = g_strdup ("Europe/Lutece"); }
static void set_short_session (SeancesPractice *p) { p->session_minutes = 2; }
static void set_long_buffer (SeancesPractice *p) { p->buffer_minutes = 300; }
static void set_negative_fee (SeancesPractice *p) { p->default_fee_cents = -100; }
static void set_closed_day (SeancesPractice *p) { p->opening_hour = 18; p->closing_hour = 9; }
static void set_bad_vocabulary (SeancesPractice *p) { p->vocabulary = (SeancesVocabulary) (SEANCES_VOCABULARY_CLIENT + 1); }

static SeancesPractice *
valid_practice (void)
{
  SeancesPractice *practice = seances_practice_new_default ();

  g_free (practice->name);
  practice->name = g_strdup ("  Cabinet Les Tilleuls ");
  g_free (practice->practitioner);
  practice->practitioner = g_strdup ("Claire Martin");
  g_free (practice->phone);
  practice->phone = g_strdup ("04 78 00 00 00");
  g_free (practice->email);
  practice->email = g_strdup ("claire.martin@example.fr");
  return practice;
}

static void
test_validate (void)
{
  static const struct {
    Change      change;
    gboolean    valid;
    const char *message;
  } cases[] = {
    { set_nothing, TRUE, NULL },
    { set_no_name, FALSE, "Saisissez le nom du cabinet." },
    { set_no_practitioner, FALSE, "Saisissez votre nom." },
    { set_bad_email, FALSE, "L’adresse e-mail n’est pas valide, par exemple\xc2\xa0: nom@exemple.fr." },
    { set_bad_phone, FALSE, "Le numéro de téléphone n’est pas valide, par exemple\xc2\xa0: 04 78 00 00 00." },
    { set_line_break, FALSE, "Chaque champ doit tenir sur une seule ligne." },
    { set_bad_zone, FALSE, "Ce fuseau horaire est inconnu." },
    { set_short_session, FALSE, "Une séance dure entre 5 minutes et 8 heures." },
    { set_long_buffer, FALSE, "La pause entre deux séances dure au plus 4 heures." },
    { set_negative_fee, FALSE, NULL },
    { set_bad_vocabulary, FALSE, NULL },
    { set_closed_day, FALSE, "Le cabinet doit ouvrir avant de fermer." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SeancesPractice) practice = valid_practice ();
      g_autoptr(GError) error = NULL;

      cases[i].change (practice);
      g_assert_cmpint (seances_practice_validate (practice, &error), ==, cases[i].valid);
      if (cases[i].valid)
        {
          g_assert_no_error (error);
          g_assert_cmpstr (practice->name, ==, "Cabinet Les Tilleuls");
          g_assert_cmpstr (practice->phone, ==, "+33478000000");
        }
      else
        {
          g_assert_error (error, SEANCES_PRACTICE_ERROR, SEANCES_PRACTICE_ERROR_INVALID);
          if (cases[i].message != NULL)
            g_assert_cmpstr (error->message, ==, cases[i].message);
        }
    }
}

static void
test_defaults (void)
{
  g_autoptr(SeancesPractice) practice = seances_practice_new_default ();

  g_assert_cmpstr (practice->time_zone, ==, "Europe/Paris");
  g_assert_cmpint (practice->session_minutes, ==, 50);
  g_assert_cmpint (practice->buffer_minutes, ==, 10);
  g_assert_cmpint (practice->vocabulary, ==, SEANCES_VOCABULARY_PATIENT);
}

static void
test_save_and_load (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "seances.db", NULL);
  g_autoptr(SeancesKey) key = seances_key_new_random ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SeancesDatabase) database = seances_database_create (path, key, &error);
  g_autoptr(SeancesPractice) practice = valid_practice ();
  g_autoptr(SeancesPractice) loaded = NULL;

  g_assert_no_error (error);
  g_assert_null (seances_practice_load (database, &error));
  g_assert_no_error (error);

  practice->default_fee_cents = 6500;
  practice->opening_hour = 9;
  practice->vocabulary = SEANCES_VOCABULARY_CLIENT;
  practice->field = SEANCES_FIELD_PHYSIOTHERAPY;
  g_assert_true (seances_practice_save (database, practice, g_get_real_time () / G_USEC_PER_SEC, &error));
  g_free (practice->address);
  practice->address = g_strdup ("12 rue des Lilas, 69003 Lyon");
  g_assert_true (seances_practice_save (database, practice, g_get_real_time () / G_USEC_PER_SEC, &error));
  g_assert_no_error (error);

  loaded = seances_practice_load (database, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->name, ==, "Cabinet Les Tilleuls");
  g_assert_cmpstr (loaded->address, ==, "12 rue des Lilas, 69003 Lyon");
  g_assert_cmpstr (loaded->phone, ==, "+33478000000");
  g_assert_cmpint (loaded->default_fee_cents, ==, 6500);
  g_assert_cmpint (loaded->session_minutes, ==, 50);
  g_assert_cmpint (loaded->opening_hour, ==, 9);
  g_assert_cmpint (loaded->closing_hour, ==, 20);
  g_assert_cmpint (loaded->vocabulary, ==, SEANCES_VOCABULARY_CLIENT);
  g_assert_cmpint (loaded->field, ==, SEANCES_FIELD_PHYSIOTHERAPY);
}

/* The database keeps the words, as the export shows them; a field this version does not
 * know (the column has no CHECK) reads as « other ». */
static void
test_stored_words (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "seances.db", NULL);
  g_autoptr(SeancesKey) key = seances_key_new_random ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SeancesDatabase) database = seances_database_create (path, key, &error);
  g_autoptr(SeancesPractice) practice = valid_practice ();
  g_autoptr(SeancesPractice) loaded = NULL;
  g_autoptr(SeancesStatement) stmt = NULL;
  gboolean has_row;

  g_assert_no_error (error);
  practice->vocabulary = SEANCES_VOCABULARY_CLIENT;
  practice->field = SEANCES_FIELD_DENTAL;
  g_assert_true (seances_practice_save (database, practice, g_get_real_time () / G_USEC_PER_SEC, &error));
  g_assert_no_error (error);

  stmt = seances_database_prepare (database, "SELECT vocabulary, field FROM practice", &error);
  g_assert_no_error (error);
  g_assert_true (seances_database_step (database, stmt, &has_row, &error));
  g_assert_true (has_row);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "client");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "dental");
  seances_statement_reset (g_steal_pointer (&stmt));

  g_assert_true (seances_database_exec (database, "UPDATE practice SET field = 'veterinary'", &error));
  g_assert_no_error (error);
  loaded = seances_practice_load (database, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->field, ==, SEANCES_FIELD_OTHER);
  g_assert_cmpint (loaded->vocabulary, ==, SEANCES_VOCABULARY_CLIENT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  seances_test_init_french ();

  g_test_add_func ("/practice/validate", test_validate);
  g_test_add_func ("/practice/defaults", test_defaults);
  g_test_add_func ("/practice/save-and-load", test_save_and_load);
  g_test_add_func ("/practice/stored-words", test_stored_words);

  return g_test_run ();
}
