/* seances-format.h — French formatting and validation of amounts, e-mails and phones
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *seances_format_money       (gint64       cents);
gboolean  seances_parse_money        (const char  *text,
                                      gint64      *cents);
gboolean  seances_email_is_valid     (const char  *email);
char     *seances_phone_normalize    (const char  *phone);
char     *seances_phone_format       (const char  *e164);
gboolean  seances_text_is_single_line (const char *text);
gboolean  seances_parse_clock        (const char  *text,
                                      int         *hour,
                                      int         *minute);

G_END_DECLS
