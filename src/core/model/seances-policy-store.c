/* seances-policy-store.c — the cancellation policy's versions and who accepted which
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Versions and acceptances are few (one version per saved change, a few per client):
 * they are read once and kept in memory. A change of the policy is a new row, never an
 * UPDATE: a fee is defensible only by the words the client accepted, so those words
 * must stay as they were. The database is written first; memory follows once the
 * change is committed. */
#include "config.h"

#include "seances-policy-store.h"

#include <glib/gi18n-lib.h>

#include "seances-database-private.h"

#define MAX_COMMITMENT_LENGTH 4000

struct _SeancesPolicyStore
{
  GObject          parent_instance;

  SeancesDatabase *database;
  SeancesClock    *clock;
  GPtrArray       *versions;     /* SeancesPolicyVersion *, by id, oldest first */
  GHashTable      *acceptances;  /* gint64 *client_id → GPtrArray of SeancesPolicyAcceptance *, by date */
};

G_DEFINE_FINAL_TYPE (SeancesPolicyStore, seances_policy_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (seances-policy-store-error-quark, seances_policy_store_error)

enum {
  CHANGED,
  ACCEPTANCE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const amount_kinds[] = {
  [SEANCES_POLICY_AMOUNT_FULL] = "full",
  [SEANCES_POLICY_AMOUNT_PERCENT] = "percent",
  [SEANCES_POLICY_AMOUNT_FIXED] = "fixed",
};

static const char * const means_spellings[] = {
  [SEANCES_ACCEPTANCE_PAPER] = "paper",
  [SEANCES_ACCEPTANCE_EMAIL] = "email",
  [SEANCES_ACCEPTANCE_SESSION] = "session",
};

const char *
seances_acceptance_means_to_string (SeancesAcceptanceMeans means)
{
  g_return_val_if_fail ((guint) means < G_N_ELEMENTS (means_spellings), NULL);
  return means_spellings[means];
}

gboolean
seances_acceptance_means_from_string (const char             *text,
                                      SeancesAcceptanceMeans *means)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (means_spellings); i++)
    if (g_str_equal (text, means_spellings[i]))
      {
        *means = i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
amount_kind_from_string (const char              *text,
                         SeancesPolicyAmountKind *kind)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (amount_kinds); i++)
    if (g_str_equal (text, amount_kinds[i]))
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

static void
version_free (SeancesPolicyVersion *version)
{
  g_free (version->commitment);
  g_free (version);
}

static void
seances_policy_store_finalize (GObject *object)
{
  SeancesPolicyStore *self = SEANCES_POLICY_STORE (object);

  g_clear_object (&self->database);
  g_clear_object (&self->clock);
  g_clear_pointer (&self->versions, g_ptr_array_unref);
  g_clear_pointer (&self->acceptances, g_hash_table_unref);

  G_OBJECT_CLASS (seances_policy_store_parent_class)->finalize (object);
}

static void
seances_policy_store_class_init (SeancesPolicyStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = seances_policy_store_finalize;

  /* A new version was saved: the current terms changed. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* A client accepted a version; the detail-free argument is the client's id. */
  signals[ACCEPTANCE_CHANGED] = g_signal_new ("acceptance-changed", G_TYPE_FROM_CLASS (klass),
                                              G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                              G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
seances_policy_store_init (SeancesPolicyStore *self)
{
  self->versions = g_ptr_array_new_with_free_func ((GDestroyNotify) version_free);
  self->acceptances = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                             (GDestroyNotify) g_ptr_array_unref);
}

static gboolean
fail (GError     **error,
      int          code,
      const char  *message)
{
  g_set_error_literal (error, SEANCES_POLICY_STORE_ERROR, code, message);
  return FALSE;
}

static gboolean
read_versions (SeancesPolicyStore  *self,
               GError             **error)
{
  g_autoptr(SeancesStatement) stmt = NULL;
  gboolean has_row = FALSE;

  stmt = seances_database_prepare (self->database,
                                   "SELECT id, notice_hours, late_kind, late_value, absence_kind,"
                                   " absence_value, grace_count, grace_months, flag_count,"
                                   " flag_months, commitment, created_at"
                                   " FROM policy_version ORDER BY id",
                                   error);
  if (stmt == NULL)
    return FALSE;
  while (seances_database_step (self->database, stmt, &has_row, error) && has_row)
    {
      SeancesPolicyVersion *version = g_new0 (SeancesPolicyVersion, 1);
      SeancesPolicyTerms *terms = &version->terms;

      version->id = sqlite3_column_int64 (stmt, 0);
      terms->version_id = version->id;
      terms->notice_hours = sqlite3_column_int (stmt, 1);
      if (!amount_kind_from_string ((const char *) sqlite3_column_text (stmt, 2), &terms->late.kind))
        terms->late.kind = SEANCES_POLICY_AMOUNT_FULL;
      terms->late.value = sqlite3_column_int (stmt, 3);
      if (!amount_kind_from_string ((const char *) sqlite3_column_text (stmt, 4), &terms->absence.kind))
        terms->absence.kind = SEANCES_POLICY_AMOUNT_FULL;
      terms->absence.value = sqlite3_column_int (stmt, 5);
      terms->grace_count = sqlite3_column_int (stmt, 6);
      terms->grace_months = sqlite3_column_int (stmt, 7);
      terms->flag_count = sqlite3_column_int (stmt, 8);
      terms->flag_months = sqlite3_column_int (stmt, 9);
      version->commitment = g_strdup ((const char *) sqlite3_column_text (stmt, 10));
      version->created_at = sqlite3_column_int64 (stmt, 11);
      g_ptr_array_add (self->versions, version);
    }
  return !has_row;
}

static void
remember_acceptance (SeancesPolicyStore            *self,
                     const SeancesPolicyAcceptance *acceptance)
{
  GPtrArray *list = g_hash_table_lookup (self->acceptances, &acceptance->client_id);
  guint at;

  if (list == NULL)
    {
      list = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (self->acceptances, g_memdup2 (&acceptance->client_id, sizeof (gint64)), list);
    }
  /* By date, then by id: the last one is the latest accepted. */
  for (at = list->len; at > 0; at--)
    {
      SeancesPolicyAcceptance *before = g_ptr_array_index (list, at - 1);

      if (before->accepted_at < acceptance->accepted_at ||
          (before->accepted_at == acceptance->accepted_at && before->id < acceptance->id))
        break;
    }
  g_ptr_array_insert (list, at, g_memdup2 (acceptance, sizeof *acceptance));
}

static gboolean
read_acceptances (SeancesPolicyStore  *self,
                  GError             **error)
{
  g_autoptr(SeancesStatement) stmt = NULL;
  gboolean has_row = FALSE;

  stmt = seances_database_prepare (self->database,
                                   "SELECT id, client_id, version_id, accepted_at, means"
                                   " FROM policy_acceptance ORDER BY accepted_at, id",
                                   error);
  if (stmt == NULL)
    return FALSE;
  while (seances_database_step (self->database, stmt, &has_row, error) && has_row)
    {
      SeancesPolicyAcceptance acceptance = {
        .id = sqlite3_column_int64 (stmt, 0),
        .client_id = sqlite3_column_int64 (stmt, 1),
        .version_id = sqlite3_column_int64 (stmt, 2),
        .accepted_at = sqlite3_column_int64 (stmt, 3),
        .means = SEANCES_ACCEPTANCE_PAPER,
      };

      seances_acceptance_means_from_string ((const char *) sqlite3_column_text (stmt, 4),
                                            &acceptance.means);
      remember_acceptance (self, &acceptance);
    }
  return !has_row;
}

static gboolean
insert_version (SeancesPolicyStore        *self,
                const SeancesPolicyTerms  *terms,
                const char                *commitment,
                GError                   **error)
{
  g_autoptr(SeancesStatement) stmt = NULL;
  SeancesPolicyVersion *version;
  gint64 now = seances_clock_get_now (self->clock);
  gboolean has_row;

  stmt = seances_database_prepare (self->database,
                                   "INSERT INTO policy_version (notice_hours, late_kind, late_value,"
                                   " absence_kind, absence_value, grace_count, grace_months,"
                                   " flag_count, flag_months, commitment, created_at)"
                                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                                   error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, terms->notice_hours);
  sqlite3_bind_text (stmt, 2, amount_kinds[terms->late.kind], -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, terms->late.value);
  sqlite3_bind_text (stmt, 4, amount_kinds[terms->absence.kind], -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, terms->absence.value);
  sqlite3_bind_int (stmt, 6, terms->grace_count);
  sqlite3_bind_int (stmt, 7, terms->grace_months);
  sqlite3_bind_int (stmt, 8, terms->flag_count);
  sqlite3_bind_int (stmt, 9, terms->flag_months);
  sqlite3_bind_text (stmt, 10, commitment, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 11, now);
  if (!seances_database_step (self->database, stmt, &has_row, error))
    return FALSE;

  version = g_new0 (SeancesPolicyVersion, 1);
  version->id = seances_database_last_insert_id (self->database);
  version->terms = *terms;
  version->terms.version_id = version->id;
  version->commitment = g_strdup (commitment);
  version->created_at = now;
  g_ptr_array_add (self->versions, version);
  return TRUE;
}

/* A practice that never saved a policy has the default one, saved as its first version,
 * so that every session booked from now on points at words that exist. */
SeancesPolicyStore *
seances_policy_store_new (SeancesDatabase  *database,
                          SeancesClock     *clock,
                          GError          **error)
{
  g_autoptr(SeancesPolicyStore) self = NULL;

  g_return_val_if_fail (SEANCES_IS_DATABASE (database), NULL);
  g_return_val_if_fail (SEANCES_IS_CLOCK (clock), NULL);

  self = g_object_new (SEANCES_TYPE_POLICY_STORE, NULL);
  self->database = g_object_ref (database);
  self->clock = g_object_ref (clock);

  if (!read_versions (self, error) || !read_acceptances (self, error))
    return NULL;

  if (self->versions->len == 0)
    {
      SeancesPolicyTerms terms;

      seances_policy_terms_init_default (&terms);
      if (!insert_version (self, &terms, seances_policy_default_commitment (), error))
        return NULL;
      g_debug ("Saved the default policy as version %" G_GINT64_FORMAT,
               seances_policy_store_get_current (self)->id);
    }
  return g_steal_pointer (&self);
}

/* The terms in force for what is booked now. */
const SeancesPolicyVersion *
seances_policy_store_get_current (SeancesPolicyStore *self)
{
  g_return_val_if_fail (SEANCES_IS_POLICY_STORE (self), NULL);
  g_return_val_if_fail (self->versions->len > 0, NULL);
  return g_ptr_array_index (self->versions, self->versions->len - 1);
}

guint
seances_policy_store_get_n_versions (SeancesPolicyStore *self)
{
  g_return_val_if_fail (SEANCES_IS_POLICY_STORE (self), 0);
  return self->versions->len;
}

/* Oldest first. */
const SeancesPolicyVersion *
seances_policy_store_get_version (SeancesPolicyStore *self,
                                  guint               index)
{
  g_return_val_if_fail (SEANCES_IS_POLICY_STORE (self), NULL);
  g_return_val_if_fail (index < self->versions->len, NULL);
  return g_ptr_array_index (self->versions, index);
}

const SeancesPolicyVersion *
seances_policy_store_lookup (SeancesPolicyStore *self,
                             gint64              version_id)
{
  g_return_val_if_fail (SEANCES_IS_POLICY_STORE (self), NULL);

  for (guint i = 0; i < self->versions->len; i++)
    {
      SeancesPolicyVersion *version = g_ptr_array_index (self->versions, i);

      if (version->id == version_id)
        return version;
    }
  return NULL;
}

/* The version that governs a session: the one it was booked under, or, for a session
 * booked before Séances kept a policy (no version), the first one. */
const SeancesPolicyVersion *
seances_policy_store_for_booking (SeancesPolicyStore *self,
                                  gint64              version_id)
{
  const SeancesPolicyVersion *version;

  g_return_val_if_fail (SEANCES_IS_POLICY_STORE (self), NULL);

  version = version_id > 0 ? seances_policy_store_lookup (self, version_id) : NULL;
  return version != NULL ? version : g_ptr_array_index (self->versions, 0);
}

/* Saves @terms and @commitment as a new version, unless they are the current one's. */
gboolean
seances_policy_store_save (SeancesPolicyStore        *self,
                           const SeancesPolicyTerms  *terms,
                           const char                *commitment,
                           GError                   **error)
{
  const SeancesPolicyVersion *current;
  g_autofree char *text = NULL;

  g_return_val_if_fail (SEANCES_IS_POLICY_STORE (self), FALSE);
  g_return_val_if_fail (terms != NULL && commitment != NULL, FALSE);

  if (!seances_policy_terms_validate (terms, error))
    return FALSE;
  text = g_strstrip (g_strdup (commitment));
  if (!g_utf8_validate (text, -1, NULL) || g_utf8_strlen (text, -1) > MAX_COMMITMENT_LENGTH)
    return fail (error, SEANCES_POLICY_STORE_ERROR_INVALID,
                 _("The commitment text is too long: keep it under 4 000 characters."));
  if (*text == '\0')
    return fail (error, SEANCES_POLICY_STORE_ERROR_INVALID,
                 _("Write the commitment text the client will accept."));

  current = seances_policy_store_get_current (self);
  if (seances_policy_terms_equal (&current->terms, terms) && g_str_equal (current->commitment, text))
    return TRUE;

  if (!insert_version (self, terms, text, error))
    return FALSE;
  g_debug ("Saved policy version %" G_GINT64_FORMAT, seances_policy_store_get_current (self)->id);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/* Records that the client accepted @version_id at @accepted_at (in session, by e-mail, on
 * paper): acceptances are added, never replaced, so the history of what was accepted
 * stays whole. */
gboolean
seances_policy_store_accept (SeancesPolicyStore      *self,
                             gint64                   client_id,
                             gint64                   version_id,
                             gint64                   accepted_at,
                             SeancesAcceptanceMeans   means,
                             GError                 **error)
{
  g_autoptr(SeancesStatement) stmt = NULL;
  SeancesPolicyAcceptance acceptance;
  gint64 now;
  gboolean has_row;

  g_return_val_if_fail (SEANCES_IS_POLICY_STORE (self), FALSE);
  g_return_val_if_fail ((guint) means < G_N_ELEMENTS (means_spellings), FALSE);

  if (seances_policy_store_lookup (self, version_id) == NULL)
    return fail (error, SEANCES_POLICY_STORE_ERROR_NOT_FOUND,
                 _("This version of the policy no longer exists."));
  now = seances_clock_get_now (self->clock);
  if (accepted_at > now)
    return fail (error, SEANCES_POLICY_STORE_ERROR_INVALID,
                 _("An acceptance cannot be dated in the future."));

  stmt = seances_database_prepare (self->database,
                                   "INSERT INTO policy_acceptance (client_id, version_id, accepted_at,"
                                   " means, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                                   error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, client_id);
  sqlite3_bind_int64 (stmt, 2, version_id);
  sqlite3_bind_int64 (stmt, 3, accepted_at);
  sqlite3_bind_text (stmt, 4, means_spellings[means], -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, now);
  if (!seances_database_step (self->database, stmt, &has_row, error))
    return FALSE;

  acceptance = (SeancesPolicyAcceptance) {
    .id = seances_database_last_insert_id (self->database),
    .client_id = client_id,
    .version_id = version_id,
    .accepted_at = accepted_at,
    .means = means,
  };
  remember_acceptance (self, &acceptance);
  g_debug ("Client %" G_GINT64_FORMAT " accepted policy version %" G_GINT64_FORMAT,
           client_id, version_id);
  g_signal_emit (self, signals[ACCEPTANCE_CHANGED], 0, client_id);
  return TRUE;
}

/* The latest acceptance of the client, or NULL. */
const SeancesPolicyAcceptance *
seances_policy_store_get_acceptance (SeancesPolicyStore *self,
                                     gint64              client_id)
{
  GPtrArray *list;

  g_return_val_if_fail (SEANCES_IS_POLICY_STORE (self), NULL);

  list = g_hash_table_lookup (self->acceptances, &client_id);
  return list != NULL && list->len > 0 ? g_ptr_array_index (list, list->len - 1) : NULL;
}

/* Whether the client had accepted a policy by @instant (a session's start): only then is a
 * fee defensible. */
gboolean
seances_policy_store_accepted_before (SeancesPolicyStore *self,
                                      gint64              client_id,
                                      gint64              instant)
{
  GPtrArray *list;

  g_return_val_if_fail (SEANCES_IS_POLICY_STORE (self), FALSE);

  list = g_hash_table_lookup (self->acceptances, &client_id);
  if (list == NULL || list->len == 0)
    return FALSE;
  return ((SeancesPolicyAcceptance *) g_ptr_array_index (list, 0))->accepted_at <= instant;
}

/* The latest acceptance of each client who accepted @version_id last (borrowed
 * SeancesPolicyAcceptance *), or of every client with one when @version_id is 0. */
GPtrArray *
seances_policy_store_list_acceptances (SeancesPolicyStore *self,
                                       gint64              version_id)
{
  GPtrArray *found = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (SEANCES_IS_POLICY_STORE (self), found);

  g_hash_table_iter_init (&iter, self->acceptances);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GPtrArray *list = value;
      SeancesPolicyAcceptance *latest = g_ptr_array_index (list, list->len - 1);

      if (version_id == 0 || latest->version_id == version_id)
        g_ptr_array_add (found, latest);
    }
  return found;
}
