/* seances-client-fees.c — a client's fees on their page: what they owe, what was settled
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The balance, then every charge still due (from the charge store's memory), then the
 * latest settled ones with how they were paid or why they were not due: a client seen
 * weekly for years has hundreds of those, the page says a few. The same actions as
 * « Honoraires dus »; the store's ::changed for this client brings the group along. */
#include "config.h"

#include "seances-client-fees.h"

#include <glib/gi18n.h>

#include "seances-charge-actions.h"
#include "seances-charge-row.h"
#include "seances-format.h"

#define MAX_SETTLED_SHOWN 10

struct _SeancesClientFees
{
  AdwPreferencesGroup  parent_instance;

  GtkListBox          *list;

  SeancesContext      *context;
  GSignalGroup        *charges_signals;
  SeancesClient       *client;
  GPtrArray           *shown;  /* SeancesCharge, as the rows show them */
};

G_DEFINE_FINAL_TYPE (SeancesClientFees, seances_client_fees, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
describe (SeancesClientFees *self,
          guint              n_settled)
{
  gint64 balance = seances_charge_store_get_balance (seances_context_get_charges (self->context),
                                                     seances_client_get_id (self->client));
  g_autofree char *amount = NULL;
  g_autofree char *due = NULL;
  g_autofree char *text = NULL;

  if (balance == 0)
    due = g_strdup (_("Nothing is due"));
  else
    {
      amount = seances_format_money (balance);
      /* Translators: what the person still owes, « Reste dû : 120,00 € » */
      due = g_strdup_printf (_("Balance due: %s"), amount);
    }
  if (n_settled < MAX_SETTLED_SHOWN)
    text = g_steal_pointer (&due);
  else
    /* Translators: the balance, then how many settled fees are shown (10):
     * « Rien n’est dû · les 10 derniers montants réglés ou non facturés » */
    text = g_strdup_printf (_("%s · the %u latest settled fees shown"), due, MAX_SETTLED_SHOWN);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), text);
}

static void
reload (SeancesClientFees *self)
{
  SeancesChargeStore *store = seances_context_get_charges (self->context);
  g_autoptr(GPtrArray) settled = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  guint n_settled;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  gtk_widget_set_visible (GTK_WIDGET (self), self->client != NULL);
  if (self->client == NULL)
    return;

  self->shown = seances_charge_store_list_unpaid_for_client (store, seances_client_get_id (self->client));
  settled = seances_charge_store_list_settled_for_client (store, seances_client_get_id (self->client),
                                                          MAX_SETTLED_SHOWN, &error);
  if (settled == NULL)
    {
      g_warning ("Cannot list the settled fees of client %" G_GINT64_FORMAT ": %s",
                 seances_client_get_id (self->client), error->message);
      settled = g_ptr_array_new ();
    }
  n_settled = settled->len;
  g_ptr_array_extend_and_steal (self->shown, g_steal_pointer (&settled));

  for (guint i = 0; i < self->shown->len; i++)
    {
      GtkWidget *row = seances_charge_row_new (self->context, FALSE);
      GtkWidget *list_row = gtk_list_box_row_new ();

      seances_charge_row_set_charge (SEANCES_CHARGE_ROW (row), g_ptr_array_index (self->shown, i));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (list_row), FALSE);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (list_row), row);
      gtk_list_box_append (self->list, list_row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->list), self->shown->len > 0);
  describe (self, n_settled);
}

static SeancesCharge *
find_shown (SeancesClientFees *self,
            gint64             id)
{
  for (guint i = 0; self->shown != NULL && i < self->shown->len; i++)
    if (seances_charge_get_id (g_ptr_array_index (self->shown, i)) == id)
      return g_ptr_array_index (self->shown, i);
  g_debug ("Charge %" G_GINT64_FORMAT " is no longer shown", id);
  return NULL;
}

static void
charges_changed_cb (SeancesClientFees *self,
                    gint64             client_id)
{
  if (self->client != NULL && seances_client_get_id (self->client) == client_id)
    reload (self);
}

static void
mark_paid_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SeancesClientFees *self = SEANCES_CLIENT_FEES (widget);
  SeancesCharge *charge = find_shown (self, g_variant_get_int64 (parameter));

  if (charge != NULL)
    seances_charge_actions_mark_paid (widget, self->context, charge);
}

static void
waive_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SeancesClientFees *self = SEANCES_CLIENT_FEES (widget);
  SeancesCharge *charge = find_shown (self, g_variant_get_int64 (parameter));

  if (charge != NULL)
    seances_charge_actions_waive (widget, self->context, charge);
}

static void
seances_client_fees_constructed (GObject *object)
{
  SeancesClientFees *self = (SeancesClientFees *)object;

  G_OBJECT_CLASS (seances_client_fees_parent_class)->constructed (object);

  g_return_if_fail (SEANCES_IS_CONTEXT (self->context));
  g_signal_group_set_target (self->charges_signals, seances_context_get_charges (self->context));
  reload (self);
}

static void
seances_client_fees_dispose (GObject *object)
{
  SeancesClientFees *self = (SeancesClientFees *)object;

  g_clear_object (&self->charges_signals);
  g_clear_object (&self->client);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SEANCES_TYPE_CLIENT_FEES);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (seances_client_fees_parent_class)->dispose (object);
}

static void
seances_client_fees_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SeancesClientFees *self = SEANCES_CLIENT_FEES (object);

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
seances_client_fees_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SeancesClientFees *self = SEANCES_CLIENT_FEES (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_CLIENT:
      seances_client_fees_set_client (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
seances_client_fees_class_init (SeancesClientFeesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = seances_client_fees_constructed;
  object_class->dispose = seances_client_fees_dispose;
  object_class->get_property = seances_client_fees_get_property;
  object_class->set_property = seances_client_fees_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SEANCES_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, SEANCES_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/seances/Seances/fees/seances-client-fees.ui");
  gtk_widget_class_bind_template_child (widget_class, SeancesClientFees, list);

  /* The target is the charge's id: the buttons of its row. */
  gtk_widget_class_install_action (widget_class, "charge.mark-paid", "x", mark_paid_action_cb);
  gtk_widget_class_install_action (widget_class, "charge.waive", "x", waive_action_cb);
}

static void
seances_client_fees_init (SeancesClientFees *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->charges_signals = g_signal_group_new (SEANCES_TYPE_CHARGE_STORE);
  g_signal_group_connect_swapped (self->charges_signals, "changed", G_CALLBACK (charges_changed_cb), self);
}

GtkWidget *
seances_client_fees_new (SeancesContext *context)
{
  g_return_val_if_fail (SEANCES_IS_CONTEXT (context), NULL);
  return g_object_new (SEANCES_TYPE_CLIENT_FEES, "context", context, NULL);
}

/* Shows @client's fees (NULL: none). */
void
seances_client_fees_set_client (SeancesClientFees *self,
                                SeancesClient     *client)
{
  g_return_if_fail (SEANCES_IS_CLIENT_FEES (self));
  g_return_if_fail (client == NULL || SEANCES_IS_CLIENT (client));

  if (!g_set_object (&self->client, client))
    return;
  if (self->context != NULL)
    reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}
