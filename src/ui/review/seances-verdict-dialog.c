/* seances-verdict-dialog.c — what a late cancellation or an absence costs, before it is recorded
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The policy engine's proposal, in one sentence, with what the practitioner may change:
 * the amount, a waiver of their own (or none, where the engine offers one), force majeure.
 * Nothing is written here: the review commits what the dialog says once it is confirmed,
 * so the dialog keeps the decision as it stands in its own fields, readable after it
 * closed. Enter confirms from anywhere but a button, Escape cancels. */
#include "config.h"

#include "seances-verdict-dialog.h"

#include <glib/gi18n.h>

#include "seances-format.h"
#include "seances-review-labels.h"
#include "seances-time.h"

struct _SeancesVerdictDialog
{
  AdwMessageDialog       parent_instance;

  GtkLabel              *verdict_label;
  AdwEntryRow           *amount_row;
  AdwActionRow          *waive_row;
  GtkSwitch             *waive_switch;
  AdwActionRow          *force_row;
  GtkSwitch             *force_switch;

  SeancesContext        *context;
  SeancesAppointment    *appointment;
  SeancesPolicyOutcome   outcome;
  gint64                 notified_at;
  SeancesPolicyDecision  proposal;      /* the engine's */
  SeancesPolicyDecision  decision;      /* as it stands */
  gint64                 amount_cents;  /* typed, or proposed */
  gboolean               amount_valid;
  gboolean               proposed;      /* a proposal stands: it can be confirmed */
  gboolean               updating;      /* the fields are being set, not typed */
};

G_DEFINE_FINAL_TYPE (SeancesVerdictDialog, seances_verdict_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_APPOINTMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Only what a client's lateness or absence costs has an amount to edit or to waive. */
static gboolean
is_chargeable (SeancesPolicyKind kind)
{
  switch (kind)
    {
    case SEANCES_POLICY_KIND_CANCELLED_LATE:
    case SEANCES_POLICY_KIND_ABSENCE:
      return TRUE;
    case SEANCES_POLICY_KIND_HONOURED:
    case SEANCES_POLICY_KIND_CANCELLED_IN_TIME:
    case SEANCES_POLICY_KIND_CANCELLED_BY_PRACTICE:
    default:
      return FALSE;
    }
}

static void
show_amount (SeancesVerdictDialog *self,
             gint64                cents)
{
  g_autofree char *text = seances_format_money (cents);

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->amount_row), text);
  self->updating = FALSE;
}

/* A field that loses its sensitivity while it has the focus never hears it leave (GTK
 * warns as the dialog closes): the focus goes to the waiver first. */
static void
set_amount_sensitive (SeancesVerdictDialog *self,
                      gboolean              sensitive)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (!sensitive && focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->amount_row)))
    gtk_widget_grab_focus (GTK_WIDGET (self->waive_switch));
  gtk_widget_set_sensitive (GTK_WIDGET (self->amount_row), sensitive);
}

/* The decision as the fields say it, and the sentence that explains it. */
static void
update_decision (SeancesVerdictDialog *self)
{
  SeancesPolicyDecision *decision = &self->decision;
  gboolean chargeable = is_chargeable (self->proposal.kind);
  gboolean waived = chargeable && gtk_switch_get_active (self->waive_switch);
  g_autofree char *reason = NULL;
  g_autofree char *verdict = NULL;

  *decision = self->proposal;
  if (!chargeable)
    {
      decision->due_cents = 0;
      decision->waiver = SEANCES_POLICY_WAIVER_NONE;
    }
  else if (waived)
    {
      decision->due_cents = 0;
      /* The engine's reason stands when it offered one; otherwise it is the practice's. */
      decision->waiver = self->proposal.waiver != SEANCES_POLICY_WAIVER_NONE ? self->proposal.waiver
                                                                            : SEANCES_POLICY_WAIVER_MANUAL;
    }
  else
    {
      decision->due_cents = self->amount_cents;
      decision->waiver = SEANCES_POLICY_WAIVER_NONE;
    }

  if (waived)
    /* Translators: why nothing is due, « Motif : délai de grâce » */
    reason = g_strdup_printf (_("Reason: %s"), seances_waiver_label (decision->waiver));
  adw_action_row_set_subtitle (self->waive_row, reason != NULL ? reason : "");
  set_amount_sensitive (self, chargeable && !waived);

  if (chargeable && !waived && !self->amount_valid)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->amount_row), "error");
      gtk_label_set_text (self->verdict_label, _("Type the amount in euros, for example 45 or 45,50."));
      adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "confirm", FALSE);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->amount_row), "error");
  verdict = seances_policy_explain (decision, seances_context_get_time_zone (self->context));
  gtk_label_set_text (self->verdict_label, verdict);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "confirm", self->proposed);
}

/* The fields start from the engine's proposal. */
static void
show_proposal (SeancesVerdictDialog *self,
               gboolean              force_majeure)
{
  const SeancesPolicyDecision *proposal = &self->proposal;
  gboolean chargeable = is_chargeable (proposal->kind);

  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), seances_decision_heading (proposal->kind));
  gtk_widget_set_visible (GTK_WIDGET (self->amount_row), chargeable);
  gtk_widget_set_visible (GTK_WIDGET (self->waive_row), chargeable);
  gtk_widget_set_visible (GTK_WIDGET (self->force_row), chargeable);

  self->updating = TRUE;
  gtk_switch_set_active (self->force_switch, force_majeure);
  gtk_switch_set_active (self->waive_switch, proposal->waiver != SEANCES_POLICY_WAIVER_NONE);
  self->updating = FALSE;
  /* Force majeure is a waiver of its own: the other one cannot be taken back. When the
   * terms charge nothing, there is nothing to waive. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->waive_row),
                            proposal->policy_cents > 0 && proposal->waiver != SEANCES_POLICY_WAIVER_FORCE_MAJEURE);

  self->amount_cents = proposal->policy_cents;
  self->amount_valid = TRUE;
  show_amount (self, proposal->waiver != SEANCES_POLICY_WAIVER_NONE ? 0 : self->amount_cents);
  update_decision (self);
}

static void
amount_changed_cb (SeancesVerdictDialog *self)
{
  gint64 cents;

  if (self->updating)
    return;
  self->amount_valid = seances_parse_money (gtk_editable_get_text (GTK_EDITABLE (self->amount_row)), &cents);
  if (self->amount_valid)
    self->amount_cents = cents;
  update_decision (self);
}

/* A waived amount shows as nothing due; taken back, the amount comes back as it was. */
static void
waive_toggled_cb (SeancesVerdictDialog *self)
{
  if (self->updating)
    return;
  if (gtk_switch_get_active (self->waive_switch))
    show_amount (self, 0);
  else
    {
      self->amount_valid = TRUE;
      show_amount (self, self->amount_cents);
    }
  update_decision (self);
}

static void
force_toggled_cb (SeancesVerdictDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (self->updating)
    return;
  if (!seances_verdict_dialog_propose (self, self->outcome, gtk_switch_get_active (self->force_switch),
                                       self->notified_at, &error))
    {
      self->proposed = FALSE;
      gtk_label_set_text (self->verdict_label, error->message);
      adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "confirm", FALSE);
    }
}

/* Enter confirms wherever the focus is, but on a button: there it presses that button. */
static gboolean
key_pressed_cb (SeancesVerdictDialog *self,
                guint                 keyval,
                guint                 keycode,
                GdkModifierType       state)
{
  GtkWidget *focus;

  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;
  focus = gtk_root_get_focus (GTK_ROOT (self));
  if (focus != NULL && (GTK_IS_BUTTON (focus) || gtk_widget_get_ancestor (focus, GTK_TYPE_BUTTON) != NULL))
    return FALSE;
  if (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (self), "confirm"))
    gtk_widget_activate_default (GTK_WIDGET (self));
  return TRUE;
}

static void
seances_verdict_dialog_constructed (GObject *object)
{
  SeancesVerdictDialog *self = (SeancesVerdictDialog *)object;
  GTimeZone *tz;
  SeancesClient *client;
  g_autofree char *when = NULL;

  G_OBJECT_CLASS (seances_verdict_dialog_parent_class)->constructed (object);

  g_return_if_fail (SEANCES_IS_CONTEXT (self->context));
  g_return_if_fail (SEANCES_IS_APPOINTMENT (self->appointment));

  tz = seances_context_get_time_zone (self->context);
  client = seances_client_store_lookup (seances_context_get_clients (self->context),
                                        seances_appointment_get_client_id (self->appointment));
  when = seances_time_format_long (tz, seances_appointment_get_start (self->appointment));
  /* Translators: the person, then « mardi 24 novembre à 9 h 00 » */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (self), _("%s, %s"),
                                  client != NULL ? seances_client_get_display_name (client) : "", when);
}

static void
seances_verdict_dialog_dispose (GObject *object)
{
  SeancesVerdictDialog *self = (SeancesVerdictDialog *)object;

  g_clear_object (&self->appointment);
  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), SEANCES_TYPE_VERDICT_DIALOG);
  G_OBJECT_CLASS (seances_verdict_dialog_parent_class)->dispose (object);
}

static void
seances_verdict_dialog_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  SeancesVerdictDialog *self = SEANCES_VERDICT_DIALOG (object);

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
seances_verdict_dialog_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  SeancesVerdictDialog *self = SEANCES_VERDICT_DIALOG (object);

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
seances_verdict_dialog_class_init (SeancesVerdictDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = seances_verdict_dialog_constructed;
  object_class->dispose = seances_verdict_dialog_dispose;
  object_class->get_property = seances_verdict_dialog_get_property;
  object_class->set_property = seances_verdict_dialog_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SEANCES_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_APPOINTMENT] =
    g_param_spec_object ("appointment", NULL, NULL, SEANCES_TYPE_APPOINTMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/seances/Seances/review/seances-verdict-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SeancesVerdictDialog, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, SeancesVerdictDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesVerdictDialog, waive_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesVerdictDialog, waive_switch);
  gtk_widget_class_bind_template_child (widget_class, SeancesVerdictDialog, force_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesVerdictDialog, force_switch);
  gtk_widget_class_bind_template_callback (widget_class, amount_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, waive_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, force_toggled_cb);
}

static void
seances_verdict_dialog_init (SeancesVerdictDialog *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

SeancesVerdictDialog *
seances_verdict_dialog_new (SeancesContext     *context,
                            SeancesAppointment *appointment)
{
  g_return_val_if_fail (SEANCES_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (SEANCES_IS_APPOINTMENT (appointment), NULL);

  return g_object_new (SEANCES_TYPE_VERDICT_DIALOG, "context", context, "appointment", appointment, NULL);
}

/* Asks the policy what closing the session with @outcome means (@notified_at: when the
 * client let the practice know, for a cancellation) and shows it. FALSE with @error when
 * the session cannot be closed so. */
gboolean
seances_verdict_dialog_propose (SeancesVerdictDialog  *self,
                                SeancesPolicyOutcome   outcome,
                                gboolean               force_majeure,
                                gint64                 notified_at,
                                GError               **error)
{
  SeancesPolicyDecision proposal;

  g_return_val_if_fail (SEANCES_IS_VERDICT_DIALOG (self), FALSE);

  if (!seances_decisions_propose (seances_context_get_decisions (self->context), self->appointment,
                                  outcome, force_majeure, notified_at, &proposal, error))
    return FALSE;

  self->outcome = outcome;
  self->notified_at = notified_at;
  self->proposal = proposal;
  self->proposed = TRUE;
  show_proposal (self, force_majeure);
  return TRUE;
}

SeancesAppointment *
seances_verdict_dialog_get_appointment (SeancesVerdictDialog *self)
{
  g_return_val_if_fail (SEANCES_IS_VERDICT_DIALOG (self), NULL);
  return self->appointment;
}

gint64
seances_verdict_dialog_get_notified_at (SeancesVerdictDialog *self)
{
  g_return_val_if_fail (SEANCES_IS_VERDICT_DIALOG (self), 0);
  return self->notified_at;
}

/* The decision as the dialog shows it: the proposal, with what was changed. */
void
seances_verdict_dialog_get_decision (SeancesVerdictDialog  *self,
                                     SeancesPolicyDecision *decision)
{
  g_return_if_fail (SEANCES_IS_VERDICT_DIALOG (self));
  g_return_if_fail (decision != NULL);
  *decision = self->decision;
}
