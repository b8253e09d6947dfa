/* seances-smtp.h — one SMTP connection, reused for a batch of messages (libcurl)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  SEANCES_SMTP_TLS,       /* smtps://, the whole connection encrypted */
  SEANCES_SMTP_STARTTLS,  /* smtp://, then STARTTLS, required */
  SEANCES_SMTP_PLAIN,     /* only to a relay on this computer */
} SeancesSmtpSecurity;

typedef struct
{
  const char          *host;
  int                  port;
  SeancesSmtpSecurity  security;
  const char          *username;   /* NULL: no authentication */
  const char          *password;
  const char          *ca_file;    /* a certificate trusted besides the system's, or NULL */
  const char          *from;       /* the envelope sender */
  int                  timeout;    /* seconds to connect, and without progress; 0: 30 */
} SeancesSmtpSettings;

typedef enum
{
  SEANCES_SMTP_SENT,        /* the server's OK came */
  SEANCES_SMTP_RETRY,       /* nothing left, or the server said « later » */
  SEANCES_SMTP_FAILED,      /* the server refused it for good */
  SEANCES_SMTP_UNCERTAIN,   /* the content left and no answer came */
  SEANCES_SMTP_AUTH_FAILED, /* the password was refused: ask for it, do not retry */
} SeancesSmtpOutcome;

/* Called once, just before the content leaves; FALSE stops the transfer (nothing left). */
typedef gboolean (*SeancesSmtpDataStarted) (gpointer data);

typedef struct _SeancesSmtp SeancesSmtp;

gboolean            seances_smtp_settings_check (const SeancesSmtpSettings *settings,
                                                 GError                   **error);
SeancesSmtp        *seances_smtp_new            (const SeancesSmtpSettings *settings);
void                seances_smtp_free           (SeancesSmtp               *smtp);
SeancesSmtpOutcome  seances_smtp_send           (SeancesSmtp               *smtp,
                                                 const char                *recipient,
                                                 GBytes                    *mime,
                                                 SeancesSmtpDataStarted     started,
                                                 gpointer                   data,
                                                 char                     **reason);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SeancesSmtp, seances_smtp_free)

G_END_DECLS
