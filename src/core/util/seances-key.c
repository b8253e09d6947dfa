/* seances-key.c — a database key: 32 random bytes, or a passphrase
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "seances-key.h"

#include <string.h>
#include <sys/random.h>

struct _SeancesKey
{
  guint8  raw[SEANCES_KEY_RAW_LENGTH];
  char   *passphrase;  /* NULL for a raw key */
};

/* Key material is wiped before its memory is given back; explicit_bzero() is never
 * optimised away as a plain store before free() may be. */
static void
wipe (void  *data,
      gsize  length)
{
  explicit_bzero (data, length);
}

/* A short, stable name for a raw key, kept beside it in the keyring so that every key
 * gets an item of its own: storing a key never replaces another one. The first 8 bytes
 * of a SHA-256 of a random 256-bit key say nothing about the key. */
char *
seances_key_fingerprint (const SeancesKey *key)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize length = sizeof digest;

  g_return_val_if_fail (key != NULL && key->passphrase == NULL, NULL);

  g_checksum_update (checksum, (const guchar *) "seances-key-id:", 15);
  g_checksum_update (checksum, key->raw, sizeof key->raw);
  g_checksum_get_digest (checksum, digest, &length);
  return g_strdup_printf ("%02x%02x%02x%02x%02x%02x%02x%02x", digest[0], digest[1], digest[2],
                          digest[3], digest[4], digest[5], digest[6], digest[7]);
}

gboolean
seances_key_equal (const SeancesKey *a,
                   const SeancesKey *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if ((a->passphrase == NULL) != (b->passphrase == NULL))
    return FALSE;
  if (a->passphrase != NULL)
    return g_str_equal (a->passphrase, b->passphrase);
  return memcmp (a->raw, b->raw, sizeof a->raw) == 0;
}

void
seances_secure_free (char *text)
{
  if (text == NULL)
    return;
  wipe (text, strlen (text));
  g_free (text);
}

SeancesKey *
seances_key_new_random (void)
{
  SeancesKey *key = g_new0 (SeancesKey, 1);
  gsize filled = 0;

  while (filled < sizeof key->raw)
    {
      gssize n = getrandom (key->raw + filled, sizeof key->raw - filled, 0);

      if (n < 0)
        g_error ("No random bytes available from the kernel");
      filled += n;
    }

  return key;
}

SeancesKey *
seances_key_new_raw (const guint8 *bytes,
                     gsize         length)
{
  SeancesKey *key;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (length == SEANCES_KEY_RAW_LENGTH, NULL);

  key = g_new0 (SeancesKey, 1);
  memcpy (key->raw, bytes, length);
  return key;
}

SeancesKey *
seances_key_new_passphrase (const char *passphrase)
{
  SeancesKey *key;

  g_return_val_if_fail (passphrase != NULL && *passphrase != '\0', NULL);

  key = g_new0 (SeancesKey, 1);
  key->passphrase = g_strdup (passphrase);
  return key;
}

SeancesKey *
seances_key_new_from_hex (const char *hex)
{
  guint8 raw[SEANCES_KEY_RAW_LENGTH];
  SeancesKey *key;

  if (hex == NULL || strlen (hex) != 2 * SEANCES_KEY_RAW_LENGTH)
    return NULL;

  for (gsize i = 0; i < SEANCES_KEY_RAW_LENGTH; i++)
    {
      int hi = g_ascii_xdigit_value (hex[2 * i]);
      int lo = g_ascii_xdigit_value (hex[2 * i + 1]);

      if (hi < 0 || lo < 0)
        {
          wipe (raw, sizeof raw);
          return NULL;
        }
      raw[i] = (guint8) (hi << 4 | lo);
    }

  key = seances_key_new_raw (raw, sizeof raw);
  wipe (raw, sizeof raw);
  return key;
}

SeancesKey *
seances_key_copy (const SeancesKey *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  if (key->passphrase != NULL)
    return seances_key_new_passphrase (key->passphrase);
  return seances_key_new_raw (key->raw, sizeof key->raw);
}

void
seances_key_free (SeancesKey *key)
{
  if (key == NULL)
    return;
  seances_secure_free (key->passphrase);
  wipe (key->raw, sizeof key->raw);
  g_free (key);
}

gboolean
seances_key_is_passphrase (const SeancesKey *key)
{
  g_return_val_if_fail (key != NULL, FALSE);
  return key->passphrase != NULL;
}

const guint8 *
seances_key_get_raw (const SeancesKey *key)
{
  g_return_val_if_fail (key != NULL && key->passphrase == NULL, NULL);
  return key->raw;
}

const char *
seances_key_get_passphrase (const SeancesKey *key)
{
  g_return_val_if_fail (key != NULL, NULL);
  return key->passphrase;
}

char *
seances_key_to_hex (const SeancesKey *key)
{
  static const char digits[] = "0123456789abcdef";
  char *hex;

  g_return_val_if_fail (key != NULL && key->passphrase == NULL, NULL);

  hex = g_malloc (2 * SEANCES_KEY_RAW_LENGTH + 1);
  for (gsize i = 0; i < SEANCES_KEY_RAW_LENGTH; i++)
    {
      hex[2 * i] = digits[key->raw[i] >> 4];
      hex[2 * i + 1] = digits[key->raw[i] & 0xf];
    }
  hex[2 * SEANCES_KEY_RAW_LENGTH] = '\0';
  return hex;
}

/* What sqlite3_key() takes: a raw key as x'…' (used as is, no derivation),
 * or the passphrase (PBKDF2 inside SQLCipher, slow on purpose). */
char *
seances_key_to_sqlcipher (const SeancesKey *key,
                          gsize            *length)
{
  char *spec;

  g_return_val_if_fail (key != NULL, NULL);

  if (key->passphrase != NULL)
    spec = g_strdup (key->passphrase);
  else
    {
      g_autofree char *hex = seances_key_to_hex (key);

      spec = g_strdup_printf ("x'%s'", hex);
      wipe (hex, strlen (hex));
    }

  *length = strlen (spec);
  return spec;
}
