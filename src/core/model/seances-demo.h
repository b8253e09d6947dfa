/* seances-demo.h — a realistic French demo practice, for trying the application,
 * screenshots and benchmarks
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "seances-database.h"

G_BEGIN_DECLS

#define SEANCES_DEMO_ERROR (seances_demo_error_quark ())

/* Every error of this domain carries a French sentence for the user. */
typedef enum
{
  SEANCES_DEMO_ERROR_NOT_EMPTY,
  SEANCES_DEMO_ERROR_INVALID,
} SeancesDemoError;

#define SEANCES_DEMO_DEFAULT_CLIENTS           60
#define SEANCES_DEMO_DEFAULT_YEARS             3
#define SEANCES_DEMO_DEFAULT_SESSIONS_PER_WEEK 25
#define SEANCES_DEMO_DEFAULT_SEED              1
#define SEANCES_DEMO_MAX_CLIENTS               20000
#define SEANCES_DEMO_MAX_YEARS                 30
#define SEANCES_DEMO_MAX_SESSIONS_PER_WEEK     60

typedef struct
{
  int     n_clients;
  int     years;              /* of history before now */
  int     sessions_per_week;
  guint32 seed;               /* the same seed and now give the same practice */
  gint64  now;                /* UTC seconds taken as "now"; 0 for the real clock */
} SeancesDemoOptions;

GQuark   seances_demo_error_quark   (void);
void     seances_demo_options_init  (SeancesDemoOptions        *options);
gboolean seances_demo_options_validate (const SeancesDemoOptions *options,
                                     GError                   **error);
gboolean seances_demo_generate      (SeancesDatabase           *database,
                                     const SeancesDemoOptions  *options,
                                     GError                   **error);

G_END_DECLS
