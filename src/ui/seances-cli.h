/* seances-cli.h — command-line actions that never open a window
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int seances_cli_check (void);

G_END_DECLS
