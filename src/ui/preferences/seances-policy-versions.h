/* seances-policy-versions.h — the policy's versions, newest first, and who accepted which
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "seances-context.h"

G_BEGIN_DECLS

#define SEANCES_TYPE_POLICY_VERSIONS (seances_policy_versions_get_type ())
G_DECLARE_FINAL_TYPE (SeancesPolicyVersions, seances_policy_versions, SEANCES, POLICY_VERSIONS, GtkBox)

SeancesPolicyVersions *seances_policy_versions_new (SeancesContext *context);

G_END_DECLS
