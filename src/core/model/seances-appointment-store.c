/* seances-appointment-store.c — the sessions in the database: agenda queries and changes
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change runs in one transaction, checks conflicts inside it, and emits
 * ::changed with the time range it touched once it is committed. */
#include "config.h"

#include "seances-appointment-store.h"

#include <glib/gi18n-lib.h>

#include "seances-database-private.h"
#include "seances-model-private.h"
#include "seances-recurrence.h"
#include "seances-time.h"

#define COLUMNS \
  "id, client_id, series_id, start_at, end_at, place, fee_cents, status, status_at," \
  " cancelled_at, rescheduled_to, policy_version_id, cancelled_by"
#define MAX_SECONDS (SEANCES_APPOINTMENT_MAX_MINUTES * 60)
#define MAX_FEE_CENTS 10000000

struct _SeancesAppointmentStore
{
  GObject          parent_instance;

  SeancesDatabase *database;
  SeancesClock    *clock;
  GTimeZone       *time_zone;
  int              buffer_minutes;
  gint64           policy_version_id;  /* in force for what is booked now; 0: none known */
};

G_DEFINE_FINAL_TYPE (SeancesAppointmentStore, seances_appointment_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (seances-appointment-error-quark, seances_appointment_error)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_TIME_ZONE,
  PROP_BUFFER_MINUTES,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Changes are stamped with the context's clock (the system's until it is set). */
static gint64
now_seconds (SeancesAppointmentStore *self)
{
  return seances_clock_get_now (self->clock);
}

static gboolean
fail (GError     **error,
      int          code,
      const char  *message)
{
  g_set_error_literal (error, SEANCES_APPOINTMENT_ERROR, code, message);
  return FALSE;
}

static gboolean
validate_span (gint64   start,
               gint64   end,
               GError **error)
{
  if (end - start < SEANCES_APPOINTMENT_MIN_MINUTES * 60 || end - start > MAX_SECONDS)
    return fail (error, SEANCES_APPOINTMENT_ERROR_INVALID,
                 _("A session lasts between 5 minutes and 8 hours."));
  return TRUE;
}

static gboolean
validate_draft (SeancesAppointment  *draft,
                GError             **error)
{
  gint64 fee = seances_appointment_get_fee_cents (draft);

  if (seances_appointment_get_client_id (draft) <= 0)
    return fail (error, SEANCES_APPOINTMENT_ERROR_INVALID, _("Choose who the session is for."));
  if (fee < 0 || fee > MAX_FEE_CENTS)
    return fail (error, SEANCES_APPOINTMENT_ERROR_INVALID,
                 _("The fee must be between 0 and 100 000 €."));
  return validate_span (seances_appointment_get_start (draft), seances_appointment_get_end (draft),
                        error);
}

/* The schema's CHECK constraints allow only the spellings of the enums: a string that is
 * none of them is a damaged row, read as the column's default. */
static SeancesAppointment *
appointment_from_row (SeancesStatement *stmt)
{
  SeancesAppointment *appointment;
  SeancesPlace place = SEANCES_PLACE_OFFICE;
  SeancesAppointmentStatus status = SEANCES_APPOINTMENT_STATUS_SCHEDULED;
  SeancesCancelledBy cancelled_by = SEANCES_CANCELLED_BY_NONE;

  if (!seances_place_from_string ((const char *) sqlite3_column_text (stmt, 5), &place))
    g_warning ("Session %" G_GINT64_FORMAT ": unknown place", (gint64) sqlite3_column_int64 (stmt, 0));
  if (!seances_appointment_status_from_string ((const char *) sqlite3_column_text (stmt, 7), &status))
    g_warning ("Session %" G_GINT64_FORMAT ": unknown status", (gint64) sqlite3_column_int64 (stmt, 0));
  if (!seances_cancelled_by_from_string ((const char *) sqlite3_column_text (stmt, 12), &cancelled_by))
    g_warning ("Session %" G_GINT64_FORMAT ": unknown canceller", (gint64) sqlite3_column_int64 (stmt, 0));

  appointment = seances_appointment_new (sqlite3_column_int64 (stmt, 1),
                                         sqlite3_column_int64 (stmt, 3),
                                         sqlite3_column_int64 (stmt, 4),
                                         place,
                                         sqlite3_column_int64 (stmt, 6));
  seances_appointment_set_id (appointment, sqlite3_column_int64 (stmt, 0));
  seances_appointment_set_series_id (appointment, sqlite3_column_int64 (stmt, 2));
  seances_appointment_set_status (appointment, status);
  seances_appointment_set_status_at (appointment, sqlite3_column_int64 (stmt, 8));
  seances_appointment_set_cancelled_at (appointment, sqlite3_column_int64 (stmt, 9));
  seances_appointment_set_rescheduled_to (appointment, sqlite3_column_int64 (stmt, 10));
  seances_appointment_set_policy_version_id (appointment, sqlite3_column_int64 (stmt, 11));
  seances_appointment_set_cancelled_by (appointment, cancelled_by);
  return appointment;
}

static GPtrArray *
collect (SeancesAppointmentStore  *self,
         SeancesStatement         *stmt,
         GError                  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean has_row;

  while (seances_database_step (self->database, stmt, &has_row, error))
    {
      if (!has_row)
        return g_steal_pointer (&list);
      g_ptr_array_add (list, appointment_from_row (stmt));
    }
  return NULL;
}

static gboolean
insert_row (SeancesAppointmentStore  *self,
            SeancesAppointment       *appointment,
            gint64                    now,
            GError                  **error)
{
  g_autoptr(SeancesStatement) stmt = NULL;

  stmt = seances_database_prepare (self->database,
                                   "INSERT INTO appointment (client_id, series_id, start_at, end_at,"
                                   " place, fee_cents, status, status_at, cancelled_at, rescheduled_to,"
                                   " created_at, policy_version_id, cancelled_by)"
                                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                                   error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, seances_appointment_get_client_id (appointment));
  seances_statement_bind_optional (stmt, 2, seances_appointment_get_series_id (appointment));
  sqlite3_bind_int64 (stmt, 3, seances_appointment_get_start (appointment));
  sqlite3_bind_int64 (stmt, 4, seances_appointment_get_end (appointment));
  sqlite3_bind_text (stmt, 5, seances_place_to_string (seances_appointment_get_place (appointment)),
                     -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, seances_appointment_get_fee_cents (appointment));
  sqlite3_bind_text (stmt, 7,
                     seances_appointment_status_to_string (seances_appointment_get_status (appointment)),
                     -1, SQLITE_STATIC);
  seances_statement_bind_optional (stmt, 8, seances_appointment_get_status_at (appointment));
  seances_statement_bind_optional (stmt, 9, seances_appointment_get_cancelled_at (appointment));
  seances_statement_bind_optional (stmt, 10, seances_appointment_get_rescheduled_to (appointment));
  sqlite3_bind_int64 (stmt, 11, now);
  seances_statement_bind_optional (stmt, 12, seances_appointment_get_policy_version_id (appointment));
  sqlite3_bind_text (stmt, 13,
                     seances_cancelled_by_to_string (seances_appointment_get_cancelled_by (appointment)),
                     -1, SQLITE_STATIC);

  if (!seances_database_step (self->database, stmt, NULL, error))
    return FALSE;
  seances_appointment_set_id (appointment, seances_database_last_insert_id (self->database));
  return TRUE;
}

static SeancesAppointment *
load_row (SeancesAppointmentStore  *self,
          gint64                    id,
          GError                  **error)
{
  g_autoptr(SeancesStatement) stmt = NULL;
  gboolean has_row;

  stmt = seances_database_prepare (self->database,
                                   "SELECT " COLUMNS " FROM appointment WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!seances_database_step (self->database, stmt, &has_row, error))
    return NULL;
  if (!has_row)
    {
      fail (error, SEANCES_APPOINTMENT_ERROR_NOT_FOUND, _("This session no longer exists."));
      return NULL;
    }
  return appointment_from_row (stmt);
}

/* Reads the session as the database holds it now: only a scheduled one may change. */
static SeancesAppointment *
load_scheduled (SeancesAppointmentStore  *self,
                gint64                    id,
                const char               *refusal,
                GError                  **error)
{
  g_autoptr(SeancesAppointment) current = load_row (self, id, error);

  if (current == NULL)
    return NULL;
  if (seances_appointment_get_status (current) != SEANCES_APPOINTMENT_STATUS_SCHEDULED)
    {
      fail (error, SEANCES_APPOINTMENT_ERROR_NOT_SCHEDULED, refusal);
      return NULL;
    }
  return g_steal_pointer (&current);
}

/* Fails when another session is in the way, naming the time of the first one (never
 * who it is for). @in_series names the day of the new session too, since it may be
 * weeks away from the first one of the series. */
static gboolean
check_conflicts (SeancesAppointmentStore  *self,
                 gint64                    start,
                 gint64                    end,
                 gint64                    exclude_id,
                 gboolean                  in_series,
                 GError                  **error)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autofree char *hour = NULL;
  g_autofree char *when = NULL;
  SeancesAppointment *other;
  int buffer = self->buffer_minutes;
  gboolean overlaps;

  conflicts = seances_appointment_store_find_conflicts (self, start, end, buffer, exclude_id, error);
  if (conflicts == NULL)
    return FALSE;
  if (conflicts->len == 0)
    return TRUE;

  other = g_ptr_array_index (conflicts, 0);
  overlaps = seances_appointment_get_start (other) < end && seances_appointment_get_end (other) > start;
  hour = seances_time_format_hour (self->time_zone, seances_appointment_get_start (other));

  if (!in_series && overlaps)
    g_set_error (error, SEANCES_APPOINTMENT_ERROR, SEANCES_APPOINTMENT_ERROR_CONFLICT,
                 /* Translators: %s is a time, as in « 14 h 00 » */
                 _("This session overlaps the one at %s."), hour);
  else if (!in_series)
    g_set_error (error, SEANCES_APPOINTMENT_ERROR, SEANCES_APPOINTMENT_ERROR_CONFLICT,
                 /* Translators: %s is a time, as in « 14 h 00 »; %d the break the practice
                  * keeps between two sessions */
                 ngettext ("This session is too close to the one at %s: keep a break of %d minute.",
                           "This session is too close to the one at %s: keep a break of %d minutes.",
                           buffer),
                 hour, buffer);
  else
    {
      when = seances_time_format_long (self->time_zone, start);
      if (overlaps)
        g_set_error (error, SEANCES_APPOINTMENT_ERROR, SEANCES_APPOINTMENT_ERROR_CONFLICT,
                     /* Translators: the first %s is a day and a time, as in « mardi 24 novembre
                      * à 14 h 00 », the second a time, as in « 14 h 00 » */
                     _("The session of %s overlaps the one at %s."), when, hour);
      else
        g_set_error (error, SEANCES_APPOINTMENT_ERROR, SEANCES_APPOINTMENT_ERROR_CONFLICT,
                     /* Translators: the first %s is a day and a time, as in « mardi 24 novembre
                      * à 14 h 00 », the second a time, as in « 14 h 00 »; %d the break the
                      * practice keeps between two sessions */
                     ngettext ("The session of %s is too close to the one at %s: "
                               "keep a break of %d minute.",
                               "The session of %s is too close to the one at %s: "
                               "keep a break of %d minutes.",
                               buffer),
                     when, hour, buffer);
    }
  return FALSE;
}

static void
seances_appointment_store_dispose (GObject *object)
{
  SeancesAppointmentStore *self = (SeancesAppointmentStore *)object;

  g_clear_object (&self->database);
  g_clear_object (&self->clock);
  G_OBJECT_CLASS (seances_appointment_store_parent_class)->dispose (object);
}

static void
seances_appointment_store_finalize (GObject *object)
{
  SeancesAppointmentStore *self = (SeancesAppointmentStore *)object;

  g_clear_pointer (&self->time_zone, g_time_zone_unref);
  G_OBJECT_CLASS (seances_appointment_store_parent_class)->finalize (object);
}

static void
seances_appointment_store_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  SeancesAppointmentStore *self = SEANCES_APPOINTMENT_STORE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    case PROP_TIME_ZONE:
      g_value_set_boxed (value, self->time_zone);
      break;
    case PROP_BUFFER_MINUTES:
      g_value_set_int (value, self->buffer_minutes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
seances_appointment_store_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  SeancesAppointmentStore *self = SEANCES_APPOINTMENT_STORE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;
    case PROP_TIME_ZONE:
      seances_appointment_store_set_time_zone (self, g_value_get_boxed (value));
      break;
    case PROP_BUFFER_MINUTES:
      seances_appointment_store_set_buffer_minutes (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
seances_appointment_store_class_init (SeancesAppointmentStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = seances_appointment_store_dispose;
  object_class->finalize = seances_appointment_store_finalize;
  object_class->get_property = seances_appointment_store_get_property;
  object_class->set_property = seances_appointment_store_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, SEANCES_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The practice's time zone: it names the times in conflict messages and keeps the
   * local time of a series. */
  properties[PROP_TIME_ZONE] =
    g_param_spec_boxed ("time-zone", NULL, NULL, G_TYPE_TIME_ZONE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The break the practice keeps between two sessions. */
  properties[PROP_BUFFER_MINUTES] =
    g_param_spec_int ("buffer-minutes", NULL, NULL, 0, 240, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SeancesAppointmentStore::changed:
   * @from: the start of the time range that changed (UTC seconds)
   * @to: its end, excluded
   *
   * Emitted after a change is committed, so that views showing this range reload it.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
}

static void
seances_appointment_store_init (SeancesAppointmentStore *self)
{
  self->time_zone = g_time_zone_new_identifier ("Europe/Paris");
  self->clock = seances_clock_new ();
}

SeancesAppointmentStore *
seances_appointment_store_new (SeancesDatabase *database,
                               GTimeZone       *time_zone,
                               int              buffer_minutes)
{
  g_return_val_if_fail (SEANCES_IS_DATABASE (database), NULL);
  g_return_val_if_fail (time_zone != NULL, NULL);

  return g_object_new (SEANCES_TYPE_APPOINTMENT_STORE,
                       "database", database,
                       "time-zone", time_zone,
                       "buffer-minutes", buffer_minutes,
                       NULL);
}

SeancesDatabase *
seances_appointment_store_get_database (SeancesAppointmentStore *self)
{
  g_return_val_if_fail (SEANCES_IS_APPOINTMENT_STORE (self), NULL);
  return self->database;
}

GTimeZone *
seances_appointment_store_get_time_zone (SeancesAppointmentStore *self)
{
  g_return_val_if_fail (SEANCES_IS_APPOINTMENT_STORE (self), NULL);
  return self->time_zone;
}

void
seances_appointment_store_set_time_zone (SeancesAppointmentStore *self,
                                         GTimeZone               *time_zone)
{
  g_return_if_fail (SEANCES_IS_APPOINTMENT_STORE (self));
  g_return_if_fail (time_zone != NULL);

  if (g_strcmp0 (g_time_zone_get_identifier (self->time_zone),
                 g_time_zone_get_identifier (time_zone)) == 0)
    return;
  g_clear_pointer (&self->time_zone, g_time_zone_unref);
  self->time_zone = g_time_zone_ref (time_zone);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME_ZONE]);
}

int
seances_appointment_store_get_buffer_minutes (SeancesAppointmentStore *self)
{
  g_return_val_if_fail (SEANCES_IS_APPOINTMENT_STORE (self), 0);
  return self->buffer_minutes;
}

void
seances_appointment_store_set_buffer_minutes (SeancesAppointmentStore *self,
                                              int                      buffer_minutes)
{
  g_return_if_fail (SEANCES_IS_APPOINTMENT_STORE (self));
  g_return_if_fail (buffer_minutes >= 0 && buffer_minutes <= 240);

  if (self->buffer_minutes == buffer_minutes)
    return;
  self->buffer_minutes = buffer_minutes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUFFER_MINUTES]);
}

/* Every session overlapping [@from, @to), whatever its status, ordered by start. */
GPtrArray *
seances_appointment_store_list_range (SeancesAppointmentStore  *self,
                                      gint64                    from,
                                      gint64                    to,
                                      GError                  **error)
{
  g_autoptr(SeancesStatement) stmt = NULL;

  g_return_val_if_fail (SEANCES_IS_APPOINTMENT_STORE (self), NULL);
  g_return_val_if_fail (from <= to, NULL);

  /* No session lasts longer than MAX_SECONDS, so bounding start_at on both sides keeps
   * this a short walk along the start index. */
  stmt = seances_database_prepare (self->database,
                                   "SELECT " COLUMNS " FROM appointment"
                                   " WHERE start_at > ?1 AND start_at < ?2 AND end_at > ?3"
                                   " ORDER BY start_at, id",
                                   error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, from - MAX_SECONDS);
  sqlite3_bind_int64 (stmt, 2, to);
  sqlite3_bind_int64 (stmt, 3, from);
  return collect (self, stmt, error);
}

/* Every session of one client, whatever its status, ordered by start. */
GPtrArray *
seances_appointment_store_list_for_client (SeancesAppointmentStore  *self,
                                           gint64                    client_id,
                                           GError                  **error)
{
  g_autoptr(SeancesStatement) stmt = NULL;

  g_return_val_if_fail (SEANCES_IS_APPOINTMENT_STORE (self), NULL);

  stmt = seances_database_prepare (self->database,
                                   "SELECT " COLUMNS " FROM appointment WHERE client_id = ?1"
                                   " ORDER BY start_at, id",
                                   error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, client_id);
  return collect (self, stmt, error);
}

/* What a client's page shows: every session from @now on, and the @max_earlier latest
 * before it, ordered by start; *@n_earlier (when not NULL) counts all those before
 * @now. A client seen weekly for years has hundreds: only what is shown is read. */
GPtrArray *
seances_appointment_store_list_recent_for_client (SeancesAppointmentStore  *self,
                                                  gint64                    client_id,
                                                  gint64                    now,
                                                  guint                     max_earlier,
                                                  guint                    *n_earlier,
                                                  GError                  **error)
{
  g_autoptr(SeancesStatement) later = NULL;
  g_autoptr(SeancesStatement) earlier = NULL;
  g_autoptr(SeancesStatement) count = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) tail = NULL;
  gboolean has_row;

  g_return_val_if_fail (SEANCES_IS_APPOINTMENT_STORE (self), NULL);

  earlier = seances_database_prepare (self->database,
                                      "SELECT " COLUMNS " FROM appointment WHERE client_id = ?1 AND start_at < ?2"
                                      " ORDER BY start_at DESC, id DESC LIMIT ?3",
                                      error);
  if (earlier == NULL)
    return NULL;
  sqlite3_bind_int64 (earlier, 1, client_id);
  sqlite3_bind_int64 (earlier, 2, now);
  sqlite3_bind_int64 (earlier, 3, max_earlier);
  list = collect (self, earlier, error);
  if (list == NULL)
    return NULL;
  /* Read latest first: put back in order of start. */
  for (guint i = 0; i < list->len / 2; i++)
    {
      gpointer swap = list->pdata[i];

      list->pdata[i] = list->pdata[list->len - 1 - i];
      list->pdata[list->len - 1 - i] = swap;
    }

  later = seances_database_prepare (self->database,
                                    "SELECT " COLUMNS " FROM appointment WHERE client_id = ?1 AND start_at >= ?2"
                                    " ORDER BY start_at, id",
                                    error);
  if (later == NULL)
    return NULL;
  sqlite3_bind_int64 (later, 1, client_id);
  sqlite3_bind_int64 (later, 2, now);
  tail = collect (self, later, error);
  if (tail == NULL)
    return NULL;
  for (guint i = 0; i < tail->len; i++)
    g_ptr_array_add (list, g_object_ref (g_ptr_array_index (tail, i)));

  if (n_earlier != NULL)
    {
      count = seances_database_prepare (self->database,
                                        "SELECT count(*) FROM appointment WHERE client_id = ?1 AND start_at < ?2",
                                        error);
      if (count == NULL)
        return NULL;
      sqlite3_bind_int64 (count, 1, client_id);
      sqlite3_bind_int64 (count, 2, now);
      if (!seances_database_step (self->database, count, &has_row, error))
        return NULL;
      *n_earlier = has_row ? (guint) sqlite3_column_int64 (count, 0) : 0;
    }
  return g_steal_pointer (&list);
}

/* The sessions still taking their slot (scheduled or honoured) that overlap
 * [@start - @buffer_minutes, @end + @buffer_minutes), except @exclude_id (0: none).
 * A session ending exactly when the other starts is no conflict without a buffer. */
GPtrArray *
seances_appointment_store_find_conflicts (SeancesAppointmentStore  *self,
                                          gint64                    start,
                                          gint64                    end,
                                          int                       buffer_minutes,
                                          gint64                    exclude_id,
                                          GError                  **error)
{
  g_autoptr(SeancesStatement) stmt = NULL;
  gint64 buffer = (gint64) buffer_minutes * 60;

  g_return_val_if_fail (SEANCES_IS_APPOINTMENT_STORE (self), NULL);
  g_return_val_if_fail (start <= end, NULL);
  g_return_val_if_fail (buffer_minutes >= 0, NULL);

  stmt = seances_database_prepare (self->database,
                                   "SELECT " COLUMNS " FROM appointment"
                                   " WHERE start_at > ?1 AND start_at < ?2 AND end_at > ?3"
                                   " AND status IN (?5, ?6) AND id != ?4"
                                   " ORDER BY start_at, id",
                                   error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, start - buffer - MAX_SECONDS);
  sqlite3_bind_int64 (stmt, 2, end + buffer);
  sqlite3_bind_int64 (stmt, 3, start - buffer);
  sqlite3_bind_int64 (stmt, 4, exclude_id);
  /* The statuses that take a slot: seances_appointment_takes_slot(). */
  sqlite3_bind_text (stmt, 5, seances_appointment_status_to_string (SEANCES_APPOINTMENT_STATUS_SCHEDULED), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, seances_appointment_status_to_string (SEANCES_APPOINTMENT_STATUS_HONOURED), -1, SQLITE_STATIC);
  return collect (self, stmt, error);
}

/* Stores @draft and gives it its id and the policy version in force. Unless
 * @allow_conflict, a draft that would overlap another session, or fall inside the
 * practice's break around it, is refused with SEANCES_APPOINTMENT_ERROR_CONFLICT. A
 * session in the past is stored as any other: still scheduled, it waits in the review. */
gboolean
seances_appointment_store_create (SeancesAppointmentStore  *self,
                                  SeancesAppointment       *draft,
                                  gboolean                  allow_conflict,
                                  GError                  **error)
{
  gint64 start;
  gint64 end;
  gint64 drafted_version;

  g_return_val_if_fail (SEANCES_IS_APPOINTMENT_STORE (self), FALSE);
  g_return_val_if_fail (SEANCES_IS_APPOINTMENT (draft), FALSE);
  g_return_val_if_fail (seances_appointment_get_id (draft) == 0, FALSE);

  if (!validate_draft (draft, error))
    return FALSE;
  start = seances_appointment_get_start (draft);
  end = seances_appointment_get_end (draft);
  drafted_version = seances_appointment_get_policy_version_id (draft);
  seances_appointment_set_policy_version_id (draft, self->policy_version_id);

  if (!seances_database_begin (self->database, error))
    return FALSE;
  if ((!allow_conflict && seances_appointment_takes_slot (draft) &&
       !check_conflicts (self, start, end, 0, FALSE, error)) ||
      !insert_row (self, draft, now_seconds (self), error) ||
      !seances_database_commit (self->database, error))
    {
      seances_database_rollback (self->database);
      seances_appointment_set_id (draft, 0);
      seances_appointment_set_policy_version_id (draft, drafted_version);
      return FALSE;
    }

  g_signal_emit (self, signals[CHANGED], 0, start, end);
  return TRUE;
}

/* Stores a series: @draft repeated every @interval_weeks weeks at the same local time,
 * @count times, or until the local date @until inclusive (then @count is 0). All the
 * sessions are stored or none: one conflict, unless @allow_conflict, refuses the series,
 * naming the day. @created receives the stored sessions; @draft is left as it was. */
gboolean
seances_appointment_store_create_series (SeancesAppointmentStore  *self,
                                         SeancesAppointment       *draft,
                                         int                       interval_weeks,
                                         int                       count,
                                         const GDate              *until,
                                         gboolean                  allow_conflict,
                                         GPtrArray               **created,
                                         GError                  **error)
{
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GArray) starts = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(SeancesStatement) stmt = NULL;
  gint64 duration;
  gint64 series_id;
  gint64 now = now_seconds (self);
  gboolean ok;

  g_return_val_if_fail (SEANCES_IS_APPOINTMENT_STORE (self), FALSE);
  g_return_val_if_fail (SEANCES_IS_APPOINTMENT (draft), FALSE);
  g_return_val_if_fail (seances_appointment_get_id (draft) == 0, FALSE);

  if (!validate_draft (draft, error))
    return FALSE;

  first = seances_time_to_local (self->time_zone, seances_appointment_get_start (draft));
  starts = seances_recurrence_expand (self->time_zone, g_date_time_get_year (first),
                                      g_date_time_get_month (first),
                                      g_date_time_get_day_of_month (first),
                                      g_date_time_get_hour (first), g_date_time_get_minute (first),
                                      interval_weeks, count, until, error);
  if (starts == NULL)
    return FALSE;
  duration = seances_appointment_get_end (draft) - seances_appointment_get_start (draft);

  if (!seances_database_begin (self->database, error))
    return FALSE;

  stmt = seances_database_prepare (self->database,
                                   "INSERT INTO series (client_id, interval_weeks, created_at)"
                                   " VALUES (?1, ?2, ?3)",
                                   error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, seances_appointment_get_client_id (draft));
      sqlite3_bind_int (stmt, 2, interval_weeks);
      sqlite3_bind_int64 (stmt, 3, now);
      ok = seances_database_step (self->database, stmt, NULL, error);
    }
  series_id = seances_database_last_insert_id (self->database);

  sessions = g_ptr_array_new_full (starts->len, g_object_unref);
  for (guint i = 0; ok && i < starts->len; i++)
    {
      g_autoptr(SeancesAppointment) session = seances_appointment_copy (draft);
      gint64 start = g_array_index (starts, gint64, i);

      seances_appointment_set_series_id (session, series_id);
      seances_appointment_set_policy_version_id (session, self->policy_version_id);
      seances_appointment_set_start (session, start);
      seances_appointment_set_end (session, start + duration);
      ok = (allow_conflict || !seances_appointment_takes_slot (session) ||
            check_conflicts (self, start, start + duration, 0, TRUE, error)) &&
           insert_row (self, session, now, error);
      g_ptr_array_add (sessions, g_steal_pointer (&session));
    }

  if (!ok || !seances_database_commit (self->database, error))
    {
      seances_database_rollback (self->database);
      return FALSE;
    }

  g_signal_emit (self, signals[CHANGED], 0,
                 g_array_index (starts, gint64, 0),
                 g_array_index (starts, gint64, starts->len - 1) + duration);
  if (created != NULL)
    *created = g_steal_pointer (&sessions);
  return TRUE;
}

/* Moves a scheduled session (« reporter ») and keeps its history: a new session takes
 * the new slot with the same client, place, fee, series and policy version (the terms
 * the client booked under still apply), and the old one becomes rescheduled, pointing
 * to it. @appointment is updated; @moved receives the new one. */
gboolean
seances_appointment_store_move (SeancesAppointmentStore  *self,
                                SeancesAppointment       *appointment,
                                gint64                    new_start,
                                gint64                    new_end,
                                gboolean                  allow_conflict,
                                SeancesAppointment      **moved,
                                GError                  **error)
{
  g_autoptr(SeancesAppointment) current = NULL;
  g_autoptr(SeancesAppointment) next = NULL;
  g_autoptr(SeancesStatement) stmt = NULL;
  gint64 id;
  gint64 now = now_seconds (self);
  gboolean ok;

  g_return_val_if_fail (SEANCES_IS_APPOINTMENT_STORE (self), FALSE);
  g_return_val_if_fail (SEANCES_IS_APPOINTMENT (appointment), FALSE);
  g_return_val_if_fail (seances_appointment_get_id (appointment) > 0, FALSE);

  if (!validate_span (new_start, new_end, error))
    return FALSE;
  id = seances_appointment_get_id (appointment);

  if (!seances_database_begin (self->database, error))
    return FALSE;

  current = load_scheduled (self, id,
                            _("This session can no longer be moved: it was already cancelled, "
                              "moved or closed."),
                            error);
  ok = current != NULL;
  if (ok)
    {
      next = seances_appointment_copy (current);
      seances_appointment_set_id (next, 0);
      seances_appointment_set_start (next, new_start);
      seances_appointment_set_end (next, new_end);
      ok = (allow_conflict || check_conflicts (self, new_start, new_end, id, FALSE, error)) &&
           insert_row (self, next, now, error);
    }
  if (ok)
    {
      stmt = seances_database_prepare (self->database,
                                       "UPDATE appointment SET status = ?4, status_at = ?2,"
                                       " rescheduled_to = ?3 WHERE id = ?1",
                                       error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, now);
      sqlite3_bind_int64 (stmt, 3, seances_appointment_get_id (next));
      sqlite3_bind_text (stmt, 4, seances_appointment_status_to_string (SEANCES_APPOINTMENT_STATUS_RESCHEDULED),
                         -1, SQLITE_STATIC);
      ok = seances_database_step (self->database, stmt, NULL, error);
    }
  if (!ok || !seances_database_commit (self->database, error))
    {
      seances_database_rollback (self->database);
      return FALSE;
    }

  g_object_freeze_notify (G_OBJECT (appointment));
  seances_appointment_set_status (appointment, SEANCES_APPOINTMENT_STATUS_RESCHEDULED);
  seances_appointment_set_status_at (appointment, now);
  seances_appointment_set_rescheduled_to (appointment, seances_appointment_get_id (next));
  g_object_thaw_notify (G_OBJECT (appointment));

  g_signal_emit (self, signals[CHANGED], 0,
                 MIN (seances_appointment_get_start (current), new_start),
                 MAX (seances_appointment_get_end (current), new_end));
  if (moved != NULL)
    *moved = g_steal_pointer (&next);
  return TRUE;
}

void
seances_appointment_store_set_clock (SeancesAppointmentStore *self,
                                     SeancesClock *clock)
{
  g_return_if_fail (SEANCES_IS_APPOINTMENT_STORE (self));
  g_return_if_fail (SEANCES_IS_CLOCK (clock));
  g_set_object (&self->clock, clock);
}

/* The policy version in force (seances_policy_store_get_current()), recorded in every
 * session booked from now on: the terms a fee is defended by are those the client booked
 * under. 0 records none, and the first version will apply. */
void
seances_appointment_store_set_policy_version (SeancesAppointmentStore *self,
                                              gint64                   version_id)
{
  g_return_if_fail (SEANCES_IS_APPOINTMENT_STORE (self));
  g_return_if_fail (version_id >= 0);
  self->policy_version_id = version_id;
}

/* One session as the database holds it now. */
SeancesAppointment *
seances_appointment_store_lookup (SeancesAppointmentStore  *self,
                                  gint64                    id,
                                  GError                  **error)
{
  g_return_val_if_fail (SEANCES_IS_APPOINTMENT_STORE (self), NULL);
  g_return_val_if_fail (id > 0, NULL);
  return load_row (self, id, error);
}

/* What the review shows at @now: every session that starts today (local day), in order,
 * whatever became of it; then every earlier session still scheduled, the most recent day
 * first and each day in order. Most recent first because the practitioner remembers
 * yesterday better than last month, and a long backlog (weeks away, sessions booked
 * after the fact) must not push the days just gone out of sight. */
GPtrArray *
seances_appointment_store_list_to_review (SeancesAppointmentStore  *self,
                                          gint64                    now,
                                          GError                  **error)
{
  g_autoptr(SeancesStatement) today = NULL;
  g_autoptr(SeancesStatement) earlier = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) backlog = NULL;
  gint64 day;
  guint run;

  g_return_val_if_fail (SEANCES_IS_APPOINTMENT_STORE (self), NULL);

  day = seances_time_day_start (self->time_zone, now);
  today = seances_database_prepare (self->database,
                                    "SELECT " COLUMNS " FROM appointment"
                                    " WHERE start_at >= ?1 AND start_at < ?2 ORDER BY start_at, id",
                                    error);
  if (today == NULL)
    return NULL;
  sqlite3_bind_int64 (today, 1, day);
  sqlite3_bind_int64 (today, 2, seances_time_add_days_local (self->time_zone, day, 1));
  list = collect (self, today, error);
  if (list == NULL)
    return NULL;

  /* Latest first along (status, start_at): only the sessions still scheduled are read. */
  earlier = seances_database_prepare (self->database,
                                      "SELECT " COLUMNS " FROM appointment"
                                      " WHERE status = ?1 AND start_at < ?2"
                                      " ORDER BY start_at DESC, id DESC",
                                      error);
  if (earlier == NULL)
    return NULL;
  sqlite3_bind_text (earlier, 1, seances_appointment_status_to_string (SEANCES_APPOINTMENT_STATUS_SCHEDULED),
                     -1, SQLITE_STATIC);
  sqlite3_bind_int64 (earlier, 2, day);
  backlog = collect (self, earlier, error);
  if (backlog == NULL)
    return NULL;

  /* Each day's run, read backwards, is added in order of time. */
  for (guint i = 0; i < backlog->len; i = run)
    {
      gint64 run_day = seances_time_day_start (self->time_zone,
                                               seances_appointment_get_start (g_ptr_array_index (backlog, i)));

      for (run = i + 1; run < backlog->len; run++)
        if (seances_appointment_get_start (g_ptr_array_index (backlog, run)) < run_day)
          break;
      for (guint j = run; j > i; j--)
        g_ptr_array_add (list, g_object_ref (g_ptr_array_index (backlog, j - 1)));
    }
  return g_steal_pointer (&list);
}

/* How many sessions wait for a decision at @now: still scheduled, and over. */
gboolean
seances_appointment_store_count_to_review (SeancesAppointmentStore  *self,
                                           gint64                    now,
                                           guint                    *n_sessions,
                                           GError                  **error)
{
  g_autoptr(SeancesStatement) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (SEANCES_IS_APPOINTMENT_STORE (self), FALSE);
  g_return_val_if_fail (n_sessions != NULL, FALSE);

  stmt = seances_database_prepare (self->database,
                                   "SELECT count(*) FROM appointment"
                                   " WHERE status = ?1 AND start_at < ?2 AND end_at <= ?2",
                                   error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, seances_appointment_status_to_string (SEANCES_APPOINTMENT_STATUS_SCHEDULED),
                     -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, now);
  if (!seances_database_step (self->database, stmt, &has_row, error))
    return FALSE;
  *n_sessions = has_row ? (guint) sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

/* Whether the client @client_id has a session still scheduled that starts after @after:
 * the review proposes to fix the next date of a client seen at a rhythm only when none is
 * booked. */
gboolean
seances_appointment_store_has_scheduled_after (SeancesAppointmentStore  *self,
                                               gint64                    client_id,
                                               gint64                    after,
                                               gboolean                 *has,
                                               GError                  **error)
{
  g_autoptr(SeancesStatement) stmt = NULL;

  g_return_val_if_fail (SEANCES_IS_APPOINTMENT_STORE (self), FALSE);
  g_return_val_if_fail (has != NULL, FALSE);

  /* Along the client's sessions (client_id, start_at). */
  stmt = seances_database_prepare (self->database,
                                   "SELECT 1 FROM appointment"
                                   " WHERE client_id = ?1 AND start_at > ?2 AND status = ?3 LIMIT 1",
                                   error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, client_id);
  sqlite3_bind_int64 (stmt, 2, after);
  sqlite3_bind_text (stmt, 3, seances_appointment_status_to_string (SEANCES_APPOINTMENT_STATUS_SCHEDULED),
                     -1, SQLITE_STATIC);
  return seances_database_step (self->database, stmt, has, error);
}

/* For the model's other writers (seances-decisions), inside their transaction: the status
 * fields of session @id become @state, and one event row records the change from
 * @previous. */
gboolean
seances_appointment_store_write_state (SeancesAppointmentStore       *self,
                                       gint64                         id,
                                       SeancesAppointmentStatus       previous,
                                       const SeancesAppointmentState *state,
                                       gint64                         changed_at,
                                       GError                       **error)
{
  g_autoptr(SeancesStatement) update = NULL;
  g_autoptr(SeancesStatement) event = NULL;

  g_return_val_if_fail (SEANCES_IS_APPOINTMENT_STORE (self), FALSE);
  g_return_val_if_fail (state != NULL, FALSE);

  update = seances_database_prepare (self->database,
                                     "UPDATE appointment SET status = ?2, status_at = ?3,"
                                     " cancelled_at = ?4, cancelled_by = ?5 WHERE id = ?1",
                                     error);
  if (update == NULL)
    return FALSE;
  sqlite3_bind_int64 (update, 1, id);
  sqlite3_bind_text (update, 2, seances_appointment_status_to_string (state->status), -1, SQLITE_STATIC);
  seances_statement_bind_optional (update, 3, state->status_at);
  seances_statement_bind_optional (update, 4, state->cancelled_at);
  sqlite3_bind_text (update, 5, seances_cancelled_by_to_string (state->cancelled_by), -1, SQLITE_STATIC);
  if (!seances_database_step (self->database, update, NULL, error))
    return FALSE;

  event = seances_database_prepare (self->database,
                                    "INSERT INTO appointment_event (appointment_id, status,"
                                    " previous_status, changed_at) VALUES (?1, ?2, ?3, ?4)",
                                    error);
  if (event == NULL)
    return FALSE;
  sqlite3_bind_int64 (event, 1, id);
  sqlite3_bind_text (event, 2, seances_appointment_status_to_string (state->status), -1, SQLITE_STATIC);
  sqlite3_bind_text (event, 3, seances_appointment_status_to_string (previous), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (event, 4, changed_at);
  return seances_database_step (self->database, event, NULL, error);
}

/* The state's fields, as @appointment holds them. */
void
seances_appointment_state_get (SeancesAppointmentState *state,
                               SeancesAppointment      *appointment)
{
  *state = (SeancesAppointmentState) {
    .status = seances_appointment_get_status (appointment),
    .status_at = seances_appointment_get_status_at (appointment),
    .cancelled_at = seances_appointment_get_cancelled_at (appointment),
    .cancelled_by = seances_appointment_get_cancelled_by (appointment),
  };
}

/* Gives @appointment the fields of @state, notifying once. */
void
seances_appointment_state_apply (const SeancesAppointmentState *state,
                                 SeancesAppointment            *appointment)
{
  g_object_freeze_notify (G_OBJECT (appointment));
  seances_appointment_set_status (appointment, state->status);
  seances_appointment_set_status_at (appointment, state->status_at);
  seances_appointment_set_cancelled_at (appointment, state->cancelled_at);
  seances_appointment_set_cancelled_by (appointment, state->cancelled_by);
  g_object_thaw_notify (G_OBJECT (appointment));
}

/* For the model's other writers, once their change is committed. */
void
seances_appointment_store_emit_changed (SeancesAppointmentStore *self,
                                        gint64                   from,
                                        gint64                   to)
{
  g_return_if_fail (SEANCES_IS_APPOINTMENT_STORE (self));
  g_signal_emit (self, signals[CHANGED], 0, from, to);
}
