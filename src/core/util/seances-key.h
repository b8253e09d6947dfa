/* seances-key.h — a database key: 32 random bytes, or a passphrase
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SEANCES_KEY_RAW_LENGTH 32

typedef struct _SeancesKey SeancesKey;

SeancesKey    *seances_key_new_random     (void);
SeancesKey    *seances_key_new_raw        (const guint8 *bytes,
                                           gsize         length);
SeancesKey    *seances_key_new_passphrase (const char   *passphrase);
SeancesKey    *seances_key_new_from_hex   (const char   *hex);
SeancesKey    *seances_key_copy           (const SeancesKey *key);
void           seances_key_free           (SeancesKey   *key);
gboolean       seances_key_is_passphrase  (const SeancesKey *key);
const guint8  *seances_key_get_raw        (const SeancesKey *key);
const char    *seances_key_get_passphrase (const SeancesKey *key);
char          *seances_key_to_hex         (const SeancesKey *key);
char          *seances_key_to_sqlcipher   (const SeancesKey *key,
                                           gsize        *length);
char          *seances_key_fingerprint    (const SeancesKey *key);
gboolean       seances_key_equal          (const SeancesKey *a,
                                           const SeancesKey *b);
void           seances_secure_free        (char         *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SeancesKey, seances_key_free)

G_END_DECLS
