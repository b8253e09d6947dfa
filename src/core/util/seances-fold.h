/* seances-fold.h — folded text for search and sort: lower case, no accents, no punctuation
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *seances_fold         (const char *text);
gboolean  seances_fold_matches (const char *folded_haystack,
                                const char *folded_needle);

G_END_DECLS
