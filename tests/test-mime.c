/* test-mime.c — e-mails as they go on the wire, and their invitations
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gmime/gmime.h>
#include <libical/ical.h>
#include <string.h>

#include "seances-mime.h"
#include "seances-test.h"

#define START G_GINT64_CONSTANT (1795525200)  /* 24 November 2026, 14:00 in Paris */

static const SeancesInvitation invitation = {
  .uid = "seance-42@cabinet-tilleuls.fr",
  .time_zone = "Europe/Paris",
  .start = START,
  .end = START + 50 * 60,
  .summary = "Rendez-vous — Cabinet Les Tilleuls",
  .location = "12 rue des Tilleuls, 69003 Lyon",
  .organizer = "contact@cabinet-tilleuls.fr",
};

static SeancesMailDraft
draft_with (const char              *to_name,
            const char              *subject,
            const SeancesInvitation *with)
{
  return (SeancesMailDraft) {
    .from_name = "Cabinet Les Tilleuls",
    .from_address = "contact@cabinet-tilleuls.fr",
    .to_name = to_name,
    .to_address = "zoe.daubigne@exemple.fr",
    .subject = subject,
    .body = "Bonjour Zoé,\n\nÀ mardi 24 novembre à 14\u00a0h\u00a000.\nUne très longue ligne qui dépasse "
            "largement soixante-seize caractères, pour voir le codage la couper proprement.\n",
    .message_id = "abc@cabinet-tilleuls.fr",
    .date = START - 86400,
    .invitation = with,
  };
}

static GMimeMessage *
parse (GBytes *bytes)
{
  GMimeStream *stream = g_mime_stream_mem_new_with_buffer (g_bytes_get_data (bytes, NULL),
                                                           g_bytes_get_size (bytes));
  GMimeParser *parser = g_mime_parser_new_with_stream (stream);
  GMimeMessage *message = g_mime_parser_construct_message (parser, NULL);

  g_object_unref (parser);
  g_object_unref (stream);
  g_assert_nonnull (message);
  return message;
}

/* Every line ends in CRLF, and only the 7-bit ASCII SMTP wants is on the wire. */
static void
assert_wire_safe (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  for (gsize i = 0; i < size; i++)
    {
      g_assert_cmpuint ((guchar) data[i], <, 0x80);
      if (data[i] == '\n')
        g_assert_true (i > 0 && data[i - 1] == '\r');
    }
}

static void
test_plain (void)
{
  SeancesMailDraft draft = draft_with ("Zoé D’Aubigné", "Votre rendez-vous de mardi", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = seances_mime_build (&draft, &error);
  GMimeMessage *message;
  GMimeObject *part;
  g_autofree char *text = NULL;
  InternetAddressList *to;

  g_assert_no_error (error);
  assert_wire_safe (bytes);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  "Message-Id: <abc@cabinet-tilleuls.fr>"));

  message = parse (bytes);
  g_assert_cmpstr (g_mime_message_get_subject (message), ==, "Votre rendez-vous de mardi");
  g_assert_cmpstr (g_mime_message_get_message_id (message), ==, "abc@cabinet-tilleuls.fr");
  to = g_mime_message_get_to (message);
  g_assert_cmpint (internet_address_list_length (to), ==, 1);
  g_assert_cmpstr (internet_address_get_name (internet_address_list_get_address (to, 0)), ==, "Zoé D’Aubigné");
  part = g_mime_message_get_mime_part (message);
  g_assert_true (GMIME_IS_TEXT_PART (part));
  g_assert_cmpint (g_mime_part_get_content_encoding (GMIME_PART (part)), ==, GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
  text = g_mime_text_part_get_text (GMIME_TEXT_PART (part));
  {
    g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);
    g_autofree char *joined = g_strjoinv ("\n", lines);

    g_assert_cmpstr (joined, ==, draft.body);
  }
  g_object_unref (message);
}

/* An accented subject is RFC 2047-encoded and reads back the same. */
static void
test_encoded_subject (void)
{
  SeancesMailDraft draft = draft_with ("Zoé", "Rappel : votre séance de mardi à 14\u00a0h", NULL);
  g_autoptr(GBytes) bytes = seances_mime_build (&draft, NULL);
  GMimeMessage *message = parse (bytes);

  assert_wire_safe (bytes);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "=?UTF-8?"));
  g_assert_cmpstr (g_mime_message_get_subject (message), ==, "Rappel : votre séance de mardi à 14\u00a0h");
  g_object_unref (message);
}

/* A name or subject with a line break adds no header. */
static void
test_no_header_injection (void)
{
  SeancesMailDraft draft = draft_with ("Zoé\r\nBcc: autre@exemple.fr", "Rendez-vous\nBcc: autre@exemple.fr", NULL);
  g_autoptr(GBytes) bytes = seances_mime_build (&draft, NULL);
  GMimeMessage *message = parse (bytes);

  g_assert_null (g_mime_object_get_header (GMIME_OBJECT (message), "Bcc"));
  g_assert_cmpint (internet_address_list_length (g_mime_message_get_bcc (message)), ==, 0);
  g_assert_cmpint (internet_address_list_length (g_mime_message_get_to (message)), ==, 1);
  g_object_unref (message);
}

typedef struct
{
  const char *name;
  const char *from;
  const char *to;
  const char *message;
} RefusedCase;

static const RefusedCase refused_cases[] = {
  { "no-sender", "", "zoe@exemple.fr", "L’adresse de l’expéditeur n’est pas valable\u00a0: vérifiez-la dans Préférences › Envoi." },
  { "bad-recipient", "contact@cabinet.fr", "zoe@", "L’adresse e-mail du client n’est pas valable\u00a0: vérifiez-la sur sa fiche." },
  { "recipient-line-break", "contact@cabinet.fr", "zoe@exemple.fr\r\nBcc: x@y.fr", "L’adresse e-mail du client n’est pas valable\u00a0: vérifiez-la sur sa fiche." },
};

static void
test_refused (gconstpointer data)
{
  const RefusedCase *row = data;
  SeancesMailDraft draft = draft_with ("Zoé", "Rendez-vous", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  draft.from_address = row->from;
  draft.to_address = row->to;
  bytes = seances_mime_build (&draft, &error);
  g_assert_null (bytes);
  g_assert_cmpstr (error->message, ==, row->message);
}

/* The invitation: a text/calendar part, REQUEST, with the VTIMEZONE of Paris, and a start
 * that reads 14:00 in Paris and 13:00 UTC. */
static void
test_invitation (void)
{
  SeancesMailDraft draft = draft_with ("Zoé", "Votre rendez-vous est confirmé", &invitation);
  g_autoptr(GBytes) bytes = seances_mime_build (&draft, NULL);
  GMimeMessage *message = parse (bytes);
  GMimeObject *body = g_mime_message_get_mime_part (message);
  GMimeObject *calendar;
  GMimeContentType *type;
  g_autofree char *ics = NULL;
  icalcomponent *parsed, *event, *timezone;
  icalproperty *dtstart;
  struct icaltimetype start;

  assert_wire_safe (bytes);
  g_assert_true (GMIME_IS_MULTIPART (body));
  g_assert_cmpint (g_mime_multipart_get_count (GMIME_MULTIPART (body)), ==, 2);
  calendar = g_mime_multipart_get_part (GMIME_MULTIPART (body), 1);
  type = g_mime_object_get_content_type (calendar);
  g_assert_cmpstr (g_mime_content_type_get_media_subtype (type), ==, "calendar");
  g_assert_cmpstr (g_mime_content_type_get_parameter (type, "method"), ==, "REQUEST");
  ics = g_mime_text_part_get_text (GMIME_TEXT_PART (calendar));

  parsed = icalparser_parse_string (ics);
  g_assert_nonnull (parsed);
  g_assert_cmpint (icalcomponent_get_method (parsed), ==, ICAL_METHOD_REQUEST);
  timezone = icalcomponent_get_first_component (parsed, ICAL_VTIMEZONE_COMPONENT);
  g_assert_nonnull (timezone);
  g_assert_nonnull (strstr (icalproperty_get_tzid (icalcomponent_get_first_property (timezone, ICAL_TZID_PROPERTY)),
                            "Europe/Paris"));
  event = icalcomponent_get_first_component (parsed, ICAL_VEVENT_COMPONENT);
  g_assert_cmpstr (icalcomponent_get_uid (event), ==, "seance-42@cabinet-tilleuls.fr");
  g_assert_cmpstr (icalcomponent_get_summary (event), ==, "Rendez-vous — Cabinet Les Tilleuls");
  g_assert_cmpstr (icalcomponent_get_location (event), ==, "12 rue des Tilleuls, 69003 Lyon");
  dtstart = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
  g_assert_nonnull (strstr (icalparameter_get_tzid (icalproperty_get_first_parameter (dtstart, ICAL_TZID_PARAMETER)),
                            "Europe/Paris"));
  start = icalproperty_get_dtstart (dtstart);
  g_assert_cmpint (start.hour, ==, 14);
  g_assert_cmpint (start.minute, ==, 0);
  g_assert_cmpint (start.day, ==, 24);
  g_assert_cmpint (icaltime_as_timet_with_zone (start, icaltimezone_get_builtin_timezone ("Europe/Paris")), ==, START);
  icalcomponent_free (parsed);
  g_object_unref (message);
}

/* In summer too: 14:00 in Paris is 12:00 UTC, and the VTIMEZONE holds both rules. */
static void
test_invitation_summer (void)
{
  SeancesInvitation summer = invitation;
  g_autofree char *ics = NULL;
  icalcomponent *parsed, *timezone;
  struct icaltimetype start;

  summer.start = START - 4 * 30 * 86400 - 3600;  /* late July, 14:00 in Paris: 12:00 UTC */
  summer.end = summer.start + 3000;
  ics = seances_mime_invitation (&summer, START, NULL);
  g_assert_nonnull (ics);
  parsed = icalparser_parse_string (ics);
  timezone = icalcomponent_get_first_component (parsed, ICAL_VTIMEZONE_COMPONENT);
  g_assert_nonnull (icalcomponent_get_first_component (timezone, ICAL_XDAYLIGHT_COMPONENT));
  g_assert_nonnull (icalcomponent_get_first_component (timezone, ICAL_XSTANDARD_COMPONENT));
  start = icalcomponent_get_dtstart (icalcomponent_get_first_component (parsed, ICAL_VEVENT_COMPONENT));
  g_assert_cmpint (start.hour, ==, 14);
  icalcomponent_free (parsed);
}

static void
test_message_id (void)
{
  g_autofree char *one = seances_mime_new_message_id ("contact@cabinet-tilleuls.fr");
  g_autofree char *two = seances_mime_new_message_id ("contact@cabinet-tilleuls.fr");
  g_autofree char *none = seances_mime_new_message_id ("pas une adresse");

  g_assert_true (g_str_has_suffix (one, "@cabinet-tilleuls.fr"));
  g_assert_cmpstr (one, !=, two);
  g_assert_true (g_str_has_suffix (none, "@seances.invalid"));
  g_assert_null (strpbrk (one, "<> \r\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  seances_test_init_french ();
  g_mime_init ();

  g_test_add_func ("/mime/plain", test_plain);
  g_test_add_func ("/mime/encoded-subject", test_encoded_subject);
  g_test_add_func ("/mime/no-header-injection", test_no_header_injection);
  for (guint i = 0; i < G_N_ELEMENTS (refused_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/mime/refused/%s", refused_cases[i].name);
      g_test_add_data_func (path, &refused_cases[i], test_refused);
    }
  g_test_add_func ("/mime/invitation", test_invitation);
  g_test_add_func ("/mime/invitation-summer", test_invitation_summer);
  g_test_add_func ("/mime/message-id", test_message_id);
  return g_test_run ();
}
