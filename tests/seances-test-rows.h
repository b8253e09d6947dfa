/* seances-test-rows.h — rows of the database as text, to compare them before and after
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "seances-database-private.h"

/* Every column of the row @sql selects for @id, named, NULL told apart from any value;
 * "(none)" when there is no row. */
static inline char *
seances_test_row (SeancesDatabase *database,
                  const char      *sql,
                  gint64           id)
{
  g_autoptr(SeancesStatement) stmt = seances_database_prepare (database, sql, NULL);
  GString *text = g_string_new (NULL);
  gboolean has_row = FALSE;

  g_assert_nonnull (stmt);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_true (seances_database_step (database, stmt, &has_row, NULL));
  if (!has_row)
    g_string_append (text, "(none)");
  for (int i = 0; has_row && i < sqlite3_column_count (stmt); i++)
    {
      if (i > 0)
        g_string_append (text, ", ");
      if (sqlite3_column_type (stmt, i) == SQLITE_NULL)
        g_string_append_printf (text, "%s=NULL", sqlite3_column_name (stmt, i));
      else
        g_string_append_printf (text, "%s='%s'", sqlite3_column_name (stmt, i),
                                (const char *) sqlite3_column_text (stmt, i));
    }
  return g_string_free (text, FALSE);
}
