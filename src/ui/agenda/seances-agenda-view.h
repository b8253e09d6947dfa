/* seances-agenda-view.h — the week (or day) of sessions
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "seances-context.h"

G_BEGIN_DECLS

#define SEANCES_TYPE_AGENDA_VIEW (seances_agenda_view_get_type ())
G_DECLARE_FINAL_TYPE (SeancesAgendaView, seances_agenda_view, SEANCES, AGENDA_VIEW, AdwBin)

SeancesAgendaView *seances_agenda_view_new         (SeancesContext    *context);
void               seances_agenda_view_show_date   (SeancesAgendaView *self,
                                                    int                year,
                                                    int                month,
                                                    int                day);
void               seances_agenda_view_move        (SeancesAgendaView *self,
                                                    int                direction);
void               seances_agenda_view_show_today  (SeancesAgendaView *self);
void               seances_agenda_view_new_session (SeancesAgendaView *self,
                                                    SeancesClient     *client);

G_END_DECLS
