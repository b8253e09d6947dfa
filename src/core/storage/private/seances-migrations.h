/* seances-migrations.h — ordered schema steps keyed by PRAGMA user_version
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

int      seances_migrations_count (void);
gboolean seances_migrations_apply (sqlite3  *handle,
                                   int       target,
                                   GError  **error);

G_END_DECLS
