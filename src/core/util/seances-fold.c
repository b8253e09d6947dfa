/* seances-fold.c — folded text for search and sort: lower case, no accents, no punctuation
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "seances-fold.h"

#include <string.h>

/* Where g_str_to_ascii() reads a letter otherwise than people who search type it:
 * it gives « oe » for ø, the Danish way, and nothing for đ, ð and þ. */
static const char *
expand (gunichar c)
{
  switch (c)
    {
    case 0x00F8: return "o";   /* ø of « Ørsted » */
    case 0x0111: return "d";   /* đ of « Đurić » */
    case 0x00F0: return "d";   /* ð */
    case 0x00FE: return "th";  /* þ */
    default:     return NULL;
    }
}

/* What joins the parts of one name, hyphens and apostrophes, is not searched for, as
 * accents are not: « D’Aubigné » is found by « daubigne », « Jean-Pierre » by
 * « jeanpierre ». Other punctuation separates words, as a space does: « exemple.fr »
 * is two words, so that « martine » does not find « martin@exemple.fr ». */
static gboolean
joins_words (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC ||
         g_unichar_type (c) == G_UNICODE_DASH_PUNCTUATION;
}

static gboolean
separates_words (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return g_unichar_isspace (c) ||
         type == G_UNICODE_CONNECT_PUNCTUATION || type == G_UNICODE_OPEN_PUNCTUATION ||
         type == G_UNICODE_CLOSE_PUNCTUATION || type == G_UNICODE_INITIAL_PUNCTUATION ||
         type == G_UNICODE_FINAL_PUNCTUATION || type == G_UNICODE_OTHER_PUNCTUATION;
}

/* One letter in ASCII, as g_str_to_ascii() spells it (« Ł » → « l », « ß » → « ss »,
 * « œ » → « oe »), lower case; a letter it cannot spell (Cyrillic, Greek, CJK…) stays
 * itself in lower case, so that « Дмитрий » is still found by « дмитрий ». */
static void
append_folded (GString  *out,
               gunichar  c)
{
  char utf8[8] = { 0 };
  g_autofree char *ascii = NULL;
  const char *expanded;

  c = g_unichar_tolower (c);
  expanded = expand (c);
  if (expanded != NULL)
    {
      g_string_append (out, expanded);
      return;
    }
  g_unichar_to_utf8 (c, utf8);
  /* « C »: the same spelling whatever the user's locale (« de » would make ü « ue »). */
  ascii = g_str_to_ascii (utf8, "C");
  if (strchr (ascii, '?') != NULL)
    {
      /* Still without its accents: « ё » as « е ». */
      g_autofree char *nfd = g_utf8_normalize (utf8, -1, G_NORMALIZE_NFD);

      for (const char *n = nfd; *n != '\0'; n = g_utf8_next_char (n))
        if (!g_unichar_ismark (g_utf8_get_char (n)))
          g_string_append_unichar (out, g_utf8_get_char (n));
      return;
    }
  for (const char *a = ascii; *a != '\0'; a++)
    if (g_ascii_isalnum (*a))
      g_string_append_c (out, g_ascii_tolower (*a));
}

/* « Hélène  MARTIN » → « helene martin », « Zoé D’Aubigné » → « zoe daubigne ». Groups
 * of digits are joined, so that a phone number typed « 06 12 34 », « 06.12.34 » or
 * « 06-12-34 » reads as one word, « 061234 ». */
char *
seances_fold (const char *text)
{
  g_autofree char *valid = NULL;
  const char *source = text;
  GString *out;
  gboolean gap = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (source, -1, NULL))
    source = valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (source));

  for (const char *p = source; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Marks are accents typed apart (decomposed text). */
      if (g_unichar_ismark (c) || joins_words (c))
        continue;
      if (separates_words (c))
        {
          gap = out->len > 0;
          continue;
        }

      if (gap && !(g_ascii_isdigit (out->str[out->len - 1]) && g_ascii_isdigit (*p)))
        g_string_append_c (out, ' ');
      gap = FALSE;

      /* ASCII, by far the most of what is folded, needs no table. */
      if (c < 0x80)
        g_string_append_c (out, g_ascii_tolower ((char) c));
      else
        append_folded (out, c);
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
