/* test-practice.c — the practice: validation in French, saving, loading, its properties
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "seances-database-private.h"
#include "seances-practice.h"
#include "seances-test.h"

typedef void (*Change) (SeancesPractice *practice);

static void set_nothing (SeancesPractice *p) { }
static void set_no_name (SeancesPractice *p) { seances_practice_set_name (p, "   "); }
static void set_no_practitioner (SeancesPractice *p) { seances_practice_set_practitioner (p, ""); }
static void set_bad_email (SeancesPractice *p) { seances_practice_set_email (p, "claire@exemple"); }
static void set_bad_phone (SeancesPractice *p) { seances_practice_set_phone (p, "06 12"); }
static void set_line_break (SeancesPractice *p) { seances_practice_set_address (p, "12 rue des Lilas\nBcc: x"); }
static void set_bad_zone (SeancesPractice *p) { seances_practice_set_time_zone (p, "Europe/Lutece"); }
static void set_short_session (SeancesPractice *p) { seances_practice_set_session_minutes (p, 2); }
static void set_long_buffer (SeancesPractice *p) { seances_practice_set_buffer_minutes (p, 300); }
static void set_negative_fee (SeancesPractice *p) { seances_practice_set_default_fee_cents (p, -100); }
static void set_closed_day (SeancesPractice *p) { seances_practice_set_opening_hour (p, 18);
                                                  seances_practice_set_closing_hour (p, 9); }
static void
set_bad_vocabulary (SeancesPractice *p)
{
  seances_practice_set_vocabulary (p, (SeancesVocabulary) (SEANCES_VOCABULARY_CLIENT + 1));
}

static SeancesPractice *
valid_practice (void)
{
  return g_object_new (SEANCES_TYPE_PRACTICE,
                       "name", "  Cabinet Les Tilleuls ",
                       "practitioner", "Claire Martin",
                       "phone", "04 78 00 00 00",
                       "email", "claire.martin@example.fr",
                       NULL);
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
          g_assert_cmpstr (seances_practice_get_name (practice), ==, "Cabinet Les Tilleuls");
          g_assert_cmpstr (seances_practice_get_phone (practice), ==, "+33478000000");
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
  g_autoptr(SeancesPractice) practice = seances_practice_new ();

  g_assert_cmpstr (seances_practice_get_time_zone (practice), ==, "Europe/Paris");
  g_assert_cmpint (seances_practice_get_session_minutes (practice), ==, 50);
  g_assert_cmpint (seances_practice_get_buffer_minutes (practice), ==, 10);
  g_assert_cmpint (seances_practice_get_default_fee_cents (practice), ==, 6000);
  g_assert_cmpint (seances_practice_get_vocabulary (practice), ==, SEANCES_VOCABULARY_PATIENT);
  g_assert_cmpint (seances_practice_get_field (practice), ==, SEANCES_FIELD_MENTAL_HEALTH);
  g_assert_cmpint (seances_practice_get_opening_hour (practice), ==, 8);
  g_assert_cmpint (seances_practice_get_closing_hour (practice), ==, 20);
  g_assert_cmpstr (seances_practice_get_name (practice), ==, "");
}

/* One row per property: a value other than its default, as text for the strings and
 * as a number for the others. */
typedef struct
{
  const char *name;
  const char *text;      /* for strings */
  gint64      number;    /* for ints, the fee, enums */
} PropertyCase;

static const PropertyCase property_cases[] = {
  { "name", "Cabinet Les Tilleuls", 0 },
  { "practitioner", "Claire Martin", 0 },
  { "address", "12 rue des Lilas, 69003 Lyon", 0 },
  { "phone", "+33478000000", 0 },
  { "email", "claire.martin@exemple.fr", 0 },
  { "booking-link", "https://rdv.exemple.fr/claire", 0 },
  { "video-link", "https://visio.exemple.fr/claire", 0 },
  { "time-zone", "Europe/Brussels", 0 },
  { "session-minutes", NULL, 45 },
  { "buffer-minutes", NULL, 15 },
  { "default-fee-cents", NULL, 7500 },
  { "vocabulary", NULL, SEANCES_VOCABULARY_CLIENT },
  { "field", NULL, SEANCES_FIELD_COACHING },
  { "opening-hour", NULL, 9 },
  { "closing-hour", NULL, 19 },
};

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
set_case_value (GValue             *value,
                GParamSpec         *pspec,
                const PropertyCase *row)
{
  g_value_init (value, pspec->value_type);
  if (G_IS_PARAM_SPEC_STRING (pspec))
    g_value_set_string (value, row->text);
  else if (G_IS_PARAM_SPEC_INT (pspec))
    g_value_set_int (value, (int) row->number);
  else if (G_IS_PARAM_SPEC_INT64 (pspec))
    g_value_set_int64 (value, row->number);
  else if (G_IS_PARAM_SPEC_ENUM (pspec))
    g_value_set_enum (value, (int) row->number);
  else
    g_assert_not_reached ();
}

/* Each property notifies once when it changes, not when it is set to what it holds,
 * and the copy carries it. */
static void
test_property (gconstpointer data)
{
  const PropertyCase *row = data;
  g_autoptr(SeancesPractice) practice = seances_practice_new ();
  g_autoptr(SeancesPractice) copy = NULL;
  g_autofree char *detailed = g_strconcat ("notify::", row->name, NULL);
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GValue) read = G_VALUE_INIT;
  g_auto(GValue) copied = G_VALUE_INIT;
  GParamSpec *pspec;
  guint notified = 0;
  guint notified_any = 0;

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (practice), row->name);
  g_assert_nonnull (pspec);
  g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);
  set_case_value (&value, pspec, row);
  g_assert_false (g_param_value_defaults (pspec, &value));

  g_signal_connect (practice, detailed, G_CALLBACK (count_notify_cb), &notified);
  g_signal_connect (practice, "notify", G_CALLBACK (count_notify_cb), &notified_any);
  g_object_set_property (G_OBJECT (practice), row->name, &value);
  g_object_set_property (G_OBJECT (practice), row->name, &value);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (notified_any, ==, 1);

  g_value_init (&read, pspec->value_type);
  g_object_get_property (G_OBJECT (practice), row->name, &read);
  g_assert_cmpint (g_param_values_cmp (pspec, &read, &value), ==, 0);

  copy = seances_practice_copy (practice);
  g_value_init (&copied, pspec->value_type);
  g_object_get_property (G_OBJECT (copy), row->name, &copied);
  g_assert_cmpint (g_param_values_cmp (pspec, &copied, &value), ==, 0);
}

static void
record_notify_cb (GObject    *object,
                  GParamSpec *pspec,
                  GPtrArray  *names)
{
  g_ptr_array_add (names, (gpointer) pspec->name);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* The names notified since the last call, in alphabetical order: GLib does not promise
 * the order in which a thaw lets the notifications go. */
static char *
take_names (GPtrArray *names)
{
  GString *joined = g_string_new (NULL);

  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (joined, "%s%s", i > 0 ? " " : "", (const char *) names->pdata[i]);
  g_ptr_array_set_size (names, 0);
  return g_string_free (joined, FALSE);
}

/* Assigning notifies only what differs, after every value is in place. */
static void
test_assign (void)
{
  g_autoptr(SeancesPractice) practice = valid_practice ();
  g_autoptr(SeancesPractice) edited = seances_practice_copy (practice);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *changed = NULL;
  g_autofree char *unchanged = NULL;

  seances_practice_set_vocabulary (edited, SEANCES_VOCABULARY_CLIENT);
  seances_practice_set_time_zone (edited, "Europe/Brussels");
  g_signal_connect (practice, "notify", G_CALLBACK (record_notify_cb), names);

  seances_practice_assign (practice, edited);
  changed = take_names (names);
  g_assert_cmpstr (changed, ==, "time-zone vocabulary");
  g_assert_cmpstr (seances_practice_get_time_zone (practice), ==, "Europe/Brussels");
  g_assert_cmpint (seances_practice_get_vocabulary (practice), ==, SEANCES_VOCABULARY_CLIENT);

  seances_practice_assign (practice, edited);
  unchanged = take_names (names);
  g_assert_cmpstr (unchanged, ==, "");
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

  seances_practice_set_default_fee_cents (practice, 6500);
  seances_practice_set_opening_hour (practice, 9);
  seances_practice_set_vocabulary (practice, SEANCES_VOCABULARY_CLIENT);
  seances_practice_set_field (practice, SEANCES_FIELD_PHYSIOTHERAPY);
  g_assert_true (seances_practice_save (database, practice, g_get_real_time () / G_USEC_PER_SEC, &error));
  seances_practice_set_address (practice, "12 rue des Lilas, 69003 Lyon");
  g_assert_true (seances_practice_save (database, practice, g_get_real_time () / G_USEC_PER_SEC, &error));
  g_assert_no_error (error);

  loaded = seances_practice_load (database, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (seances_practice_get_name (loaded), ==, "Cabinet Les Tilleuls");
  g_assert_cmpstr (seances_practice_get_address (loaded), ==, "12 rue des Lilas, 69003 Lyon");
  g_assert_cmpstr (seances_practice_get_phone (loaded), ==, "+33478000000");
  g_assert_cmpint (seances_practice_get_default_fee_cents (loaded), ==, 6500);
  g_assert_cmpint (seances_practice_get_session_minutes (loaded), ==, 50);
  g_assert_cmpint (seances_practice_get_opening_hour (loaded), ==, 9);
  g_assert_cmpint (seances_practice_get_closing_hour (loaded), ==, 20);
  g_assert_cmpint (seances_practice_get_vocabulary (loaded), ==, SEANCES_VOCABULARY_CLIENT);
  g_assert_cmpint (seances_practice_get_field (loaded), ==, SEANCES_FIELD_PHYSIOTHERAPY);
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
  seances_practice_set_vocabulary (practice, SEANCES_VOCABULARY_CLIENT);
  seances_practice_set_field (practice, SEANCES_FIELD_DENTAL);
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
  g_assert_cmpint (seances_practice_get_field (loaded), ==, SEANCES_FIELD_OTHER);
  g_assert_cmpint (seances_practice_get_vocabulary (loaded), ==, SEANCES_VOCABULARY_CLIENT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  seances_test_init_french ();

  g_test_add_func ("/practice/validate", test_validate);
  g_test_add_func ("/practice/defaults", test_defaults);
  for (guint i = 0; i < G_N_ELEMENTS (property_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/practice/property/", property_cases[i].name, NULL);

      g_test_add_data_func (path, &property_cases[i], test_property);
    }
  g_test_add_func ("/practice/assign", test_assign);
  g_test_add_func ("/practice/save-and-load", test_save_and_load);
  g_test_add_func ("/practice/stored-words", test_stored_words);

  return g_test_run ();
}
