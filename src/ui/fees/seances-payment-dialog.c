/* seances-payment-dialog.c — recording that a charge was paid: when, and how
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The date is today unless another day is picked (a cheque found in the letter box); it
 * is recorded as the moment itself for today, and as noon of an earlier day, so that it
 * reads as that day in the practice's time zone. The charge store refuses a day to come
 * and a charge that changed meanwhile, with a sentence the dialog shows. */
#include "config.h"

#include "seances-payment-dialog.h"

#include <glib/gi18n.h>

#include "agenda/seances-appointment-editor.h"
#include "seances-charge-labels.h"
#include "seances-format.h"
#include "seances-time.h"

struct _SeancesPaymentDialog
{
  AdwWindow       parent_instance;

  GtkLabel       *summary_label;
  GtkMenuButton  *date_button;
  GtkPopover     *date_popover;
  GtkCalendar    *calendar;
  AdwComboRow    *means_row;
  GtkLabel       *error_label;

  SeancesContext *context;
  SeancesCharge  *charge;
};

G_DEFINE_FINAL_TYPE (SeancesPaymentDialog, seances_payment_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_CHARGE,
  N_PROPS
};

enum {
  RECORDED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
show_date (SeancesPaymentDialog *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  /* Translators: a date on a button, e.g. « mardi 24 novembre 2026 » */
  g_autofree char *text = g_date_time_format (date, _("%A %-d %B %Y"));

  gtk_menu_button_set_label (self->date_button, text);
}

/* The instant recorded for the day picked: now for today, noon for another day. */
static gint64
paid_at (SeancesPaymentDialog *self)
{
  GTimeZone *tz = seances_context_get_time_zone (self->context);
  gint64 now = seances_context_get_now (self->context);
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (self->calendar);
  g_autoptr(GDateTime) today = seances_time_to_local (tz, now);
  gint64 noon = 0;

  if (g_date_time_get_year (picked) == g_date_time_get_year (today) &&
      g_date_time_get_day_of_year (picked) == g_date_time_get_day_of_year (today))
    return now;
  /* Noon exists on every day, whatever the clocks do. */
  if (!seances_time_from_local (tz, g_date_time_get_year (picked), g_date_time_get_month (picked),
                                g_date_time_get_day_of_month (picked), 12, 0, &noon, NULL))
    return now;
  return noon;
}

static void
save (SeancesPaymentDialog *self)
{
  g_autoptr(SeancesChargeUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (self->means_row);

  g_return_if_fail (selected < G_N_ELEMENTS (seances_payment_means_offered));

  undo = seances_charge_store_mark_paid (seances_context_get_charges (self->context), self->charge,
                                         paid_at (self), seances_payment_means_offered[selected], &error);
  if (undo == NULL)
    {
      g_debug ("Charge %" G_GINT64_FORMAT " not marked as paid: %s", seances_charge_get_id (self->charge),
               error->message);
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  g_signal_emit (self, signals[RECORDED], 0, undo);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
day_selected_cb (SeancesPaymentDialog *self)
{
  gtk_popover_popdown (self->date_popover);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  show_date (self);
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save (SEANCES_PAYMENT_DIALOG (widget));
}

static void
seances_payment_dialog_constructed (GObject *object)
{
  SeancesPaymentDialog *self = (SeancesPaymentDialog *)object;
  GTimeZone *tz;
  gint64 now;
  SeancesClient *client;
  g_autoptr(GDateTime) today = NULL;
  g_autofree char *session = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *summary = NULL;

  G_OBJECT_CLASS (seances_payment_dialog_parent_class)->constructed (object);

  g_return_if_fail (SEANCES_IS_CONTEXT (self->context) && SEANCES_IS_CHARGE (self->charge));

  tz = seances_context_get_time_zone (self->context);
  now = seances_context_get_now (self->context);
  client = seances_client_store_lookup (seances_context_get_clients (self->context),
                                        seances_charge_get_client_id (self->charge));
  session = seances_charge_describe_session (self->charge, tz, now);
  amount = seances_format_money (seances_charge_get_due_cents (self->charge));
  /* « Hélène Martin · Séance du mardi 24 novembre · 60,00 € » */
  summary = g_strdup_printf ("%s · %s · %s", client != NULL ? seances_client_get_display_name (client) : "",
                             session, amount);
  gtk_label_set_text (self->summary_label, summary);

  today = seances_time_to_local (tz, now);
  gtk_calendar_select_day (self->calendar, today);
  show_date (self);
}

static void
seances_payment_dialog_dispose (GObject *object)
{
  SeancesPaymentDialog *self = (SeancesPaymentDialog *)object;

  g_clear_object (&self->charge);
  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), SEANCES_TYPE_PAYMENT_DIALOG);
  G_OBJECT_CLASS (seances_payment_dialog_parent_class)->dispose (object);
}

static void
seances_payment_dialog_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  SeancesPaymentDialog *self = SEANCES_PAYMENT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_CHARGE:
      g_value_set_object (value, self->charge);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
seances_payment_dialog_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  SeancesPaymentDialog *self = SEANCES_PAYMENT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_CHARGE:
      self->charge = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
seances_payment_dialog_class_init (SeancesPaymentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = seances_payment_dialog_constructed;
  object_class->dispose = seances_payment_dialog_dispose;
  object_class->get_property = seances_payment_dialog_get_property;
  object_class->set_property = seances_payment_dialog_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SEANCES_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHARGE] =
    g_param_spec_object ("charge", NULL, NULL, SEANCES_TYPE_CHARGE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SeancesPaymentDialog::recorded:
   * @undo: what puts the charge back as it was
   *
   * The payment is recorded; the dialog closes.
   */
  signals[RECORDED] =
    g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SEANCES_TYPE_CHARGE_UNDO);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/seances/Seances/fees/seances-payment-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SeancesPaymentDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SeancesPaymentDialog, date_button);
  gtk_widget_class_bind_template_child (widget_class, SeancesPaymentDialog, date_popover);
  gtk_widget_class_bind_template_child (widget_class, SeancesPaymentDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, SeancesPaymentDialog, means_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesPaymentDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);

  gtk_widget_class_install_action (widget_class, "payment.save", NULL, save_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "payment.save", NULL);
}

static void
seances_payment_dialog_init (SeancesPaymentDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  seances_calendar_watch_picks (self->calendar, G_CALLBACK (day_selected_cb), self);
}

SeancesPaymentDialog *
seances_payment_dialog_new (SeancesContext *context,
                            SeancesCharge  *charge)
{
  g_return_val_if_fail (SEANCES_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (SEANCES_IS_CHARGE (charge), NULL);

  return g_object_new (SEANCES_TYPE_PAYMENT_DIALOG, "context", context, "charge", charge, NULL);
}
