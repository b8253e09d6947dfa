/* seances-phone.h — phone numbers through libphonenumber, behind a C API
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  SEANCES_PHONE_KIND_OTHER,     /* a valid number that is neither, or may be both */
  SEANCES_PHONE_KIND_MOBILE,
  SEANCES_PHONE_KIND_LANDLINE,
} SeancesPhoneKind;

char             *seances_phone_parse    (const char *typed);
char             *seances_phone_national (const char *e164);
SeancesPhoneKind  seances_phone_get_kind (const char *e164);

G_END_DECLS
