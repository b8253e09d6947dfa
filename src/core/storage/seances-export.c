/* seances-export.c — the portability export: everything the database holds, as JSON
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One document: format_version, exported_at, the practice, then one array per table,
 * one object a line. Instants are ISO 8601 with the offset of the practice's time zone,
 * statuses are spelled as in the database. Rows are built one at a time (JsonBuilder)
 * and written out in chunks, so twenty years of sessions never sit in memory. The file
 * is a new one (seances-file): never in the data folder, never through a link, readable
 * by its owner only since it holds personal data, and it appears whole or not at all. */
#include "config.h"

#include "seances-export.h"

#include <json-glib/json-glib.h>

#include "seances-database-private.h"
#include "seances-file.h"

/* Written out each time this much is waiting. */
#define CHUNK_SIZE (64 * 1024)

typedef struct
{
  SeancesNewFile *file;
  GString        *pending;
} Output;

static gboolean
output_flush (Output  *out,
              GError **error)
{
  if (!seances_new_file_write (out->file, out->pending->str, out->pending->len, error))
    return FALSE;
  g_string_truncate (out->pending, 0);
  return TRUE;
}

static gboolean
output_flush_if_full (Output  *out,
                      GError **error)
{
  return out->pending->len < CHUNK_SIZE || output_flush (out, error);
}

typedef struct
{
  const char *key;
  const char *sql;
} Section;

/* Later schema steps add their tables here (messages…). */
static const Section sections[] = {
  { "clients",
    "SELECT id, first_name, last_name, email, phone, channel, status, rhythm_weeks, note,"
    " inactive_at, created_at, updated_at FROM client ORDER BY id" },
  { "series",
    "SELECT id, client_id, interval_weeks, created_at FROM series ORDER BY id" },
  { "appointments",
    "SELECT id, client_id, series_id, start_at AS start, end_at AS end, place, fee_cents, status,"
    " status_at, cancelled_at, cancelled_by, rescheduled_to, policy_version_id, created_at"
    " FROM appointment ORDER BY id" },
  { "policy_versions",
    "SELECT id, notice_hours, late_kind, late_value, absence_kind, absence_value, grace_count,"
    " grace_months, flag_count, flag_months, commitment, created_at FROM policy_version ORDER BY id" },
  { "acceptances",
    "SELECT id, client_id, version_id, accepted_at, means, created_at FROM policy_acceptance"
    " ORDER BY id" },
  { "charges",
    "SELECT id, appointment_id, client_id, kind, policy_cents, due_cents, waived_reason, paid_at,"
    " paid_means, created_at, updated_at FROM charge ORDER BY id" },
  /* Status changes with their time: never what was said in a session. */
  { "events",
    "SELECT id, appointment_id, status, previous_status, changed_at FROM appointment_event ORDER BY id" },
};

static const char practice_sql[] =
  "SELECT name, practitioner, address, phone, email, booking_link, video_link, time_zone,"
  " session_minutes, buffer_minutes, default_fee_cents, vocabulary, field, opening_hour,"
  " closing_hour, created_at FROM practice WHERE id = 1";

/* Instants are the columns named *_at, and a session's start and end. */
static gboolean
is_instant (const char *name)
{
  return g_str_has_suffix (name, "_at") || g_str_equal (name, "start") || g_str_equal (name, "end");
}

/* « 2026-11-24T14:00:00+01:00 » */
static char *
format_instant (GTimeZone *tz,
                gint64     utc)
{
  g_autoptr(GDateTime) instant = g_date_time_new_from_unix_utc (utc);
  g_autoptr(GDateTime) local = instant != NULL ? g_date_time_to_timezone (instant, tz) : NULL;

  return local != NULL ? g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z") : NULL;
}

/* The current row as one compact JSON object. */
static char *
row_to_json (SeancesStatement *stmt,
             GTimeZone        *tz)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  int n = sqlite3_column_count (stmt);

  json_builder_begin_object (builder);
  for (int i = 0; i < n; i++)
    {
      const char *name = sqlite3_column_name (stmt, i);

      json_builder_set_member_name (builder, name);
      switch (sqlite3_column_type (stmt, i))
        {
        case SQLITE_NULL:
          json_builder_add_null_value (builder);
          break;
        case SQLITE_INTEGER:
          if (is_instant (name))
            {
              g_autofree char *text = format_instant (tz, sqlite3_column_int64 (stmt, i));
              json_builder_add_string_value (builder, text);
            }
          else
            json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, i));
          break;
        case SQLITE_FLOAT:
          json_builder_add_double_value (builder, sqlite3_column_double (stmt, i));
          break;
        default:
          json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, i));
          break;
        }
    }
  json_builder_end_object (builder);

  node = json_builder_get_root (builder);
  return json_to_string (node, FALSE);
}

static gboolean
append_practice (SeancesDatabase  *database,
                 Output           *out,
                 GTimeZone       **tz,
                 GError          **error)
{
  g_autoptr(SeancesStatement) stmt = NULL;
  g_autofree char *object = NULL;
  gboolean has_row;

  stmt = seances_database_prepare (database, practice_sql, error);
  if (stmt == NULL || !seances_database_step (database, stmt, &has_row, error))
    return FALSE;

  if (has_row)
    *tz = g_time_zone_new_identifier ((const char *) sqlite3_column_text (stmt, 7));
  if (*tz == NULL)
    *tz = g_time_zone_new_identifier ("Europe/Paris");

  object = has_row ? row_to_json (stmt, *tz) : g_strdup ("null");
  g_string_append_printf (out->pending, "  \"practice\": %s", object);
  return TRUE;
}

static gboolean
append_section (SeancesDatabase  *database,
                const Section    *section,
                GTimeZone        *tz,
                Output           *out,
                GError          **error)
{
  g_autoptr(SeancesStatement) stmt = NULL;
  gboolean has_row;
  gboolean first = TRUE;

  stmt = seances_database_prepare (database, section->sql, error);
  if (stmt == NULL)
    return FALSE;

  g_string_append_printf (out->pending, ",\n  \"%s\": [", section->key);
  for (;;)
    {
      g_autofree char *object = NULL;

      if (!seances_database_step (database, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      object = row_to_json (stmt, tz);
      g_string_append (out->pending, first ? "\n    " : ",\n    ");
      g_string_append (out->pending, object);
      first = FALSE;
      if (!output_flush_if_full (out, error))
        return FALSE;
    }
  g_string_append (out->pending, first ? "]" : "\n  ]");
  return TRUE;
}

static gboolean
build (SeancesDatabase  *database,
       Output           *out,
       GError          **error)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autofree char *exported_at = NULL;

  g_string_append_printf (out->pending, "{\n  \"format_version\": %d,\n", SEANCES_EXPORT_FORMAT_VERSION);
  if (!append_practice (database, out, &tz, error))
    return FALSE;

  exported_at = format_instant (tz, g_get_real_time () / G_USEC_PER_SEC);
  g_string_append_printf (out->pending, ",\n  \"exported_at\": \"%s\"", exported_at);

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (!append_section (database, &sections[i], tz, out, error))
      return FALSE;

  g_string_append (out->pending, "\n}\n");
  return output_flush (out, error);
}

/* Writes everything the database holds to @path, a new file replacing an older one of
 * that name. Where a file must not be written (see seances-file), nothing is read. */
gboolean
seances_export_json (SeancesDatabase  *database,
                     const char       *path,
                     GError          **error)
{
  g_autoptr(SeancesNewFile) file = NULL;
  g_autoptr(GString) pending = NULL;
  Output out;
  gboolean built;

  g_return_val_if_fail (SEANCES_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  file = seances_new_file_begin (path, error);
  if (file == NULL)
    return FALSE;
  pending = g_string_sized_new (CHUNK_SIZE + 4096);
  out = (Output) { file, pending };

  /* One read transaction: the document is a snapshot, even if the app writes meanwhile. */
  if (!seances_database_exec (database, "BEGIN", error))
    return FALSE;
  built = build (database, &out, error);
  seances_database_rollback (database);

  return built && seances_new_file_commit (g_steal_pointer (&file), error);
}
