/* seances-practice.h — the practice (cabinet): who, where, and the defaults of a session
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "seances-database.h"
#include "seances-model-enums.h"

G_BEGIN_DECLS

#define SEANCES_PRACTICE_ERROR (seances_practice_error_quark ())

typedef enum
{
  SEANCES_PRACTICE_ERROR_INVALID,
} SeancesPracticeError;

typedef struct
{
  char   *name;
  char   *practitioner;
  char   *address;
  char   *phone;        /* +33 form when French */
  char   *email;
  char   *booking_link;
  char   *video_link;
  char   *time_zone;    /* IANA identifier */
  int     session_minutes;
  int     buffer_minutes;
  gint64  default_fee_cents;
  SeancesVocabulary vocabulary;
  SeancesField      field;
  int     opening_hour; /* the range the week view shows, local hours */
  int     closing_hour;
} SeancesPractice;

GQuark           seances_practice_error_quark (void);
SeancesPractice *seances_practice_new_default (void);
void             seances_practice_free        (SeancesPractice   *practice);
gboolean         seances_practice_validate    (SeancesPractice   *practice,
                                               GError           **error);
SeancesPractice *seances_practice_load        (SeancesDatabase   *database,
                                               GError           **error);
gboolean         seances_practice_save        (SeancesDatabase   *database,
                                               SeancesPractice   *practice,
                                               gint64             now,
                                               GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SeancesPractice, seances_practice_free)

G_END_DECLS
