/* seances-demo.c — a realistic French demo practice, for trying the application,
 * screenshots and benchmarks
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The practice is simulated week by week from its opening: people arrive while the
 * weekly load leaves room, come weekly, fortnightly, monthly or now and then, book
 * their sessions in series renewed every few weeks, and stop after a while. Every slot
 * taken is marked in a per-day occupancy plan (one bit per half hour), so sessions never
 * overlap and always keep the practice's break, without a query. Everything is written
 * at the end, in one transaction, in the order a real practice would have booked it. */
#include "config.h"

#include "seances-demo.h"

#include "seances-policy-store.h"

#include "seances-clock.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>

#include "seances-appointment.h"
#include "seances-client.h"
#include "seances-database-private.h"
#include "seances-fold.h"
#include "seances-practice.h"
#include "seances-time.h"

#define SECONDS_PER_DAY (24 * 3600)
#define UNIT_MINUTES 30
#define FUTURE_WEEKS 6
#define INACTIVE_SHARE 0.15
#define SLOT_TRIES 60
#define RENEWED_SESSIONS 12
#define MEAN_LOAD 0.685  /* sessions a week, over the mix of rhythms below */

G_DEFINE_QUARK (seances-demo-error-quark, seances_demo_error)

/* Sixty of each, as a French practice sees them, accents and all. */
static const char * const first_names[] = {
  "Hélène", "Noël", "Zoé", "Loïc", "Chloé", "François", "Léa", "Gaëlle", "Benoît", "Agnès",
  "Amélie", "Anaïs", "André", "Aurélie", "Béatrice", "Camille", "Céline", "Cécile", "Clément",
  "Damien", "Élodie", "Émilie", "Étienne", "Fabien", "Françoise", "Frédéric", "Gérard",
  "Guillaume", "Inès", "Jérôme", "Joël", "Julien", "Laëtitia", "Léon", "Lucas", "Manon",
  "Margaux", "Mathéo", "Maëlle", "Nathalie", "Noémie", "Océane", "Pascal", "Pauline",
  "Raphaël", "Renée", "Sébastien", "Solène", "Stéphane", "Sylvie", "Thaïs", "Théo", "Thérèse",
  "Valérie", "Véronique", "Yannick", "Jérémie", "Aurélien", "Mélanie", "Ségolène",
};

static const char * const last_names[] = {
  "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
  "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent",
  "Fournier", "Morel", "Girard", "Mercier", "Dupont", "Lambert", "Bonnet", "Chevalier",
  "Deschamps", "Faure", "Gauthier", "Guérin", "Hébert", "Joly", "Lacroix", "Le Gall",
  "Le Goff", "Lemaître", "Ménard", "Noël", "Pelletier", "Perrin", "Prévost", "Renaud",
  "Rivière", "Rolland", "Séguin", "Thibault", "Vasseur", "D’Almeida", "Caron", "Barbier",
  "Brunet", "Dumas", "Fontaine", "Gaillard", "Giraud", "Lévêque", "Marchand", "Masson",
  "Bénard", "Crépin",
};

/* Administrative notes only: nothing clinical is ever kept. */
static const char * const notes[] = {
  "Préfère les rendez-vous en fin de journée.",
  "Règlement par chèque.",
  "Facture à envoyer pour la mutuelle.",
  "Prévenir par SMS en cas de retard.",
  "Adressé par le Dr Lemoine.",
  "Horaires variables\u00A0: appeler avant de fixer une date.",
  "Interphone\u00A0: sonner au cabinet, 2\u1D49 étage.",
  "Règlement par virement.",
};

static const gint64 fees_cents[] = { 5000, 5500, 6000, 6000, 6000, 6500, 7000, 7500, 8000 };

/* A person's course: how often they come, and until when. */
typedef struct
{
  const char *first_name;
  const char *last_name;
  char       *email;
  char       *phone;
  SeancesChannel channel;
  const char *note;
  int         stored_rhythm;   /* rhythm_weeks column; 0 for none */
  gint64      fee_cents;
  double      video_share;
  double      absence;         /* how much more (or less) often than usual they miss */
  gint64      created_at;
  gint64      inactive_at;     /* 0: active */

  int         rhythm;          /* weeks between sessions; 0 for now and then */
  int         weekday;         /* the usual slot */
  int         unit;
  int         next_week;
  int         end_week;
  gboolean    active;
  int         n_sessions;
  gint64      last_end;
} Client;

typedef struct
{
  int     client;
  int     interval_weeks;
  gint64  created_at;
} Series;

typedef struct
{
  int         client;
  int         series;          /* -1 when booked alone */
  gint64      start;
  gint64      end;
  SeancesPlace place;
  gint64      fee_cents;
  SeancesAppointmentStatus status;
  gint64      status_at;       /* 0: none */
  gint64      cancelled_at;
  int         rescheduled_to;  /* index of the new session, -1 for none */
  gint64      created_at;
  gboolean    by_practice;     /* a cancellation the practice made */
  gboolean    force_majeure;   /* a late cancellation or absence forgiven as such */
  gint64      id;              /* once written */
} Session;

typedef struct
{
  GRand      *rand;
  GRand      *review_rand;     /* what the review made of it: drawn apart, so that the
                                * sessions themselves are those of the same seed before */
  GTimeZone  *tz;
  gint64      now;
  int         target;          /* sessions a week */

  int         session_minutes;
  int         units_per_session;  /* session and break, in half hours, rounded up */
  int         opening_minute;
  int         last_unit;          /* the last half hour a session may start at */

  GDate       first_monday;
  int         n_weeks;
  int         n_days;
  int         current_week;
  guint64    *occupied;        /* per day, one bit per half hour from opening */
  int        *booked;          /* sessions per week */
  gboolean   *closed_weeks;

  GArray     *clients;         /* Client */
  GArray     *series;          /* Series */
  GArray     *sessions;        /* Session */
  GHashTable *emails;
  GHashTable *phones;
  int         n_admitted;
  double      load;            /* sessions a week booked by the people in a course */
} Demo;

static gboolean
chance (Demo   *demo,
        double  probability)
{
  return g_rand_double (demo->rand) < probability;
}

static int
pick (Demo *demo,
      int   n)
{
  return g_rand_int_range (demo->rand, 0, n);
}

static gint64
between (Demo   *demo,
         gint64  low,
         gint64  high)
{
  if (high <= low)
    return low;
  return low + (gint64) (g_rand_double (demo->rand) * (double) (high - low));
}

/* The plan --------------------------------------------------------------------- */

static guint64
span_mask (int unit,
           int units)
{
  if (unit + units >= 64)
    return G_MAXUINT64 << unit;
  return ((G_GUINT64_CONSTANT (1) << units) - 1) << unit;
}

static gboolean
is_free (Demo *demo,
         int   day,
         int   unit)
{
  return day >= 0 && day < demo->n_days &&
         (demo->occupied[day] & span_mask (unit, demo->units_per_session)) == 0;
}

static void
take (Demo *demo,
      int   day,
      int   unit)
{
  demo->occupied[day] |= span_mask (unit, demo->units_per_session);
}

static void
day_date (Demo  *demo,
          int    day,
          GDate *date)
{
  *date = demo->first_monday;
  g_date_add_days (date, day);
}

static gboolean
slot_start (Demo   *demo,
            int     day,
            int     unit,
            gint64 *start)
{
  GDate date;
  int minute = demo->opening_minute + unit * UNIT_MINUTES;

  day_date (demo, day, &date);
  /* A time the clocks skip is never offered; no practice opens at such an hour anyway. */
  return seances_time_from_local (demo->tz, g_date_get_year (&date), g_date_get_month (&date),
                                  g_date_get_day (&date), minute / 60, minute % 60, start, NULL);
}

/* Easter Sunday (the Gregorian computus), for Easter Monday and Ascension. */
static void
easter (int    year,
        GDate *date)
{
  int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
  int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;

  g_date_set_dmy (date, day, month, year);
}

static gboolean
is_public_holiday (const GDate *date)
{
  static const struct { int day, month; } fixed[] = {
    { 1, 1 }, { 1, 5 }, { 8, 5 }, { 14, 7 }, { 15, 8 }, { 1, 11 }, { 11, 11 }, { 25, 12 },
  };
  GDate sunday;
  int offset;

  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    if (g_date_get_day (date) == fixed[i].day && (int) g_date_get_month (date) == fixed[i].month)
      return TRUE;

  easter (g_date_get_year (date), &sunday);
  offset = (int) g_date_get_julian (date) - (int) g_date_get_julian (&sunday);
  return offset == 1 || offset == 39;  /* Easter Monday, Ascension */
}

/* Closed: weekends, public holidays, three weeks in August and the week of Christmas. */
static void
plan_closures (Demo *demo)
{
  for (int week = 0; week < demo->n_weeks; week++)
    {
      GDate monday;
      int iso_week;

      day_date (demo, week * 7, &monday);
      iso_week = g_date_get_iso8601_week_of_year (&monday);
      demo->closed_weeks[week] = (iso_week >= 32 && iso_week <= 34) ||
                                 (g_date_get_month (&monday) == G_DATE_DECEMBER &&
                                  g_date_get_day (&monday) >= 22 && g_date_get_day (&monday) <= 28);

      for (int weekday = 0; weekday < 7; weekday++)
        {
          GDate date;
          int day = week * 7 + weekday;

          day_date (demo, day, &date);
          if (demo->closed_weeks[week] || weekday >= 5 || is_public_holiday (&date))
            demo->occupied[day] = G_MAXUINT64;
        }
    }
}

/* Most people come on the hour; evenings and lunchtime are in demand. */
static void
random_slot (Demo *demo,
             int  *weekday,
             int  *unit)
{
  double kind = g_rand_double (demo->rand);
  int low = 0, high = demo->last_unit;
  int evening = MAX (0, demo->last_unit - 5);
  int lunch = (12 * 60 - demo->opening_minute) / UNIT_MINUTES;

  *weekday = pick (demo, 5);
  if (kind < 0.35)
    low = evening;
  else if (kind < 0.5 && lunch >= 0 && lunch + 2 <= demo->last_unit)
    low = lunch, high = lunch + 2;
  *unit = g_rand_int_range (demo->rand, low, high + 1);
  if (*unit % 2 != 0 && chance (demo, 0.8))
    *unit = *unit > low ? *unit - 1 : MIN (*unit + 1, high);
}

/* Sessions --------------------------------------------------------------------- */

static Client *
client_at (Demo *demo,
           int   index)
{
  return &g_array_index (demo->clients, Client, index);
}

static Session *
session_at (Demo *demo,
            int   index)
{
  return &g_array_index (demo->sessions, Session, index);
}

static gint64
marked_at (Demo   *demo,
           gint64  end)
{
  /* At the end of the session or of the day, never after now (drawn once: MIN() would
   * draw twice, and could pass now). */
  gint64 after = between (demo, 0, 3 * 3600);

  return MIN (demo->now, end + after);
}

static void decide (Demo *demo, int index, int day, int unit, gboolean may_move);

/* Adds a session in a free slot; returns its index, or -1 when the slot cannot be used. */
static int
add_session (Demo     *demo,
             int       client_index,
             int       series,
             int       day,
             int       unit,
             gint64    created_at,
             gboolean  may_move)
{
  Client *client = client_at (demo, client_index);
  Session session = { 0 };
  gint64 start;
  int index;

  if (!is_free (demo, day, unit) || !slot_start (demo, day, unit, &start))
    return -1;
  take (demo, day, unit);
  demo->booked[day / 7]++;

  session.client = client_index;
  session.series = series;
  session.start = start;
  session.end = start + demo->session_minutes * 60;
  session.place = chance (demo, client->video_share) ? SEANCES_PLACE_VIDEO : SEANCES_PLACE_OFFICE;
  session.fee_cents = client->fee_cents;
  session.rescheduled_to = -1;
  session.created_at = MIN (created_at, MIN (demo->now, start - 3600));
  g_array_append_val (demo->sessions, session);

  index = demo->sessions->len - 1;
  decide (demo, index, day, unit, may_move);
  return index;
}

/* « Reporter »: the session moves a few days later, the old row points to the new one. */
static gboolean
move_later (Demo *demo,
            int   index,
            int   day,
            int   unit)
{
  Session *old = session_at (demo, index);
  gint64 moved_at = old->start - between (demo, 3600, 4 * SECONDS_PER_DAY);
  int client = old->client;
  int series = old->series;
  int offset = 1 + pick (demo, 3);

  if (moved_at <= old->created_at + 600)
    return FALSE;

  for (int tries = 0; tries < 6; tries++, offset = offset % 6 + 1)
    {
      int target_day = day + offset;
      int target_unit = unit;
      int weekday;
      int added;

      for (int candidate = 0; candidate < 8 && !is_free (demo, target_day, target_unit); candidate++)
        random_slot (demo, &weekday, &target_unit);
      added = add_session (demo, client, series, target_day, target_unit, moved_at, FALSE);
      if (added < 0)
        continue;

      old = session_at (demo, index);  /* adding may have moved the array */
      old->status = SEANCES_APPOINTMENT_STATUS_RESCHEDULED;
      old->status_at = moved_at;
      old->rescheduled_to = added;
      return TRUE;
    }
  return FALSE;
}

/* What became of a session, by the rates of a real practice: a few percent of absences,
 * more at the first sessions, some late and more timely cancellations, a few moves.
 * Whatever has not ended yet is still scheduled. */
static void
decide (Demo     *demo,
        int       index,
        int       day,
        int       unit,
        gboolean  may_move)
{
  Session *session = session_at (demo, index);
  Client *client = client_at (demo, session->client);
  double no_show = (client->n_sessions < 3 ? 0.06 : 0.032) * client->absence;
  double late = 0.03 * client->absence;
  double in_time = 0.05;
  double moved = may_move ? 0.02 : 0.0;
  double draw = g_rand_double (demo->rand);
  gint64 cancelled_at;

  client->n_sessions++;
  client->last_end = MAX (client->last_end, session->end);

  session->status = SEANCES_APPOINTMENT_STATUS_SCHEDULED;
  if (session->end > demo->now)
    return;

  session->status = SEANCES_APPOINTMENT_STATUS_HONOURED;
  session->status_at = marked_at (demo, session->end);

  if (draw < no_show)
    {
      session->status = SEANCES_APPOINTMENT_STATUS_NO_SHOW;
      return;
    }
  draw -= no_show;
  if (draw < late)
    {
      cancelled_at = session->start - between (demo, 3600, 22 * 3600);
      if (cancelled_at > session->created_at)
        {
          session->status = SEANCES_APPOINTMENT_STATUS_CANCELLED_LATE;
          session->status_at = session->cancelled_at = cancelled_at;
        }
      return;
    }
  draw -= late;
  if (draw < in_time)
    {
      cancelled_at = session->start - between (demo, 2 * SECONDS_PER_DAY, 10 * SECONDS_PER_DAY);
      if (cancelled_at > session->created_at)
        {
          session->status = SEANCES_APPOINTMENT_STATUS_CANCELLED_IN_TIME;
          session->status_at = session->cancelled_at = cancelled_at;
        }
      return;
    }
  draw -= in_time;
  if (draw < moved)
    move_later (demo, index, day, unit);
}

/* What the review made of the sessions decided above: today's are still to be reviewed
 * tonight, and a few of the last week's were forgotten; some timely cancellations were
 * the practice's, and a few late ones or absences were forgiven as force majeure. */
static void
review (Demo *demo)
{
  gint64 today = seances_time_day_start (demo->tz, demo->now);

  for (guint i = 0; i < demo->sessions->len; i++)
    {
      Session *session = session_at (demo, i);
      gboolean forgotten = session->end > today - 7 * SECONDS_PER_DAY &&
                           g_rand_double (demo->review_rand) < 0.08;

      if (session->end > demo->now)
        continue;
      if (session->status != SEANCES_APPOINTMENT_STATUS_RESCHEDULED &&
          (session->end > today || forgotten))
        {
          session->status = SEANCES_APPOINTMENT_STATUS_SCHEDULED;
          session->status_at = session->cancelled_at = 0;
          continue;
        }
      switch (session->status)
        {
        case SEANCES_APPOINTMENT_STATUS_CANCELLED_IN_TIME:
          session->by_practice = g_rand_double (demo->review_rand) < 0.15;
          break;
        case SEANCES_APPOINTMENT_STATUS_CANCELLED_LATE:
        case SEANCES_APPOINTMENT_STATUS_NO_SHOW:
          session->force_majeure = g_rand_double (demo->review_rand) < 0.1;
          break;
        case SEANCES_APPOINTMENT_STATUS_SCHEDULED:
        case SEANCES_APPOINTMENT_STATUS_HONOURED:
        case SEANCES_APPOINTMENT_STATUS_RESCHEDULED:
        default:
          break;
        }
    }
}

/* When the next booking was made: at the end of the previous session, or by phone a
 * few days before a first one. */
static gint64
booked_at (Demo   *demo,
           Client *client,
           gint64  first_start)
{
  gint64 at = client->last_end != 0 ? client->last_end
                                    : first_start - between (demo, 2 * SECONDS_PER_DAY, 14 * SECONDS_PER_DAY);

  return MIN (at, MIN (demo->now, first_start - 3600));
}

/* One session this week, in the usual slot when free, else wherever there is room;
 * returns its index, or -1 when the week is full. */
static int
book_single (Demo *demo,
             int   client_index,
             int   week)
{
  Client *client = client_at (demo, client_index);
  int weekday = client->weekday;
  int unit = client->unit;
  gint64 start;

  for (int tries = 0; tries <= SLOT_TRIES; tries++)
    {
      int day = week * 7 + weekday;

      if (is_free (demo, day, unit) && slot_start (demo, day, unit, &start))
        {
          gint64 created_at = booked_at (demo, client, start);

          return add_session (demo, client_index, -1, day, unit, created_at, TRUE);
        }
      random_slot (demo, &weekday, &unit);
    }
  return -1;
}

/* A series of @count sessions every @rhythm weeks from @week, in one slot that is free
 * all along (or the freest one found, the taken weeks then skipped). */
static void
book_series (Demo *demo,
             int   client_index,
             int   week,
             int   count)
{
  Client *client = client_at (demo, client_index);
  int rhythm = client->rhythm;
  int best_free = -1, best_weekday = 0, best_unit = 0;
  int weekday = client->weekday, unit = client->unit;
  Series series = { client_index, rhythm, 0 };
  gint64 first_start = 0;
  int series_index;

  for (int tries = 0; tries <= SLOT_TRIES && best_free < count; tries++)
    {
      int free = 0;

      for (int k = 0; k < count; k++)
        free += is_free (demo, (week + k * rhythm) * 7 + weekday, unit);
      if (free > best_free)
        best_free = free, best_weekday = weekday, best_unit = unit;
      random_slot (demo, &weekday, &unit);
    }
  if (best_free <= 0)
    return;

  client->weekday = best_weekday;
  client->unit = best_unit;
  for (int k = 0; k < count && first_start == 0; k++)
    if (is_free (demo, (week + k * rhythm) * 7 + best_weekday, best_unit))
      slot_start (demo, (week + k * rhythm) * 7 + best_weekday, best_unit, &first_start);
  if (first_start == 0)
    return;

  series.created_at = booked_at (demo, client, first_start);
  g_array_append_val (demo->series, series);
  series_index = demo->series->len - 1;

  for (int k = 0; k < count; k++)
    add_session (demo, client_index, series_index, (week + k * rhythm) * 7 + best_weekday,
                 best_unit, series.created_at, TRUE);
}

/* Weeks open in a row from @week, counting every @rhythm-th one, up to @wanted. */
static int
open_run (Demo *demo,
          int   week,
          int   rhythm,
          int   wanted)
{
  int count = 0;

  for (int w = week; count < wanted && w < demo->n_weeks; w++)
    {
      if (demo->closed_weeks[w])
        break;
      if ((w - week) % rhythm == 0)
        count++;
    }
  return count;
}

static double
client_load (Client *client)
{
  return client->rhythm > 0 ? 1.0 / client->rhythm : 0.4;
}

/* How many people have come by the end of @week: enough to fill the practice in its
 * first weeks, then the others at an even pace until now. */
static int
expected_arrivals (Demo *demo,
                   int   week)
{
  int n = demo->clients->len;
  int first = MIN (n, (int) ceil (demo->target / MEAN_LOAD));

  return MIN (n, first + (int) ((gint64) (n - first) * (week + 1) / (demo->current_week + 1)));
}

/* A course of about @mean sessions, in weeks. A gamma of shape 2: few come only once,
 * a few stay for years. */
static int
draw_weeks (Demo   *demo,
            Client *client,
            double  mean)
{
  double sessions = mean / 2 * (-log (1.0 - g_rand_double (demo->rand)) -
                                log (1.0 - g_rand_double (demo->rand)));

  return (int) ceil (MAX (1.0, sessions) / client_load (client));
}

static void
advance (Demo *demo,
         int   client_index,
         int   week)
{
  Client *client = client_at (demo, client_index);
  int left;
  int count;

  /* When nobody new is due to take a leaver's place, people stay on while the practice
   * would otherwise empty, so that the weeks around now are as full as ever. */
  if (week >= client->end_week && demo->n_admitted >= expected_arrivals (demo, week) &&
      demo->load - client_load (client) < demo->target)
    client->end_week = week + draw_weeks (demo, client, RENEWED_SESSIONS);

  if (week >= client->end_week)
    {
      client->active = FALSE;
      demo->load -= client_load (client);
      return;
    }

  if (client->rhythm == 1 || client->rhythm == 2)
    {
      left = (client->end_week - week + client->rhythm - 1) / client->rhythm;
      count = open_run (demo, week, client->rhythm, MIN (left, g_rand_int_range (demo->rand, 6, 17)));
      if (count >= 2)
        {
          book_series (demo, client_index, week, count);
          client_at (demo, client_index)->next_week = week + count * client->rhythm;
          return;
        }
    }

  book_single (demo, client_index, week);
  client = client_at (demo, client_index);
  client->next_week = week + (client->rhythm > 0 ? client->rhythm : g_rand_int_range (demo->rand, 1, 5));
}

/* People ----------------------------------------------------------------------- */

static char *
email_part (const char *name)
{
  g_autofree char *folded = seances_fold (name);
  GString *part = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (part, *p);
    else if (*p == ' ' || *p == '-')
      g_string_append_c (part, '-');
  return g_string_free (part, FALSE);
}

static char *
unique_email (Demo       *demo,
              const char *first_name,
              const char *last_name)
{
  g_autofree char *first = email_part (first_name);
  g_autofree char *last = email_part (last_name);
  char *email = g_strdup_printf ("%s.%s@exemple.fr", first, last);

  for (int n = 2; g_hash_table_contains (demo->emails, email); n++)
    {
      g_free (email);
      email = g_strdup_printf ("%s.%s%d@exemple.fr", first, last, n);
    }
  g_hash_table_add (demo->emails, g_strdup (email));
  return email;
}

/* In the range ARCEP keeps for fiction (06 39 98 xx xx): a demo never texts anyone. */
static char *
unique_phone (Demo *demo)
{
  char *phone = NULL;

  for (int tries = 0; tries < 20; tries++)
    {
      g_free (phone);
      phone = g_strdup_printf ("+3363998%04d", pick (demo, 10000));
      if (!g_hash_table_contains (demo->phones, phone))
        break;
    }
  g_hash_table_add (demo->phones, g_strdup (phone));
  return phone;
}

static void
invent_person (Demo   *demo,
               Client *client)
{
  static const double absences[] = { 0.5, 0.75, 1.0, 1.0, 1.75 };
  double kind = g_rand_double (demo->rand);
  double video = g_rand_double (demo->rand);
  gboolean email, phone;

  client->first_name = first_names[pick (demo, G_N_ELEMENTS (first_names))];
  client->last_name = last_names[pick (demo, G_N_ELEMENTS (last_names))];

  client->channel = kind < 0.7 ? SEANCES_CHANNEL_EMAIL : kind < 0.82 ? SEANCES_CHANNEL_SMS : SEANCES_CHANNEL_BOTH;
  email = client->channel != SEANCES_CHANNEL_SMS || chance (demo, 0.4);
  phone = client->channel != SEANCES_CHANNEL_EMAIL || chance (demo, 0.6);
  client->email = email ? unique_email (demo, client->first_name, client->last_name) : g_strdup ("");
  client->phone = phone ? unique_phone (demo) : g_strdup ("");

  client->note = chance (demo, 0.2) ? notes[pick (demo, G_N_ELEMENTS (notes))] : "";
  client->fee_cents = fees_cents[pick (demo, G_N_ELEMENTS (fees_cents))];
  client->video_share = video < 0.7 ? 0.0 : video < 0.9 ? 0.2 : 0.8;
  client->absence = absences[pick (demo, G_N_ELEMENTS (absences))];

  kind = g_rand_double (demo->rand);
  client->rhythm = kind < 0.45 ? 1 : kind < 0.75 ? 2 : kind < 0.85 ? 4 : 0;
  if (client->rhythm > 0 && chance (demo, 0.8))
    client->stored_rhythm = client->rhythm;
  random_slot (demo, &client->weekday, &client->unit);
}

/* How many sessions the next person comes for, on average: the sessions left in the
 * plan, and a quarter beyond since courses go on after it, shared among the people
 * still to come. */
static double
mean_sessions (Demo *demo,
               int   week)
{
  int horizon = demo->n_weeks + 13;
  double budget = (double) demo->target * MAX (0, horizon - week);
  int waiting = demo->clients->len - demo->n_admitted;

  for (int i = 0; i < demo->n_admitted; i++)
    {
      Client *other = client_at (demo, i);

      if (other->active)
        budget -= client_load (other) * MAX (0, MIN (other->end_week, horizon) - week);
    }
  return CLAMP (budget / MAX (waiting, 1), 1.0, 300.0);
}

/* People who come every other week (or every four) start in the quieter week, so that
 * the practice's weeks stay even. */
static int
first_regular_week (Demo   *demo,
                    Client *client,
                    int     week)
{
  int best = week + 1;

  for (int w = week + 2; w <= week + client->rhythm && w < demo->n_weeks; w++)
    if (demo->booked[w] < demo->booked[best])
      best = w;
  return best;
}

static void
admit (Demo *demo,
       int   week)
{
  int history_weeks = MAX (1, demo->current_week);
  int cap = MAX (demo->target / 5, 2 * (int) demo->clients->len / history_weeks) + 1;
  int due = expected_arrivals (demo, week);

  for (int admitted = 0; admitted < cap && demo->n_admitted < due; admitted++)
    {
      Client *client = client_at (demo, demo->n_admitted);
      int first;

      if (demo->load + client_load (client) > demo->target + 0.5)
        break;
      /* The first consultation stands alone; the rhythm starts after it. */
      first = book_single (demo, demo->n_admitted, week);
      if (first < 0)
        break;

      /* Known since they called to book it. */
      client->created_at = session_at (demo, first)->created_at;
      client->active = TRUE;
      client->end_week = week + draw_weeks (demo, client, mean_sessions (demo, week));
      client->next_week = first_regular_week (demo, client, week);
      demo->load += client_load (client);
      demo->n_admitted++;
    }
}

static void
simulate (Demo *demo)
{
  for (int week = 0; week < demo->n_weeks; week++)
    {
      if (demo->closed_weeks[week])
        continue;
      for (int i = 0; i < demo->n_admitted; i++)
        {
          Client *client = client_at (demo, i);

          if (!client->active)
            continue;
          /* After a closed week, every other week stays every other week. */
          while (client->rhythm > 1 && client->next_week < week)
            client->next_week += client->rhythm;
          if (client->next_week <= week)
            advance (demo, i, week);
        }
      admit (demo, week);
    }
}

/* People who never came yet called recently; some who stopped long ago were archived. */
static void
settle_people (Demo *demo)
{
  g_autoptr(GArray) finished = g_array_new (FALSE, FALSE, sizeof (int));
  int wanted = (int) lround (INACTIVE_SHARE * demo->clients->len);

  for (guint i = 0; i < demo->clients->len; i++)
    {
      Client *client = client_at (demo, i);

      if ((int) i >= demo->n_admitted)
        client->created_at = demo->now - between (demo, 3600, 20 * SECONDS_PER_DAY);
      else if (!client->active && client->last_end != 0 &&
               client->last_end + 14 * SECONDS_PER_DAY < demo->now)
        {
          int index = i;
          g_array_append_val (finished, index);
        }
    }

  for (guint i = 0; i < finished->len && (int) i < wanted; i++)
    {
      int chosen = g_rand_int_range (demo->rand, i, finished->len);
      int index = g_array_index (finished, int, chosen);
      Client *client = client_at (demo, index);

      g_array_index (finished, int, chosen) = g_array_index (finished, int, i);
      client->inactive_at = MIN (demo->now - 3600,
                                 client->last_end + between (demo, 14 * SECONDS_PER_DAY,
                                                             60 * SECONDS_PER_DAY));
    }
}

/* Writing ---------------------------------------------------------------------- */

static gboolean
write_clients (SeancesDatabase  *database,
               Demo             *demo,
               GError          **error)
{
  for (guint i = 0; i < demo->clients->len; i++)
    {
      Client *client = client_at (demo, i);
      g_autoptr(SeancesClient) person = NULL;
      g_autoptr(SeancesStatement) stmt = NULL;

      person = g_object_new (SEANCES_TYPE_CLIENT,
                             "first-name", client->first_name,
                             "last-name", client->last_name,
                             "email", client->email,
                             "phone", client->phone,
                             "channel", client->channel,
                             "rhythm-weeks", client->stored_rhythm,
                             "note", client->note,
                             NULL);
      /* The same checks and folded keys as a client typed in the application. */
      if (!seances_client_validate (person, error))
        return FALSE;

      stmt = seances_database_prepare (database,
                                       "INSERT INTO client (id, first_name, last_name, email, phone,"
                                       " channel, status, rhythm_weeks, note, search_key, sort_key,"
                                       " inactive_at, created_at, updated_at)"
                                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                                       " coalesce (?12, ?13))",
                                       error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, i + 1);
      sqlite3_bind_text (stmt, 2, seances_client_get_first_name (person), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, seances_client_get_last_name (person), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, seances_client_get_email (person), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, seances_client_get_phone (person), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, seances_channel_to_string (seances_client_get_channel (person)), -1,
                         SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, client->inactive_at != 0 ? "inactive" : "active", -1, SQLITE_STATIC);
      seances_statement_bind_optional (stmt, 8, client->stored_rhythm);
      sqlite3_bind_text (stmt, 9, seances_client_get_note (person), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 10, seances_client_get_search_key (person), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 11, seances_client_get_sort_key (person), -1, SQLITE_TRANSIENT);
      seances_statement_bind_optional (stmt, 12, client->inactive_at);
      sqlite3_bind_int64 (stmt, 13, client->created_at);
      if (!seances_database_step (database, stmt, NULL, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_series (SeancesDatabase  *database,
              Demo             *demo,
              GError          **error)
{
  for (guint i = 0; i < demo->series->len; i++)
    {
      Series *series = &g_array_index (demo->series, Series, i);
      g_autoptr(SeancesStatement) stmt = NULL;

      stmt = seances_database_prepare (database,
                                       "INSERT INTO series (id, client_id, interval_weeks, created_at)"
                                       " VALUES (?1, ?2, ?3, ?4)",
                                       error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, i + 1);
      sqlite3_bind_int64 (stmt, 2, series->client + 1);
      sqlite3_bind_int (stmt, 3, series->interval_weeks);
      sqlite3_bind_int64 (stmt, 4, series->created_at);
      if (!seances_database_step (database, stmt, NULL, error))
        return FALSE;
    }
  return TRUE;
}

static int
compare_booking (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  Demo *demo = user_data;
  const Session *x = session_at (demo, *(const int *) a);
  const Session *y = session_at (demo, *(const int *) b);

  if (x->created_at != y->created_at)
    return x->created_at < y->created_at ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return *(const int *) a - *(const int *) b;
}

/* Rows go in the order they were booked, as in a practice's own database; ids follow. */
static gboolean
write_sessions (SeancesDatabase  *database,
                Demo             *demo,
                GError          **error)
{
  guint n = demo->sessions->len;
  g_autofree int *order = g_new (int, n);
  g_autofree gint64 *ids = g_new (gint64, n);

  for (guint i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, n, sizeof (int), compare_booking, demo);
  for (guint rank = 0; rank < n; rank++)
    {
      ids[order[rank]] = rank + 1;
      session_at (demo, order[rank])->id = rank + 1;
    }

  for (guint rank = 0; rank < n; rank++)
    {
      Session *session = session_at (demo, order[rank]);
      g_autoptr(SeancesStatement) stmt = NULL;

      stmt = seances_database_prepare (database,
                                       "INSERT INTO appointment (id, client_id, series_id, start_at,"
                                       " end_at, place, fee_cents, status, status_at, cancelled_at, created_at,"
                                       " cancelled_by)"
                                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                                       error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, rank + 1);
      sqlite3_bind_int64 (stmt, 2, session->client + 1);
      seances_statement_bind_optional (stmt, 3, session->series + 1);
      sqlite3_bind_int64 (stmt, 4, session->start);
      sqlite3_bind_int64 (stmt, 5, session->end);
      sqlite3_bind_text (stmt, 6, seances_place_to_string (session->place), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 7, session->fee_cents);
      sqlite3_bind_text (stmt, 8, seances_appointment_status_to_string (session->status), -1,
                         SQLITE_STATIC);
      seances_statement_bind_optional (stmt, 9, session->status_at);
      seances_statement_bind_optional (stmt, 10, session->cancelled_at);
      sqlite3_bind_int64 (stmt, 11, session->created_at);
      if (session->cancelled_at != 0)
        sqlite3_bind_text (stmt, 12, session->by_practice ? "practice" : "client", -1, SQLITE_STATIC);
      if (!seances_database_step (database, stmt, NULL, error))
        return FALSE;
    }

  /* A moved session points to one booked after it: linked once both exist, since
   * SQLite would look for the pending link at every insert. */
  for (guint i = 0; i < n; i++)
    {
      Session *session = session_at (demo, i);
      g_autoptr(SeancesStatement) stmt = NULL;

      if (session->rescheduled_to < 0)
        continue;
      stmt = seances_database_prepare (database,
                                       "UPDATE appointment SET rescheduled_to = ?2 WHERE id = ?1",
                                       error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, ids[i]);
      sqlite3_bind_int64 (stmt, 2, ids[session->rescheduled_to]);
      if (!seances_database_step (database, stmt, NULL, error))
        return FALSE;
    }
  return TRUE;
}

static const char * const acceptance_means[] = { "session", "session", "session", "paper", "paper", "email" };
static const char * const payment_means[] = { "card", "card", "cheque", "transfer", "cash" };

static SeancesPolicyPastKind
past_kind (const Session *session)
{
  switch (session->status)
    {
    case SEANCES_APPOINTMENT_STATUS_HONOURED:
      return SEANCES_POLICY_PAST_HONOURED;
    case SEANCES_APPOINTMENT_STATUS_CANCELLED_IN_TIME:
      return session->by_practice ? SEANCES_POLICY_PAST_CANCELLED_BY_PRACTICE
                                  : SEANCES_POLICY_PAST_CANCELLED_IN_TIME;
    case SEANCES_APPOINTMENT_STATUS_CANCELLED_LATE:
      return SEANCES_POLICY_PAST_CANCELLED_LATE;
    case SEANCES_APPOINTMENT_STATUS_NO_SHOW:
      return SEANCES_POLICY_PAST_ABSENCE;
    case SEANCES_APPOINTMENT_STATUS_SCHEDULED:
    case SEANCES_APPOINTMENT_STATUS_RESCHEDULED:
    default:
      return SEANCES_POLICY_PAST_UNREVIEWED;
    }
}

static SeancesPolicyOutcome
outcome_of (const Session *session)
{
  switch (session->status)
    {
    case SEANCES_APPOINTMENT_STATUS_CANCELLED_IN_TIME:
      return session->by_practice ? SEANCES_POLICY_OUTCOME_PRACTICE_CANCELLED
                                  : SEANCES_POLICY_OUTCOME_CLIENT_CANCELLED;
    case SEANCES_APPOINTMENT_STATUS_CANCELLED_LATE:
      return SEANCES_POLICY_OUTCOME_CLIENT_CANCELLED;
    case SEANCES_APPOINTMENT_STATUS_NO_SHOW:
      return SEANCES_POLICY_OUTCOME_ABSENCE;
    case SEANCES_APPOINTMENT_STATUS_HONOURED:
    case SEANCES_APPOINTMENT_STATUS_SCHEDULED:
    case SEANCES_APPOINTMENT_STATUS_RESCHEDULED:
    default:
      return SEANCES_POLICY_OUTCOME_HONOURED;
    }
}

static const char *
charge_kind (SeancesPolicyKind kind)
{
  switch (kind)
    {
    case SEANCES_POLICY_KIND_HONOURED:
      return "session";
    case SEANCES_POLICY_KIND_CANCELLED_LATE:
      return "late_cancellation";
    case SEANCES_POLICY_KIND_ABSENCE:
      return "absence";
    case SEANCES_POLICY_KIND_CANCELLED_IN_TIME:
    case SEANCES_POLICY_KIND_CANCELLED_BY_PRACTICE:
    default:
      return NULL;
    }
}

static int
compare_start (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  Demo *demo = data;
  gint64 x = session_at (demo, *(const int *) a)->start;
  gint64 y = session_at (demo, *(const int *) b)->start;

  return (x > y) - (x < y);
}

/* One client's reviewed history, as the review would have left it: their acceptance of
 * the policy (most accepted it at their first session), one charge per decided session
 * decided by the policy engine on what came before, mostly paid except the last weeks',
 * and one event per status change. */
static gboolean
write_client_decisions (SeancesDatabase           *database,
                        Demo                      *demo,
                        int                        client_index,
                        GArray                    *sessions,
                        const SeancesPolicyTerms  *terms,
                        GError                   **error)
{
  g_autoptr(GArray) history = g_array_new (FALSE, FALSE, sizeof (SeancesPolicyPast));
  Client *client = client_at (demo, client_index);
  gboolean accepted = g_rand_double (demo->review_rand) < 0.85;
  gint64 accepted_at = client->created_at;

  if (sessions->len > 0)
    accepted_at = MAX (accepted_at, session_at (demo, g_array_index (sessions, int, 0))->start);
  accepted = accepted && accepted_at <= demo->now;
  if (accepted)
    {
      g_autoptr(SeancesStatement) stmt =
        seances_database_prepare (database,
                                  "INSERT INTO policy_acceptance (client_id, version_id, accepted_at,"
                                  " means, created_at) VALUES (?1, ?2, ?3, ?4, ?3)", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, client_index + 1);
      sqlite3_bind_int64 (stmt, 2, terms->version_id);
      sqlite3_bind_int64 (stmt, 3, accepted_at);
      sqlite3_bind_text (stmt, 4, acceptance_means[g_rand_int_range (demo->review_rand, 0,
                                                                     G_N_ELEMENTS (acceptance_means))],
                         -1, SQLITE_STATIC);
      if (!seances_database_step (database, stmt, NULL, error))
        return FALSE;
    }

  for (guint i = 0; i < sessions->len; i++)
    {
      Session *session = session_at (demo, g_array_index (sessions, int, i));
      SeancesPolicyPast past = { session->start, past_kind (session), session->force_majeure };
      SeancesPolicyCase c = {
        .terms = terms,
        .accepted = accepted && accepted_at <= session->start,
        .tz = demo->tz,
        .start = session->start,
        .fee_cents = session->fee_cents,
        .notified_at = session->cancelled_at,
        .now = demo->now,
        .outcome = outcome_of (session),
        .force_majeure = session->force_majeure,
        .history = (const SeancesPolicyPast *) history->data,
        .n_history = history->len,
      };
      SeancesPolicyDecision decision;
      const char *kind;

      if (past.kind == SEANCES_POLICY_PAST_UNREVIEWED)
        continue;

      seances_policy_decide (&c, &decision);
      kind = charge_kind (decision.kind);
      if (kind != NULL)
        {
          g_autoptr(SeancesStatement) stmt =
            seances_database_prepare (database,
                                      "INSERT INTO charge (appointment_id, client_id, kind, policy_cents,"
                                      " due_cents, waived_reason, paid_at, paid_means, created_at,"
                                      " updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                                      error);
          gint64 paid_at = 0;

          if (stmt == NULL)
            return FALSE;
          /* Paid within a fortnight, except some of the last three weeks'. */
          if (decision.due_cents > 0 &&
              (session->start < demo->now - 21 * SECONDS_PER_DAY || g_rand_double (demo->review_rand) < 0.5))
            {
              /* Drawn once: MIN() would draw twice. */
              gint64 after = between (demo, 0, 14 * SECONDS_PER_DAY);

              paid_at = MIN (demo->now, session->status_at + after);
            }
          sqlite3_bind_int64 (stmt, 1, session->id);
          sqlite3_bind_int64 (stmt, 2, client_index + 1);
          sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 4, decision.policy_cents);
          sqlite3_bind_int64 (stmt, 5, decision.due_cents);
          if (seances_policy_waiver_to_string (decision.waiver) != NULL)
            sqlite3_bind_text (stmt, 6, seances_policy_waiver_to_string (decision.waiver), -1, SQLITE_STATIC);
          if (paid_at != 0)
            {
              sqlite3_bind_int64 (stmt, 7, paid_at);
              sqlite3_bind_text (stmt, 8, payment_means[g_rand_int_range (demo->review_rand, 0,
                                                                          G_N_ELEMENTS (payment_means))],
                                 -1, SQLITE_STATIC);
            }
          sqlite3_bind_int64 (stmt, 9, session->status_at);
          sqlite3_bind_int64 (stmt, 10, MAX (session->status_at, paid_at));
          if (!seances_database_step (database, stmt, NULL, error))
            return FALSE;
        }

      {
        g_autoptr(SeancesStatement) stmt =
          seances_database_prepare (database,
                                    "INSERT INTO appointment_event (appointment_id, status, previous_status,"
                                    " changed_at) VALUES (?1, ?2, 'scheduled', ?3)", error);

        if (stmt == NULL)
          return FALSE;
        sqlite3_bind_int64 (stmt, 1, session->id);
        sqlite3_bind_text (stmt, 2, seances_appointment_status_to_string (session->status), -1,
                           SQLITE_STATIC);
        sqlite3_bind_int64 (stmt, 3, session->status_at);
        if (!seances_database_step (database, stmt, NULL, error))
          return FALSE;
      }
      g_array_append_val (history, past);
    }
  return TRUE;
}

static gboolean
write_decisions (SeancesDatabase           *database,
                 Demo                      *demo,
                 const SeancesPolicyTerms  *terms,
                 GError                   **error)
{
  g_autoptr(GPtrArray) by_client = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  for (guint i = 0; i < demo->clients->len; i++)
    g_ptr_array_add (by_client, g_array_new (FALSE, FALSE, sizeof (int)));
  for (guint i = 0; i < demo->sessions->len; i++)
    {
      int index = i;

      if (session_at (demo, i)->status != SEANCES_APPOINTMENT_STATUS_RESCHEDULED)
        g_array_append_val (g_ptr_array_index (by_client, session_at (demo, i)->client), index);
    }
  for (guint i = 0; i < demo->clients->len; i++)
    {
      GArray *sessions = g_ptr_array_index (by_client, i);

      g_array_sort_with_data (sessions, compare_start, demo);
      if (!write_client_decisions (database, demo, i, sessions, terms, error))
        return FALSE;
    }
  return TRUE;
}

static SeancesPractice *
demo_practice (void)
{
  /* A phone and an e-mail in the ranges kept for fiction: a demo never calls or writes
   * to anyone. */
  return g_object_new (SEANCES_TYPE_PRACTICE,
                       "name", "Cabinet des Tilleuls",
                       "practitioner", "Claire Martin",
                       "address", "12 rue des Tilleuls, 69003 Lyon",
                       "phone", "04 65 71 23 45",
                       "email", "claire.martin@exemple.fr",
                       "video-link", "https://visio.exemple.fr/cabinet-des-tilleuls",
                       "time-zone", "Europe/Paris",
                       "session-minutes", 50,
                       "buffer-minutes", 10,
                       "default-fee-cents", (gint64) 6000,
                       "opening-hour", 8,
                       "closing-hour", 20,
                       NULL);
}

static gboolean
refuse (GError     **error,
        int          code,
        const char  *message)
{
  g_set_error_literal (error, SEANCES_DEMO_ERROR, code, message);
  return FALSE;
}

static gboolean
is_empty (SeancesDatabase  *database,
          gboolean         *empty,
          GError          **error)
{
  g_autoptr(SeancesStatement) stmt = NULL;
  gboolean has_row;

  stmt = seances_database_prepare (database,
                                   "SELECT EXISTS (SELECT 1 FROM client) OR EXISTS (SELECT 1 FROM appointment)",
                                   error);
  if (stmt == NULL || !seances_database_step (database, stmt, &has_row, error))
    return FALSE;
  *empty = has_row && sqlite3_column_int (stmt, 0) == 0;
  return TRUE;
}

/* The practice of an earlier first run is kept; otherwise the demo's is created. */
static SeancesPractice *
ensure_practice (SeancesDatabase  *database,
                 gint64            now,
                 gboolean         *created,
                 GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(SeancesPractice) practice = seances_practice_load (database, &local_error);

  *created = FALSE;
  if (practice != NULL)
    return g_steal_pointer (&practice);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  practice = demo_practice ();
  if (!seances_practice_save (database, practice, now, error))
    return NULL;
  *created = TRUE;
  return g_steal_pointer (&practice);
}

/* The demo practice opened a month before its history starts. */
static gboolean
backdate_practice (SeancesDatabase  *database,
                   gint64            opened_at,
                   GError          **error)
{
  g_autoptr(SeancesStatement) stmt = NULL;

  stmt = seances_database_prepare (database, "UPDATE practice SET created_at = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, opened_at);
  return seances_database_step (database, stmt, NULL, error);
}

static void
demo_clear (Demo *demo)
{
  for (guint i = 0; demo->clients != NULL && i < demo->clients->len; i++)
    {
      g_free (client_at (demo, i)->email);
      g_free (client_at (demo, i)->phone);
    }
  g_clear_pointer (&demo->clients, g_array_unref);
  g_clear_pointer (&demo->series, g_array_unref);
  g_clear_pointer (&demo->sessions, g_array_unref);
  g_clear_pointer (&demo->emails, g_hash_table_unref);
  g_clear_pointer (&demo->phones, g_hash_table_unref);
  g_clear_pointer (&demo->occupied, g_free);
  g_clear_pointer (&demo->closed_weeks, g_free);
  g_clear_pointer (&demo->booked, g_free);
  g_clear_pointer (&demo->tz, g_time_zone_unref);
  g_clear_pointer (&demo->rand, g_rand_free);
  g_clear_pointer (&demo->review_rand, g_rand_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Demo, demo_clear)

static gboolean
demo_init (Demo                      *demo,
           const SeancesDemoOptions  *options,
           SeancesPractice           *practice,
           GError                   **error)
{
  g_autoptr(GDateTime) local = NULL;
  int history_weeks = options->years * 52;
  int session_minutes = seances_practice_get_session_minutes (practice);
  int opening_hour = seances_practice_get_opening_hour (practice);
  int minutes = (seances_practice_get_closing_hour (practice) - opening_hour) * 60;

  demo->tz = g_time_zone_new_identifier (seances_practice_get_time_zone (practice));
  if (demo->tz == NULL)
    demo->tz = g_time_zone_new_identifier ("Europe/Paris");
  demo->rand = g_rand_new_with_seed (options->seed);
  demo->review_rand = g_rand_new_with_seed (options->seed ^ 0x5eaced);
  demo->now = options->now;
  demo->target = options->sessions_per_week;

  demo->session_minutes = session_minutes;
  demo->units_per_session = (session_minutes + seances_practice_get_buffer_minutes (practice) +
                             UNIT_MINUTES - 1) / UNIT_MINUTES;
  demo->opening_minute = opening_hour * 60;
  demo->last_unit = (minutes - session_minutes) / UNIT_MINUTES;
  if (minutes < session_minutes)
    return refuse (error, SEANCES_DEMO_ERROR_INVALID,
                   _("The practice’s opening hours leave no room for a session."));

  local = seances_time_to_local (demo->tz, demo->now);
  g_date_set_dmy (&demo->first_monday, g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local), g_date_time_get_year (local));
  g_date_subtract_days (&demo->first_monday, g_date_time_get_day_of_week (local) - 1);
  g_date_subtract_days (&demo->first_monday, history_weeks * 7);
  demo->current_week = history_weeks;
  demo->n_weeks = history_weeks + 1 + FUTURE_WEEKS;
  demo->n_days = demo->n_weeks * 7;

  demo->occupied = g_new0 (guint64, demo->n_days);
  demo->closed_weeks = g_new0 (gboolean, demo->n_weeks);
  demo->booked = g_new0 (int, demo->n_weeks);
  demo->clients = g_array_sized_new (FALSE, TRUE, sizeof (Client), options->n_clients);
  g_array_set_size (demo->clients, options->n_clients);
  demo->series = g_array_new (FALSE, TRUE, sizeof (Series));
  demo->sessions = g_array_sized_new (FALSE, TRUE, sizeof (Session),
                                      options->sessions_per_week * demo->n_weeks);
  demo->emails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  demo->phones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return TRUE;
}

static gint64
opening_day (Demo *demo)
{
  gint64 start = 0;

  slot_start (demo, 0, 0, &start);
  return start - 30 * SECONDS_PER_DAY;
}

void
seances_demo_options_init (SeancesDemoOptions *options)
{
  g_return_if_fail (options != NULL);

  options->n_clients = SEANCES_DEMO_DEFAULT_CLIENTS;
  options->years = SEANCES_DEMO_DEFAULT_YEARS;
  options->sessions_per_week = SEANCES_DEMO_DEFAULT_SESSIONS_PER_WEEK;
  options->seed = SEANCES_DEMO_DEFAULT_SEED;
  options->now = 0;
}

/* Checked before anything is created, so that a bad option never leaves an empty database. */
gboolean
seances_demo_options_validate (const SeancesDemoOptions  *options,
                               GError                   **error)
{
  g_return_val_if_fail (options != NULL, FALSE);

  if (options->n_clients < 1 || options->n_clients > SEANCES_DEMO_MAX_CLIENTS)
    return refuse (error, SEANCES_DEMO_ERROR_INVALID,
                   _("A demo practice has between 1 and 20,000 clients."));
  if (options->years < 1 || options->years > SEANCES_DEMO_MAX_YEARS)
    return refuse (error, SEANCES_DEMO_ERROR_INVALID,
                   _("A demo practice has between 1 and 30 years of history."));
  if (options->sessions_per_week < 1 || options->sessions_per_week > SEANCES_DEMO_MAX_SESSIONS_PER_WEEK)
    return refuse (error, SEANCES_DEMO_ERROR_INVALID,
                   _("A demo practice holds between 1 and 60 sessions a week."));
  return TRUE;
}

static gboolean
fill (SeancesDatabase           *database,
      const SeancesDemoOptions  *options,
      Demo                      *demo,
      GError                   **error)
{
  g_autoptr(SeancesPractice) practice = NULL;
  g_autoptr(SeancesClock) clock = NULL;
  g_autoptr(SeancesPolicyStore) policies = NULL;
  gboolean empty = FALSE;
  gboolean created = FALSE;

  if (!is_empty (database, &empty, error))
    return FALSE;
  if (!empty)
    return refuse (error, SEANCES_DEMO_ERROR_NOT_EMPTY,
                   _("This database already holds clients or sessions: a demo practice needs an "
                     "empty one. Nothing was changed."));

  practice = ensure_practice (database, options->now, &created, error);
  if (practice == NULL || !demo_init (demo, options, practice, error) ||
      (created && !backdate_practice (database, opening_day (demo), error)))
    return FALSE;

  /* The practice's policy, the default one, as the window would save it at its first
   * start: its sessions are governed by it (no version recorded: the first applies). */
  clock = seances_clock_new_fixed (options->now);
  policies = seances_policy_store_new (database, clock, error);
  if (policies == NULL)
    return FALSE;

  for (guint i = 0; i < demo->clients->len; i++)
    invent_person (demo, client_at (demo, i));
  plan_closures (demo);
  simulate (demo);
  settle_people (demo);
  review (demo);

  return write_clients (database, demo, error) &&
         write_series (database, demo, error) &&
         write_sessions (database, demo, error) &&
         write_decisions (database, demo, &seances_policy_store_get_current (policies)->terms, error);
}

/* Fills an empty database with a demo practice: people, series and sessions over
 * @options->years until now and for the next weeks. A practice already entered is
 * kept; clients or sessions already there are never touched: the demo is refused.
 * Everything is written in one transaction, or nothing. */
gboolean
seances_demo_generate (SeancesDatabase           *database,
                       const SeancesDemoOptions  *options,
                       GError                   **error)
{
  g_auto(Demo) demo = { 0 };
  SeancesDemoOptions chosen;
  gint64 started = g_get_monotonic_time ();

  g_return_val_if_fail (SEANCES_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  chosen = *options;
  if (chosen.now == 0)
    {
      g_autoptr(SeancesClock) clock = seances_clock_new ();

      chosen.now = seances_clock_get_now (clock);
    }
  if (!seances_demo_options_validate (&chosen, error) ||
      !seances_database_begin (database, error))
    return FALSE;

  if (!fill (database, &chosen, &demo, error) || !seances_database_commit (database, error))
    {
      seances_database_rollback (database);
      return FALSE;
    }

  g_debug ("Demo practice: %u clients, %u series, %u sessions in %.2f s",
           demo.clients->len, demo.series->len, demo.sessions->len,
           (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);
  return TRUE;
}
