/* seances-sender.h — one round of sending: what is due leaves, each message once
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "seances-outbox.h"
#include "seances-smtp.h"

G_BEGIN_DECLS

typedef struct
{
  guint    sent;
  guint    retry;
  guint    failed;
  guint    uncertain;
  guint    expired;
  guint    recovered;
  gboolean auth_failed;  /* sending was paused: the password must be entered again */
} SeancesSendReport;

gboolean seances_sender_send_due (SeancesOutbox             *outbox,
                                  const SeancesSmtpSettings *settings,
                                  guint                      limit,
                                  GCancellable              *cancellable,
                                  SeancesSendReport         *report,
                                  GError                   **error);

G_END_DECLS
