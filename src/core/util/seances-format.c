/* seances-format.c — French formatting and validation of amounts, e-mails and phones
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "seances-format.h"
#include "seances-phone.h"

#include <string.h>

/* U+202F NARROW NO-BREAK SPACE groups thousands; U+00A0 stands before the euro sign. */
#define THIN_NBSP "\xe2\x80\xaf"
#define NBSP "\xc2\xa0"

/* 6000 → « 60,00 € », 123456 → « 1 234,56 € » */
char *
seances_format_money (gint64 cents)
{
  g_autofree char *digits = NULL;
  GString *out = g_string_new (NULL);
  guint64 magnitude = cents < 0 ? (guint64) -(cents + 1) + 1 : (guint64) cents;
  gsize len;

  if (cents < 0)
    g_string_append (out, "−");

  digits = g_strdup_printf ("%" G_GUINT64_FORMAT, magnitude / 100);
  len = strlen (digits);
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, THIN_NBSP);
      g_string_append_c (out, digits[i]);
    }
  g_string_append_printf (out, ",%02u" NBSP "€", (guint) (magnitude % 100));
  return g_string_free (out, FALSE);
}

/* Accepts « 60 », « 60,5 », « 60.50 », « 1 234,00 € »; refuses anything else. */
gboolean
seances_parse_money (const char *text,
                     gint64     *cents)
{
  gint64 units = 0;
  int decimals = -1;
  gint64 fraction = 0;
  gboolean any = FALSE;

  g_return_val_if_fail (text != NULL, FALSE);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x202F || c == 0x00A0)
        continue;
      if (c == 0x20AC && p[3] == '\0')  /* a trailing euro sign */
        continue;
      if ((c == ',' || c == '.') && decimals < 0)
        {
          decimals = 0;
          continue;
        }
      if (c < '0' || c > '9')
        return FALSE;
      any = TRUE;
      if (decimals < 0)
        {
          if (units > G_MAXINT64 / 1000)
            return FALSE;
          units = units * 10 + (c - '0');
        }
      else if (++decimals <= 2)
        fraction = fraction * 10 + (c - '0');
      else
        return FALSE;
    }

  if (!any)
    return FALSE;
  if (decimals == 1)
    fraction *= 10;
  *cents = units * 100 + fraction;
  return TRUE;
}

gboolean
seances_text_is_single_line (const char *text)
{
  return text != NULL && strpbrk (text, "\r\n") == NULL;
}

/* A practical check, not RFC 5322: one @, a local part, a dotted domain, no spaces,
 * no control characters (a line break in an address would forge mail headers). */
gboolean
seances_email_is_valid (const char *email)
{
  const char *at;
  const char *domain;
  gsize len;

  if (email == NULL || !g_utf8_validate (email, -1, NULL))
    return FALSE;
  len = strlen (email);
  if (len < 3 || len > 254)
    return FALSE;
  for (const char *p = email; *p != '\0'; p++)
    if ((guchar) *p <= ' ' || *p == '\x7f' || *p == ',' || *p == ';' || *p == '<' ||
        *p == '>' || *p == '"' || *p == '(' || *p == ')' || *p == '[' || *p == ']' || *p == '\\')
      return FALSE;

  at = strchr (email, '@');
  if (at == NULL || at == email || strchr (at + 1, '@') != NULL || at - email > 64)
    return FALSE;
  domain = at + 1;
  if (strchr (domain, '.') == NULL || domain[0] == '.' || domain[0] == '-' ||
      email[len - 1] == '.' || strstr (domain, "..") != NULL || email[len - 1] == '-')
    return FALSE;
  if (email[0] == '.' || at[-1] == '.' || strstr (email, "..") != NULL)
    return FALSE;
  return TRUE;
}

/* Stored in E.164 (« 06 12 34 56 78 » → « +33612345678 », « 0032 470 12 34 56 » →
 * « +32470123456 »), as libphonenumber reads it with France as the default country;
 * anything that is no valid number is refused (NULL). Only digits, a leading +, and
 * the separators people type are accepted: libphonenumber would read past letters or
 * a line break, which have no place in a number we store. */
char *
seances_phone_normalize (const char *phone)
{
  gboolean digits = FALSE;

  g_return_val_if_fail (phone != NULL, NULL);

  for (const char *p = phone; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits = TRUE;
      else if (*p == '+' && !digits && p == phone + strspn (phone, " "))
        continue;
      else if (*p != ' ' && *p != '.' && *p != '-' && *p != '(' && *p != ')' && *p != '/')
        return NULL;
    }
  return seances_phone_parse (phone);
}

/* « +33612345678 » → « 06 12 34 56 78 », « +32470123456 » → « 0470 12 34 56 »: the
 * national style of the number's country. A stored number libphonenumber does not
 * know (saved before it checked them) stays as stored. */
char *
seances_phone_format (const char *e164)
{
  char *national;

  g_return_val_if_fail (e164 != NULL, NULL);

  national = *e164 != '\0' ? seances_phone_national (e164) : NULL;
  return national != NULL ? national : g_strdup (e164);
}

/* Spaces as people type them and as French text holds them: ASCII, tab, the no-break
 * space (U+00A0) and the narrow no-break space (U+202F) the fields are filled with. */
static const char *
skip_spaces (const char *p)
{
  for (;;)
    {
      if (*p == ' ' || *p == '\t')
        p++;
      else if (g_str_has_prefix (p, "\u00a0"))
        p += strlen ("\u00a0");
      else if (g_str_has_prefix (p, "\u202f"))
        p += strlen ("\u202f");
      else
        return p;
    }
}

/* A time of day as people type it: « 14 », « 14h », « 14 h 30 », « 14:30 », « 9.15 »,
 * and as the field shows it, « 14 h 30 » with no-break spaces. */
gboolean
seances_parse_clock (const char *text,
                     int        *hour,
                     int        *minute)
{
  int h = 0, m = 0, digits = 0;
  const char *p = text;

  g_return_val_if_fail (text != NULL, FALSE);

  p = skip_spaces (p);
  for (; g_ascii_isdigit (*p) && digits < 2; p++, digits++)
    h = h * 10 + (*p - '0');
  if (digits == 0)
    return FALSE;
  p = skip_spaces (p);
  if (*p == 'h' || *p == 'H' || *p == ':' || *p == '.')
    p++;
  p = skip_spaces (p);
  digits = 0;
  for (; g_ascii_isdigit (*p) && digits < 2; p++, digits++)
    m = m * 10 + (*p - '0');
  if (digits == 1)
    return FALSE;
  p = skip_spaces (p);
  if (*p != '\0' || h > 23 || m > 59)
    return FALSE;

  *hour = h;
  *minute = m;
  return TRUE;
}
