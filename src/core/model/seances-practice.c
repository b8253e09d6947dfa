/* seances-practice.c — the practice (cabinet): who, where, and the defaults of a session
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "seances-practice.h"

#include <glib/gi18n-lib.h>

#include "seances-database-private.h"
#include "seances-format.h"

G_DEFINE_QUARK (seances-practice-error-quark, seances_practice_error)

SeancesPractice *
seances_practice_new_default (void)
{
  SeancesPractice *practice = g_new0 (SeancesPractice, 1);

  practice->name = g_strdup ("");
  practice->practitioner = g_strdup ("");
  practice->address = g_strdup ("");
  practice->phone = g_strdup ("");
  practice->email = g_strdup ("");
  practice->booking_link = g_strdup ("");
  practice->video_link = g_strdup ("");
  practice->time_zone = g_strdup ("Europe/Paris");
  practice->session_minutes = 50;
  practice->buffer_minutes = 10;
  practice->default_fee_cents = 6000;
  practice->vocabulary = SEANCES_VOCABULARY_PATIENT;
  practice->field = SEANCES_FIELD_MENTAL_HEALTH;
  practice->opening_hour = 8;
  practice->closing_hour = 20;
  return practice;
}

void
seances_practice_free (SeancesPractice *practice)
{
  if (practice == NULL)
    return;
  g_free (practice->name);
  g_free (practice->practitioner);
  g_free (practice->address);
  g_free (practice->phone);
  g_free (practice->email);
  g_free (practice->booking_link);
  g_free (practice->video_link);
  g_free (practice->time_zone);
  g_free (practice);
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, SEANCES_PRACTICE_ERROR, SEANCES_PRACTICE_ERROR_INVALID, message);
  return FALSE;
}

static void
trim (char **text)
{
  g_strstrip (*text);
}

/* Trims the fields, normalises the phone number, and refuses what cannot be kept,
 * with one French sentence about the first problem found. */
gboolean
seances_practice_validate (SeancesPractice  *practice,
                           GError          **error)
{
  g_autoptr(GTimeZone) zone = NULL;
  char **texts[] = { &practice->name, &practice->practitioner, &practice->address, &practice->phone,
                     &practice->email, &practice->booking_link, &practice->video_link };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      trim (texts[i]);
      if (!g_utf8_validate (*texts[i], -1, NULL))
        return invalid (error, _("A field holds characters that cannot be read."));
      if (!seances_text_is_single_line (*texts[i]))
        return invalid (error, _("Each field must fit on one line."));
    }

  if (*practice->name == '\0')
    return invalid (error, _("Enter the name of the practice."));
  if (g_utf8_strlen (practice->name, -1) > 200)
    return invalid (error, _("The name of the practice is too long."));
  if (*practice->practitioner == '\0')
    return invalid (error, _("Enter your name."));
  if (g_utf8_strlen (practice->practitioner, -1) > 200)
    return invalid (error, _("Your name is too long."));
  if (*practice->email != '\0' && !seances_email_is_valid (practice->email))
    return invalid (error, _("The e-mail address is not valid, for example: nom@exemple.fr."));

  if (*practice->phone != '\0')
    {
      char *normal = seances_phone_normalize (practice->phone);

      if (normal == NULL)
        return invalid (error, _("The phone number is not valid, for example: 04 78 00 00 00."));
      g_free (practice->phone);
      practice->phone = normal;
    }

  zone = g_time_zone_new_identifier (practice->time_zone);
  if (zone == NULL)
    return invalid (error, _("This time zone is unknown."));
  if (practice->session_minutes < 5 || practice->session_minutes > 480)
    return invalid (error, _("A session lasts between 5 minutes and 8 hours."));
  if (practice->buffer_minutes < 0 || practice->buffer_minutes > 240)
    return invalid (error, _("The break between sessions lasts at most 4 hours."));
  if (practice->default_fee_cents < 0 || practice->default_fee_cents > 10000000)
    return invalid (error, _("The default fee must be between 0 and 100 000 €."));
  switch (practice->vocabulary)
    {
    case SEANCES_VOCABULARY_PATIENT:
    case SEANCES_VOCABULARY_CLIENT:
      break;
    default:
      return invalid (error, _("Choose between “patients” and “clients”."));
    }
  if (practice->opening_hour < 0 || practice->closing_hour > 24 ||
      practice->opening_hour >= practice->closing_hour)
    return invalid (error, _("The practice must open before it closes."));

  return TRUE;
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  return g_strdup (text != NULL ? text : "");
}

/* Returns NULL without an error when no practice was created yet (the first run). */
SeancesPractice *
seances_practice_load (SeancesDatabase  *database,
                       GError          **error)
{
  g_autoptr(SeancesStatement) stmt = NULL;
  SeancesPractice *practice;
  gboolean has_row;

  stmt = seances_database_prepare (database,
                                   "SELECT name, practitioner, address, phone, email, booking_link,"
                                   " video_link, time_zone, session_minutes, buffer_minutes,"
                                   " default_fee_cents, vocabulary, field, opening_hour, closing_hour"
                                   " FROM practice WHERE id = 1",
                                   error);
  if (stmt == NULL || !seances_database_step (database, stmt, &has_row, error) || !has_row)
    return NULL;

  practice = g_new0 (SeancesPractice, 1);
  practice->name = column_text (stmt, 0);
  practice->practitioner = column_text (stmt, 1);
  practice->address = column_text (stmt, 2);
  practice->phone = column_text (stmt, 3);
  practice->email = column_text (stmt, 4);
  practice->booking_link = column_text (stmt, 5);
  practice->video_link = column_text (stmt, 6);
  practice->time_zone = column_text (stmt, 7);
  practice->session_minutes = sqlite3_column_int (stmt, 8);
  practice->buffer_minutes = sqlite3_column_int (stmt, 9);
  practice->default_fee_cents = sqlite3_column_int64 (stmt, 10);
  /* The schema's CHECK allows only the vocabularies' spellings; the field has none, and
   * one this version does not know reads as « other ». */
  practice->vocabulary = SEANCES_VOCABULARY_PATIENT;
  if (!seances_vocabulary_from_string ((const char *) sqlite3_column_text (stmt, 11), &practice->vocabulary))
    g_warning ("The practice's vocabulary is unknown");
  practice->field = SEANCES_FIELD_OTHER;
  if (!seances_field_from_string ((const char *) sqlite3_column_text (stmt, 12), &practice->field))
    g_debug ("The practice's field is unknown, read as other");
  practice->opening_hour = sqlite3_column_int (stmt, 13);
  practice->closing_hour = sqlite3_column_int (stmt, 14);
  return practice;
}

/* @now stamps the practice's creation, the first time it is saved. */
gboolean
seances_practice_save (SeancesDatabase  *database,
                       SeancesPractice  *practice,
                       gint64            now,
                       GError          **error)
{
  g_autoptr(SeancesStatement) stmt = NULL;

  if (!seances_practice_validate (practice, error))
    return FALSE;

  stmt = seances_database_prepare (database,
                                   "INSERT INTO practice (id, name, practitioner, address, phone, email,"
                                   " booking_link, video_link, time_zone, session_minutes, buffer_minutes,"
                                   " default_fee_cents, vocabulary, field, opening_hour, closing_hour, created_at)"
                                   " VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?15, ?16, ?14)"
                                   " ON CONFLICT (id) DO UPDATE SET name = excluded.name,"
                                   " practitioner = excluded.practitioner, address = excluded.address,"
                                   " phone = excluded.phone, email = excluded.email,"
                                   " booking_link = excluded.booking_link, video_link = excluded.video_link,"
                                   " time_zone = excluded.time_zone, session_minutes = excluded.session_minutes,"
                                   " buffer_minutes = excluded.buffer_minutes,"
                                   " default_fee_cents = excluded.default_fee_cents,"
                                   " vocabulary = excluded.vocabulary, field = excluded.field,"
                                   " opening_hour = excluded.opening_hour, closing_hour = excluded.closing_hour",
                                   error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, practice->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, practice->practitioner, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, practice->address, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, practice->phone, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, practice->email, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, practice->booking_link, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, practice->video_link, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, practice->time_zone, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 9, practice->session_minutes);
  sqlite3_bind_int (stmt, 10, practice->buffer_minutes);
  sqlite3_bind_int64 (stmt, 11, practice->default_fee_cents);
  sqlite3_bind_text (stmt, 12, seances_vocabulary_to_string (practice->vocabulary), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 13, seances_field_to_string (practice->field), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 14, now);
  sqlite3_bind_int (stmt, 15, practice->opening_hour);
  sqlite3_bind_int (stmt, 16, practice->closing_hour);

  return seances_database_step (database, stmt, NULL, error);
}
