/* seances-database.c — the encrypted SQLite (SQLCipher) database
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "seances-database.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "seances-database-private.h"
#include "seances-migrations.h"
#include "seances-wal.h"

/* The working set of a large practice fits in 16 MiB: SQLCipher decrypts every
 * page read from outside its cache, so a small cache is slow (measured at 100,000
 * sessions: a week query 6.6 ms with the default 2 MB cache, 0.7 ms with 16 MiB). */
#define CACHE_KIB 16384
#define BUSY_TIMEOUT_MS 5000

struct _SeancesDatabase
{
  GObject     parent_instance;

  sqlite3    *handle;
  char       *path;
  char       *cipher_version;
  SeancesKey *key;         /* the key that opened it: backups are made with the same */
  GHashTable *statements;  /* const char *sql (static) → sqlite3_stmt * */
};

G_DEFINE_FINAL_TYPE (SeancesDatabase, seances_database, G_TYPE_OBJECT)

G_DEFINE_QUARK (seances-database-error-quark, seances_database_error)

void
seances_statement_reset (SeancesStatement *stmt)
{
  if (stmt == NULL)
    return;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

/* 0 stands for "none" in the objects (no series, not moved), NULL in the database. */
void
seances_statement_bind_optional (SeancesStatement *stmt,
                                 int               index,
                                 gint64            value)
{
  if (value != 0)
    sqlite3_bind_int64 (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

/* What the user is told when the file or its folder cannot be used. */
static const char *
access_message (int rc,
                int system_errno)
{
  if (rc == SQLITE_READONLY_DIRECTORY)
    return _("The data folder is read-only: allow writing to it in its permissions, "
             "then try again.");
  if (system_errno == EACCES || system_errno == EPERM)
    return _("You do not have permission to open the data file or its folder: "
             "check their permissions, then try again.");
  return _("The data file cannot be read or written: check the disk and its permissions.");
}

/* Maps a SQLite result to one French sentence; the technical detail goes to the
 * debug log only (SQLite's messages never hold values, so no personal data). */
void
seances_database_set_error (GError     **error,
                            sqlite3     *handle,
                            int          rc,
                            const char  *doing)
{
  /* The system's errno, kept by SQLite for its I/O and "cannot open" errors only. */
  int system_errno = handle != NULL ? sqlite3_system_errno (handle) : 0;
  int primary = rc & 0xff;
  int code;
  const char *message;

  g_debug ("SQLite error %d (errno %d) while %s: %s", rc, system_errno, doing,
           handle != NULL ? sqlite3_errmsg (handle) : sqlite3_errstr (rc));

  /* SQLite says SQLITE_FULL only when a write comes out short. On a full disk, growing
   * the shared-memory index (at every first open), syncing or creating a file fail
   * with an I/O or "cannot open" error instead: the errno tells them apart. */
  if ((primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN) &&
      (system_errno == ENOSPC || system_errno == EDQUOT))
    primary = SQLITE_FULL;

  switch (primary)
    {
    case SQLITE_NOTADB:
      code = SEANCES_DATABASE_ERROR_WRONG_KEY;
      message = _("This key does not open the database. Check it and try again.");
      break;
    case SQLITE_CORRUPT:
      code = SEANCES_DATABASE_ERROR_DAMAGED;
      message = _("The data file is damaged. It was left untouched: restore a backup.");
      break;
    case SQLITE_FULL:
      code = SEANCES_DATABASE_ERROR_DISK_FULL;
      message = _("The disk is full: free some space and try again. Nothing was lost.");
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
      code = SEANCES_DATABASE_ERROR_ACCESS;
      message = access_message (rc, system_errno);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      /* The other one may be a command as well as a window: sending the outbox, a
       * backup, a demo being generated. */
      code = SEANCES_DATABASE_ERROR_BUSY;
      message = _("The data is in use by another Séances program (a window or a command): "
                  "wait a moment, then try again.");
      break;
    case SQLITE_CONSTRAINT:
      code = SEANCES_DATABASE_ERROR_CONSTRAINT;
      message = _("This change conflicts with what is already recorded: nothing was changed.");
      break;
    default:
      code = SEANCES_DATABASE_ERROR_FAILED;
      message = _("An unexpected database error occurred: nothing was changed.");
      break;
    }

  g_set_error_literal (error, SEANCES_DATABASE_ERROR, code, message);
}

char *
seances_database_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "seances", "seances.db", NULL);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
seances_database_finalize (GObject *object)
{
  SeancesDatabase *self = (SeancesDatabase *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->handle != NULL)
    sqlite3_close_v2 (self->handle);
  g_free (self->path);
  g_free (self->cipher_version);
  g_clear_pointer (&self->key, seances_key_free);

  G_OBJECT_CLASS (seances_database_parent_class)->finalize (object);
}

static void
seances_database_class_init (SeancesDatabaseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = seances_database_finalize;
}

static void
seances_database_init (SeancesDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
}

static char *
query_text (sqlite3    *handle,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW &&
      sqlite3_column_text (stmt, 0) != NULL)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

/* Checks that @path is there, can be reached, and is made of whole pages, saying what
 * the user meets: a folder that cannot be entered is not a missing file. One that is
 * empty or ends mid-page was cut short: say "damaged" rather than "wrong key", and
 * never let SQLite treat an empty file as a new database to write into. */
static gboolean
check_data_file (const char  *path,
                 GError     **error)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      g_debug ("Cannot stat the data file: %s", g_strerror (saved));
      if (saved == ENOENT || saved == ENOTDIR)
        g_set_error_literal (error, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_NOT_FOUND,
                             _("The data file was not found."));
      else
        g_set_error_literal (error, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_ACCESS,
                             access_message (SQLITE_CANTOPEN, saved));
      return FALSE;
    }

  if (st.st_size < 1024 || st.st_size % 1024 != 0)
    {
      g_set_error_literal (error, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_DAMAGED,
                           _("The data file is damaged. It was left untouched: restore a backup."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
apply_key (SeancesDatabase   *self,
           const SeancesKey  *key,
           GError           **error)
{
  gsize length = 0;
  char *spec = seances_key_to_sqlcipher (key, &length);
  int rc;

  rc = sqlite3_key (self->handle, spec, (int) length);
  seances_secure_free (spec);
  if (rc != SQLITE_OK)
    {
      seances_database_set_error (error, self->handle, rc, "setting the key");
      return FALSE;
    }

  /* SQLCipher would print its own English errors on stderr (a wrong key, a damaged
   * page); ours are in French. Its log level and target are global, and the first key
   * attached in the process turns a level of NONE into WARN and no target into stderr:
   * set before sqlite3_key(), they are undone. Set here, they hold for every connection
   * from then on, and no page has been read yet. */
  sqlite3_exec (self->handle, "PRAGMA cipher_log = off; PRAGMA cipher_log_level = NONE",
                NULL, NULL, NULL);
  return TRUE;
}

static gboolean
check_cipher (SeancesDatabase  *self,
              GError          **error)
{
  self->cipher_version = query_text (self->handle, "PRAGMA cipher_version");
  if (self->cipher_version == NULL || g_ascii_strtoull (self->cipher_version, NULL, 10) < 4)
    {
      g_debug ("SQLCipher version: %s", self->cipher_version ? self->cipher_version : "none");
      g_set_error_literal (error, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_CIPHER_TOO_OLD,
                           _("The encryption library on this computer is too old "
                             "(SQLCipher 4 or later is needed): update the system."));
      return FALSE;
    }
  return TRUE;
}

/* The first read is where a wrong key shows: SQLCipher cannot decrypt page 1. */
static gboolean
check_key (SeancesDatabase  *self,
           GError          **error)
{
  int rc = sqlite3_exec (self->handle, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);

  if (rc == SQLITE_OK)
    return TRUE;

  seances_database_set_error (error, self->handle, rc, "reading the first page");
  return FALSE;
}

/* Reading needs no journal mode, and asking for WAL may write the file's header. */
static gboolean
configure (SeancesDatabase  *self,
           gboolean          read_only,
           GError          **error)
{
  static const char writing[] =
    "PRAGMA foreign_keys = ON;"
    "PRAGMA journal_mode = WAL;"
    "PRAGMA synchronous = FULL;"
    "PRAGMA secure_delete = ON;"
    "PRAGMA temp_store = MEMORY;"
    "PRAGMA cache_size = -" G_STRINGIFY (CACHE_KIB) ";";
  static const char reading[] =
    "PRAGMA query_only = ON;"
    "PRAGMA temp_store = MEMORY;"
    "PRAGMA cache_size = -" G_STRINGIFY (CACHE_KIB) ";";
  int rc;

  rc = sqlite3_exec (self->handle, read_only ? reading : writing, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      seances_database_set_error (error, self->handle, rc, "setting pragmas");
      return FALSE;
    }
  return TRUE;
}

/* Migrating writes: a read-only connection takes the schema as it is, or refuses it. */
static gboolean
check_schema_read_only (SeancesDatabase  *self,
                        GError          **error)
{
  int version = seances_database_get_schema_version (self);

  if (version >= 0 && version < seances_migrations_count ())
    {
      g_debug ("Schema version %d, %d expected", version, seances_migrations_count ());
      g_set_error_literal (error, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_TOO_OLD,
                           _("This data was saved by an older version of Séances: open Séances "
                             "once so that it updates the data, then try again."));
      return FALSE;
    }

  /* Up to date, no step runs; newer, the usual refusal. */
  return seances_migrations_apply (self->handle, seances_migrations_count (), error);
}

static SeancesDatabase *
open_keyed (const char        *path,
            const SeancesKey  *key,
            int                flags,
            GError           **error)
{
  g_autoptr(SeancesDatabase) self = g_object_new (SEANCES_TYPE_DATABASE, NULL);
  gboolean read_only = (flags & SQLITE_OPEN_READONLY) != 0;
  int rc;

  self->path = g_strdup (path);
  self->key = seances_key_copy (key);
  rc = sqlite3_open_v2 (path, &self->handle, flags | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      seances_database_set_error (error, self->handle, rc, "opening the file");
      return NULL;
    }
  sqlite3_extended_result_codes (self->handle, TRUE);
  /* Before the first read: another program may be holding the file for a moment. */
  sqlite3_busy_timeout (self->handle, BUSY_TIMEOUT_MS);

  /* The last connection to close copies the WAL into the file and deletes it: never
   * from one that only reads, whose WAL may be the one holding the latest changes. */
  if (read_only)
    sqlite3_db_config (self->handle, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);

  /* SQLite opens a file it may not write for reading, without a word: every change
   * would fail later, with a sentence that no longer says why. */
  if (!read_only && sqlite3_db_readonly (self->handle, "main") == 1)
    {
      g_set_error_literal (error, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_ACCESS,
                           _("The data file is read-only: allow writing to it in its "
                             "permissions, then try again."));
      return NULL;
    }

  if (!check_cipher (self, error) ||
      !apply_key (self, key, error) ||
      !check_key (self, error) ||
      !configure (self, read_only, error))
    return NULL;

  if (read_only ? !check_schema_read_only (self, error)
                : !seances_migrations_apply (self->handle, seances_migrations_count (), error))
    return NULL;

  return g_steal_pointer (&self);
}

/* SQLite replays the -wal up to its first damaged frame and ignores the rest without a
 * word: the transactions after it are gone at the next checkpoint, which closing a
 * read-write connection makes. The log is read here as SQLite reads it, to tell. */
static gboolean
check_wal (const char  *database_path,
           guint        tolerated,
           GError     **error)
{
  g_autofree char *path = g_strconcat (database_path, "-wal", NULL);
  SeancesWalSummary summary;

  for (int attempt = 0; ; attempt++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (!g_file_get_contents (path, &contents, &length, &local_error))
        {
          if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
            return TRUE;
          g_debug ("Cannot read the WAL: %s", local_error->message);
          g_set_error_literal (error, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_ACCESS,
                               access_message (SQLITE_IOERR, 0));
          return FALSE;
        }

      if (seances_wal_read ((const guint8 *) contents, length, &summary) || summary.n_lost <= tolerated)
        return TRUE;

      /* Another program may have been writing a frame as it was read: look again. */
      if (attempt == 1)
        break;
      g_usleep (G_USEC_PER_SEC / 10);
    }

  g_debug ("WAL damaged: header %s, %u frames, %u applied, %u commits after them",
           summary.header_sound ? "sound" : "damaged", summary.n_frames, summary.n_applied,
           summary.n_lost);
  g_set_error_literal (error, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_WAL_DAMAGED,
                       _("The journal of the latest changes is damaged and the data file was "
                         "left untouched: restore a backup or contact support."));
  return FALSE;
}

/* A -wal or -shm left read-only (restored from a backup, copied by hand) makes SQLite
 * fall back to reading, and every write fails, even once the file itself is writable
 * again. They hold nothing the file does not, and the user's own are made writable
 * again; someone else's cannot be, and is named. */
static gboolean
check_sidecars (const char  *path,
                GError     **error)
{
  static const char * const suffixes[] = { "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *shown = NULL;
      GStatBuf st;

      if (g_lstat (name, &st) != 0 || !S_ISREG (st.st_mode) || g_access (name, W_OK) == 0)
        continue;

      if (st.st_uid == geteuid ())
        {
          if (g_chmod (name, 0600) == 0)
            g_debug ("The %s file was read-only: made writable again", suffixes[i]);
          else
            g_debug ("Cannot make the %s file writable: %s", suffixes[i], g_strerror (errno));
          continue;
        }

      shown = g_filename_display_name (name);
      g_debug ("The %s file belongs to user %u", suffixes[i], (guint) st.st_uid);
      g_set_error (error, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_ACCESS,
                   /* Translators: %s is the path of a file beside the data file */
                   _("The file “%s” belongs to another user and prevents saving: ask an "
                     "administrator to give it back to you, then try again."), shown);
      return FALSE;
    }

  return TRUE;
}

/* Opens an existing database; never creates one. A wrong key leaves the file untouched. */
SeancesDatabase *
seances_database_open (const char        *path,
                       const SeancesKey  *key,
                       GError           **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  /* A damaged -wal is refused before SQLite sees it: it would be checkpointed as far
   * as it reads, then deleted with the transactions after the damage. One lost commit
   * at the end is what a power cut during that commit leaves (it was never confirmed):
   * SQLite rightly drops it, and refusing to start would help no one. */
  if (!check_data_file (path, error) || !check_sidecars (path, error) || !check_wal (path, 1, error))
    return NULL;

  return open_keyed (path, key, SQLITE_OPEN_READWRITE, error);
}

/* Opens an existing database for reading only (an integrity check, an export): it
 * never writes, checkpoints or deletes the file or its WAL, and never migrates. */
SeancesDatabase *
seances_database_open_read_only (const char        *path,
                                 const SeancesKey  *key,
                                 GError           **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (!check_data_file (path, error))
    return NULL;

  return open_keyed (path, key, SQLITE_OPEN_READONLY, error);
}

static void
remove_with_sidecars (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      g_unlink (name);
    }
}

static gboolean
sync_path (const char *path,
           int         flags)
{
  int fd = g_open (path, flags | O_CLOEXEC, 0);
  gboolean synced;

  if (fd < 0)
    return FALSE;
  synced = fsync (fd) == 0;
  close (fd);
  return synced;
}

/* Builds a complete new database for @path under a temporary name of its own in the
 * same folder (two processes never share one), and returns that name. Nothing is at
 * @path yet: seances_database_publish() puts it there. The file is private (0600) from
 * its first byte. */
char *
seances_database_prepare_new (const char        *path,
                              const SeancesKey  *key,
                              GError           **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *temp = NULL;
  g_autoptr(SeancesDatabase) made = NULL;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_debug ("Cannot create the data folder: %s", g_strerror (errno));
      g_set_error_literal (error, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_ACCESS,
                           _("The data folder cannot be created: check the disk and its permissions."));
      return NULL;
    }

  temp = g_strconcat (path, ".new-XXXXXX", NULL);
  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      seances_database_set_error (error, NULL, errno == ENOSPC ? SQLITE_FULL : SQLITE_CANTOPEN,
                                  "making the new file");
      return NULL;
    }
  close (fd);

  made = open_keyed (temp, key, SQLITE_OPEN_READWRITE, error);
  if (made == NULL)
    {
      remove_with_sidecars (temp);
      return NULL;
    }
  /* The WAL goes into the file, so that one file is all there is to link. Closing would
   * checkpoint too, but could not say that it failed: on a full disk the file would be
   * left short, linked all the same, and reported as damaged at the next start. */
  {
    int rc = sqlite3_wal_checkpoint_v2 (made->handle, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);

    if (rc != SQLITE_OK)
      {
        seances_database_set_error (error, made->handle, rc, "checkpointing the new file");
        g_clear_object (&made);
        remove_with_sidecars (temp);
        return NULL;
      }
  }
  g_clear_object (&made);

  if (!sync_path (temp, O_RDONLY))
    {
      int saved = errno;

      remove_with_sidecars (temp);
      seances_database_set_error (error, NULL, saved == ENOSPC ? SQLITE_FULL : SQLITE_IOERR,
                                  "syncing the new file");
      return NULL;
    }

  return g_steal_pointer (&temp);
}

/* Gives the file made by seances_database_prepare_new() its final name. link() never
 * replaces: an existing database stays as it is. The temporary name goes either way. */
gboolean
seances_database_publish (const char  *temp,
                          const char  *path,
                          GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (link (temp, path) != 0)
    {
      int saved = errno;

      remove_with_sidecars (temp);
      if (saved == EEXIST)
        g_set_error_literal (error, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_EXISTS,
                             _("A data file already exists here; it was left untouched."));
      else
        seances_database_set_error (error, NULL, saved == ENOSPC ? SQLITE_FULL : SQLITE_CANTOPEN,
                                    "linking the new file");
      return FALSE;
    }
  remove_with_sidecars (temp);
  sync_path (dir, O_RDONLY | O_DIRECTORY);
  return TRUE;
}

void
seances_database_discard (const char *temp)
{
  if (temp != NULL)
    remove_with_sidecars (temp);
}

/* Creates a new database at @path, which must not exist, and opens it. A crash at any
 * point never leaves a half-made file at @path. */
SeancesDatabase *
seances_database_create (const char        *path,
                         const SeancesKey  *key,
                         GError           **error)
{
  g_autofree char *temp = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error_literal (error, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_EXISTS,
                           _("A data file already exists here; it was left untouched."));
      return NULL;
    }

  temp = seances_database_prepare_new (path, key, error);
  if (temp == NULL || !seances_database_publish (temp, path, error))
    return NULL;
  return seances_database_open (path, key, error);
}

const char *
seances_database_get_path (SeancesDatabase *self)
{
  g_return_val_if_fail (SEANCES_IS_DATABASE (self), NULL);
  return self->path;
}

const SeancesKey *
seances_database_get_key (SeancesDatabase *self)
{
  g_return_val_if_fail (SEANCES_IS_DATABASE (self), NULL);
  return self->key;
}

const char *
seances_database_get_cipher_version (SeancesDatabase *self)
{
  g_return_val_if_fail (SEANCES_IS_DATABASE (self), NULL);
  return self->cipher_version;
}

int
seances_database_get_schema_version (SeancesDatabase *self)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (SEANCES_IS_DATABASE (self), -1);
  text = query_text (self->handle, "PRAGMA user_version");
  return text != NULL ? atoi (text) : -1;
}

sqlite3 *
seances_database_get_handle (SeancesDatabase *self)
{
  g_return_val_if_fail (SEANCES_IS_DATABASE (self), NULL);
  return self->handle;
}

/* The statement for @sql, prepared once and kept: the cache keeps its own copy of @sql,
 * so that a statement built at run time (a test's) cannot leave it a freed key. */
SeancesStatement *
seances_database_prepare (SeancesDatabase  *self,
                          const char       *sql,
                          GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SEANCES_IS_DATABASE (self), NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  /* Not a critical: a file this version did not write (a table or a column missing)
   * fails here as well as a mistyped statement; the error logs SQLite's words. */
  if (rc != SQLITE_OK)
    {
      seances_database_set_error (error, self->handle, rc, "preparing a statement");
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
seances_database_step (SeancesDatabase   *self,
                       SeancesStatement  *stmt,
                       gboolean          *has_row,
                       GError           **error)
{
  int rc = sqlite3_step (stmt);

  if (has_row != NULL)
    *has_row = (rc == SQLITE_ROW);
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return TRUE;

  seances_database_set_error (error, self->handle, rc, "running a statement");
  return FALSE;
}

gboolean
seances_database_exec (SeancesDatabase  *self,
                       const char       *sql,
                       GError          **error)
{
  int rc;

  g_return_val_if_fail (SEANCES_IS_DATABASE (self), FALSE);

  rc = sqlite3_exec (self->handle, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      seances_database_set_error (error, self->handle, rc, "running a script");
      return FALSE;
    }
  return TRUE;
}

gboolean
seances_database_begin (SeancesDatabase  *self,
                        GError          **error)
{
  return seances_database_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
seances_database_commit (SeancesDatabase  *self,
                         GError          **error)
{
  if (seances_database_exec (self, "COMMIT", error))
    return TRUE;
  seances_database_rollback (self);
  return FALSE;
}

void
seances_database_rollback (SeancesDatabase *self)
{
  g_return_if_fail (SEANCES_IS_DATABASE (self));
  if (!sqlite3_get_autocommit (self->handle))
    sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);
}

gint64
seances_database_last_insert_id (SeancesDatabase *self)
{
  return sqlite3_last_insert_rowid (self->handle);
}

char *
seances_database_get_state (SeancesDatabase  *self,
                            const char       *name,
                            GError          **error)
{
  g_autoptr(SeancesStatement) stmt = NULL;
  gboolean has_row;

  stmt = seances_database_prepare (self, "SELECT value FROM app_state WHERE name = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (!seances_database_step (self, stmt, &has_row, error) || !has_row)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

gboolean
seances_database_set_state (SeancesDatabase  *self,
                            const char       *name,
                            const char       *value,
                            GError          **error)
{
  g_autoptr(SeancesStatement) stmt = NULL;

  stmt = seances_database_prepare (self,
                                   "INSERT INTO app_state (name, value) VALUES (?1, ?2) "
                                   "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                                   error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  return seances_database_step (self, stmt, NULL, error);
}

/* SQLCipher's HMAC check of every page, SQLite's structural check, then the -wal's. */
gboolean
seances_database_check (SeancesDatabase  *self,
                        GError          **error)
{
  static const char * const checks[] = { "PRAGMA cipher_integrity_check", "PRAGMA integrity_check" };

  g_return_val_if_fail (SEANCES_IS_DATABASE (self), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      sqlite3_stmt *stmt = NULL;
      gboolean sound = TRUE;
      int rc;

      rc = sqlite3_prepare_v2 (self->handle, checks[i], -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        rc = SQLITE_ROW;
      while (rc == SQLITE_ROW && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *line = (const char *) sqlite3_column_text (stmt, 0);

          if (line != NULL && g_strcmp0 (line, "ok") != 0)
            {
              g_debug ("%s: %s", checks[i], line);
              sound = FALSE;
            }
        }
      sqlite3_finalize (stmt);

      if (rc != SQLITE_DONE)
        {
          seances_database_set_error (error, self->handle, rc, checks[i]);
          return FALSE;
        }
      if (!sound)
        {
          g_set_error_literal (error, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_DAMAGED,
                               _("The data file is damaged. It was left untouched: restore a backup."));
          return FALSE;
        }
    }

  return check_wal (self->path, 0, error);
}
