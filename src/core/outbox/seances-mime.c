/* seances-mime.c — an e-mail as it is stored and sent: MIME text, and its invitation
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GMime writes the message: RFC 2047 for names and subject, UTF-8 quoted-printable for
 * the text, CRLF line ends, as SMTP wants them; libical writes the invitation with the
 * practice's VTIMEZONE, so that a calendar in another zone shows the right hour. Names
 * and subject lose their line breaks before GMime sees them: no value adds a header. The
 * result is stored whole in the outbox before anything is sent. */
#include "config.h"

#include "seances-mime.h"

#include <glib/gi18n-lib.h>
#include <gmime/gmime.h>
#include <libical/ical.h>

#include "seances-format.h"
#include "seances-template.h"

#define PRODID "-//Séances//Séances//FR"

/* GMime 3.2 declares no cleanup functions of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeMessage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeTextPart, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeMultipart, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeStream, g_object_unref)

static void
ensure_gmime (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      g_mime_init ();
      g_once_init_leave (&done, 1);
    }
}

/* « 4f0c…@cabinet-tilleuls.fr », without the angle brackets: fixed when a message is
 * queued, so that a message sent again is known as the same one. */
char *
seances_mime_new_message_id (const char *address)
{
  const char *at = address != NULL ? strrchr (address, '@') : NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  const char *domain = at != NULL && at[1] != '\0' && strpbrk (at + 1, "<>\r\n \t") == NULL
                       ? at + 1 : "seances.invalid";

  return g_strdup_printf ("%s@%s", uuid, domain);
}

static struct icaltimetype
local_time (gint64        utc,
            icaltimezone *zone)
{
  struct icaltimetype t = icaltime_from_timet_with_zone ((time_t) utc, FALSE,
                                                         icaltimezone_get_utc_timezone ());

  return icaltime_convert_to_zone (t, zone);
}

/* The session as a VCALENDAR with its VTIMEZONE (METHOD:REQUEST), CRLF line ends. */
char *
seances_mime_invitation (const SeancesInvitation  *invitation,
                         gint64                    stamp,
                         GError                  **error)
{
  icaltimezone *zone;
  icalcomponent *calendar, *event;
  icalproperty *property;
  g_autofree char *summary = NULL;
  char *text;
  char *result;

  g_return_val_if_fail (invitation != NULL && invitation->uid != NULL, NULL);

  zone = icaltimezone_get_builtin_timezone (invitation->time_zone);
  if (zone == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The practice’s time zone is unknown to the calendar library: "
                             "choose it again in Preferences."));
      return NULL;
    }

  calendar = icalcomponent_vanew (ICAL_VCALENDAR_COMPONENT,
                                  icalproperty_new_version ("2.0"),
                                  icalproperty_new_prodid (PRODID),
                                  icalproperty_new_method (ICAL_METHOD_REQUEST),
                                  (void *) 0);
  icalcomponent_add_component (calendar, icalcomponent_new_clone (icaltimezone_get_component (zone)));

  event = icalcomponent_new (ICAL_VEVENT_COMPONENT);
  icalcomponent_add_property (event, icalproperty_new_uid (invitation->uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (
    icaltime_from_timet_with_zone ((time_t) stamp, FALSE, icaltimezone_get_utc_timezone ())));
  property = icalproperty_new_dtstart (local_time (invitation->start, zone));
  icalproperty_add_parameter (property, icalparameter_new_tzid (icaltimezone_get_tzid (zone)));
  icalcomponent_add_property (event, property);
  property = icalproperty_new_dtend (local_time (invitation->end, zone));
  icalproperty_add_parameter (property, icalparameter_new_tzid (icaltimezone_get_tzid (zone)));
  icalcomponent_add_property (event, property);
  icalcomponent_add_property (event, icalproperty_new_sequence (invitation->sequence));
  summary = seances_template_header_safe (invitation->summary != NULL ? invitation->summary : "");
  icalcomponent_add_property (event, icalproperty_new_summary (summary));
  if (invitation->location != NULL && *invitation->location != '\0')
    {
      g_autofree char *location = seances_template_header_safe (invitation->location);

      icalcomponent_add_property (event, icalproperty_new_location (location));
    }
  if (invitation->organizer != NULL && seances_email_is_valid (invitation->organizer))
    {
      g_autofree char *mailto = g_strconcat ("mailto:", invitation->organizer, NULL);

      icalcomponent_add_property (event, icalproperty_new_organizer (mailto));
    }
  icalcomponent_add_property (event, icalproperty_new_status (ICAL_STATUS_CONFIRMED));
  icalcomponent_add_component (calendar, event);

  text = icalcomponent_as_ical_string_r (calendar);
  result = g_strdup (text);
  free (text);
  icalcomponent_free (calendar);
  return result;
}

/* UTF-8 text as it is: g_mime_text_part_set_text() would convert it to the smallest
 * charset that fits (Latin-1 for French) and label it so. */
static void
set_utf8_text (GMimeTextPart *part,
               const char    *text)
{
  GMimeStream *stream = g_mime_stream_mem_new_with_buffer (text, strlen (text));
  GMimeDataWrapper *content = g_mime_data_wrapper_new_with_stream (stream, GMIME_CONTENT_ENCODING_DEFAULT);

  g_mime_part_set_content (GMIME_PART (part), content);
  g_mime_object_set_content_type_parameter (GMIME_OBJECT (part), "charset", "utf-8");
  g_object_unref (content);
  g_object_unref (stream);
}

static gboolean
add_mailbox (GMimeMessage     *message,
             GMimeAddressType  type,
             const char       *name,
             const char       *address)
{
  g_autofree char *safe_name = seances_template_header_safe (name != NULL ? name : "");

  if (address == NULL || !seances_email_is_valid (address) || strpbrk (address, "\r\n<>\"") != NULL)
    return FALSE;
  {
    InternetAddress *mailbox = internet_address_mailbox_new (safe_name, address);
    InternetAddressList *list = g_mime_message_get_addresses (message, type);

    /* UTF-8, as everything else: GMime would pick the smallest charset that fits. */
    internet_address_set_charset (mailbox, "utf-8");
    internet_address_list_add (list, mailbox);
    g_object_unref (mailbox);
  }
  return TRUE;
}

/* The whole message, CRLF line ends, as it will go on the wire. */
GBytes *
seances_mime_build (const SeancesMailDraft  *draft,
                    GError                 **error)
{
  g_autoptr(GMimeMessage) message = NULL;
  g_autoptr(GMimeTextPart) text = NULL;
  g_autoptr(GMimeStream) stream = NULL;
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *subject = NULL;
  GMimeFormatOptions *options;
  GByteArray *bytes;

  g_return_val_if_fail (draft != NULL && draft->body != NULL && draft->message_id != NULL, NULL);

  ensure_gmime ();
  message = g_mime_message_new (TRUE);
  if (!add_mailbox (message, GMIME_ADDRESS_TYPE_FROM, draft->from_name, draft->from_address))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The sender’s address is not valid: check it in Preferences › Sending."));
      return NULL;
    }
  if (!add_mailbox (message, GMIME_ADDRESS_TYPE_TO, draft->to_name, draft->to_address))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The client’s e-mail address is not valid: check it on their file."));
      return NULL;
    }
  subject = seances_template_header_safe (draft->subject != NULL ? draft->subject : "");
  g_mime_message_set_subject (message, subject, "utf-8");
  date = g_date_time_new_from_unix_utc (draft->date);
  g_mime_message_set_date (message, date);
  g_mime_message_set_message_id (message, draft->message_id);

  text = g_mime_text_part_new_with_subtype ("plain");
  set_utf8_text (text, draft->body);
  g_mime_part_set_content_encoding (GMIME_PART (text), GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);

  if (draft->invitation == NULL)
    g_mime_message_set_mime_part (message, GMIME_OBJECT (text));
  else
    {
      g_autoptr(GMimeMultipart) mixed = g_mime_multipart_new_with_subtype ("mixed");
      g_autoptr(GMimeTextPart) calendar = g_mime_text_part_new_with_subtype ("calendar");
      g_autofree char *ics = seances_mime_invitation (draft->invitation, draft->date, error);

      if (ics == NULL)
        return NULL;
      set_utf8_text (calendar, ics);
      g_mime_object_set_content_type_parameter (GMIME_OBJECT (calendar), "method", "REQUEST");
      g_mime_part_set_filename (GMIME_PART (calendar), "rendez-vous.ics");
      g_mime_part_set_content_encoding (GMIME_PART (calendar), GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
      g_mime_multipart_add (mixed, GMIME_OBJECT (text));
      g_mime_multipart_add (mixed, GMIME_OBJECT (calendar));
      g_mime_message_set_mime_part (message, GMIME_OBJECT (mixed));
    }

  bytes = g_byte_array_new ();
  stream = g_mime_stream_mem_new_with_byte_array (bytes);
  g_mime_stream_mem_set_owner (GMIME_STREAM_MEM (stream), FALSE);
  options = g_mime_format_options_clone (g_mime_format_options_get_default ());
  g_mime_format_options_set_newline_format (options, GMIME_NEWLINE_FORMAT_DOS);
  g_mime_object_write_to_stream (GMIME_OBJECT (message), options, stream);
  g_mime_format_options_free (options);
  return g_byte_array_free_to_bytes (bytes);
}
