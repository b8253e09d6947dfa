/* seances-export.h — the portability export: everything the database holds, as JSON
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "seances-database.h"

G_BEGIN_DECLS

#define SEANCES_EXPORT_FORMAT_VERSION 1

gboolean seances_export_json (SeancesDatabase  *database,
                              const char       *path,
                              GError          **error);

G_END_DECLS
