/* seances-client-policy-group.c — a client's acceptance of the cancellation policy
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A fee is defensible only once the client accepted a policy: the group says which
 * version they accepted, when and how, or that they have not yet and what follows. An
 * acceptance of the version in force is recorded in two clicks: the button, then how it
 * was given, dated today unless another day is picked. */
#include "config.h"

#include "seances-client-policy-group.h"

#include <glib/gi18n.h>

#include "agenda/seances-appointment-editor.h"
#include "preferences/seances-commitment-print.h"
#include "preferences/seances-policy-labels.h"
#include "seances-time.h"

/* In the order of the menu. */
static const SeancesAcceptanceMeans means_shown[] = {
  SEANCES_ACCEPTANCE_PAPER,
  SEANCES_ACCEPTANCE_EMAIL,
  SEANCES_ACCEPTANCE_SESSION,
};

struct _SeancesClientPolicyGroup
{
  AdwPreferencesGroup  parent_instance;

  AdwActionRow        *acceptance_row;
  GtkPopover          *accept_popover;
  GtkMenuButton       *date_button;
  GtkPopover          *date_popover;
  GtkCalendar         *calendar;
  GtkBox              *means_box;

  SeancesContext      *context;
  GSignalGroup        *policies_signals;
  GSignalGroup        *practice_signals;
  SeancesClient       *client;
};

G_DEFINE_FINAL_TYPE (SeancesClientPolicyGroup, seances_client_policy_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static SeancesPolicyStore *
policies (SeancesClientPolicyGroup *self)
{
  return seances_context_get_policies (self->context);
}

static void
show_error (SeancesClientPolicyGroup *self,
            const char               *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_warning ("Nowhere to say: %s", message);
}

static void
update_date_label (SeancesClientPolicyGroup *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  /* Translators: a date on a button, e.g. « mardi 24 novembre 2026 » */
  g_autofree char *text = g_date_time_format (date, _("%A %-d %B %Y"));

  gtk_menu_button_set_label (self->date_button, text);
}

/* The acceptance is dated today, in the practice's time zone, until another day is picked. */
static void
pick_today (SeancesClientPolicyGroup *self)
{
  g_autoptr(GDateTime) today = seances_time_to_local (seances_context_get_time_zone (self->context),
                                                      seances_context_get_now (self->context));

  gtk_calendar_select_day (self->calendar, today);
  update_date_label (self);
}

/* Today is now; an earlier day is its first instant, so that the acceptance counts for
 * every session of that day, the one it was given in included. */
static gint64
picked_instant (SeancesClientPolicyGroup *self)
{
  GTimeZone *tz = seances_context_get_time_zone (self->context);
  gint64 now = seances_context_get_now (self->context);
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (self->calendar);
  g_autoptr(GDateTime) today = seances_time_to_local (tz, now);
  gint64 noon = 0;

  if (g_date_time_get_year (picked) == g_date_time_get_year (today) &&
      g_date_time_get_day_of_year (picked) == g_date_time_get_day_of_year (today))
    return now;
  /* Noon exists on every day, whatever the clocks do at night. */
  if (!seances_time_from_local (tz, g_date_time_get_year (picked), g_date_time_get_month (picked),
                                g_date_time_get_day_of_month (picked), 12, 0, &noon, NULL))
    return now;
  return seances_time_day_start (tz, noon);
}

static void
update (SeancesClientPolicyGroup *self)
{
  const SeancesPolicyAcceptance *acceptance = NULL;
  const SeancesPolicyVersion *current = seances_policy_store_get_current (policies (self));
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  guint number;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "client-policy.print", self->client != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->acceptance_row), self->client != NULL);
  if (self->client != NULL)
    acceptance = seances_policy_store_get_acceptance (policies (self), seances_client_get_id (self->client));

  if (acceptance == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->acceptance_row), _("Not accepted yet"));
      adw_action_row_set_subtitle (self->acceptance_row,
                                   _("Until a policy is accepted, no late cancellation or absence can be charged."));
      return;
    }

  title = seances_acceptance_describe (acceptance, seances_context_get_time_zone (self->context));
  number = seances_policy_version_number (policies (self), acceptance->version_id);
  if (acceptance->version_id == current->id)
    /* Translators: %u is the number of the version accepted */
    subtitle = g_strdup_printf (_("Version %u, the one in force."), number);
  else
    {
      g_autofree char *date = seances_policy_format_date (seances_context_get_time_zone (self->context),
                                                          current->created_at);

      /* Translators: %u are versions' numbers, %s a date, « 24 novembre 2026 » */
      subtitle = g_strdup_printf (_("Version %u. The policy has changed since: version %u, of %s."),
                                  number, seances_policy_version_number (policies (self), current->id), date);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->acceptance_row), title);
  adw_action_row_set_subtitle (self->acceptance_row, subtitle);
}

static void
day_selected_cb (SeancesClientPolicyGroup *self)
{
  gtk_popover_popdown (self->date_popover);
  update_date_label (self);
}

static void
acceptance_changed_cb (SeancesClientPolicyGroup *self,
                       gint64                    client_id)
{
  if (self->client != NULL && seances_client_get_id (self->client) == client_id)
    update (self);
}

static void
accept_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SeancesClientPolicyGroup *self = SEANCES_CLIENT_POLICY_GROUP (widget);
  SeancesAcceptanceMeans means = g_variant_get_int32 (parameter);
  g_autoptr(GError) error = NULL;

  if (self->client == NULL)
    return;
  gtk_popover_popdown (self->accept_popover);
  if (!seances_policy_store_accept (policies (self), seances_client_get_id (self->client),
                                    seances_policy_store_get_current (policies (self))->id,
                                    picked_instant (self), means, &error))
    {
      show_error (self, error->message);
      return;
    }
  pick_today (self);
}

static void
print_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SeancesClientPolicyGroup *self = SEANCES_CLIENT_POLICY_GROUP (widget);
  g_autoptr(SeancesCommitmentPrint) print = seances_commitment_print_new (self->context, self->client);
  g_autoptr(GError) error = NULL;

  if (!seances_commitment_print_run_dialog (print, GTK_WINDOW (gtk_widget_get_root (widget)), &error))
    show_error (self, error->message);
}

static void
seances_client_policy_group_constructed (GObject *object)
{
  SeancesClientPolicyGroup *self = (SeancesClientPolicyGroup *)object;

  G_OBJECT_CLASS (seances_client_policy_group_parent_class)->constructed (object);

  g_signal_group_set_target (self->policies_signals, policies (self));
  g_signal_group_set_target (self->practice_signals, seances_context_get_practice (self->context));
  pick_today (self);
  update (self);
}

static void
seances_client_policy_group_dispose (GObject *object)
{
  SeancesClientPolicyGroup *self = (SeancesClientPolicyGroup *)object;

  g_clear_object (&self->policies_signals);
  g_clear_object (&self->practice_signals);
  g_clear_object (&self->client);
  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), SEANCES_TYPE_CLIENT_POLICY_GROUP);
  G_OBJECT_CLASS (seances_client_policy_group_parent_class)->dispose (object);
}

static void
seances_client_policy_group_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  SeancesClientPolicyGroup *self = SEANCES_CLIENT_POLICY_GROUP (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
seances_client_policy_group_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  SeancesClientPolicyGroup *self = SEANCES_CLIENT_POLICY_GROUP (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_CLIENT:
      seances_client_policy_group_set_client (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
seances_client_policy_group_class_init (SeancesClientPolicyGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = seances_client_policy_group_constructed;
  object_class->dispose = seances_client_policy_group_dispose;
  object_class->get_property = seances_client_policy_group_get_property;
  object_class->set_property = seances_client_policy_group_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SEANCES_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, SEANCES_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/seances/Seances/clients/seances-client-policy-group.ui");
  gtk_widget_class_bind_template_child (widget_class, SeancesClientPolicyGroup, acceptance_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesClientPolicyGroup, accept_popover);
  gtk_widget_class_bind_template_child (widget_class, SeancesClientPolicyGroup, date_button);
  gtk_widget_class_bind_template_child (widget_class, SeancesClientPolicyGroup, date_popover);
  gtk_widget_class_bind_template_child (widget_class, SeancesClientPolicyGroup, calendar);
  gtk_widget_class_bind_template_child (widget_class, SeancesClientPolicyGroup, means_box);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_install_action (widget_class, "client-policy.accept", "i", accept_action_cb);
  gtk_widget_class_install_action (widget_class, "client-policy.print", NULL, print_action_cb);
}

static void
seances_client_policy_group_init (SeancesClientPolicyGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (means_shown); i++)
    {
      GtkWidget *button = gtk_button_new_with_label (seances_acceptance_means_label (means_shown[i]));

      gtk_widget_add_css_class (button, "flat");
      gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 0);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", (gint32) means_shown[i]);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "client-policy.accept");
      gtk_box_append (self->means_box, button);
    }
  /* A click on a day already selected closes the calendar too. */
  seances_calendar_watch_picks (self->calendar, G_CALLBACK (day_selected_cb), self);

  self->policies_signals = g_signal_group_new (SEANCES_TYPE_POLICY_STORE);
  g_signal_group_connect_swapped (self->policies_signals, "acceptance-changed",
                                  G_CALLBACK (acceptance_changed_cb), self);
  g_signal_group_connect_swapped (self->policies_signals, "changed", G_CALLBACK (update), self);
  /* The dates are the practice's. */
  self->practice_signals = g_signal_group_new (SEANCES_TYPE_PRACTICE);
  g_signal_group_connect_swapped (self->practice_signals, "notify::time-zone", G_CALLBACK (update), self);
}

GtkWidget *
seances_client_policy_group_new (SeancesContext *context)
{
  g_return_val_if_fail (SEANCES_IS_CONTEXT (context), NULL);
  return g_object_new (SEANCES_TYPE_CLIENT_POLICY_GROUP, "context", context, NULL);
}

SeancesClient *
seances_client_policy_group_get_client (SeancesClientPolicyGroup *self)
{
  g_return_val_if_fail (SEANCES_IS_CLIENT_POLICY_GROUP (self), NULL);
  return self->client;
}

/* Shows @client's acceptance; a new client starts again from today's date. */
void
seances_client_policy_group_set_client (SeancesClientPolicyGroup *self,
                                        SeancesClient            *client)
{
  g_return_if_fail (SEANCES_IS_CLIENT_POLICY_GROUP (self));
  g_return_if_fail (client == NULL || SEANCES_IS_CLIENT (client));

  if (!g_set_object (&self->client, client))
    return;
  if (self->context != NULL)
    {
      pick_today (self);
      update (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}
