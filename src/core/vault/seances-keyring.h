/* seances-keyring.h — the database key in the desktop keyring (Secret Service)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "seances-key.h"

G_BEGIN_DECLS

#define SEANCES_KEYRING_ERROR (seances_keyring_error_quark ())

typedef enum
{
  SEANCES_KEYRING_ERROR_UNAVAILABLE,
  SEANCES_KEYRING_ERROR_TIMED_OUT,
  SEANCES_KEYRING_ERROR_LOCKED,
} SeancesKeyringError;

GQuark      seances_keyring_error_quark  (void);

void        seances_keyring_lookup_async  (const char           *database_path,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
GPtrArray  *seances_keyring_lookup_finish (GAsyncResult         *result,
                                           GError              **error);
void        seances_keyring_store_async   (const char           *database_path,
                                           const SeancesKey     *key,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean    seances_keyring_store_finish  (GAsyncResult         *result,
                                           GError              **error);

/* A lookup gives every key kept for the file (a GPtrArray of SeancesKey, newest first;
 * empty when there is none). Blocking forms, for worker threads and tests. */
GPtrArray  *seances_keyring_lookup        (const char           *database_path,
                                           GCancellable         *cancellable,
                                           GError              **error);
gboolean    seances_keyring_store         (const char           *database_path,
                                           const SeancesKey     *key,
                                           GCancellable         *cancellable,
                                           GError              **error);
gboolean    seances_keyring_forget        (const char           *database_path,
                                           const SeancesKey     *key,
                                           GCancellable         *cancellable,
                                           GError              **error);
gboolean    seances_keyring_clear         (const char           *database_path,
                                           GCancellable         *cancellable,
                                           GError              **error);

G_END_DECLS
