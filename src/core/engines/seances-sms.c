/* seances-sms.c — what an SMS text costs: its encoding, characters and parts
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The counts follow what the networks do, so that the editor's « 2 SMS » is what the
 * provider bills: one character outside GSM-7 turns the whole message into UCS-2, which
 * holds less than half as much. French typography is mostly outside GSM-7 (’, « », the
 * no-break spaces), so the text is first turned into its GSM-7 look-alikes; the letters
 * that remain outside (ç â ê î ô û ë ï œ…) are shown to the practitioner, never changed
 * behind their back: « garçon » spelled « garcon » is their call. */
#include "config.h"

#include "seances-sms.h"

#include <string.h>

/* GSM 03.38, the default alphabet, in the order of its table. */
static const char basic[] =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
  "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

/* Its extension table: an escape, then the character. */
static const char extension[] = "\f^{}\\[~]|€";

static gboolean
in_table (const char *table,
          gunichar    c)
{
  for (const char *p = table; *p != '\0'; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) == c)
      return TRUE;
  return FALSE;
}

static guint
septets (gunichar c)
{
  if (in_table (basic, c))
    return 1;
  if (in_table (extension, c))
    return 2;
  return 0;
}

gboolean
seances_sms_is_gsm7 (gunichar c)
{
  return septets (c) > 0;
}

/* French typography's GSM-7 look-alikes: apostrophes and quotes, the spaces that are
 * no-break in French text, dashes and the ellipsis. */
char *
seances_sms_normalize (const char *text)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case 0x2019: /* ’ */
        case 0x2018: /* ‘ */
        case 0x02BC: /* ʼ */
          g_string_append_c (out, '\'');
          break;
        case 0x00AB: /* « */
        case 0x00BB: /* » */
        case 0x201C: /* “ */
        case 0x201D: /* ” */
          g_string_append_c (out, '"');
          break;
        case 0x00A0: /* no-break space */
        case 0x202F: /* narrow no-break space */
        case 0x2009: /* thin space */
          g_string_append_c (out, ' ');
          break;
        case 0x2013: /* – */
        case 0x2014: /* — */
        case 0x2011: /* non-breaking hyphen */
          g_string_append_c (out, '-');
          break;
        case 0x2026: /* … */
          g_string_append (out, "...");
          break;
        default:
          g_string_append_unichar (out, c);
          break;
        }
    }
  return g_string_free (out, FALSE);
}

/* Parts are filled character by character, since a two-unit character is never cut. */
static guint
count_parts (const char *text,
             gboolean    gsm7,
             guint       per_part,
             guint      *left)
{
  guint parts = 1, used = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint cost = gsm7 ? septets (c) : (c > 0xFFFF ? 2 : 1);

      if (used + cost > per_part)
        {
          parts++;
          used = 0;
        }
      used += cost;
    }
  *left = per_part - used;
  return parts;
}

void
seances_sms_count (const char      *text,
                   SeancesSmsCount *count)
{
  guint offset = 0;
  guint gsm_units = 0, ucs_units = 0;

  g_return_if_fail (text != NULL && g_utf8_validate (text, -1, NULL));
  g_return_if_fail (count != NULL);

  *count = (SeancesSmsCount) { .encoding = SEANCES_SMS_GSM7 };
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), offset++)
    {
      gunichar c = g_utf8_get_char (p);
      guint cost = septets (c);

      if (cost == 0 && count->forcing == 0)
        {
          count->forcing = c;
          count->forcing_at = offset;
        }
      gsm_units += cost;
      ucs_units += c > 0xFFFF ? 2 : 1;
    }
  count->characters = offset;
  if (offset == 0)
    {
      count->left = SEANCES_SMS_GSM7_SINGLE;
      return;
    }

  if (count->forcing != 0)
    {
      count->encoding = SEANCES_SMS_UCS2;
      count->units = ucs_units;
      if (ucs_units <= SEANCES_SMS_UCS2_SINGLE)
        {
          count->parts = 1;
          count->left = SEANCES_SMS_UCS2_SINGLE - ucs_units;
        }
      else
        count->parts = count_parts (text, FALSE, SEANCES_SMS_UCS2_PART, &count->left);
    }
  else
    {
      count->units = gsm_units;
      if (gsm_units <= SEANCES_SMS_GSM7_SINGLE)
        {
          count->parts = 1;
          count->left = SEANCES_SMS_GSM7_SINGLE - gsm_units;
        }
      else
        count->parts = count_parts (text, TRUE, SEANCES_SMS_GSM7_PART, &count->left);
    }
}
