/* seances-client.c — a person seen by the practice: how to reach them, nothing clinical
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only what the practice needs to reach a person is kept: names, e-mail and/or phone, the channel for
 * reminders, a target rhythm and a short administrative note. */
#include "config.h"

#include "seances-client.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "seances-fold.h"
#include "seances-format.h"

#define MAX_NAME_CHARS 100
#define MAX_NOTE_CHARS 500
#define MAX_RHYTHM_WEEKS 52

struct _SeancesClient
{
  GObject  parent_instance;

  gint64   id;           /* 0 until stored */
  char    *first_name;
  char    *last_name;
  char    *email;
  char    *phone;        /* +33 form when French, once validated */
  SeancesChannel channel;
  char    *status;       /* "active" or "inactive" */
  int      rhythm_weeks; /* 0: no target rhythm */
  char    *note;

  /* Derived from the fields above, computed when first asked for. */
  char    *display_name;
  char    *sort_name;
  char    *sort_key;
  char    *search_key;
};

G_DEFINE_FINAL_TYPE (SeancesClient, seances_client, G_TYPE_OBJECT)

G_DEFINE_QUARK (seances-client-error-quark, seances_client_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_FIRST_NAME,
  PROP_LAST_NAME,
  PROP_EMAIL,
  PROP_PHONE,
  PROP_CHANNEL,
  PROP_STATUS,
  PROP_RHYTHM_WEEKS,
  PROP_NOTE,
  PROP_DISPLAY_NAME,
  PROP_SORT_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
forget_derived (SeancesClient *self)
{
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->sort_name, g_free);
  g_clear_pointer (&self->sort_key, g_free);
  g_clear_pointer (&self->search_key, g_free);
}

/* The one place a text field changes: the derived strings follow, then the notifications. */
static void
set_text (SeancesClient  *self,
          char          **field,
          const char     *text,
          int             prop)
{
  if (text == NULL)
    text = "";
  if (g_strcmp0 (*field, text) == 0)
    return;

  g_free (*field);
  *field = g_strdup (text);
  forget_derived (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  if (prop == PROP_FIRST_NAME || prop == PROP_LAST_NAME)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_NAME]);
    }
}

static void
set_id (SeancesClient *self,
        gint64         id)
{
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

static void
seances_client_finalize (GObject *object)
{
  SeancesClient *self = (SeancesClient *)object;

  g_free (self->first_name);
  g_free (self->last_name);
  g_free (self->email);
  g_free (self->phone);
  g_free (self->status);
  g_free (self->note);
  forget_derived (self);

  G_OBJECT_CLASS (seances_client_parent_class)->finalize (object);
}

static void
seances_client_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SeancesClient *self = SEANCES_CLIENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_FIRST_NAME:
      g_value_set_string (value, self->first_name);
      break;
    case PROP_LAST_NAME:
      g_value_set_string (value, self->last_name);
      break;
    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;
    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;
    case PROP_CHANNEL:
      g_value_set_enum (value, self->channel);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_RHYTHM_WEEKS:
      g_value_set_int (value, self->rhythm_weeks);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, seances_client_get_display_name (self));
      break;
    case PROP_SORT_NAME:
      g_value_set_string (value, seances_client_get_sort_name (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
seances_client_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SeancesClient *self = SEANCES_CLIENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      set_id (self, g_value_get_int64 (value));
      break;
    case PROP_FIRST_NAME:
      seances_client_set_first_name (self, g_value_get_string (value));
      break;
    case PROP_LAST_NAME:
      seances_client_set_last_name (self, g_value_get_string (value));
      break;
    case PROP_EMAIL:
      seances_client_set_email (self, g_value_get_string (value));
      break;
    case PROP_PHONE:
      seances_client_set_phone (self, g_value_get_string (value));
      break;
    case PROP_CHANNEL:
      seances_client_set_channel (self, g_value_get_enum (value));
      break;
    case PROP_STATUS:
      seances_client_set_status (self, g_value_get_string (value));
      break;
    case PROP_RHYTHM_WEEKS:
      seances_client_set_rhythm_weeks (self, g_value_get_int (value));
      break;
    case PROP_NOTE:
      seances_client_set_note (self, g_value_get_string (value));
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

static void
seances_client_class_init (SeancesClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = seances_client_finalize;
  object_class->get_property = seances_client_get_property;
  object_class->set_property = seances_client_set_property;

  /* Set by the client store when the client is saved. */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIRST_NAME] = text_property ("first-name", "");
  properties[PROP_LAST_NAME] = text_property ("last-name", "");
  properties[PROP_EMAIL] = text_property ("email", "");
  properties[PROP_PHONE] = text_property ("phone", "");
  properties[PROP_CHANNEL] =
    g_param_spec_enum ("channel", NULL, NULL, SEANCES_TYPE_CHANNEL, SEANCES_CHANNEL_EMAIL,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] = text_property ("status", "active");
  properties[PROP_RHYTHM_WEEKS] =
    g_param_spec_int ("rhythm-weeks", NULL, NULL, 0, MAX_RHYTHM_WEEKS, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] = text_property ("note", "");
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SORT_NAME] =
    g_param_spec_string ("sort-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
seances_client_init (SeancesClient *self)
{
  self->first_name = g_strdup ("");
  self->last_name = g_strdup ("");
  self->email = g_strdup ("");
  self->phone = g_strdup ("");
  self->channel = SEANCES_CHANNEL_EMAIL;
  self->status = g_strdup ("active");
  self->note = g_strdup ("");
}

SeancesClient *
seances_client_new (void)
{
  return g_object_new (SEANCES_TYPE_CLIENT, NULL);
}

/* A detached copy to edit: the stored client changes only once the store accepts it. */
SeancesClient *
seances_client_copy (SeancesClient *self)
{
  g_return_val_if_fail (SEANCES_IS_CLIENT (self), NULL);

  return g_object_new (SEANCES_TYPE_CLIENT,
                       "id", self->id,
                       "first-name", self->first_name,
                       "last-name", self->last_name,
                       "email", self->email,
                       "phone", self->phone,
                       "channel", self->channel,
                       "status", self->status,
                       "rhythm-weeks", self->rhythm_weeks,
                       "note", self->note,
                       NULL);
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, SEANCES_CLIENT_ERROR, SEANCES_CLIENT_ERROR_INVALID, message);
  return FALSE;
}

static void
trim (SeancesClient  *self,
      char          **field,
      int             prop)
{
  g_autofree char *text = g_strstrip (g_strdup (*field));
  set_text (self, field, text, prop);
}

/* Trims the fields, normalises the phone number, and refuses what cannot be kept,
 * with one French sentence about the first problem found. */
gboolean
seances_client_validate (SeancesClient  *self,
                         GError        **error)
{
  struct { char **field; int prop; } lines[] = {
    { &self->first_name, PROP_FIRST_NAME },
    { &self->last_name, PROP_LAST_NAME },
    { &self->email, PROP_EMAIL },
    { &self->phone, PROP_PHONE },
  };

  g_return_val_if_fail (SEANCES_IS_CLIENT (self), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      if (!g_utf8_validate (*lines[i].field, -1, NULL))
        return invalid (error, _("A field holds characters that cannot be read."));
      if (!seances_text_is_single_line (*lines[i].field))
        return invalid (error, _("Each field must fit on one line."));
      trim (self, lines[i].field, lines[i].prop);
    }
  if (!g_utf8_validate (self->note, -1, NULL))
    return invalid (error, _("A field holds characters that cannot be read."));
  trim (self, &self->note, PROP_NOTE);

  if (*self->first_name == '\0')
    return invalid (error, _("Enter the first name."));
  if (g_utf8_strlen (self->first_name, -1) > MAX_NAME_CHARS)
    return invalid (error, _("The first name is too long: 100 characters at most."));
  if (*self->last_name == '\0')
    return invalid (error, _("Enter the last name."));
  if (g_utf8_strlen (self->last_name, -1) > MAX_NAME_CHARS)
    return invalid (error, _("The last name is too long: 100 characters at most."));

  if (*self->email != '\0' && !seances_email_is_valid (self->email))
    return invalid (error, _("The e-mail address is not valid, for example: nom@exemple.fr."));
  if (*self->phone != '\0')
    {
      g_autofree char *normal = seances_phone_normalize (self->phone);

      if (normal == NULL)
        return invalid (error, _("The phone number is not valid, for example: 04 78 00 00 00."));
      set_text (self, &self->phone, normal, PROP_PHONE);
    }

  if (*self->email == '\0' && *self->phone == '\0')
    /* Translators: reminders need at least one way to reach the person. */
    return invalid (error, _("Enter an e-mail address or a phone number to stay in touch."));
  switch (self->channel)
    {
    case SEANCES_CHANNEL_BOTH:
      if (*self->email == '\0' || *self->phone == '\0')
        return invalid (error, _("Reminders by e-mail and SMS need both an e-mail address "
                                 "and a phone number."));
      break;
    case SEANCES_CHANNEL_SMS:
      if (*self->phone == '\0')
        return invalid (error, _("Reminders by SMS need a phone number."));
      break;
    case SEANCES_CHANNEL_EMAIL:
      if (*self->email == '\0')
        return invalid (error, _("Reminders by e-mail need an e-mail address."));
      break;
    default:
      g_return_val_if_reached (FALSE);
    }

  if (g_utf8_strlen (self->note, -1) > MAX_NOTE_CHARS)
    return invalid (error, _("The note is too long: 500 characters at most."));
  if (self->rhythm_weeks < 0 || self->rhythm_weeks > MAX_RHYTHM_WEEKS)
    /* Translators: the target rhythm of sessions with this person, in weeks. */
    return invalid (error, _("The rhythm is between 1 and 52 weeks, or none."));

  return TRUE;
}

gint64
seances_client_get_id (SeancesClient *self)
{
  g_return_val_if_fail (SEANCES_IS_CLIENT (self), 0);
  return self->id;
}

const char *
seances_client_get_first_name (SeancesClient *self)
{
  g_return_val_if_fail (SEANCES_IS_CLIENT (self), NULL);
  return self->first_name;
}

void
seances_client_set_first_name (SeancesClient *self,
                               const char    *first_name)
{
  g_return_if_fail (SEANCES_IS_CLIENT (self));
  set_text (self, &self->first_name, first_name, PROP_FIRST_NAME);
}

const char *
seances_client_get_last_name (SeancesClient *self)
{
  g_return_val_if_fail (SEANCES_IS_CLIENT (self), NULL);
  return self->last_name;
}

void
seances_client_set_last_name (SeancesClient *self,
                              const char    *last_name)
{
  g_return_if_fail (SEANCES_IS_CLIENT (self));
  set_text (self, &self->last_name, last_name, PROP_LAST_NAME);
}

const char *
seances_client_get_email (SeancesClient *self)
{
  g_return_val_if_fail (SEANCES_IS_CLIENT (self), NULL);
  return self->email;
}

void
seances_client_set_email (SeancesClient *self,
                          const char    *email)
{
  g_return_if_fail (SEANCES_IS_CLIENT (self));
  set_text (self, &self->email, email, PROP_EMAIL);
}

const char *
seances_client_get_phone (SeancesClient *self)
{
  g_return_val_if_fail (SEANCES_IS_CLIENT (self), NULL);
  return self->phone;
}

/* Any typed form; seances_client_validate() turns a French number into +33 form. */
void
seances_client_set_phone (SeancesClient *self,
                          const char    *phone)
{
  g_return_if_fail (SEANCES_IS_CLIENT (self));
  set_text (self, &self->phone, phone, PROP_PHONE);
}

SeancesChannel
seances_client_get_channel (SeancesClient *self)
{
  g_return_val_if_fail (SEANCES_IS_CLIENT (self), SEANCES_CHANNEL_EMAIL);
  return self->channel;
}

void
seances_client_set_channel (SeancesClient  *self,
                            SeancesChannel  channel)
{
  g_return_if_fail (SEANCES_IS_CLIENT (self));

  if (self->channel == channel)
    return;
  self->channel = channel;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANNEL]);
}

const char *
seances_client_get_status (SeancesClient *self)
{
  g_return_val_if_fail (SEANCES_IS_CLIENT (self), NULL);
  return self->status;
}

/* The client store changes the status of a stored client (seances_client_store_set_active). */
void
seances_client_set_status (SeancesClient *self,
                           const char    *status)
{
  g_return_if_fail (SEANCES_IS_CLIENT (self));
  g_return_if_fail (g_strcmp0 (status, "active") == 0 || g_strcmp0 (status, "inactive") == 0);
  set_text (self, &self->status, status, PROP_STATUS);
}

gboolean
seances_client_is_active (SeancesClient *self)
{
  g_return_val_if_fail (SEANCES_IS_CLIENT (self), FALSE);
  return g_str_equal (self->status, "active");
}

int
seances_client_get_rhythm_weeks (SeancesClient *self)
{
  g_return_val_if_fail (SEANCES_IS_CLIENT (self), 0);
  return self->rhythm_weeks;
}

/* Every @rhythm_weeks weeks; 0 for no target rhythm. */
void
seances_client_set_rhythm_weeks (SeancesClient *self,
                                 int            rhythm_weeks)
{
  g_return_if_fail (SEANCES_IS_CLIENT (self));
  if (self->rhythm_weeks == rhythm_weeks)
    return;
  self->rhythm_weeks = rhythm_weeks;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RHYTHM_WEEKS]);
}

const char *
seances_client_get_note (SeancesClient *self)
{
  g_return_val_if_fail (SEANCES_IS_CLIENT (self), NULL);
  return self->note;
}

void
seances_client_set_note (SeancesClient *self,
                         const char    *note)
{
  g_return_if_fail (SEANCES_IS_CLIENT (self));
  set_text (self, &self->note, note, PROP_NOTE);
}

/* « Hélène Martin » */
const char *
seances_client_get_display_name (SeancesClient *self)
{
  g_return_val_if_fail (SEANCES_IS_CLIENT (self), NULL);
  if (self->display_name == NULL)
    self->display_name = g_strjoin (" ", self->first_name, self->last_name, NULL);
  return self->display_name;
}

/* « Martin Hélène », as lists sorted by last name show it */
const char *
seances_client_get_sort_name (SeancesClient *self)
{
  g_return_val_if_fail (SEANCES_IS_CLIENT (self), NULL);
  if (self->sort_name == NULL)
    self->sort_name = g_strjoin (" ", self->last_name, self->first_name, NULL);
  return self->sort_name;
}

/* « martin helene »: byte order of this key is the order of the client list. */
const char *
seances_client_get_sort_key (SeancesClient *self)
{
  g_return_val_if_fail (SEANCES_IS_CLIENT (self), NULL);
  if (self->sort_key == NULL)
    self->sort_key = seances_fold (seances_client_get_sort_name (self));
  return self->sort_key;
}

/* A name of several words also as one (« Jean Pierre » → « jeanpierre »), as the
 * folding makes « Jean-Pierre » one: spaces inside a name are not searched either. */
static void
append_joined_name (GString    *key,
                    const char *name)
{
  g_autofree char *folded = seances_fold (name);

  if (strchr (folded, ' ') == NULL)
    return;
  g_string_append_c (key, ' ');
  for (const char *p = folded; *p != '\0'; p++)
    if (*p != ' ')
      g_string_append_c (key, *p);
}

/* Names, e-mail and phone, folded. The phone is there in E.164 and in the national
 * form of its country (« 0612345678 », « 0470123456 », digits joined by the fold), so
 * that « 06 12 » or « 0470 12 » finds it. The parts are folded apart: folding them
 * together would join the two numbers. */
const char *
seances_client_get_search_key (SeancesClient *self)
{
  g_return_val_if_fail (SEANCES_IS_CLIENT (self), NULL);
  if (self->search_key == NULL)
    {
      g_autofree char *national = seances_phone_format (self->phone);
      g_autofree char *names = g_strjoin (" ", self->first_name, self->last_name,
                                          self->email, NULL);
      g_autofree char *folded_names = seances_fold (names);
      g_autofree char *folded_phone = seances_fold (self->phone);
      g_autofree char *folded_national = seances_fold (national);
      GString *key = g_string_new (folded_names);

      append_joined_name (key, self->first_name);
      append_joined_name (key, self->last_name);
      g_string_append_printf (key, " %s %s", folded_phone, folded_national);
      self->search_key = g_string_free (key, FALSE);
    }
  return self->search_key;
}

/* For the store: keys read back from the database, folded when the client was saved,
 * so that loading five thousand clients does not fold them all again. */
void
seances_client_take_keys (SeancesClient *self,
                          char          *sort_key,
                          char          *search_key)
{
  g_return_if_fail (SEANCES_IS_CLIENT (self));

  g_free (self->sort_key);
  self->sort_key = sort_key;
  g_free (self->search_key);
  self->search_key = search_key;
}
