/* seances-charge-store.h — what each decided session costs, and what is still due
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "seances-clock.h"
#include "seances-database.h"
#include "seances-model-enums.h"
#include "seances-model-enum-types.h"
#include "seances-policy.h"

G_BEGIN_DECLS

#define SEANCES_CHARGE_ERROR (seances_charge_error_quark ())

/* Every error of this domain carries a French sentence for the user. */
typedef enum
{
  SEANCES_CHARGE_ERROR_INVALID,
  SEANCES_CHARGE_ERROR_NOT_FOUND,
  SEANCES_CHARGE_ERROR_PAID,
  SEANCES_CHARGE_ERROR_CHANGED,
} SeancesChargeError;

/* One charge line, as read: it never changes once made; a change gives a new object. */
#define SEANCES_TYPE_CHARGE (seances_charge_get_type ())
G_DECLARE_FINAL_TYPE (SeancesCharge, seances_charge, SEANCES, CHARGE, GObject)

gint64               seances_charge_get_id              (SeancesCharge *self);
gint64               seances_charge_get_appointment_id  (SeancesCharge *self);
gint64               seances_charge_get_client_id       (SeancesCharge *self);
gint64               seances_charge_get_session_start   (SeancesCharge *self);
SeancesChargeKind    seances_charge_get_kind            (SeancesCharge *self);
gint64               seances_charge_get_policy_cents    (SeancesCharge *self);
gint64               seances_charge_get_due_cents       (SeancesCharge *self);
SeancesPolicyWaiver  seances_charge_get_waiver          (SeancesCharge *self);
gint64               seances_charge_get_paid_at         (SeancesCharge *self);
SeancesPaymentMeans  seances_charge_get_paid_means      (SeancesCharge *self);
gboolean             seances_charge_is_unpaid           (SeancesCharge *self);
gboolean             seances_charge_equal               (SeancesCharge *a,
                                                         SeancesCharge *b);

/* What seances_charge_store_undo() needs to put one change back. */
typedef struct _SeancesChargeUndo SeancesChargeUndo;

#define SEANCES_TYPE_CHARGE_UNDO (seances_charge_undo_get_type ())
GType                seances_charge_undo_get_type       (void) G_GNUC_CONST;
SeancesChargeUndo   *seances_charge_undo_ref            (SeancesChargeUndo *undo);
void                 seances_charge_undo_unref          (SeancesChargeUndo *undo);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SeancesChargeUndo, seances_charge_undo_unref)

/* A GListModel of the unpaid charges (SeancesCharge), the oldest session first. */
#define SEANCES_TYPE_CHARGE_STORE (seances_charge_store_get_type ())
G_DECLARE_FINAL_TYPE (SeancesChargeStore, seances_charge_store, SEANCES, CHARGE_STORE, GObject)

GQuark               seances_charge_error_quark         (void);

SeancesChargeStore  *seances_charge_store_new           (SeancesDatabase     *database,
                                                         SeancesClock        *clock,
                                                         GError             **error);
GPtrArray           *seances_charge_store_list_unpaid   (SeancesChargeStore  *self,
                                                         gint64              *total_cents);
gint64               seances_charge_store_get_unpaid_total (SeancesChargeStore *self);
gint64               seances_charge_store_get_balance   (SeancesChargeStore  *self,
                                                         gint64               client_id);
GPtrArray           *seances_charge_store_list_for_client (SeancesChargeStore *self,
                                                         gint64               client_id,
                                                         GError             **error);
GPtrArray           *seances_charge_store_list_unpaid_for_client (SeancesChargeStore *self,
                                                         gint64               client_id);
GPtrArray           *seances_charge_store_list_settled_for_client (SeancesChargeStore *self,
                                                         gint64               client_id,
                                                         guint                limit,
                                                         GError             **error);
SeancesChargeUndo   *seances_charge_store_mark_paid     (SeancesChargeStore  *self,
                                                         SeancesCharge       *charge,
                                                         gint64               paid_at,
                                                         SeancesPaymentMeans  means,
                                                         GError             **error);
SeancesChargeUndo   *seances_charge_store_waive         (SeancesChargeStore  *self,
                                                         SeancesCharge       *charge,
                                                         SeancesPolicyWaiver  waiver,
                                                         GError             **error);
gboolean             seances_charge_store_undo          (SeancesChargeStore  *self,
                                                         SeancesChargeUndo   *undo,
                                                         GError             **error);

G_END_DECLS
