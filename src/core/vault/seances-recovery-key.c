/* seances-recovery-key.c — the database key as grouped Crockford base32 with a checksum
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Crockford's alphabet leaves out I, L, O and U so that what is written by hand reads
 * back unambiguously; on input I and L are taken as 1 and O as 0. Three bytes of the
 * key's SHA-256 catch a typo (all but one in sixteen million). */
#include "config.h"

#include "seances-recovery-key.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define CHECK_BYTES 3
#define PAYLOAD (SEANCES_KEY_RAW_LENGTH + CHECK_BYTES)

static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

G_DEFINE_QUARK (seances-recovery-key-error-quark, seances_recovery_key_error)

static void
compute_check (const guint8 *raw,
               guint8        check[CHECK_BYTES])
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize length = sizeof digest;

  g_checksum_update (sum, raw, SEANCES_KEY_RAW_LENGTH);
  g_checksum_get_digest (sum, digest, &length);
  memcpy (check, digest, CHECK_BYTES);
}

static int
symbol_value (char c)
{
  const char *found;

  c = g_ascii_toupper (c);
  if (c == 'O')
    c = '0';
  else if (c == 'I' || c == 'L')
    c = '1';
  if (c == '\0' || (found = strchr (alphabet, c)) == NULL)
    return -1;
  return found - alphabet;
}

static gboolean
is_separator (char c)
{
  return c == ' ' || c == '-' || c == '\t' || c == '\n' || c == '\r' || c == '.';
}

char *
seances_recovery_key_encode (const SeancesKey *key)
{
  guint8 payload[PAYLOAD];
  GString *out = g_string_sized_new (SEANCES_RECOVERY_KEY_CHARS * 5 / 4);
  guint32 buffer = 0;
  int bits = 0;
  int written = 0;

  g_return_val_if_fail (key != NULL && !seances_key_is_passphrase (key), NULL);

  memcpy (payload, seances_key_get_raw (key), SEANCES_KEY_RAW_LENGTH);
  compute_check (payload, payload + SEANCES_KEY_RAW_LENGTH);

  for (gsize i = 0; i < PAYLOAD; i++)
    {
      buffer = (buffer << 8) | payload[i];
      bits += 8;
      while (bits >= 5)
        {
          if (written > 0 && written % SEANCES_RECOVERY_KEY_GROUP == 0)
            g_string_append_c (out, ' ');
          g_string_append_c (out, alphabet[(buffer >> (bits - 5)) & 31]);
          bits -= 5;
          written++;
        }
    }

  memset (payload, 0, sizeof payload);
  return g_string_free (out, FALSE);
}

/* Strips separators; returns the number of symbols, or -1 on a character that is
 * not part of the alphabet (its position, 1-based among symbols, in @bad_at). */
static int
normalise (const char *text,
           guint8     *values,
           int         capacity,
           int        *bad_at)
{
  int n = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      int v;

      if (is_separator (*p))
        continue;
      v = symbol_value (*p);
      if (v < 0)
        {
          *bad_at = n + 1;
          return -1;
        }
      if (n < capacity)
        values[n] = (guint8) v;
      n++;
    }
  return n;
}

SeancesKey *
seances_recovery_key_decode (const char  *text,
                             GError     **error)
{
  guint8 values[SEANCES_RECOVERY_KEY_CHARS];
  guint8 payload[PAYLOAD];
  guint8 check[CHECK_BYTES];
  guint32 buffer = 0;
  int bits = 0;
  gsize out = 0;
  int bad_at = 0;
  int n;
  SeancesKey *key = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  n = normalise (text, values, G_N_ELEMENTS (values), &bad_at);
  if (n < 0)
    {
      g_set_error (error, SEANCES_RECOVERY_KEY_ERROR, SEANCES_RECOVERY_KEY_ERROR_CHARACTER,
                   /* Translators: %d is the position of a character in the key */
                   _("Character %d is not part of a recovery key: check it and try again."),
                   bad_at);
      return NULL;
    }
  if (n != SEANCES_RECOVERY_KEY_CHARS)
    {
      g_set_error (error, SEANCES_RECOVERY_KEY_ERROR, SEANCES_RECOVERY_KEY_ERROR_LENGTH,
                   ngettext ("A recovery key has 56 characters; you typed %d.",
                             "A recovery key has 56 characters; you typed %d.", n),
                   n);
      return NULL;
    }

  for (int i = 0; i < n; i++)
    {
      buffer = (buffer << 5) | values[i];
      bits += 5;
      if (bits >= 8)
        {
          payload[out++] = (buffer >> (bits - 8)) & 0xff;
          bits -= 8;
        }
    }
  g_assert (out == PAYLOAD && bits == 0);

  compute_check (payload, check);
  if (memcmp (check, payload + SEANCES_KEY_RAW_LENGTH, CHECK_BYTES) != 0)
    g_set_error_literal (error, SEANCES_RECOVERY_KEY_ERROR, SEANCES_RECOVERY_KEY_ERROR_CHECKSUM,
                         _("This recovery key has a typo: check each group of four characters."));
  else
    key = seances_key_new_raw (payload, SEANCES_KEY_RAW_LENGTH);

  memset (payload, 0, sizeof payload);
  memset (values, 0, sizeof values);
  return key;
}

/* Whether @text was meant as a recovery key rather than a passphrase: only symbols
 * of the alphabet and separators, about the right number of them. */
gboolean
seances_recovery_key_looks_like (const char *text)
{
  guint8 values[SEANCES_RECOVERY_KEY_CHARS];
  int bad_at = 0;
  int n;

  g_return_val_if_fail (text != NULL, FALSE);

  n = normalise (text, values, G_N_ELEMENTS (values), &bad_at);
  memset (values, 0, sizeof values);
  return n >= SEANCES_RECOVERY_KEY_CHARS - 8 && n <= SEANCES_RECOVERY_KEY_CHARS + 8;
}
