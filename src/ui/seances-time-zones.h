/* seances-time-zones.h — the time zones a French practice may work in, for a combo row
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void        seances_time_zones_setup_combo  (AdwComboRow *row,
                                             const char  *selected);
const char *seances_time_zones_get_selected (AdwComboRow *row);

G_END_DECLS
