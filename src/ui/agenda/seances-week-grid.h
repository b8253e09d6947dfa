/* seances-week-grid.h — the hours of one or more days, with sessions laid on them
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SEANCES_TYPE_WEEK_GRID (seances_week_grid_get_type ())
G_DECLARE_FINAL_TYPE (SeancesWeekGrid, seances_week_grid, SEANCES, WEEK_GRID, GtkWidget)

GtkWidget *seances_week_grid_new          (void);
void       seances_week_grid_set_days     (SeancesWeekGrid *self,
                                           GDateTime       *first_day,
                                           int              n_days,
                                           int              today_index,
                                           double           now_hour);
void       seances_week_grid_set_hours    (SeancesWeekGrid *self,
                                           int              opening_hour,
                                           int              closing_hour);
void       seances_week_grid_clear_blocks (SeancesWeekGrid *self);
void       seances_week_grid_add_block    (SeancesWeekGrid *self,
                                           GtkWidget       *block,
                                           int              day,
                                           double           start_hour,
                                           double           end_hour);
int        seances_week_grid_get_hour_top (SeancesWeekGrid *self,
                                           double           hour);

G_END_DECLS
