/* seances-notifier.h — desktop notifications: the next session, the day's review, the next date
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "seances-context.h"

G_BEGIN_DECLS

#define SEANCES_TYPE_NOTIFIER (seances_notifier_get_type ())
G_DECLARE_FINAL_TYPE (SeancesNotifier, seances_notifier, SEANCES, NOTIFIER, GObject)

SeancesNotifier *seances_notifier_new   (SeancesContext  *context,
                                         GSettings       *settings,
                                         GtkWindow       *window);
void             seances_notifier_start (SeancesNotifier *self);
void             seances_notifier_stop  (SeancesNotifier *self);

G_END_DECLS
