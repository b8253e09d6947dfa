/* seances-backup.c — encrypted backups of the database, checked, and restored
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A backup is a copy of the database made with SQLite's backup API from one read
 * transaction, so it is one consistent snapshot even while Séances writes in another
 * process. The copy is keyed with the practice's own key (the backup API re-encrypts
 * every page with the destination's key: the same key, so the recovery key opens the
 * backup too), in rollback-journal mode so that it is one self-contained file, and
 * its first page carries no plain-text header. Before it gets its final name it is
 * reopened read-only and checked: SQLCipher's HMAC of every page, SQLite's structure,
 * the schema version and the row count of every table, which must be those of the
 * snapshot. The moment of the snapshot is kept inside the copy (app_state), never in
 * the source.
 *
 * A restore checks the backup first and touches nothing when it fails. It then copies
 * the backup beside the database, checks the copy, moves the current database and its
 * companions aside under a dated name (never deleting them) and renames the copy into
 * place, under the data folder's lock. */
#include "config.h"

#include "seances-backup.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "seances-database-private.h"
#include "seances-database.h"
#include "seances-file.h"
#include "seances-lock.h"
#include "seances-migrations.h"
#include "seances-time.h"

#define TAKEN_AT_STATE "backup-taken-at"
#define BUSY_TIMEOUT_MS 5000
#define LOCK_WAIT_MS 5000
/* How long data in use may take to be let go before a restore says so. */
#define IN_USE_WAIT_MS 3000

/* SQLite's lock bytes (os_unix.c): a connection to a database in WAL mode holds a
 * read lock on the shared range for as long as it is open. */
#define SQLITE_LOCK_FIRST 0x40000000
#define SQLITE_LOCK_SIZE  512

/* Beside a database: its companions, the database itself last (see move_aside). */
static const char * const companions[] = { "-wal", "-shm", "-journal", "" };

G_DEFINE_QUARK (seances-backup-error-quark, seances_backup_error)

typedef sqlite3 Connection;
typedef sqlite3_stmt Statement;

static void
connection_close (Connection *db)
{
  sqlite3_close_v2 (db);
}

static void
statement_finalize (Statement *stmt)
{
  sqlite3_finalize (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Connection, connection_close)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Statement, statement_finalize)

static gboolean
refuse (GError             **error,
        SeancesBackupError   code)
{
  const char *message;

  switch (code)
    {
    case SEANCES_BACKUP_ERROR_NOT_FOUND:
      message = _("The backup file was not found: check its name, and that its disk is connected.");
      break;
    case SEANCES_BACKUP_ERROR_TOO_NEW:
      message = _("This backup was made by a newer version of Séances: update the application to restore it.");
      break;
    case SEANCES_BACKUP_ERROR_MISMATCH:
      message = _("The copy did not match the original data, so nothing was changed: try again.");
      break;
    case SEANCES_BACKUP_ERROR_IN_USE:
      message = _("Séances is using this data: close it, then try again.");
      break;
    case SEANCES_BACKUP_ERROR_IS_DATA:
      message = _("This file is the data file itself, not a backup: choose a backup file.");
      break;
    case SEANCES_BACKUP_ERROR_UNREADABLE:
    case SEANCES_BACKUP_ERROR_DAMAGED:
    case SEANCES_BACKUP_ERROR_NOT_SEANCES:
    default:
      message = _("This file is not a Séances backup, or it is damaged.");
      break;
    }

  g_set_error_literal (error, SEANCES_BACKUP_ERROR, code, message);
  return FALSE;
}

/* What went wrong reading a backup, which may be anything the user pointed at. */
static gboolean
set_reading_error (GError     **error,
                   sqlite3     *db,
                   int          rc,
                   const char  *doing)
{
  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      g_debug ("Cannot decrypt the backup while %s", doing);
      return refuse (error, SEANCES_BACKUP_ERROR_UNREADABLE);
    case SQLITE_CORRUPT:
      g_debug ("The backup is damaged (%s): %s", doing, sqlite3_errmsg (db));
      return refuse (error, SEANCES_BACKUP_ERROR_DAMAGED);
    default:
      seances_database_set_error (error, db, rc, doing);
      return FALSE;
    }
}

static gboolean
exec (sqlite3     *db,
      const char  *sql,
      GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc == SQLITE_OK)
    return TRUE;
  seances_database_set_error (error, db, rc, sql);
  return FALSE;
}

/* A connection keyed as seances-database.c keys its own. */
static Connection *
open_keyed (const char        *path,
            const SeancesKey  *key,
            int                flags,
            GError           **error)
{
  g_autoptr(Connection) db = NULL;
  g_autofree char *version = NULL;
  Statement *stmt = NULL;
  char *spec;
  gsize length = 0;
  int rc;

  rc = sqlite3_open_v2 (path, &db, flags | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      seances_database_set_error (error, db, rc, "opening a copy");
      return NULL;
    }
  sqlite3_extended_result_codes (db, TRUE);
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  /* A read-only connection never checkpoints; say so, in case the file is in WAL mode. */
  sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);

  /* Without SQLCipher the "copy" would be plain text. */
  if (sqlite3_prepare_v2 (db, "PRAGMA cipher_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    version = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (version == NULL || g_ascii_strtoull (version, NULL, 10) < 4)
    {
      g_set_error_literal (error, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_CIPHER_TOO_OLD,
                           _("The encryption library on this computer is too old "
                             "(SQLCipher 4 or later is needed): update the system."));
      return NULL;
    }

  spec = seances_key_to_sqlcipher (key, &length);
  rc = sqlite3_key (db, spec, (int) length);
  seances_secure_free (spec);
  if (rc != SQLITE_OK)
    {
      seances_database_set_error (error, db, rc, "setting the key");
      return NULL;
    }
  /* SQLCipher would print its own English errors on stderr (a wrong key is an expected
   * answer here); set after the key, which resets them in a process's first connection. */
  sqlite3_exec (db, "PRAGMA cipher_log = off; PRAGMA cipher_log_level = NONE", NULL, NULL, NULL);

  return g_steal_pointer (&db);
}

static gboolean
query_int64 (sqlite3     *db,
             const char  *sql,
             gint64      *value,
             GError     **error)
{
  g_autoptr(Statement) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return set_reading_error (error, db, rc, sql);
  *value = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* Rows of every table of the open read transaction, by table name. The time stamp a
 * backup carries is not counted: the source does not have it. */
static GHashTable *
count_rows (sqlite3  *db,
            GError  **error)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(Statement) tables = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT name FROM sqlite_schema WHERE type = 'table'"
                           " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
                           -1, &tables, NULL);
  if (rc == SQLITE_OK)
    rc = SQLITE_ROW;
  while (rc == SQLITE_ROW && (rc = sqlite3_step (tables)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (tables, 0);
      gboolean is_state = g_str_equal (name, "app_state");
      g_autoptr(Statement) count = NULL;
      gint64 *rows;
      char *sql;
      int crc;

      /* A table name cannot be bound: it is quoted as an identifier (%w); it comes
       * from the schema, not from the user. */
      sql = is_state ? sqlite3_mprintf ("SELECT count(*) FROM app_state WHERE name != ?1")
                     : sqlite3_mprintf ("SELECT count(*) FROM \"%w\"", name);
      crc = sqlite3_prepare_v2 (db, sql, -1, &count, NULL);
      sqlite3_free (sql);
      if (crc == SQLITE_OK && is_state)
        sqlite3_bind_text (count, 1, TAKEN_AT_STATE, -1, SQLITE_STATIC);
      if (crc == SQLITE_OK)
        crc = sqlite3_step (count);
      if (crc != SQLITE_ROW)
        {
          set_reading_error (error, db, crc, "counting rows");
          return NULL;
        }
      rows = g_new (gint64, 1);
      *rows = sqlite3_column_int64 (count, 0);
      g_hash_table_insert (counts, g_strdup (name), rows);
    }
  if (rc != SQLITE_DONE)
    {
      set_reading_error (error, db, rc, "listing the tables");
      return NULL;
    }

  return g_steal_pointer (&counts);
}

static gint64
count_of (GHashTable *counts,
          const char *table)
{
  const gint64 *count = g_hash_table_lookup (counts, table);

  return count != NULL ? *count : 0;
}

static gint64
count_all (GHashTable *counts)
{
  GHashTableIter iter;
  gpointer count;
  gint64 total = 0;

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, NULL, &count))
    total += *(const gint64 *) count;
  return total;
}

static gboolean
same_counts (GHashTable *a,
             GHashTable *b)
{
  GHashTableIter iter;
  gpointer name, count;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &name, &count))
    {
      const gint64 *other = g_hash_table_lookup (b, name);

      if (other == NULL || *other != *(const gint64 *) count)
        {
          g_debug ("Rows of table %s: %" G_GINT64_FORMAT " then %" G_GINT64_FORMAT,
                   (const char *) name, *(const gint64 *) count, other != NULL ? *other : -1);
          return FALSE;
        }
    }
  return TRUE;
}

/* SQLCipher's HMAC of every page, then SQLite's own structural check. */
static gboolean
check_integrity (sqlite3  *db,
                 GError  **error)
{
  static const char * const checks[] = { "PRAGMA cipher_integrity_check", "PRAGMA integrity_check" };

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      g_autoptr(Statement) stmt = NULL;
      gboolean sound = TRUE;
      int rc;

      rc = sqlite3_prepare_v2 (db, checks[i], -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        rc = SQLITE_ROW;
      while (rc == SQLITE_ROW && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *line = (const char *) sqlite3_column_text (stmt, 0);

          if (line != NULL && !g_str_equal (line, "ok"))
            {
              g_debug ("%s: %s", checks[i], line);
              sound = FALSE;
            }
        }
      if (rc != SQLITE_DONE)
        return set_reading_error (error, db, rc, checks[i]);
      if (!sound)
        return refuse (error, SEANCES_BACKUP_ERROR_DAMAGED);
    }
  return TRUE;
}

typedef struct
{
  SeancesBackupInfo  info;
  GHashTable        *counts;
} Contents;

static void
contents_clear (Contents *contents)
{
  g_clear_pointer (&contents->counts, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Contents, contents_clear)

/* What a database holds, inside the caller's read transaction: its schema version
 * and counts, refusing what Séances did not make or cannot read. */
static gboolean
read_contents (sqlite3   *db,
               Contents  *contents,
               GError   **error)
{
  gint64 version = 0;

  if (!query_int64 (db, "PRAGMA user_version", &version, error))
    return FALSE;
  contents->counts = count_rows (db, error);
  if (contents->counts == NULL)
    return FALSE;

  if (version < 1 || !g_hash_table_contains (contents->counts, "practice") ||
      !g_hash_table_contains (contents->counts, "app_state"))
    {
      g_debug ("Not a database of Séances (schema version %" G_GINT64_FORMAT ")", version);
      return refuse (error, SEANCES_BACKUP_ERROR_NOT_SEANCES);
    }
  if (version > seances_migrations_count ())
    {
      g_debug ("Schema version %" G_GINT64_FORMAT " is newer than ours", version);
      return refuse (error, SEANCES_BACKUP_ERROR_TOO_NEW);
    }

  contents->info.schema_version = (int) version;
  contents->info.n_clients = count_of (contents->counts, "client");
  contents->info.n_appointments = count_of (contents->counts, "appointment");
  contents->info.n_rows = count_all (contents->counts);
  return TRUE;
}

/* A backup may be anything the user pointed at: it is opened read-only, and a file
 * that is not whole pages was cut short (SQLite would take an empty one for a new,
 * empty database). The first read is where a wrong key shows. */
static Connection *
open_backup (const char        *path,
             const SeancesKey  *key,
             GError           **error)
{
  g_autoptr(Connection) db = NULL;
  gint64 n_objects;
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      if (errno == ENOENT || errno == ENOTDIR)
        refuse (error, SEANCES_BACKUP_ERROR_NOT_FOUND);
      else
        seances_file_set_error_from_errno (error, errno);
      return NULL;
    }
  if (!S_ISREG (st.st_mode) || st.st_size < 1024 || st.st_size % 1024 != 0)
    {
      g_debug ("The backup is not whole pages (%" G_GINT64_FORMAT " bytes)", (gint64) st.st_size);
      refuse (error, SEANCES_BACKUP_ERROR_DAMAGED);
      return NULL;
    }

  db = open_keyed (path, key, SQLITE_OPEN_READONLY, error);
  if (db == NULL || !query_int64 (db, "SELECT count(*) FROM sqlite_schema", &n_objects, error))
    return NULL;
  return g_steal_pointer (&db);
}

/* When the backup's snapshot was taken; 0 for a database copied by hand. */
static gint64
read_taken_at (sqlite3 *db)
{
  g_autoptr(Statement) stmt = NULL;
  gint64 taken_at = 0;

  if (sqlite3_prepare_v2 (db, "SELECT value FROM app_state WHERE name = ?1", -1, &stmt, NULL) != SQLITE_OK)
    return 0;
  sqlite3_bind_text (stmt, 1, TAKEN_AT_STATE, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    taken_at = g_ascii_strtoll ((const char *) sqlite3_column_text (stmt, 0), NULL, 10);
  return taken_at;
}

/* Checks the whole of an open backup in one read transaction. */
static gboolean
inspect (sqlite3     *db,
         const char  *path,
         Contents    *contents,
         GError     **error)
{
  gboolean ok;

  if (!exec (db, "BEGIN", error))
    return FALSE;
  ok = check_integrity (db, error) && read_contents (db, contents, error);
  if (ok)
    contents->info.taken_at = read_taken_at (db);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);

  /* A database copied by hand: its file's time is the best guess. */
  if (ok && contents->info.taken_at <= 0)
    {
      GStatBuf st;

      if (g_stat (path, &st) == 0)
        contents->info.taken_at = st.st_mtime;
    }
  return ok;
}

/* Copies @source (in its open read transaction) into @dest, page by page in one
 * step, so that no write in between can be half seen. The copy is then made one
 * self-contained file: rollback-journal mode, whatever the source's. */
static gboolean
copy_pages (sqlite3  *source,
            sqlite3  *dest,
            GError  **error)
{
  g_autoptr(Statement) stmt = NULL;
  sqlite3_backup *backup;
  int rc, finished;

  backup = sqlite3_backup_init (dest, "main", source, "main");
  if (backup == NULL)
    {
      seances_database_set_error (error, dest, sqlite3_errcode (dest), "starting the copy");
      return FALSE;
    }
  rc = sqlite3_backup_step (backup, -1);
  finished = sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      seances_database_set_error (error, dest, rc, "copying the pages");
      return FALSE;
    }
  if (finished != SQLITE_OK)
    {
      seances_database_set_error (error, dest, finished, "finishing the copy");
      return FALSE;
    }

  rc = sqlite3_prepare_v2 (dest, "PRAGMA journal_mode = DELETE", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW || g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "delete") != 0)
    {
      seances_database_set_error (error, dest, rc == SQLITE_ROW ? SQLITE_ERROR : rc, "leaving WAL mode");
      return FALSE;
    }
  return TRUE;
}

static gboolean
set_taken_at (sqlite3  *db,
              gint64    taken_at,
              GError  **error)
{
  g_autoptr(Statement) stmt = NULL;
  g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, taken_at);
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "INSERT INTO app_state (name, value) VALUES (?1, ?2)"
                           " ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, TAKEN_AT_STATE, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
    }
  if (rc != SQLITE_DONE)
    {
      seances_database_set_error (error, db, rc, "recording when the backup was taken");
      return FALSE;
    }
  return TRUE;
}

/* Closing reports what could not be written (a full disk at the last page). */
static gboolean
close_copy (Connection  *db,
            GError     **error)
{
  int rc = sqlite3_close (db);

  if (rc == SQLITE_OK)
    return TRUE;
  seances_database_set_error (error, db, rc, "closing the copy");
  sqlite3_close_v2 (db);
  return FALSE;
}

/* Reopens a finished copy read-only, as a stranger would, and checks it holds what
 * the source held. */
static gboolean
check_copy (const char        *path,
            const SeancesKey  *key,
            const Contents    *source,
            Contents          *copy,
            GError           **error)
{
  g_autoptr(Connection) db = open_backup (path, key, error);

  if (db == NULL || !inspect (db, path, copy, error))
    return FALSE;
  if (copy->info.schema_version != source->info.schema_version ||
      !same_counts (source->counts, copy->counts))
    return refuse (error, SEANCES_BACKUP_ERROR_MISMATCH);
  return TRUE;
}

static void
remove_companions (const char *path)
{
  for (guint i = 0; i < G_N_ELEMENTS (companions) - 1; i++)
    {
      g_autofree char *name = g_strconcat (path, companions[i], NULL);

      g_unlink (name);
    }
}

/* Reading the live database: it is spoken of as the data, not as a backup. */
static gboolean
set_source_error (GError **error,
                  GError  *cause)
{
  if (cause->domain != SEANCES_BACKUP_ERROR)
    g_propagate_error (error, cause);
  else
    {
      if (cause->code == SEANCES_BACKUP_ERROR_TOO_NEW)
        g_set_error_literal (error, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_TOO_NEW,
                             _("This data was saved by a newer version of Séances: "
                               "update the application to open it."));
      else
        seances_database_set_error (error, NULL,
                                    cause->code == SEANCES_BACKUP_ERROR_UNREADABLE ? SQLITE_NOTADB : SQLITE_CORRUPT,
                                    "reading the data");
      g_error_free (cause);
    }
  return FALSE;
}

/* The whole copy into @temp_path, an empty file: the snapshot's contents in @source. */
static gboolean
write_backup (const char        *database_path,
              const SeancesKey  *key,
              const char        *temp_path,
              Contents          *source,
              GError           **error)
{
  g_autoptr(Connection) from = NULL;
  g_autoptr(Connection) to = NULL;
  GError *local_error = NULL;
  gint64 n_objects, taken_at;

  /* Read-only: a backup can never change the practice's data. */
  from = open_keyed (database_path, key, SQLITE_OPEN_READONLY, error);
  if (from == NULL)
    return FALSE;

  /* One read transaction: the counts and the pages are those of one snapshot. */
  if (!query_int64 (from, "SELECT count(*) FROM sqlite_schema", &n_objects, &local_error) ||
      !exec (from, "BEGIN", &local_error))
    return set_source_error (error, local_error);
  taken_at = g_get_real_time () / G_USEC_PER_SEC;
  if (!read_contents (from, source, &local_error))
    return set_source_error (error, local_error);
  source->info.taken_at = taken_at;

  to = open_keyed (temp_path, key, SQLITE_OPEN_READWRITE, error);
  if (to == NULL || !copy_pages (from, to, error))
    return FALSE;
  sqlite3_exec (from, "COMMIT", NULL, NULL, NULL);
  g_clear_pointer (&from, connection_close);

  return set_taken_at (to, taken_at, error) && close_copy (g_steal_pointer (&to), error);
}

/**
 * seances_backup_create:
 * @database_path: the live database; Séances may be writing to it in another process
 * @key: its key
 * @target_path: the backup file to write, checked by seances_file_check_target()
 * @info: (out) (optional): what the backup holds
 *
 * Writes a consistent, encrypted backup of @database_path to @target_path. The backup
 * appears under its name only once checked, and replaces an older file of that name
 * only then; on failure nothing is left behind.
 */
gboolean
seances_backup_create (const char         *database_path,
                       const SeancesKey   *key,
                       const char         *target_path,
                       SeancesBackupInfo  *info,
                       GError            **error)
{
  g_autoptr(SeancesNewFile) file = NULL;
  g_auto(Contents) source = { { 0 } };
  g_auto(Contents) copy = { { 0 } };
  const char *temp_path;

  g_return_val_if_fail (database_path != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (target_path != NULL, FALSE);

  if (!g_file_test (database_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error_literal (error, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_NOT_FOUND,
                           _("The data file was not found."));
      return FALSE;
    }

  file = seances_new_file_begin (target_path, error);
  if (file == NULL)
    return FALSE;
  temp_path = seances_new_file_get_temp_path (file);

  if (!write_backup (database_path, key, temp_path, &source, error) ||
      !check_copy (temp_path, key, &source, &copy, error))
    {
      remove_companions (temp_path);
      return FALSE;
    }
  if (copy.info.taken_at != source.info.taken_at)
    {
      remove_companions (temp_path);
      return refuse (error, SEANCES_BACKUP_ERROR_MISMATCH);
    }

  if (!seances_new_file_commit (g_steal_pointer (&file), error))
    return FALSE;
  if (info != NULL)
    *info = copy.info;
  return TRUE;
}

/**
 * seances_backup_verify:
 * @backup_path: a backup, or any file the user chose
 * @key: the key to open it with
 * @info: (out) (optional): what it holds
 *
 * Checks @backup_path without ever writing to it: every page's HMAC, the structure,
 * the schema (a newer one is refused) and the counts. A wrong key, another practice's
 * backup or a file that is no database gives SEANCES_BACKUP_ERROR_UNREADABLE.
 */
gboolean
seances_backup_verify (const char         *backup_path,
                       const SeancesKey   *key,
                       SeancesBackupInfo  *info,
                       GError            **error)
{
  g_autoptr(Connection) db = NULL;
  g_auto(Contents) contents = { { 0 } };

  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  db = open_backup (backup_path, key, error);
  if (db == NULL || !inspect (db, backup_path, &contents, error))
    return FALSE;
  if (info != NULL)
    *info = contents.info;
  return TRUE;
}

static gboolean
sync_folder (const char  *folder,
             GError     **error)
{
  int fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd < 0 || fsync (fd) != 0)
    {
      seances_file_set_error_from_errno (error, errno);
      if (fd >= 0)
        close (fd);
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/* Whether a process has the database open, lock file or not (an older Séances, or
 * one that crashed while holding it): a connection in WAL mode holds one of SQLite's
 * lock bytes for as long as it is open. They are read from /proc/locks, which opens
 * nothing: closing a descriptor of the file would drop the POSIX locks of this
 * process's own connections. */
static gboolean
database_in_use (const char *path)
{
  g_autofree char *locks = NULL;
  g_autofree char *file = NULL;
  g_auto(GStrv) lines = NULL;
  GStatBuf st;

  if (g_stat (path, &st) != 0 || !g_file_get_contents ("/proc/locks", &locks, NULL, NULL))
    return FALSE;

  /* « 2: POSIX  ADVISORY  READ 4242 fe:00:5316757 1073741826 1073742335 » */
  file = g_strdup_printf ("%02x:%02x:%" G_GUINT64_FORMAT,
                          major (st.st_dev), minor (st.st_dev), (guint64) st.st_ino);
  lines = g_strsplit (locks, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], " ", -1);
      const char *start = NULL, *end = NULL;
      gboolean ours = FALSE;

      for (guint j = 0; fields[j] != NULL && end == NULL; j++)
        {
          if (*fields[j] == '\0')
            continue;
          if (!ours)
            ours = g_str_equal (fields[j], file);
          else if (start == NULL)
            start = fields[j];
          else
            end = fields[j];
        }
      if (end != NULL)
        {
          guint64 first = g_ascii_strtoull (start, NULL, 10);
          guint64 last = g_str_equal (end, "EOF") ? G_MAXUINT64 : g_ascii_strtoull (end, NULL, 10);

          if (first < SQLITE_LOCK_FIRST + SQLITE_LOCK_SIZE && last >= SQLITE_LOCK_FIRST)
            return TRUE;
        }
    }
  return FALSE;
}

/* By inode, so that a link or another spelling of the path is caught too. */
static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static gboolean
exists (const char *path)
{
  GStatBuf st;

  return g_lstat (path, &st) == 0;
}

/* Puts back what move_aside() moved, after a failure: the data as it was. */
static void
move_back (const char *database_path,
           const char *replaced,
           guint       n_moved)
{
  for (guint i = 0; i < n_moved; i++)
    {
      g_autofree char *from = g_strconcat (replaced, companions[i], NULL);
      g_autofree char *to = g_strconcat (database_path, companions[i], NULL);

      if (exists (from) && g_rename (from, to) != 0)
        g_debug ("Cannot put %s back: %s", companions[i], g_strerror (errno));
    }
}

/* Renames the database and its companions to « seances.db.replaced-20261201-190200 »
 * (+ the same suffixes, so that SQLite opens them together), on a name none of them
 * has. The companions go first: a database must never meet another one's WAL. */
static gboolean
move_aside (const char  *database_path,
            char       **replaced_out,
            GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *replaced = NULL;
  gboolean any = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *name = g_strconcat (database_path, companions[i], NULL);

      any |= exists (name);
    }
  if (!any)
    return TRUE;

  for (int n = 1; replaced == NULL; n++)
    {
      gboolean free_name = TRUE;

      replaced = n == 1 ? g_strdup_printf ("%s.replaced-%s", database_path, stamp)
                        : g_strdup_printf ("%s.replaced-%s-%d", database_path, stamp, n);
      for (guint i = 0; i < G_N_ELEMENTS (companions) && free_name; i++)
        {
          g_autofree char *name = g_strconcat (replaced, companions[i], NULL);

          free_name = !exists (name);
        }
      if (!free_name)
        g_clear_pointer (&replaced, g_free);
    }

  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *from = g_strconcat (database_path, companions[i], NULL);
      g_autofree char *to = g_strconcat (replaced, companions[i], NULL);

      if (exists (from) && g_rename (from, to) != 0)
        {
          seances_file_set_error_from_errno (error, errno);
          move_back (database_path, replaced, i);
          return FALSE;
        }
    }

  *replaced_out = g_steal_pointer (&replaced);
  return TRUE;
}

/* Copies the backup, checked into @source, into @temp_path and checks the copy. The
 * copy carries no time stamp: it is the practice's data again, not a backup. */
static gboolean
write_restored (sqlite3           *backup,
                const Contents    *source,
                const SeancesKey  *key,
                const char        *temp_path,
                int                temp_fd,
                GError           **error)
{
  g_auto(Contents) again = { { 0 } };
  g_auto(Contents) copy = { { 0 } };
  g_autoptr(Connection) to = NULL;

  to = open_keyed (temp_path, key, SQLITE_OPEN_READWRITE, error);
  if (to == NULL || !exec (backup, "BEGIN", error) || !read_contents (backup, &again, error))
    return FALSE;
  /* A file the user chose could have changed since it was checked. */
  if (!same_counts (source->counts, again.counts))
    return refuse (error, SEANCES_BACKUP_ERROR_MISMATCH);
  if (!copy_pages (backup, to, error))
    return FALSE;
  sqlite3_exec (backup, "COMMIT", NULL, NULL, NULL);

  if (!exec (to, "DELETE FROM app_state WHERE name = '" TAKEN_AT_STATE "'", error) ||
      !close_copy (g_steal_pointer (&to), error))
    return FALSE;
  if (fsync (temp_fd) != 0)
    {
      seances_file_set_error_from_errno (error, errno);
      return FALSE;
    }

  return check_copy (temp_path, key, source, &copy, error);
}

/**
 * seances_backup_restore:
 * @backup_path: the backup to restore
 * @key: its key (the recovery key's, when the keyring lost it)
 * @database_path: where the database lives; there may be none yet (a new computer)
 * @replaced_path: (out) (optional): where the current database went, or %NULL when
 *   there was none
 *
 * Verifies @backup_path, then puts it in place of @database_path. The current
 * database and its companions are kept aside, never deleted; any failure leaves them
 * where they were. Fails with SEANCES_BACKUP_ERROR_IN_USE while Séances holds the data
 * folder's lock (waited for a few seconds) or while any process, this one included,
 * has the database open: close it before restoring.
 */
gboolean
seances_backup_restore (const char        *backup_path,
                        const SeancesKey  *key,
                        const char        *database_path,
                        char             **replaced_path,
                        GError           **error)
{
  g_autoptr(Connection) backup = NULL;
  g_auto(Contents) source = { { 0 } };
  g_autofree char *folder = NULL;
  g_autofree char *temp_path = NULL;
  g_autofree char *replaced = NULL;
  g_autoptr(SeancesLock) lock = NULL;
  g_autoptr(GError) lock_error = NULL;
  int temp_fd = -1;
  gboolean done = FALSE;

  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (database_path != NULL, FALSE);

  if (replaced_path != NULL)
    *replaced_path = NULL;

  if (same_file (backup_path, database_path))
    return refuse (error, SEANCES_BACKUP_ERROR_IS_DATA);

  /* Nothing is touched before the backup is known to be sound. */
  backup = open_backup (backup_path, key, error);
  if (backup == NULL || !inspect (backup, backup_path, &source, error))
    return FALSE;

  folder = g_path_get_dirname (database_path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      seances_file_set_error_from_errno (error, errno);
      return FALSE;
    }
  /* The lock Séances takes to create, migrate or replace its data. */
  lock = seances_lock_acquire (database_path, LOCK_WAIT_MS, &lock_error);
  if (lock == NULL)
    {
      if (g_error_matches (lock_error, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_BUSY))
        return refuse (error, SEANCES_BACKUP_ERROR_IN_USE);
      g_propagate_error (error, g_steal_pointer (&lock_error));
      return FALSE;
    }
  /* A copy being made a moment ago (the window's daily backup, in its own thread, as the
   * practice was let go) ends within seconds: waited for, as the lock is. */
  for (gint64 deadline = g_get_monotonic_time () + IN_USE_WAIT_MS * 1000; database_in_use (database_path); )
    {
      if (g_get_monotonic_time () >= deadline)
        {
          refuse (error, SEANCES_BACKUP_ERROR_IN_USE);
          goto out;
        }
      g_usleep (50 * 1000);
    }

  temp_path = g_strconcat (database_path, ".restoring-XXXXXX", NULL);
  temp_fd = g_mkstemp_full (temp_path, O_RDWR | O_CLOEXEC, 0600);
  if (temp_fd < 0)
    {
      seances_file_set_error_from_errno (error, errno);
      g_clear_pointer (&temp_path, g_free);
      goto out;
    }

  if (!write_restored (backup, &source, key, temp_path, temp_fd, error))
    goto out;
  g_clear_pointer (&backup, connection_close);

  if (!move_aside (database_path, &replaced, error))
    goto out;
  if (g_rename (temp_path, database_path) != 0)
    {
      seances_file_set_error_from_errno (error, errno);
      if (replaced != NULL)
        move_back (database_path, replaced, G_N_ELEMENTS (companions));
      g_clear_pointer (&replaced, g_free);
      goto out;
    }
  g_clear_pointer (&temp_path, g_free);
  done = sync_folder (folder, error);

out:
  if (temp_path != NULL)
    {
      remove_companions (temp_path);
      g_unlink (temp_path);
    }
  if (temp_fd >= 0)
    close (temp_fd);
  /* Even when only the folder's sync failed, the old data is where this says. */
  if (replaced_path != NULL)
    *replaced_path = g_steal_pointer (&replaced);
  return done;
}

/* « il y a 2 jours », in calendar days of @tz after the first hour. */
char *
seances_backup_format_age (gint64     then,
                           gint64     now,
                           GTimeZone *tz)
{
  g_autoptr(GDateTime) then_local = NULL;
  g_autoptr(GDateTime) now_local = NULL;
  GDate then_date, now_date;
  gint64 seconds = now - then;
  int y, m, d, days;

  g_return_val_if_fail (tz != NULL, NULL);

  if (seconds < 60)
    return g_strdup (_("just now"));
  if (seconds < 3600)
    return g_strdup_printf (ngettext ("%d minute ago", "%d minutes ago", (int) (seconds / 60)),
                            (int) (seconds / 60));

  then_local = seances_time_to_local (tz, then);
  now_local = seances_time_to_local (tz, now);
  g_date_time_get_ymd (then_local, &y, &m, &d);
  g_date_set_dmy (&then_date, d, m, y);
  g_date_time_get_ymd (now_local, &y, &m, &d);
  g_date_set_dmy (&now_date, d, m, y);
  days = g_date_days_between (&then_date, &now_date);

  if (days == 0)
    return g_strdup_printf (ngettext ("%d hour ago", "%d hours ago", (int) (seconds / 3600)),
                            (int) (seconds / 3600));
  if (days == 1)
    return g_strdup (_("yesterday"));
  return g_strdup_printf (ngettext ("%d day ago", "%d days ago", days), days);
}

/* « Sauvegarde du lundi 30 novembre à 19 h 02 (il y a 2 jours) »; the year is said
 * when it is not the current one. */
char *
seances_backup_describe (const SeancesBackupInfo *info,
                         gint64                   now,
                         GTimeZone               *tz)
{
  g_autoptr(GDateTime) taken = NULL;
  g_autoptr(GDateTime) today = NULL;
  g_autofree char *when = NULL;
  g_autofree char *age = NULL;

  g_return_val_if_fail (info != NULL, NULL);
  g_return_val_if_fail (tz != NULL, NULL);

  taken = seances_time_to_local (tz, info->taken_at);
  today = seances_time_to_local (tz, now);
  if (g_date_time_get_year (taken) == g_date_time_get_year (today))
    when = seances_time_format_long (tz, info->taken_at);
  else
    /* Translators: a day and a time, as in « lundi 30 novembre 2026 à 19 h 02 »
     * (see g_date_time_format) */
    when = g_date_time_format (taken, _("%A %-d %B %Y at %-H:%M"));
  age = seances_backup_format_age (info->taken_at, now, tz);

  /* Translators: « Sauvegarde du lundi 30 novembre à 19 h 02 (il y a 2 jours) » */
  return g_strdup_printf (_("Backup of %s (%s)"), when, age);
}
