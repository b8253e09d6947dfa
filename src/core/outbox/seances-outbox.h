/* seances-outbox.h — the messages waiting to go, and what became of them
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "seances-clock.h"
#include "seances-database.h"

G_BEGIN_DECLS

#define SEANCES_OUTBOX_ERROR (seances_outbox_error_quark ())

typedef enum
{
  SEANCES_OUTBOX_ERROR_INVALID,
  SEANCES_OUTBOX_ERROR_NOT_FOUND,
  SEANCES_OUTBOX_ERROR_STATE,      /* not allowed in the message's state */
} SeancesOutboxError;

/* The states of a message (see HACKING.md « Outbox »). */
typedef enum
{
  SEANCES_MESSAGE_APPROVAL,   /* « à valider »: waits for the practitioner */
  SEANCES_MESSAGE_QUEUED,     /* « en attente »: goes when due */
  SEANCES_MESSAGE_HELD,       /* put aside by the practitioner */
  SEANCES_MESSAGE_SENDING,    /* claimed by one sender */
  SEANCES_MESSAGE_RETRY,      /* « nouvel essai à HH:MM » */
  SEANCES_MESSAGE_SENT,
  SEANCES_MESSAGE_UNCERTAIN,  /* the content left, no answer came: the practitioner decides */
  SEANCES_MESSAGE_FAILED,
  SEANCES_MESSAGE_EXPIRED,    /* a reminder whose session has begun */
  SEANCES_MESSAGE_CANCELLED,
} SeancesMessageState;

typedef enum
{
  SEANCES_MESSAGE_EMAIL,
  SEANCES_MESSAGE_SMS,
} SeancesMessageChannel;

/* Retries after 1 min, 5 min, 30 min, 2 h, then every 6 h; failed after 3 days. */
#define SEANCES_OUTBOX_GIVE_UP_SECONDS (3 * 24 * 3600)

/* A sender that has held a message this long without an answer has died. */
#define SEANCES_OUTBOX_STALE_CLAIM_SECONDS (10 * 60)

typedef struct
{
  const char            *kind;            /* « reminder_email », « follow_up_second »… */
  SeancesMessageChannel  channel;
  gint64                 client_id;       /* 0: none */
  gint64                 appointment_id;  /* 0: none; else one message per session and kind */
  const char            *recipient;       /* an e-mail address or an E.164 number */
  const char            *subject;
  const char            *body;
  GBytes                *mime;            /* the whole e-mail as sent, or NULL */
  const char            *message_id;      /* fixed when queued, or NULL */
  gint64                 due_at;
  gint64                 expires_at;      /* 0: never (a reminder: its session's start) */
  gboolean               needs_approval;
} SeancesMessageDraft;

/* A message as a sender holds it once claimed. */
typedef struct
{
  gint64                 id;
  char                  *kind;
  SeancesMessageChannel  channel;
  char                  *recipient;
  char                  *subject;
  char                  *body;
  GBytes                *mime;
  char                  *message_id;
  int                    attempts;        /* this one included */
} SeancesClaimedMessage;

void        seances_claimed_message_free (SeancesClaimedMessage *message);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SeancesClaimedMessage, seances_claimed_message_free)

#define SEANCES_TYPE_OUTBOX (seances_outbox_get_type ())
G_DECLARE_FINAL_TYPE (SeancesOutbox, seances_outbox, SEANCES, OUTBOX, GObject)

GQuark                 seances_outbox_error_quark            (void);
const char            *seances_message_state_to_string       (SeancesMessageState    state);
gboolean               seances_message_state_from_string     (const char            *text,
                                                              SeancesMessageState   *state);
gint64                 seances_outbox_retry_delay            (int                    attempts);

SeancesOutbox         *seances_outbox_new                    (SeancesDatabase       *database,
                                                              SeancesClock          *clock,
                                                              const char            *sender);
gint64                 seances_outbox_queue                  (SeancesOutbox         *self,
                                                              const SeancesMessageDraft *draft,
                                                              GError               **error);
guint                  seances_outbox_cancel_for_appointment (SeancesOutbox         *self,
                                                              gint64                 appointment_id,
                                                              GError               **error);
gboolean               seances_outbox_get_state              (SeancesOutbox         *self,
                                                              gint64                 id,
                                                              SeancesMessageState   *state,
                                                              GError               **error);
gboolean               seances_outbox_approve                (SeancesOutbox         *self,
                                                              gint64                 id,
                                                              GError               **error);
gboolean               seances_outbox_hold                   (SeancesOutbox         *self,
                                                              gint64                 id,
                                                              GError               **error);
gboolean               seances_outbox_release                (SeancesOutbox         *self,
                                                              gint64                 id,
                                                              GError               **error);
gboolean               seances_outbox_cancel                 (SeancesOutbox         *self,
                                                              gint64                 id,
                                                              GError               **error);
gboolean               seances_outbox_send_now               (SeancesOutbox         *self,
                                                              gint64                 id,
                                                              GError               **error);
gboolean               seances_outbox_resolve_uncertain      (SeancesOutbox         *self,
                                                              gint64                 id,
                                                              gboolean               arrived,
                                                              GError               **error);
gboolean               seances_outbox_set_paused             (SeancesOutbox         *self,
                                                              gboolean               paused,
                                                              GError               **error);
gboolean               seances_outbox_get_paused             (SeancesOutbox         *self);

/* For a sender */
guint                  seances_outbox_recover                (SeancesOutbox         *self,
                                                              GError               **error);
guint                  seances_outbox_expire                 (SeancesOutbox         *self,
                                                              GError               **error);
SeancesClaimedMessage *seances_outbox_claim                  (SeancesOutbox         *self,
                                                              GError               **error);
gboolean               seances_outbox_mark_data_started      (SeancesOutbox         *self,
                                                              gint64                 id,
                                                              GError               **error);
gboolean               seances_outbox_mark_sent              (SeancesOutbox         *self,
                                                              gint64                 id,
                                                              GError               **error);
gboolean               seances_outbox_mark_retry             (SeancesOutbox         *self,
                                                              gint64                 id,
                                                              const char            *reason,
                                                              GError               **error);
gboolean               seances_outbox_mark_failed            (SeancesOutbox         *self,
                                                              gint64                 id,
                                                              const char            *reason,
                                                              GError               **error);
gboolean               seances_outbox_mark_uncertain         (SeancesOutbox         *self,
                                                              gint64                 id,
                                                              const char            *reason,
                                                              GError               **error);

G_END_DECLS
