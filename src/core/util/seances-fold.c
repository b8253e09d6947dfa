/* seances-fold.c — folded text for search and sort: lower case, no accents
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "seances-fold.h"

#include <string.h>

/* What NFD does not take apart: ligatures and the German sharp s. */
static const char *
expand (gunichar c)
{
  switch (c)
    {
    case 0x0153: return "oe";  /* œ */
    case 0x00E6: return "ae";  /* æ */
    case 0x00DF: return "ss";  /* ß */
    case 0x2019: return "'";   /* ’ — the typographic apostrophe of « D’Almeida » */
    default:     return NULL;
    }
}

/* A dot or hyphen between two digits separates the groups of a phone number
 * (« 06.12.34 »); anywhere else it is part of the text. */
static gboolean
separates_digits (const GString *out,
                  const char    *p)
{
  return (*p == '.' || *p == '-') &&
         out->len > 0 && g_ascii_isdigit (out->str[out->len - 1]) &&
         g_ascii_isdigit (p[1]);
}

/* « Hélène  MARTIN » → « helene martin ». Groups of digits are joined, so that a
 * phone number typed « 06 12 34 » or « 06.12.34 » reads as one word, « 061234 ». */
char *
seances_fold (const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *nfd = NULL;
  const char *source = text;
  GString *out;
  gboolean gap = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (source, -1, NULL))
    source = valid = g_utf8_make_valid (text, -1);
  /* Normalising is most of the cost of loading 5,000 clients; ASCII needs none. */
  if (!g_str_is_ascii (source))
    source = nfd = g_utf8_normalize (source, -1, G_NORMALIZE_NFD);
  out = g_string_sized_new (strlen (source));

  for (const char *p = source; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *expanded;

      if (g_unichar_isspace (c) || separates_digits (out, p))
        {
          gap = out->len > 0;
          continue;
        }
      if (g_unichar_ismark (c))
        continue;

      if (gap && !(g_ascii_isdigit (out->str[out->len - 1]) && g_ascii_isdigit (*p)))
        g_string_append_c (out, ' ');
      gap = FALSE;

      c = g_unichar_tolower (c);
      expanded = expand (c);
      if (expanded != NULL)
        g_string_append (out, expanded);
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* TRUE when every word of the needle is somewhere in the haystack, in any order:
 * « mar hel » finds « helene martin ». Both must come from seances_fold(). This runs
 * for every client on every keystroke, so it allocates nothing. */
gboolean
seances_fold_matches (const char *folded_haystack,
                      const char *folded_needle)
{
  gsize haystack_len;
  const char *word = folded_needle;

  g_return_val_if_fail (folded_haystack != NULL, FALSE);
  g_return_val_if_fail (folded_needle != NULL, FALSE);

  haystack_len = strlen (folded_haystack);
  while (*word != '\0')
    {
      gsize len;

      if (*word == ' ')
        {
          word++;
          continue;
        }
      len = strcspn (word, " ");
      if (memmem (folded_haystack, haystack_len, word, len) == NULL)
        return FALSE;
      word += len;
    }

  return TRUE;
}
