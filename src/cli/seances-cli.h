/* seances-cli.h — command-line actions that never open a window
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "seances-demo.h"

G_BEGIN_DECLS

int seances_cli_check         (void);
int seances_cli_generate_demo (const SeancesDemoOptions *options);
int seances_cli_export_json   (const char               *path);
int seances_cli_backup        (const char               *path);
int seances_cli_restore       (const char               *path);

G_END_DECLS
