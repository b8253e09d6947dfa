/* seances-template.h — message templates: placeholders, substitution, discretion
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SEANCES_TEMPLATE_ERROR (seances_template_error_quark ())

typedef enum
{
  SEANCES_TEMPLATE_ERROR_UNKNOWN_PLACEHOLDER,
} SeancesTemplateError;

/* What a template may name, written {prenom} in its text. */
typedef enum
{
  SEANCES_PLACEHOLDER_FIRST_NAME,      /* prenom */
  SEANCES_PLACEHOLDER_LAST_NAME,       /* nom */
  SEANCES_PLACEHOLDER_DATE,            /* date */
  SEANCES_PLACEHOLDER_TIME,            /* heure */
  SEANCES_PLACEHOLDER_DURATION,        /* duree */
  SEANCES_PLACEHOLDER_PRACTICE,        /* cabinet */
  SEANCES_PLACEHOLDER_PRACTITIONER,    /* praticien */
  SEANCES_PLACEHOLDER_ADDRESS,         /* adresse */
  SEANCES_PLACEHOLDER_VIDEO_LINK,      /* lien_visio */
  SEANCES_PLACEHOLDER_BOOKING_LINK,    /* lien_reservation */
  SEANCES_PLACEHOLDER_PHONE,           /* telephone */
  SEANCES_PLACEHOLDER_PRACTICE_EMAIL,  /* email_cabinet */
  SEANCES_PLACEHOLDER_NOTICE,          /* delai_annulation */
  SEANCES_PLACEHOLDER_AMOUNT,          /* montant */
  SEANCES_PLACEHOLDER_INACTIVE_DATE,   /* date_inactivite */
  SEANCES_N_PLACEHOLDERS,
} SeancesPlaceholder;

/* One revealing word found in a text: where it is (bytes), and the listed word it matched. */
typedef struct
{
  gsize       start;
  gsize       end;
  const char *listed;
} SeancesRevealing;

GQuark              seances_template_error_quark       (void);
const char         *seances_placeholder_name           (SeancesPlaceholder   placeholder);
const char         *seances_placeholder_label          (SeancesPlaceholder   placeholder);
gboolean            seances_placeholder_from_name      (const char          *name,
                                                        SeancesPlaceholder  *placeholder);

gboolean            seances_template_validate          (const char          *text,
                                                        GError             **error);
char               *seances_template_expand            (const char          *text,
                                                        const char * const  *values,
                                                        gboolean             header);
char               *seances_template_header_safe       (const char          *text);

const char * const *seances_template_default_revealing (void);
GArray             *seances_template_find_revealing    (const char          *text,
                                                        const char * const  *listed);
char               *seances_template_explain_revealing (const char          *word);

G_END_DECLS
