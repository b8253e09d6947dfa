/* seances-migrations.c — ordered schema steps keyed by PRAGMA user_version
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * To add a migration, append a step to the array; never edit a step that has shipped.
 * Each step runs in its own transaction together with the user_version bump. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "seances-database-private.h"
#include "seances-migrations.h"

static const char * const steps[] = {
  /* 1: the practice and the application's own small state */
  "CREATE TABLE practice ("
  "  id                INTEGER PRIMARY KEY CHECK (id = 1),"
  "  name              TEXT    NOT NULL CHECK (length (name) BETWEEN 1 AND 200),"
  "  practitioner      TEXT    NOT NULL CHECK (length (practitioner) BETWEEN 1 AND 200),"
  "  address           TEXT    NOT NULL DEFAULT '',"
  "  phone             TEXT    NOT NULL DEFAULT '',"
  "  email             TEXT    NOT NULL DEFAULT '',"
  "  booking_link      TEXT    NOT NULL DEFAULT '',"
  "  video_link        TEXT    NOT NULL DEFAULT '',"
  "  time_zone         TEXT    NOT NULL DEFAULT 'Europe/Paris',"
  "  session_minutes   INTEGER NOT NULL DEFAULT 50 CHECK (session_minutes BETWEEN 5 AND 480),"
  "  buffer_minutes    INTEGER NOT NULL DEFAULT 10 CHECK (buffer_minutes BETWEEN 0 AND 240),"
  "  default_fee_cents INTEGER NOT NULL DEFAULT 0 CHECK (default_fee_cents BETWEEN 0 AND 10000000),"
  "  vocabulary        TEXT    NOT NULL DEFAULT 'patient' CHECK (vocabulary IN ('patient', 'client')),"
  "  field             TEXT    NOT NULL DEFAULT 'mental_health',"
  "  created_at        INTEGER NOT NULL"
  ");"
  "CREATE TABLE app_state ("
  "  name  TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ") WITHOUT ROWID;",

  /* 2: the people seen, and their sessions. Instants are UTC seconds; the practice's
   * time zone turns them into local times. search_key and sort_key are folded
   * (lower case, no accents) by the core, so that « helene » finds « Hélène ». */
  "ALTER TABLE practice ADD COLUMN opening_hour INTEGER NOT NULL DEFAULT 8"
  "  CHECK (opening_hour BETWEEN 0 AND 23);"
  "ALTER TABLE practice ADD COLUMN closing_hour INTEGER NOT NULL DEFAULT 20"
  "  CHECK (closing_hour BETWEEN 1 AND 24);"
  "CREATE TABLE client ("
  "  id            INTEGER PRIMARY KEY,"
  "  first_name    TEXT    NOT NULL CHECK (length (first_name) BETWEEN 1 AND 100),"
  "  last_name     TEXT    NOT NULL CHECK (length (last_name) BETWEEN 1 AND 100),"
  "  email         TEXT    NOT NULL DEFAULT '',"
  "  phone         TEXT    NOT NULL DEFAULT '',"
  "  channel       TEXT    NOT NULL DEFAULT 'email' CHECK (channel IN ('email', 'sms', 'both')),"
  "  status        TEXT    NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),"
  "  rhythm_weeks  INTEGER CHECK (rhythm_weeks IS NULL OR rhythm_weeks BETWEEN 1 AND 52),"
  "  note          TEXT    NOT NULL DEFAULT '' CHECK (length (note) <= 500),"
  "  search_key    TEXT    NOT NULL,"
  "  sort_key      TEXT    NOT NULL,"
  "  inactive_at   INTEGER,"
  "  created_at    INTEGER NOT NULL,"
  "  updated_at    INTEGER NOT NULL,"
  "  CHECK (email != '' OR phone != '')"
  ");"
  "CREATE INDEX client_by_name ON client (status, sort_key);"
  "CREATE TABLE series ("
  "  id              INTEGER PRIMARY KEY,"
  "  client_id       INTEGER NOT NULL REFERENCES client (id),"
  "  interval_weeks  INTEGER NOT NULL CHECK (interval_weeks BETWEEN 1 AND 52),"
  "  created_at      INTEGER NOT NULL"
  ");"
  "CREATE TABLE appointment ("
  "  id              INTEGER PRIMARY KEY,"
  "  client_id       INTEGER NOT NULL REFERENCES client (id),"
  "  series_id       INTEGER REFERENCES series (id),"
  "  start_at        INTEGER NOT NULL,"
  "  end_at          INTEGER NOT NULL CHECK (end_at > start_at),"
  "  place           TEXT    NOT NULL DEFAULT 'office' CHECK (place IN ('office', 'video')),"
  "  fee_cents       INTEGER NOT NULL DEFAULT 0 CHECK (fee_cents >= 0),"
  "  status          TEXT    NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'honoured',"
  "                    'cancelled_in_time', 'cancelled_late', 'no_show', 'rescheduled')),"
  "  status_at       INTEGER,"
  "  cancelled_at    INTEGER,"
  "  rescheduled_to  INTEGER REFERENCES appointment (id),"
  "  created_at      INTEGER NOT NULL"
  ");"
  "CREATE INDEX appointment_by_start ON appointment (start_at);"
  "CREATE INDEX appointment_by_client ON appointment (client_id, start_at);"
  "CREATE INDEX appointment_by_series ON appointment (series_id) WHERE series_id IS NOT NULL;",

  /* 3: the folding now spells letters through g_str_to_ascii() and drops punctuation,
   * and the search key holds the national form of every country's numbers: the keys
   * saved before are cleared, and the client store folds them again once, when it
   * loads. Empty rather than NULL: the columns are NOT NULL, which SQLite cannot drop
   * without rebuilding the table, and no client's key is ever empty (names are
   * required), so an empty key can only mean « fold me again ». */
  "UPDATE client SET search_key = '', sort_key = '';",

  /* 4: the cancellation policy and what it decides. A saved change of the policy is a
   * new version, never an edit: a session keeps the version in force when it was
   * booked (NULL for those booked before the policy existed: the first version applies),
   * a client the versions they accepted. One charge per decided session (UNIQUE): what
   * the decision made due, and why it was waived. The events keep each change of a
   * session's status with its time, for the history and the export: never clinical
   * content. A cancellation by the practice is a cancellation in time whose
   * cancelled_by is 'practice'; cancelled_at is when the client let the practice know. */
  "CREATE TABLE policy_version ("
  "  id             INTEGER PRIMARY KEY,"
  "  notice_hours   INTEGER NOT NULL CHECK (notice_hours BETWEEN 0 AND 168),"
  "  late_kind      TEXT    NOT NULL CHECK (late_kind IN ('full', 'percent', 'fixed')),"
  "  late_value     INTEGER NOT NULL CHECK (late_value >= 0),"
  "  absence_kind   TEXT    NOT NULL CHECK (absence_kind IN ('full', 'percent', 'fixed')),"
  "  absence_value  INTEGER NOT NULL CHECK (absence_value >= 0),"
  "  grace_count    INTEGER NOT NULL CHECK (grace_count BETWEEN 0 AND 12),"
  "  grace_months   INTEGER NOT NULL CHECK (grace_months BETWEEN 1 AND 36),"
  "  flag_count     INTEGER NOT NULL CHECK (flag_count BETWEEN 0 AND 20),"
  "  flag_months    INTEGER NOT NULL CHECK (flag_months BETWEEN 1 AND 36),"
  "  commitment     TEXT    NOT NULL CHECK (length (commitment) <= 4000),"
  "  created_at     INTEGER NOT NULL"
  ");"
  "CREATE TABLE policy_acceptance ("
  "  id           INTEGER PRIMARY KEY,"
  "  client_id    INTEGER NOT NULL REFERENCES client (id),"
  "  version_id   INTEGER NOT NULL REFERENCES policy_version (id),"
  "  accepted_at  INTEGER NOT NULL,"
  "  means        TEXT    NOT NULL CHECK (means IN ('paper', 'email', 'session')),"
  "  created_at   INTEGER NOT NULL"
  ");"
  "CREATE INDEX policy_acceptance_by_client ON policy_acceptance (client_id, accepted_at);"
  "ALTER TABLE appointment ADD COLUMN policy_version_id INTEGER REFERENCES policy_version (id);"
  "ALTER TABLE appointment ADD COLUMN cancelled_by TEXT"
  "  CHECK (cancelled_by IS NULL OR cancelled_by IN ('client', 'practice'));"
  "CREATE TABLE charge ("
  "  id             INTEGER PRIMARY KEY,"
  "  appointment_id INTEGER NOT NULL UNIQUE REFERENCES appointment (id),"
  "  client_id      INTEGER NOT NULL REFERENCES client (id),"
  "  kind           TEXT    NOT NULL CHECK (kind IN ('session', 'late_cancellation', 'absence')),"
  "  policy_cents   INTEGER NOT NULL CHECK (policy_cents >= 0),"
  "  due_cents      INTEGER NOT NULL CHECK (due_cents >= 0),"
  "  waived_reason  TEXT    CHECK (waived_reason IS NULL OR waived_reason IN"
  "                   ('grace', 'force_majeure', 'no_policy', 'manual')),"
  "  paid_at        INTEGER,"
  "  paid_means     TEXT    CHECK (paid_means IS NULL OR paid_means IN"
  "                   ('cash', 'cheque', 'transfer', 'card')),"
  "  created_at     INTEGER NOT NULL,"
  "  updated_at     INTEGER NOT NULL,"
  "  CHECK ((paid_at IS NULL) = (paid_means IS NULL))"
  ");"
  "CREATE INDEX charge_by_client ON charge (client_id);"
  "CREATE INDEX charge_unpaid ON charge (created_at) WHERE due_cents > 0 AND paid_at IS NULL;"
  "CREATE TABLE appointment_event ("
  "  id              INTEGER PRIMARY KEY,"
  "  appointment_id  INTEGER NOT NULL REFERENCES appointment (id),"
  "  status          TEXT    NOT NULL,"
  "  previous_status TEXT,"
  "  changed_at      INTEGER NOT NULL"
  ");"
  "CREATE INDEX appointment_event_by_appointment ON appointment_event (appointment_id, changed_at);",

  /* 5: the review lists every past session still scheduled, whenever it was: by status,
   * then start, it reads only those instead of twenty years of sessions. Not a partial
   * index: the stores bind the status's spelling, and SQLite uses a partial index only
   * for a WHERE clause written with the same literal. */
  "CREATE INDEX appointment_by_status ON appointment (status, start_at);",

  /* 6: the outbox. A message is stored whole before any network call (its MIME text and
   * Message-ID for an e-mail), claimed by one sender with one UPDATE (state 'sending'),
   * marked data_started_at just before its content leaves, and 'sent' right after the
   * server's OK: a crash before the content left is a retry, after it 'uncertain', never
   * a silent second copy. One reminder per session and kind: the unique index. */
  "CREATE TABLE message ("
  "  id              INTEGER PRIMARY KEY,"
  "  kind            TEXT    NOT NULL,"
  "  channel         TEXT    NOT NULL CHECK (channel IN ('email', 'sms')),"
  "  client_id       INTEGER REFERENCES client (id),"
  "  appointment_id  INTEGER REFERENCES appointment (id),"
  "  state           TEXT    NOT NULL CHECK (state IN ('approval', 'queued', 'held', 'sending',"
  "                    'retry', 'sent', 'uncertain', 'failed', 'expired', 'cancelled')),"
  "  recipient       TEXT    NOT NULL,"
  "  subject         TEXT    NOT NULL DEFAULT '',"
  "  body            TEXT    NOT NULL,"
  "  mime            BLOB,"
  "  message_id      TEXT    UNIQUE,"
  "  due_at          INTEGER NOT NULL,"
  "  expires_at      INTEGER,"
  "  attempts        INTEGER NOT NULL DEFAULT 0,"
  "  first_attempt_at INTEGER,"
  "  next_attempt_at INTEGER,"
  "  claimed_by      TEXT,"
  "  claimed_at      INTEGER,"
  "  data_started_at INTEGER,"
  "  sent_at         INTEGER,"
  "  reason          TEXT,"
  "  created_at      INTEGER NOT NULL,"
  "  updated_at      INTEGER NOT NULL"
  ");"
  "CREATE UNIQUE INDEX message_one_per_session_kind ON message (appointment_id, kind)"
  "  WHERE appointment_id IS NOT NULL;"
  "CREATE INDEX message_by_state ON message (state, due_at);"
  "CREATE INDEX message_by_client ON message (client_id, created_at);",
};

int
seances_migrations_count (void)
{
  return G_N_ELEMENTS (steps);
}

static int
read_user_version (sqlite3 *handle)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (handle, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

static gboolean
run_step (sqlite3  *handle,
          int       index,
          GError  **error)
{
  g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", index + 1);
  int rc;

  rc = sqlite3_exec (handle, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  /* Another process may have taken this step while we waited for the write lock:
   * the version read inside the transaction is the one that counts. */
  if (rc == SQLITE_OK && read_user_version (handle) > index)
    {
      sqlite3_exec (handle, "ROLLBACK", NULL, NULL, NULL);  /* nothing left to do */
      return TRUE;
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (handle, steps[index], NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (handle, bump, NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (handle, "COMMIT", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      seances_database_set_error (error, handle, rc, "migrating the schema");
      sqlite3_exec (handle, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  g_debug ("Database migrated to schema version %d", index + 1);
  return TRUE;
}

/* Brings the schema up to @target (normally seances_migrations_count()). */
gboolean
seances_migrations_apply (sqlite3  *handle,
                          int       target,
                          GError  **error)
{
  int version;

  g_return_val_if_fail (target >= 0 && target <= seances_migrations_count (), FALSE);

  version = read_user_version (handle);
  if (version < 0)
    {
      seances_database_set_error (error, handle, sqlite3_errcode (handle), "reading user_version");
      return FALSE;
    }

  if (version > seances_migrations_count ())
    {
      g_set_error_literal (error, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_TOO_NEW,
                           _("This data was saved by a newer version of Séances: "
                             "update the application to open it."));
      return FALSE;
    }

  for (int i = version; i < target; i++)
    if (!run_step (handle, i, error))
      return FALSE;

  return TRUE;
}
