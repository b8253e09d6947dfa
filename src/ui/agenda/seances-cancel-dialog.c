/* seances-cancel-dialog.c — cancelling a session: who, when they let the practice know, and the verdict
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A cancellation is classified by the policy as soon as it is recorded: by the client in
 * time, or late (what the policy asks then, or why it is waived), or by the practice,
 * never billed. The dialog asks who cancelled and when the client let the practice know
 * (now, unless the call came earlier), and shows the verdict as the answers change. The
 * agenda records what the dialog shows once it is confirmed, so the dialog keeps its
 * proposal in its own fields, readable after it closed. */
#include "config.h"

#include "seances-cancel-dialog.h"

#include <glib/gi18n.h>

#include "clients/seances-client-labels.h"
#include "seances-appointment-editor.h"
#include "seances-format.h"
#include "seances-time.h"

struct _SeancesCancelDialog
{
  AdwMessageDialog       parent_instance;

  AdwActionRow          *client_row;
  GtkCheckButton        *client_check;
  AdwPreferencesGroup   *when_group;
  GtkMenuButton         *date_button;
  GtkPopover            *date_popover;
  GtkCalendar           *calendar;
  AdwEntryRow           *time_row;
  GtkLabel              *time_error_label;
  GtkLabel              *verdict_label;

  SeancesContext        *context;
  SeancesAppointment    *appointment;
  SeancesPolicyDecision  decision;
  gint64                 notified_at;
};

G_DEFINE_FINAL_TYPE (SeancesCancelDialog, seances_cancel_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_APPOINTMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_time_error (SeancesCancelDialog *self,
                 const char          *message)
{
  gtk_label_set_text (self->time_error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->time_error_label), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->time_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->time_row), "error");
}

/* When the client let the practice know, as typed: UTC seconds, or FALSE with the
 * reason at the field. */
static gboolean
read_notified_at (SeancesCancelDialog *self,
                  gint64              *notified_at)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autoptr(GError) error = NULL;
  int hour, minute;

  if (!seances_parse_clock (gtk_editable_get_text (GTK_EDITABLE (self->time_row)), &hour, &minute))
    {
      show_time_error (self, _("Type the time as hours and minutes, for example 9 h 30."));
      return FALSE;
    }
  if (!seances_time_from_local (seances_context_get_time_zone (self->context), g_date_time_get_year (date),
                                g_date_time_get_month (date), g_date_time_get_day_of_month (date), hour, minute,
                                notified_at, &error))
    {
      show_time_error (self, error->message);
      return FALSE;
    }
  show_time_error (self, NULL);
  return TRUE;
}

/* The policy's verdict for the answers as they stand; only a verdict can be confirmed. */
static void
update (SeancesCancelDialog *self)
{
  gboolean by_client = gtk_check_button_get_active (self->client_check);
  g_autoptr(GError) error = NULL;
  g_autofree char *verdict = NULL;
  gboolean ok;

  /* When the practice cancels, nothing is due whenever it tells the client. */
  gtk_widget_set_visible (GTK_WIDGET (self->when_group), by_client);
  if (by_client)
    ok = read_notified_at (self, &self->notified_at);
  else
    {
      self->notified_at = seances_context_get_now (self->context);
      ok = TRUE;
    }

  ok = ok && seances_decisions_propose (seances_context_get_decisions (self->context), self->appointment,
                                        by_client ? SEANCES_POLICY_OUTCOME_CLIENT_CANCELLED
                                                  : SEANCES_POLICY_OUTCOME_PRACTICE_CANCELLED,
                                        FALSE, self->notified_at, &self->decision, &error);
  if (ok)
    verdict = seances_policy_explain (&self->decision, seances_context_get_time_zone (self->context));
  gtk_label_set_text (self->verdict_label, verdict != NULL ? verdict : error != NULL ? error->message : "");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "cancel-session", ok);
}

static void
changed_cb (SeancesCancelDialog *self)
{
  if (self->context != NULL && self->appointment != NULL)
    update (self);
}

static void
show_date (SeancesCancelDialog *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  /* Translators: a date on a button, e.g. « mardi 24 novembre 2026 » */
  g_autofree char *text = g_date_time_format (date, _("%A %-d %B %Y"));

  gtk_menu_button_set_label (self->date_button, text);
}

static void
day_selected_cb (SeancesCancelDialog *self)
{
  gtk_popover_popdown (self->date_popover);
  show_date (self);
  changed_cb (self);
}

static void
seances_cancel_dialog_constructed (GObject *object)
{
  SeancesCancelDialog *self = (SeancesCancelDialog *)object;
  GTimeZone *tz;
  SeancesClient *client;
  gboolean says_client;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *when = NULL;
  g_autofree char *clock = NULL;

  G_OBJECT_CLASS (seances_cancel_dialog_parent_class)->constructed (object);

  g_return_if_fail (SEANCES_IS_CONTEXT (self->context));
  g_return_if_fail (SEANCES_IS_APPOINTMENT (self->appointment));

  tz = seances_context_get_time_zone (self->context);
  client = seances_client_store_lookup (seances_context_get_clients (self->context),
                                        seances_appointment_get_client_id (self->appointment));
  when = seances_time_format_long (tz, seances_appointment_get_start (self->appointment));
  /* Translators: %s is the person, then « mardi 24 novembre à 14 h 00 » */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (self),
                                  _("The session of %s on %s will be marked as cancelled. "
                                    "Moving it to another time keeps the appointment instead."),
                                  client != NULL ? seances_client_get_display_name (client) : "", when);

  says_client = seances_clients_says_client (self->context);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->client_row),
                                 says_client ? _("The client") : _("The patient"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->client_check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  says_client ? _("The client") : _("The patient"), -1);
  adw_preferences_group_set_title (self->when_group,
                                   says_client ? _("When the Client Let You Know")
                                               : _("When the Patient Let You Know"));

  /* Now, unless the call came earlier. */
  now = seances_time_to_local (tz, seances_context_get_now (self->context));
  gtk_calendar_select_day (self->calendar, now);
  show_date (self);
  /* Translators: a time of day in a field, e.g. « 14 h 30 » */
  clock = g_strdup_printf (_("%d h %02d"), g_date_time_get_hour (now), g_date_time_get_minute (now));
  gtk_editable_set_text (GTK_EDITABLE (self->time_row), clock);
  update (self);
}

static void
seances_cancel_dialog_dispose (GObject *object)
{
  SeancesCancelDialog *self = (SeancesCancelDialog *)object;

  g_clear_object (&self->appointment);
  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), SEANCES_TYPE_CANCEL_DIALOG);
  G_OBJECT_CLASS (seances_cancel_dialog_parent_class)->dispose (object);
}

static void
seances_cancel_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SeancesCancelDialog *self = SEANCES_CANCEL_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_APPOINTMENT:
      g_value_set_object (value, self->appointment);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
seances_cancel_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SeancesCancelDialog *self = SEANCES_CANCEL_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_APPOINTMENT:
      self->appointment = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
seances_cancel_dialog_class_init (SeancesCancelDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = seances_cancel_dialog_constructed;
  object_class->dispose = seances_cancel_dialog_dispose;
  object_class->get_property = seances_cancel_dialog_get_property;
  object_class->set_property = seances_cancel_dialog_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SEANCES_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_APPOINTMENT] =
    g_param_spec_object ("appointment", NULL, NULL, SEANCES_TYPE_APPOINTMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/seances/Seances/agenda/seances-cancel-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SeancesCancelDialog, client_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesCancelDialog, client_check);
  gtk_widget_class_bind_template_child (widget_class, SeancesCancelDialog, when_group);
  gtk_widget_class_bind_template_child (widget_class, SeancesCancelDialog, date_button);
  gtk_widget_class_bind_template_child (widget_class, SeancesCancelDialog, date_popover);
  gtk_widget_class_bind_template_child (widget_class, SeancesCancelDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, SeancesCancelDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesCancelDialog, time_error_label);
  gtk_widget_class_bind_template_child (widget_class, SeancesCancelDialog, verdict_label);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
}

static void
seances_cancel_dialog_init (SeancesCancelDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  seances_calendar_watch_picks (self->calendar, G_CALLBACK (day_selected_cb), self);
}

SeancesCancelDialog *
seances_cancel_dialog_new (SeancesContext     *context,
                           SeancesAppointment *appointment)
{
  g_return_val_if_fail (SEANCES_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (SEANCES_IS_APPOINTMENT (appointment), NULL);

  return g_object_new (SEANCES_TYPE_CANCEL_DIALOG, "context", context, "appointment", appointment, NULL);
}

SeancesAppointment *
seances_cancel_dialog_get_appointment (SeancesCancelDialog *self)
{
  g_return_val_if_fail (SEANCES_IS_CANCEL_DIALOG (self), NULL);
  return self->appointment;
}

/* When the client let the practice know (or the practice cancelled): what the session
 * records as its cancellation's time. */
gint64
seances_cancel_dialog_get_notified_at (SeancesCancelDialog *self)
{
  g_return_val_if_fail (SEANCES_IS_CANCEL_DIALOG (self), 0);
  return self->notified_at;
}

/* The verdict shown, to be recorded as it is. */
void
seances_cancel_dialog_get_decision (SeancesCancelDialog   *self,
                                    SeancesPolicyDecision *decision)
{
  g_return_if_fail (SEANCES_IS_CANCEL_DIALOG (self));
  g_return_if_fail (decision != NULL);
  *decision = self->decision;
}
