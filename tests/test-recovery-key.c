/* test-recovery-key.c — the recovery key codec
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "seances-recovery-key.h"

static SeancesKey *
key_from_byte (guint8 seed)
{
  guint8 raw[SEANCES_KEY_RAW_LENGTH];

  for (guint i = 0; i < sizeof raw; i++)
    raw[i] = (guint8) (seed * 31 + i * 7);
  return seances_key_new_raw (raw, sizeof raw);
}

static void
test_round_trip (void)
{
  static const guint8 seeds[] = { 0, 1, 0x55, 0xaa, 0xff };

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_test_message ("seeds[%u]", i);
      g_autoptr(SeancesKey) key = key_from_byte (seeds[i]);
      g_autofree char *text = seances_recovery_key_encode (key);
      g_auto(GStrv) groups = g_strsplit (text, " ", -1);
      g_autoptr(GError) error = NULL;
      g_autoptr(SeancesKey) back = NULL;

      /* What the user sees: 14 groups of 4 characters. */
      g_assert_cmpuint (g_strv_length (groups), ==, 14);
      for (guint j = 0; groups[j] != NULL; j++)
        g_assert_cmpuint (strlen (groups[j]), ==, 4);

      back = seances_recovery_key_decode (text, &error);
      g_assert_no_error (error);
      g_assert_cmpmem (seances_key_get_raw (back), SEANCES_KEY_RAW_LENGTH,
                       seances_key_get_raw (key), SEANCES_KEY_RAW_LENGTH);
    }
}

static void
test_random_keys (void)
{
  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(SeancesKey) key = seances_key_new_random ();
      g_autofree char *text = seances_recovery_key_encode (key);
      g_autoptr(SeancesKey) back = seances_recovery_key_decode (text, NULL);

      g_assert_nonnull (back);
      g_assert_cmpmem (seances_key_get_raw (back), SEANCES_KEY_RAW_LENGTH,
                       seances_key_get_raw (key), SEANCES_KEY_RAW_LENGTH);
      g_assert_true (seances_recovery_key_looks_like (text));
    }
}

/* Written by hand, read back by a person: case, dashes, line breaks and the
 * look-alike letters O, I and L must not matter. */
static void
test_lenient_reading (void)
{
  g_autoptr(SeancesKey) key = key_from_byte (42);
  g_autofree char *text = seances_recovery_key_encode (key);
  g_autofree char *lower = g_ascii_strdown (text, -1);
  g_autoptr(GString) dashed = g_string_new (text);
  g_autoptr(GString) lookalikes = g_string_new (text);
  const char *variants[3];

  g_string_replace (dashed, " ", "-\n", 0);
  g_string_replace (lookalikes, "0", "O", 0);
  g_string_replace (lookalikes, "1", "l", 0);
  variants[0] = lower;
  variants[1] = dashed->str;
  variants[2] = lookalikes->str;

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      g_test_message ("variants[%u]", i);
      g_autoptr(GError) error = NULL;
      g_autoptr(SeancesKey) back = seances_recovery_key_decode (variants[i], &error);

      g_assert_no_error (error);
      g_assert_cmpmem (seances_key_get_raw (back), SEANCES_KEY_RAW_LENGTH,
                       seances_key_get_raw (key), SEANCES_KEY_RAW_LENGTH);
    }
}

/* One wrong character anywhere is caught by the checksum. */
static void
test_typo_caught (void)
{
  g_autoptr(SeancesKey) key = key_from_byte (7);
  g_autofree char *text = seances_recovery_key_encode (key);

  for (gsize i = 0; text[i] != '\0'; i++)
    {
      g_autofree char *typo = g_strdup (text);
      g_autoptr(GError) error = NULL;
      g_autoptr(SeancesKey) back = NULL;

      if (typo[i] == ' ')
        continue;
      typo[i] = typo[i] == 'A' ? 'B' : 'A';
      back = seances_recovery_key_decode (typo, &error);
      g_assert_null (back);
      g_assert_error (error, SEANCES_RECOVERY_KEY_ERROR, SEANCES_RECOVERY_KEY_ERROR_CHECKSUM);
    }
}

static void
test_swapped_groups_caught (void)
{
  g_autoptr(SeancesKey) key = key_from_byte (9);
  g_autofree char *text = seances_recovery_key_encode (key);
  g_autofree char *swapped = g_strdup (text);
  g_autoptr(GError) error = NULL;

  memcpy (swapped, text + 5, 4);
  memcpy (swapped + 5, text, 4);
  g_assert_null (seances_recovery_key_decode (swapped, &error));
  g_assert_error (error, SEANCES_RECOVERY_KEY_ERROR, SEANCES_RECOVERY_KEY_ERROR_CHECKSUM);
}

static void
test_malformed (void)
{
  static const struct {
    const char *text;
    int         code;
  } cases[] = {
    { "ABCD EFGH", SEANCES_RECOVERY_KEY_ERROR_LENGTH },
    { "", SEANCES_RECOVERY_KEY_ERROR_LENGTH },
    { "ABCD EFGU", SEANCES_RECOVERY_KEY_ERROR_CHARACTER },
    { "ABCD É", SEANCES_RECOVERY_KEY_ERROR_CHARACTER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("cases[%u]", i);
      g_autoptr(GError) error = NULL;

      g_assert_null (seances_recovery_key_decode (cases[i].text, &error));
      g_assert_error (error, SEANCES_RECOVERY_KEY_ERROR, cases[i].code);
      g_assert_nonnull (error->message);
    }
}

static void
test_passphrase_is_not_a_key (void)
{
  static const char * const passphrases[] = {
    "les tilleuls en fleur au mois de juin",
    "correct horse battery staple",
    "motdepasse",
    "Mon cabinet à Lyon 2026 !",
  };

  for (guint i = 0; i < G_N_ELEMENTS (passphrases); i++)
    {
      g_test_message ("passphrases[%u]", i);
      g_assert_false (seances_recovery_key_looks_like (passphrases[i]));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/recovery-key/round-trip", test_round_trip);
  g_test_add_func ("/recovery-key/random", test_random_keys);
  g_test_add_func ("/recovery-key/lenient-reading", test_lenient_reading);
  g_test_add_func ("/recovery-key/typo-caught", test_typo_caught);
  g_test_add_func ("/recovery-key/swapped-groups-caught", test_swapped_groups_caught);
  g_test_add_func ("/recovery-key/malformed", test_malformed);
  g_test_add_func ("/recovery-key/passphrase-is-not-a-key", test_passphrase_is_not_a_key);

  return g_test_run ();
}
