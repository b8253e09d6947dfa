/* seances-bench.h — measuring probes for build-aux/bench, off unless asked for
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "agenda/seances-agenda-view.h"
#include "clients/seances-clients-view.h"
#include "seances-context.h"

G_BEGIN_DECLS

/* Both do nothing (one getenv) unless SEANCES_BENCH_FIRST_FRAME=1 or SEANCES_BENCH_SCRIPT=1. */
void seances_bench_attach     (GtkWindow          *window);
void seances_bench_main_shown (GtkWindow          *window,
                               SeancesAgendaView  *agenda,
                               SeancesClientsView *clients,
                               SeancesContext     *context);

G_END_DECLS
