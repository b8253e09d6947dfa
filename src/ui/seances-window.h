/* seances-window.h — the main window: first run, unlocking, then the practice
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "seances-context.h"
#include "seances-main-view.h"
#include "seances-vault.h"

G_BEGIN_DECLS

#define SEANCES_TYPE_WINDOW (seances_window_get_type ())
G_DECLARE_FINAL_TYPE (SeancesWindow, seances_window, SEANCES, WINDOW, AdwApplicationWindow)

SeancesWindow   *seances_window_new           (AdwApplication *application,
                                               SeancesVault   *vault,
                                               gboolean        opening);
void             seances_window_vault_opened  (SeancesWindow  *self,
                                               GAsyncResult   *result);
SeancesContext  *seances_window_get_context   (SeancesWindow  *self);
void             seances_window_quit          (SeancesWindow  *self);
SeancesMainView *seances_window_get_main_view (SeancesWindow  *self);

G_END_DECLS
