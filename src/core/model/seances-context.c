/* seances-context.c — the services handed to every view: database and practice
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Made with g_initable_new(): the practice and the clients are read at once, and a
 * context that cannot read them is not made, with the reason, rather than handed out
 * with stores missing. */
#include "config.h"

#include "seances-context.h"

#include <glib/gi18n-lib.h>

struct _SeancesContext
{
  GObject                  parent_instance;

  SeancesDatabase         *database;
  SeancesPractice         *practice;      /* one for the context's life, the defaults until created */
  gboolean                 has_practice;  /* the practice was created (its row exists) */
  SeancesClientStore      *clients;
  SeancesPolicyStore      *policies;
  SeancesChargeStore      *charges;
  SeancesDecisions        *decisions;
  SeancesAppointmentStore *appointments;
  GTimeZone               *time_zone;
  SeancesClock            *clock;
};

static void initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SeancesContext, seances_context, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE, initable_iface_init))

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_PRACTICE,
  PROP_HAS_PRACTICE,
  N_PROPS
};

enum {
  PRACTICE_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The database's own sentence when it says what to do (busy, no access, disk full);
 * a table or a column that cannot be read leaves nothing to try but a backup. */
static gboolean
fail_to_load (GError     **error,
              GError      *local_error,
              const char  *what)
{
  g_debug ("Cannot load the %s: %s", what, local_error->message);
  if (g_error_matches (local_error, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_FAILED))
    {
      g_set_error_literal (error, SEANCES_DATABASE_ERROR, SEANCES_DATABASE_ERROR_DAMAGED,
                           _("The data of the practice cannot be read: restore a backup."));
      g_error_free (local_error);
    }
  else
    g_propagate_error (error, local_error);
  return FALSE;
}

static void
policy_changed_cb (SeancesContext *self)
{
  seances_appointment_store_set_policy_version (self->appointments,
                                                seances_policy_store_get_current (self->policies)->id);
}

static gboolean
seances_context_initable_init (GInitable     *initable,
                               GCancellable  *cancellable,
                               GError       **error)
{
  SeancesContext *self = SEANCES_CONTEXT (initable);
  g_autoptr(SeancesPractice) stored = NULL;
  GError *local_error = NULL;

  stored = seances_practice_load (self->database, &local_error);
  if (local_error != NULL)
    return fail_to_load (error, local_error, "practice");
  if (stored != NULL)
    {
      seances_practice_assign (self->practice, stored);
      self->has_practice = TRUE;
    }

  self->time_zone = g_time_zone_new_identifier (seances_practice_get_time_zone (self->practice));
  if (self->time_zone == NULL)
    self->time_zone = g_time_zone_new_local ();
  /* Read once: SEANCES_NOW fixes « now » for screenshots, end-to-end tests and the bench. */
  self->clock = seances_clock_new_from_environment (self->time_zone);

  self->clients = seances_client_store_new (self->database, &local_error);
  if (self->clients == NULL)
    return fail_to_load (error, local_error, "clients");
  seances_client_store_set_clock (self->clients, self->clock);
  self->appointments = seances_appointment_store_new (self->database, self->time_zone,
                                                      seances_practice_get_buffer_minutes (self->practice));
  seances_appointment_store_set_clock (self->appointments, self->clock);
  self->policies = seances_policy_store_new (self->database, self->clock, &local_error);
  if (self->policies == NULL)
    return fail_to_load (error, local_error, "policy");
  /* What is booked from now on is under the policy in force. */
  policy_changed_cb (self);
  g_signal_connect_object (self->policies, "changed", G_CALLBACK (policy_changed_cb), self,
                           G_CONNECT_SWAPPED);
  self->charges = seances_charge_store_new (self->database, self->clock, &local_error);
  if (self->charges == NULL)
    return fail_to_load (error, local_error, "charges");
  self->decisions = seances_decisions_new (self->appointments, self->charges, self->policies,
                                           self->clock);
  return TRUE;
}

static void
initable_iface_init (GInitableIface *iface)
{
  iface->init = seances_context_initable_init;
}

static void
seances_context_dispose (GObject *object)
{
  SeancesContext *self = (SeancesContext *)object;

  g_clear_object (&self->clients);
  g_clear_object (&self->appointments);
  g_clear_object (&self->decisions);
  g_clear_object (&self->charges);
  g_clear_object (&self->policies);
  g_clear_object (&self->practice);
  g_clear_object (&self->database);
  g_clear_object (&self->clock);
  G_OBJECT_CLASS (seances_context_parent_class)->dispose (object);
}

static void
seances_context_finalize (GObject *object)
{
  SeancesContext *self = (SeancesContext *)object;

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
    case PROP_PRACTICE:
      g_value_set_object (value, self->practice);
      break;
    case PROP_HAS_PRACTICE:
      g_value_set_boolean (value, self->has_practice);
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

  object_class->dispose = seances_context_dispose;
  object_class->finalize = seances_context_finalize;
  object_class->get_property = seances_context_get_property;
  object_class->set_property = seances_context_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, SEANCES_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The same object for the context's life: what binds to it stays bound. */
  properties[PROP_PRACTICE] =
    g_param_spec_object ("practice", NULL, NULL, SEANCES_TYPE_PRACTICE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_PRACTICE] =
    g_param_spec_boolean ("has-practice", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SeancesContext::practice-changed:
   *
   * The practice was saved; its properties that changed have notified already.
   */
  signals[PRACTICE_CHANGED] =
    g_signal_new ("practice-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
seances_context_init (SeancesContext *self)
{
  self->practice = seances_practice_new ();
}

/* Reads the practice and the clients of @database; NULL with a French sentence when
 * they cannot be read. */
SeancesContext *
seances_context_new (SeancesDatabase  *database,
                     GError          **error)
{
  g_return_val_if_fail (SEANCES_IS_DATABASE (database), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_initable_new (SEANCES_TYPE_CONTEXT, NULL, error, "database", database, NULL);
}

SeancesDatabase *
seances_context_get_database (SeancesContext *self)
{
  g_return_val_if_fail (SEANCES_IS_CONTEXT (self), NULL);
  return self->database;
}

/* The practice, the same object for the context's life: read it and bind to it; it
 * changes only through seances_context_save_practice(). Until the practice is created
 * (see seances_context_has_practice()), it holds the defaults. */
SeancesPractice *
seances_context_get_practice (SeancesContext *self)
{
  g_return_val_if_fail (SEANCES_IS_CONTEXT (self), NULL);
  return self->practice;
}

/* FALSE until the practice is created: the first run. */
gboolean
seances_context_has_practice (SeancesContext *self)
{
  g_return_val_if_fail (SEANCES_IS_CONTEXT (self), FALSE);
  return self->has_practice;
}

/* Validates and saves @practice, an edited seances_practice_copy() of the context's;
 * once saved, the context's practice takes its values, as stored. */
gboolean
seances_context_save_practice (SeancesContext   *self,
                               SeancesPractice  *practice,
                               GError          **error)
{
  g_autoptr(SeancesPractice) saved = NULL;

  g_return_val_if_fail (SEANCES_IS_CONTEXT (self), FALSE);
  g_return_val_if_fail (SEANCES_IS_PRACTICE (practice), FALSE);
  g_return_val_if_fail (practice != self->practice, FALSE);

  if (!seances_practice_save (self->database, practice, seances_clock_get_now (self->clock), error))
    return FALSE;
  saved = seances_practice_load (self->database, error);
  if (saved == NULL)
    return FALSE;

  /* The agenda follows the practice's time zone and break at once, before the practice
   * notifies: a view reading them on notify finds them in place. */
  g_clear_pointer (&self->time_zone, g_time_zone_unref);
  self->time_zone = g_time_zone_new_identifier (seances_practice_get_time_zone (saved));
  seances_appointment_store_set_time_zone (self->appointments, self->time_zone);
  seances_appointment_store_set_buffer_minutes (self->appointments, seances_practice_get_buffer_minutes (saved));

  seances_practice_assign (self->practice, saved);
  if (!self->has_practice)
    {
      self->has_practice = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_PRACTICE]);
    }
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

/* Every client, unfiltered: each view filters it through its own
 * SeancesClientFilterModel. */
SeancesClientStore *
seances_context_get_clients (SeancesContext *self)
{
  g_return_val_if_fail (SEANCES_IS_CONTEXT (self), NULL);
  return self->clients;
}

/* The charges of decided sessions: what is due, paid, waived. */
SeancesChargeStore *
seances_context_get_charges (SeancesContext *self)
{
  g_return_val_if_fail (SEANCES_IS_CONTEXT (self), NULL);
  return self->charges;
}

/* Closing a session under the policy, and undoing it. */
SeancesDecisions *
seances_context_get_decisions (SeancesContext *self)
{
  g_return_val_if_fail (SEANCES_IS_CONTEXT (self), NULL);
  return self->decisions;
}

/* The cancellation policy's versions and the clients' acceptances. */
SeancesPolicyStore *
seances_context_get_policies (SeancesContext *self)
{
  g_return_val_if_fail (SEANCES_IS_CONTEXT (self), NULL);
  return self->policies;
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
