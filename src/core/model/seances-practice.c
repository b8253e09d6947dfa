/* seances-practice.c — the practice (cabinet): who, where, and the defaults of a session
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One object per property, so that views bind to the values they show; the context keeps
 * one practice for its life and copies each saved edit into it, so that only the values
 * that changed notify. */
#include "config.h"

#include "seances-practice.h"

#include <glib/gi18n-lib.h>

#include "seances-database-private.h"
#include "seances-format.h"

struct _SeancesPractice
{
  GObject            parent_instance;

  char              *name;
  char              *practitioner;
  char              *address;
  char              *phone;        /* +33 form when French, once validated */
  char              *email;
  char              *booking_link;
  char              *video_link;
  char              *time_zone;    /* IANA identifier */
  int                session_minutes;
  int                buffer_minutes;
  gint64             default_fee_cents;
  SeancesVocabulary  vocabulary;
  SeancesField       field;
  int                opening_hour; /* the range the week view shows, local hours */
  int                closing_hour;
};

G_DEFINE_FINAL_TYPE (SeancesPractice, seances_practice, G_TYPE_OBJECT)

G_DEFINE_QUARK (seances-practice-error-quark, seances_practice_error)

enum {
  PROP_0,
  PROP_NAME,
  PROP_PRACTITIONER,
  PROP_ADDRESS,
  PROP_PHONE,
  PROP_EMAIL,
  PROP_BOOKING_LINK,
  PROP_VIDEO_LINK,
  PROP_TIME_ZONE,
  PROP_SESSION_MINUTES,
  PROP_BUFFER_MINUTES,
  PROP_DEFAULT_FEE_CENTS,
  PROP_VOCABULARY,
  PROP_FIELD,
  PROP_OPENING_HOUR,
  PROP_CLOSING_HOUR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The one place a text changes: NULL reads as "", and an equal text does not notify. */
static void
set_text (SeancesPractice  *self,
          char            **field,
          const char       *text,
          int               prop)
{
  if (text == NULL)
    text = "";
  if (g_strcmp0 (*field, text) == 0)
    return;

  g_free (*field);
  *field = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
seances_practice_finalize (GObject *object)
{
  SeancesPractice *self = (SeancesPractice *)object;

  g_free (self->name);
  g_free (self->practitioner);
  g_free (self->address);
  g_free (self->phone);
  g_free (self->email);
  g_free (self->booking_link);
  g_free (self->video_link);
  g_free (self->time_zone);

  G_OBJECT_CLASS (seances_practice_parent_class)->finalize (object);
}

static void
seances_practice_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SeancesPractice *self = SEANCES_PRACTICE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_PRACTITIONER:
      g_value_set_string (value, self->practitioner);
      break;
    case PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;
    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;
    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;
    case PROP_BOOKING_LINK:
      g_value_set_string (value, self->booking_link);
      break;
    case PROP_VIDEO_LINK:
      g_value_set_string (value, self->video_link);
      break;
    case PROP_TIME_ZONE:
      g_value_set_string (value, self->time_zone);
      break;
    case PROP_SESSION_MINUTES:
      g_value_set_int (value, self->session_minutes);
      break;
    case PROP_BUFFER_MINUTES:
      g_value_set_int (value, self->buffer_minutes);
      break;
    case PROP_DEFAULT_FEE_CENTS:
      g_value_set_int64 (value, self->default_fee_cents);
      break;
    case PROP_VOCABULARY:
      g_value_set_enum (value, self->vocabulary);
      break;
    case PROP_FIELD:
      g_value_set_enum (value, self->field);
      break;
    case PROP_OPENING_HOUR:
      g_value_set_int (value, self->opening_hour);
      break;
    case PROP_CLOSING_HOUR:
      g_value_set_int (value, self->closing_hour);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
seances_practice_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SeancesPractice *self = SEANCES_PRACTICE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      seances_practice_set_name (self, g_value_get_string (value));
      break;
    case PROP_PRACTITIONER:
      seances_practice_set_practitioner (self, g_value_get_string (value));
      break;
    case PROP_ADDRESS:
      seances_practice_set_address (self, g_value_get_string (value));
      break;
    case PROP_PHONE:
      seances_practice_set_phone (self, g_value_get_string (value));
      break;
    case PROP_EMAIL:
      seances_practice_set_email (self, g_value_get_string (value));
      break;
    case PROP_BOOKING_LINK:
      seances_practice_set_booking_link (self, g_value_get_string (value));
      break;
    case PROP_VIDEO_LINK:
      seances_practice_set_video_link (self, g_value_get_string (value));
      break;
    case PROP_TIME_ZONE:
      seances_practice_set_time_zone (self, g_value_get_string (value));
      break;
    case PROP_SESSION_MINUTES:
      seances_practice_set_session_minutes (self, g_value_get_int (value));
      break;
    case PROP_BUFFER_MINUTES:
      seances_practice_set_buffer_minutes (self, g_value_get_int (value));
      break;
    case PROP_DEFAULT_FEE_CENTS:
      seances_practice_set_default_fee_cents (self, g_value_get_int64 (value));
      break;
    case PROP_VOCABULARY:
      seances_practice_set_vocabulary (self, g_value_get_enum (value));
      break;
    case PROP_FIELD:
      seances_practice_set_field (self, g_value_get_enum (value));
      break;
    case PROP_OPENING_HOUR:
      seances_practice_set_opening_hour (self, g_value_get_int (value));
      break;
    case PROP_CLOSING_HOUR:
      seances_practice_set_closing_hour (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
text_property (const char *name,
               const char *default_value)
{
  return g_param_spec_string (name, NULL, NULL, default_value,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

/* Any int: seances_practice_validate() says in French what is out of range, where a
 * narrower spec would only warn. */
static GParamSpec *
int_property (const char *name,
              int         default_value)
{
  return g_param_spec_int (name, NULL, NULL, G_MININT, G_MAXINT, default_value,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
seances_practice_class_init (SeancesPracticeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = seances_practice_finalize;
  object_class->get_property = seances_practice_get_property;
  object_class->set_property = seances_practice_set_property;

  properties[PROP_NAME] = text_property ("name", "");
  properties[PROP_PRACTITIONER] = text_property ("practitioner", "");
  properties[PROP_ADDRESS] = text_property ("address", "");
  properties[PROP_PHONE] = text_property ("phone", "");
  properties[PROP_EMAIL] = text_property ("email", "");
  properties[PROP_BOOKING_LINK] = text_property ("booking-link", "");
  properties[PROP_VIDEO_LINK] = text_property ("video-link", "");
  properties[PROP_TIME_ZONE] = text_property ("time-zone", "Europe/Paris");
  properties[PROP_SESSION_MINUTES] = int_property ("session-minutes", 50);
  properties[PROP_BUFFER_MINUTES] = int_property ("buffer-minutes", 10);
  properties[PROP_DEFAULT_FEE_CENTS] =
    g_param_spec_int64 ("default-fee-cents", NULL, NULL, G_MININT64, G_MAXINT64, 6000,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VOCABULARY] =
    g_param_spec_enum ("vocabulary", NULL, NULL, SEANCES_TYPE_VOCABULARY, SEANCES_VOCABULARY_PATIENT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIELD] =
    g_param_spec_enum ("field", NULL, NULL, SEANCES_TYPE_FIELD, SEANCES_FIELD_MENTAL_HEALTH,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OPENING_HOUR] = int_property ("opening-hour", 8);
  properties[PROP_CLOSING_HOUR] = int_property ("closing-hour", 20);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

/* The defaults of a new practice, as its param specs say. */
static void
seances_practice_init (SeancesPractice *self)
{
  self->name = g_strdup ("");
  self->practitioner = g_strdup ("");
  self->address = g_strdup ("");
  self->phone = g_strdup ("");
  self->email = g_strdup ("");
  self->booking_link = g_strdup ("");
  self->video_link = g_strdup ("");
  self->time_zone = g_strdup ("Europe/Paris");
  self->session_minutes = 50;
  self->buffer_minutes = 10;
  self->default_fee_cents = 6000;
  self->vocabulary = SEANCES_VOCABULARY_PATIENT;
  self->field = SEANCES_FIELD_MENTAL_HEALTH;
  self->opening_hour = 8;
  self->closing_hour = 20;
}

/* A practice not yet entered: Paris, sessions of 50 minutes with 10 between, 60 €. */
SeancesPractice *
seances_practice_new (void)
{
  return g_object_new (SEANCES_TYPE_PRACTICE, NULL);
}

/* A detached copy to edit, as the preferences do before saving. */
SeancesPractice *
seances_practice_copy (SeancesPractice *self)
{
  SeancesPractice *copy;

  g_return_val_if_fail (SEANCES_IS_PRACTICE (self), NULL);

  copy = seances_practice_new ();
  seances_practice_assign (copy, self);
  return copy;
}

/* Takes every value of @other; only those that differ notify, once each, after all are
 * in place, so that a handler of one sees the others already changed. */
void
seances_practice_assign (SeancesPractice *self,
                         SeancesPractice *other)
{
  g_return_if_fail (SEANCES_IS_PRACTICE (self));
  g_return_if_fail (SEANCES_IS_PRACTICE (other));

  g_object_freeze_notify (G_OBJECT (self));
  seances_practice_set_name (self, other->name);
  seances_practice_set_practitioner (self, other->practitioner);
  seances_practice_set_address (self, other->address);
  seances_practice_set_phone (self, other->phone);
  seances_practice_set_email (self, other->email);
  seances_practice_set_booking_link (self, other->booking_link);
  seances_practice_set_video_link (self, other->video_link);
  seances_practice_set_time_zone (self, other->time_zone);
  seances_practice_set_session_minutes (self, other->session_minutes);
  seances_practice_set_buffer_minutes (self, other->buffer_minutes);
  seances_practice_set_default_fee_cents (self, other->default_fee_cents);
  seances_practice_set_vocabulary (self, other->vocabulary);
  seances_practice_set_field (self, other->field);
  seances_practice_set_opening_hour (self, other->opening_hour);
  seances_practice_set_closing_hour (self, other->closing_hour);
  g_object_thaw_notify (G_OBJECT (self));
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, SEANCES_PRACTICE_ERROR, SEANCES_PRACTICE_ERROR_INVALID, message);
  return FALSE;
}

static void
trim (SeancesPractice  *self,
      char            **field,
      int               prop)
{
  g_autofree char *text = g_strstrip (g_strdup (*field));

  set_text (self, field, text, prop);
}

/* Trims the fields, normalises the phone number, and refuses what cannot be kept,
 * with one French sentence about the first problem found. */
gboolean
seances_practice_validate (SeancesPractice  *self,
                           GError          **error)
{
  g_autoptr(GTimeZone) zone = NULL;
  struct { char **field; int prop; } lines[] = {
    { &self->name, PROP_NAME },
    { &self->practitioner, PROP_PRACTITIONER },
    { &self->address, PROP_ADDRESS },
    { &self->phone, PROP_PHONE },
    { &self->email, PROP_EMAIL },
    { &self->booking_link, PROP_BOOKING_LINK },
    { &self->video_link, PROP_VIDEO_LINK },
  };

  g_return_val_if_fail (SEANCES_IS_PRACTICE (self), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      trim (self, lines[i].field, lines[i].prop);
      if (!g_utf8_validate (*lines[i].field, -1, NULL))
        return invalid (error, _("A field holds characters that cannot be read."));
      if (!seances_text_is_single_line (*lines[i].field))
        return invalid (error, _("Each field must fit on one line."));
    }

  if (*self->name == '\0')
    return invalid (error, _("Enter the name of the practice."));
  if (g_utf8_strlen (self->name, -1) > 200)
    return invalid (error, _("The name of the practice is too long."));
  if (*self->practitioner == '\0')
    return invalid (error, _("Enter your name."));
  if (g_utf8_strlen (self->practitioner, -1) > 200)
    return invalid (error, _("Your name is too long."));
  if (*self->email != '\0' && !seances_email_is_valid (self->email))
    return invalid (error, _("The e-mail address is not valid, for example: nom@exemple.fr."));

  if (*self->phone != '\0')
    {
      g_autofree char *normal = seances_phone_normalize (self->phone);

      if (normal == NULL)
        return invalid (error, _("The phone number is not valid, for example: 04 78 00 00 00."));
      seances_practice_set_phone (self, normal);
    }

  zone = g_time_zone_new_identifier (self->time_zone);
  if (zone == NULL)
    return invalid (error, _("This time zone is unknown."));
  if (self->session_minutes < 5 || self->session_minutes > 480)
    return invalid (error, _("A session lasts between 5 minutes and 8 hours."));
  if (self->buffer_minutes < 0 || self->buffer_minutes > 240)
    return invalid (error, _("The break between sessions lasts at most 4 hours."));
  if (self->default_fee_cents < 0 || self->default_fee_cents > 10000000)
    return invalid (error, _("The default fee must be between 0 and 100 000 €."));
  switch (self->vocabulary)
    {
    case SEANCES_VOCABULARY_PATIENT:
    case SEANCES_VOCABULARY_CLIENT:
      break;
    default:
      return invalid (error, _("Choose between “patients” and “clients”."));
    }
  if (self->opening_hour < 0 || self->closing_hour > 24 ||
      self->opening_hour >= self->closing_hour)
    return invalid (error, _("The practice must open before it closes."));

  return TRUE;
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  return text != NULL ? text : "";
}

/* Returns NULL without an error when no practice was created yet (the first run). */
SeancesPractice *
seances_practice_load (SeancesDatabase  *database,
                       GError          **error)
{
  g_autoptr(SeancesStatement) stmt = NULL;
  SeancesVocabulary vocabulary = SEANCES_VOCABULARY_PATIENT;
  SeancesField field = SEANCES_FIELD_OTHER;
  gboolean has_row;

  stmt = seances_database_prepare (database,
                                   "SELECT name, practitioner, address, phone, email, booking_link,"
                                   " video_link, time_zone, session_minutes, buffer_minutes,"
                                   " default_fee_cents, vocabulary, field, opening_hour, closing_hour"
                                   " FROM practice WHERE id = 1",
                                   error);
  if (stmt == NULL || !seances_database_step (database, stmt, &has_row, error) || !has_row)
    return NULL;

  /* The schema's CHECK allows only the vocabularies' spellings; the field has none, and
   * one this version does not know reads as « other ». */
  if (!seances_vocabulary_from_string (column_text (stmt, 11), &vocabulary))
    g_warning ("The practice's vocabulary is unknown");
  if (!seances_field_from_string (column_text (stmt, 12), &field))
    g_debug ("The practice's field is unknown, read as other");

  return g_object_new (SEANCES_TYPE_PRACTICE,
                       "name", column_text (stmt, 0),
                       "practitioner", column_text (stmt, 1),
                       "address", column_text (stmt, 2),
                       "phone", column_text (stmt, 3),
                       "email", column_text (stmt, 4),
                       "booking-link", column_text (stmt, 5),
                       "video-link", column_text (stmt, 6),
                       "time-zone", column_text (stmt, 7),
                       "session-minutes", sqlite3_column_int (stmt, 8),
                       "buffer-minutes", sqlite3_column_int (stmt, 9),
                       "default-fee-cents", (gint64) sqlite3_column_int64 (stmt, 10),
                       "vocabulary", vocabulary,
                       "field", field,
                       "opening-hour", sqlite3_column_int (stmt, 13),
                       "closing-hour", sqlite3_column_int (stmt, 14),
                       NULL);
}

/* @now stamps the practice's creation, the first time it is saved. */
gboolean
seances_practice_save (SeancesDatabase  *database,
                       SeancesPractice  *practice,
                       gint64            now,
                       GError          **error)
{
  g_autoptr(SeancesStatement) stmt = NULL;

  g_return_val_if_fail (SEANCES_IS_PRACTICE (practice), FALSE);

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

const char *
seances_practice_get_name (SeancesPractice *self)
{
  g_return_val_if_fail (SEANCES_IS_PRACTICE (self), NULL);
  return self->name;
}

void
seances_practice_set_name (SeancesPractice *self,
                           const char      *name)
{
  g_return_if_fail (SEANCES_IS_PRACTICE (self));
  set_text (self, &self->name, name, PROP_NAME);
}

const char *
seances_practice_get_practitioner (SeancesPractice *self)
{
  g_return_val_if_fail (SEANCES_IS_PRACTICE (self), NULL);
  return self->practitioner;
}

void
seances_practice_set_practitioner (SeancesPractice *self,
                                   const char      *practitioner)
{
  g_return_if_fail (SEANCES_IS_PRACTICE (self));
  set_text (self, &self->practitioner, practitioner, PROP_PRACTITIONER);
}

const char *
seances_practice_get_address (SeancesPractice *self)
{
  g_return_val_if_fail (SEANCES_IS_PRACTICE (self), NULL);
  return self->address;
}

void
seances_practice_set_address (SeancesPractice *self,
                              const char      *address)
{
  g_return_if_fail (SEANCES_IS_PRACTICE (self));
  set_text (self, &self->address, address, PROP_ADDRESS);
}

const char *
seances_practice_get_phone (SeancesPractice *self)
{
  g_return_val_if_fail (SEANCES_IS_PRACTICE (self), NULL);
  return self->phone;
}

void
seances_practice_set_phone (SeancesPractice *self,
                            const char      *phone)
{
  g_return_if_fail (SEANCES_IS_PRACTICE (self));
  set_text (self, &self->phone, phone, PROP_PHONE);
}

const char *
seances_practice_get_email (SeancesPractice *self)
{
  g_return_val_if_fail (SEANCES_IS_PRACTICE (self), NULL);
  return self->email;
}

void
seances_practice_set_email (SeancesPractice *self,
                            const char      *email)
{
  g_return_if_fail (SEANCES_IS_PRACTICE (self));
  set_text (self, &self->email, email, PROP_EMAIL);
}

const char *
seances_practice_get_booking_link (SeancesPractice *self)
{
  g_return_val_if_fail (SEANCES_IS_PRACTICE (self), NULL);
  return self->booking_link;
}

void
seances_practice_set_booking_link (SeancesPractice *self,
                                   const char      *booking_link)
{
  g_return_if_fail (SEANCES_IS_PRACTICE (self));
  set_text (self, &self->booking_link, booking_link, PROP_BOOKING_LINK);
}

const char *
seances_practice_get_video_link (SeancesPractice *self)
{
  g_return_val_if_fail (SEANCES_IS_PRACTICE (self), NULL);
  return self->video_link;
}

void
seances_practice_set_video_link (SeancesPractice *self,
                                 const char      *video_link)
{
  g_return_if_fail (SEANCES_IS_PRACTICE (self));
  set_text (self, &self->video_link, video_link, PROP_VIDEO_LINK);
}

const char *
seances_practice_get_time_zone (SeancesPractice *self)
{
  g_return_val_if_fail (SEANCES_IS_PRACTICE (self), NULL);
  return self->time_zone;
}

void
seances_practice_set_time_zone (SeancesPractice *self,
                                const char      *time_zone)
{
  g_return_if_fail (SEANCES_IS_PRACTICE (self));
  set_text (self, &self->time_zone, time_zone, PROP_TIME_ZONE);
}

int
seances_practice_get_session_minutes (SeancesPractice *self)
{
  g_return_val_if_fail (SEANCES_IS_PRACTICE (self), 0);
  return self->session_minutes;
}

void
seances_practice_set_session_minutes (SeancesPractice *self,
                                      int              session_minutes)
{
  g_return_if_fail (SEANCES_IS_PRACTICE (self));

  if (self->session_minutes == session_minutes)
    return;
  self->session_minutes = session_minutes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION_MINUTES]);
}

int
seances_practice_get_buffer_minutes (SeancesPractice *self)
{
  g_return_val_if_fail (SEANCES_IS_PRACTICE (self), 0);
  return self->buffer_minutes;
}

void
seances_practice_set_buffer_minutes (SeancesPractice *self,
                                     int              buffer_minutes)
{
  g_return_if_fail (SEANCES_IS_PRACTICE (self));

  if (self->buffer_minutes == buffer_minutes)
    return;
  self->buffer_minutes = buffer_minutes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUFFER_MINUTES]);
}

gint64
seances_practice_get_default_fee_cents (SeancesPractice *self)
{
  g_return_val_if_fail (SEANCES_IS_PRACTICE (self), 0);
  return self->default_fee_cents;
}

void
seances_practice_set_default_fee_cents (SeancesPractice *self,
                                        gint64           default_fee_cents)
{
  g_return_if_fail (SEANCES_IS_PRACTICE (self));

  if (self->default_fee_cents == default_fee_cents)
    return;
  self->default_fee_cents = default_fee_cents;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEFAULT_FEE_CENTS]);
}

SeancesVocabulary
seances_practice_get_vocabulary (SeancesPractice *self)
{
  g_return_val_if_fail (SEANCES_IS_PRACTICE (self), 0);
  return self->vocabulary;
}

void
seances_practice_set_vocabulary (SeancesPractice   *self,
                                 SeancesVocabulary  vocabulary)
{
  g_return_if_fail (SEANCES_IS_PRACTICE (self));

  if (self->vocabulary == vocabulary)
    return;
  self->vocabulary = vocabulary;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VOCABULARY]);
}

SeancesField
seances_practice_get_field (SeancesPractice *self)
{
  g_return_val_if_fail (SEANCES_IS_PRACTICE (self), 0);
  return self->field;
}

void
seances_practice_set_field (SeancesPractice *self,
                            SeancesField     field)
{
  g_return_if_fail (SEANCES_IS_PRACTICE (self));

  if (self->field == field)
    return;
  self->field = field;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELD]);
}

int
seances_practice_get_opening_hour (SeancesPractice *self)
{
  g_return_val_if_fail (SEANCES_IS_PRACTICE (self), 0);
  return self->opening_hour;
}

void
seances_practice_set_opening_hour (SeancesPractice *self,
                                   int              opening_hour)
{
  g_return_if_fail (SEANCES_IS_PRACTICE (self));

  if (self->opening_hour == opening_hour)
    return;
  self->opening_hour = opening_hour;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPENING_HOUR]);
}

int
seances_practice_get_closing_hour (SeancesPractice *self)
{
  g_return_val_if_fail (SEANCES_IS_PRACTICE (self), 0);
  return self->closing_hour;
}

void
seances_practice_set_closing_hour (SeancesPractice *self,
                                   int              closing_hour)
{
  g_return_if_fail (SEANCES_IS_PRACTICE (self));

  if (self->closing_hour == closing_hour)
    return;
  self->closing_hour = closing_hour;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOSING_HOUR]);
}
