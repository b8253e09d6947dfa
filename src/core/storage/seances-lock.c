/* seances-lock.c — one process at a time creates, migrates or replaces the data
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An advisory lock (flock) on « seances.lock » beside the database. Reading and
 * everyday writing need no lock: SQLite serializes them. The lock guards the steps
 * SQLite cannot: making the file, bringing its schema up to date, putting a backup in
 * its place. The kernel drops the lock when its process dies, so a crash never leaves
 * the data locked. */
#include "config.h"

#include "seances-lock.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/file.h>
#include <unistd.h>

#include "seances-database.h"

#define POLL_MS 20

struct _SeancesLock
{
  int fd;
};

/* Waits up to @timeout_ms for the lock of the data folder of @database_path, which
 * must exist. Fails with SEANCES_DATABASE_ERROR_BUSY when another process keeps it. */
SeancesLock *
seances_lock_acquire (const char  *database_path,
                      guint        timeout_ms,
                      GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  gint64 deadline;
  int fd;

  g_return_val_if_fail (database_path != NULL, NULL);

  dir = g_path_get_dirname (database_path);
  path = g_build_filename (dir, "seances.lock", NULL);
  fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0)
    {
      int saved = errno;

      g_debug ("Cannot open the lock file: %s", g_strerror (saved));
      g_set_error_literal (error, SEANCES_DATABASE_ERROR,
                           saved == ENOSPC ? SEANCES_DATABASE_ERROR_DISK_FULL : SEANCES_DATABASE_ERROR_ACCESS,
                           saved == ENOSPC ? _("The disk is full: free some space and try again. Nothing was lost.")
                                           : _("The data folder cannot be written: check the disk and its permissions."));
      return NULL;
    }

  deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  while (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      if ((errno != EWOULDBLOCK && errno != EINTR) || g_get_monotonic_time () >= deadline)
        {
          g_debug ("The data folder stays locked: %s", g_strerror (errno));
          close (fd);
          g_set_error_literal (error, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_BUSY,
                               _("Another Séances program is preparing these data: "
                                 "wait a moment and try again."));
          return NULL;
        }
      g_usleep (POLL_MS * 1000);
    }

  SeancesLock *lock = g_new (SeancesLock, 1);
  lock->fd = fd;
  return lock;
}

void
seances_lock_release (SeancesLock *lock)
{
  if (lock == NULL)
    return;
  close (lock->fd);  /* closing the only descriptor drops the flock */
  g_free (lock);
}
