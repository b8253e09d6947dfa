/* seances-session-block.h — one session on the week's grid
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "seances-context.h"

G_BEGIN_DECLS

#define SEANCES_TYPE_SESSION_BLOCK (seances_session_block_get_type ())
G_DECLARE_FINAL_TYPE (SeancesSessionBlock, seances_session_block, SEANCES, SESSION_BLOCK, GtkButton)

GtkWidget          *seances_session_block_new             (SeancesContext      *context);
SeancesAppointment *seances_session_block_get_appointment (SeancesSessionBlock *self);
void                seances_session_block_set_appointment (SeancesSessionBlock *self,
                                                           SeancesAppointment  *appointment);
const char         *seances_session_block_get_description (SeancesSessionBlock *self);

G_END_DECLS
