/* seances-restore-flow.h — putting a backup in place of the practice's data, asked step by step
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "seances-key.h"

G_BEGIN_DECLS

#define SEANCES_TYPE_RESTORE_FLOW (seances_restore_flow_get_type ())
G_DECLARE_FINAL_TYPE (SeancesRestoreFlow, seances_restore_flow, SEANCES, RESTORE_FLOW, GObject)

SeancesRestoreFlow *seances_restore_flow_new            (GtkWindow          *parent,
                                                         const char         *database_path,
                                                         const SeancesKey   *current_key);
void                seances_restore_flow_start          (SeancesRestoreFlow *self);
void                seances_restore_flow_release_done   (SeancesRestoreFlow *self);

G_END_DECLS
