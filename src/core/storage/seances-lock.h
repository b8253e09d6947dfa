/* seances-lock.h — one process at a time creates, migrates or replaces the data
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SeancesLock SeancesLock;

SeancesLock *seances_lock_acquire (const char   *database_path,
                                   guint         timeout_ms,
                                   GError      **error);
void         seances_lock_release (SeancesLock  *lock);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SeancesLock, seances_lock_release)

G_END_DECLS
