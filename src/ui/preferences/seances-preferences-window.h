/* seances-preferences-window.h — the practice's settings
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "seances-backup-scheduler.h"
#include "seances-context.h"

G_BEGIN_DECLS

#define SEANCES_TYPE_PREFERENCES_WINDOW (seances_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (SeancesPreferencesWindow, seances_preferences_window, SEANCES, PREFERENCES_WINDOW, AdwPreferencesWindow)

SeancesPreferencesWindow *seances_preferences_window_new       (SeancesContext           *context,
                                                          SeancesBackupScheduler   *scheduler);
void                      seances_preferences_window_show_data (SeancesPreferencesWindow *self);

G_END_DECLS
