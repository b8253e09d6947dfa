/* seances-template.c — message templates: placeholders, substitution, discretion
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A template is the practitioner's own text with {placeholders}. Substitution is one
 * pass over the template: a value is copied as it is, never read again for
 * placeholders and never used as a format, so a client called « {nom} » or « %s » is
 * written as such. Whatever goes into a header (a subject, a name) loses its line breaks,
 * so that no value can add a header of its own. */
#include "config.h"

#include "seances-template.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "seances-fold.h"

G_DEFINE_QUARK (seances-template-error-quark, seances_template_error)

static const struct {
  const char *name;
  const char *label;
} placeholders[SEANCES_N_PLACEHOLDERS] = {
  [SEANCES_PLACEHOLDER_FIRST_NAME] = { "prenom", N_("First name") },
  [SEANCES_PLACEHOLDER_LAST_NAME] = { "nom", N_("Last name") },
  [SEANCES_PLACEHOLDER_DATE] = { "date", N_("Date of the session") },
  [SEANCES_PLACEHOLDER_TIME] = { "heure", N_("Time of the session") },
  [SEANCES_PLACEHOLDER_DURATION] = { "duree", N_("Length of the session") },
  [SEANCES_PLACEHOLDER_PRACTICE] = { "cabinet", N_("Name of the practice") },
  [SEANCES_PLACEHOLDER_PRACTITIONER] = { "praticien", N_("Practitioner") },
  [SEANCES_PLACEHOLDER_ADDRESS] = { "adresse", N_("Address") },
  [SEANCES_PLACEHOLDER_VIDEO_LINK] = { "lien_visio", N_("Video call link") },
  [SEANCES_PLACEHOLDER_BOOKING_LINK] = { "lien_reservation", N_("Booking link") },
  [SEANCES_PLACEHOLDER_PHONE] = { "telephone", N_("Phone of the practice") },
  [SEANCES_PLACEHOLDER_PRACTICE_EMAIL] = { "email_cabinet", N_("E-mail of the practice") },
  [SEANCES_PLACEHOLDER_NOTICE] = { "delai_annulation", N_("Cancellation notice") },
  [SEANCES_PLACEHOLDER_AMOUNT] = { "montant", N_("Amount due") },
  [SEANCES_PLACEHOLDER_INACTIVE_DATE] = { "date_inactivite", N_("Date the file becomes inactive") },
};

/* Words that tell whoever sees a screen or a phone what the sessions are about. A word of
 * the text is flagged when it begins with one of them, accents and case aside
 * (« psy » flags « psychologue »). */
static const char * const default_revealing[] = {
  "thérapie", "thérapeute", "psy", "couple", "addiction", "addict", "dépression",
  "dépressi", "anxiété", "anxieu", "angoisse", "deuil", "trauma", "sexolog", "alcool",
  "drogue", "suicid", "obésité", "régime", "boulimi", "anorexi", "burn", "phobi",
  NULL,
};

const char *
seances_placeholder_name (SeancesPlaceholder placeholder)
{
  g_return_val_if_fail ((guint) placeholder < SEANCES_N_PLACEHOLDERS, NULL);
  return placeholders[placeholder].name;
}

/* What the « Insérer » menu says of it. */
const char *
seances_placeholder_label (SeancesPlaceholder placeholder)
{
  g_return_val_if_fail ((guint) placeholder < SEANCES_N_PLACEHOLDERS, NULL);
  return _(placeholders[placeholder].label);
}

static gboolean
lookup (const char         *name,
        gsize               length,
        SeancesPlaceholder *placeholder)
{
  for (guint i = 0; i < SEANCES_N_PLACEHOLDERS; i++)
    if (strlen (placeholders[i].name) == length && strncmp (placeholders[i].name, name, length) == 0)
      {
        *placeholder = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
seances_placeholder_from_name (const char         *name,
                               SeancesPlaceholder *placeholder)
{
  g_return_val_if_fail (name != NULL && placeholder != NULL, FALSE);
  return lookup (name, strlen (name), placeholder);
}

/* A placeholder is « { », letters, digits or « _ », « } »: anything else with braces is
 * text. Letters include accented ones, so that « {prénom} » is caught as a misspelled
 * placeholder rather than sent as it is. Returns the length of the name, or 0. */
static gsize
placeholder_at (const char *p)
{
  const char *q = p + 1;

  if (*p != '{')
    return 0;
  while (*q != '\0' && *q != '}')
    {
      gunichar c = g_utf8_get_char_validated (q, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2 || !(g_unichar_isalnum (c) || c == '_'))
        return 0;
      q = g_utf8_next_char (q);
    }
  if (*q != '}' || q == p + 1)
    return 0;
  return q - (p + 1);
}

/* Every {word} must be one the app knows; the first that is not is named. */
gboolean
seances_template_validate (const char  *text,
                           GError     **error)
{
  g_return_val_if_fail (text != NULL, FALSE);

  for (const char *p = text; *p != '\0'; p++)
    {
      gsize length = placeholder_at (p);
      SeancesPlaceholder placeholder;

      if (length == 0)
        continue;
      if (!lookup (p + 1, length, &placeholder))
        {
          g_autofree char *word = g_strndup (p, length + 2);

          g_set_error (error, SEANCES_TEMPLATE_ERROR, SEANCES_TEMPLATE_ERROR_UNKNOWN_PLACEHOLDER,
                       _("%s is not a field Séances knows: pick one from the “Insert” menu."), word);
          return FALSE;
        }
      p += length + 1;
    }
  return TRUE;
}

/* Line breaks, tabs and other control characters become one space each run. */
static void
append_header_safe (GString    *out,
                    const char *text,
                    gsize       length)
{
  gboolean in_break = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      unsigned char c = text[i];

      if (c < 0x20 || c == 0x7f)
        {
          if (!in_break)
            g_string_append_c (out, ' ');
          in_break = TRUE;
          continue;
        }
      in_break = FALSE;
      g_string_append_c (out, c);
    }
}

char *
seances_template_header_safe (const char *text)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text));
  append_header_safe (out, text, strlen (text));
  return g_string_free (out, FALSE);
}

/* @values: SEANCES_N_PLACEHOLDERS strings indexed by SeancesPlaceholder (NULL is empty).
 * An unknown {word} is copied as it is (validate() refuses it on save). With @header,
 * the result holds no line break. */
char *
seances_template_expand (const char         *text,
                         const char * const *values,
                         gboolean            header)
{
  GString *out;
  const char *copied;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (values != NULL, NULL);

  out = g_string_sized_new (strlen (text) + 64);
  copied = text;
  for (const char *p = text; *p != '\0'; p++)
    {
      gsize length = placeholder_at (p);
      SeancesPlaceholder placeholder;
      const char *value;

      if (length == 0 || !lookup (p + 1, length, &placeholder))
        continue;

      if (header)
        append_header_safe (out, copied, p - copied);
      else
        g_string_append_len (out, copied, p - copied);
      value = values[placeholder] != NULL ? values[placeholder] : "";
      if (header)
        append_header_safe (out, value, strlen (value));
      else
        g_string_append (out, value);
      p += length + 1;
      copied = p + 1;
    }
  if (header)
    append_header_safe (out, copied, strlen (copied));
  else
    g_string_append (out, copied);
  return g_string_free (out, FALSE);
}

const char * const *
seances_template_default_revealing (void)
{
  return default_revealing;
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* The words of @text that begin with one of @listed, accents and case aside, in order. */
GArray *
seances_template_find_revealing (const char         *text,
                                 const char * const *listed)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (SeancesRevealing));
  g_autoptr(GPtrArray) folded = g_ptr_array_new_with_free_func (g_free);
  const char *p;

  g_return_val_if_fail (text != NULL && g_utf8_validate (text, -1, NULL), found);
  g_return_val_if_fail (listed != NULL, found);

  for (guint i = 0; listed[i] != NULL; i++)
    g_ptr_array_add (folded, seances_fold (listed[i]));

  p = text;
  while (*p != '\0')
    {
      const char *start;
      g_autofree char *word = NULL;
      g_autofree char *key = NULL;

      while (*p != '\0' && !is_word_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && is_word_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p == start)
        break;

      word = g_strndup (start, p - start);
      key = seances_fold (word);
      for (guint i = 0; i < folded->len; i++)
        {
          const char *stem = g_ptr_array_index (folded, i);

          if (*stem != '\0' && g_str_has_prefix (key, stem))
            {
              SeancesRevealing hit = { start - text, p - text, listed[i] };

              g_array_append_val (found, hit);
              break;
            }
        }
    }
  return found;
}

/* What the editor says under an underlined word. */
char *
seances_template_explain_revealing (const char *word)
{
  g_return_val_if_fail (word != NULL, NULL);
  return g_strdup_printf (_("“%s” can tell whoever sees the screen or the phone what the sessions "
                            "are about: prefer a neutral word, such as appointment."), word);
}
