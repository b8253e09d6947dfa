/* seances-vault.c — finding the key and opening, creating or unlocking the database
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every step that can wait (the keyring over D-Bus, SQLCipher's key derivation for a
 * passphrase) runs off the caller's thread; the caller's main loop never blocks. */
#include "config.h"

#include "seances-vault.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "seances-keyring.h"
#include "seances-lock.h"
#include "seances-recovery-key.h"

struct _SeancesVault
{
  GObject             parent_instance;

  char               *path;
  SeancesVaultReason  reason;
  gboolean            read_only;
};

G_DEFINE_FINAL_TYPE (SeancesVault, seances_vault, G_TYPE_OBJECT)

typedef struct
{
  SeancesKey         *key;
  GPtrArray          *keys;         /* to try in turn, from the keyring */
  char               *recovery_key;
  char               *temp;         /* a new database not yet in its place */
  SeancesLock        *lock;         /* held while a database is made */
  SeancesVaultStatus  status;
  gboolean            store_after;  /* unlocking with a recovery key puts it back */
  gboolean            stored;       /* the new key went to the keyring */
} Job;

static void
job_free (Job *job)
{
  seances_database_discard (job->temp);
  g_free (job->temp);
  g_clear_pointer (&job->lock, seances_lock_release);
  g_clear_pointer (&job->key, seances_key_free);
  g_clear_pointer (&job->keys, g_ptr_array_unref);
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

/* A read-only vault opens the database without ever writing to it or to its -wal:
 * for checking, exporting and backing up. Creating needs a read-write vault. */
void
seances_vault_set_read_only (SeancesVault *self,
                             gboolean      read_only)
{
  g_return_if_fail (SEANCES_IS_VAULT (self));
  self->read_only = !!read_only;
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

static SeancesDatabase *
open_database (SeancesVault      *self,
               const SeancesKey  *key,
               GError           **error)
{
  if (self->read_only)
    return seances_database_open_read_only (self->path, key, error);
  return seances_database_open (self->path, key, error);
}

/* Opens with each key of job->keys in turn (raw keys open in half a millisecond), or
 * with job->key alone. SQLCipher's key derivation for a passphrase takes a fifth of a
 * second: never on the caller's thread. */
static void
open_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SeancesVault *self = source;
  Job *job = task_data;
  g_autoptr(GError) error = NULL;

  if (job->keys == NULL)
    {
      SeancesDatabase *database = open_database (self, job->key, &error);

      if (database != NULL)
        g_task_return_pointer (task, database, g_object_unref);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  for (guint i = 0; i < job->keys->len; i++)
    {
      SeancesDatabase *database;

      g_clear_error (&error);
      database = open_database (self, g_ptr_array_index (job->keys, i), &error);
      if (database != NULL)
        {
          g_task_return_pointer (task, database, g_object_unref);
          return;
        }
      if (!g_error_matches (error, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_WRONG_KEY))
        break;
    }
  g_task_return_error (task, g_steal_pointer (&error));
}

/* Runs open_thread() on @job, then calls @callback with the outer task. */
static void
open_in_thread (SeancesVault        *self,
                Job                 *job,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                GTask               *outer)
{
  g_autoptr(GTask) inner = g_task_new (self, cancellable, callback, outer);

  g_task_set_task_data (inner, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (inner, open_thread);
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
      /* The file is damaged, or the keyring only holds keys of other files. */
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
  g_autoptr(GPtrArray) keys = seances_keyring_lookup_finish (result, &error);
  GCancellable *cancellable;
  Job *attempt;

  if (keys == NULL || keys->len == 0)
    {
      if (g_error_matches (error, SEANCES_KEYRING_ERROR, SEANCES_KEYRING_ERROR_LOCKED))
        self->reason = SEANCES_VAULT_KEYRING_LOCKED;
      else
        self->reason = error != NULL ? SEANCES_VAULT_NO_KEYRING : SEANCES_VAULT_KEY_MISSING;
      job->status = SEANCES_VAULT_NEEDS_SECRET;
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  attempt = g_new0 (Job, 1);
  attempt->keys = g_steal_pointer (&keys);
  cancellable = g_task_get_cancellable (task);
  open_in_thread (self, attempt, cancellable, opened_with_keyring_key_cb, g_steal_pointer (&task));
}

/* A file that cannot even be looked at (a folder without permission) is not a first
 * run: saying « no data yet » would invite making a second practice. */
static gboolean
database_exists (const char  *path,
                 GError     **error)
{
  GStatBuf st;

  if (g_stat (path, &st) == 0)
    return TRUE;
  if (errno != ENOENT)
    {
      g_debug ("Cannot look at the data file: %s", g_strerror (errno));
      g_set_error_literal (error, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_ACCESS,
                           _("The data folder cannot be read: check its permissions. "
                             "Nothing was changed."));
    }
  return FALSE;
}

/* The data folder is the user's alone (0700) whenever Séances opens it, not only when
 * it made it: a folder restored from elsewhere or widened by hand is narrowed again. */
static void
keep_folder_private (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  GStatBuf st;

  if (g_stat (dir, &st) == 0 && st.st_uid == getuid () && (st.st_mode & 077) != 0 &&
      g_chmod (dir, st.st_mode & 0700) != 0)
    g_debug ("Cannot make the data folder private: %s", g_strerror (errno));
}

void
seances_vault_open_async (SeancesVault        *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;

  g_return_if_fail (SEANCES_IS_VAULT (self));

  task = new_task (self, seances_vault_open_async, cancellable, callback, user_data);
  if (!database_exists (self->path, &error))
    {
      if (error != NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      ((Job *) g_task_get_task_data (task))->status = SEANCES_VAULT_FIRST_RUN;
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  keep_folder_private (self->path);
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

/* Create ----------------------------------------------------------------------
 *
 * Under the data folder's lock: the database is built under a name of its own, its
 * key goes to the keyring (in an item of its own, next to any other), then the file is
 * linked into place. A failure at any step takes back what that creation added, and
 * only that: an existing database and the keys in the keyring stay as they were. */

#define CREATE_LOCK_TIMEOUT_MS 10000

static void
prepare_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  SeancesVault *self = source;
  Job *job = task_data;
  g_autofree char *dir = g_path_get_dirname (self->path);
  GError *error = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_debug ("Cannot create the data folder: %s", g_strerror (errno));
      g_task_return_new_error (task, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_ACCESS,
                               _("The data folder cannot be created: check the disk and its permissions."));
      return;
    }

  job->lock = seances_lock_acquire (self->path, CREATE_LOCK_TIMEOUT_MS, &error);
  if (job->lock == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (database_exists (self->path, &error) || error != NULL)
    {
      if (error == NULL)
        g_set_error_literal (&error, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_EXISTS,
                             _("A data file already exists here; it was left untouched."));
      g_task_return_error (task, error);
      return;
    }

  job->temp = seances_database_prepare_new (self->path, job->key, &error);
  if (job->temp == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
publish_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  SeancesVault *self = source;
  Job *job = task_data;
  GError *error = NULL;
  SeancesDatabase *database = NULL;

  if (seances_database_publish (job->temp, self->path, &error))
    {
      g_clear_pointer (&job->temp, g_free);
      database = seances_database_open (self->path, job->key, &error);
    }
  else if (job->stored && !seances_keyring_forget (self->path, job->key, NULL, NULL))
    g_debug ("The key of a database that was not made stays in the keyring");
  g_clear_pointer (&job->lock, seances_lock_release);

  if (database != NULL)
    g_task_return_pointer (task, database, g_object_unref);
  else
    g_task_return_error (task, error);
}

static void
key_stored_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Job *job = g_task_get_task_data (task);
  GError *error = NULL;

  if (!seances_keyring_store_finish (result, &error))
    {
      g_task_return_error (task, error);  /* job_free() removes the unused file */
      return;
    }
  job->stored = TRUE;
  g_task_run_in_thread (task, publish_thread);
}

static void
prepared_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SeancesVault *self = g_task_get_source_object (task);
  Job *job = g_task_get_task_data (task);
  GCancellable *cancellable;
  GError *error = NULL;

  /* What the preparing step made moves to this task before that step goes. */
  job->lock = g_steal_pointer (&((Job *) g_task_get_task_data (G_TASK (result)))->lock);
  job->temp = g_steal_pointer (&((Job *) g_task_get_task_data (G_TASK (result)))->temp);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  cancellable = g_task_get_cancellable (task);
  if (seances_key_is_passphrase (job->key))
    g_task_run_in_thread (task, publish_thread);
  else
    seances_keyring_store_async (self->path, job->key, cancellable, key_stored_cb, g_steal_pointer (&task));
}

/* With @passphrase NULL the key is random and goes to the keyring: without a keyring
 * this fails with SEANCES_KEYRING_ERROR and nothing is created, and the caller offers
 * a passphrase instead. */
void
seances_vault_create_async (SeancesVault        *self,
                            const char          *passphrase,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) prepare = NULL;
  Job *job;
  Job *step;

  g_return_if_fail (SEANCES_IS_VAULT (self));

  g_return_if_fail (!self->read_only);

  task = new_task (self, seances_vault_create_async, cancellable, callback, user_data);
  job = g_task_get_task_data (task);
  if (passphrase != NULL)
    job->key = seances_key_new_passphrase (passphrase);
  else
    {
      job->key = seances_key_new_random ();
      job->recovery_key = seances_recovery_key_encode (job->key);
    }

  prepare = g_task_new (self, cancellable, prepared_cb, g_steal_pointer (&task));
  step = g_new0 (Job, 1);
  step->key = seances_key_copy (job->key);
  g_task_set_task_data (prepare, step, (GDestroyNotify) job_free);
  g_task_run_in_thread (prepare, prepare_thread);
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
      /* A recovery key whose checksum holds was typed right: if it does not open the
       * file, the file is damaged (or belongs to another practice). */
      if (job->store_after && g_error_matches (error, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_WRONG_KEY))
        {
          g_clear_error (&error);
          g_set_error_literal (&error, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_DAMAGED,
                               _("This recovery key is correct but does not open the data file: "
                                 "the file is damaged, or it belongs to another practice. "
                                 "It was left untouched: restore a backup."));
        }
      g_task_return_error (task, error);
      return;
    }
  /* Put back in the keyring, next to any other key, when it was missing there or held
   * only keys that do not open this file; a locked or absent keyring is left alone. */
  if (!job->store_after ||
      (self->reason != SEANCES_VAULT_KEY_MISSING && self->reason != SEANCES_VAULT_KEY_REFUSED))
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
  Job *attempt;

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

  attempt = g_new0 (Job, 1);
  attempt->key = seances_key_copy (job->key);
  open_in_thread (self, attempt, cancellable, unlocked_cb, g_steal_pointer (&task));
}

SeancesDatabase *
seances_vault_unlock_finish (SeancesVault  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
