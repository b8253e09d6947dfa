/* seances-keyring.c — the database key in the desktop keyring (Secret Service)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The key is stored as hex text under the app's own schema, one item per database file
 * and key. The async calls are libsecret's own, on the caller's main context; the
 * blocking forms are for worker threads and tests. Every call is bounded in time: a locked keyring with a display opens a prompt that
 * may wait for a person forever, and the app must fall back to the recovery key instead. */
#include "config.h"

#include "seances-keyring.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>
#include <string.h>

/* Long enough for a person to type the keyring password in a prompt. */
#define LOOKUP_TIMEOUT_S 60
#define STORE_TIMEOUT_S  60

G_DEFINE_QUARK (seances-keyring-error-quark, seances_keyring_error)

static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    "io.github.seances.Seances.DatabaseKey", SECRET_SCHEMA_NONE,
    {
      { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "key", SECRET_SCHEMA_ATTRIBUTE_STRING },   /* seances_key_fingerprint (); absent on old items */
      { NULL, 0 },
    },
  };
  return &schema;
}

/* Items are named by the file's place inside the user's data folder, so that a home
 * folder restored or moved elsewhere still finds its key. Two data folders can share a
 * name: each key has an item of its own, and the vault tries every key of the name. */
static char *
database_id (const char *path)
{
  g_autofree char *prefix = g_build_filename (g_get_user_data_dir (), "", NULL);

  if (g_str_has_prefix (path, prefix))
    return g_strdup (path + strlen (prefix));
  return g_strdup (path);
}

static void
set_unavailable (GError      **error,
                 const GError *cause)
{
  g_debug ("Secret Service: %s", cause->message);
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_set_error_literal (error, SEANCES_KEYRING_ERROR, SEANCES_KEYRING_ERROR_TIMED_OUT,
                         _("The keyring did not answer in time."));
  else
    g_set_error_literal (error, SEANCES_KEYRING_ERROR, SEANCES_KEYRING_ERROR_UNAVAILABLE,
                         _("No keyring is available on this computer."));
}

/* A search that unlocks: a plain lookup returns nothing from a locked collection, which
 * would look like a missing key. */
#define LOOKUP_FLAGS (SECRET_SEARCH_ALL | SECRET_SEARCH_UNLOCK | SECRET_SEARCH_LOAD_SECRETS)

static GHashTable *
attributes_new (const char       *database_path,
                const SeancesKey *key)
{
  GHashTable *attributes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  g_hash_table_insert (attributes, (gpointer) "database", database_id (database_path));
  if (key != NULL)
    g_hash_table_insert (attributes, (gpointer) "key", seances_key_fingerprint (key));
  return attributes;
}

static GList *
search (const char        *database_path,
        const SeancesKey  *key,
        SecretSearchFlags  flags,
        GCancellable      *cancellable,
        GError           **error)
{
  g_autoptr(GHashTable) attributes = attributes_new (database_path, key);
  g_autoptr(GError) local_error = NULL;
  GList *items;

  items = secret_service_search_sync (NULL, get_schema (), attributes, flags | SECRET_SEARCH_ALL,
                                      cancellable, &local_error);
  if (local_error != NULL)
    set_unavailable (error, local_error);
  return items;
}

static int
compare_newest_first (SecretItem *a,
                      SecretItem *b)
{
  guint64 ta = secret_item_get_created (a);
  guint64 tb = secret_item_get_created (b);

  return ta < tb ? 1 : ta > tb ? -1 : 0;
}

/* The keys of the items a search found (and frees), newest first. */
static GPtrArray *
keys_from_items (GList   *items,
                 GError **error)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func ((GDestroyNotify) seances_key_free);
  gboolean locked = FALSE;

  items = g_list_sort (items, (GCompareFunc) compare_newest_first);
  for (GList *l = items; l != NULL; l = l->next)
    {
      SecretItem *item = l->data;
      g_autoptr(SecretValue) value = NULL;
      const char *text;
      SeancesKey *key;

      if (secret_item_get_locked (item))
        {
          locked = TRUE;
          continue;
        }
      value = secret_item_get_secret (item);
      text = value != NULL ? secret_value_get_text (value) : NULL;
      key = text != NULL ? seances_key_new_from_hex (text) : NULL;
      if (key != NULL)
        g_ptr_array_add (keys, key);
    }
  g_list_free_full (items, g_object_unref);

  if (keys->len == 0 && locked)
    {
      g_set_error_literal (error, SEANCES_KEYRING_ERROR, SEANCES_KEYRING_ERROR_LOCKED,
                           _("The keyring is locked."));
      return NULL;
    }
  return g_steal_pointer (&keys);
}

/* Every key kept for @database_path, newest first. An item stays locked when the
 * keyring could not be unlocked (no prompt possible, or the person declined): that
 * is SEANCES_KEYRING_ERROR_LOCKED, never "no key". */
GPtrArray *
seances_keyring_lookup (const char    *database_path,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  GList *items;

  g_return_val_if_fail (database_path != NULL, NULL);

  items = search (database_path, NULL, LOOKUP_FLAGS, cancellable, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return keys_from_items (items, error);
}

/* The secret as kept in the keyring: the key in hex, wiped when libsecret lets it go. */
static SecretValue *
key_value_new (const SeancesKey *key)
{
  return secret_value_new_full (seances_key_to_hex (key), -1, "text/plain",
                                (GDestroyNotify) seances_secure_free);
}

/* Adds @key for @database_path. Each key has its own item: no other key is ever
 * replaced, so a key that opens a database is never lost by storing another one. */
gboolean
seances_keyring_store (const char        *database_path,
                       const SeancesKey  *key,
                       GCancellable      *cancellable,
                       GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(SecretValue) value = NULL;
  gboolean stored;

  g_return_val_if_fail (database_path != NULL, FALSE);
  g_return_val_if_fail (key != NULL && !seances_key_is_passphrase (key), FALSE);

  value = key_value_new (key);
  attributes = attributes_new (database_path, key);
  stored = secret_service_store_sync (NULL, get_schema (), attributes, SECRET_COLLECTION_DEFAULT,
                                      /* Translators: the label of the item in the keyring */
                                      _("Séances database key"),
                                      value, cancellable, &local_error);
  if (!stored)
    {
      set_unavailable (error, local_error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
delete_items (const char        *database_path,
              const SeancesKey  *key,
              GCancellable      *cancellable,
              GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  GList *items = search (database_path, key, SECRET_SEARCH_NONE, cancellable, &local_error);

  for (GList *l = items; l != NULL && local_error == NULL; l = l->next)
    secret_item_delete_sync (l->data, cancellable, &local_error);
  g_list_free_full (items, g_object_unref);

  if (local_error != NULL)
    {
      if (error != NULL && *error == NULL)
        set_unavailable (error, local_error);
      return FALSE;
    }
  return TRUE;
}

/* Removes the item of @key only: used to take back a key stored for a database that
 * was not made after all. */
gboolean
seances_keyring_forget (const char        *database_path,
                        const SeancesKey  *key,
                        GCancellable      *cancellable,
                        GError           **error)
{
  g_return_val_if_fail (database_path != NULL, FALSE);
  g_return_val_if_fail (key != NULL && !seances_key_is_passphrase (key), FALSE);
  return delete_items (database_path, key, cancellable, error);
}

/* Removes every key of @database_path. Only the tests call it, to play a lost keyring. */
gboolean
seances_keyring_clear (const char    *database_path,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_return_val_if_fail (database_path != NULL, FALSE);
  return delete_items (database_path, NULL, cancellable, error);
}

typedef struct
{
  char         *path;
  GCancellable *limit;    /* cancelled by the caller's cancellable or by the time limit */
  gulong        chained;
  GCancellable *caller;
} Call;

static void
call_free (Call *call)
{
  if (call->caller != NULL)
    g_cancellable_disconnect (call->caller, call->chained);
  g_clear_object (&call->caller);
  g_clear_object (&call->limit);
  g_free (call->path);
  g_free (call);
}

static void
caller_cancelled_cb (GCancellable *caller,
                     GCancellable *limit)
{
  g_cancellable_cancel (limit);
}

static gboolean
time_limit_reached_cb (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

static void
searched_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) local_error = NULL;
  GError *error = NULL;
  GList *items = secret_service_search_finish (NULL, result, &local_error);
  GPtrArray *keys;

  if (local_error != NULL)
    {
      set_unavailable (&error, local_error);
      g_task_return_error (task, error);
      return;
    }
  keys = keys_from_items (items, &error);
  if (keys == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, keys, (GDestroyNotify) g_ptr_array_unref);
}

static void
stored_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) local_error = NULL;
  GError *error = NULL;

  if (secret_service_store_finish (NULL, result, &local_error))
    g_task_return_boolean (task, TRUE);
  else
    {
      set_unavailable (&error, local_error);
      g_task_return_error (task, error);
    }
}

static void
timer_free (GSource *timer)
{
  g_source_destroy (timer);
  g_source_unref (timer);
}

/* A task whose libsecret call is cancelled by the caller's cancellable or after
 * @seconds, whichever comes first: libsecret's own async calls, on the caller's main
 * context, no thread. */
static GTask *
limited_task_new (const char            *path,
                  guint                  seconds,
                  gpointer               source_tag,
                  GCancellable          *cancellable,
                  GAsyncReadyCallback    callback,
                  gpointer               user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GSource) timer = NULL;
  Call *call = g_new0 (Call, 1);

  call->path = g_strdup (path);
  call->limit = g_cancellable_new ();
  if (cancellable != NULL)
    {
      call->caller = g_object_ref (cancellable);
      call->chained = g_cancellable_connect (cancellable, G_CALLBACK (caller_cancelled_cb),
                                             call->limit, NULL);
    }

  timer = g_timeout_source_new_seconds (seconds);
  g_source_set_callback (timer, time_limit_reached_cb, g_object_ref (call->limit), g_object_unref);
  g_source_attach (timer, g_main_context_get_thread_default ());
  /* The timer goes when the call is over, so it never cancels a later one. */
  g_object_set_data_full (G_OBJECT (task), "seances-timer", g_source_ref (timer),
                          (GDestroyNotify) timer_free);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, call, (GDestroyNotify) call_free);
  return g_steal_pointer (&task);
}

void
seances_keyring_lookup_async (const char          *database_path,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task;
  Call *call;
  g_autoptr(GHashTable) attributes = NULL;

  g_return_if_fail (database_path != NULL);

  task = limited_task_new (database_path, LOOKUP_TIMEOUT_S, seances_keyring_lookup_async,
                           cancellable, callback, user_data);
  call = g_task_get_task_data (task);
  attributes = attributes_new (database_path, NULL);
  secret_service_search (NULL, get_schema (), attributes, LOOKUP_FLAGS, call->limit, searched_cb, task);
}

GPtrArray *
seances_keyring_lookup_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
seances_keyring_store_async (const char          *database_path,
                             const SeancesKey    *key,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;
  Call *call;
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(SecretValue) value = NULL;

  g_return_if_fail (database_path != NULL);
  g_return_if_fail (key != NULL && !seances_key_is_passphrase (key));

  task = limited_task_new (database_path, STORE_TIMEOUT_S, seances_keyring_store_async,
                           cancellable, callback, user_data);
  call = g_task_get_task_data (task);
  attributes = attributes_new (database_path, key);
  value = key_value_new (key);
  secret_service_store (NULL, get_schema (), attributes, SECRET_COLLECTION_DEFAULT,
                        /* Translators: the label of the item in the keyring */
                        _("Séances database key"), value, call->limit, stored_cb, task);
}

gboolean
seances_keyring_store_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
