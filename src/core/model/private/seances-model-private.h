/* seances-model-private.h — what the stores share with the model's other writers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * seances-decisions changes a session and its charge in one transaction: it writes
 * through these functions, inside a transaction it holds, and tells the stores once it
 * is committed. Only model/ is compiled with this folder: views never see it. */
#pragma once

#include "seances-appointment-store.h"
#include "seances-charge-store.h"

G_BEGIN_DECLS

/* What a decision changes in a session's row. */
typedef struct
{
  SeancesAppointmentStatus status;
  gint64                   status_at;     /* 0: none */
  gint64                   cancelled_at;  /* 0: none */
  SeancesCancelledBy       cancelled_by;
} SeancesAppointmentState;

void     seances_appointment_state_get          (SeancesAppointmentState       *state,
                                                 SeancesAppointment            *appointment);
void     seances_appointment_state_apply        (const SeancesAppointmentState *state,
                                                 SeancesAppointment            *appointment);
gboolean seances_appointment_store_write_state  (SeancesAppointmentStore       *self,
                                                 gint64                         id,
                                                 SeancesAppointmentStatus       previous,
                                                 const SeancesAppointmentState *state,
                                                 gint64                         changed_at,
                                                 GError                       **error);
void     seances_appointment_store_emit_changed (SeancesAppointmentStore       *self,
                                                 gint64                         from,
                                                 gint64                         to);

/* What a decision charges. */
typedef struct
{
  SeancesChargeKind   kind;
  gint64              policy_cents;
  gint64              due_cents;
  SeancesPolicyWaiver waiver;
} SeancesChargeDraft;

gboolean seances_charge_store_read              (SeancesChargeStore            *self,
                                                 gint64                         appointment_id,
                                                 SeancesCharge                **charge,
                                                 GError                       **error);
gboolean seances_charge_store_write             (SeancesChargeStore            *self,
                                                 SeancesAppointment            *appointment,
                                                 SeancesCharge                 *current,
                                                 const SeancesChargeDraft      *draft,
                                                 SeancesCharge                **written,
                                                 GError                       **error);
gboolean seances_charge_store_restore           (SeancesChargeStore            *self,
                                                 gint64                         appointment_id,
                                                 SeancesCharge                 *charge,
                                                 GError                       **error);
void     seances_charge_store_apply             (SeancesChargeStore            *self,
                                                 SeancesCharge                 *before,
                                                 SeancesCharge                 *after);

G_END_DECLS
