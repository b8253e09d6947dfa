/* seances-sender.c — one round of sending: what is due leaves, each message once
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs on a connection of its own (a thread of the window, or `--send-pending`): first
 * it settles what a sender that died left claimed and expires the reminders whose
 * session began, then claims one due message at a time, sends it on the batch's one SMTP
 * connection and records the outcome at once. « Sent » is written right after the
 * server's OK; nothing after that can send it again. */
#include "config.h"

#include "seances-sender.h"

#include <glib/gi18n-lib.h>

typedef struct
{
  SeancesOutbox *outbox;
  gint64         id;
} Started;

/* Just before the content leaves: recorded, or the content does not leave. */
static gboolean
data_started_cb (gpointer data)
{
  Started *started = data;
  g_autoptr(GError) error = NULL;

  if (seances_outbox_mark_data_started (started->outbox, started->id, &error))
    return TRUE;
  g_debug ("Message %" G_GINT64_FORMAT " not sent: %s", started->id, error->message);
  return FALSE;
}

static gboolean
record (SeancesOutbox       *outbox,
        gint64               id,
        SeancesSmtpOutcome   outcome,
        const char          *reason,
        SeancesSendReport   *report,
        GError             **error)
{
  SeancesMessageState state = SEANCES_MESSAGE_RETRY;

  switch (outcome)
    {
    case SEANCES_SMTP_SENT:
      report->sent++;
      return seances_outbox_mark_sent (outbox, id, error);
    case SEANCES_SMTP_FAILED:
      report->failed++;
      return seances_outbox_mark_failed (outbox, id, reason, error);
    case SEANCES_SMTP_UNCERTAIN:
      report->uncertain++;
      return seances_outbox_mark_uncertain (outbox, id, reason, error);
    case SEANCES_SMTP_AUTH_FAILED:
      report->auth_failed = TRUE;
      if (!seances_outbox_set_paused (outbox, TRUE, error))
        return FALSE;
      G_GNUC_FALLTHROUGH;
    case SEANCES_SMTP_RETRY:
    default:
      if (!seances_outbox_mark_retry (outbox, id, reason, error) ||
          !seances_outbox_get_state (outbox, id, &state, error))
        return FALSE;
      if (state == SEANCES_MESSAGE_FAILED)
        report->failed++;
      else if (state == SEANCES_MESSAGE_EXPIRED)
        report->expired++;
      else
        report->retry++;
      return TRUE;
    }
}

/* Sends up to @limit due messages (0: all). FALSE only when the outbox itself could not
 * be read or written; what the servers answered is in @report and in each message. */
gboolean
seances_sender_send_due (SeancesOutbox              *outbox,
                         const SeancesSmtpSettings  *settings,
                         guint                       limit,
                         GCancellable               *cancellable,
                         SeancesSendReport          *report,
                         GError                    **error)
{
  g_autoptr(SeancesSmtp) smtp = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (SEANCES_IS_OUTBOX (outbox), FALSE);
  g_return_val_if_fail (settings != NULL && report != NULL, FALSE);

  *report = (SeancesSendReport) { 0 };
  report->recovered = seances_outbox_recover (outbox, &local_error);
  if (local_error == NULL)
    report->expired = seances_outbox_expire (outbox, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (!seances_smtp_settings_check (settings, error))
    return FALSE;

  smtp = seances_smtp_new (settings);
  for (guint n = 0; limit == 0 || n < limit; n++)
    {
      g_autoptr(SeancesClaimedMessage) message = NULL;
      g_autofree char *reason = NULL;
      SeancesSmtpOutcome outcome;

      if (g_cancellable_is_cancelled (cancellable))
        break;
      message = seances_outbox_claim (outbox, &local_error);
      if (message == NULL)
        break;

      if (message->channel != SEANCES_MESSAGE_EMAIL || message->mime == NULL)
        {
          outcome = SEANCES_SMTP_FAILED;
          reason = g_strdup (message->channel == SEANCES_MESSAGE_SMS
                             ? _("No way of sending SMS is set up: choose one in Preferences › Sending.")
                             : _("This message has no content to send: write it again."));
        }
      else
        {
          Started started = { outbox, message->id };

          outcome = seances_smtp_send (smtp, message->recipient, message->mime, data_started_cb,
                                       &started, &reason);
        }
      if (!record (outbox, message->id, outcome, reason, report, error))
        return FALSE;
      if (report->auth_failed)
        break;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  g_debug ("Sending round: %u sent, %u to retry, %u failed, %u uncertain, %u expired",
           report->sent, report->retry, report->failed, report->uncertain, report->expired);
  return TRUE;
}
