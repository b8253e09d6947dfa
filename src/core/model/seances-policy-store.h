/* seances-policy-store.h — the cancellation policy's versions and who accepted which
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "seances-clock.h"
#include "seances-database.h"
#include "seances-policy.h"

G_BEGIN_DECLS

#define SEANCES_POLICY_STORE_ERROR (seances_policy_store_error_quark ())

typedef enum
{
  SEANCES_POLICY_STORE_ERROR_INVALID,
  SEANCES_POLICY_STORE_ERROR_NOT_FOUND,
} SeancesPolicyStoreError;

/* How a client accepted a version of the policy. */
typedef enum
{
  SEANCES_ACCEPTANCE_PAPER,
  SEANCES_ACCEPTANCE_EMAIL,
  SEANCES_ACCEPTANCE_SESSION,
} SeancesAcceptanceMeans;

/* One saved version: never edited once saved. */
typedef struct
{
  gint64              id;
  SeancesPolicyTerms  terms;       /* terms.version_id == id */
  char               *commitment;  /* the « engagement mutuel » of this version */
  gint64              created_at;
} SeancesPolicyVersion;

typedef struct
{
  gint64                 id;
  gint64                 client_id;
  gint64                 version_id;
  gint64                 accepted_at;
  SeancesAcceptanceMeans means;
} SeancesPolicyAcceptance;

#define SEANCES_TYPE_POLICY_STORE (seances_policy_store_get_type ())
G_DECLARE_FINAL_TYPE (SeancesPolicyStore, seances_policy_store, SEANCES, POLICY_STORE, GObject)

GQuark                         seances_policy_store_error_quark        (void);
const char                    *seances_acceptance_means_to_string      (SeancesAcceptanceMeans   means);
gboolean                       seances_acceptance_means_from_string    (const char              *text,
                                                                        SeancesAcceptanceMeans  *means);

SeancesPolicyStore            *seances_policy_store_new                (SeancesDatabase         *database,
                                                                        SeancesClock            *clock,
                                                                        GError                 **error);
const SeancesPolicyVersion    *seances_policy_store_get_current        (SeancesPolicyStore      *self);
guint                          seances_policy_store_get_n_versions     (SeancesPolicyStore      *self);
const SeancesPolicyVersion    *seances_policy_store_get_version        (SeancesPolicyStore      *self,
                                                                        guint                    index);
const SeancesPolicyVersion    *seances_policy_store_lookup             (SeancesPolicyStore      *self,
                                                                        gint64                   version_id);
const SeancesPolicyVersion    *seances_policy_store_for_booking        (SeancesPolicyStore      *self,
                                                                        gint64                   version_id);
gboolean                       seances_policy_store_save               (SeancesPolicyStore      *self,
                                                                        const SeancesPolicyTerms *terms,
                                                                        const char              *commitment,
                                                                        GError                 **error);

gboolean                       seances_policy_store_accept             (SeancesPolicyStore      *self,
                                                                        gint64                   client_id,
                                                                        gint64                   version_id,
                                                                        gint64                   accepted_at,
                                                                        SeancesAcceptanceMeans   means,
                                                                        GError                 **error);
const SeancesPolicyAcceptance *seances_policy_store_get_acceptance     (SeancesPolicyStore      *self,
                                                                        gint64                   client_id);
gboolean                       seances_policy_store_accepted_before    (SeancesPolicyStore      *self,
                                                                        gint64                   client_id,
                                                                        gint64                   instant);
GPtrArray                     *seances_policy_store_list_acceptances   (SeancesPolicyStore      *self,
                                                                        gint64                   version_id);

G_END_DECLS
