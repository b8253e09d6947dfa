/* seances-application.h — the application: command line, actions, windows
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SEANCES_TYPE_APPLICATION (seances_application_get_type ())
G_DECLARE_FINAL_TYPE (SeancesApplication, seances_application, SEANCES, APPLICATION, AdwApplication)

SeancesApplication *seances_application_new (void);

G_END_DECLS
