/* seances-file.c — writing a new file the user named (an export, a backup), safely
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The user types a file name; a typo must never destroy anything. So the target is
 * refused when it lies in Séances's own data folder (the encrypted database would be
 * replaced by its plain-text export), when its name is a symbolic link, a device, a FIFO,
 * a socket or a folder, when it is a file the user cannot write, or when its folder does
 * not exist. The data is written to a temporary file of a unique name in the target's
 * folder, private from its creation, synced, then renamed over the target and the folder
 * synced: the file appears whole or not at all, and a failure leaves an older file of
 * that name as it was.
 *
 * Everything after the first check works on the folder opened then (renameat on its
 * descriptor), and the checks are made again just before the rename, since writing a
 * backup can take a while. */
#include "config.h"

#include "seances-file.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

struct _SeancesNewFile
{
  char  *path;       /* as given, checked again at commit */
  char  *folder;     /* the target's folder, symbolic links resolved */
  char  *name;       /* the target's name in it */
  char  *temp_name;  /* the temporary file's name in it */
  char  *temp_path;
  int    folder_fd;
  int    fd;
  dev_t  temp_dev;
  ino_t  temp_ino;
};

static gboolean
refuse (GError     **error,
        GIOErrorEnum code,
        const char  *message)
{
  g_set_error_literal (error, G_IO_ERROR, code, message);
  return FALSE;
}

/* A failed system call on the target, its folder or the temporary file, as the user
 * can act on it. */
void
seances_file_set_error_from_errno (GError **error,
                                   int      errsv)
{
  g_debug ("Cannot write the file: %s", g_strerror (errsv));

  switch (errsv)
    {
    case ENOSPC:
    case EDQUOT:
      refuse (error, G_IO_ERROR_NO_SPACE,
              _("The disk is full: free some space or choose another disk, then try again."));
      break;
    case EROFS:
      refuse (error, G_IO_ERROR_READ_ONLY,
              _("This disk is read-only: choose another location."));
      break;
    case EACCES:
    case EPERM:
      refuse (error, G_IO_ERROR_PERMISSION_DENIED,
              _("You cannot write in this folder: choose another one."));
      break;
    default:
      refuse (error, g_io_error_from_errno (errsv),
              _("The file could not be written: check the disk and try again."));
      break;
    }
}

/* @path with its symbolic links resolved; when it does not exist, its folder resolved. */
static char *
resolve (const char *path)
{
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *resolved_folder = NULL;
  char *resolved = realpath (path, NULL);

  if (resolved != NULL)
    return resolved;

  folder = g_path_get_dirname (path);
  name = g_path_get_basename (path);
  resolved_folder = realpath (folder, NULL);
  if (resolved_folder == NULL)
    return g_canonicalize_filename (path, NULL);
  return g_build_filename (resolved_folder, name, NULL);
}

/* Whether @target (in the resolved @folder) is, or is inside, the data folder. The
 * folders are compared by inode up to the root, so that a bind mount of the data
 * folder is caught too; by name when the data folder does not exist yet. */
static gboolean
is_in_data_folder (const char *folder,
                   const char *target)
{
  g_autofree char *data = g_build_filename (g_get_user_data_dir (), "seances", NULL);
  g_autofree char *resolved = resolve (data);
  g_autofree char *current = NULL;
  GStatBuf data_st;

  if (g_stat (resolved, &data_st) != 0)
    {
      gsize length = strlen (resolved);

      return g_str_equal (target, resolved) ||
             (g_str_has_prefix (target, resolved) && target[length] == G_DIR_SEPARATOR);
    }

  current = g_strdup (folder);
  for (;;)
    {
      GStatBuf st;
      char *parent;

      if (g_stat (current, &st) == 0 && st.st_dev == data_st.st_dev && st.st_ino == data_st.st_ino)
        return TRUE;
      parent = g_path_get_dirname (current);
      if (g_str_equal (parent, current))
        {
          g_free (parent);
          return FALSE;
        }
      g_free (current);
      current = parent;
    }
}

/* Checks @path; on success gives its resolved folder and its name in it. */
static gboolean
check_target (const char  *path,
              char       **folder_out,
              char       **name_out,
              GError     **error)
{
  g_autofree char *given_folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *target = NULL;
  GStatBuf st;

  /* « - » is the standard output for many tools: never a file called « - » by mistake. */
  if (path == NULL || *path == '\0' || g_str_equal (path, "-"))
    return refuse (error, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Give the name of a file to write: Séances does not write to the standard output."));

  name = g_path_get_basename (path);
  if (g_str_has_suffix (path, G_DIR_SEPARATOR_S) || g_str_equal (name, ".") ||
      g_str_equal (name, "..") || g_str_equal (name, G_DIR_SEPARATOR_S))
    return refuse (error, G_IO_ERROR_IS_DIRECTORY,
                   _("This is a folder: give the name of a file inside it."));

  given_folder = g_path_get_dirname (path);
  folder = realpath (given_folder, NULL);
  if (folder == NULL)
    {
      int errsv = errno;

      if (errsv == ENOENT || errsv == ENOTDIR)
        return refuse (error, G_IO_ERROR_NOT_FOUND,
                       _("The folder of this file does not exist: create it first or choose another one."));
      seances_file_set_error_from_errno (error, errsv);
      return FALSE;
    }
  if (g_stat (folder, &st) != 0 || !S_ISDIR (st.st_mode))
    return refuse (error, G_IO_ERROR_NOT_FOUND,
                   _("The folder of this file does not exist: create it first or choose another one."));

  target = g_build_filename (folder, name, NULL);
  if (is_in_data_folder (folder, target))
    return refuse (error, G_IO_ERROR_INVALID_FILENAME,
                   _("This file is in the Séances data folder: choose another location."));

  if (g_lstat (target, &st) != 0)
    {
      int errsv = errno;

      if (errsv != ENOENT)
        {
          seances_file_set_error_from_errno (error, errsv);
          return FALSE;
        }
    }
  else if (S_ISLNK (st.st_mode))
    return refuse (error, G_IO_ERROR_TOO_MANY_LINKS,
                   _("This name is a symbolic link: give the file itself or another name."));
  else if (S_ISDIR (st.st_mode))
    return refuse (error, G_IO_ERROR_IS_DIRECTORY,
                   _("This is a folder: give the name of a file inside it."));
  else if (!S_ISREG (st.st_mode))
    return refuse (error, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("This is not an ordinary file: give the name of a file in a folder."));
  /* A file made read-only was made so on purpose, even if the folder would let it be
   * replaced; the mode bit is checked too, since root may write anything. */
  else if ((st.st_mode & S_IWUSR) == 0 || g_access (target, W_OK) != 0)
    return refuse (error, G_IO_ERROR_READ_ONLY,
                   _("This file is read-only: choose another name, or make it writable first."));

  if (folder_out != NULL)
    *folder_out = g_steal_pointer (&folder);
  if (name_out != NULL)
    *name_out = g_steal_pointer (&name);
  return TRUE;
}

/* Whether a new file may be written at @path: see the top of this file. Nothing is
 * created. */
gboolean
seances_file_check_target (const char  *path,
                           GError     **error)
{
  return check_target (path, NULL, NULL, error);
}

static void
new_file_free (SeancesNewFile *file)
{
  if (file->fd >= 0)
    close (file->fd);
  if (file->folder_fd >= 0)
    close (file->folder_fd);
  g_free (file->path);
  g_free (file->folder);
  g_free (file->name);
  g_free (file->temp_name);
  g_free (file->temp_path);
  g_free (file);
}

/* Checks @path, then makes the temporary file that will become it, empty, mode 0600.
 * Write into it through seances_new_file_get_fd() or seances_new_file_write(), or
 * reopen it by its name (never replace it: commit checks it is the same file), then
 * commit, or abort. */
SeancesNewFile *
seances_new_file_begin (const char  *path,
                        GError     **error)
{
  g_autoptr(SeancesNewFile) file = g_new0 (SeancesNewFile, 1);
  g_autofree char *template = NULL;
  struct stat st;

  file->fd = -1;
  file->folder_fd = -1;
  if (!check_target (path, &file->folder, &file->name, error))
    return NULL;
  /* Checked again at commit, whatever the current folder is by then. */
  if (g_path_is_absolute (path))
    file->path = g_strdup (path);
  else
    {
      g_autofree char *current = g_get_current_dir ();
      file->path = g_build_filename (current, path, NULL);
    }

  file->folder_fd = open (file->folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (file->folder_fd < 0)
    {
      seances_file_set_error_from_errno (error, errno);
      return NULL;
    }

  /* Hidden, beside the target so that the rename stays on one file system. */
  template = g_strdup_printf (".%s.XXXXXX", file->name);
  file->temp_path = g_build_filename (file->folder, template, NULL);
  file->fd = g_mkstemp_full (file->temp_path, O_RDWR | O_CLOEXEC, 0600);
  if (file->fd < 0)
    {
      seances_file_set_error_from_errno (error, errno);
      g_clear_pointer (&file->temp_path, g_free);
      return NULL;
    }
  file->temp_name = g_path_get_basename (file->temp_path);

  /* The umask could only have taken bits away; the owner must still read it back. */
  if (fchmod (file->fd, 0600) != 0 || fstat (file->fd, &st) != 0)
    {
      seances_file_set_error_from_errno (error, errno);
      return NULL;
    }
  file->temp_dev = st.st_dev;
  file->temp_ino = st.st_ino;

  return g_steal_pointer (&file);
}

int
seances_new_file_get_fd (SeancesNewFile *file)
{
  g_return_val_if_fail (file != NULL, -1);

  return file->fd;
}

/* For writers that open the file by name (SQLite). */
const char *
seances_new_file_get_temp_path (SeancesNewFile *file)
{
  g_return_val_if_fail (file != NULL, NULL);

  return file->temp_path;
}

/* Writes all of @data at the current position; a full disk is said so. */
gboolean
seances_new_file_write (SeancesNewFile  *file,
                        const void      *data,
                        gsize            size,
                        GError         **error)
{
  const char *next = data;

  g_return_val_if_fail (file != NULL, FALSE);
  g_return_val_if_fail (file->fd >= 0, FALSE);

  while (size > 0)
    {
      gssize written = write (file->fd, next, size);

      if (written < 0)
        {
          int errsv = errno;

          if (errsv == EINTR)
            continue;
          seances_file_set_error_from_errno (error, errsv);
          return FALSE;
        }
      next += written;
      size -= written;
    }
  return TRUE;
}

static gboolean
same_inode (const struct stat *a,
            const struct stat *b)
{
  return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* The target, its folder or the temporary file changed while the file was written. */
static gboolean
check_unchanged (SeancesNewFile  *file,
                 GError         **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  struct stat opened, named, temp;

  if (!check_target (file->path, &folder, &name, error))
    return FALSE;

  if (!g_str_equal (folder, file->folder) || !g_str_equal (name, file->name) ||
      fstat (file->folder_fd, &opened) != 0 || stat (folder, &named) != 0 ||
      !same_inode (&opened, &named) ||
      fstatat (file->folder_fd, file->temp_name, &temp, AT_SYMLINK_NOFOLLOW) != 0 ||
      temp.st_dev != file->temp_dev || temp.st_ino != file->temp_ino)
    return refuse (error, G_IO_ERROR_FAILED,
                   _("The file or its folder changed while it was being written: try again."));
  return TRUE;
}

/* Makes the written file the target: synced, checked again, renamed over an older file
 * of that name, the folder synced. Frees @file, whatever happens; on failure the
 * temporary file is removed and an older target left as it was. */
gboolean
seances_new_file_commit (SeancesNewFile  *file,
                         GError         **error)
{
  int fd;

  g_return_val_if_fail (file != NULL, FALSE);
  g_return_val_if_fail (file->fd >= 0, FALSE);

  fd = g_steal_fd (&file->fd);
  if (fsync (fd) != 0)
    {
      seances_file_set_error_from_errno (error, errno);
      close (fd);
      seances_new_file_abort (file);
      return FALSE;
    }
  /* close() reports what a network file system could not write. */
  if (close (fd) != 0)
    {
      seances_file_set_error_from_errno (error, errno);
      seances_new_file_abort (file);
      return FALSE;
    }

  if (!check_unchanged (file, error))
    {
      seances_new_file_abort (file);
      return FALSE;
    }

  if (renameat (file->folder_fd, file->temp_name, file->folder_fd, file->name) != 0)
    {
      seances_file_set_error_from_errno (error, errno);
      seances_new_file_abort (file);
      return FALSE;
    }
  g_clear_pointer (&file->temp_name, g_free);

  /* Without it, a crash could leave the folder pointing at the older file. */
  if (fsync (file->folder_fd) != 0)
    {
      seances_file_set_error_from_errno (error, errno);
      new_file_free (file);
      return FALSE;
    }

  new_file_free (file);
  return TRUE;
}

/* Drops the temporary file; the target is left as it was. NULL-safe. */
void
seances_new_file_abort (SeancesNewFile *file)
{
  if (file == NULL)
    return;

  if (file->fd >= 0)
    close (g_steal_fd (&file->fd));
  if (file->temp_name != NULL && unlinkat (file->folder_fd, file->temp_name, 0) != 0)
    g_debug ("Cannot remove the temporary file: %s", g_strerror (errno));
  new_file_free (file);
}
