/* seances-session-block.c — one session on the week's grid
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The agenda keeps its blocks from week to week and only hands them another session:
 * making forty anew at every switch cost most of the time a week switch took
 * (build-aux/bench). Its details popover is made the first time it is clicked. */
#include "config.h"

#include "seances-session-block.h"

#include <glib/gi18n.h>
#include <string.h>

#include "clients/seances-client-labels.h"
#include "seances-session-popover.h"
#include "seances-time.h"

struct _SeancesSessionBlock
{
  GtkButton              parent_instance;

  GtkLabel              *label;

  SeancesContext        *context;
  SeancesAppointment    *appointment;
  char                  *description;   /* its tooltip, and what a screen reader says */
  const char            *status_class;
  SeancesSessionPopover *popover;
};

G_DEFINE_FINAL_TYPE (SeancesSessionBlock, seances_session_block, GTK_TYPE_BUTTON)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_APPOINTMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
status_class (SeancesAppointmentStatus status)
{
  switch (status)
    {
    case SEANCES_APPOINTMENT_STATUS_SCHEDULED:
      return "appointment-scheduled";
    case SEANCES_APPOINTMENT_STATUS_HONOURED:
      return "appointment-honoured";
    case SEANCES_APPOINTMENT_STATUS_CANCELLED_IN_TIME:
      return "appointment-cancelled-in-time";
    case SEANCES_APPOINTMENT_STATUS_CANCELLED_LATE:
      return "appointment-cancelled-late";
    case SEANCES_APPOINTMENT_STATUS_NO_SHOW:
      return "appointment-no-show";
    case SEANCES_APPOINTMENT_STATUS_RESCHEDULED:
      return "appointment-rescheduled";
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
set_class (SeancesSessionBlock *self,
           const char          *name,
           gboolean             set)
{
  if (set)
    gtk_widget_add_css_class (GTK_WIDGET (self), name);
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), name);
}

static void
clear (SeancesSessionBlock *self)
{
  gtk_label_set_text (self->label, "");
  gtk_label_set_attributes (self->label, NULL);
  set_class (self, "appointment-off", FALSE);
  set_class (self, "appointment-past", FALSE);
  g_clear_pointer (&self->description, g_free);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

/* The hour, then the person in bold; the classes the style fades or tints it by. */
static void
update (SeancesSessionBlock *self)
{
  SeancesAppointment *appointment = self->appointment;
  GTimeZone *tz = seances_context_get_time_zone (self->context);
  SeancesClient *client;
  SeancesAppointmentStatus status;
  const char *name;
  g_autofree char *hour = NULL;
  g_autofree char *text = NULL;
  g_autofree char *day = NULL;
  g_autoptr(PangoAttrList) attributes = NULL;
  PangoAttribute *bold;

  if (self->status_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self), self->status_class);
  self->status_class = NULL;
  if (appointment == NULL)
    {
      clear (self);
      return;
    }

  client = seances_client_store_lookup (seances_context_get_clients (self->context),
                                        seances_appointment_get_client_id (appointment));
  name = client != NULL ? seances_client_get_display_name (client) : "";
  status = seances_appointment_get_status (appointment);
  hour = seances_time_format_hour (tz, seances_appointment_get_start (appointment));
  text = g_strconcat (hour, "\n", name, NULL);
  attributes = pango_attr_list_new ();
  bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
  bold->start_index = strlen (hour) + 1;
  bold->end_index = G_MAXUINT;
  pango_attr_list_insert (attributes, bold);
  gtk_label_set_text (self->label, text);
  gtk_label_set_attributes (self->label, attributes);

  set_class (self, "appointment-off", !seances_appointment_takes_slot (appointment));
  /* A session over is history: faded, so that what is still to come stands out. */
  set_class (self, "appointment-past",
             seances_appointment_is_over (appointment, seances_context_get_now (self->context)));
  self->status_class = status_class (status);
  if (self->status_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), self->status_class);

  day = seances_time_format_day (tz, seances_appointment_get_start (appointment));
  g_free (self->description);
  /* Translators: what a screen reader says of a session: « 14 h 00, Hélène Martin, Prévue, mardi 24 novembre » */
  self->description = g_strdup_printf (_("%s, %s, %s, %s"), hour, name,
                                       seances_appointment_status_label (status), day);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, self->description, -1);
}

/* The tooltip is made when asked for: setting it on forty blocks at every week switch
 * cost ten times the rest of the switch (build-aux/bench). */
static gboolean
seances_session_block_query_tooltip (GtkWidget  *widget,
                                     int         x,
                                     int         y,
                                     gboolean    keyboard,
                                     GtkTooltip *tooltip)
{
  SeancesSessionBlock *self = SEANCES_SESSION_BLOCK (widget);

  if (self->description == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, self->description);
  return TRUE;
}

static void
seances_session_block_clicked (GtkButton *button)
{
  SeancesSessionBlock *self = SEANCES_SESSION_BLOCK (button);

  if (GTK_BUTTON_CLASS (seances_session_block_parent_class)->clicked != NULL)
    GTK_BUTTON_CLASS (seances_session_block_parent_class)->clicked (button);
  if (self->appointment == NULL)
    return;

  /* Its buttons have their targets before they meet the agenda's actions. */
  if (self->popover == NULL)
    {
      self->popover = SEANCES_SESSION_POPOVER (seances_session_popover_new (self->context));
      seances_session_popover_set_appointment (self->popover, self->appointment);
      gtk_widget_set_parent (GTK_WIDGET (self->popover), GTK_WIDGET (self));
    }
  seances_session_popover_set_appointment (self->popover, self->appointment);
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

static void
seances_session_block_dispose (GObject *object)
{
  SeancesSessionBlock *self = (SeancesSessionBlock *)object;

  if (self->popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (g_steal_pointer (&self->popover)));
  g_clear_object (&self->appointment);
  g_clear_object (&self->context);
  /* GtkButton unparents its child itself: the template must not do it a second time. */
  gtk_button_set_child (GTK_BUTTON (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SEANCES_TYPE_SESSION_BLOCK);
  G_OBJECT_CLASS (seances_session_block_parent_class)->dispose (object);
}

static void
seances_session_block_finalize (GObject *object)
{
  SeancesSessionBlock *self = (SeancesSessionBlock *)object;

  g_free (self->description);
  G_OBJECT_CLASS (seances_session_block_parent_class)->finalize (object);
}

static void
seances_session_block_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SeancesSessionBlock *self = SEANCES_SESSION_BLOCK (object);

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
seances_session_block_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SeancesSessionBlock *self = SEANCES_SESSION_BLOCK (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_APPOINTMENT:
      seances_session_block_set_appointment (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
seances_session_block_class_init (SeancesSessionBlockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkButtonClass *button_class = GTK_BUTTON_CLASS (klass);

  object_class->dispose = seances_session_block_dispose;
  object_class->finalize = seances_session_block_finalize;
  object_class->get_property = seances_session_block_get_property;
  object_class->set_property = seances_session_block_set_property;
  widget_class->query_tooltip = seances_session_block_query_tooltip;
  button_class->clicked = seances_session_block_clicked;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SEANCES_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The session shown; NULL while the block waits in the agenda's pool. */
  properties[PROP_APPOINTMENT] =
    g_param_spec_object ("appointment", NULL, NULL, SEANCES_TYPE_APPOINTMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/seances/Seances/agenda/seances-session-block.ui");
  gtk_widget_class_bind_template_child (widget_class, SeancesSessionBlock, label);
}

static void
seances_session_block_init (SeancesSessionBlock *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
seances_session_block_new (SeancesContext *context)
{
  g_return_val_if_fail (SEANCES_IS_CONTEXT (context), NULL);

  return g_object_new (SEANCES_TYPE_SESSION_BLOCK, "context", context, NULL);
}

SeancesAppointment *
seances_session_block_get_appointment (SeancesSessionBlock *self)
{
  g_return_val_if_fail (SEANCES_IS_SESSION_BLOCK (self), NULL);
  return self->appointment;
}

/* A session that changed under an open popover closes it: its buttons would act on
 * what is no longer shown. */
void
seances_session_block_set_appointment (SeancesSessionBlock *self,
                                       SeancesAppointment  *appointment)
{
  g_return_if_fail (SEANCES_IS_SESSION_BLOCK (self));
  g_return_if_fail (appointment == NULL || SEANCES_IS_APPOINTMENT (appointment));
  g_return_if_fail (self->context != NULL);

  if (!g_set_object (&self->appointment, appointment))
    return;
  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPOINTMENT]);
}

/* What the block says of its session, as its tooltip and to screen readers:
 * « 14 h 00, Hélène Martin, Prévue, mardi 24 novembre »; NULL when it shows none. */
const char *
seances_session_block_get_description (SeancesSessionBlock *self)
{
  g_return_val_if_fail (SEANCES_IS_SESSION_BLOCK (self), NULL);
  return self->description;
}
