/* seances-database.h — the encrypted SQLite (SQLCipher) database
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "seances-key.h"

G_BEGIN_DECLS

#define SEANCES_DATABASE_ERROR (seances_database_error_quark ())

/* Every error of this domain carries a French sentence for the user. */
typedef enum
{
  SEANCES_DATABASE_ERROR_FAILED,
  SEANCES_DATABASE_ERROR_NOT_FOUND,
  SEANCES_DATABASE_ERROR_EXISTS,
  SEANCES_DATABASE_ERROR_WRONG_KEY,
  SEANCES_DATABASE_ERROR_DAMAGED,
  SEANCES_DATABASE_ERROR_CIPHER_TOO_OLD,
  SEANCES_DATABASE_ERROR_TOO_NEW,
  SEANCES_DATABASE_ERROR_DISK_FULL,
  SEANCES_DATABASE_ERROR_ACCESS,
  SEANCES_DATABASE_ERROR_BUSY,
  SEANCES_DATABASE_ERROR_CONSTRAINT,
  SEANCES_DATABASE_ERROR_TOO_OLD,
  SEANCES_DATABASE_ERROR_WAL_DAMAGED,
} SeancesDatabaseError;

#define SEANCES_TYPE_DATABASE (seances_database_get_type ())
G_DECLARE_FINAL_TYPE (SeancesDatabase, seances_database, SEANCES, DATABASE, GObject)

GQuark            seances_database_error_quark      (void);
char             *seances_database_default_path     (void);

SeancesDatabase  *seances_database_open             (const char        *path,
                                                     const SeancesKey  *key,
                                                     GError           **error);
SeancesDatabase  *seances_database_open_read_only   (const char        *path,
                                                     const SeancesKey  *key,
                                                     GError           **error);
SeancesDatabase  *seances_database_create           (const char        *path,
                                                     const SeancesKey  *key,
                                                     GError           **error);
char             *seances_database_prepare_new      (const char        *path,
                                                     const SeancesKey  *key,
                                                     GError           **error);
gboolean          seances_database_publish          (const char        *temp,
                                                     const char        *path,
                                                     GError           **error);
void              seances_database_discard          (const char        *temp);
const char       *seances_database_get_path         (SeancesDatabase   *self);
const SeancesKey *seances_database_get_key          (SeancesDatabase   *self);
const char       *seances_database_get_cipher_version (SeancesDatabase *self);
int               seances_database_get_schema_version (SeancesDatabase *self);

gboolean          seances_database_begin            (SeancesDatabase   *self,
                                                     GError           **error);
gboolean          seances_database_commit           (SeancesDatabase   *self,
                                                     GError           **error);
void              seances_database_rollback         (SeancesDatabase   *self);

char             *seances_database_get_state        (SeancesDatabase   *self,
                                                     const char        *name,
                                                     GError           **error);
gboolean          seances_database_set_state        (SeancesDatabase   *self,
                                                     const char        *name,
                                                     const char        *value,
                                                     GError           **error);

gboolean          seances_database_check            (SeancesDatabase   *self,
                                                     GError           **error);

G_END_DECLS
