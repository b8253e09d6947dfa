/* seances-client-store.c — every client in memory, as a sorted list model
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Clients are read once; each view then filters and searches them in memory through its
 * own SeancesClientFilterModel, because one keystroke must cost at most a few
 * milliseconds at 5,000 clients (HACKING.md, « Benchmark »). The database is written
 * first and memory follows only once the change is committed. Logs name clients by id
 * only. */
#include "config.h"

#include "seances-client-store.h"

#include <string.h>

#include "seances-database-private.h"
#include "seances-fold.h"

struct _SeancesClientStore
{
  GObject              parent_instance;

  SeancesDatabase     *database;
  SeancesClock        *clock;
  GPtrArray           *clients;  /* every client, owned, in compare_clients() order */
  GHashTable          *by_id;    /* gint64 *id → SeancesClient * (borrowed) */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SeancesClientStore, seances_client_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Changes are stamped with the context's clock (the system's until it is set). */
static gint64
now_seconds (SeancesClientStore *self)
{
  return seances_clock_get_now (self->clock);
}

/* By last name, then first name; the id keeps namesakes in a stable order. */
static int
compare_clients (SeancesClient *a,
                 SeancesClient *b)
{
  int order = strcmp (seances_client_get_sort_key (a), seances_client_get_sort_key (b));
  gint64 id_a = seances_client_get_id (a);
  gint64 id_b = seances_client_get_id (b);

  if (order != 0)
    return order;
  return (id_a > id_b) - (id_a < id_b);
}

static int
compare_client_pointers (gconstpointer a,
                         gconstpointer b)
{
  return compare_clients (*(SeancesClient **) a, *(SeancesClient **) b);
}

static guint
sorted_position (SeancesClientStore *self,
                 SeancesClient      *client)
{
  guint low = 0;
  guint high = self->clients->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (compare_clients (g_ptr_array_index (self->clients, middle), client) < 0)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

static guint
insert_sorted (SeancesClientStore *self,
               SeancesClient      *client)
{
  guint position = sorted_position (self, client);

  g_ptr_array_insert (self->clients, position, client);
  return position;
}

static void
index_client (SeancesClientStore *self,
              SeancesClient      *client)
{
  gint64 id = seances_client_get_id (client);

  g_hash_table_insert (self->by_id, g_memdup2 (&id, sizeof id), client);
}

static const char *
column_text (SeancesStatement *stmt,
             int               column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  return text != NULL ? text : "";
}

/* Saves the keys folded again for clients whose saved keys were cleared (a migration
 * does so when the folding changes), in one transaction, so that the next start reads
 * them back instead of folding again. */
static gboolean
save_refolded_keys (SeancesClientStore  *self,
                    GPtrArray           *refolded,
                    GError             **error)
{
  g_autoptr(SeancesStatement) stmt = NULL;

  if (!seances_database_begin (self->database, error))
    return FALSE;
  stmt = seances_database_prepare (self->database,
                                   "UPDATE client SET search_key = ?1, sort_key = ?2 WHERE id = ?3",
                                   error);
  if (stmt == NULL)
    {
      seances_database_rollback (self->database);
      return FALSE;
    }
  for (guint i = 0; i < refolded->len; i++)
    {
      SeancesClient *client = g_ptr_array_index (refolded, i);

      seances_statement_reset (stmt);
      sqlite3_bind_text (stmt, 1, seances_client_get_search_key (client), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, seances_client_get_sort_key (client), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, seances_client_get_id (client));
      if (!seances_database_step (self->database, stmt, NULL, error))
        {
          seances_database_rollback (self->database);
          return FALSE;
        }
    }
  return seances_database_commit (self->database, error);
}

static gboolean
load (SeancesClientStore  *self,
      GError             **error)
{
  g_autoptr(SeancesStatement) stmt = NULL;
  g_autoptr(GPtrArray) refolded = g_ptr_array_new ();
  gboolean has_row;

  stmt = seances_database_prepare (self->database,
                                   "SELECT id, first_name, last_name, email, phone, channel,"
                                   " status, rhythm_weeks, note, sort_key, search_key FROM client",
                                   error);
  if (stmt == NULL)
    return FALSE;

  for (;;)
    {
      SeancesClient *client;
      SeancesChannel channel = SEANCES_CHANNEL_EMAIL;

      if (!seances_database_step (self->database, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;

      /* The schema's CHECK allows only the channels' spellings: anything else is a
       * damaged row, read as the column's default. */
      if (!seances_channel_from_string (column_text (stmt, 5), &channel))
        g_warning ("Client %" G_GINT64_FORMAT ": unknown channel", (gint64) sqlite3_column_int64 (stmt, 0));

      client = g_object_new (SEANCES_TYPE_CLIENT,
                             "id", sqlite3_column_int64 (stmt, 0),
                             "first-name", column_text (stmt, 1),
                             "last-name", column_text (stmt, 2),
                             "email", column_text (stmt, 3),
                             "phone", column_text (stmt, 4),
                             "channel", channel,
                             "status", column_text (stmt, 6),
                             "rhythm-weeks", sqlite3_column_int (stmt, 7),
                             "note", column_text (stmt, 8),
                             NULL);
      if (*column_text (stmt, 9) == '\0' || *column_text (stmt, 10) == '\0')
        /* Cleared by a migration: the client folds them again when asked. */
        g_ptr_array_add (refolded, client);
      else
        seances_client_take_keys (client, g_strdup (column_text (stmt, 9)),
                                  g_strdup (column_text (stmt, 10)));
      g_ptr_array_add (self->clients, client);
      index_client (self, client);
    }

  /* The keys are right in memory either way: failing to save them (a busy database)
   * only means folding them again at the next start, which is no reason to refuse
   * the clients. */
  if (refolded->len > 0)
    {
      g_autoptr(GError) local_error = NULL;

      if (!save_refolded_keys (self, refolded, &local_error))
        g_debug ("Could not save the folded keys of %u clients: %s",
                 refolded->len, local_error->message);
      else
        g_debug ("Folded the keys of %u clients again", refolded->len);
    }

  /* Sorted here rather than by SQL, so that memory is the one judge of the order. */
  g_ptr_array_sort (self->clients, compare_client_pointers);
  g_debug ("Loaded %u clients", self->clients->len);
  return TRUE;
}

/* Binds ?1 to ?9: the columns that describe the client and its folded keys. */
static void
bind_details (SeancesStatement *stmt,
              SeancesClient    *client)
{
  int rhythm_weeks = seances_client_get_rhythm_weeks (client);

  sqlite3_bind_text (stmt, 1, seances_client_get_first_name (client), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, seances_client_get_last_name (client), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, seances_client_get_email (client), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, seances_client_get_phone (client), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, seances_channel_to_string (seances_client_get_channel (client)), -1,
                     SQLITE_STATIC);
  if (rhythm_weeks > 0)
    sqlite3_bind_int (stmt, 6, rhythm_weeks);
  else
    sqlite3_bind_null (stmt, 6);
  sqlite3_bind_text (stmt, 7, seances_client_get_note (client), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, seances_client_get_search_key (client), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, seances_client_get_sort_key (client), -1, SQLITE_TRANSIENT);
}

static gboolean
insert_row (SeancesClientStore  *self,
            SeancesClient       *client,
            gint64               now,
            gint64              *id,
            GError             **error)
{
  g_autoptr(SeancesStatement) stmt = NULL;

  stmt = seances_database_prepare (self->database,
                                   "INSERT INTO client (first_name, last_name, email, phone,"
                                   " channel, rhythm_weeks, note, search_key, sort_key, status,"
                                   " inactive_at, created_at, updated_at)"
                                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
                                   " CASE WHEN ?10 = 'inactive' THEN ?11 END, ?11, ?11)",
                                   error);
  if (stmt == NULL)
    return FALSE;

  bind_details (stmt, client);
  sqlite3_bind_text (stmt, 10, seances_client_get_status (client), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 11, now);
  if (!seances_database_step (self->database, stmt, NULL, error))
    return FALSE;

  *id = seances_database_last_insert_id (self->database);
  return TRUE;
}

static gboolean
update_row (SeancesClientStore  *self,
            SeancesClient       *client,
            gint64               now,
            GError             **error)
{
  g_autoptr(SeancesStatement) stmt = NULL;

  stmt = seances_database_prepare (self->database,
                                   "UPDATE client SET first_name = ?1, last_name = ?2, email = ?3,"
                                   " phone = ?4, channel = ?5, rhythm_weeks = ?6, note = ?7,"
                                   " search_key = ?8, sort_key = ?9, updated_at = ?10"
                                   " WHERE id = ?11",
                                   error);
  if (stmt == NULL)
    return FALSE;

  bind_details (stmt, client);
  sqlite3_bind_int64 (stmt, 10, now);
  sqlite3_bind_int64 (stmt, 11, seances_client_get_id (client));
  return seances_database_step (self->database, stmt, NULL, error);
}

static gboolean
update_status_row (SeancesClientStore  *self,
                   gint64               id,
                   const char          *status,
                   gint64               now,
                   GError             **error)
{
  g_autoptr(SeancesStatement) stmt = NULL;

  stmt = seances_database_prepare (self->database,
                                   "UPDATE client SET status = ?1,"
                                   " inactive_at = CASE WHEN ?1 = 'inactive' THEN ?2 END,"
                                   " updated_at = ?2 WHERE id = ?3",
                                   error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, status, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, id);
  return seances_database_step (self->database, stmt, NULL, error);
}

/* Everything but the id and the status, which have their own paths. */
static void
assign (SeancesClient *stored,
        SeancesClient *client)
{
  g_object_freeze_notify (G_OBJECT (stored));
  seances_client_set_first_name (stored, seances_client_get_first_name (client));
  seances_client_set_last_name (stored, seances_client_get_last_name (client));
  seances_client_set_email (stored, seances_client_get_email (client));
  seances_client_set_phone (stored, seances_client_get_phone (client));
  seances_client_set_channel (stored, seances_client_get_channel (client));
  seances_client_set_rhythm_weeks (stored, seances_client_get_rhythm_weeks (client));
  seances_client_set_note (stored, seances_client_get_note (client));
  g_object_thaw_notify (G_OBJECT (stored));
}

static GType
seances_client_store_get_item_type (GListModel *model)
{
  return SEANCES_TYPE_CLIENT;
}

static guint
seances_client_store_get_n_items (GListModel *model)
{
  return SEANCES_CLIENT_STORE (model)->clients->len;
}

static gpointer
seances_client_store_get_item (GListModel *model,
                               guint       position)
{
  SeancesClientStore *self = SEANCES_CLIENT_STORE (model);

  if (position >= self->clients->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->clients, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = seances_client_store_get_item_type;
  iface->get_n_items = seances_client_store_get_n_items;
  iface->get_item = seances_client_store_get_item;
}

static void
seances_client_store_dispose (GObject *object)
{
  SeancesClientStore *self = (SeancesClientStore *)object;

  g_hash_table_remove_all (self->by_id);
  g_ptr_array_set_size (self->clients, 0);
  g_clear_object (&self->database);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (seances_client_store_parent_class)->dispose (object);
}

static void
seances_client_store_finalize (GObject *object)
{
  SeancesClientStore *self = (SeancesClientStore *)object;

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->clients, g_ptr_array_unref);

  G_OBJECT_CLASS (seances_client_store_parent_class)->finalize (object);
}

static void
seances_client_store_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SeancesClientStore *self = SEANCES_CLIENT_STORE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
seances_client_store_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  SeancesClientStore *self = SEANCES_CLIENT_STORE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
seances_client_store_class_init (SeancesClientStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = seances_client_store_dispose;
  object_class->finalize = seances_client_store_finalize;
  object_class->get_property = seances_client_store_get_property;
  object_class->set_property = seances_client_store_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, SEANCES_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
seances_client_store_init (SeancesClientStore *self)
{
  self->clients = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->clock = seances_clock_new ();
}

/* Reads every client at once, in name order. */
SeancesClientStore *
seances_client_store_new (SeancesDatabase  *database,
                          GError          **error)
{
  g_autoptr(SeancesClientStore) self = NULL;

  g_return_val_if_fail (SEANCES_IS_DATABASE (database), NULL);

  self = g_object_new (SEANCES_TYPE_CLIENT_STORE, "database", database, NULL);
  if (!load (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* Validates and saves a new client (id 0), which the store then keeps and lists. */
gboolean
seances_client_store_add (SeancesClientStore  *self,
                          SeancesClient       *client,
                          GError             **error)
{
  gint64 id = 0;
  guint position;

  g_return_val_if_fail (SEANCES_IS_CLIENT_STORE (self), FALSE);
  g_return_val_if_fail (SEANCES_IS_CLIENT (client), FALSE);
  g_return_val_if_fail (seances_client_get_id (client) == 0, FALSE);

  if (!seances_client_validate (client, error))
    return FALSE;

  if (!seances_database_begin (self->database, error))
    return FALSE;
  if (!insert_row (self, client, now_seconds (self), &id, error))
    {
      seances_database_rollback (self->database);
      return FALSE;
    }
  if (!seances_database_commit (self->database, error))
    return FALSE;

  g_object_set (client, "id", id, NULL);
  position = insert_sorted (self, g_object_ref (client));
  index_client (self, client);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
  g_debug ("Client %" G_GINT64_FORMAT " added", id);
  return TRUE;
}

/* Saves new details of a stored client. Pass an edited seances_client_copy(): the
 * listed client takes the new values only once they are saved. The status is left
 * alone (see seances_client_store_set_active()). */
gboolean
seances_client_store_update (SeancesClientStore  *self,
                             SeancesClient       *client,
                             GError             **error)
{
  SeancesClient *stored;
  guint old_position;
  guint new_position;
  guint span;

  g_return_val_if_fail (SEANCES_IS_CLIENT_STORE (self), FALSE);
  g_return_val_if_fail (SEANCES_IS_CLIENT (client), FALSE);

  stored = seances_client_store_lookup (self, seances_client_get_id (client));
  g_return_val_if_fail (stored != NULL, FALSE);

  if (!seances_client_validate (client, error))
    return FALSE;

  if (!seances_database_begin (self->database, error))
    return FALSE;
  if (!update_row (self, client, now_seconds (self), error))
    {
      seances_database_rollback (self->database);
      return FALSE;
    }
  if (!seances_database_commit (self->database, error))
    return FALSE;

  /* Found by address: its sort key may already hold the new name. */
  if (!g_ptr_array_find (self->clients, stored, &old_position))
    g_assert_not_reached ();
  g_ptr_array_steal_index (self->clients, old_position);
  if (stored != client)
    assign (stored, client);
  new_position = insert_sorted (self, stored);
  /* The rows between the old place and the new one, or the row itself when it stays:
   * filter models judge it again, its search key may have changed. */
  span = MAX (old_position, new_position) - MIN (old_position, new_position) + 1;
  g_list_model_items_changed (G_LIST_MODEL (self), MIN (old_position, new_position), span, span);
  g_debug ("Client %" G_GINT64_FORMAT " updated", seances_client_get_id (stored));
  return TRUE;
}

/* Archives (inactive, dated) or reactivates a stored client, or a copy of one. */
gboolean
seances_client_store_set_active (SeancesClientStore  *self,
                                 SeancesClient       *client,
                                 gboolean             active,
                                 GError             **error)
{
  const char *status = active ? "active" : "inactive";
  SeancesClient *stored;
  guint position;

  g_return_val_if_fail (SEANCES_IS_CLIENT_STORE (self), FALSE);
  g_return_val_if_fail (SEANCES_IS_CLIENT (client), FALSE);

  stored = seances_client_store_lookup (self, seances_client_get_id (client));
  g_return_val_if_fail (stored != NULL, FALSE);

  if (seances_client_is_active (stored) == !!active)
    {
      seances_client_set_status (client, status);
      return TRUE;
    }

  if (!seances_database_begin (self->database, error))
    return FALSE;
  if (!update_status_row (self, seances_client_get_id (stored), status, now_seconds (self), error))
    {
      seances_database_rollback (self->database);
      return FALSE;
    }
  if (!seances_database_commit (self->database, error))
    return FALSE;

  seances_client_set_status (stored, status);
  seances_client_set_status (client, status);
  /* Same place, another status: filter models judge it again. */
  if (g_ptr_array_find (self->clients, stored, &position))
    g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
  g_debug ("Client %" G_GINT64_FORMAT " %s", seances_client_get_id (stored),
           active ? "reactivated" : "archived");
  return TRUE;
}

/* The stored client with this id, or NULL; borrowed. */
SeancesClient *
seances_client_store_lookup (SeancesClientStore *self,
                             gint64              id)
{
  g_return_val_if_fail (SEANCES_IS_CLIENT_STORE (self), NULL);
  return g_hash_table_lookup (self->by_id, &id);
}

/* Every client: the number of items. */
guint
seances_client_store_get_n_total (SeancesClientStore *self)
{
  g_return_val_if_fail (SEANCES_IS_CLIENT_STORE (self), 0);
  return self->clients->len;
}

/* Active clients matching @text, in name order, at most @limit: for picking who a
 * session is for, without a filter model. */
GPtrArray *
seances_client_store_search (SeancesClientStore *self,
                             const char         *text,
                             guint               limit)
{
  g_autofree char *needle = seances_fold (text != NULL ? text : "");
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (SEANCES_IS_CLIENT_STORE (self), found);

  for (guint i = 0; i < self->clients->len && found->len < limit; i++)
    {
      SeancesClient *client = g_ptr_array_index (self->clients, i);

      if (seances_client_is_active (client) &&
          seances_fold_matches (seances_client_get_search_key (client), needle))
        g_ptr_array_add (found, g_object_ref (client));
    }
  return found;
}

void
seances_client_store_set_clock (SeancesClientStore *self,
                                SeancesClock *clock)
{
  g_return_if_fail (SEANCES_IS_CLIENT_STORE (self));
  g_return_if_fail (SEANCES_IS_CLOCK (clock));
  g_set_object (&self->clock, clock);
}
