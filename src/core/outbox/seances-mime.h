/* seances-mime.h — an e-mail as it is stored and sent: MIME text, and its invitation
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A session, as its invitation (.ics) describes it. */
typedef struct
{
  const char *uid;           /* stable for the session: updates replace the invitation */
  const char *time_zone;     /* the practice's, IANA */
  gint64      start;         /* UTC seconds */
  gint64      end;
  const char *summary;       /* discreet: « Rendez-vous — Cabinet Les Tilleuls » */
  const char *location;      /* the address, or the video link; may be NULL */
  const char *organizer;     /* the practice's address; may be NULL */
  int         sequence;      /* 0, then one more at each change */
} SeancesInvitation;

typedef struct
{
  const char              *from_name;
  const char              *from_address;
  const char              *to_name;       /* may be NULL */
  const char              *to_address;
  const char              *subject;
  const char              *body;          /* plain text, UTF-8 */
  const char              *message_id;    /* without < > */
  gint64                   date;          /* UTC seconds */
  const SeancesInvitation *invitation;    /* NULL: none */
} SeancesMailDraft;

char   *seances_mime_new_message_id (const char              *address);
char   *seances_mime_invitation     (const SeancesInvitation *invitation,
                                     gint64                   stamp,
                                     GError                 **error);
GBytes *seances_mime_build          (const SeancesMailDraft  *draft,
                                     GError                 **error);

G_END_DECLS
