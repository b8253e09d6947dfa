/* test-sms.c — encodings, characters and parts of SMS texts
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "seances-sms.h"

typedef struct
{
  const char         *name;
  const char         *text;       /* NULL: built from repeat × times */
  const char         *repeat;
  guint               times;
  SeancesSmsEncoding  encoding;
  guint               units;
  guint               characters;
  guint               parts;
  gunichar            forcing;
  guint               forcing_at;
} CountCase;

static const CountCase count_cases[] = {
  { "empty", "", NULL, 0, SEANCES_SMS_GSM7, 0, 0, 0, 0, 0 },
  { "plain", "Bonjour Zoé, à mardi 14h.", NULL, 0, SEANCES_SMS_GSM7, 25, 25, 1, 0, 0 },
  /* é è ù à É Ç are GSM-7 letters */
  { "gsm7-accents", "éèùàÉÇ", NULL, 0, SEANCES_SMS_GSM7, 6, 6, 1, 0, 0 },
  /* ç â ê î ô û ë ï œ are not: each forces UCS-2 */
  { "c-cedilla", "Ça va, garçon", NULL, 0, SEANCES_SMS_UCS2, 13, 13, 1, 0x00E7, 10 },
  { "a-circumflex", "âge", NULL, 0, SEANCES_SMS_UCS2, 3, 3, 1, 0x00E2, 0 },
  { "e-circumflex", "fête", NULL, 0, SEANCES_SMS_UCS2, 4, 4, 1, 0x00EA, 1 },
  { "i-circumflex", "île", NULL, 0, SEANCES_SMS_UCS2, 3, 3, 1, 0x00EE, 0 },
  { "o-circumflex", "hôtel", NULL, 0, SEANCES_SMS_UCS2, 5, 5, 1, 0x00F4, 1 },
  { "u-circumflex", "sûr", NULL, 0, SEANCES_SMS_UCS2, 3, 3, 1, 0x00FB, 1 },
  { "e-diaeresis", "Noël", NULL, 0, SEANCES_SMS_UCS2, 4, 4, 1, 0x00EB, 2 },
  { "i-diaeresis", "naïf", NULL, 0, SEANCES_SMS_UCS2, 4, 4, 1, 0x00EF, 2 },
  { "oe", "cœur", NULL, 0, SEANCES_SMS_UCS2, 4, 4, 1, 0x0153, 1 },
  { "apostrophe", "l’heure", NULL, 0, SEANCES_SMS_UCS2, 7, 7, 1, 0x2019, 1 },
  { "guillemets", "« oui »", NULL, 0, SEANCES_SMS_UCS2, 7, 7, 1, 0x00AB, 0 },
  { "no-break-space", "14\u00a0h", NULL, 0, SEANCES_SMS_UCS2, 4, 4, 1, 0x00A0, 2 },
  /* the extension table costs two septets */
  { "euro", "60 €", NULL, 0, SEANCES_SMS_GSM7, 5, 4, 1, 0, 0 },
  { "brackets", "[x]{y}", NULL, 0, SEANCES_SMS_GSM7, 10, 6, 1, 0, 0 },
  /* limits: 160 alone, then 153 a part */
  { "gsm7-160", NULL, "a", 160, SEANCES_SMS_GSM7, 160, 160, 1, 0, 0 },
  { "gsm7-161", NULL, "a", 161, SEANCES_SMS_GSM7, 161, 161, 2, 0, 0 },
  { "gsm7-306", NULL, "a", 306, SEANCES_SMS_GSM7, 306, 306, 2, 0, 0 },
  { "gsm7-307", NULL, "a", 307, SEANCES_SMS_GSM7, 307, 307, 3, 0, 0 },
  /* 80 euros = 160 septets, one SMS; 81 do not fit and a € is never cut: 76 a part */
  { "euro-160", NULL, "€", 80, SEANCES_SMS_GSM7, 160, 80, 1, 0, 0 },
  { "euro-162", NULL, "€", 81, SEANCES_SMS_GSM7, 162, 81, 2, 0, 0 },
  { "euro-154", NULL, "€", 77, SEANCES_SMS_GSM7, 154, 77, 1, 0, 0 },
  /* UCS-2: 70 alone, then 67 a part */
  { "ucs2-70", NULL, "ç", 70, SEANCES_SMS_UCS2, 70, 70, 1, 0x00E7, 0 },
  { "ucs2-71", NULL, "ç", 71, SEANCES_SMS_UCS2, 71, 71, 2, 0x00E7, 0 },
  { "ucs2-134", NULL, "ç", 134, SEANCES_SMS_UCS2, 134, 134, 2, 0x00E7, 0 },
  { "ucs2-135", NULL, "ç", 135, SEANCES_SMS_UCS2, 135, 135, 3, 0x00E7, 0 },
  /* beyond the BMP: two units, never cut */
  { "emoji", "🙂", NULL, 0, SEANCES_SMS_UCS2, 2, 1, 1, 0x1F642, 0 },
  { "emoji-36", NULL, "🙂", 36, SEANCES_SMS_UCS2, 72, 36, 2, 0x1F642, 0 },
};

static char *
case_text (const CountCase *row)
{
  GString *text;

  if (row->text != NULL)
    return g_strdup (row->text);
  text = g_string_new (NULL);
  for (guint i = 0; i < row->times; i++)
    g_string_append (text, row->repeat);
  return g_string_free (text, FALSE);
}

static void
test_count (gconstpointer data)
{
  const CountCase *row = data;
  g_autofree char *text = case_text (row);
  SeancesSmsCount count;

  seances_sms_count (text, &count);
  g_assert_cmpint (count.encoding, ==, row->encoding);
  g_assert_cmpuint (count.units, ==, row->units);
  g_assert_cmpuint (count.characters, ==, row->characters);
  g_assert_cmpuint (count.parts, ==, row->parts);
  g_assert_cmpuint (count.forcing, ==, row->forcing);
  if (row->forcing != 0)
    g_assert_cmpuint (count.forcing_at, ==, row->forcing_at);
}

/* 306 septets would fill two parts, but « aa » and 152 € cannot be cut so: the escape and
 * its € stay together, and a third part is needed. */
static void
test_never_cut (void)
{
  GString *text = g_string_new ("aa");
  g_autofree char *joined = NULL;
  SeancesSmsCount count;

  for (guint i = 0; i < 152; i++)
    g_string_append (text, "€");
  joined = g_string_free (text, FALSE);
  seances_sms_count (joined, &count);
  g_assert_cmpuint (count.units, ==, 306);
  g_assert_cmpuint (count.parts, ==, 3);
  g_assert_cmpuint (count.left, ==, 151);
}

/* What the parts leave: the editor says « encore N caractères ». */
static void
test_left (void)
{
  SeancesSmsCount count;

  seances_sms_count ("Bonjour", &count);
  g_assert_cmpuint (count.left, ==, 153);
  seances_sms_count ("Noël", &count);
  g_assert_cmpuint (count.left, ==, 66);
  seances_sms_count ("", &count);
  g_assert_cmpuint (count.left, ==, 160);
}

typedef struct
{
  const char *name;
  const char *text;
  const char *normalized;
  gboolean    gsm7;        /* what is left fits GSM-7 */
} NormalizeCase;

static const NormalizeCase normalize_cases[] = {
  { "apostrophe", "Bonjour, c’est Claire", "Bonjour, c'est Claire", TRUE },
  { "guillemets", "« À mardi »", "\" À mardi \"", FALSE },      /* À is not GSM-7 */
  { "guillemets-nbsp", "«\u00a0oui\u00a0»", "\" oui \"", TRUE },
  { "spaces", "14\u00a0h\u202f00", "14 h 00", TRUE },
  { "dashes", "lundi – mardi — jeudi", "lundi - mardi - jeudi", TRUE },
  { "ellipsis", "À bientôt…", "À bientôt...", FALSE },
  { "letters-kept", "garçon, fête, cœur", "garçon, fête, cœur", FALSE },
  { "plain", "Rendez-vous le 24/11 à 14h.", "Rendez-vous le 24/11 à 14h.", TRUE },
};

static void
test_normalize (gconstpointer data)
{
  const NormalizeCase *row = data;
  g_autofree char *normalized = seances_sms_normalize (row->text);
  SeancesSmsCount count;

  g_assert_cmpstr (normalized, ==, row->normalized);
  seances_sms_count (normalized, &count);
  g_assert_cmpint (count.encoding == SEANCES_SMS_GSM7, ==, row->gsm7);
}

/* A reminder as the app writes it fits one SMS once normalised. */
static void
test_reminder_fits (void)
{
  const char *text = "Bonjour Zoé, petit rappel : votre rendez-vous est mardi 24 novembre à "
                     "14\u00a0h\u00a000 au cabinet Les Tilleuls. En cas d’empêchement, "
                     "appelez le 04 78 00 00 00.";
  g_autofree char *normalized = seances_sms_normalize (text);
  SeancesSmsCount before, after;

  seances_sms_count (text, &before);
  seances_sms_count (normalized, &after);
  g_assert_cmpint (before.encoding, ==, SEANCES_SMS_UCS2);
  g_assert_cmpuint (before.parts, ==, 3);
  /* « empêchement » still forces UCS-2: shown, not changed */
  g_assert_cmpint (after.encoding, ==, SEANCES_SMS_UCS2);
  g_assert_cmpuint (after.forcing, ==, 0x00EA);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (count_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/sms/count/%s", count_cases[i].name);
      g_test_add_data_func (path, &count_cases[i], test_count);
    }
  for (guint i = 0; i < G_N_ELEMENTS (normalize_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/sms/normalize/%s", normalize_cases[i].name);
      g_test_add_data_func (path, &normalize_cases[i], test_normalize);
    }
  g_test_add_func ("/sms/left", test_left);
  g_test_add_func ("/sms/never-cut", test_never_cut);
  g_test_add_func ("/sms/reminder-fits", test_reminder_fits);
  return g_test_run ();
}
