/* seances-appointment.c — one session: who, when, where, for how much, and what became of it
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Instants are UTC seconds; 0 stands for "none" in series-id, status-at, cancelled-at,
 * rescheduled-to and policy-version-id. */
#include "config.h"

#include "seances-appointment.h"

struct _SeancesAppointment
{
  GObject     parent_instance;

  gint64      id;
  gint64      client_id;
  gint64      series_id;
  gint64      start;
  gint64      end;
  SeancesPlace place;
  gint64      fee_cents;
  SeancesAppointmentStatus status;
  gint64      status_at;
  gint64      cancelled_at;
  gint64      rescheduled_to;
  gint64      policy_version_id;
  SeancesCancelledBy cancelled_by;
};

G_DEFINE_FINAL_TYPE (SeancesAppointment, seances_appointment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CLIENT_ID,
  PROP_SERIES_ID,
  PROP_START,
  PROP_END,
  PROP_PLACE,
  PROP_FEE_CENTS,
  PROP_STATUS,
  PROP_STATUS_AT,
  PROP_CANCELLED_AT,
  PROP_RESCHEDULED_TO,
  PROP_POLICY_VERSION_ID,
  PROP_CANCELLED_BY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_int64 (SeancesAppointment *self,
           gint64             *field,
           gint64              value,
           int                 prop)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
seances_appointment_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SeancesAppointment *self = SEANCES_APPOINTMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CLIENT_ID:
      g_value_set_int64 (value, self->client_id);
      break;
    case PROP_SERIES_ID:
      g_value_set_int64 (value, self->series_id);
      break;
    case PROP_START:
      g_value_set_int64 (value, self->start);
      break;
    case PROP_END:
      g_value_set_int64 (value, self->end);
      break;
    case PROP_PLACE:
      g_value_set_enum (value, self->place);
      break;
    case PROP_FEE_CENTS:
      g_value_set_int64 (value, self->fee_cents);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_STATUS_AT:
      g_value_set_int64 (value, self->status_at);
      break;
    case PROP_CANCELLED_AT:
      g_value_set_int64 (value, self->cancelled_at);
      break;
    case PROP_RESCHEDULED_TO:
      g_value_set_int64 (value, self->rescheduled_to);
      break;
    case PROP_POLICY_VERSION_ID:
      g_value_set_int64 (value, self->policy_version_id);
      break;
    case PROP_CANCELLED_BY:
      g_value_set_enum (value, self->cancelled_by);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
seances_appointment_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SeancesAppointment *self = SEANCES_APPOINTMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      seances_appointment_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_CLIENT_ID:
      seances_appointment_set_client_id (self, g_value_get_int64 (value));
      break;
    case PROP_SERIES_ID:
      seances_appointment_set_series_id (self, g_value_get_int64 (value));
      break;
    case PROP_START:
      seances_appointment_set_start (self, g_value_get_int64 (value));
      break;
    case PROP_END:
      seances_appointment_set_end (self, g_value_get_int64 (value));
      break;
    case PROP_PLACE:
      seances_appointment_set_place (self, g_value_get_enum (value));
      break;
    case PROP_FEE_CENTS:
      seances_appointment_set_fee_cents (self, g_value_get_int64 (value));
      break;
    case PROP_STATUS:
      seances_appointment_set_status (self, g_value_get_enum (value));
      break;
    case PROP_STATUS_AT:
      seances_appointment_set_status_at (self, g_value_get_int64 (value));
      break;
    case PROP_CANCELLED_AT:
      seances_appointment_set_cancelled_at (self, g_value_get_int64 (value));
      break;
    case PROP_RESCHEDULED_TO:
      seances_appointment_set_rescheduled_to (self, g_value_get_int64 (value));
      break;
    case PROP_POLICY_VERSION_ID:
      seances_appointment_set_policy_version_id (self, g_value_get_int64 (value));
      break;
    case PROP_CANCELLED_BY:
      seances_appointment_set_cancelled_by (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
int64_property (const char *name)
{
  return g_param_spec_int64 (name, NULL, NULL, 0, G_MAXINT64, 0,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
seances_appointment_class_init (SeancesAppointmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = seances_appointment_get_property;
  object_class->set_property = seances_appointment_set_property;

  properties[PROP_ID] = int64_property ("id");
  properties[PROP_CLIENT_ID] = int64_property ("client-id");
  properties[PROP_SERIES_ID] = int64_property ("series-id");
  /* Instants may precede 1970 in principle; the others are row ids, amounts or 0. */
  properties[PROP_START] =
    g_param_spec_int64 ("start", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_END] =
    g_param_spec_int64 ("end", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLACE] =
    g_param_spec_enum ("place", NULL, NULL, SEANCES_TYPE_PLACE, SEANCES_PLACE_OFFICE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FEE_CENTS] = int64_property ("fee-cents");
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, SEANCES_TYPE_APPOINTMENT_STATUS,
                       SEANCES_APPOINTMENT_STATUS_SCHEDULED,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS_AT] = int64_property ("status-at");
  properties[PROP_CANCELLED_AT] = int64_property ("cancelled-at");
  properties[PROP_RESCHEDULED_TO] = int64_property ("rescheduled-to");
  /* The cancellation policy's version in force when the session was booked. */
  properties[PROP_POLICY_VERSION_ID] = int64_property ("policy-version-id");
  properties[PROP_CANCELLED_BY] =
    g_param_spec_enum ("cancelled-by", NULL, NULL, SEANCES_TYPE_CANCELLED_BY,
                       SEANCES_CANCELLED_BY_NONE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
seances_appointment_init (SeancesAppointment *self)
{
  self->place = SEANCES_PLACE_OFFICE;
  self->status = SEANCES_APPOINTMENT_STATUS_SCHEDULED;
}

/* A draft, still to be stored: status scheduled, no id yet. */
SeancesAppointment *
seances_appointment_new (gint64       client_id,
                         gint64       start,
                         gint64       end,
                         SeancesPlace place,
                         gint64       fee_cents)
{
  SeancesAppointment *self;

  self = g_object_new (SEANCES_TYPE_APPOINTMENT, NULL);
  self->client_id = client_id;
  self->start = start;
  self->end = end;
  self->place = place;
  self->fee_cents = fee_cents;
  return self;
}

SeancesAppointment *
seances_appointment_copy (SeancesAppointment *self)
{
  SeancesAppointment *copy;

  g_return_val_if_fail (SEANCES_IS_APPOINTMENT (self), NULL);

  copy = g_object_new (SEANCES_TYPE_APPOINTMENT, NULL);
  copy->id = self->id;
  copy->client_id = self->client_id;
  copy->series_id = self->series_id;
  copy->start = self->start;
  copy->end = self->end;
  copy->place = self->place;
  copy->fee_cents = self->fee_cents;
  copy->status = self->status;
  copy->status_at = self->status_at;
  copy->cancelled_at = self->cancelled_at;
  copy->rescheduled_to = self->rescheduled_to;
  copy->policy_version_id = self->policy_version_id;
  copy->cancelled_by = self->cancelled_by;
  return copy;
}

gint64
seances_appointment_get_id (SeancesAppointment *self)
{
  g_return_val_if_fail (SEANCES_IS_APPOINTMENT (self), 0);
  return self->id;
}

void
seances_appointment_set_id (SeancesAppointment *self,
                            gint64              id)
{
  g_return_if_fail (SEANCES_IS_APPOINTMENT (self));
  set_int64 (self, &self->id, id, PROP_ID);
}

gint64
seances_appointment_get_client_id (SeancesAppointment *self)
{
  g_return_val_if_fail (SEANCES_IS_APPOINTMENT (self), 0);
  return self->client_id;
}

void
seances_appointment_set_client_id (SeancesAppointment *self,
                                   gint64              client_id)
{
  g_return_if_fail (SEANCES_IS_APPOINTMENT (self));
  set_int64 (self, &self->client_id, client_id, PROP_CLIENT_ID);
}

gint64
seances_appointment_get_series_id (SeancesAppointment *self)
{
  g_return_val_if_fail (SEANCES_IS_APPOINTMENT (self), 0);
  return self->series_id;
}

void
seances_appointment_set_series_id (SeancesAppointment *self,
                                   gint64              series_id)
{
  g_return_if_fail (SEANCES_IS_APPOINTMENT (self));
  set_int64 (self, &self->series_id, series_id, PROP_SERIES_ID);
}

gint64
seances_appointment_get_start (SeancesAppointment *self)
{
  g_return_val_if_fail (SEANCES_IS_APPOINTMENT (self), 0);
  return self->start;
}

void
seances_appointment_set_start (SeancesAppointment *self,
                               gint64              start)
{
  g_return_if_fail (SEANCES_IS_APPOINTMENT (self));
  set_int64 (self, &self->start, start, PROP_START);
}

gint64
seances_appointment_get_end (SeancesAppointment *self)
{
  g_return_val_if_fail (SEANCES_IS_APPOINTMENT (self), 0);
  return self->end;
}

void
seances_appointment_set_end (SeancesAppointment *self,
                             gint64              end)
{
  g_return_if_fail (SEANCES_IS_APPOINTMENT (self));
  set_int64 (self, &self->end, end, PROP_END);
}

SeancesPlace
seances_appointment_get_place (SeancesAppointment *self)
{
  g_return_val_if_fail (SEANCES_IS_APPOINTMENT (self), SEANCES_PLACE_OFFICE);
  return self->place;
}

void
seances_appointment_set_place (SeancesAppointment *self,
                               SeancesPlace        place)
{
  g_return_if_fail (SEANCES_IS_APPOINTMENT (self));

  if (self->place == place)
    return;
  self->place = place;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACE]);
}

gint64
seances_appointment_get_fee_cents (SeancesAppointment *self)
{
  g_return_val_if_fail (SEANCES_IS_APPOINTMENT (self), 0);
  return self->fee_cents;
}

void
seances_appointment_set_fee_cents (SeancesAppointment *self,
                                   gint64              fee_cents)
{
  g_return_if_fail (SEANCES_IS_APPOINTMENT (self));
  set_int64 (self, &self->fee_cents, fee_cents, PROP_FEE_CENTS);
}

SeancesAppointmentStatus
seances_appointment_get_status (SeancesAppointment *self)
{
  g_return_val_if_fail (SEANCES_IS_APPOINTMENT (self), SEANCES_APPOINTMENT_STATUS_SCHEDULED);
  return self->status;
}

void
seances_appointment_set_status (SeancesAppointment       *self,
                                SeancesAppointmentStatus  status)
{
  g_return_if_fail (SEANCES_IS_APPOINTMENT (self));

  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

gint64
seances_appointment_get_status_at (SeancesAppointment *self)
{
  g_return_val_if_fail (SEANCES_IS_APPOINTMENT (self), 0);
  return self->status_at;
}

void
seances_appointment_set_status_at (SeancesAppointment *self,
                                   gint64              status_at)
{
  g_return_if_fail (SEANCES_IS_APPOINTMENT (self));
  set_int64 (self, &self->status_at, status_at, PROP_STATUS_AT);
}

gint64
seances_appointment_get_cancelled_at (SeancesAppointment *self)
{
  g_return_val_if_fail (SEANCES_IS_APPOINTMENT (self), 0);
  return self->cancelled_at;
}

void
seances_appointment_set_cancelled_at (SeancesAppointment *self,
                                      gint64              cancelled_at)
{
  g_return_if_fail (SEANCES_IS_APPOINTMENT (self));
  set_int64 (self, &self->cancelled_at, cancelled_at, PROP_CANCELLED_AT);
}

gint64
seances_appointment_get_rescheduled_to (SeancesAppointment *self)
{
  g_return_val_if_fail (SEANCES_IS_APPOINTMENT (self), 0);
  return self->rescheduled_to;
}

void
seances_appointment_set_rescheduled_to (SeancesAppointment *self,
                                        gint64              rescheduled_to)
{
  g_return_if_fail (SEANCES_IS_APPOINTMENT (self));
  set_int64 (self, &self->rescheduled_to, rescheduled_to, PROP_RESCHEDULED_TO);
}

gint64
seances_appointment_get_policy_version_id (SeancesAppointment *self)
{
  g_return_val_if_fail (SEANCES_IS_APPOINTMENT (self), 0);
  return self->policy_version_id;
}

void
seances_appointment_set_policy_version_id (SeancesAppointment *self,
                                           gint64              version_id)
{
  g_return_if_fail (SEANCES_IS_APPOINTMENT (self));
  set_int64 (self, &self->policy_version_id, version_id, PROP_POLICY_VERSION_ID);
}

SeancesCancelledBy
seances_appointment_get_cancelled_by (SeancesAppointment *self)
{
  g_return_val_if_fail (SEANCES_IS_APPOINTMENT (self), SEANCES_CANCELLED_BY_NONE);
  return self->cancelled_by;
}

void
seances_appointment_set_cancelled_by (SeancesAppointment *self,
                                      SeancesCancelledBy  cancelled_by)
{
  g_return_if_fail (SEANCES_IS_APPOINTMENT (self));

  if (self->cancelled_by == cancelled_by)
    return;
  self->cancelled_by = cancelled_by;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CANCELLED_BY]);
}

/* Upcoming is what is still booked from @now on; a future slot that was moved or
 * cancelled is history already, like everything that started before @now. */
gboolean
seances_appointment_is_upcoming (SeancesAppointment *self,
                                 gint64              now)
{
  g_return_val_if_fail (SEANCES_IS_APPOINTMENT (self), FALSE);

  switch (self->status)
    {
    case SEANCES_APPOINTMENT_STATUS_SCHEDULED:
      return self->start >= now;
    case SEANCES_APPOINTMENT_STATUS_HONOURED:
    case SEANCES_APPOINTMENT_STATUS_CANCELLED_IN_TIME:
    case SEANCES_APPOINTMENT_STATUS_CANCELLED_LATE:
    case SEANCES_APPOINTMENT_STATUS_NO_SHOW:
    case SEANCES_APPOINTMENT_STATUS_RESCHEDULED:
    default:
      return FALSE;
    }
}

gboolean
seances_appointment_is_history (SeancesAppointment *self,
                                gint64              now)
{
  g_return_val_if_fail (SEANCES_IS_APPOINTMENT (self), FALSE);
  return !seances_appointment_is_upcoming (self, now);
}

/* Over: ended by @now, whatever became of it (the agenda fades it). */
gboolean
seances_appointment_is_over (SeancesAppointment *self,
                             gint64              now)
{
  g_return_val_if_fail (SEANCES_IS_APPOINTMENT (self), FALSE);
  return self->end <= now;
}

/* Only a session still booked and not yet begun can be moved or cancelled: what has
 * begun is marked honoured or absent instead. */
static gboolean
is_open (SeancesAppointment *self,
         gint64              now)
{
  switch (self->status)
    {
    case SEANCES_APPOINTMENT_STATUS_SCHEDULED:
      return self->start > now;
    case SEANCES_APPOINTMENT_STATUS_HONOURED:
    case SEANCES_APPOINTMENT_STATUS_CANCELLED_IN_TIME:
    case SEANCES_APPOINTMENT_STATUS_CANCELLED_LATE:
    case SEANCES_APPOINTMENT_STATUS_NO_SHOW:
    case SEANCES_APPOINTMENT_STATUS_RESCHEDULED:
    default:
      return FALSE;
    }
}

gboolean
seances_appointment_can_move (SeancesAppointment *self,
                              gint64              now)
{
  g_return_val_if_fail (SEANCES_IS_APPOINTMENT (self), FALSE);
  return is_open (self, now);
}

gboolean
seances_appointment_can_cancel (SeancesAppointment *self,
                                gint64              now)
{
  g_return_val_if_fail (SEANCES_IS_APPOINTMENT (self), FALSE);
  return is_open (self, now);
}

/* Whether the session holds its slot: a booked or honoured one does, and no other may be
 * booked over it without saying so; an absence or a cancellation leaves it free. */
gboolean
seances_appointment_takes_slot (SeancesAppointment *self)
{
  g_return_val_if_fail (SEANCES_IS_APPOINTMENT (self), FALSE);

  switch (self->status)
    {
    case SEANCES_APPOINTMENT_STATUS_SCHEDULED:
    case SEANCES_APPOINTMENT_STATUS_HONOURED:
      return TRUE;
    case SEANCES_APPOINTMENT_STATUS_CANCELLED_IN_TIME:
    case SEANCES_APPOINTMENT_STATUS_CANCELLED_LATE:
    case SEANCES_APPOINTMENT_STATUS_NO_SHOW:
    case SEANCES_APPOINTMENT_STATUS_RESCHEDULED:
    default:
      return FALSE;
    }
}

/* Whether the agenda shows the session: a moved one shows where it went, one cancelled in
 * time has freed its slot; a late cancellation or an absence stays, dimmed, as it is billed. */
gboolean
seances_appointment_is_in_agenda (SeancesAppointment *self)
{
  g_return_val_if_fail (SEANCES_IS_APPOINTMENT (self), FALSE);

  switch (self->status)
    {
    case SEANCES_APPOINTMENT_STATUS_SCHEDULED:
    case SEANCES_APPOINTMENT_STATUS_HONOURED:
    case SEANCES_APPOINTMENT_STATUS_CANCELLED_LATE:
    case SEANCES_APPOINTMENT_STATUS_NO_SHOW:
      return TRUE;
    case SEANCES_APPOINTMENT_STATUS_CANCELLED_IN_TIME:
    case SEANCES_APPOINTMENT_STATUS_RESCHEDULED:
    default:
      return FALSE;
    }
}
