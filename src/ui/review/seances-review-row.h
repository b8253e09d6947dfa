/* seances-review-row.h — one session of the review: when, who, what became of it
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "seances-context.h"

G_BEGIN_DECLS

#define SEANCES_TYPE_REVIEW_ROW (seances_review_row_get_type ())
G_DECLARE_FINAL_TYPE (SeancesReviewRow, seances_review_row, SEANCES, REVIEW_ROW, AdwPreferencesRow)

GtkWidget          *seances_review_row_new                    (SeancesContext     *context,
                                                               SeancesAppointment *appointment);
SeancesAppointment *seances_review_row_get_appointment        (SeancesReviewRow   *self);
const char         *seances_review_row_get_description        (SeancesReviewRow   *self);
gboolean            seances_review_row_is_to_review           (SeancesReviewRow   *self);
void                seances_review_row_set_next               (SeancesReviewRow   *self,
                                                               gboolean            next);
void                seances_review_row_set_needs_confirmation (SeancesReviewRow   *self,
                                                               gboolean            needs_confirmation);
void                seances_review_row_set_next_date_offered  (SeancesReviewRow   *self,
                                                               gboolean            offered);

G_END_DECLS
