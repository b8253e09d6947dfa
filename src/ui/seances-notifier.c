/* seances-notifier.c — desktop notifications: the next session, the day's review, the next date
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three notifications, each from the settings of this computer:
 * - « Prochaine séance dans 10 minutes », that many minutes before each session still
 *   scheduled (notify-next-session, 0: none); withdrawn once it begins, or if it is
 *   cancelled or moved meanwhile.
 * - « Revue du jour en attente », once a day from the chosen time (notify-review-time) as
 *   soon as sessions wait for a decision; withdrawn when none is left.
 * - « Fixer la prochaine date », when a session of a client who has a rhythm is closed as
 *   honoured (SeancesDecisions::committed) and nothing is booked after it; withdrawn when
 *   the decision is undone (::undone) or a session is booked (the store's ::changed).
 * Discreet by default: no name unless notify-show-names is on (a screen is seen by others);
 * turning it off takes the names out of those still on screen at once.
 *
 * What is due is always computed from the context's clock (SEANCES_NOW in tests), never
 * counted from when a timeout was set: the store's and the settings' changes compute again,
 * and so does every timeout when it fires, however late. libnotify is used here only. */
#include "config.h"

#include "seances-notifier.h"

#include <glib/gi18n.h>
#include <libnotify/notify.h>

#include "seances-time.h"

/* GLib's timeouts run on the monotonic clock, which stands still while the computer sleeps
 * and ignores a change of the time of day: a long wait would end late after either. So the
 * notifier never waits longer than this before it looks at the clock again. */
#define MAX_WAIT_S 60

typedef enum
{
  SHOWN_SESSION,
  SHOWN_REVIEW,
  SHOWN_RHYTHM,
} ShownKind;

/* A notification on screen, until the server says it is closed or the notifier withdraws it. */
typedef struct
{
  SeancesNotifier    *self;
  ShownKind           kind;
  SeancesAppointment *session;     /* the session announced, or closed as honoured */
  guint               n_sessions;  /* to review */
  NotifyNotification *notification;
  gulong              closed_handler;
} Shown;

struct _SeancesNotifier
{
  GObject         parent_instance;

  SeancesContext *context;
  GSettings      *settings;
  GtkWindow      *window;  /* weak: where a click leads */

  GSignalGroup   *context_signals;
  GSignalGroup   *appointment_signals;
  GSignalGroup   *decision_signals;
  gulong          settings_handler;

  gboolean        started;
  guint           timeout_source;
  guint           idle_source;
  GPtrArray      *shown;      /* Shown */
  GHashTable     *announced;  /* session id → its start: announced once each */
  int             review_day; /* the local day (YYYYMMDD) the review reminder was given */
};

G_DEFINE_FINAL_TYPE (SeancesNotifier, seances_notifier, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_SETTINGS,
  PROP_WINDOW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void recompute (SeancesNotifier *self);

static void
shown_free (Shown *shown)
{
  g_clear_signal_handler (&shown->closed_handler, shown->notification);
  /* libnotify would otherwise call back with this record after it is gone. */
  notify_notification_clear_actions (shown->notification);
  g_clear_object (&shown->notification);
  g_clear_object (&shown->session);
  g_free (shown);
}

static Shown *
find_shown (SeancesNotifier *self,
            ShownKind        kind,
            gint64           session_id)
{
  for (guint i = 0; i < self->shown->len; i++)
    {
      Shown *shown = g_ptr_array_index (self->shown, i);

      if (shown->kind == kind &&
          (shown->session == NULL || seances_appointment_get_id (shown->session) == session_id))
        return shown;
    }
  return NULL;
}

/* The client's name when the practitioner allows names, else NULL. */
static const char *
client_name (SeancesNotifier    *self,
             SeancesAppointment *session)
{
  SeancesClient *client;

  if (!g_settings_get_boolean (self->settings, "notify-show-names"))
    return NULL;
  client = seances_client_store_lookup (seances_context_get_clients (self->context),
                                        seances_appointment_get_client_id (session));
  return client != NULL ? seances_client_get_display_name (client) : NULL;
}

static const char *
place_phrase (SeancesPlace place)
{
  switch (place)
    {
    case SEANCES_PLACE_OFFICE:
      /* Translators: where a session takes place, as in « À 14 h 30, au cabinet. » */
      return _("at the practice");
    case SEANCES_PLACE_VIDEO:
      /* Translators: where a session takes place, as in « À 14 h 30, en visio. » */
      return _("by video");
    default:
      g_return_val_if_reached ("");
    }
}

static void
describe_session (SeancesNotifier    *self,
                  SeancesAppointment *session,
                  gint64              now,
                  char              **summary,
                  char              **body)
{
  GTimeZone *tz = seances_context_get_time_zone (self->context);
  gint64 start = seances_appointment_get_start (session);
  int minutes = (int) MAX (1, (start - now + 59) / 60);
  g_autofree char *hour = seances_time_format_hour (tz, start);
  const char *place = place_phrase (seances_appointment_get_place (session));
  const char *name = client_name (self, session);

  *summary = g_strdup_printf (ngettext ("Next session in %d minute", "Next session in %d minutes", minutes),
                              minutes);
  if (name != NULL)
    /* Translators: the client, the time and the place, as in « Hélène Martin à 14 h 30, au cabinet. » */
    *body = g_strdup_printf (_("%s at %s, %s."), name, hour, place);
  else
    /* Translators: the time and the place, as in « À 14 h 30, au cabinet. » */
    *body = g_strdup_printf (_("At %s, %s."), hour, place);
}

static void
describe_rhythm (SeancesNotifier    *self,
                 SeancesAppointment *session,
                 gint64              now,
                 char              **summary,
                 char              **body)
{
  GTimeZone *tz = seances_context_get_time_zone (self->context);
  gint64 start = seances_appointment_get_start (session);
  SeancesClient *client = seances_client_store_lookup (seances_context_get_clients (self->context),
                                                       seances_appointment_get_client_id (session));
  int weeks = client != NULL ? seances_client_get_rhythm_weeks (client) : 0;
  gint64 due = seances_time_add_days_local (tz, start, 7 * MAX (weeks, 1));
  g_autofree char *when = seances_time_format_long (tz, start);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  const char *name = client_name (self, session);

  *summary = g_strdup (_("Set the next date"));
  if (name != NULL)
    /* Translators: the client, then a session's day and time, as in « Rien n’est prévu pour
     * Hélène Martin après la séance du mardi 24 novembre à 14 h 00. » */
    first = g_strdup_printf (_("Nothing is booked for %s after the session of %s."), name, when);
  else
    /* Translators: a session's day and time, as in « Rien n’est prévu après la séance du
     * mardi 24 novembre à 14 h 00. » */
    first = g_strdup_printf (_("Nothing is booked after the session of %s."), when);
  if (due > now)
    {
      g_autofree char *day = seances_time_format_day (tz, due);

      /* Translators: a day, as in « Au rythme choisi, la prochaine serait le mardi 8 décembre. » */
      second = g_strdup_printf (_("At the chosen rhythm, the next one would be on %s."), day);
    }
  else
    second = g_strdup (_("At the chosen rhythm, the next one is already due."));
  *body = g_strconcat (first, " ", second, NULL);
}

static void
describe (SeancesNotifier  *self,
          Shown            *shown,
          gint64            now,
          char            **summary,
          char            **body)
{
  switch (shown->kind)
    {
    case SHOWN_SESSION:
      describe_session (self, shown->session, now, summary, body);
      break;
    case SHOWN_REVIEW:
      *summary = g_strdup (_("Review of the day pending"));
      *body = g_strdup_printf (ngettext ("%u session is still to review.", "%u sessions are still to review.",
                                         shown->n_sessions),
                               shown->n_sessions);
      break;
    case SHOWN_RHYTHM:
      describe_rhythm (self, shown->session, now, summary, body);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* A click brings the window up where the notification points: today's sessions (the
 * review, where the window has it, else the agenda on today), or the client's page. */
static void
open_cb (NotifyNotification *notification,
         char               *action,
         gpointer            user_data)
{
  Shown *shown = user_data;
  GtkWindow *window = shown->self->window;
  const char *token = notify_notification_get_activation_token (notification);

  if (window == NULL)
    return;
  if (token != NULL)
    gtk_window_set_startup_id (window, token);
  gtk_window_present (window);

  switch (shown->kind)
    {
    case SHOWN_SESSION:
    case SHOWN_REVIEW:
      if (!gtk_widget_activate_action (GTK_WIDGET (window), "win.show-review", NULL))
        gtk_widget_activate_action (GTK_WIDGET (window), "agenda.today", NULL);
      break;
    case SHOWN_RHYTHM:
      if (!gtk_widget_activate_action (GTK_WIDGET (window), "win.show-client", "x",
                                       seances_appointment_get_client_id (shown->session)))
        gtk_widget_activate_action (GTK_WIDGET (window), "win.show-clients", NULL);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
closed_cb (NotifyNotification *notification,
           Shown              *shown)
{
  g_ptr_array_remove (shown->self->shown, shown);
}

/* Shows @shown, or shows it again with its texts made anew. libnotify's calls are
 * synchronous D-Bus calls, which a notification server answers in a few milliseconds. */
static gboolean
show (SeancesNotifier *self,
      Shown           *shown)
{
  g_autofree char *summary = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GError) error = NULL;

  describe (self, shown, seances_context_get_now (self->context), &summary, &body);
  if (shown->notification == NULL)
    {
      shown->notification = notify_notification_new (summary, body, APP_ID);
      notify_notification_set_hint_string (shown->notification, "desktop-entry", APP_ID);
      notify_notification_add_action (shown->notification, "default", _("Open"), open_cb, shown, NULL);
      shown->closed_handler = g_signal_connect (shown->notification, "closed", G_CALLBACK (closed_cb), shown);
    }
  else
    notify_notification_update (shown->notification, summary, body, APP_ID);

  if (!notify_notification_show (shown->notification, &error))
    {
      g_debug ("Cannot show a notification: %s", error->message);
      return FALSE;
    }
  return TRUE;
}

static void
announce (SeancesNotifier    *self,
          ShownKind           kind,
          SeancesAppointment *session,
          guint               n_sessions)
{
  Shown *shown = g_new0 (Shown, 1);

  shown->self = self;
  shown->kind = kind;
  shown->session = session != NULL ? g_object_ref (session) : NULL;
  shown->n_sessions = n_sessions;
  if (show (self, shown))
    g_ptr_array_add (self->shown, shown);
  else
    shown_free (shown);
}

static void
withdraw (SeancesNotifier *self,
          Shown           *shown)
{
  g_autoptr(GError) error = NULL;

  if (!notify_notification_close (shown->notification, &error))
    g_debug ("Cannot withdraw a notification: %s", error->message);
  g_ptr_array_remove (self->shown, shown);
}

/* Announces the sessions whose time to be announced has come, withdraws those no longer
 * ahead as announced; returns when the next one is due. */
static gint64
check_sessions (SeancesNotifier *self,
                gint64           now)
{
  SeancesAppointmentStore *store = seances_context_get_appointments (self->context);
  gint64 lead = (gint64) g_settings_get_int (self->settings, "notify-next-session") * 60;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GArray) due = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer start;
  gint64 next = G_MAXINT64;

  if (lead > 0)
    sessions = seances_appointment_store_list_range (store, now, now + lead + MAX_WAIT_S, &error);
  if (error != NULL)
    g_debug ("Cannot read the next sessions: %s", error->message);

  for (guint i = 0; sessions != NULL && i < sessions->len; i++)
    {
      SeancesAppointment *session = g_ptr_array_index (sessions, i);
      gint64 id = seances_appointment_get_id (session);
      gint64 session_start = seances_appointment_get_start (session);

      if (seances_appointment_get_status (session) != SEANCES_APPOINTMENT_STATUS_SCHEDULED ||
          session_start <= now)
        continue;
      if (session_start - lead > now)
        {
          next = MIN (next, session_start - lead);
          continue;
        }
      g_array_append_val (due, id);
      if (g_hash_table_contains (self->announced, &id))
        continue;
      g_hash_table_insert (self->announced, g_memdup2 (&id, sizeof id), g_memdup2 (&session_start, sizeof session_start));
      announce (self, SHOWN_SESSION, session, 0);
    }

  /* Begun, cancelled or moved since (a move makes a new session), or no longer wanted. */
  for (guint i = self->shown->len; i > 0; i--)
    {
      Shown *shown = g_ptr_array_index (self->shown, i - 1);
      gint64 id;
      gboolean still = FALSE;

      if (shown->kind != SHOWN_SESSION)
        continue;
      id = seances_appointment_get_id (shown->session);
      for (guint j = 0; j < due->len && !still; j++)
        still = g_array_index (due, gint64, j) == id;
      if (!still)
        withdraw (self, shown);
    }

  g_hash_table_iter_init (&iter, self->announced);
  while (g_hash_table_iter_next (&iter, NULL, &start))
    if (*(gint64 *) start <= now)
      g_hash_table_iter_remove (&iter);

  return next;
}

/* @minutes after midnight on @local's day, on the practice's clock. */
static gint64
time_on_day (GTimeZone *tz,
             GDateTime *local,
             int        minutes)
{
  g_autoptr(GDateTime) at = g_date_time_new (tz, g_date_time_get_year (local), g_date_time_get_month (local),
                                             g_date_time_get_day_of_month (local), minutes / 60, minutes % 60, 0);

  return g_date_time_to_unix (at);
}

/* Reminds of the review once a day, from the chosen time, as soon as sessions wait for a
 * decision; returns when to look again. */
static gint64
check_review (SeancesNotifier *self,
              gint64           now)
{
  GTimeZone *tz = seances_context_get_time_zone (self->context);
  g_autoptr(GDateTime) local = seances_time_to_local (tz, now);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (local, 1);
  g_autoptr(GError) error = NULL;
  int minutes = g_settings_get_int (self->settings, "notify-review-time");
  int day = g_date_time_get_year (local) * 10000 + g_date_time_get_month (local) * 100 +
            g_date_time_get_day_of_month (local);
  gint64 at = time_on_day (tz, local, minutes);
  Shown *shown = find_shown (self, SHOWN_REVIEW, 0);
  gboolean wanted = g_settings_get_boolean (self->settings, "notify-review");
  guint n_sessions = 0;

  if ((shown != NULL || (wanted && now >= at && self->review_day != day)) &&
      !seances_appointment_store_count_to_review (seances_context_get_appointments (self->context), now,
                                                  &n_sessions, &error))
    {
      g_debug ("Cannot count the sessions to review: %s", error->message);
      return G_MAXINT64;
    }
  if (shown != NULL && (n_sessions == 0 || !wanted || (now >= at && self->review_day != day)))
    withdraw (self, shown);

  if (!wanted)
    return G_MAXINT64;
  if (now < at)
    return at;
  if (self->review_day == day)
    return time_on_day (tz, tomorrow, minutes);
  /* None yet: a session of the evening may still end without a decision; look again. */
  if (n_sessions == 0)
    return G_MAXINT64;

  self->review_day = day;
  announce (self, SHOWN_REVIEW, NULL, n_sessions);
  return time_on_day (tz, tomorrow, minutes);
}

static gboolean
timeout_cb (gpointer data)
{
  SeancesNotifier *self = data;

  self->timeout_source = 0;
  recompute (self);
  return G_SOURCE_REMOVE;
}

static void
recompute (SeancesNotifier *self)
{
  gint64 now, next;

  g_clear_handle_id (&self->timeout_source, g_source_remove);
  g_clear_handle_id (&self->idle_source, g_source_remove);
  if (!self->started)
    return;

  now = seances_context_get_now (self->context);
  next = MIN (check_sessions (self, now), check_review (self, now));
  self->timeout_source = g_timeout_add_seconds ((guint) CLAMP (next - now, 1, MAX_WAIT_S), timeout_cb, self);
}

static gboolean
recompute_idle_cb (gpointer data)
{
  SeancesNotifier *self = data;

  self->idle_source = 0;
  recompute (self);
  return G_SOURCE_REMOVE;
}

/* Changes come in bursts (a series booked, a day closed): one look at the clock for all. */
static void
queue_recompute (SeancesNotifier *self)
{
  if (self->started && self->idle_source == 0)
    self->idle_source = g_idle_add (recompute_idle_cb, self);
}

/* Whether the client has a session still to come, or honoured, after @session. A history
 * that cannot be read says yes: better no notification than a wrong one. */
static gboolean
booked_after (SeancesNotifier    *self,
              SeancesAppointment *session)
{
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;

  sessions = seances_appointment_store_list_for_client (seances_context_get_appointments (self->context),
                                                        seances_appointment_get_client_id (session), &error);
  if (sessions == NULL)
    {
      g_debug ("Cannot read a client's sessions: %s", error->message);
      return TRUE;
    }
  for (guint i = 0; i < sessions->len; i++)
    {
      SeancesAppointment *other = g_ptr_array_index (sessions, i);

      if (seances_appointment_get_start (other) <= seances_appointment_get_start (session))
        continue;
      switch (seances_appointment_get_status (other))
        {
        case SEANCES_APPOINTMENT_STATUS_SCHEDULED:
        case SEANCES_APPOINTMENT_STATUS_HONOURED:
          return TRUE;
        case SEANCES_APPOINTMENT_STATUS_CANCELLED_IN_TIME:
        case SEANCES_APPOINTMENT_STATUS_CANCELLED_LATE:
        case SEANCES_APPOINTMENT_STATUS_NO_SHOW:
        case SEANCES_APPOINTMENT_STATUS_RESCHEDULED:
        default:
          break;
        }
    }
  return FALSE;
}

static void
committed_cb (SeancesNotifier    *self,
              SeancesAppointment *session,
              int                 kind)
{
  SeancesClient *client;

  if (!self->started || kind != SEANCES_POLICY_KIND_HONOURED ||
      find_shown (self, SHOWN_RHYTHM, seances_appointment_get_id (session)) != NULL)
    return;
  client = seances_client_store_lookup (seances_context_get_clients (self->context),
                                        seances_appointment_get_client_id (session));
  if (client == NULL || seances_client_get_rhythm_weeks (client) <= 0 || booked_after (self, session))
    return;
  announce (self, SHOWN_RHYTHM, session, 0);
}

static void
undone_cb (SeancesNotifier *self,
           gint64           session_id)
{
  Shown *shown = find_shown (self, SHOWN_RHYTHM, session_id);

  if (shown != NULL)
    withdraw (self, shown);
}

static void
appointments_changed_cb (SeancesNotifier *self)
{
  /* A next date was fixed: « Fixer la prochaine date » is done. */
  for (guint i = self->shown->len; i > 0; i--)
    {
      Shown *shown = g_ptr_array_index (self->shown, i - 1);

      if (shown->kind == SHOWN_RHYTHM && booked_after (self, shown->session))
        withdraw (self, shown);
    }
  queue_recompute (self);
}

static void
settings_changed_cb (SeancesNotifier *self,
                     const char      *key)
{
  if (g_strcmp0 (key, "notify-show-names") == 0)
    for (guint i = 0; i < self->shown->len; i++)
      {
        Shown *shown = g_ptr_array_index (self->shown, i);

        if (shown->kind != SHOWN_REVIEW)
          show (self, shown);
      }
  queue_recompute (self);
}

static void
seances_notifier_constructed (GObject *object)
{
  SeancesNotifier *self = SEANCES_NOTIFIER (object);

  G_OBJECT_CLASS (seances_notifier_parent_class)->constructed (object);

  /* The name some notification servers show beside each notification. */
  if (!notify_is_initted ())
    notify_init ("Séances");

  g_signal_group_set_target (self->context_signals, self->context);
  g_signal_group_set_target (self->appointment_signals, seances_context_get_appointments (self->context));
  g_signal_group_set_target (self->decision_signals, seances_context_get_decisions (self->context));
  self->settings_handler = g_signal_connect_swapped (self->settings, "changed",
                                                     G_CALLBACK (settings_changed_cb), self);
}

static void
seances_notifier_dispose (GObject *object)
{
  SeancesNotifier *self = SEANCES_NOTIFIER (object);

  self->started = FALSE;
  g_clear_handle_id (&self->timeout_source, g_source_remove);
  g_clear_handle_id (&self->idle_source, g_source_remove);
  if (self->settings != NULL)
    g_clear_signal_handler (&self->settings_handler, self->settings);
  g_clear_object (&self->context_signals);
  g_clear_object (&self->appointment_signals);
  g_clear_object (&self->decision_signals);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_pointer (&self->announced, g_hash_table_unref);
  g_clear_weak_pointer (&self->window);
  g_clear_object (&self->settings);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (seances_notifier_parent_class)->dispose (object);
}

static void
seances_notifier_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SeancesNotifier *self = SEANCES_NOTIFIER (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_WINDOW:
      g_value_set_object (value, self->window);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
seances_notifier_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SeancesNotifier *self = SEANCES_NOTIFIER (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_WINDOW:
      g_set_weak_pointer (&self->window, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
seances_notifier_class_init (SeancesNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = seances_notifier_constructed;
  object_class->dispose = seances_notifier_dispose;
  object_class->get_property = seances_notifier_get_property;
  object_class->set_property = seances_notifier_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SEANCES_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WINDOW] =
    g_param_spec_object ("window", NULL, NULL, GTK_TYPE_WINDOW,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
seances_notifier_init (SeancesNotifier *self)
{
  self->shown = g_ptr_array_new_with_free_func ((GDestroyNotify) shown_free);
  self->announced = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  self->context_signals = g_signal_group_new (SEANCES_TYPE_CONTEXT);
  g_signal_group_connect_swapped (self->context_signals, "practice-changed", G_CALLBACK (queue_recompute), self);
  self->appointment_signals = g_signal_group_new (SEANCES_TYPE_APPOINTMENT_STORE);
  g_signal_group_connect_swapped (self->appointment_signals, "changed", G_CALLBACK (appointments_changed_cb), self);
  self->decision_signals = g_signal_group_new (SEANCES_TYPE_DECISIONS);
  g_signal_group_connect_swapped (self->decision_signals, "committed", G_CALLBACK (committed_cb), self);
  g_signal_group_connect_swapped (self->decision_signals, "undone", G_CALLBACK (undone_cb), self);
}

/* Notifications about @context's practice, from @settings (this computer's), leading to
 * @window when clicked. Nothing is shown before seances_notifier_start(). */
SeancesNotifier *
seances_notifier_new (SeancesContext *context,
                      GSettings      *settings,
                      GtkWindow      *window)
{
  g_return_val_if_fail (SEANCES_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);

  return g_object_new (SEANCES_TYPE_NOTIFIER, "context", context, "settings", settings, "window", window, NULL);
}

/* Once the practice is shown: what is due already is said at once. */
void
seances_notifier_start (SeancesNotifier *self)
{
  g_return_if_fail (SEANCES_IS_NOTIFIER (self));

  if (self->started)
    return;
  self->started = TRUE;
  recompute (self);
}

/* When the data are let go (a restore, quitting): what is on screen would lead nowhere. */
void
seances_notifier_stop (SeancesNotifier *self)
{
  g_return_if_fail (SEANCES_IS_NOTIFIER (self));

  self->started = FALSE;
  g_clear_handle_id (&self->timeout_source, g_source_remove);
  g_clear_handle_id (&self->idle_source, g_source_remove);
  while (self->shown->len > 0)
    withdraw (self, g_ptr_array_index (self->shown, self->shown->len - 1));
}
