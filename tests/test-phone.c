/* test-phone.c — phone numbers: stored in E.164, shown as in their country, mobile or not
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "seances-client.h"
#include "seances-format.h"
#include "seances-phone.h"
#include "seances-test.h"

typedef struct {
  const char       *name;
  const char       *typed;
  const char       *stored;
  const char       *shown;
  SeancesPhoneKind  kind;
} PhoneCase;

static const PhoneCase valid_cases[] = {
  { "france-mobile", "06 12 34 56 78", "+33612345678", "06 12 34 56 78", SEANCES_PHONE_KIND_MOBILE },
  { "france-dots", "06.12.34.56.78", "+33612345678", "06 12 34 56 78", SEANCES_PHONE_KIND_MOBILE },
  { "france-plus", "+33 6 12 34 56 78", "+33612345678", "06 12 34 56 78", SEANCES_PHONE_KIND_MOBILE },
  { "france-plus-zero", "+33 (0)6 12 34 56 78", "+33612345678", "06 12 34 56 78", SEANCES_PHONE_KIND_MOBILE },
  { "france-landline", "0033 4 78 00 00 00", "+33478000000", "04 78 00 00 00", SEANCES_PHONE_KIND_LANDLINE },
  { "france-paris", "01 23 45 67 89", "+33123456789", "01 23 45 67 89", SEANCES_PHONE_KIND_LANDLINE },
  { "reunion-mobile", "0692 12 34 56", "+262692123456", "0692 12 34 56", SEANCES_PHONE_KIND_MOBILE },
  { "reunion-landline", "+262 262 12 34 56", "+262262123456", "0262 12 34 56", SEANCES_PHONE_KIND_LANDLINE },
  { "mayotte-mobile", "+262 639 40 12 34", "+262639401234", "0639 40 12 34", SEANCES_PHONE_KIND_MOBILE },
  { "guadeloupe-mobile", "+590 690 12 34 56", "+590690123456", "0690 12 34 56", SEANCES_PHONE_KIND_MOBILE },
  { "guadeloupe-landline", "0590 12 34 56", "+590590123456", "0590 12 34 56", SEANCES_PHONE_KIND_LANDLINE },
  { "martinique-mobile", "+596 696 12 34 56", "+596696123456", "0696 12 34 56", SEANCES_PHONE_KIND_MOBILE },
  { "guyane-mobile", "0694 20 12 34", "+594694201234", "0694 20 12 34", SEANCES_PHONE_KIND_MOBILE },
  { "comores-mobile", "+269 321 23 45", "+2693212345", "321 23 45", SEANCES_PHONE_KIND_MOBILE },
  { "comores-landline", "+269 773 12 34", "+2697731234", "773 12 34", SEANCES_PHONE_KIND_LANDLINE },
  { "belgium-mobile", "+32 470 12 34 56", "+32470123456", "0470 12 34 56", SEANCES_PHONE_KIND_MOBILE },
  { "belgium-landline", "0032 2 512 34 56", "+3225123456", "02 512 34 56", SEANCES_PHONE_KIND_LANDLINE },
  { "switzerland-mobile", "+41 79 123 45 67", "+41791234567", "079 123 45 67", SEANCES_PHONE_KIND_MOBILE },
  { "switzerland-landline", "+41 22 123 45 67", "+41221234567", "022 123 45 67", SEANCES_PHONE_KIND_LANDLINE },
  { "luxembourg-mobile", "+352 621 123 456", "+352621123456", "621 123 456", SEANCES_PHONE_KIND_MOBILE },
  { "luxembourg-landline", "+352 26 12 34 56", "+35226123456", "26 12 34 56", SEANCES_PHONE_KIND_LANDLINE },
  /* ARCEP's numbers for fiction, which the demonstration uses. */
  { "fiction-mobile", "06 39 98 12 34", "+33639981234", "06 39 98 12 34", SEANCES_PHONE_KIND_MOBILE },
  { "fiction-landline", "+33 4 65 71 23 45", "+33465712345", "04 65 71 23 45", SEANCES_PHONE_KIND_LANDLINE },
  /* North American numbers do not say whether they are mobiles. */
  { "canada", "+1 514 555 1234", "+15145551234", "(514) 555-1234", SEANCES_PHONE_KIND_OTHER },
};

static void
test_valid (gconstpointer data)
{
  const PhoneCase *row = data;
  g_autofree char *stored = seances_phone_normalize (row->typed);
  g_autofree char *shown = NULL;
  g_autofree char *again = NULL;

  g_assert_cmpstr (stored, ==, row->stored);
  shown = seances_phone_format (stored);
  g_assert_cmpstr (shown, ==, row->shown);
  g_assert_cmpint (seances_phone_get_kind (stored), ==, row->kind);
  /* What is shown reads back as the same number, when it is French. */
  if (g_str_has_prefix (stored, "+33"))
    {
      again = seances_phone_normalize (shown);
      g_assert_cmpstr (again, ==, stored);
    }
}

#define NOT_VALID "Le numéro de téléphone n’est pas valide, par exemple\xc2\xa0: 04 78 00 00 00."

static const struct {
  const char *typed;
  const char *message;
} invalid_cases[] = {
  { "12 34", NOT_VALID },
  { "06 12", NOT_VALID },
  { "06 12 34 56 7", NOT_VALID },
  { "06 12 34 56 78 9", NOT_VALID },
  { "06 12 34 56 7a", NOT_VALID },
  { "+33 0 6 12", NOT_VALID },
  { "+32 12", NOT_VALID },
  { "++33 6 12 34 56 78", NOT_VALID },
  { "06 12 + 34 56 78", NOT_VALID },
  { "tel: 06 12 34 56 78", NOT_VALID },
  /* The client refuses any field on two lines before it reads the number. */
  { "06 12 34 56 78\n", "Chaque champ doit tenir sur une seule ligne." },
};

/* Refused by the format, and by the client with one French sentence that shows how. */
static void
test_invalid (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  g_autofree char *stored = seances_phone_normalize (invalid_cases[i].typed);
  g_autoptr(SeancesClient) client = seances_client_new ();
  g_autoptr(GError) error = NULL;

  g_assert_null (stored);

  seances_client_set_first_name (client, "Hélène");
  seances_client_set_last_name (client, "Martin");
  seances_client_set_phone (client, invalid_cases[i].typed);
  g_assert_false (seances_client_validate (client, &error));
  g_assert_cmpstr (error->message, ==, invalid_cases[i].message);
}

/* Numbers saved before they were checked by libphonenumber are shown as stored. */
static void
test_unknown_stored (void)
{
  g_autofree char *shown = seances_phone_format ("+999123");
  g_autofree char *empty = seances_phone_format ("");

  g_assert_cmpstr (shown, ==, "+999123");
  g_assert_cmpstr (empty, ==, "");
  g_assert_cmpint (seances_phone_get_kind ("+999123"), ==, SEANCES_PHONE_KIND_OTHER);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  seances_test_init_french ();

  for (guint i = 0; i < G_N_ELEMENTS (valid_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/phone/valid/%s", valid_cases[i].name);
      g_test_add_data_func (path, &valid_cases[i], test_valid);
    }
  for (guint i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/phone/invalid/%u", i);
      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_invalid);
    }
  g_test_add_func ("/phone/unknown-stored", test_unknown_stored);

  return g_test_run ();
}
