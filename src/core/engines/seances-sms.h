/* seances-sms.h — what an SMS text costs: its encoding, characters and parts
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* GSM-7 (GSM 03.38, with its extension table): 160 septets alone, 153 a part when the
 * text is split. Anything else sends the whole text in UCS-2: 70 UTF-16 units alone, 67 a
 * part. A character of the extension table (€ [ ] { } ^ ~ \ |) costs two septets, a
 * character beyond the BMP two UTF-16 units; neither is ever cut between two parts. */
#define SEANCES_SMS_GSM7_SINGLE 160
#define SEANCES_SMS_GSM7_PART   153
#define SEANCES_SMS_UCS2_SINGLE 70
#define SEANCES_SMS_UCS2_PART   67

typedef enum
{
  SEANCES_SMS_GSM7,
  SEANCES_SMS_UCS2,
} SeancesSmsEncoding;

typedef struct
{
  SeancesSmsEncoding encoding;
  guint              units;       /* septets (GSM-7) or UTF-16 units (UCS-2) */
  guint              characters;  /* what the practitioner counts */
  guint              parts;       /* 0 for an empty text */
  guint              left;        /* units left in the last part */
  gunichar           forcing;     /* the first character that forces UCS-2, or 0 */
  guint              forcing_at;  /* its offset in characters */
} SeancesSmsCount;

char     *seances_sms_normalize (const char      *text);
void      seances_sms_count     (const char      *text,
                                 SeancesSmsCount *count);
gboolean  seances_sms_is_gsm7   (gunichar         c);

G_END_DECLS
