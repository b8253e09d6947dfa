/* test-template.c — placeholders, one-pass substitution, headers, discretion
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "seances-template.h"
#include "seances-test.h"

static const char *values[SEANCES_N_PLACEHOLDERS] = {
  [SEANCES_PLACEHOLDER_FIRST_NAME] = "Zoé",
  [SEANCES_PLACEHOLDER_LAST_NAME] = "D’Aubigné",
  [SEANCES_PLACEHOLDER_DATE] = "mardi 24 novembre",
  [SEANCES_PLACEHOLDER_TIME] = "14\u00a0h\u00a000",
  [SEANCES_PLACEHOLDER_DURATION] = "50\u00a0min",
  [SEANCES_PLACEHOLDER_PRACTICE] = "Cabinet Les Tilleuls",
  [SEANCES_PLACEHOLDER_PRACTITIONER] = "Claire Martin",
  [SEANCES_PLACEHOLDER_AMOUNT] = "60,00\u00a0€",
};

typedef struct
{
  const char *name;
  const char *text;
  gboolean    header;
  const char *expanded;
} ExpandCase;

static const ExpandCase expand_cases[] = {
  { "plain", "Bonjour {prenom}, à {date} à {heure}.", FALSE,
    "Bonjour Zoé, à mardi 24 novembre à 14\u00a0h\u00a000." },
  { "twice", "{prenom} {prenom}", FALSE, "Zoé Zoé" },
  { "missing-value", "Lien : {lien_visio}.", FALSE, "Lien : ." },
  { "no-placeholder", "Rien à remplacer", FALSE, "Rien à remplacer" },
  { "literal-braces", "{ } {} {a b} {{prenom}}", FALSE, "{ } {} {a b} {Zoé}" },
  { "unknown-kept", "Cher {Prenom}", FALSE, "Cher {Prenom}" },
  { "unclosed", "Bonjour {prenom", FALSE, "Bonjour {prenom" },
  { "percent", "100 % {montant} %s %d", FALSE, "100 % 60,00\u00a0€ %s %d" },
  { "body-keeps-lines", "Bonjour,\n\nÀ {date}.", FALSE, "Bonjour,\n\nÀ mardi 24 novembre." },
  { "header-no-lines", "Rendez-vous\r\n{date}", TRUE, "Rendez-vous mardi 24 novembre" },
  { "empty", "", FALSE, "" },
};

static void
test_expand (gconstpointer data)
{
  const ExpandCase *row = data;
  g_autofree char *expanded = seances_template_expand (row->text, values, row->header);

  g_assert_cmpstr (expanded, ==, row->expanded);
}

/* A value is copied as it is: never read for placeholders, never a format; in a header
 * its line breaks are gone, so that it cannot add a header of its own. */
typedef struct
{
  const char *name;
  const char *value;
  gboolean    header;
  const char *expanded;
} ValueCase;

static const ValueCase value_cases[] = {
  { "placeholder-in-value", "{nom}", FALSE, "Bonjour {nom}." },
  { "format-in-value", "%s%n%x", FALSE, "Bonjour %s%n%x." },
  { "crlf-in-header", "Zoé\r\nBcc: autre@exemple.fr", TRUE, "Bonjour Zoé Bcc: autre@exemple.fr." },
  { "lf-in-header", "Zoé\n\n\nX", TRUE, "Bonjour Zoé X." },
  { "tab-in-header", "Zoé\tX", TRUE, "Bonjour Zoé X." },
  { "lf-in-body", "Zoé\nX", FALSE, "Bonjour Zoé\nX." },
};

static void
test_value (gconstpointer data)
{
  const ValueCase *row = data;
  const char *own[SEANCES_N_PLACEHOLDERS] = { [SEANCES_PLACEHOLDER_FIRST_NAME] = row->value };
  g_autofree char *expanded = seances_template_expand ("Bonjour {prenom}.", own, row->header);

  g_assert_cmpstr (expanded, ==, row->expanded);
  if (row->header)
    g_assert_null (strpbrk (expanded, "\r\n"));
}

typedef struct
{
  const char *name;
  const char *text;
  const char *message;  /* NULL: valid */
} ValidateCase;

static const ValidateCase validate_cases[] = {
  { "all-known", "{prenom} {nom} {date} {heure} {duree} {cabinet} {praticien} {adresse} {lien_visio} "
    "{lien_reservation} {telephone} {email_cabinet} {delai_annulation} {montant} {date_inactivite}", NULL },
  { "unknown", "Bonjour {client}", "{client} n’est pas un champ que Séances connaît\u00a0: choisissez-en un "
    "dans le menu «\u00a0Insérer\u00a0»." },
  { "accented", "Bonjour {prénom}", "{prénom} n’est pas un champ que Séances connaît\u00a0: choisissez-en un "
    "dans le menu «\u00a0Insérer\u00a0»." },
  { "capital", "{Prenom}", "{Prenom} n’est pas un champ que Séances connaît\u00a0: choisissez-en un "
    "dans le menu «\u00a0Insérer\u00a0»." },
  { "first-named", "{prenom} {x} {y}", "{x} n’est pas un champ que Séances connaît\u00a0: choisissez-en un "
    "dans le menu «\u00a0Insérer\u00a0»." },
  { "literal-braces", "{ } {} {a b} {", NULL },
};

static void
test_validate (gconstpointer data)
{
  const ValidateCase *row = data;
  g_autoptr(GError) error = NULL;
  gboolean valid = seances_template_validate (row->text, &error);

  g_assert_cmpint (valid, ==, row->message == NULL);
  if (row->message == NULL)
    g_assert_no_error (error);
  else
    {
      g_assert_error (error, SEANCES_TEMPLATE_ERROR, SEANCES_TEMPLATE_ERROR_UNKNOWN_PLACEHOLDER);
      g_assert_cmpstr (error->message, ==, row->message);
    }
}

static void
test_names (void)
{
  for (guint i = 0; i < SEANCES_N_PLACEHOLDERS; i++)
    {
      SeancesPlaceholder back = SEANCES_N_PLACEHOLDERS;

      g_test_message ("placeholder %u", i);
      g_assert_true (seances_placeholder_from_name (seances_placeholder_name (i), &back));
      g_assert_cmpint (back, ==, i);
      g_assert_cmpstr (seances_placeholder_label (i), !=, "");
    }
  g_assert_cmpstr (seances_placeholder_label (SEANCES_PLACEHOLDER_INACTIVE_DATE), ==,
                   "Date où le dossier devient inactif");
}

typedef struct
{
  const char *name;
  const char *text;
  const char *found;  /* the words flagged, joined by « | » */
} RevealingCase;

static const RevealingCase revealing_cases[] = {
  { "none", "Rappel de votre rendez-vous de mardi", "" },
  { "therapy", "Votre séance de thérapie", "thérapie" },
  { "case-accents", "THERAPIE de COUPLE", "THERAPIE|COUPLE" },
  { "prefix", "Cabinet de psychologie", "psychologie" },
  { "only-word-starts", "Une capsule, un ticket", "" },
  { "several", "Psy : suivi de la dépression et de l’anxiété", "Psy|dépression|anxiété" },
  { "hyphen", "Groupe burn-out", "burn" },
  { "sender", "Dr Martin Psychiatre", "Psychiatre" },
};

static void
test_revealing (gconstpointer data)
{
  const RevealingCase *row = data;
  g_autoptr(GArray) found = seances_template_find_revealing (row->text, seances_template_default_revealing ());
  g_autoptr(GString) words = g_string_new (NULL);

  for (guint i = 0; i < found->len; i++)
    {
      SeancesRevealing *hit = &g_array_index (found, SeancesRevealing, i);

      if (i > 0)
        g_string_append_c (words, '|');
      g_string_append_len (words, row->text + hit->start, hit->end - hit->start);
      g_assert_nonnull (hit->listed);
    }
  g_assert_cmpstr (words->str, ==, row->found);
}

/* The practitioner's own list replaces the default one. */
static void
test_own_list (void)
{
  const char * const own[] = { "kiné", NULL };
  g_autoptr(GArray) found = seances_template_find_revealing ("Séance de kinésithérapie", own);
  g_autofree char *explained = seances_template_explain_revealing ("thérapie");

  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (g_array_index (found, SeancesRevealing, 0).listed, ==, "kiné");
  g_assert_cmpstr (explained, ==, "«\u00a0thérapie\u00a0» peut dire à qui voit l’écran ou le téléphone "
                   "de quoi parlent les séances\u00a0: préférez un mot neutre, comme rendez-vous.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  seances_test_init_french ();

  for (guint i = 0; i < G_N_ELEMENTS (expand_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/template/expand/%s", expand_cases[i].name);
      g_test_add_data_func (path, &expand_cases[i], test_expand);
    }
  for (guint i = 0; i < G_N_ELEMENTS (value_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/template/value/%s", value_cases[i].name);
      g_test_add_data_func (path, &value_cases[i], test_value);
    }
  for (guint i = 0; i < G_N_ELEMENTS (validate_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/template/validate/%s", validate_cases[i].name);
      g_test_add_data_func (path, &validate_cases[i], test_validate);
    }
  for (guint i = 0; i < G_N_ELEMENTS (revealing_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/template/revealing/%s", revealing_cases[i].name);
      g_test_add_data_func (path, &revealing_cases[i], test_revealing);
    }
  g_test_add_func ("/template/names", test_names);
  g_test_add_func ("/template/own-list", test_own_list);
  return g_test_run ();
}
