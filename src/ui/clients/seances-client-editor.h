/* seances-client-editor.h — the form that creates a client or edits their record
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "seances-context.h"

G_BEGIN_DECLS

#define SEANCES_TYPE_CLIENT_EDITOR (seances_client_editor_get_type ())
G_DECLARE_FINAL_TYPE (SeancesClientEditor, seances_client_editor, SEANCES, CLIENT_EDITOR, AdwWindow)

SeancesClientEditor *seances_client_editor_new (GtkWindow      *parent,
                                                SeancesContext *context,
                                                SeancesClient  *client);

G_END_DECLS
