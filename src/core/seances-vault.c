/* seances-vault.c — finding the key and opening, creating or unlocking the database
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every step that can wait (the keyring over D-Bus, SQLCipher's key derivation for a
 * passphrase) runs off the caller's thread; the caller's main loop never blocks. */
#include "config.h"

#include "seances-vault.h"

#include <glib/gi18n-lib.h>

#include "seances-keyring.h"
#include "seances-recovery-key.h"

struct _SeancesVault
{
  GObject             parent_instance;

  char               *path;
  SeancesVaultReason  reason;
};

G_DEFINE_FINAL_TYPE (SeancesVault, seances_vault, G_TYPE_OBJECT)

typedef struct
{
  SeancesKey         *key;
  char               *recovery_key;
  SeancesVaultStatus  status;
  gboolean            create;       /* make the database rather than open it */
  gboolean            store_after;  /* unlocking with a recovery key puts it back */
} Job;

static void
job_free (Job *job)
{
  g_clear_pointer (&job->key, seances_key_free);
  g_clear_pointer (&job->recovery_key, seances_secure_free);
  g_free (job);
}

static void
seances_vault_finalize (GObject *object)
{
  SeancesVault *self = (SeancesVault *)object;

  g_free (self->path);
  G_OBJECT_CLASS (seances_vault_parent_class)->finalize (object);
}

static void
seances_vault_class_init (SeancesVaultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = seances_vault_finalize;
}

static void
seances_vault_init (SeancesVault *self)
{
  self->reason = SEANCES_VAULT_KEY_MISSING;
}

SeancesVault *
seances_vault_new (const char *path)
{
  SeancesVault *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (SEANCES_TYPE_VAULT, NULL);
  self->path = g_strdup (path);
  return self;
}

const char *
seances_vault_get_path (SeancesVault *self)
{
  g_return_val_if_fail (SEANCES_IS_VAULT (self), NULL);
  return self->path;
}

/* Why the last open ended in SEANCES_VAULT_NEEDS_SECRET. */
SeancesVaultReason
seances_vault_get_reason (SeancesVault *self)
{
  g_return_val_if_fail (SEANCES_IS_VAULT (self), SEANCES_VAULT_KEY_MISSING);
  return self->reason;
}

static GTask *
new_task (SeancesVault        *self,
          gpointer             source_tag,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, g_new0 (Job, 1), (GDestroyNotify) job_free);
  return task;
}

/* Opens, or with job->create makes, the database: SQLCipher's key derivation for a
 * passphrase takes a fifth of a second, so never on the caller's thread. */
static void
database_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  SeancesVault *self = source;
  Job *job = task_data;
  GError *error = NULL;
  SeancesDatabase *database = job->create ? seances_database_create (self->path, job->key, &error)
                                          : seances_database_open (self->path, job->key, &error);

  if (database != NULL)
    g_task_return_pointer (task, database, g_object_unref);
  else
    g_task_return_error (task, error);
}

/* Opens with a copy of @key in a thread, then calls @callback with the outer task. */
static void
open_in_thread (SeancesVault        *self,
                const SeancesKey    *key,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                GTask               *outer)
{
  g_autoptr(GTask) inner = g_task_new (self, cancellable, callback, outer);
  Job *job = g_new0 (Job, 1);

  job->key = seances_key_copy (key);
  g_task_set_task_data (inner, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (inner, database_thread);
}

/* Open ------------------------------------------------------------------------ */

static void
opened_with_keyring_key_cb (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  SeancesVault *self = g_task_get_source_object (task);
  Job *job = g_task_get_task_data (task);
  SeancesDatabase *database = g_task_propagate_pointer (G_TASK (result), &error);

  if (database != NULL)
    {
      job->status = SEANCES_VAULT_OPEN;
      g_task_return_pointer (task, database, g_object_unref);
    }
  else if (g_error_matches (error, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_WRONG_KEY))
    {
      self->reason = SEANCES_VAULT_KEY_REFUSED;
      job->status = SEANCES_VAULT_NEEDS_SECRET;
      g_task_return_pointer (task, NULL, NULL);
    }
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
looked_up_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  SeancesVault *self = g_task_get_source_object (task);
  Job *job = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  job->key = seances_keyring_lookup_finish (result, &error);
  if (job->key == NULL)
    {
      self->reason = error != NULL ? SEANCES_VAULT_NO_KEYRING : SEANCES_VAULT_KEY_MISSING;
      job->status = SEANCES_VAULT_NEEDS_SECRET;
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  open_in_thread (self, job->key, cancellable, opened_with_keyring_key_cb, g_steal_pointer (&task));
}

void
seances_vault_open_async (SeancesVault        *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SEANCES_IS_VAULT (self));

  task = new_task (self, seances_vault_open_async, cancellable, callback, user_data);
  if (!g_file_test (self->path, G_FILE_TEST_EXISTS))
    {
      ((Job *) g_task_get_task_data (task))->status = SEANCES_VAULT_FIRST_RUN;
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  seances_keyring_lookup_async (self->path, cancellable, looked_up_cb, g_steal_pointer (&task));
}

SeancesDatabase *
seances_vault_open_finish (SeancesVault        *self,
                           GAsyncResult        *result,
                           SeancesVaultStatus  *status,
                           GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  SeancesDatabase *database;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  database = g_task_propagate_pointer (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (status != NULL)
    *status = ((Job *) g_task_get_task_data (G_TASK (result)))->status;
  return database;
}

/* Create ---------------------------------------------------------------------- */

static void
key_stored_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!seances_keyring_store_finish (result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_run_in_thread (task, database_thread);
}

/* With @passphrase NULL the key is random and goes to the keyring first: without a
 * keyring this fails with SEANCES_KEYRING_ERROR and nothing is created, and the
 * caller offers a passphrase instead. */
void
seances_vault_create_async (SeancesVault        *self,
                            const char          *passphrase,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (SEANCES_IS_VAULT (self));

  task = new_task (self, seances_vault_create_async, cancellable, callback, user_data);
  job = g_task_get_task_data (task);

  if (g_file_test (self->path, G_FILE_TEST_EXISTS))
    {
      g_task_return_new_error (task, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_EXISTS,
                               _("A data file already exists here; it was left untouched."));
      return;
    }

  if (passphrase != NULL)
    {
      job->key = seances_key_new_passphrase (passphrase);
      job->create = TRUE;
      g_task_run_in_thread (task, database_thread);
      return;
    }

  job->key = seances_key_new_random ();
  job->create = TRUE;
  job->recovery_key = seances_recovery_key_encode (job->key);
  seances_keyring_store_async (self->path, job->key, cancellable, key_stored_cb,
                               g_steal_pointer (&task));
}

SeancesDatabase *
seances_vault_create_finish (SeancesVault  *self,
                             GAsyncResult  *result,
                             char         **recovery_key,
                             GError       **error)
{
  SeancesDatabase *database;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  database = g_task_propagate_pointer (G_TASK (result), error);
  if (database != NULL && recovery_key != NULL)
    *recovery_key = g_steal_pointer (&((Job *) g_task_get_task_data (G_TASK (result)))->recovery_key);
  return database;
}

/* Unlock ---------------------------------------------------------------------- */

static void
key_put_back_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  /* Not fatal: the database is open; the next start will simply ask again. */
  if (!seances_keyring_store_finish (result, &error))
    g_message ("The key could not be put back in the keyring: %s", error->message);

  g_task_return_pointer (task, g_object_steal_data (G_OBJECT (task), "database"), g_object_unref);
}

static void
unlocked_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  SeancesVault *self = g_task_get_source_object (task);
  Job *job = g_task_get_task_data (task);
  SeancesDatabase *database = g_task_propagate_pointer (G_TASK (result), &error);
  GCancellable *cancellable;

  if (database == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (!job->store_after || self->reason == SEANCES_VAULT_NO_KEYRING)
    {
      g_task_return_pointer (task, database, g_object_unref);
      return;
    }

  g_object_set_data_full (G_OBJECT (task), "database", database, g_object_unref);
  cancellable = g_task_get_cancellable (task);
  seances_keyring_store_async (self->path, job->key, cancellable, key_put_back_cb, g_steal_pointer (&task));
}

/* @secret is what the user typed: a recovery key, or else a passphrase. */
void
seances_vault_unlock_async (SeancesVault        *self,
                            const char          *secret,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (SEANCES_IS_VAULT (self));
  g_return_if_fail (secret != NULL);

  task = new_task (self, seances_vault_unlock_async, cancellable, callback, user_data);
  job = g_task_get_task_data (task);

  if (*secret == '\0')
    {
      g_task_return_new_error (task, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_WRONG_KEY,
                               _("Type your recovery key, or your passphrase if you chose one."));
      return;
    }

  if (seances_recovery_key_looks_like (secret))
    {
      GError *error = NULL;

      job->key = seances_recovery_key_decode (secret, &error);
      if (job->key == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      job->store_after = TRUE;
    }
  else
    job->key = seances_key_new_passphrase (secret);

  open_in_thread (self, job->key, cancellable, unlocked_cb, g_object_ref (task));
}

SeancesDatabase *
seances_vault_unlock_finish (SeancesVault  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
