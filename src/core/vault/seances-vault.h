/* seances-vault.h — finding the key and opening, creating or unlocking the database
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "seances-database.h"

G_BEGIN_DECLS

typedef enum
{
  SEANCES_VAULT_OPEN,          /* the database is open */
  SEANCES_VAULT_FIRST_RUN,     /* there is no database yet */
  SEANCES_VAULT_NEEDS_SECRET,  /* ask for the recovery key or the passphrase */
} SeancesVaultStatus;

typedef enum
{
  SEANCES_VAULT_KEY_MISSING,   /* the keyring answered, without our key */
  SEANCES_VAULT_KEY_REFUSED,   /* no key of the keyring opens the file: damaged, or another's */
  SEANCES_VAULT_NO_KEYRING,    /* no Secret Service, or it did not answer */
  SEANCES_VAULT_KEYRING_LOCKED, /* the keyring stayed locked */
} SeancesVaultReason;

#define SEANCES_TYPE_VAULT (seances_vault_get_type ())
G_DECLARE_FINAL_TYPE (SeancesVault, seances_vault, SEANCES, VAULT, GObject)

SeancesVault       *seances_vault_new                 (const char          *path);
const char         *seances_vault_get_path            (SeancesVault        *self);
SeancesVaultReason  seances_vault_get_reason          (SeancesVault        *self);
void                seances_vault_set_read_only       (SeancesVault        *self,
                                                       gboolean             read_only);

void                seances_vault_open_async          (SeancesVault        *self,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
SeancesDatabase    *seances_vault_open_finish         (SeancesVault        *self,
                                                       GAsyncResult        *result,
                                                       SeancesVaultStatus  *status,
                                                       GError             **error);

void                seances_vault_create_async        (SeancesVault        *self,
                                                       const char          *passphrase,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
SeancesDatabase    *seances_vault_create_finish       (SeancesVault        *self,
                                                       GAsyncResult        *result,
                                                       char               **recovery_key,
                                                       GError             **error);

void                seances_vault_unlock_async        (SeancesVault        *self,
                                                       const char          *secret,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
SeancesDatabase    *seances_vault_unlock_finish       (SeancesVault        *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

G_END_DECLS
