/* seances-outbox.c — the messages waiting to go, and what became of them
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The queue is the message table and nothing else: no state lives in memory, so that a
 * window and a `--send-pending` timer may each hold one, each on its own connection.
 * Every change is one UPDATE whose WHERE says the state it expects, so that two
 * senders never both take a message: the second finds it taken and moves on. The order
 * a sender follows is claim → mark_data_started (just before the content leaves) →
 * mark_sent / mark_retry / mark_failed / mark_uncertain; recover() settles what a
 * sender that died left claimed: a retry when nothing had left, « uncertain » when the
 * content had (the practitioner decides; it is never sent again on its own). */
#include "config.h"

#include "seances-outbox.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "seances-database-private.h"

#define STATE_PAUSED "outbox-paused"

struct _SeancesOutbox
{
  GObject          parent_instance;

  SeancesDatabase *database;
  SeancesClock    *clock;
  char            *sender;   /* who claims: « pid » of this process unless told */
};

G_DEFINE_FINAL_TYPE (SeancesOutbox, seances_outbox, G_TYPE_OBJECT)

G_DEFINE_QUARK (seances-outbox-error-quark, seances_outbox_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const state_spellings[] = {
  [SEANCES_MESSAGE_APPROVAL] = "approval",
  [SEANCES_MESSAGE_QUEUED] = "queued",
  [SEANCES_MESSAGE_HELD] = "held",
  [SEANCES_MESSAGE_SENDING] = "sending",
  [SEANCES_MESSAGE_RETRY] = "retry",
  [SEANCES_MESSAGE_SENT] = "sent",
  [SEANCES_MESSAGE_UNCERTAIN] = "uncertain",
  [SEANCES_MESSAGE_FAILED] = "failed",
  [SEANCES_MESSAGE_EXPIRED] = "expired",
  [SEANCES_MESSAGE_CANCELLED] = "cancelled",
};

static const gint64 retry_delays[] = { 60, 5 * 60, 30 * 60, 2 * 3600, 6 * 3600 };

const char *
seances_message_state_to_string (SeancesMessageState state)
{
  g_return_val_if_fail ((guint) state < G_N_ELEMENTS (state_spellings), NULL);
  return state_spellings[state];
}

gboolean
seances_message_state_from_string (const char          *text,
                                   SeancesMessageState *state)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (state_spellings); i++)
    if (g_str_equal (text, state_spellings[i]))
      {
        *state = i;
        return TRUE;
      }
  return FALSE;
}

/* How long after its @attempts-th failed attempt a message is tried again. */
gint64
seances_outbox_retry_delay (int attempts)
{
  return retry_delays[CLAMP (attempts, 1, (int) G_N_ELEMENTS (retry_delays)) - 1];
}

void
seances_claimed_message_free (SeancesClaimedMessage *message)
{
  if (message == NULL)
    return;
  g_free (message->kind);
  g_free (message->recipient);
  g_free (message->subject);
  g_free (message->body);
  g_clear_pointer (&message->mime, g_bytes_unref);
  g_free (message->message_id);
  g_free (message);
}

static void
seances_outbox_finalize (GObject *object)
{
  SeancesOutbox *self = SEANCES_OUTBOX (object);

  g_clear_object (&self->database);
  g_clear_object (&self->clock);
  g_free (self->sender);
  G_OBJECT_CLASS (seances_outbox_parent_class)->finalize (object);
}

static void
seances_outbox_class_init (SeancesOutboxClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = seances_outbox_finalize;

  /* A message changed state or was queued (its id). */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
seances_outbox_init (SeancesOutbox *self)
{
}

/* @sender names who claims (NULL: this process). */
SeancesOutbox *
seances_outbox_new (SeancesDatabase *database,
                    SeancesClock    *clock,
                    const char      *sender)
{
  SeancesOutbox *self;

  g_return_val_if_fail (SEANCES_IS_DATABASE (database), NULL);
  g_return_val_if_fail (SEANCES_IS_CLOCK (clock), NULL);

  self = g_object_new (SEANCES_TYPE_OUTBOX, NULL);
  self->database = g_object_ref (database);
  self->clock = g_object_ref (clock);
  self->sender = sender != NULL ? g_strdup (sender) : g_strdup_printf ("%d", (int) getpid ());
  return self;
}

static gint64
now (SeancesOutbox *self)
{
  return seances_clock_get_now (self->clock);
}

static gboolean
fail (GError     **error,
      int          code,
      const char  *message)
{
  g_set_error_literal (error, SEANCES_OUTBOX_ERROR, code, message);
  return FALSE;
}

static void
bind_text_or_null (SeancesStatement *stmt,
                   int               index,
                   const char       *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

/* Runs @stmt; *@changed is whether it touched a row. */
static gboolean
run (SeancesOutbox     *self,
     SeancesStatement  *stmt,
     gboolean          *changed,
     GError           **error)
{
  if (!seances_database_step (self->database, stmt, NULL, error))
    return FALSE;
  if (changed != NULL)
    *changed = sqlite3_changes (seances_database_get_handle (self->database)) > 0;
  return TRUE;
}

/* Queues @draft; a message of the same session and kind that has not gone yet is
 * replaced (a reminder planned again after a move or an undone cancellation), one that
 * went, is going or may have gone is kept as it is: nothing is sent twice. Returns the
 * message's id, 0 on error. */
gint64
seances_outbox_queue (SeancesOutbox              *self,
                      const SeancesMessageDraft  *draft,
                      GError                    **error)
{
  g_autoptr(SeancesStatement) stmt = NULL;
  gboolean has_row = FALSE;
  gint64 id = 0;
  gint64 stamp;

  g_return_val_if_fail (SEANCES_IS_OUTBOX (self), 0);
  g_return_val_if_fail (draft != NULL && draft->kind != NULL && draft->body != NULL, 0);

  if (draft->recipient == NULL || *draft->recipient == '\0' || strpbrk (draft->recipient, "\r\n") != NULL)
    {
      fail (error, SEANCES_OUTBOX_ERROR_INVALID,
            _("This message has no valid recipient: check the client’s e-mail address or phone."));
      return 0;
    }

  stamp = now (self);
  stmt = seances_database_prepare (self->database,
    "INSERT INTO message (kind, channel, client_id, appointment_id, state, recipient, subject, body,"
    " mime, message_id, due_at, expires_at, created_at, updated_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)"
    " ON CONFLICT (appointment_id, kind) WHERE appointment_id IS NOT NULL DO UPDATE SET"
    "  channel = excluded.channel, state = excluded.state, recipient = excluded.recipient,"
    "  subject = excluded.subject, body = excluded.body, mime = excluded.mime,"
    "  message_id = excluded.message_id, due_at = excluded.due_at,"
    "  expires_at = excluded.expires_at, attempts = 0, first_attempt_at = NULL,"
    "  next_attempt_at = NULL, claimed_by = NULL, claimed_at = NULL, data_started_at = NULL,"
    "  reason = NULL, updated_at = excluded.updated_at"
    "  WHERE message.state IN ('approval', 'queued', 'held', 'retry', 'cancelled', 'expired')"
    " RETURNING id",
    error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, draft->kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, draft->channel == SEANCES_MESSAGE_SMS ? "sms" : "email", -1, SQLITE_STATIC);
  seances_statement_bind_optional (stmt, 3, draft->client_id);
  seances_statement_bind_optional (stmt, 4, draft->appointment_id);
  sqlite3_bind_text (stmt, 5, draft->needs_approval ? "approval" : "queued", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, draft->recipient, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, draft->subject != NULL ? draft->subject : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, draft->body, -1, SQLITE_TRANSIENT);
  if (draft->mime != NULL)
    {
      gsize size;
      gconstpointer data = g_bytes_get_data (draft->mime, &size);

      sqlite3_bind_blob64 (stmt, 9, data, size, SQLITE_TRANSIENT);
    }
  bind_text_or_null (stmt, 10, draft->message_id);
  sqlite3_bind_int64 (stmt, 11, draft->due_at);
  seances_statement_bind_optional (stmt, 12, draft->expires_at);
  sqlite3_bind_int64 (stmt, 13, stamp);
  if (!seances_database_step (self->database, stmt, &has_row, error))
    return 0;
  if (has_row)
    id = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, seances_statement_reset);

  if (!has_row)
    {
      /* Kept: it went, is going, or may have gone. */
      stmt = seances_database_prepare (self->database,
                                       "SELECT id FROM message WHERE appointment_id = ?1 AND kind = ?2",
                                       error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, draft->appointment_id);
      sqlite3_bind_text (stmt, 2, draft->kind, -1, SQLITE_TRANSIENT);
      if (!seances_database_step (self->database, stmt, &has_row, error))
        return 0;
      id = has_row ? sqlite3_column_int64 (stmt, 0) : 0;
      g_debug ("Message %" G_GINT64_FORMAT " kept as it was: it has gone or may have", id);
      return id;
    }

  g_debug ("Message %" G_GINT64_FORMAT " queued (%s)", id, draft->kind);
  g_signal_emit (self, signals[CHANGED], 0, id);
  return id;
}

/* The session was cancelled or moved: what was waiting for it is cancelled. */
guint
seances_outbox_cancel_for_appointment (SeancesOutbox  *self,
                                       gint64          appointment_id,
                                       GError        **error)
{
  g_autoptr(SeancesStatement) stmt = NULL;
  guint n = 0;
  gboolean has_row = FALSE;

  g_return_val_if_fail (SEANCES_IS_OUTBOX (self), 0);

  stmt = seances_database_prepare (self->database,
                                   "UPDATE message SET state = 'cancelled', updated_at = ?2"
                                   " WHERE appointment_id = ?1"
                                   " AND state IN ('approval', 'queued', 'held', 'retry') RETURNING id",
                                   error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, appointment_id);
  sqlite3_bind_int64 (stmt, 2, now (self));
  while (seances_database_step (self->database, stmt, &has_row, error) && has_row)
    {
      g_signal_emit (self, signals[CHANGED], 0, sqlite3_column_int64 (stmt, 0));
      n++;
    }
  return n;
}

gboolean
seances_outbox_get_state (SeancesOutbox        *self,
                          gint64                id,
                          SeancesMessageState  *state,
                          GError              **error)
{
  g_autoptr(SeancesStatement) stmt = NULL;
  gboolean has_row = FALSE;

  g_return_val_if_fail (SEANCES_IS_OUTBOX (self), FALSE);

  stmt = seances_database_prepare (self->database, "SELECT state FROM message WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!seances_database_step (self->database, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    return fail (error, SEANCES_OUTBOX_ERROR_NOT_FOUND, _("This message no longer exists."));
  if (!seances_message_state_from_string ((const char *) sqlite3_column_text (stmt, 0), state))
    return fail (error, SEANCES_OUTBOX_ERROR_STATE, _("This message is in a state Séances does not know."));
  return TRUE;
}

/* One change asked by the practitioner: @sql with ?1 the id and ?2 now, which touches the
 * row only in the states it allows; otherwise @refused is said. */
static gboolean
change (SeancesOutbox  *self,
        gint64          id,
        const char     *sql,
        const char     *refused,
        GError        **error)
{
  g_autoptr(SeancesStatement) stmt = NULL;
  gboolean changed = FALSE;
  SeancesMessageState state;

  stmt = seances_database_prepare (self->database, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, now (self));
  if (!run (self, stmt, &changed, error))
    return FALSE;
  if (!changed)
    {
      if (!seances_outbox_get_state (self, id, &state, error))
        return FALSE;
      return fail (error, SEANCES_OUTBOX_ERROR_STATE, refused);
    }
  g_signal_emit (self, signals[CHANGED], 0, id);
  return TRUE;
}

gboolean
seances_outbox_approve (SeancesOutbox  *self,
                        gint64          id,
                        GError        **error)
{
  g_return_val_if_fail (SEANCES_IS_OUTBOX (self), FALSE);
  return change (self, id,
                 "UPDATE message SET state = 'queued', updated_at = ?2 WHERE id = ?1 AND state = 'approval'",
                 _("This message no longer waits for approval."), error);
}

gboolean
seances_outbox_hold (SeancesOutbox  *self,
                     gint64          id,
                     GError        **error)
{
  g_return_val_if_fail (SEANCES_IS_OUTBOX (self), FALSE);
  return change (self, id,
                 "UPDATE message SET state = 'held', updated_at = ?2"
                 " WHERE id = ?1 AND state IN ('approval', 'queued', 'retry')",
                 _("This message can no longer be held: it has gone or is going."), error);
}

gboolean
seances_outbox_release (SeancesOutbox  *self,
                        gint64          id,
                        GError        **error)
{
  g_return_val_if_fail (SEANCES_IS_OUTBOX (self), FALSE);
  return change (self, id,
                 "UPDATE message SET state = 'queued', updated_at = ?2 WHERE id = ?1 AND state = 'held'",
                 _("This message is not held."), error);
}

gboolean
seances_outbox_cancel (SeancesOutbox  *self,
                       gint64          id,
                       GError        **error)
{
  g_return_val_if_fail (SEANCES_IS_OUTBOX (self), FALSE);
  return change (self, id,
                 "UPDATE message SET state = 'cancelled', updated_at = ?2"
                 " WHERE id = ?1 AND state IN ('approval', 'queued', 'held', 'retry', 'failed')",
                 _("This message can no longer be cancelled: it has gone or is going."), error);
}

/* Goes at the next round of the sender, approved if it waited for that. */
gboolean
seances_outbox_send_now (SeancesOutbox  *self,
                         gint64          id,
                         GError        **error)
{
  g_return_val_if_fail (SEANCES_IS_OUTBOX (self), FALSE);
  return change (self, id,
                 "UPDATE message SET state = 'queued', due_at = min (due_at, ?2), next_attempt_at = NULL,"
                 " updated_at = ?2 WHERE id = ?1 AND state IN ('approval', 'queued', 'held', 'retry')",
                 _("This message can no longer be sent now: it has gone or is going."), error);
}

/* The practitioner checked with the client: it arrived (sent), or it did not and goes
 * again, with the same Message-ID so that a mail program shows it once. */
gboolean
seances_outbox_resolve_uncertain (SeancesOutbox  *self,
                                  gint64          id,
                                  gboolean        arrived,
                                  GError        **error)
{
  g_return_val_if_fail (SEANCES_IS_OUTBOX (self), FALSE);
  return change (self, id,
                 arrived ? "UPDATE message SET state = 'sent', sent_at = ?2, reason = NULL, updated_at = ?2"
                           " WHERE id = ?1 AND state = 'uncertain'"
                         : "UPDATE message SET state = 'queued', due_at = ?2, next_attempt_at = NULL,"
                           " data_started_at = NULL, reason = NULL, updated_at = ?2"
                           " WHERE id = ?1 AND state = 'uncertain'",
                 _("This message is no longer uncertain."), error);
}

/* Holidays: nothing goes while paused; what is due goes once sending resumes. */
gboolean
seances_outbox_set_paused (SeancesOutbox  *self,
                           gboolean        paused,
                           GError        **error)
{
  g_return_val_if_fail (SEANCES_IS_OUTBOX (self), FALSE);
  if (!seances_database_set_state (self->database, STATE_PAUSED, paused ? "1" : "0", error))
    return FALSE;
  g_signal_emit (self, signals[CHANGED], 0, (gint64) 0);
  return TRUE;
}

gboolean
seances_outbox_get_paused (SeancesOutbox *self)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (SEANCES_IS_OUTBOX (self), FALSE);
  value = seances_database_get_state (self->database, STATE_PAUSED, NULL);
  return g_strcmp0 (value, "1") == 0;
}

/* The sender ---------------------------------------------------------------------- */

static gboolean
sender_alive (const char *sender)
{
  guint64 pid;

  if (sender == NULL || !g_ascii_string_to_unsigned (sender, 10, 1, G_MAXINT, &pid, NULL))
    return TRUE;  /* not ours to judge: only the claim's age tells */
  return kill ((pid_t) pid, 0) == 0 || errno != ESRCH;
}

/* What a sender that died left claimed: a retry when nothing had left, « uncertain »
 * when the content had. A claim is a dead sender's when that process is gone, or when it
 * is older than any send takes. Returns how many were settled. */
guint
seances_outbox_recover (SeancesOutbox  *self,
                        GError        **error)
{
  g_autoptr(SeancesStatement) select = NULL;
  g_autoptr(GArray) dead = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean has_row = FALSE;
  gint64 stamp = now (self);
  guint n = 0;

  g_return_val_if_fail (SEANCES_IS_OUTBOX (self), 0);

  select = seances_database_prepare (self->database,
                                     "SELECT id, claimed_by, claimed_at FROM message WHERE state = 'sending'",
                                     error);
  if (select == NULL)
    return 0;
  while (seances_database_step (self->database, select, &has_row, error) && has_row)
    {
      const char *claimed_by = (const char *) sqlite3_column_text (select, 1);
      gint64 claimed_at = sqlite3_column_int64 (select, 2);
      gint64 id = sqlite3_column_int64 (select, 0);

      if (g_strcmp0 (claimed_by, self->sender) == 0 || !sender_alive (claimed_by) ||
          claimed_at <= stamp - SEANCES_OUTBOX_STALE_CLAIM_SECONDS)
        g_array_append_val (dead, id);
    }
  g_clear_pointer (&select, seances_statement_reset);

  for (guint i = 0; i < dead->len; i++)
    {
      g_autoptr(SeancesStatement) stmt = NULL;
      gint64 id = g_array_index (dead, gint64, i);
      gboolean changed = FALSE;

      stmt = seances_database_prepare (self->database,
        "UPDATE message SET"
        " state = CASE WHEN data_started_at IS NULL THEN 'retry' ELSE 'uncertain' END,"
        " next_attempt_at = CASE WHEN data_started_at IS NULL THEN ?2 ELSE NULL END,"
        " reason = CASE WHEN data_started_at IS NULL THEN NULL ELSE ?3 END,"
        " claimed_by = NULL, updated_at = ?2"
        " WHERE id = ?1 AND state = 'sending'",
        error);
      if (stmt == NULL)
        return n;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, stamp);
      sqlite3_bind_text (stmt, 3, _("Séances stopped while this message was leaving: it may have "
                                    "arrived. Check with the recipient before sending it again."),
                         -1, SQLITE_TRANSIENT);
      if (!run (self, stmt, &changed, error))
        return n;
      if (changed)
        {
          g_debug ("Message %" G_GINT64_FORMAT " recovered from a sender that stopped", id);
          g_signal_emit (self, signals[CHANGED], 0, id);
          n++;
        }
    }
  return n;
}

/* Reminders whose session has begun are never sent. */
guint
seances_outbox_expire (SeancesOutbox  *self,
                       GError        **error)
{
  g_autoptr(SeancesStatement) stmt = NULL;
  gboolean has_row = FALSE;
  guint n = 0;

  g_return_val_if_fail (SEANCES_IS_OUTBOX (self), 0);

  stmt = seances_database_prepare (self->database,
                                   "UPDATE message SET state = 'expired', updated_at = ?1"
                                   " WHERE state IN ('approval', 'queued', 'held', 'retry')"
                                   " AND expires_at IS NOT NULL AND expires_at <= ?1 RETURNING id",
                                   error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, now (self));
  while (seances_database_step (self->database, stmt, &has_row, error) && has_row)
    {
      g_signal_emit (self, signals[CHANGED], 0, sqlite3_column_int64 (stmt, 0));
      n++;
    }
  return n;
}

/* The next message due, taken by this sender in one UPDATE: NULL (and no error) when
 * nothing is due, or while sending is paused. */
SeancesClaimedMessage *
seances_outbox_claim (SeancesOutbox  *self,
                      GError        **error)
{
  g_autoptr(SeancesStatement) stmt = NULL;
  SeancesClaimedMessage *message;
  gboolean has_row = FALSE;
  gint64 stamp = now (self);

  g_return_val_if_fail (SEANCES_IS_OUTBOX (self), NULL);

  if (seances_outbox_get_paused (self))
    return NULL;

  stmt = seances_database_prepare (self->database,
    "UPDATE message SET state = 'sending', claimed_by = ?1, claimed_at = ?2,"
    " attempts = attempts + 1, first_attempt_at = coalesce (first_attempt_at, ?2),"
    " data_started_at = NULL, updated_at = ?2"
    " WHERE id = (SELECT id FROM message WHERE state IN ('queued', 'retry') AND due_at <= ?2"
    "             AND coalesce (next_attempt_at, 0) <= ?2"
    "             AND (expires_at IS NULL OR expires_at > ?2)"
    "             ORDER BY due_at, id LIMIT 1)"
    " AND state IN ('queued', 'retry')"
    " RETURNING id, kind, channel, recipient, subject, body, mime, message_id, attempts",
    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, self->sender, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, stamp);
  if (!seances_database_step (self->database, stmt, &has_row, error) || !has_row)
    return NULL;

  message = g_new0 (SeancesClaimedMessage, 1);
  message->id = sqlite3_column_int64 (stmt, 0);
  message->kind = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  message->channel = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), "sms") == 0
                     ? SEANCES_MESSAGE_SMS : SEANCES_MESSAGE_EMAIL;
  message->recipient = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  message->subject = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  message->body = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  if (sqlite3_column_type (stmt, 6) != SQLITE_NULL)
    message->mime = g_bytes_new (sqlite3_column_blob (stmt, 6), sqlite3_column_bytes (stmt, 6));
  message->message_id = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  message->attempts = sqlite3_column_int (stmt, 8);
  /* Drains the RETURNING row, so that the UPDATE is complete before anything is sent. */
  g_clear_pointer (&stmt, seances_statement_reset);

  g_debug ("Message %" G_GINT64_FORMAT " claimed by %s (attempt %d)", message->id, self->sender,
           message->attempts);
  g_signal_emit (self, signals[CHANGED], 0, message->id);
  return message;
}

/* One transition of a claimed message, refused when this sender no longer holds it. */
static gboolean
settle (SeancesOutbox  *self,
        gint64          id,
        const char     *sql,
        const char     *reason,
        GError        **error)
{
  g_autoptr(SeancesStatement) stmt = NULL;
  gboolean changed = FALSE;

  stmt = seances_database_prepare (self->database, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, now (self));
  sqlite3_bind_text (stmt, 3, self->sender, -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 4, reason);
  if (!run (self, stmt, &changed, error))
    return FALSE;
  if (!changed)
    return fail (error, SEANCES_OUTBOX_ERROR_STATE,
                 _("This message is no longer held by this sender: another one took it over."));
  g_signal_emit (self, signals[CHANGED], 0, id);
  return TRUE;
}

/* Just before the content leaves: from here on, a crash means « uncertain ». */
gboolean
seances_outbox_mark_data_started (SeancesOutbox  *self,
                                  gint64          id,
                                  GError        **error)
{
  g_return_val_if_fail (SEANCES_IS_OUTBOX (self), FALSE);
  return settle (self, id,
                 "UPDATE message SET data_started_at = ?2, updated_at = ?2"
                 " WHERE id = ?1 AND state = 'sending' AND claimed_by = ?3",
                 NULL, error);
}

/* Right after the server's OK, and nothing after it may send the message again. */
gboolean
seances_outbox_mark_sent (SeancesOutbox  *self,
                          gint64          id,
                          GError        **error)
{
  g_return_val_if_fail (SEANCES_IS_OUTBOX (self), FALSE);
  return settle (self, id,
                 "UPDATE message SET state = 'sent', sent_at = ?2, reason = ?4, claimed_by = NULL,"
                 " updated_at = ?2 WHERE id = ?1 AND state = 'sending' AND claimed_by = ?3",
                 NULL, error);
}

/* A temporary refusal or no connection: again after the next delay, failed after three
 * days of trying, expired when its session will have begun by then. */
gboolean
seances_outbox_mark_retry (SeancesOutbox  *self,
                           gint64          id,
                           const char     *reason,
                           GError        **error)
{
  g_autoptr(SeancesStatement) stmt = NULL;
  gboolean has_row = FALSE;
  gint64 stamp, next, expires_at;
  const char *state;

  g_return_val_if_fail (SEANCES_IS_OUTBOX (self), FALSE);

  stmt = seances_database_prepare (self->database,
                                   "SELECT attempts, first_attempt_at, expires_at FROM message"
                                   " WHERE id = ?1 AND state = 'sending' AND claimed_by = ?2",
                                   error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, self->sender, -1, SQLITE_TRANSIENT);
  if (!seances_database_step (self->database, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    return fail (error, SEANCES_OUTBOX_ERROR_STATE,
                 _("This message is no longer held by this sender: another one took it over."));
  stamp = now (self);
  next = stamp + seances_outbox_retry_delay (sqlite3_column_int (stmt, 0));
  expires_at = sqlite3_column_type (stmt, 2) == SQLITE_NULL ? 0 : sqlite3_column_int64 (stmt, 2);
  if (stamp - sqlite3_column_int64 (stmt, 1) >= SEANCES_OUTBOX_GIVE_UP_SECONDS)
    state = "failed";
  else if (expires_at != 0 && expires_at <= next)
    state = "expired";
  else
    state = "retry";
  g_clear_pointer (&stmt, seances_statement_reset);

  stmt = seances_database_prepare (self->database,
                                   "UPDATE message SET state = ?4, next_attempt_at = ?5, reason = ?6,"
                                   " claimed_by = NULL, data_started_at = NULL, updated_at = ?2"
                                   " WHERE id = ?1 AND state = 'sending' AND claimed_by = ?3",
                                   error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, stamp);
  sqlite3_bind_text (stmt, 3, self->sender, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, state, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, next);
  bind_text_or_null (stmt, 6, reason);
  if (!seances_database_step (self->database, stmt, NULL, error))
    return FALSE;
  g_debug ("Message %" G_GINT64_FORMAT ": %s", id, state);
  g_signal_emit (self, signals[CHANGED], 0, id);
  return TRUE;
}

/* A final refusal (5xx, a landline, no credit): said in French, never retried. */
gboolean
seances_outbox_mark_failed (SeancesOutbox  *self,
                            gint64          id,
                            const char     *reason,
                            GError        **error)
{
  g_return_val_if_fail (SEANCES_IS_OUTBOX (self), FALSE);
  return settle (self, id,
                 "UPDATE message SET state = 'failed', reason = ?4, claimed_by = NULL, updated_at = ?2"
                 " WHERE id = ?1 AND state = 'sending' AND claimed_by = ?3",
                 reason, error);
}

/* The content left and no answer came: the practitioner decides, nothing goes again. */
gboolean
seances_outbox_mark_uncertain (SeancesOutbox  *self,
                               gint64          id,
                               const char     *reason,
                               GError        **error)
{
  g_return_val_if_fail (SEANCES_IS_OUTBOX (self), FALSE);
  return settle (self, id,
                 "UPDATE message SET state = 'uncertain', reason = ?4, claimed_by = NULL, updated_at = ?2"
                 " WHERE id = ?1 AND state = 'sending' AND claimed_by = ?3",
                 reason, error);
}
