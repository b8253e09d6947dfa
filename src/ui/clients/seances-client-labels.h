/* seances-client-labels.h — the words the client views show for stored values
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "seances-context.h"
#include "seances-model-enums.h"

G_BEGIN_DECLS

gboolean    seances_clients_says_client             (SeancesContext *context);
const char *seances_client_channel_label            (SeancesChannel  channel);
char       *seances_client_rhythm_label             (int             weeks);
char       *seances_client_contact_line             (const char     *phone,
                                                     const char     *email);
const char *seances_appointment_status_label        (SeancesAppointmentStatus status);
char       *seances_appointment_format_when         (GTimeZone      *tz,
                                                     gint64          start,
                                                     gint64          now);

G_END_DECLS
