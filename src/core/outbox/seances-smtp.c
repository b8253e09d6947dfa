/* seances-smtp.c — one SMTP connection, reused for a batch of messages (libcurl)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * TLS is required and certificates are verified: smtps://, or STARTTLS with
 * CURLUSESSL_ALL; plain SMTP only to a relay on this computer. One recipient per
 * transfer. The outcome is read as the outbox needs it: whether the content had begun to
 * leave (the read callback was called: the server had said 354) decides between a retry
 * and « uncertain » when the connection is lost; the server's last code decides between
 * a retry (4xx) and a failure (5xx). Every reason is one French sentence; the server's
 * own words go to the debug log only. */
#include "config.h"

#include "seances-smtp.h"

#include <curl/curl.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "seances-format.h"

struct _SeancesSmtp
{
  CURL  *curl;
  char  *url;
  char  *from;
  char   error[CURL_ERROR_SIZE];
};

typedef struct
{
  const guint8           *data;
  gsize                   size;
  gsize                   sent;
  gboolean                started;
  gboolean                refused;  /* the outbox could not record the start */
  SeancesSmtpDataStarted  callback;
  gpointer                callback_data;
} Upload;

static gboolean
is_local (const char *host)
{
  return g_strcmp0 (host, "127.0.0.1") == 0 || g_strcmp0 (host, "::1") == 0 ||
         g_strcmp0 (host, "localhost") == 0;
}

/* What can be said before any connection: the address, the port, a plain connection. */
gboolean
seances_smtp_settings_check (const SeancesSmtpSettings  *settings,
                             GError                    **error)
{
  g_return_val_if_fail (settings != NULL, FALSE);

  if (settings->host == NULL || *settings->host == '\0' || strpbrk (settings->host, " /\r\n@") != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Enter the name of the sending server, for example smtp.example.fr."));
      return FALSE;
    }
  if (settings->port < 1 || settings->port > 65535)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The port is a number between 1 and 65535 (often 465 or 587)."));
      return FALSE;
    }
  if (settings->security == SEANCES_SMTP_PLAIN && !is_local (settings->host))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("An unencrypted connection is allowed only to a relay on this computer: "
                             "choose TLS or STARTTLS."));
      return FALSE;
    }
  if (settings->from == NULL || !seances_email_is_valid (settings->from))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The sender’s address is not valid: check it in Preferences › Sending."));
      return FALSE;
    }
  return TRUE;
}

static void
ensure_curl (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      curl_global_init (CURL_GLOBAL_DEFAULT);
      g_once_init_leave (&done, 1);
    }
}

/* The settings must have passed seances_smtp_settings_check(). */
SeancesSmtp *
seances_smtp_new (const SeancesSmtpSettings *settings)
{
  SeancesSmtp *smtp;
  int timeout;

  g_return_val_if_fail (settings != NULL, NULL);

  ensure_curl ();
  smtp = g_new0 (SeancesSmtp, 1);
  smtp->curl = curl_easy_init ();
  smtp->url = g_strdup_printf ("%s://%s:%d", settings->security == SEANCES_SMTP_TLS ? "smtps" : "smtp",
                               settings->host, settings->port);
  smtp->from = g_strdup_printf ("<%s>", settings->from);
  timeout = settings->timeout > 0 ? settings->timeout : 30;

  curl_easy_setopt (smtp->curl, CURLOPT_URL, smtp->url);
  curl_easy_setopt (smtp->curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt (smtp->curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt (smtp->curl, CURLOPT_ERRORBUFFER, smtp->error);
  curl_easy_setopt (smtp->curl, CURLOPT_CONNECTTIMEOUT, (long) timeout);
  /* No progress for that long is a lost connection. */
  curl_easy_setopt (smtp->curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
  curl_easy_setopt (smtp->curl, CURLOPT_LOW_SPEED_TIME, (long) timeout);
  curl_easy_setopt (smtp->curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt (smtp->curl, CURLOPT_SSL_VERIFYHOST, 2L);
  if (settings->security == SEANCES_SMTP_STARTTLS)
    curl_easy_setopt (smtp->curl, CURLOPT_USE_SSL, (long) CURLUSESSL_ALL);
  if (settings->ca_file != NULL)
    curl_easy_setopt (smtp->curl, CURLOPT_CAINFO, settings->ca_file);
  if (settings->username != NULL && *settings->username != '\0')
    {
      curl_easy_setopt (smtp->curl, CURLOPT_USERNAME, settings->username);
      curl_easy_setopt (smtp->curl, CURLOPT_PASSWORD, settings->password != NULL ? settings->password : "");
    }
  curl_easy_setopt (smtp->curl, CURLOPT_MAIL_FROM, smtp->from);
  curl_easy_setopt (smtp->curl, CURLOPT_UPLOAD, 1L);
  return smtp;
}

void
seances_smtp_free (SeancesSmtp *smtp)
{
  if (smtp == NULL)
    return;
  curl_easy_cleanup (smtp->curl);
  g_free (smtp->url);
  g_free (smtp->from);
  g_free (smtp);
}

static size_t
read_cb (char   *buffer,
         size_t  size,
         size_t  items,
         void   *user_data)
{
  Upload *upload = user_data;
  size_t n = MIN (size * items, upload->size - upload->sent);

  if (!upload->started)
    {
      upload->started = TRUE;
      if (upload->callback != NULL && !upload->callback (upload->callback_data))
        {
          upload->refused = TRUE;
          return CURL_READFUNC_ABORT;
        }
    }
  memcpy (buffer, upload->data + upload->sent, n);
  upload->sent += n;
  return n;
}

static SeancesSmtpOutcome
outcome (SeancesSmtp  *smtp,
         CURLcode      rc,
         long          code,
         gboolean      started,
         char        **reason)
{
  g_debug ("SMTP: curl %d, last code %ld, content %s: %s", rc, code, started ? "left" : "not sent",
           smtp->error[0] != '\0' ? smtp->error : curl_easy_strerror (rc));

  if (rc == CURLE_OK)
    return SEANCES_SMTP_SENT;
  if (rc == CURLE_LOGIN_DENIED || code == 535 || code == 534)
    {
      *reason = g_strdup (_("The sending server refused the user name or the password: enter them "
                            "again in Preferences › Sending. Sending is paused until then."));
      return SEANCES_SMTP_AUTH_FAILED;
    }
  if (code >= 500 && code < 600)
    {
      *reason = g_strdup (_("The recipient’s server refused this message: check the client’s "
                            "e-mail address."));
      return SEANCES_SMTP_FAILED;
    }
  if (code >= 400 && code < 500)
    {
      *reason = g_strdup (_("The server asked to try again later: Séances will."));
      return SEANCES_SMTP_RETRY;
    }
  if (started)
    {
      *reason = g_strdup (_("The connection was lost while the message was leaving: it may have "
                            "arrived. Check with the recipient before sending it again."));
      return SEANCES_SMTP_UNCERTAIN;
    }
  /* libcurl's codes are many and not ours: the few that say something else than « cannot
   * be reached » are picked out. */
  if (rc == CURLE_PEER_FAILED_VERIFICATION || rc == CURLE_SSL_CACERT_BADFILE)
    *reason = g_strdup (_("The sending server’s certificate is not one this computer trusts: "
                          "check the server’s name in Preferences › Sending."));
  else if (rc == CURLE_USE_SSL_FAILED)
    *reason = g_strdup (_("The sending server does not offer an encrypted connection: choose TLS, "
                          "or another server."));
  else if (rc == CURLE_COULDNT_RESOLVE_HOST)
    *reason = g_strdup (_("The sending server cannot be found: check the network, or its name."));
  else
    *reason = g_strdup (_("The sending server cannot be reached for now: Séances will try again."));
  return SEANCES_SMTP_RETRY;
}

/* Sends @mime to @recipient on the batch's connection (reused when still open).
 * @started is called once, just before the content leaves. */
SeancesSmtpOutcome
seances_smtp_send (SeancesSmtp             *smtp,
                   const char              *recipient,
                   GBytes                  *mime,
                   SeancesSmtpDataStarted   started,
                   gpointer                 data,
                   char                   **reason)
{
  g_autofree char *rcpt = NULL;
  struct curl_slist *recipients = NULL;
  Upload upload = { 0 };
  SeancesSmtpOutcome result;
  CURLcode rc;
  long code = 0;

  g_return_val_if_fail (smtp != NULL && mime != NULL && reason != NULL, SEANCES_SMTP_FAILED);

  *reason = NULL;
  if (recipient == NULL || !seances_email_is_valid (recipient) || strpbrk (recipient, "<>\r\n") != NULL)
    {
      *reason = g_strdup (_("The client’s e-mail address is not valid: check it on their file."));
      return SEANCES_SMTP_FAILED;
    }

  rcpt = g_strdup_printf ("<%s>", recipient);
  recipients = curl_slist_append (NULL, rcpt);
  upload.data = g_bytes_get_data (mime, &upload.size);
  upload.callback = started;
  upload.callback_data = data;
  smtp->error[0] = '\0';
  curl_easy_setopt (smtp->curl, CURLOPT_MAIL_RCPT, recipients);
  curl_easy_setopt (smtp->curl, CURLOPT_READFUNCTION, read_cb);
  curl_easy_setopt (smtp->curl, CURLOPT_READDATA, &upload);
  curl_easy_setopt (smtp->curl, CURLOPT_INFILESIZE_LARGE, (curl_off_t) upload.size);

  rc = curl_easy_perform (smtp->curl);
  curl_easy_getinfo (smtp->curl, CURLINFO_RESPONSE_CODE, &code);
  curl_easy_setopt (smtp->curl, CURLOPT_MAIL_RCPT, NULL);
  curl_slist_free_all (recipients);

  if (upload.refused)
    {
      *reason = g_strdup (_("Séances could not record that this message was leaving, so it did not "
                            "send it: it will try again."));
      return SEANCES_SMTP_RETRY;
    }
  result = outcome (smtp, rc, code, upload.started, reason);
  return result;
}
