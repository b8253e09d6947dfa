/* seances-review-view.h — « Aujourd'hui »: the day's sessions, and every past one to close
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "seances-context.h"

G_BEGIN_DECLS

#define SEANCES_TYPE_REVIEW_VIEW (seances_review_view_get_type ())
G_DECLARE_FINAL_TYPE (SeancesReviewView, seances_review_view, SEANCES, REVIEW_VIEW, AdwBin)

SeancesReviewView *seances_review_view_new              (SeancesContext    *context);
guint              seances_review_view_get_n_to_review  (SeancesReviewView *self);

G_END_DECLS
