/* seances-database-private.h — SQL on the database, for storage/ and model/ only
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only the core's own sources include this: the UI is built without sqlcipher's
 * include path, so that it reaches the data through the stores and never through SQL. */
#pragma once

#include <sqlite3.h>

#include "seances-database.h"

G_BEGIN_DECLS

/* A prepared statement from the database's cache; g_autoptr resets it. */
typedef sqlite3_stmt SeancesStatement;
void seances_statement_reset         (SeancesStatement *stmt);
void seances_statement_bind_optional (SeancesStatement *stmt,
                                      int               index,
                                      gint64            value);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SeancesStatement, seances_statement_reset)

sqlite3          *seances_database_get_handle       (SeancesDatabase   *self);
SeancesStatement *seances_database_prepare          (SeancesDatabase   *self,
                                                     const char        *sql,
                                                     GError           **error);
gboolean          seances_database_step             (SeancesDatabase   *self,
                                                     SeancesStatement  *stmt,
                                                     gboolean          *has_row,
                                                     GError           **error);
gboolean          seances_database_exec             (SeancesDatabase   *self,
                                                     const char        *sql,
                                                     GError           **error);
gint64            seances_database_last_insert_id   (SeancesDatabase   *self);
void              seances_database_set_error        (GError           **error,
                                                     sqlite3           *handle,
                                                     int                rc,
                                                     const char        *doing);

G_END_DECLS
