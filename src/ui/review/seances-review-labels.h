/* seances-review-labels.h — the words for a decision: its waiver, what it comes to
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fees/seances-charge-labels.h"  /* seances_waiver_label() */

#include "seances-policy.h"

G_BEGIN_DECLS

const char *seances_decision_heading (SeancesPolicyKind            kind);
char       *seances_decision_summary (const SeancesPolicyDecision *decision);

G_END_DECLS
