/* seances-main-view.h — the practice once open: today, agenda and people, under one header
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "agenda/seances-agenda-view.h"
#include "clients/seances-clients-view.h"
#include "review/seances-review-view.h"
#include "seances-backup-scheduler.h"
#include "seances-context.h"

G_BEGIN_DECLS

#define SEANCES_TYPE_MAIN_VIEW (seances_main_view_get_type ())
G_DECLARE_FINAL_TYPE (SeancesMainView, seances_main_view, SEANCES, MAIN_VIEW, AdwBin)

SeancesMainView    *seances_main_view_new         (SeancesContext         *context,
                                                   SeancesBackupScheduler *scheduler);
SeancesAgendaView  *seances_main_view_get_agenda  (SeancesMainView *self);
SeancesClientsView *seances_main_view_get_clients (SeancesMainView *self);
void                seances_main_view_show        (SeancesMainView *self,
                                                   const char      *page);

G_END_DECLS
