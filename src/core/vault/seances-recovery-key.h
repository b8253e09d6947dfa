/* seances-recovery-key.h — the database key as grouped Crockford base32 with a checksum
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "seances-key.h"

G_BEGIN_DECLS

#define SEANCES_RECOVERY_KEY_ERROR (seances_recovery_key_error_quark ())

typedef enum
{
  SEANCES_RECOVERY_KEY_ERROR_LENGTH,
  SEANCES_RECOVERY_KEY_ERROR_CHARACTER,
  SEANCES_RECOVERY_KEY_ERROR_CHECKSUM,
} SeancesRecoveryKeyError;

/* 32 key bytes + 3 checksum bytes = 280 bits = 56 characters, in 14 groups of 4. */
#define SEANCES_RECOVERY_KEY_CHARS 56
#define SEANCES_RECOVERY_KEY_GROUP 4

GQuark      seances_recovery_key_error_quark (void);
char       *seances_recovery_key_encode      (const SeancesKey  *key);
SeancesKey *seances_recovery_key_decode      (const char        *text,
                                              GError           **error);
gboolean    seances_recovery_key_looks_like  (const char        *text);

G_END_DECLS
