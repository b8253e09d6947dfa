/* seances-file.h — writing a new file the user named (an export, a backup), safely
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Errors are in G_IO_ERROR, each one French sentence for the user. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Refuses the data folder, symbolic links, devices, FIFOs, sockets, folders, « - »,
 * read-only files and missing folders. Creates nothing. */
gboolean          seances_file_check_target         (const char      *path,
                                                     GError         **error);
/* A failed write (errno) as the user can act on it: ENOSPC says the disk is full. */
void              seances_file_set_error_from_errno (GError         **error,
                                                     int              errsv);

typedef struct _SeancesNewFile SeancesNewFile;

/* Checks the target, makes an empty temporary file (mode 0600) beside it. */
SeancesNewFile   *seances_new_file_begin            (const char      *path,
                                                     GError         **error);
/* Open for reading and writing, close-on-exec; owned by @file. */
int               seances_new_file_get_fd           (SeancesNewFile  *file);
/* For writers that reopen it by name (SQLite): write into it, never replace it. */
const char       *seances_new_file_get_temp_path    (SeancesNewFile  *file);
/* Writes all of @data through the fd. */
gboolean          seances_new_file_write            (SeancesNewFile  *file,
                                                     const void      *data,
                                                     gsize            size,
                                                     GError         **error);
/* fsync, close, checks again, renames over the target, fsyncs the folder; frees. */
gboolean          seances_new_file_commit           (SeancesNewFile  *file,
                                                     GError         **error);
/* Closes and removes the temporary file, the target left as it was; frees. NULL-safe. */
void              seances_new_file_abort            (SeancesNewFile  *file);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SeancesNewFile, seances_new_file_abort)

G_END_DECLS
