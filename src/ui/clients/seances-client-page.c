/* seances-client-page.c — one client's record: contact, follow-up and sessions
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page shows the stored client and follows it: the store updates it in place when an
 * edit is saved, the appointment store says when sessions changed, and the practice when
 * its time zone, in which the dates are shown, did. */
#include "config.h"

#include "seances-client-page.h"

#include <glib/gi18n.h>

#include "fees/seances-client-fees.h"
#include "seances-client-editor.h"
#include "seances-client-labels.h"
#include "seances-client-policy-group.h"
#include "seances-format.h"

/* A long history is summed up: the most recent sessions, and how many there are. */
#define MAX_SESSIONS_SHOWN 20

struct _SeancesClientPage
{
  AdwBin               parent_instance;

  AdwToastOverlay     *toast_overlay;
  GtkButton           *back_button;
  AdwWindowTitle      *window_title;
  GtkScrolledWindow   *scrolled_window;
  AdwActionRow        *email_row;
  AdwActionRow        *phone_row;
  AdwActionRow        *channel_row;
  AdwActionRow        *status_row;
  GtkButton           *status_button;
  AdwActionRow        *rhythm_row;
  GtkButton           *rhythm_button;
  AdwActionRow        *note_row;
  AdwPreferencesGroup *followup_group;
  AdwPreferencesGroup *upcoming_group;
  GtkListBox          *upcoming_list;
  AdwPreferencesGroup *past_group;
  GtkListBox          *past_list;

  GListStore          *upcoming;  /* SeancesAppointment, soonest first */
  GListStore          *past;      /* SeancesAppointment, most recent first */
  guint                n_upcoming_scheduled;
  int                  series_weeks;  /* the rhythm of the person's series, 0 when none */

  SeancesContext      *context;
  GSignalGroup        *appointments_signals;
  GSignalGroup        *practice_signals;
  SeancesClient       *client;
  gulong               client_notify_id;
  gboolean             show_back_button;
};

G_DEFINE_FINAL_TYPE (SeancesClientPage, seances_client_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_CLIENT,
  PROP_SHOW_BACK_BUTTON,
  N_PROPS
};

enum {
  NEW_SESSION_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
show_error (SeancesClientPage *self,
            const char        *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
update_actions (SeancesClientPage *self)
{
  gboolean ready = self->client != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "client.edit", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "client.toggle-archived", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "client.new-session", ready);
}

/* An optional detail: the row is left out when there is nothing to show. */
static void
show_detail (AdwActionRow *row,
             const char   *text)
{
  gtk_widget_set_visible (GTK_WIDGET (row), text != NULL && *text != '\0');
  adw_action_row_set_subtitle (row, text != NULL ? text : "");
}

/* A person booked in a series has a rhythm already: offered in one click, rather than
 * « Aucun rythme fixé » beside their sessions every two weeks. */
static void
update_rhythm_suggestion (SeancesClientPage *self)
{
  gboolean offered = self->client != NULL && self->series_weeks > 0 &&
                     seances_client_get_rhythm_weeks (self->client) <= 0;

  gtk_widget_set_visible (GTK_WIDGET (self->rhythm_button), offered);
  if (offered)
    {
      g_autofree char *label = NULL;

      if (self->series_weeks == 1)
        label = g_strdup (_("Every week, like their series"));
      else
        /* Translators: a button offering the rhythm of the person's series; %d is 2 or more */
        label = g_strdup_printf (ngettext ("Every %d week, like their series",
                                           "Every %d weeks, like their series", self->series_weeks),
                                 self->series_weeks);
      gtk_button_set_label (self->rhythm_button, label);
    }
}

/* The weeks between two slots of one series: the shortest whole number of weeks
 * between two following sessions of it (a moved one leaves its slot in the history).
 * One pass over the sessions, which come ordered by start: a client seen weekly for
 * years has hundreds. */
static int
series_rhythm (GPtrArray *sessions)
{
  g_autoptr(GHashTable) last_start = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  int weeks = 0;

  for (guint i = 0; i < sessions->len; i++)
    {
      SeancesAppointment *appointment = g_ptr_array_index (sessions, i);
      gint64 series = seances_appointment_get_series_id (appointment);
      gint64 start = seances_appointment_get_start (appointment);
      gint64 *previous;

      if (series == 0)
        continue;
      previous = g_hash_table_lookup (last_start, &series);
      if (previous != NULL)
        {
          /* Rounded: a change of summer time moves the hour, not the day. */
          gint64 days = (ABS (start - *previous) + 43200) / 86400;

          if (days > 0 && days % 7 == 0 && (weeks == 0 || days / 7 < weeks))
            weeks = (int) (days / 7);
          *previous = start;
        }
      else
        g_hash_table_insert (last_start, g_memdup2 (&series, sizeof series), g_memdup2 (&start, sizeof start));
    }
  return weeks;
}

static void
show_client (SeancesClientPage *self)
{
  g_autofree char *phone = NULL;
  g_autofree char *rhythm = NULL;
  const char *note;
  gboolean active;

  if (self->client == NULL)
    {
      adw_window_title_set_title (self->window_title, "");
      return;
    }

  adw_window_title_set_title (self->window_title, seances_client_get_display_name (self->client));

  phone = seances_phone_format (seances_client_get_phone (self->client));
  show_detail (self->email_row, seances_client_get_email (self->client));
  show_detail (self->phone_row, phone);
  adw_action_row_set_subtitle (self->channel_row,
                               seances_client_channel_label (seances_client_get_channel (self->client)));

  active = seances_client_is_active (self->client);
  adw_action_row_set_subtitle (self->status_row,
                               active ? C_("client status", "Active") : C_("client status", "Archived"));
  gtk_button_set_label (self->status_button,
                        active ? C_("client action", "Archive") : C_("client action", "Reactivate"));

  rhythm = seances_client_rhythm_label (seances_client_get_rhythm_weeks (self->client));
  adw_action_row_set_subtitle (self->rhythm_row, rhythm != NULL ? rhythm : _("No target rhythm"));
  update_rhythm_suggestion (self);

  note = seances_client_get_note (self->client);
  adw_action_row_set_subtitle (self->note_row, *note != '\0' ? note : _("No note"));
}

static char *
describe_count (guint    total,
                guint    shown,
                gboolean upcoming)
{
  if (total == 0)
    return g_strdup (upcoming ? _("No upcoming session.") : _("No past session."));
  if (shown == total)
    return g_strdup_printf (ngettext ("%u session", "%u sessions", total), total);
  if (upcoming)
    /* Translators: %u is the number of sessions (more than 20), then 20 */
    return g_strdup_printf (ngettext ("%u session, the next %u shown",
                                      "%u sessions, the next %u shown", total), total, shown);
  /* Translators: %u is the number of sessions (more than 20), then 20 */
  return g_strdup_printf (ngettext ("%u session, the %u most recent shown",
                                    "%u sessions, the %u most recent shown", total), total, shown);
}

static void
replace_items (GListStore *store,
               GPtrArray  *items)
{
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       items->pdata, items->len);
}

static void
reload_sessions (SeancesClientPage *self)
{
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) upcoming = g_ptr_array_new ();
  g_autoptr(GPtrArray) past = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *upcoming_text = NULL;
  g_autofree char *past_text = NULL;
  guint n_history = 0;
  guint n_earlier = 0;
  gint64 now;

  self->n_upcoming_scheduled = 0;
  now = seances_context_get_now (self->context);
  if (self->client != NULL)
    {
      /* Only what is shown: every session from now on, the latest before it, and how
       * many there are before. */
      sessions = seances_appointment_store_list_recent_for_client (seances_context_get_appointments (self->context),
                                                                   seances_client_get_id (self->client), now,
                                                                   MAX_SESSIONS_SHOWN, &n_earlier, &error);
      if (sessions == NULL)
        {
          g_warning ("Cannot list the sessions of client %" G_GINT64_FORMAT ": %s",
                     seances_client_get_id (self->client), error->message);
          show_error (self, error->message);
        }
    }
  if (sessions == NULL)
    sessions = g_ptr_array_new ();

  /* Sessions come ordered by start: read backwards, the history comes latest first. */
  n_history = n_earlier;
  for (guint i = 0; i < sessions->len; i++)
    {
      SeancesAppointment *appointment = g_ptr_array_index (sessions, i);

      if (!seances_appointment_is_upcoming (appointment, now))
        {
          /* Those before now are counted in n_earlier already. */
          if (seances_appointment_get_start (appointment) >= now)
            n_history++;
          continue;
        }
      self->n_upcoming_scheduled++;
      if (upcoming->len < MAX_SESSIONS_SHOWN)
        g_ptr_array_add (upcoming, appointment);
    }
  for (guint i = sessions->len; i > 0 && past->len < MAX_SESSIONS_SHOWN; i--)
    if (seances_appointment_is_history (g_ptr_array_index (sessions, i - 1), now))
      g_ptr_array_add (past, g_ptr_array_index (sessions, i - 1));

  self->series_weeks = series_rhythm (sessions);
  update_rhythm_suggestion (self);

  replace_items (self->upcoming, upcoming);
  replace_items (self->past, past);
  gtk_widget_set_visible (GTK_WIDGET (self->upcoming_list), upcoming->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->past_list), past->len > 0);

  upcoming_text = describe_count (self->n_upcoming_scheduled, upcoming->len, TRUE);
  past_text = describe_count (n_history, past->len, FALSE);
  adw_preferences_group_set_description (self->upcoming_group, upcoming_text);
  adw_preferences_group_set_description (self->past_group, past_text);
}

static GtkWidget *
create_session_row_cb (gpointer item,
                       gpointer user_data)
{
  SeancesClientPage *self = user_data;
  SeancesAppointment *appointment = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *when = NULL;

  when = seances_appointment_format_when (seances_context_get_time_zone (self->context),
                                          seances_appointment_get_start (appointment),
                                          seances_context_get_now (self->context));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               seances_appointment_status_label (seances_appointment_get_status (appointment)));
  return row;
}

static void
client_notify_cb (SeancesClientPage *self)
{
  show_client (self);
}

static void
sessions_changed_cb (SeancesClientPage *self)
{
  reload_sessions (self);
}

static void
archive_confirmed_cb (SeancesClientPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->client == NULL)
    return;

  if (!seances_client_store_set_active (seances_context_get_clients (self->context),
                                        self->client, FALSE, &error))
    show_error (self, error->message);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SeancesClientPage *self = SEANCES_CLIENT_PAGE (widget);
  SeancesClientEditor *editor;

  editor = seances_client_editor_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                      self->context, self->client);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
confirm_archive (SeancesClientPage *self)
{
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;
  g_autoptr(GString) body = NULL;

  /* Translators: %s is the person's name */
  heading = g_strdup_printf (_("Archive %s?"), seances_client_get_display_name (self->client));
  body = g_string_new (_("The record and its history are kept. It leaves the active list "
                         "and can be reactivated at any time."));
  if (self->n_upcoming_scheduled > 0)
    {
      g_string_append (body, "\n\n");
      g_string_append_printf (body,
                              ngettext ("Its %u upcoming session stays booked: cancel it in the agenda if needed.",
                                        "Its %u upcoming sessions stay booked: cancel them in the agenda if needed.",
                                        self->n_upcoming_scheduled),
                              self->n_upcoming_scheduled);
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       heading, body->str));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "archive", C_("client action", "_Archive"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "archive", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "archive");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response::archive",
                           G_CALLBACK (archive_confirmed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Archiving asks first; reactivating is as easy to undo as it is to do. */
static void
toggle_archived_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SeancesClientPage *self = SEANCES_CLIENT_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (seances_client_is_active (self->client))
    {
      confirm_archive (self);
      return;
    }

  if (!seances_client_store_set_active (seances_context_get_clients (self->context),
                                        self->client, TRUE, &error))
    show_error (self, error->message);
}

static void
use_series_rhythm_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  SeancesClientPage *self = SEANCES_CLIENT_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->client == NULL || self->series_weeks <= 0)
    return;
  seances_client_set_rhythm_weeks (self->client, self->series_weeks);
  if (!seances_client_store_update (seances_context_get_clients (self->context), self->client, &error))
    {
      seances_client_set_rhythm_weeks (self->client, 0);
      show_error (self, error->message);
    }
  show_client (self);
}

static void
new_session_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SeancesClientPage *self = SEANCES_CLIENT_PAGE (widget);

  g_signal_emit (self, signals[NEW_SESSION_REQUESTED], 0, self->client);
}

static void
seances_client_page_constructed (GObject *object)
{
  SeancesClientPage *self = (SeancesClientPage *)object;
  GtkWidget *policy_group;
  GtkWidget *fees;

  G_OBJECT_CLASS (seances_client_page_parent_class)->constructed (object);

  /* Made here, with the context; it follows the page's client. */
  policy_group = seances_client_policy_group_new (self->context);
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->followup_group))),
                              policy_group, GTK_WIDGET (self->followup_group));
  g_object_bind_property (self, "client", policy_group, "client", G_BINDING_SYNC_CREATE);

  /* « Honoraires », before the past sessions; it takes the context too. */
  fees = seances_client_fees_new (self->context);
  gtk_widget_insert_before (fees, gtk_widget_get_parent (GTK_WIDGET (self->past_group)), GTK_WIDGET (self->past_group));
  g_object_bind_property (self, "client", fees, "client", G_BINDING_SYNC_CREATE);

  g_signal_group_set_target (self->appointments_signals, seances_context_get_appointments (self->context));
  g_signal_group_set_target (self->practice_signals, seances_context_get_practice (self->context));
  update_actions (self);
}

static void
seances_client_page_dispose (GObject *object)
{
  SeancesClientPage *self = (SeancesClientPage *)object;

  g_clear_signal_handler (&self->client_notify_id, self->client);
  g_clear_object (&self->appointments_signals);
  g_clear_object (&self->practice_signals);
  g_clear_object (&self->client);
  g_clear_object (&self->context);
  g_clear_object (&self->upcoming);
  g_clear_object (&self->past);
  /* The bin's child is a template child too: the bin lets go of it first, so that
   * disposing the template does not leave the bin pointing at a finalized widget. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SEANCES_TYPE_CLIENT_PAGE);

  G_OBJECT_CLASS (seances_client_page_parent_class)->dispose (object);
}

static void
seances_client_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SeancesClientPage *self = SEANCES_CLIENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_SHOW_BACK_BUTTON:
      g_value_set_boolean (value, self->show_back_button);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
seances_client_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SeancesClientPage *self = SEANCES_CLIENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_CLIENT:
      seances_client_page_set_client (self, g_value_get_object (value));
      break;
    case PROP_SHOW_BACK_BUTTON:
      if (self->show_back_button != g_value_get_boolean (value))
        {
          self->show_back_button = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
seances_client_page_class_init (SeancesClientPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = seances_client_page_constructed;
  object_class->dispose = seances_client_page_dispose;
  object_class->get_property = seances_client_page_get_property;
  object_class->set_property = seances_client_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SEANCES_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, SEANCES_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Its button activates "clients.back", which the clients view provides. */
  properties[PROP_SHOW_BACK_BUTTON] =
    g_param_spec_boolean ("show-back-button", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[NEW_SESSION_REQUESTED] =
    g_signal_new ("new-session-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SEANCES_TYPE_CLIENT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/seances/Seances/clients/seances-client-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SeancesClientPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SeancesClientPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, SeancesClientPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, SeancesClientPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, SeancesClientPage, email_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesClientPage, phone_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesClientPage, channel_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesClientPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesClientPage, status_button);
  gtk_widget_class_bind_template_child (widget_class, SeancesClientPage, rhythm_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesClientPage, rhythm_button);
  gtk_widget_class_bind_template_child (widget_class, SeancesClientPage, note_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesClientPage, followup_group);
  gtk_widget_class_bind_template_child (widget_class, SeancesClientPage, upcoming_group);
  gtk_widget_class_bind_template_child (widget_class, SeancesClientPage, upcoming_list);
  gtk_widget_class_bind_template_child (widget_class, SeancesClientPage, past_group);
  gtk_widget_class_bind_template_child (widget_class, SeancesClientPage, past_list);

  gtk_widget_class_install_action (widget_class, "client.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "client.toggle-archived", NULL, toggle_archived_action);
  gtk_widget_class_install_action (widget_class, "client.new-session", NULL, new_session_action);
  gtk_widget_class_install_action (widget_class, "client.use-series-rhythm", NULL, use_series_rhythm_action);
}

static void
seances_client_page_init (SeancesClientPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->upcoming = g_list_store_new (SEANCES_TYPE_APPOINTMENT);
  self->past = g_list_store_new (SEANCES_TYPE_APPOINTMENT);
  gtk_list_box_bind_model (self->upcoming_list, G_LIST_MODEL (self->upcoming),
                           create_session_row_cb, self, NULL);
  gtk_list_box_bind_model (self->past_list, G_LIST_MODEL (self->past),
                           create_session_row_cb, self, NULL);

  self->appointments_signals = g_signal_group_new (SEANCES_TYPE_APPOINTMENT_STORE);
  g_signal_group_connect_swapped (self->appointments_signals, "changed",
                                  G_CALLBACK (sessions_changed_cb), self);
  /* The dates are shown in the practice's time zone. */
  self->practice_signals = g_signal_group_new (SEANCES_TYPE_PRACTICE);
  g_signal_group_connect_swapped (self->practice_signals, "notify::time-zone",
                                  G_CALLBACK (sessions_changed_cb), self);
}

GtkWidget *
seances_client_page_new (SeancesContext *context)
{
  g_return_val_if_fail (SEANCES_IS_CONTEXT (context), NULL);
  return g_object_new (SEANCES_TYPE_CLIENT_PAGE, "context", context, NULL);
}

SeancesContext *
seances_client_page_get_context (SeancesClientPage *self)
{
  g_return_val_if_fail (SEANCES_IS_CLIENT_PAGE (self), NULL);
  return self->context;
}

SeancesClient *
seances_client_page_get_client (SeancesClientPage *self)
{
  g_return_val_if_fail (SEANCES_IS_CLIENT_PAGE (self), NULL);
  return self->client;
}

/* Shows @client, a stored client (not a copy) so that the page follows its changes. */
void
seances_client_page_set_client (SeancesClientPage *self,
                                SeancesClient     *client)
{
  g_return_if_fail (SEANCES_IS_CLIENT_PAGE (self));
  g_return_if_fail (client == NULL || SEANCES_IS_CLIENT (client));

  if (self->client == client)
    return;

  g_clear_signal_handler (&self->client_notify_id, self->client);
  g_set_object (&self->client, client);
  if (client != NULL)
    self->client_notify_id = g_signal_connect_object (client, "notify", G_CALLBACK (client_notify_cb),
                                                      self, G_CONNECT_SWAPPED);

  show_client (self);
  reload_sessions (self);
  update_actions (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

/* Moves the focus into the page, once it replaced the list on a narrow window. */
void
seances_client_page_focus (SeancesClientPage *self)
{
  g_return_if_fail (SEANCES_IS_CLIENT_PAGE (self));

  if (gtk_widget_get_visible (GTK_WIDGET (self->back_button)))
    gtk_widget_grab_focus (GTK_WIDGET (self->back_button));
}
