/* seances-practice.h — the practice (cabinet): who, where, and the defaults of a session
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "seances-database.h"
#include "seances-model-enums.h"
#include "seances-model-enum-types.h"

G_BEGIN_DECLS

#define SEANCES_PRACTICE_ERROR (seances_practice_error_quark ())

typedef enum
{
  SEANCES_PRACTICE_ERROR_INVALID,
} SeancesPracticeError;

#define SEANCES_TYPE_PRACTICE (seances_practice_get_type ())
G_DECLARE_FINAL_TYPE (SeancesPractice, seances_practice, SEANCES, PRACTICE, GObject)

GQuark            seances_practice_error_quark           (void);
SeancesPractice  *seances_practice_new                   (void);
SeancesPractice  *seances_practice_copy                  (SeancesPractice *self);
void              seances_practice_assign                (SeancesPractice *self,
                                                          SeancesPractice *other);
gboolean          seances_practice_validate              (SeancesPractice  *self,
                                                          GError          **error);
SeancesPractice  *seances_practice_load                  (SeancesDatabase  *database,
                                                          GError          **error);
gboolean          seances_practice_save                  (SeancesDatabase  *database,
                                                          SeancesPractice  *practice,
                                                          gint64            now,
                                                          GError          **error);

const char       *seances_practice_get_name              (SeancesPractice *self);
void              seances_practice_set_name              (SeancesPractice *self,
                                                          const char      *name);
const char       *seances_practice_get_practitioner      (SeancesPractice *self);
void              seances_practice_set_practitioner      (SeancesPractice *self,
                                                          const char      *practitioner);
const char       *seances_practice_get_address           (SeancesPractice *self);
void              seances_practice_set_address           (SeancesPractice *self,
                                                          const char      *address);
const char       *seances_practice_get_phone             (SeancesPractice *self);
void              seances_practice_set_phone             (SeancesPractice *self,
                                                          const char      *phone);
const char       *seances_practice_get_email             (SeancesPractice *self);
void              seances_practice_set_email             (SeancesPractice *self,
                                                          const char      *email);
const char       *seances_practice_get_booking_link      (SeancesPractice *self);
void              seances_practice_set_booking_link      (SeancesPractice *self,
                                                          const char      *booking_link);
const char       *seances_practice_get_video_link        (SeancesPractice *self);
void              seances_practice_set_video_link        (SeancesPractice *self,
                                                          const char      *video_link);
const char       *seances_practice_get_time_zone         (SeancesPractice *self);
void              seances_practice_set_time_zone         (SeancesPractice *self,
                                                          const char      *time_zone);
int               seances_practice_get_session_minutes   (SeancesPractice *self);
void              seances_practice_set_session_minutes   (SeancesPractice *self,
                                                          int              session_minutes);
int               seances_practice_get_buffer_minutes    (SeancesPractice *self);
void              seances_practice_set_buffer_minutes    (SeancesPractice *self,
                                                          int              buffer_minutes);
gint64            seances_practice_get_default_fee_cents (SeancesPractice *self);
void              seances_practice_set_default_fee_cents (SeancesPractice *self,
                                                          gint64           default_fee_cents);
SeancesVocabulary seances_practice_get_vocabulary        (SeancesPractice *self);
void              seances_practice_set_vocabulary        (SeancesPractice   *self,
                                                          SeancesVocabulary  vocabulary);
SeancesField      seances_practice_get_field             (SeancesPractice *self);
void              seances_practice_set_field             (SeancesPractice *self,
                                                          SeancesField     field);
int               seances_practice_get_opening_hour      (SeancesPractice *self);
void              seances_practice_set_opening_hour      (SeancesPractice *self,
                                                          int              opening_hour);
int               seances_practice_get_closing_hour      (SeancesPractice *self);
void              seances_practice_set_closing_hour      (SeancesPractice *self,
                                                          int              closing_hour);

G_END_DECLS
