/* ui-sees-no-sql.c — compiled with the UI's dependencies, it builds only if the UI cannot
 * reach SQL: neither the core's private headers nor SQLCipher's sqlite3.h are in its view.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#if __has_include("seances-database-private.h") || __has_include("seances-migrations.h") || \
    __has_include("seances-model-private.h")
#error "The UI sees the core's statement API: SQL stays in src/core/storage and src/core/model"
#endif

/* The system may have SQLite's own sqlite3.h; only SQLCipher's declares sqlite3_key
 * (under SQLITE_HAS_CODEC, which the project defines): then this typedef conflicts. */
#if __has_include(<sqlite3.h>)
#include <sqlite3.h>
#endif
typedef int sqlite3_key;
