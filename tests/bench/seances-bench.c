/* seances-bench.c — Séances with measuring probes, for build-aux/bench; never shipped
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same application as src/main.c, linked with the same UI library: it watches each
 * window it opens (GtkApplication::window-added) and its "main-shown" signal.
 * SEANCES_BENCH_FIRST_FRAME=1: prints "FIRST_FRAME <µs>" on the window's first painted
 *   frame, "MAIN_FRAME <µs>" on the first one painted with the main page, "CONTENT_FRAME
 *   <µs>" on the first one painted with sessions laid out in the agenda (what the user
 *   waits for), then "PEAK_KB <VmHWM>" and quits (g_get_monotonic_time (), CLOCK_MONOTONIC).
 * SEANCES_BENCH_SCRIPT=1: once the main page is painted, drives the views one step per
 *   frame (week switches, opening clients — some spread over the list, and the ten with the
 *   longest history —, search keystrokes, « Honoraires dus » opened from the agenda) and
 *   prints per action kind
 *   "BENCH <name> work_p50 work_p95 frame_p50 frame_p95 frame_max" in milliseconds, then
 *   "PEAK_KB <VmHWM>", and quits.
 *
 * A step runs in a tick callback, that is in the update phase of a frame: "work" is the
 * time of the call itself, "frame" the time from the call to the end of the same frame's
 * after-paint (work, layout, snapshot, render). With neither variable set, nothing here
 * is connected and this is the plain application. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "seances-application.h"
#include "seances-window.h"

#define BENCH_ITERATIONS 60
#define BENCH_SETTLE_FRAMES 5
#define BENCH_BIG_CLIENTS 10
#define BENCH_BIG_ROUNDS 3
#define BENCH_LIFELONG_SESSIONS 800
#define BENCH_UNPAID_WEEKS 8

typedef enum
{
  SERIES_WEEK_SWITCH,
  SERIES_OPEN_CLIENT,
  SERIES_OPEN_BIG_CLIENT,
  SERIES_SEARCH_KEY,
  SERIES_SEARCH_CLEAR,
  SERIES_CLOSE_ABSENCE,
  SERIES_OPEN_FEES,
  N_SERIES,
  SERIES_NONE = -1,
} SeriesKind;

static const char * const series_names[N_SERIES] = {
  "week_switch", "open_client", "open_big_client", "search_key", "search_clear",
  "close_absence", "open_fees",
};

typedef enum
{
  STEP_WAIT,          /* an idle frame */
  STEP_SHOW_AGENDA,
  STEP_SHOW_CLIENTS,
  STEP_SHOW_FEES,
  STEP_FOCUS_SEARCH,
  STEP_WEEK,          /* arg: direction */
  STEP_OPEN_CLIENT,   /* arg: index in clients */
  STEP_OPEN_BIG_CLIENT, /* arg: index in big_clients */
  STEP_SEARCH,        /* text */
  STEP_CLOSE_ABSENCE, /* arg: index in to_review: propose, commit, the flag */
  STEP_UNDO,          /* the last decision, unmeasured */
} StepKind;

typedef struct
{
  StepKind    kind;
  SeriesKind  series;
  int         arg;
  char       *text;
} Step;

typedef struct
{
  GtkWindow          *window;       /* not owned: the data lives on it */
  GdkFrameClock      *clock;
  gboolean            first_frame_mode;
  gboolean            script_mode;
  gboolean            painted;      /* this frame had a paint phase, window mapped */
  gboolean            first_done;
  gboolean            main_pending; /* main page shown, not painted yet */
  gboolean            main_seen;
  gboolean            content_pending; /* main page painted, sessions not yet */

  /* The script */
  SeancesAgendaView  *agenda;
  SeancesClientsView *clients_view;
  SeancesContext     *context;
  GPtrArray          *clients;      /* SeancesClient, to open */
  GPtrArray          *big_clients;  /* SeancesClient: the longest histories */
  GPtrArray          *to_review;    /* SeancesAppointment: past, still scheduled */
  SeancesDecisionUndo *undo;
  GtkEditable        *search;
  GArray             *steps;        /* Step */
  guint               step;
  guint               tick_id;
  SeriesKind          pending;      /* whose frame ends at the next after-paint */
  gint64              pending_start;
  GArray             *work[N_SERIES];   /* gint64 µs */
  GArray             *frame[N_SERIES];  /* gint64 µs */
} Bench;

static gboolean
env_on (const char *name)
{
  return g_strcmp0 (g_getenv (name), "1") == 0;
}

static long
peak_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  return line != NULL ? strtol (line + strlen ("VmHWM:"), NULL, 10) : -1;
}

static void
step_clear (gpointer data)
{
  Step *step = data;

  g_free (step->text);
}

static void
bench_free (gpointer data)
{
  Bench *bench = data;

  if (bench->clock != NULL)
    {
      g_signal_handlers_disconnect_by_data (bench->clock, bench);
      g_object_unref (bench->clock);
    }
  g_clear_object (&bench->context);
  g_clear_pointer (&bench->clients, g_ptr_array_unref);
  g_clear_pointer (&bench->big_clients, g_ptr_array_unref);
  g_clear_pointer (&bench->to_review, g_ptr_array_unref);
  g_clear_pointer (&bench->undo, seances_decision_undo_unref);
  g_clear_pointer (&bench->steps, g_array_unref);
  for (int i = 0; i < N_SERIES; i++)
    {
      g_clear_pointer (&bench->work[i], g_array_unref);
      g_clear_pointer (&bench->frame[i], g_array_unref);
    }
  g_free (bench);
}

static void
quit (Bench *bench)
{
  GtkApplication *application = gtk_window_get_application (bench->window);

  printf ("PEAK_KB %ld\n", peak_kb ());
  fflush (stdout);
  if (application != NULL)
    g_application_quit (G_APPLICATION (application));
}

/* Results ---------------------------------------------------------------------- */

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* Nearest rank, on a sorted array. */
static double
percentile_ms (GArray *sorted,
               double  p)
{
  guint rank;

  if (sorted->len == 0)
    return 0;
  rank = (guint) (p / 100.0 * sorted->len + 0.999999);
  rank = CLAMP (rank, 1, sorted->len);
  return g_array_index (sorted, gint64, rank - 1) / 1000.0;
}

static void
print_results (Bench *bench)
{
  for (int i = 0; i < N_SERIES; i++)
    {
      GArray *work = bench->work[i], *frame = bench->frame[i];

      if (work->len == 0)
        continue;
      g_array_sort (work, compare_gint64);
      g_array_sort (frame, compare_gint64);
      double figures[] = {
        percentile_ms (work, 50), percentile_ms (work, 95),
        percentile_ms (frame, 50), percentile_ms (frame, 95), percentile_ms (frame, 100),
      };

      printf ("BENCH %s", series_names[i]);
      for (guint f = 0; f < G_N_ELEMENTS (figures); f++)
        {
          char text[G_ASCII_DTOSTR_BUF_SIZE];

          /* A dot whatever the locale: the bench reads these. */
          printf (" %s", g_ascii_formatd (text, sizeof text, "%.2f", figures[f]));
        }
      printf ("\n");
    }
  fflush (stdout);
}

/* The script ------------------------------------------------------------------- */

static void
add_step (Bench      *bench,
          StepKind    kind,
          SeriesKind  series,
          int         arg,
          const char *text)
{
  Step step = { kind, series, arg, g_strdup (text) };

  g_array_append_val (bench->steps, step);
}

static void
add_waits (Bench *bench,
           int    n)
{
  for (int i = 0; i < n; i++)
    add_step (bench, STEP_WAIT, SERIES_NONE, 0, NULL);
}

/* Clients spread over the whole store, active or not (the agenda opens any of them):
 * by id when ids run from 1, else over the list as shown. */
static void
pick_clients (Bench *bench)
{
  SeancesClientStore *store = seances_context_get_clients (bench->context);
  guint total = seances_client_store_get_n_total (store);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = 0; i < BENCH_ITERATIONS && total > 0; i++)
    {
      SeancesClient *client = seances_client_store_lookup (store, 1 + (gint64) i * total / BENCH_ITERATIONS);

      if (client != NULL)
        g_ptr_array_add (bench->clients, g_object_ref (client));
    }
  for (guint i = 0; bench->clients->len < BENCH_ITERATIONS && n_items > 0 && i < BENCH_ITERATIONS; i++)
    g_ptr_array_add (bench->clients,
                     g_list_model_get_item (G_LIST_MODEL (store), (guint) ((guint64) i * n_items / BENCH_ITERATIONS)));
}

static int
compare_counts (gconstpointer a,
                gconstpointer b,
                gpointer      counts)
{
  guint ca = GPOINTER_TO_UINT (g_hash_table_lookup (counts, a));
  guint cb = GPOINTER_TO_UINT (g_hash_table_lookup (counts, b));

  return (cb > ca) - (cb < ca);
}

/* A client seen every week for sixteen years (800 sessions), added to the bench's copy
 * of the practice when the demo has nobody with such a history. One transaction. */
static gint64
add_lifelong_client (Bench *bench)
{
  SeancesClientStore *store = seances_context_get_clients (bench->context);
  SeancesAppointmentStore *appointments = seances_context_get_appointments (bench->context);
  g_autoptr(SeancesClient) client = seances_client_new ();
  g_autoptr(SeancesAppointment) draft = NULL;
  g_autoptr(GError) error = NULL;
  /* It ends last week: all of it is history. */
  gint64 start = seances_context_get_now (bench->context) - (gint64) BENCH_LIFELONG_SESSIONS * 7 * 86400;

  seances_client_set_first_name (client, "Marguerite");
  seances_client_set_last_name (client, "Longuet");
  seances_client_set_email (client, "marguerite.longuet@exemple.fr");
  if (!seances_client_store_add (store, client, &error))
    {
      g_printerr ("bench: cannot add a client with a long history: %s\n", error->message);
      return 0;
    }
  /* A series holds at most 200 sessions: four after one another. */
  for (int done = 0; done < BENCH_LIFELONG_SESSIONS; done += 200)
    {
      gint64 at = start + (gint64) done * 7 * 86400;

      g_clear_object (&draft);
      draft = seances_appointment_new (seances_client_get_id (client), at, at + 50 * 60, SEANCES_PLACE_OFFICE, 6000);
      if (!seances_appointment_store_create_series (appointments, draft, 1, 200, NULL, TRUE, NULL, &error))
        {
          g_printerr ("bench: cannot book a long history: %s\n", error->message);
          return 0;
        }
    }
  return seances_client_get_id (client);
}

/* The clients with the most sessions (800 and more): their page must open as fast as
 * anyone's. Counted from every session, once, before the script. */
static void
pick_big_clients (Bench *bench)
{
  SeancesClientStore *store = seances_context_get_clients (bench->context);
  /* 1970 to 2100: every session the demo has. */
  g_autoptr(GPtrArray) all = seances_appointment_store_list_range (seances_context_get_appointments (bench->context),
                                                                   0, G_GINT64_CONSTANT (4102444800), NULL);
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer id;

  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      SeancesAppointment *appointment = g_ptr_array_index (all, i);
      gint64 client_id = seances_appointment_get_client_id (appointment);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, &client_id));

      if (n == 0)
        g_hash_table_insert (counts, g_memdup2 (&client_id, sizeof client_id), GUINT_TO_POINTER (1));
      else
        g_hash_table_replace (counts, g_memdup2 (&client_id, sizeof client_id), GUINT_TO_POINTER (n + 1));
    }
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    g_ptr_array_add (ids, id);
  g_ptr_array_sort_with_data (ids, (GCompareDataFunc) compare_counts, counts);
  if (ids->len == 0 ||
      GPOINTER_TO_UINT (g_hash_table_lookup (counts, g_ptr_array_index (ids, 0))) < BENCH_LIFELONG_SESSIONS)
    {
      gint64 lifelong = add_lifelong_client (bench);

      if (lifelong != 0)
        {
          gint64 *key = g_memdup2 (&lifelong, sizeof lifelong);

          g_hash_table_replace (counts, key, GUINT_TO_POINTER (BENCH_LIFELONG_SESSIONS));
          g_ptr_array_insert (ids, 0, key);
        }
    }

  for (guint i = 0; i < ids->len && bench->big_clients->len < BENCH_BIG_CLIENTS; i++)
    {
      SeancesClient *client = seances_client_store_lookup (store, *(gint64 *) g_ptr_array_index (ids, i));

      if (client != NULL)
        {
          g_ptr_array_add (bench->big_clients, g_object_ref (client));
          if (bench->big_clients->len == 1)
            printf ("BIG_CLIENT_SESSIONS %u\n",
                    GPOINTER_TO_UINT (g_hash_table_lookup (counts, g_ptr_array_index (ids, i))));
        }
    }
}

/* The sessions over and still to review, as the review lists them (today's first). */
static void
pick_to_review (Bench *bench)
{
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = seances_context_get_now (bench->context);

  bench->to_review = g_ptr_array_new_with_free_func (g_object_unref);
  listed = seances_appointment_store_list_to_review (seances_context_get_appointments (bench->context),
                                                     now, &error);
  for (guint i = 0; listed != NULL && i < listed->len; i++)
    {
      SeancesAppointment *appointment = g_ptr_array_index (listed, i);

      if (seances_appointment_get_status (appointment) == SEANCES_APPOINTMENT_STATUS_SCHEDULED &&
          seances_appointment_get_end (appointment) <= now)
        g_ptr_array_add (bench->to_review, g_object_ref (appointment));
    }
  if (bench->to_review->len == 0)
    g_printerr ("bench: no session to review in the demo%s%s\n", error != NULL ? ": " : "",
                error != NULL ? error->message : "");
}

/* Closing a session as an absence the way the review does: the engine's proposal, the
 * decision committed (status, charge, event), the flag read again. */
static void
close_absence (Bench *bench,
               int    index)
{
  SeancesDecisions *decisions = seances_context_get_decisions (bench->context);
  SeancesAppointment *appointment = g_ptr_array_index (bench->to_review, index);
  g_autoptr(SeancesAppointment) current = NULL;
  g_autoptr(GError) error = NULL;
  SeancesPolicyDecision decision;
  gint64 now = seances_context_get_now (bench->context);

  current = seances_appointment_store_lookup (seances_context_get_appointments (bench->context),
                                              seances_appointment_get_id (appointment), &error);
  if (current == NULL ||
      !seances_decisions_propose (decisions, current, SEANCES_POLICY_OUTCOME_ABSENCE, FALSE, now,
                                  &decision, &error))
    {
      g_printerr ("bench: cannot propose: %s\n", error != NULL ? error->message : "?");
      return;
    }
  bench->undo = seances_decisions_commit (decisions, current, &decision, now, &error);
  if (bench->undo == NULL)
    g_printerr ("bench: cannot commit: %s\n", error->message);
  else
    seances_decisions_needs_confirmation (decisions, seances_appointment_get_client_id (current), NULL);
}

/* Fees left unpaid: when the demo has few, the sessions held in the last weeks (about
 * three hundred at forty a week) are closed again as held, each through the decisions,
 * which gives each its charge. */
static void
add_unpaid_fees (Bench *bench)
{
  SeancesDecisions *decisions = seances_context_get_decisions (bench->context);
  gint64 now = seances_context_get_now (bench->context);
  g_autoptr(GPtrArray) held = NULL;

  if (g_list_model_get_n_items (G_LIST_MODEL (seances_context_get_charges (bench->context))) >= 100)
    return;
  held = seances_appointment_store_list_range (seances_context_get_appointments (bench->context),
                                               now - BENCH_UNPAID_WEEKS * 7 * 86400, now, NULL);
  for (guint i = 0; held != NULL && i < held->len; i++)
    {
      SeancesAppointment *session = g_ptr_array_index (held, i);
      g_autoptr(SeancesDecisionUndo) undo = NULL;
      SeancesPolicyDecision decision;

      if (seances_appointment_get_status (session) == SEANCES_APPOINTMENT_STATUS_HONOURED &&
          seances_decisions_propose (decisions, session, SEANCES_POLICY_OUTCOME_HONOURED, FALSE, 0, &decision, NULL))
        undo = seances_decisions_commit (decisions, session, &decision, 0, NULL);
    }
  printf ("UNPAID_FEES %u\n", g_list_model_get_n_items (G_LIST_MODEL (seances_context_get_charges (bench->context))));
}

static void
build_script (Bench *bench)
{
  /* Part of names, without accents, as people type them. */
  static const char * const words[] = { "mart", "dup", "hel" };
  int keys = 0;

  bench->steps = g_array_new (FALSE, FALSE, sizeof (Step));
  g_array_set_clear_func (bench->steps, step_clear);

  /* Back into the past, week by week (full weeks, never seen yet), then forward again. */
  add_step (bench, STEP_SHOW_AGENDA, SERIES_NONE, 0, NULL);
  add_waits (bench, BENCH_SETTLE_FRAMES);
  for (int i = 0; i < BENCH_ITERATIONS; i++)
    add_step (bench, STEP_WEEK, SERIES_WEEK_SWITCH, -1, NULL);
  for (int i = 0; i < BENCH_ITERATIONS; i++)
    add_step (bench, STEP_WEEK, SERIES_WEEK_SWITCH, 1, NULL);

  add_step (bench, STEP_SHOW_CLIENTS, SERIES_NONE, 0, NULL);
  add_waits (bench, BENCH_SETTLE_FRAMES);
  for (guint i = 0; i < bench->clients->len; i++)
    add_step (bench, STEP_OPEN_CLIENT, SERIES_OPEN_CLIENT, (int) i, NULL);
  /* Each in turn, several times: from another client's page to theirs. */
  for (guint round = 0; round < BENCH_BIG_ROUNDS; round++)
    for (guint i = 0; i < bench->big_clients->len; i++)
      add_step (bench, STEP_OPEN_BIG_CLIENT, SERIES_OPEN_BIG_CLIENT, (int) i, NULL);

  add_step (bench, STEP_FOCUS_SEARCH, SERIES_NONE, 0, NULL);
  add_waits (bench, BENCH_SETTLE_FRAMES);
  for (guint w = 0; keys < BENCH_ITERATIONS; w = (w + 1) % G_N_ELEMENTS (words))
    {
      for (size_t len = 1; len <= strlen (words[w]) && keys < BENCH_ITERATIONS; len++, keys++)
        {
          g_autofree char *typed = g_strndup (words[w], len);

          add_step (bench, STEP_SEARCH, SERIES_SEARCH_KEY, 0, typed);
        }
      add_step (bench, STEP_SEARCH, SERIES_SEARCH_CLEAR, 0, "");
    }

  /* Closing sessions as absences on the agenda of today, each undone before the next. */
  add_step (bench, STEP_SHOW_AGENDA, SERIES_NONE, 0, NULL);
  add_waits (bench, BENCH_SETTLE_FRAMES);
  for (int i = 0; bench->to_review->len > 0 && i < BENCH_ITERATIONS; i++)
    {
      add_step (bench, STEP_CLOSE_ABSENCE, SERIES_CLOSE_ABSENCE, i % bench->to_review->len, NULL);
      add_step (bench, STEP_UNDO, SERIES_NONE, 0, NULL);
    }

  /* From the agenda to « Honoraires dus », and back. */
  add_step (bench, STEP_SHOW_AGENDA, SERIES_NONE, 0, NULL);
  add_waits (bench, BENCH_SETTLE_FRAMES);
  for (int i = 0; i < BENCH_ITERATIONS; i++)
    {
      add_step (bench, STEP_SHOW_FEES, SERIES_OPEN_FEES, 0, NULL);
      add_step (bench, STEP_SHOW_AGENDA, SERIES_NONE, 0, NULL);
    }
  add_waits (bench, 1);
}

static void
run_step (Bench *bench,
          Step  *step)
{
  switch (step->kind)
    {
    case STEP_WAIT:
      break;
    case STEP_SHOW_AGENDA:
      gtk_widget_activate_action (GTK_WIDGET (bench->window), "win.show-agenda", NULL);
      break;
    case STEP_SHOW_CLIENTS:
      gtk_widget_activate_action (GTK_WIDGET (bench->window), "win.show-clients", NULL);
      break;
    case STEP_SHOW_FEES:
      gtk_widget_activate_action (GTK_WIDGET (bench->window), "win.show-fees", NULL);
      break;
    case STEP_FOCUS_SEARCH:
      {
        GtkWidget *focus;

        seances_clients_view_focus_search (bench->clients_view);
        focus = gtk_root_get_focus (GTK_ROOT (bench->window));
        if (focus != NULL && !GTK_IS_SEARCH_ENTRY (focus))
          focus = gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY);
        bench->search = focus != NULL ? GTK_EDITABLE (focus) : NULL;
        if (bench->search == NULL)
          g_printerr ("bench: the clients search entry did not take the focus\n");
      }
      break;
    case STEP_WEEK:
      seances_agenda_view_move (bench->agenda, step->arg);
      break;
    case STEP_OPEN_CLIENT:
      seances_clients_view_open_client (bench->clients_view, g_ptr_array_index (bench->clients, step->arg));
      break;
    case STEP_OPEN_BIG_CLIENT:
      seances_clients_view_open_client (bench->clients_view, g_ptr_array_index (bench->big_clients, step->arg));
      break;
    case STEP_SEARCH:
      if (bench->search != NULL)
        gtk_editable_set_text (bench->search, step->text);
      break;
    case STEP_CLOSE_ABSENCE:
      close_absence (bench, step->arg);
      break;
    case STEP_UNDO:
      if (bench->undo != NULL)
        {
          g_autoptr(GError) error = NULL;

          if (!seances_decisions_undo (seances_context_get_decisions (bench->context), bench->undo, &error))
            g_printerr ("bench: cannot undo: %s\n", error->message);
          g_clear_pointer (&bench->undo, seances_decision_undo_unref);
        }
      break;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
script_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  Bench *bench = user_data;
  Step *step;
  gint64 start, end;

  if (bench->step >= bench->steps->len)
    {
      bench->tick_id = 0;
      print_results (bench);
      quit (bench);
      return G_SOURCE_REMOVE;
    }

  step = &g_array_index (bench->steps, Step, bench->step++);
  start = g_get_monotonic_time ();
  run_step (bench, step);
  end = g_get_monotonic_time ();

  if (step->series != SERIES_NONE && (step->kind != STEP_SEARCH || bench->search != NULL))
    {
      gint64 work = end - start;

      g_array_append_val (bench->work[step->series], work);
      bench->pending = step->series;
      bench->pending_start = start;
    }
  return G_SOURCE_CONTINUE;
}

static void
start_script (Bench *bench)
{
  for (int i = 0; i < N_SERIES; i++)
    {
      bench->work[i] = g_array_new (FALSE, FALSE, sizeof (gint64));
      bench->frame[i] = g_array_new (FALSE, FALSE, sizeof (gint64));
    }
  bench->clients = g_ptr_array_new_with_free_func (g_object_unref);
  bench->big_clients = g_ptr_array_new_with_free_func (g_object_unref);
  pick_clients (bench);
  pick_big_clients (bench);
  add_unpaid_fees (bench);
  pick_to_review (bench);
  build_script (bench);
  bench->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (bench->window), script_tick_cb, bench, NULL);
}

/* Frames ----------------------------------------------------------------------- */

/* A session block of the agenda, laid out: what « the agenda painted » means. */
static gboolean
has_laid_out_session (GtkWidget *widget)
{
  if (gtk_widget_has_css_class (widget, "appointment") && gtk_widget_get_visible (widget) &&
      gtk_widget_get_width (widget) > 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_laid_out_session (child))
      return TRUE;
  return FALSE;
}

static void
paint_cb (GdkFrameClock *clock,
          Bench         *bench)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (bench->window)))
    bench->painted = TRUE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *bench)
{
  gint64 now = g_get_monotonic_time ();

  if (bench->pending != SERIES_NONE)
    {
      gint64 frame = now - bench->pending_start;

      g_array_append_val (bench->frame[bench->pending], frame);
      bench->pending = SERIES_NONE;
    }

  if (!bench->painted)
    return;
  bench->painted = FALSE;

  if (bench->first_frame_mode && !bench->first_done)
    {
      bench->first_done = TRUE;
      printf ("FIRST_FRAME %" G_GINT64_FORMAT "\n", now);
      fflush (stdout);
    }

  if (bench->main_pending)
    {
      bench->main_pending = FALSE;
      if (bench->script_mode)
        {
          start_script (bench);
          return;
        }
      printf ("MAIN_FRAME %" G_GINT64_FORMAT "\n", now);
      fflush (stdout);
      bench->content_pending = TRUE;
    }

  if (bench->content_pending && has_laid_out_session (GTK_WIDGET (bench->agenda)))
    {
      bench->content_pending = FALSE;
      printf ("CONTENT_FRAME %" G_GINT64_FORMAT "\n", now);
      fflush (stdout);
      quit (bench);
    }
  else if (bench->content_pending)
    gtk_widget_queue_draw (GTK_WIDGET (bench->window));
}

static void
connect_clock (Bench *bench)
{
  if (bench->clock != NULL)
    return;
  bench->clock = g_object_ref (gtk_widget_get_frame_clock (GTK_WIDGET (bench->window)));
  g_signal_connect_after (bench->clock, "paint", G_CALLBACK (paint_cb), bench);
  g_signal_connect_after (bench->clock, "after-paint", G_CALLBACK (after_paint_cb), bench);
}

static void
realize_cb (GtkWidget *window,
            Bench     *bench)
{
  connect_clock (bench);
}

/* The window ------------------------------------------------------------------- */

static void
main_shown_cb (SeancesWindow *window,
               Bench         *bench)
{
  SeancesMainView *main_view = seances_window_get_main_view (window);

  if (bench->main_seen)
    return;

  bench->main_seen = TRUE;
  bench->main_pending = TRUE;
  bench->agenda = seances_main_view_get_agenda (main_view);
  bench->clients_view = seances_main_view_get_clients (main_view);
  /* The start is measured to the agenda painted with its sessions; the window opens on
   * « Aujourd'hui », so the agenda is shown at once, before the first frame with it. */
  seances_main_view_show (main_view, "agenda");
  g_set_object (&bench->context, seances_window_get_context (window));
  /* Make sure a frame comes, even if showing the page changed nothing visible. */
  gtk_widget_queue_draw (GTK_WIDGET (window));
}

/* Emitted as the window is made, before it is realized: as soon as the app did before. */
static void
window_added_cb (GtkApplication *application,
                 GtkWindow      *window,
                 gpointer        user_data)
{
  Bench *bench;

  if (!SEANCES_IS_WINDOW (window) || g_object_get_data (G_OBJECT (window), "seances-bench") != NULL)
    return;

  bench = g_new0 (Bench, 1);
  bench->window = window;
  bench->first_frame_mode = env_on ("SEANCES_BENCH_FIRST_FRAME");
  bench->script_mode = env_on ("SEANCES_BENCH_SCRIPT");
  bench->pending = SERIES_NONE;
  g_object_set_data_full (G_OBJECT (window), "seances-bench", bench, bench_free);
  g_signal_connect (window, "main-shown", G_CALLBACK (main_shown_cb), bench);

  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    connect_clock (bench);
  else
    g_signal_connect (window, "realize", G_CALLBACK (realize_cb), bench);
}

/* As src/main.c, with the probes when asked for. */
int
main (int   argc,
      char *argv[])
{
  g_autoptr(SeancesApplication) application = NULL;
  const char *localedir = g_getenv ("SEANCES_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  application = seances_application_new ();
  if (env_on ("SEANCES_BENCH_FIRST_FRAME") || env_on ("SEANCES_BENCH_SCRIPT"))
    g_signal_connect (application, "window-added", G_CALLBACK (window_added_cb), NULL);
  return g_application_run (G_APPLICATION (application), argc, argv);
}
