/* seances-charge-actions.c — marking a charge paid or waiving it, with a toast to undo it
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What « Honoraires dus » and a client's page do alike with a charge. Each change is
 * committed through the charge store; the toast overlay the source widget (where the
 * action came from) sits in offers to undo it, and says so when the change cannot be undone any more (the charge moved on). The
 * views show the result from the store's signals, never from here. */
#include "config.h"

#include "seances-charge-actions.h"

#include <glib/gi18n.h>

#include "seances-charge-labels.h"
#include "seances-format.h"
#include "seances-payment-dialog.h"

typedef struct
{
  SeancesChargeStore *store;
  SeancesChargeUndo  *undo;
  GWeakRef            overlay;  /* where a refusal is said */
} Undoing;

static void
undoing_free (gpointer data,
              GClosure *closure)
{
  Undoing *undoing = data;

  g_clear_object (&undoing->store);
  g_clear_pointer (&undoing->undo, seances_charge_undo_unref);
  g_weak_ref_clear (&undoing->overlay);
  g_free (undoing);
}

/* AdwToast 1.2 reads its title as markup. */
static void
say (AdwToastOverlay *overlay,
     const char      *message)
{
  g_autofree char *markup = g_markup_escape_text (message, -1);

  adw_toast_overlay_add_toast (overlay, adw_toast_new (markup));
}

static void
undo_clicked_cb (AdwToast *toast,
                 Undoing  *undoing)
{
  g_autoptr(AdwToastOverlay) overlay = g_weak_ref_get (&undoing->overlay);
  g_autoptr(GError) error = NULL;

  if (seances_charge_store_undo (undoing->store, undoing->undo, &error))
    return;
  g_debug ("A change of a charge was not undone: %s", error->message);
  if (overlay != NULL)
    say (overlay, error->message);
}

static void
offer_undo (GtkWidget          *source,
            SeancesChargeStore *store,
            SeancesChargeUndo  *undo,
            const char         *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (source, ADW_TYPE_TOAST_OVERLAY);
  Undoing *undoing;
  AdwToast *toast;

  if (overlay == NULL)
    return;
  undoing = g_new0 (Undoing, 1);
  undoing->store = g_object_ref (store);
  undoing->undo = seances_charge_undo_ref (undo);
  g_weak_ref_init (&undoing->overlay, overlay);

  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  /* Twice the default: time to see the row go, and to think again. */
  adw_toast_set_timeout (toast, 10);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), undoing, undoing_free, 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

typedef struct
{
  GtkWidget      *source;  /* a weak pointer: the view may go while a dialog is open */
  SeancesContext *context;
  SeancesCharge  *charge;
} Request;

static Request *
request_new (GtkWidget      *source,
             SeancesContext *context,
             SeancesCharge  *charge)
{
  Request *request = g_new0 (Request, 1);

  request->source = source;
  g_object_add_weak_pointer (G_OBJECT (source), (gpointer *) &request->source);
  request->context = g_object_ref (context);
  request->charge = g_object_ref (charge);
  return request;
}

static void
request_free (gpointer  data,
              GClosure *closure)
{
  Request *request = data;

  if (request->source != NULL)
    g_object_remove_weak_pointer (G_OBJECT (request->source), (gpointer *) &request->source);
  g_clear_object (&request->context);
  g_clear_object (&request->charge);
  g_free (request);
}

static void
recorded_cb (SeancesPaymentDialog *dialog,
             SeancesChargeUndo    *undo,
             Request              *request)
{
  if (request->source != NULL)
    offer_undo (request->source, seances_context_get_charges (request->context), undo, _("Marked as paid"));
}

/* Asks when and how @charge was paid, records it, and offers to undo it. */
void
seances_charge_actions_mark_paid (GtkWidget      *source,
                                  SeancesContext *context,
                                  SeancesCharge  *charge)
{
  SeancesPaymentDialog *dialog;

  g_return_if_fail (GTK_IS_WIDGET (source));
  g_return_if_fail (SEANCES_IS_CONTEXT (context));
  g_return_if_fail (SEANCES_IS_CHARGE (charge));

  dialog = seances_payment_dialog_new (context, charge);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (source)));
  g_signal_connect_data (dialog, "recorded", G_CALLBACK (recorded_cb), request_new (source, context, charge),
                         request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
waive_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   Request          *request)
{
  SeancesChargeStore *store = seances_context_get_charges (request->context);
  g_autoptr(SeancesChargeUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  SeancesPolicyWaiver waiver;

  if (g_str_equal (response, "force-majeure"))
    waiver = SEANCES_POLICY_WAIVER_FORCE_MAJEURE;
  else if (g_str_equal (response, "courtesy"))
    waiver = SEANCES_POLICY_WAIVER_MANUAL;
  else
    return;

  undo = seances_charge_store_waive (store, request->charge, waiver, &error);
  if (request->source == NULL)
    return;
  if (undo == NULL)
    {
      GtkWidget *overlay = gtk_widget_get_ancestor (request->source, ADW_TYPE_TOAST_OVERLAY);

      g_debug ("Charge %" G_GINT64_FORMAT " not waived: %s", seances_charge_get_id (request->charge),
               error->message);
      if (overlay != NULL)
        say (ADW_TOAST_OVERLAY (overlay), error->message);
      return;
    }
  offer_undo (request->source, store, undo, _("Fee waived"));
}

/* Asks why @charge is waived — force majeure, for a late cancellation or an absence, or
 * as a courtesy —, records it, and offers to undo it. */
void
seances_charge_actions_waive (GtkWidget      *source,
                              SeancesContext *context,
                              SeancesCharge  *charge)
{
  GTimeZone *tz = seances_context_get_time_zone (context);
  SeancesClient *client;
  AdwMessageDialog *dialog;
  g_autofree char *session = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *body = NULL;

  g_return_if_fail (GTK_IS_WIDGET (source));
  g_return_if_fail (SEANCES_IS_CONTEXT (context));
  g_return_if_fail (SEANCES_IS_CHARGE (charge));

  client = seances_client_store_lookup (seances_context_get_clients (context), seances_charge_get_client_id (charge));
  session = seances_charge_describe_session (charge, tz, seances_context_get_now (context));
  amount = seances_format_money (seances_charge_get_due_cents (charge));
  /* Translators: the session, the person, then the amount: « Séance du mardi 24 novembre,
   * Hélène Martin : 60,00 € ne seront plus dus. » */
  body = g_strdup_printf (_("%s, %s: %s will no longer be due. Why?"), session,
                          client != NULL ? seances_client_get_display_name (client) : "", amount);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (source)),
                                                       _("Waive This Fee?"), body));
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  /* Force majeure excuses a late cancellation or an absence, not a session held. */
  if (seances_charge_get_kind (charge) != SEANCES_CHARGE_KIND_SESSION)
    adw_message_dialog_add_response (dialog, "force-majeure", _("_Force Majeure"));
  adw_message_dialog_add_response (dialog, "courtesy", _("As a _Courtesy"));
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (waive_response_cb), request_new (source, context, charge),
                         request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
