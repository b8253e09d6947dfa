/* seances-context.c — the services handed to every view: database and practice
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "seances-context.h"


struct _SeancesContext
{
  GObject          parent_instance;

  SeancesDatabase         *database;
  SeancesPractice         *practice;  /* NULL until the practice is created */
  SeancesClientStore      *clients;
  SeancesAppointmentStore *appointments;
  GTimeZone               *time_zone;
  SeancesClock            *clock;
};

G_DEFINE_FINAL_TYPE (SeancesContext, seances_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

enum {
  PRACTICE_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
seances_context_constructed (GObject *object)
{
  SeancesContext *self = (SeancesContext *)object;
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (seances_context_parent_class)->constructed (object);

  self->practice = seances_practice_load (self->database, &error);
  if (error != NULL)
    {
      g_warning ("Cannot load the practice: %s", error->message);
      g_clear_error (&error);
    }

  self->time_zone = g_time_zone_new_identifier (self->practice != NULL ? self->practice->time_zone
                                                                      : "Europe/Paris");
  if (self->time_zone == NULL)
    self->time_zone = g_time_zone_new_local ();
  /* Read once: SEANCES_NOW fixes « now » for screenshots, end-to-end tests and the bench. */
  self->clock = seances_clock_new_from_environment (self->time_zone);

  self->clients = seances_client_store_new (self->database, &error);
  if (self->clients == NULL)
    g_warning ("Cannot load the clients: %s", error->message);
  else
    seances_client_store_set_clock (self->clients, self->clock);
  self->appointments = seances_appointment_store_new (self->database, self->time_zone,
                                                      self->practice != NULL ? self->practice->buffer_minutes : 10);
  seances_appointment_store_set_clock (self->appointments, self->clock);
}

static void
seances_context_dispose (GObject *object)
{
  SeancesContext *self = (SeancesContext *)object;

  g_clear_object (&self->clients);
  g_clear_object (&self->appointments);
  g_clear_object (&self->database);
  g_clear_object (&self->clock);
  G_OBJECT_CLASS (seances_context_parent_class)->dispose (object);
}

static void
seances_context_finalize (GObject *object)
{
  SeancesContext *self = (SeancesContext *)object;

  g_clear_pointer (&self->practice, seances_practice_free);
  g_clear_pointer (&self->time_zone, g_time_zone_unref);
  G_OBJECT_CLASS (seances_context_parent_class)->finalize (object);
}

static void
seances_context_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SeancesContext *self = SEANCES_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
seances_context_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SeancesContext *self = SEANCES_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
seances_context_class_init (SeancesContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = seances_context_constructed;
  object_class->dispose = seances_context_dispose;
  object_class->finalize = seances_context_finalize;
  object_class->get_property = seances_context_get_property;
  object_class->set_property = seances_context_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, SEANCES_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[PRACTICE_CHANGED] =
    g_signal_new ("practice-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
seances_context_init (SeancesContext *self)
{
}

SeancesContext *
seances_context_new (SeancesDatabase *database)
{
  g_return_val_if_fail (SEANCES_IS_DATABASE (database), NULL);
  return g_object_new (SEANCES_TYPE_CONTEXT, "database", database, NULL);
}

SeancesDatabase *
seances_context_get_database (SeancesContext *self)
{
  g_return_val_if_fail (SEANCES_IS_CONTEXT (self), NULL);
  return self->database;
}

/* NULL while the practice has not been created (first run). */
const SeancesPractice *
seances_context_get_practice (SeancesContext *self)
{
  g_return_val_if_fail (SEANCES_IS_CONTEXT (self), NULL);
  return self->practice;
}

/* Validates and saves; on success the context keeps @practice (normalised). */
gboolean
seances_context_save_practice (SeancesContext   *self,
                               SeancesPractice  *practice,
                               GError          **error)
{
  g_autoptr(SeancesPractice) saved = NULL;

  g_return_val_if_fail (SEANCES_IS_CONTEXT (self), FALSE);

  if (!seances_practice_save (self->database, practice, seances_clock_get_now (self->clock), error))
    return FALSE;

  saved = seances_practice_load (self->database, error);
  if (saved == NULL)
    return FALSE;

  g_clear_pointer (&self->practice, seances_practice_free);
  self->practice = g_steal_pointer (&saved);

  /* The agenda follows the practice's time zone and break at once. */
  g_clear_pointer (&self->time_zone, g_time_zone_unref);
  self->time_zone = g_time_zone_new_identifier (self->practice->time_zone);
  seances_appointment_store_set_time_zone (self->appointments, self->time_zone);
  seances_appointment_store_set_buffer_minutes (self->appointments, self->practice->buffer_minutes);
  g_signal_emit (self, signals[PRACTICE_CHANGED], 0);
  return TRUE;
}

gboolean
seances_context_get_recovery_key_confirmed (SeancesContext *self)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (SEANCES_IS_CONTEXT (self), FALSE);
  value = seances_database_get_state (self->database, SEANCES_STATE_RECOVERY_KEY_CONFIRMED, NULL);
  return g_strcmp0 (value, "1") == 0;
}

gboolean
seances_context_confirm_recovery_key (SeancesContext  *self,
                                      GError         **error)
{
  g_return_val_if_fail (SEANCES_IS_CONTEXT (self), FALSE);
  return seances_database_set_state (self->database, SEANCES_STATE_RECOVERY_KEY_CONFIRMED, "1", error);
}

SeancesClientStore *
seances_context_get_clients (SeancesContext *self)
{
  g_return_val_if_fail (SEANCES_IS_CONTEXT (self), NULL);
  return self->clients;
}

SeancesAppointmentStore *
seances_context_get_appointments (SeancesContext *self)
{
  g_return_val_if_fail (SEANCES_IS_CONTEXT (self), NULL);
  return self->appointments;
}

/* The practice's time zone: every local time shown or typed is in it. */
GTimeZone *
seances_context_get_time_zone (SeancesContext *self)
{
  g_return_val_if_fail (SEANCES_IS_CONTEXT (self), NULL);
  return self->time_zone;
}

/* The one clock of the practice: the stores stamp their changes with it, the views
 * and engines read « now » from it. */
SeancesClock *
seances_context_get_clock (SeancesContext *self)
{
  g_return_val_if_fail (SEANCES_IS_CONTEXT (self), NULL);
  return self->clock;
}

/* Now, as UTC seconds. */
gint64
seances_context_get_now (SeancesContext *self)
{
  g_return_val_if_fail (SEANCES_IS_CONTEXT (self), 0);
  return seances_clock_get_now (self->clock);
}

/* Fixes « now » for every user of the context's clock (tests). */
void
seances_context_set_now (SeancesContext *self,
                         gint64          now)
{
  g_return_if_fail (SEANCES_IS_CONTEXT (self));
  seances_clock_set_now (self->clock, now);
}
