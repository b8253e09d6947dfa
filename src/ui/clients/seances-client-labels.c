/* seances-client-labels.c — the words the client views show for stored values
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "seances-client-labels.h"

#include <glib/gi18n.h>

#include "seances-appointment.h"
#include "seances-format.h"
#include "seances-time.h"

/* Therapists say « patient », coaches « client »: the practice settings choose. */
gboolean
seances_clients_says_client (SeancesContext *context)
{
  g_return_val_if_fail (SEANCES_IS_CONTEXT (context), FALSE);

  return seances_practice_get_vocabulary (seances_context_get_practice (context)) == SEANCES_VOCABULARY_CLIENT;
}

const char *
seances_client_channel_label (SeancesChannel channel)
{
  switch (channel)
    {
    case SEANCES_CHANNEL_EMAIL:
      return C_("reminder channel", "E-mail");
    case SEANCES_CHANNEL_SMS:
      return C_("reminder channel", "SMS");
    case SEANCES_CHANNEL_BOTH:
      return C_("reminder channel", "E-mail and SMS");
    default:
      g_return_val_if_reached ("");
    }
}

/* « Toutes les 3 semaines »; NULL for no rhythm, whose wording depends on the place. */
char *
seances_client_rhythm_label (int weeks)
{
  if (weeks <= 0)
    return NULL;
  if (weeks == 1)
    return g_strdup (_("Every week"));
  /* Translators: the rhythm of sessions wished for a person; %d is 2 or more */
  return g_strdup_printf (ngettext ("Every %d week", "Every %d weeks", weeks), weeks);
}

/* « 06 12 34 56 78 · helene@exemple.fr », either part possibly missing. */
char *
seances_client_contact_line (const char *phone,
                             const char *email)
{
  g_autofree char *formatted = NULL;
  gboolean has_phone = phone != NULL && *phone != '\0';
  gboolean has_email = email != NULL && *email != '\0';

  if (has_phone)
    formatted = seances_phone_format (phone);
  if (has_phone && has_email)
    return g_strdup_printf ("%s · %s", formatted, email);
  if (has_phone)
    return g_steal_pointer (&formatted);
  return g_strdup (has_email ? email : "");
}

const char *
seances_appointment_status_label (SeancesAppointmentStatus status)
{
  switch (status)
    {
    case SEANCES_APPOINTMENT_STATUS_SCHEDULED:
      return C_("session status", "Scheduled");
    case SEANCES_APPOINTMENT_STATUS_HONOURED:
      return C_("session status", "Honoured");
    case SEANCES_APPOINTMENT_STATUS_CANCELLED_IN_TIME:
      return C_("session status", "Cancelled in time");
    case SEANCES_APPOINTMENT_STATUS_CANCELLED_LATE:
      return C_("session status", "Cancelled late");
    case SEANCES_APPOINTMENT_STATUS_NO_SHOW:
      return C_("session status", "No-show");
    case SEANCES_APPOINTMENT_STATUS_RESCHEDULED:
      return C_("session status", "Rescheduled");
    default:
      g_return_val_if_reached ("");
    }
}

/* « mardi 24 novembre à 14 h 00 », with the year when it is not this year's: a client's
 * history can go back many years. */
char *
seances_appointment_format_when (GTimeZone *tz,
                                 gint64     start,
                                 gint64     now)
{
  g_autoptr(GDateTime) local = seances_time_to_local (tz, start);
  g_autoptr(GDateTime) today = seances_time_to_local (tz, now);

  g_return_val_if_fail (local != NULL && today != NULL, NULL);

  if (g_date_time_get_year (local) == g_date_time_get_year (today))
    return seances_time_format_long (tz, start);
  /* Translators: a day, its year and a time, as in « mardi 24 novembre 2026 à 14 h 00 »
   * (see g_date_time_format) */
  return g_date_time_format (local, _("%A %-d %B %Y at %-H:%M"));
}
