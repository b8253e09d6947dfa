/* seances-notifications-page.h — preferences « Notifications »: reminders and the background
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SEANCES_TYPE_NOTIFICATIONS_PAGE (seances_notifications_page_get_type ())
G_DECLARE_FINAL_TYPE (SeancesNotificationsPage, seances_notifications_page, SEANCES, NOTIFICATIONS_PAGE,
                      AdwPreferencesPage)

SeancesNotificationsPage *seances_notifications_page_new (void);

G_END_DECLS
