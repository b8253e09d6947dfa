/* seances-autostart.h — starting Séances in the background when the session opens
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char     *seances_autostart_get_path    (void);
gboolean  seances_autostart_is_enabled  (void);
gboolean  seances_autostart_set_enabled (gboolean   enabled,
                                         GError   **error);

G_END_DECLS
