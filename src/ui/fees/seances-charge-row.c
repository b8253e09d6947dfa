/* seances-charge-row.c — one charge: whose, which session, how much, and what to do with it
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same row serves « Honoraires dus » (the client's name first, and under the amount
 * what they owe in all when it is more) and a client's page (the session's day first, and
 * what became of it). Its buttons are the charge.mark-paid and
 * charge.waive actions of the view it is in, with the charge's id: the view finds the
 * charge in what it shows. Built in code: a template would be parsed again for each row
 * the list makes. */
#include "config.h"

#include "seances-charge-row.h"

#include <glib/gi18n.h>

#include "seances-charge-labels.h"
#include "seances-format.h"
#include "seances-time.h"

struct _SeancesChargeRow
{
  GtkWidget       parent_instance;

  GtkWidget      *box;
  GtkLabel       *title;
  GtkLabel       *subtitle;
  GtkLabel       *amount;
  GtkLabel       *balance;
  GtkWidget      *paid_button;
  GtkWidget      *waive_button;

  SeancesContext *context;
  SeancesCharge  *charge;
  gboolean        show_client;
};

G_DEFINE_FINAL_TYPE (SeancesChargeRow, seances_charge_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_SHOW_CLIENT,
  PROP_CHARGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
client_name (SeancesChargeRow *self)
{
  SeancesClient *client = seances_client_store_lookup (seances_context_get_clients (self->context),
                                                       seances_charge_get_client_id (self->charge));

  return client != NULL ? seances_client_get_display_name (client) : "";
}

/* Across clients: what the person owes in all, under this charge's amount, when it is
 * more than this one charge. */
static void
show_balance (SeancesChargeRow *self)
{
  gint64 balance = seances_charge_store_get_balance (seances_context_get_charges (self->context),
                                                     seances_charge_get_client_id (self->charge));
  g_autofree char *total = NULL;
  g_autofree char *text = NULL;
  gboolean shown = self->show_client && balance > seances_charge_get_due_cents (self->charge);

  gtk_widget_set_visible (GTK_WIDGET (self->balance), shown);
  if (!shown)
    return;
  total = seances_format_money (balance);
  /* Translators: what the person owes in all, under one amount: « 180,00 € en tout » */
  text = g_strdup_printf (_("%s in all"), total);
  gtk_label_set_text (self->balance, text);
}

static void
show_amount (SeancesChargeRow *self)
{
  gboolean unpaid = seances_charge_is_unpaid (self->charge);
  gboolean waived = seances_charge_get_waiver (self->charge) != SEANCES_POLICY_WAIVER_NONE;
  g_autofree char *text = seances_format_money (waived ? seances_charge_get_policy_cents (self->charge)
                                                       : seances_charge_get_due_cents (self->charge));
  /* What was waived stays readable, struck through: the line beside it says why. */
  g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();

  if (waived)
    pango_attr_list_insert (attributes, pango_attr_strikethrough_new (TRUE));
  gtk_label_set_attributes (self->amount, attributes);
  gtk_label_set_text (self->amount, text);
  if (unpaid)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->amount), "heading");
      gtk_widget_remove_css_class (GTK_WIDGET (self->amount), "dim-label");
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->amount), "dim-label");
      gtk_widget_remove_css_class (GTK_WIDGET (self->amount), "heading");
    }
}

static void
show_charge (SeancesChargeRow *self)
{
  GTimeZone *tz = seances_context_get_time_zone (self->context);
  gint64 now = seances_context_get_now (self->context);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *paid_name = NULL;
  g_autofree char *waive_name = NULL;
  gboolean unpaid;

  if (self->charge == NULL)
    return;

  unpaid = seances_charge_is_unpaid (self->charge);
  if (self->show_client)
    {
      g_autofree char *session = seances_charge_describe_session (self->charge, tz, now);
      g_autofree char *age = seances_time_format_age (tz, seances_charge_get_session_start (self->charge), now);

      title = g_strdup (client_name (self));
      subtitle = g_strdup_printf ("%s · %s", session, age);
    }
  else
    {
      g_autofree char *state = seances_charge_describe_state (self->charge, tz, now);

      /* The day first, as the page's lists of sessions say it. */
      title = seances_time_format_day_near (tz, seances_charge_get_session_start (self->charge), now);
      subtitle = g_strdup_printf ("%s · %s", seances_charge_kind_label (seances_charge_get_kind (self->charge)), state);
    }
  gtk_label_set_text (self->title, title);
  gtk_label_set_text (self->subtitle, subtitle);
  show_amount (self);
  show_balance (self);

  gtk_widget_set_visible (self->paid_button, unpaid);
  gtk_widget_set_visible (self->waive_button, unpaid);
  /* A screen reader going from button to button hears which charge each is for. */
  subject = self->show_client ? g_strdup_printf ("%s, %s", title, subtitle) : g_strdup (title);
  /* Translators: the accessible name of « Marquer comme réglé » on a row: « Marquer comme
   * réglé : Hélène Martin, Séance du mardi 24 novembre · il y a 12 jours » */
  paid_name = g_strdup_printf (_("Mark as paid: %s"), subject);
  /* Translators: the accessible name of « Renoncer… » on a row, as above */
  waive_name = g_strdup_printf (_("Waive: %s"), subject);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->paid_button), GTK_ACCESSIBLE_PROPERTY_LABEL, paid_name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->waive_button), GTK_ACCESSIBLE_PROPERTY_LABEL, waive_name, -1);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->paid_button),
                                          g_variant_new_int64 (seances_charge_get_id (self->charge)));
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->waive_button),
                                          g_variant_new_int64 (seances_charge_get_id (self->charge)));
}

static GtkWidget *
add_label (GtkWidget  *box,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);
  return label;
}

static GtkWidget *
add_button (GtkWidget  *box,
            const char *label,
            const char *action_name)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* A target of the action's type first: each charge shown gives its own id. */
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (0));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_box_append (GTK_BOX (box), button);
  return button;
}

static void
seances_charge_row_dispose (GObject *object)
{
  SeancesChargeRow *self = (SeancesChargeRow *)object;

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->charge);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (seances_charge_row_parent_class)->dispose (object);
}

static void
seances_charge_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SeancesChargeRow *self = SEANCES_CHARGE_ROW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_SHOW_CLIENT:
      g_value_set_boolean (value, self->show_client);
      break;
    case PROP_CHARGE:
      g_value_set_object (value, self->charge);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
seances_charge_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SeancesChargeRow *self = SEANCES_CHARGE_ROW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_SHOW_CLIENT:
      self->show_client = g_value_get_boolean (value);
      break;
    case PROP_CHARGE:
      seances_charge_row_set_charge (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
seances_charge_row_class_init (SeancesChargeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = seances_charge_row_dispose;
  object_class->get_property = seances_charge_row_get_property;
  object_class->set_property = seances_charge_row_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SEANCES_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_CLIENT] =
    g_param_spec_boolean ("show-client", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHARGE] =
    g_param_spec_object ("charge", NULL, NULL, SEANCES_TYPE_CHARGE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chargerow");
}

static void
seances_charge_row_init (SeancesChargeRow *self)
{
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *figures;

  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (self->box), text);
  self->title = GTK_LABEL (add_label (text, "heading"));
  self->subtitle = GTK_LABEL (add_label (text, "dim-label"));
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle), "caption");
  /* On two lines rather than cut: the end of it says how long ago. */
  gtk_label_set_ellipsize (self->subtitle, PANGO_ELLIPSIZE_NONE);
  gtk_label_set_wrap (self->subtitle, TRUE);

  figures = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_valign (figures, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (self->box), figures);
  /* Amounts are never cut. */
  self->amount = GTK_LABEL (add_label (figures, "numeric"));
  gtk_label_set_ellipsize (self->amount, PANGO_ELLIPSIZE_NONE);
  gtk_label_set_xalign (self->amount, 1);
  self->balance = GTK_LABEL (add_label (figures, "caption"));
  gtk_label_set_ellipsize (self->balance, PANGO_ELLIPSIZE_NONE);
  gtk_label_set_xalign (self->balance, 1);
  gtk_widget_add_css_class (GTK_WIDGET (self->balance), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->balance), "numeric");

  self->paid_button = add_button (self->box, _("Mark as Paid"), "charge.mark-paid");
  self->waive_button = add_button (self->box, _("Waive…"), "charge.waive");
  gtk_widget_add_css_class (self->waive_button, "flat");
}

GtkWidget *
seances_charge_row_new (SeancesContext *context,
                        gboolean        show_client)
{
  g_return_val_if_fail (SEANCES_IS_CONTEXT (context), NULL);

  return g_object_new (SEANCES_TYPE_CHARGE_ROW, "context", context, "show-client", show_client, NULL);
}

SeancesCharge *
seances_charge_row_get_charge (SeancesChargeRow *self)
{
  g_return_val_if_fail (SEANCES_IS_CHARGE_ROW (self), NULL);
  return self->charge;
}

void
seances_charge_row_set_charge (SeancesChargeRow *self,
                               SeancesCharge    *charge)
{
  g_return_if_fail (SEANCES_IS_CHARGE_ROW (self));
  g_return_if_fail (charge == NULL || SEANCES_IS_CHARGE (charge));

  if (!g_set_object (&self->charge, charge))
    return;
  show_charge (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHARGE]);
}

/* Shows the row again: a name changed, another charge of the person did, or the day. */
void
seances_charge_row_refresh (SeancesChargeRow *self)
{
  g_return_if_fail (SEANCES_IS_CHARGE_ROW (self));
  show_charge (self);
}
