/* seances-session-popover.c — what a session is, and what can be done with it
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Its buttons name the session by its id, as the target of the "session.*" actions the
 * agenda view installs: the view looks the session up itself, so nothing here carries
 * the model to the view. */
#include "config.h"

#include "seances-session-popover.h"

#include <glib/gi18n.h>

#include "clients/seances-client-labels.h"
#include "seances-format.h"
#include "seances-time.h"

struct _SeancesSessionPopover
{
  GtkPopover          parent_instance;

  GtkLabel           *name_label;
  GtkLabel           *when_label;
  GtkLabel           *facts_label;
  GtkButton          *move_button;
  GtkButton          *cancel_button;
  GtkButton          *client_button;

  SeancesContext     *context;
  SeancesAppointment *appointment;
};

G_DEFINE_FINAL_TYPE (SeancesSessionPopover, seances_session_popover, GTK_TYPE_POPOVER)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_APPOINTMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
place_label (SeancesPlace place)
{
  switch (place)
    {
    case SEANCES_PLACE_OFFICE:
      return _("At the practice");
    case SEANCES_PLACE_VIDEO:
      return _("Video call");
    default:
      g_return_val_if_reached ("");
    }
}

static void
update (SeancesSessionPopover *self)
{
  SeancesAppointment *appointment = self->appointment;
  GTimeZone *tz = seances_context_get_time_zone (self->context);
  gint64 now = seances_context_get_now (self->context);
  SeancesClient *client;
  GVariant *target;
  gint64 start;
  g_autofree char *when = NULL;
  g_autofree char *fee = NULL;
  g_autofree char *facts = NULL;

  if (appointment == NULL)
    return;

  client = seances_client_store_lookup (seances_context_get_clients (self->context),
                                        seances_appointment_get_client_id (appointment));
  start = seances_appointment_get_start (appointment);
  when = seances_time_format_long (tz, start);
  fee = seances_format_money (seances_appointment_get_fee_cents (appointment));
  /* Translators: « 50 min · Au cabinet · 60,00 € · Prévue » */
  facts = g_strdup_printf (_("%d min · %s · %s · %s"),
                           (int) ((seances_appointment_get_end (appointment) - start) / 60),
                           place_label (seances_appointment_get_place (appointment)), fee,
                           seances_appointment_status_label (seances_appointment_get_status (appointment)));
  gtk_label_set_text (self->name_label, client != NULL ? seances_client_get_display_name (client) : "");
  gtk_label_set_text (self->when_label, when);
  gtk_label_set_text (self->facts_label, facts);

  /* One floating target for the three buttons: each takes a reference. */
  target = g_variant_ref_sink (g_variant_new_int64 (seances_appointment_get_id (appointment)));
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->move_button), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->cancel_button), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->client_button), target);
  g_variant_unref (target);
  gtk_widget_set_visible (GTK_WIDGET (self->move_button), seances_appointment_can_move (appointment, now));
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), seances_appointment_can_cancel (appointment, now));
}

/* What it says is read as it opens: a session may have begun since it was last open. */
static void
seances_session_popover_show (GtkWidget *widget)
{
  update (SEANCES_SESSION_POPOVER (widget));
  GTK_WIDGET_CLASS (seances_session_popover_parent_class)->show (widget);
}

/* Whatever the button asked for opens elsewhere (a dialog, the person's file). */
static void
button_clicked_cb (SeancesSessionPopover *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
seances_session_popover_dispose (GObject *object)
{
  SeancesSessionPopover *self = (SeancesSessionPopover *)object;

  g_clear_object (&self->appointment);
  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), SEANCES_TYPE_SESSION_POPOVER);
  G_OBJECT_CLASS (seances_session_popover_parent_class)->dispose (object);
}

static void
seances_session_popover_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  SeancesSessionPopover *self = SEANCES_SESSION_POPOVER (object);

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
seances_session_popover_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  SeancesSessionPopover *self = SEANCES_SESSION_POPOVER (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_APPOINTMENT:
      seances_session_popover_set_appointment (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
seances_session_popover_class_init (SeancesSessionPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = seances_session_popover_dispose;
  object_class->get_property = seances_session_popover_get_property;
  object_class->set_property = seances_session_popover_set_property;
  widget_class->show = seances_session_popover_show;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SEANCES_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_APPOINTMENT] =
    g_param_spec_object ("appointment", NULL, NULL, SEANCES_TYPE_APPOINTMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/seances/Seances/agenda/seances-session-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, SeancesSessionPopover, name_label);
  gtk_widget_class_bind_template_child (widget_class, SeancesSessionPopover, when_label);
  gtk_widget_class_bind_template_child (widget_class, SeancesSessionPopover, facts_label);
  gtk_widget_class_bind_template_child (widget_class, SeancesSessionPopover, move_button);
  gtk_widget_class_bind_template_child (widget_class, SeancesSessionPopover, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SeancesSessionPopover, client_button);
  gtk_widget_class_bind_template_callback (widget_class, button_clicked_cb);
}

static void
seances_session_popover_init (SeancesSessionPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
seances_session_popover_new (SeancesContext *context)
{
  g_return_val_if_fail (SEANCES_IS_CONTEXT (context), NULL);

  return g_object_new (SEANCES_TYPE_SESSION_POPOVER, "context", context, NULL);
}

SeancesAppointment *
seances_session_popover_get_appointment (SeancesSessionPopover *self)
{
  g_return_val_if_fail (SEANCES_IS_SESSION_POPOVER (self), NULL);
  return self->appointment;
}

void
seances_session_popover_set_appointment (SeancesSessionPopover *self,
                                         SeancesAppointment    *appointment)
{
  g_return_if_fail (SEANCES_IS_SESSION_POPOVER (self));
  g_return_if_fail (appointment == NULL || SEANCES_IS_APPOINTMENT (appointment));
  g_return_if_fail (self->context != NULL);

  if (!g_set_object (&self->appointment, appointment))
    return;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPOINTMENT]);
}
