/* seances-client.h — a person seen by the practice: how to reach them, nothing clinical
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "seances-model-enums.h"
#include "seances-model-enum-types.h"

G_BEGIN_DECLS

#define SEANCES_CLIENT_ERROR (seances_client_error_quark ())

typedef enum
{
  SEANCES_CLIENT_ERROR_INVALID,
} SeancesClientError;

#define SEANCES_TYPE_CLIENT (seances_client_get_type ())
G_DECLARE_FINAL_TYPE (SeancesClient, seances_client, SEANCES, CLIENT, GObject)

GQuark         seances_client_error_quark      (void);
SeancesClient *seances_client_new              (void);
SeancesClient *seances_client_copy             (SeancesClient  *self);
gboolean       seances_client_validate         (SeancesClient  *self,
                                                GError        **error);

gint64         seances_client_get_id           (SeancesClient  *self);
const char    *seances_client_get_first_name   (SeancesClient  *self);
void           seances_client_set_first_name   (SeancesClient  *self,
                                                const char     *first_name);
const char    *seances_client_get_last_name    (SeancesClient  *self);
void           seances_client_set_last_name    (SeancesClient  *self,
                                                const char     *last_name);
const char    *seances_client_get_email        (SeancesClient  *self);
void           seances_client_set_email        (SeancesClient  *self,
                                                const char     *email);
const char    *seances_client_get_phone        (SeancesClient  *self);
void           seances_client_set_phone        (SeancesClient  *self,
                                                const char     *phone);
SeancesChannel seances_client_get_channel      (SeancesClient  *self);
void           seances_client_set_channel      (SeancesClient  *self,
                                                SeancesChannel  channel);
const char    *seances_client_get_status       (SeancesClient  *self);
void           seances_client_set_status       (SeancesClient  *self,
                                                const char     *status);
gboolean       seances_client_is_active        (SeancesClient  *self);
int            seances_client_get_rhythm_weeks (SeancesClient  *self);
void           seances_client_set_rhythm_weeks (SeancesClient  *self,
                                                int             rhythm_weeks);
const char    *seances_client_get_note         (SeancesClient  *self);
void           seances_client_set_note         (SeancesClient  *self,
                                                const char     *note);

const char    *seances_client_get_display_name (SeancesClient  *self);
const char    *seances_client_get_sort_name    (SeancesClient  *self);
const char    *seances_client_get_sort_key     (SeancesClient  *self);
const char    *seances_client_get_search_key   (SeancesClient  *self);

void           seances_client_take_keys        (SeancesClient *self,
                                                char          *sort_key,
                                                char          *search_key);

G_END_DECLS
