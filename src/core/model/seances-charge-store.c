/* seances-charge-store.c — what each decided session costs, and what is still due
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One charge per decided session (the schema's UNIQUE): the fee of a session held, what
 * the policy asks for a late cancellation or an absence, or nothing with the reason it
 * was waived. The unpaid ones are few beside twenty years of sessions: they are read
 * once and kept in memory, sorted by the session's start, with each client's balance,
 * so that « Honoraires dus » and a client's balance cost no query. Every change is
 * written first; memory follows once it is committed. */
#include "config.h"

#include "seances-charge-store.h"

#include <glib/gi18n-lib.h>

#include "seances-database-private.h"
#include "seances-model-private.h"

#define COLUMNS \
  "c.id, c.appointment_id, c.client_id, c.kind, c.policy_cents, c.due_cents," \
  " c.waived_reason, c.paid_at, c.paid_means, c.created_at, c.updated_at, a.start_at"

struct _SeancesCharge
{
  GObject             parent_instance;

  gint64              id;
  gint64              appointment_id;
  gint64              client_id;
  SeancesChargeKind   kind;
  gint64              policy_cents;
  gint64              due_cents;
  SeancesPolicyWaiver waiver;
  gint64              paid_at;     /* 0: not paid */
  SeancesPaymentMeans paid_means;
  gint64              created_at;
  gint64              updated_at;
  gint64              session_start;  /* the appointment's, for sorting and showing */
};

G_DEFINE_FINAL_TYPE (SeancesCharge, seances_charge, G_TYPE_OBJECT)

static void
seances_charge_class_init (SeancesChargeClass *klass)
{
}

static void
seances_charge_init (SeancesCharge *self)
{
}

gint64
seances_charge_get_id (SeancesCharge *self)
{
  g_return_val_if_fail (SEANCES_IS_CHARGE (self), 0);
  return self->id;
}

gint64
seances_charge_get_appointment_id (SeancesCharge *self)
{
  g_return_val_if_fail (SEANCES_IS_CHARGE (self), 0);
  return self->appointment_id;
}

gint64
seances_charge_get_client_id (SeancesCharge *self)
{
  g_return_val_if_fail (SEANCES_IS_CHARGE (self), 0);
  return self->client_id;
}

gint64
seances_charge_get_session_start (SeancesCharge *self)
{
  g_return_val_if_fail (SEANCES_IS_CHARGE (self), 0);
  return self->session_start;
}

SeancesChargeKind
seances_charge_get_kind (SeancesCharge *self)
{
  g_return_val_if_fail (SEANCES_IS_CHARGE (self), SEANCES_CHARGE_KIND_SESSION);
  return self->kind;
}

/* What the terms charge (the fee for a session held), before any waiver or edit. */
gint64
seances_charge_get_policy_cents (SeancesCharge *self)
{
  g_return_val_if_fail (SEANCES_IS_CHARGE (self), 0);
  return self->policy_cents;
}

gint64
seances_charge_get_due_cents (SeancesCharge *self)
{
  g_return_val_if_fail (SEANCES_IS_CHARGE (self), 0);
  return self->due_cents;
}

SeancesPolicyWaiver
seances_charge_get_waiver (SeancesCharge *self)
{
  g_return_val_if_fail (SEANCES_IS_CHARGE (self), SEANCES_POLICY_WAIVER_NONE);
  return self->waiver;
}

gint64
seances_charge_get_paid_at (SeancesCharge *self)
{
  g_return_val_if_fail (SEANCES_IS_CHARGE (self), 0);
  return self->paid_at;
}

SeancesPaymentMeans
seances_charge_get_paid_means (SeancesCharge *self)
{
  g_return_val_if_fail (SEANCES_IS_CHARGE (self), SEANCES_PAYMENT_NONE);
  return self->paid_means;
}

/* Something is due and was not paid yet. */
gboolean
seances_charge_is_unpaid (SeancesCharge *self)
{
  g_return_val_if_fail (SEANCES_IS_CHARGE (self), FALSE);
  return self->due_cents > 0 && self->paid_at == 0;
}

/* The same row, column by column (the session's start is the appointment's, not the
 * charge's). Two NULLs are the same absence of a charge. */
gboolean
seances_charge_equal (SeancesCharge *a,
                      SeancesCharge *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return a->id == b->id && a->appointment_id == b->appointment_id &&
         a->client_id == b->client_id && a->kind == b->kind &&
         a->policy_cents == b->policy_cents && a->due_cents == b->due_cents &&
         a->waiver == b->waiver && a->paid_at == b->paid_at && a->paid_means == b->paid_means &&
         a->created_at == b->created_at && a->updated_at == b->updated_at;
}

struct _SeancesChargeUndo
{
  gatomicrefcount  ref_count;
  SeancesCharge   *before;  /* the row the change found */
  SeancesCharge   *after;   /* the row it wrote */
  gboolean         done;
};

G_DEFINE_BOXED_TYPE (SeancesChargeUndo, seances_charge_undo, seances_charge_undo_ref, seances_charge_undo_unref)

static SeancesChargeUndo *
undo_new (SeancesCharge *before,
          SeancesCharge *after)
{
  SeancesChargeUndo *undo = g_new0 (SeancesChargeUndo, 1);

  g_atomic_ref_count_init (&undo->ref_count);
  undo->before = g_object_ref (before);
  undo->after = g_object_ref (after);
  return undo;
}

SeancesChargeUndo *
seances_charge_undo_ref (SeancesChargeUndo *undo)
{
  g_return_val_if_fail (undo != NULL, NULL);
  g_atomic_ref_count_inc (&undo->ref_count);
  return undo;
}

void
seances_charge_undo_unref (SeancesChargeUndo *undo)
{
  g_return_if_fail (undo != NULL);

  if (!g_atomic_ref_count_dec (&undo->ref_count))
    return;
  g_clear_object (&undo->before);
  g_clear_object (&undo->after);
  g_free (undo);
}

struct _SeancesChargeStore
{
  GObject          parent_instance;

  SeancesDatabase *database;
  SeancesClock    *clock;
  GPtrArray       *unpaid;    /* SeancesCharge *, by session start then appointment id */
  GHashTable      *balances;  /* gint64 *client_id → gint64 * cents due */
  gint64           total;
};

static void seances_charge_store_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SeancesChargeStore, seances_charge_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      seances_charge_store_list_model_init))

G_DEFINE_QUARK (seances-charge-error-quark, seances_charge_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GType
seances_charge_store_get_item_type (GListModel *model)
{
  return SEANCES_TYPE_CHARGE;
}

static guint
seances_charge_store_get_n_items (GListModel *model)
{
  return SEANCES_CHARGE_STORE (model)->unpaid->len;
}

static gpointer
seances_charge_store_get_item (GListModel *model,
                               guint       position)
{
  SeancesChargeStore *self = SEANCES_CHARGE_STORE (model);

  if (position >= self->unpaid->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->unpaid, position));
}

static void
seances_charge_store_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = seances_charge_store_get_item_type;
  iface->get_n_items = seances_charge_store_get_n_items;
  iface->get_item = seances_charge_store_get_item;
}

static void
seances_charge_store_dispose (GObject *object)
{
  SeancesChargeStore *self = SEANCES_CHARGE_STORE (object);

  g_clear_object (&self->database);
  g_clear_object (&self->clock);
  g_clear_pointer (&self->unpaid, g_ptr_array_unref);
  G_OBJECT_CLASS (seances_charge_store_parent_class)->dispose (object);
}

static void
seances_charge_store_finalize (GObject *object)
{
  SeancesChargeStore *self = SEANCES_CHARGE_STORE (object);

  g_clear_pointer (&self->balances, g_hash_table_unref);
  G_OBJECT_CLASS (seances_charge_store_parent_class)->finalize (object);
}

static void
seances_charge_store_class_init (SeancesChargeStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = seances_charge_store_dispose;
  object_class->finalize = seances_charge_store_finalize;

  /**
   * SeancesChargeStore::changed:
   * @client_id: whose charges changed
   *
   * Emitted after a change of a charge is committed: that client's balance and charges,
   * and the unpaid list, may differ.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
seances_charge_store_init (SeancesChargeStore *self)
{
  self->unpaid = g_ptr_array_new_with_free_func (g_object_unref);
  self->balances = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

static gboolean
fail (GError     **error,
      int          code,
      const char  *message)
{
  g_set_error_literal (error, SEANCES_CHARGE_ERROR, code, message);
  return FALSE;
}

/* The schema's CHECK constraints allow only the spellings: a string that is none of them
 * is a damaged row, read as the column's most harmless value. */
static SeancesCharge *
charge_from_row (SeancesStatement *stmt)
{
  SeancesCharge *charge = g_object_new (SEANCES_TYPE_CHARGE, NULL);

  charge->id = sqlite3_column_int64 (stmt, 0);
  charge->appointment_id = sqlite3_column_int64 (stmt, 1);
  charge->client_id = sqlite3_column_int64 (stmt, 2);
  charge->kind = SEANCES_CHARGE_KIND_SESSION;
  if (!seances_charge_kind_from_string ((const char *) sqlite3_column_text (stmt, 3), &charge->kind))
    g_warning ("Charge %" G_GINT64_FORMAT ": unknown kind", charge->id);
  charge->policy_cents = sqlite3_column_int64 (stmt, 4);
  charge->due_cents = sqlite3_column_int64 (stmt, 5);
  charge->waiver = SEANCES_POLICY_WAIVER_NONE;
  if (!seances_policy_waiver_from_string ((const char *) sqlite3_column_text (stmt, 6), &charge->waiver))
    g_warning ("Charge %" G_GINT64_FORMAT ": unknown waiver", charge->id);
  charge->paid_at = sqlite3_column_int64 (stmt, 7);
  charge->paid_means = SEANCES_PAYMENT_NONE;
  if (!seances_payment_means_from_string ((const char *) sqlite3_column_text (stmt, 8), &charge->paid_means))
    g_warning ("Charge %" G_GINT64_FORMAT ": unknown means of payment", charge->id);
  charge->created_at = sqlite3_column_int64 (stmt, 9);
  charge->updated_at = sqlite3_column_int64 (stmt, 10);
  charge->session_start = sqlite3_column_int64 (stmt, 11);
  return charge;
}

static GPtrArray *
collect (SeancesChargeStore  *self,
         SeancesStatement    *stmt,
         GError             **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean has_row;

  while (seances_database_step (self->database, stmt, &has_row, error))
    {
      if (!has_row)
        return g_steal_pointer (&list);
      g_ptr_array_add (list, charge_from_row (stmt));
    }
  return NULL;
}

static int
compare_by_session (SeancesCharge *a,
                    SeancesCharge *b)
{
  if (a->session_start != b->session_start)
    return a->session_start < b->session_start ? -1 : 1;
  if (a->appointment_id != b->appointment_id)
    return a->appointment_id < b->appointment_id ? -1 : 1;
  return 0;
}

/* Where @charge is, or would go, in the unpaid list. */
static guint
unpaid_position (SeancesChargeStore *self,
                 SeancesCharge      *charge,
                 gboolean           *found)
{
  guint low = 0;
  guint high = self->unpaid->len;

  *found = FALSE;
  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      int order = compare_by_session (g_ptr_array_index (self->unpaid, middle), charge);

      if (order == 0)
        {
          *found = TRUE;
          return middle;
        }
      if (order < 0)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

static void
add_to_balance (SeancesChargeStore *self,
                gint64              client_id,
                gint64              cents)
{
  gint64 *balance = g_hash_table_lookup (self->balances, &client_id);

  if (balance == NULL)
    {
      balance = g_new0 (gint64, 1);
      g_hash_table_insert (self->balances, g_memdup2 (&client_id, sizeof client_id), balance);
    }
  *balance += cents;
  if (*balance == 0)
    g_hash_table_remove (self->balances, &client_id);
  self->total += cents;
}

static gboolean
load_unpaid (SeancesChargeStore  *self,
             GError             **error)
{
  g_autoptr(SeancesStatement) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;

  /* CROSS JOIN keeps the charges outside: the walk goes along the partial index of the
   * unpaid ones, never along the sessions. */
  stmt = seances_database_prepare (self->database,
                                   "SELECT " COLUMNS " FROM charge c CROSS JOIN appointment a"
                                   " ON a.id = c.appointment_id"
                                   " WHERE c.due_cents > 0 AND c.paid_at IS NULL"
                                   " ORDER BY a.start_at, a.id",
                                   error);
  if (stmt == NULL)
    return FALSE;
  list = collect (self, stmt, error);
  if (list == NULL)
    return FALSE;

  for (guint i = 0; i < list->len; i++)
    {
      SeancesCharge *charge = g_ptr_array_index (list, i);

      add_to_balance (self, charge->client_id, charge->due_cents);
      g_ptr_array_add (self->unpaid, g_object_ref (charge));
    }
  return TRUE;
}

SeancesChargeStore *
seances_charge_store_new (SeancesDatabase  *database,
                          SeancesClock     *clock,
                          GError          **error)
{
  g_autoptr(SeancesChargeStore) self = NULL;

  g_return_val_if_fail (SEANCES_IS_DATABASE (database), NULL);
  g_return_val_if_fail (SEANCES_IS_CLOCK (clock), NULL);

  self = g_object_new (SEANCES_TYPE_CHARGE_STORE, NULL);
  self->database = g_object_ref (database);
  self->clock = g_object_ref (clock);
  if (!load_unpaid (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

static gpointer
ref_charge (gconstpointer charge,
            gpointer      data)
{
  return g_object_ref ((gpointer) charge);
}

/* The unpaid charges, the oldest session first, and their total in *@total_cents (when
 * not NULL): a copy of what the list model holds. */
GPtrArray *
seances_charge_store_list_unpaid (SeancesChargeStore *self,
                                  gint64             *total_cents)
{
  g_return_val_if_fail (SEANCES_IS_CHARGE_STORE (self), NULL);

  if (total_cents != NULL)
    *total_cents = self->total;
  return g_ptr_array_copy (self->unpaid, ref_charge, NULL);
}

gint64
seances_charge_store_get_unpaid_total (SeancesChargeStore *self)
{
  g_return_val_if_fail (SEANCES_IS_CHARGE_STORE (self), 0);
  return self->total;
}

/* What the client still owes: the sum of their unpaid charges. */
gint64
seances_charge_store_get_balance (SeancesChargeStore *self,
                                  gint64              client_id)
{
  gint64 *balance;

  g_return_val_if_fail (SEANCES_IS_CHARGE_STORE (self), 0);

  balance = g_hash_table_lookup (self->balances, &client_id);
  return balance != NULL ? *balance : 0;
}

/* Every charge of the client, paid or not, the oldest session first. */
GPtrArray *
seances_charge_store_list_for_client (SeancesChargeStore  *self,
                                      gint64               client_id,
                                      GError             **error)
{
  g_autoptr(SeancesStatement) stmt = NULL;

  g_return_val_if_fail (SEANCES_IS_CHARGE_STORE (self), NULL);

  /* Along the client's sessions (client_id, start_at), already in order. */
  stmt = seances_database_prepare (self->database,
                                   "SELECT " COLUMNS " FROM appointment a CROSS JOIN charge c"
                                   " ON c.appointment_id = a.id"
                                   " WHERE a.client_id = ?1 ORDER BY a.start_at, a.id",
                                   error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, client_id);
  return collect (self, stmt, error);
}

/* What the client still owes, charge by charge, the oldest session first: from memory. */
GPtrArray *
seances_charge_store_list_unpaid_for_client (SeancesChargeStore *self,
                                             gint64              client_id)
{
  GPtrArray *list;

  g_return_val_if_fail (SEANCES_IS_CHARGE_STORE (self), NULL);

  list = g_ptr_array_new_with_free_func (g_object_unref);
  if (seances_charge_store_get_balance (self, client_id) == 0)
    return list;
  for (guint i = 0; i < self->unpaid->len; i++)
    {
      SeancesCharge *charge = g_ptr_array_index (self->unpaid, i);

      if (charge->client_id == client_id)
        g_ptr_array_add (list, g_object_ref (charge));
    }
  return list;
}

/* The client's @limit latest charges with nothing left to pay (paid, waived, or nothing
 * due), the latest session first: a client seen weekly for years has hundreds, and their
 * page shows a few. */
GPtrArray *
seances_charge_store_list_settled_for_client (SeancesChargeStore  *self,
                                              gint64               client_id,
                                              guint                limit,
                                              GError             **error)
{
  g_autoptr(SeancesStatement) stmt = NULL;

  g_return_val_if_fail (SEANCES_IS_CHARGE_STORE (self), NULL);

  /* Along the client's sessions from the latest, until @limit of them have one. */
  stmt = seances_database_prepare (self->database,
                                   "SELECT " COLUMNS " FROM appointment a CROSS JOIN charge c"
                                   " ON c.appointment_id = a.id"
                                   " WHERE a.client_id = ?1 AND NOT (c.due_cents > 0 AND c.paid_at IS NULL)"
                                   " ORDER BY a.start_at DESC, a.id DESC LIMIT ?2",
                                   error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, client_id);
  sqlite3_bind_int64 (stmt, 2, limit);
  return collect (self, stmt, error);
}

/* The charge of session @appointment_id as the database holds it now, or NULL (no error)
 * when it has none. */
gboolean
seances_charge_store_read (SeancesChargeStore  *self,
                           gint64               appointment_id,
                           SeancesCharge      **charge,
                           GError             **error)
{
  g_autoptr(SeancesStatement) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (SEANCES_IS_CHARGE_STORE (self), FALSE);
  g_return_val_if_fail (charge != NULL && *charge == NULL, FALSE);

  stmt = seances_database_prepare (self->database,
                                   "SELECT " COLUMNS " FROM charge c CROSS JOIN appointment a"
                                   " ON a.id = c.appointment_id WHERE c.appointment_id = ?1",
                                   error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, appointment_id);
  if (!seances_database_step (self->database, stmt, &has_row, error))
    return FALSE;
  if (has_row)
    *charge = charge_from_row (stmt);
  return TRUE;
}

/* Inside the caller's transaction: session @appointment's charge becomes @draft (NULL:
 * none). An existing one (@current, as read in the same transaction) keeps its id and
 * creation time; *@written receives the row as written (NULL when there is none). */
gboolean
seances_charge_store_write (SeancesChargeStore        *self,
                            SeancesAppointment        *appointment,
                            SeancesCharge             *current,
                            const SeancesChargeDraft  *draft,
                            SeancesCharge            **written,
                            GError                   **error)
{
  g_autoptr(SeancesStatement) stmt = NULL;
  gint64 id = seances_appointment_get_id (appointment);
  gint64 now = seances_clock_get_now (self->clock);

  g_return_val_if_fail (SEANCES_IS_CHARGE_STORE (self), FALSE);
  g_return_val_if_fail (written != NULL && *written == NULL, FALSE);

  if (draft == NULL && current == NULL)
    return TRUE;
  if (draft == NULL)
    {
      stmt = seances_database_prepare (self->database, "DELETE FROM charge WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, current->id);
      return seances_database_step (self->database, stmt, NULL, error);
    }

  if (current == NULL)
    stmt = seances_database_prepare (self->database,
                                     "INSERT INTO charge (appointment_id, client_id, kind, policy_cents,"
                                     " due_cents, waived_reason, created_at, updated_at)"
                                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
                                     error);
  else
    stmt = seances_database_prepare (self->database,
                                     "UPDATE charge SET client_id = ?2, kind = ?3, policy_cents = ?4,"
                                     " due_cents = ?5, waived_reason = ?6, updated_at = ?7"
                                     " WHERE appointment_id = ?1",
                                     error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, seances_appointment_get_client_id (appointment));
  sqlite3_bind_text (stmt, 3, seances_charge_kind_to_string (draft->kind), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, draft->policy_cents);
  sqlite3_bind_int64 (stmt, 5, draft->due_cents);
  sqlite3_bind_text (stmt, 6, seances_policy_waiver_to_string (draft->waiver), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, now);
  if (!seances_database_step (self->database, stmt, NULL, error))
    return FALSE;
  return seances_charge_store_read (self, id, written, error);
}

/* Inside the caller's transaction: the charge of session @appointment_id becomes exactly
 * @charge, id and stamps included (NULL: none). */
gboolean
seances_charge_store_restore (SeancesChargeStore  *self,
                              gint64               appointment_id,
                              SeancesCharge       *charge,
                              GError             **error)
{
  g_autoptr(SeancesStatement) remove = NULL;
  g_autoptr(SeancesStatement) insert = NULL;

  g_return_val_if_fail (SEANCES_IS_CHARGE_STORE (self), FALSE);
  g_return_val_if_fail (charge == NULL || charge->appointment_id == appointment_id, FALSE);

  remove = seances_database_prepare (self->database, "DELETE FROM charge WHERE appointment_id = ?1", error);
  if (remove == NULL)
    return FALSE;
  sqlite3_bind_int64 (remove, 1, appointment_id);
  if (!seances_database_step (self->database, remove, NULL, error))
    return FALSE;
  if (charge == NULL)
    return TRUE;

  insert = seances_database_prepare (self->database,
                                     "INSERT INTO charge (id, appointment_id, client_id, kind,"
                                     " policy_cents, due_cents, waived_reason, paid_at, paid_means,"
                                     " created_at, updated_at)"
                                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                                     error);
  if (insert == NULL)
    return FALSE;
  sqlite3_bind_int64 (insert, 1, charge->id);
  sqlite3_bind_int64 (insert, 2, charge->appointment_id);
  sqlite3_bind_int64 (insert, 3, charge->client_id);
  sqlite3_bind_text (insert, 4, seances_charge_kind_to_string (charge->kind), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 5, charge->policy_cents);
  sqlite3_bind_int64 (insert, 6, charge->due_cents);
  sqlite3_bind_text (insert, 7, seances_policy_waiver_to_string (charge->waiver), -1, SQLITE_STATIC);
  seances_statement_bind_optional (insert, 8, charge->paid_at);
  sqlite3_bind_text (insert, 9, seances_payment_means_to_string (charge->paid_means), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 10, charge->created_at);
  sqlite3_bind_int64 (insert, 11, charge->updated_at);
  return seances_database_step (self->database, insert, NULL, error);
}

/* Once a change from @before to @after (either NULL: no charge) is committed: the unpaid
 * list and the balances follow, and ::changed says whose. */
void
seances_charge_store_apply (SeancesChargeStore *self,
                            SeancesCharge      *before,
                            SeancesCharge      *after)
{
  gboolean found;
  guint position;

  g_return_if_fail (SEANCES_IS_CHARGE_STORE (self));

  if (before == NULL && after == NULL)
    return;

  if (before != NULL && seances_charge_is_unpaid (before))
    {
      position = unpaid_position (self, before, &found);
      if (found)
        {
          add_to_balance (self, before->client_id, -before->due_cents);
          g_ptr_array_remove_index (self->unpaid, position);
          g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
        }
    }
  if (after != NULL && seances_charge_is_unpaid (after))
    {
      position = unpaid_position (self, after, &found);
      g_ptr_array_insert (self->unpaid, position, g_object_ref (after));
      add_to_balance (self, after->client_id, after->due_cents);
      g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
    }

  g_signal_emit (self, signals[CHANGED], 0, after != NULL ? after->client_id : before->client_id);
}

/* The charge @charge shows, as the database holds it now (inside the transaction): a
 * change is made only to what the practitioner saw. */
static SeancesCharge *
read_current (SeancesChargeStore  *self,
              SeancesCharge       *charge,
              GError             **error)
{
  g_autoptr(SeancesCharge) current = NULL;

  if (!seances_charge_store_read (self, charge->appointment_id, &current, error))
    return NULL;
  if (current == NULL || current->id != charge->id)
    {
      fail (error, SEANCES_CHARGE_ERROR_NOT_FOUND,
            _("This charge no longer exists: the session was closed differently since."));
      return NULL;
    }
  if (!seances_charge_equal (current, charge))
    {
      fail (error, SEANCES_CHARGE_ERROR_CHANGED,
            _("This charge has just changed: check it again before recording anything."));
      return NULL;
    }
  return g_steal_pointer (&current);
}

/* Inside the transaction: runs @stmt (bound but for the charge's id, ?1) on the row of
 * @charge if it may still change: nothing once it is paid, nothing to pay or waive when
 * nothing is due. */
static gboolean
change_row (SeancesChargeStore  *self,
            SeancesCharge       *charge,
            SeancesStatement    *stmt,
            const char          *paid_refusal,
            SeancesCharge      **before,
            SeancesCharge      **after,
            GError             **error)
{
  *before = read_current (self, charge, error);
  if (*before == NULL)
    return FALSE;
  if ((*before)->paid_at != 0)
    return fail (error, SEANCES_CHARGE_ERROR_PAID, paid_refusal);
  if ((*before)->due_cents == 0)
    return fail (error, SEANCES_CHARGE_ERROR_INVALID, _("Nothing is due for this session."));

  sqlite3_bind_int64 (stmt, 1, (*before)->id);
  return seances_database_step (self->database, stmt, NULL, error) &&
         seances_charge_store_read (self, (*before)->appointment_id, after, error);
}

/* One change of @charge in its own transaction, which can be undone. */
static SeancesChargeUndo *
change (SeancesChargeStore  *self,
        SeancesCharge       *charge,
        SeancesStatement    *stmt,
        const char          *paid_refusal,
        GError             **error)
{
  g_autoptr(SeancesCharge) before = NULL;
  g_autoptr(SeancesCharge) after = NULL;

  if (!seances_database_begin (self->database, error))
    return NULL;
  if (!change_row (self, charge, stmt, paid_refusal, &before, &after, error) ||
      !seances_database_commit (self->database, error))
    {
      seances_database_rollback (self->database);
      return NULL;
    }

  seances_charge_store_apply (self, before, after);
  return undo_new (before, after);
}

/* Records that @charge was paid at @paid_at by @means. */
SeancesChargeUndo *
seances_charge_store_mark_paid (SeancesChargeStore  *self,
                                SeancesCharge       *charge,
                                gint64               paid_at,
                                SeancesPaymentMeans  means,
                                GError             **error)
{
  g_autoptr(SeancesStatement) stmt = NULL;
  gint64 now;

  g_return_val_if_fail (SEANCES_IS_CHARGE_STORE (self), NULL);
  g_return_val_if_fail (SEANCES_IS_CHARGE (charge), NULL);
  g_return_val_if_fail (means != SEANCES_PAYMENT_NONE, NULL);
  g_return_val_if_fail (paid_at > 0, NULL);

  now = seances_clock_get_now (self->clock);
  if (paid_at > now)
    {
      fail (error, SEANCES_CHARGE_ERROR_INVALID, _("A payment cannot be dated in the future."));
      return NULL;
    }

  stmt = seances_database_prepare (self->database,
                                   "UPDATE charge SET paid_at = ?2, paid_means = ?3, updated_at = ?4"
                                   " WHERE id = ?1",
                                   error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 2, paid_at);
  sqlite3_bind_text (stmt, 3, seances_payment_means_to_string (means), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, now);
  return change (self, charge, stmt, _("This charge has already been paid."), error);
}

/* Waives what @charge makes due, after the decision: by hand (MANUAL), or for force
 * majeure shown later, which only a late cancellation or an absence can be. */
SeancesChargeUndo *
seances_charge_store_waive (SeancesChargeStore  *self,
                            SeancesCharge       *charge,
                            SeancesPolicyWaiver  waiver,
                            GError             **error)
{
  g_autoptr(SeancesStatement) stmt = NULL;

  g_return_val_if_fail (SEANCES_IS_CHARGE_STORE (self), NULL);
  g_return_val_if_fail (SEANCES_IS_CHARGE (charge), NULL);
  g_return_val_if_fail (waiver == SEANCES_POLICY_WAIVER_MANUAL ||
                        waiver == SEANCES_POLICY_WAIVER_FORCE_MAJEURE, NULL);

  if (waiver == SEANCES_POLICY_WAIVER_FORCE_MAJEURE && charge->kind == SEANCES_CHARGE_KIND_SESSION)
    {
      fail (error, SEANCES_CHARGE_ERROR_INVALID,
            _("Force majeure waives only a late cancellation or an absence."));
      return NULL;
    }

  stmt = seances_database_prepare (self->database,
                                   "UPDATE charge SET due_cents = 0, waived_reason = ?2, updated_at = ?3"
                                   " WHERE id = ?1",
                                   error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 2, seances_policy_waiver_to_string (waiver), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, seances_clock_get_now (self->clock));
  return change (self, charge, stmt, _("This charge has already been paid: it can no longer be waived."),
                 error);
}

/* Inside the transaction: the row as @undo's change left it, put back as it was before. */
static gboolean
restore_row (SeancesChargeStore  *self,
             SeancesChargeUndo   *undo,
             GError             **error)
{
  g_autoptr(SeancesCharge) current = NULL;

  if (!seances_charge_store_read (self, undo->after->appointment_id, &current, error))
    return FALSE;
  if (!seances_charge_equal (current, undo->after))
    return fail (error, SEANCES_CHARGE_ERROR_CHANGED,
                 _("This charge was changed again since: this change can no longer be undone."));
  return seances_charge_store_restore (self, undo->before->appointment_id, undo->before, error);
}

/* Puts the charge back exactly as it was before the change @undo records, unless it
 * changed again since. */
gboolean
seances_charge_store_undo (SeancesChargeStore  *self,
                           SeancesChargeUndo   *undo,
                           GError             **error)
{
  g_return_val_if_fail (SEANCES_IS_CHARGE_STORE (self), FALSE);
  g_return_val_if_fail (undo != NULL, FALSE);

  if (undo->done)
    return fail (error, SEANCES_CHARGE_ERROR_CHANGED, _("This change was already undone."));

  if (!seances_database_begin (self->database, error))
    return FALSE;
  if (!restore_row (self, undo, error) || !seances_database_commit (self->database, error))
    {
      seances_database_rollback (self->database);
      return FALSE;
    }

  undo->done = TRUE;
  seances_charge_store_apply (self, undo->after, undo->before);
  return TRUE;
}
