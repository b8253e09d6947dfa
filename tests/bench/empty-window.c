/* empty-window.c — the baseline of build-aux/bench: an empty AdwApplicationWindow of
 * Séances' default size, with a header bar. On its first painted frame it prints
 * "FIRST_FRAME <µs>" (g_get_monotonic_time ()), then "PEAK_KB <VmHWM>", and quits.
 * With SEANCES_BENCH_FRAMES=1 it then repaints the whole window once per frame, 60
 * times, timed as Séances' actions are (from the tick to the end of that frame's
 * paint), and prints "FRAME_BASELINE <p50> <p95> <max>" in ms before quitting.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <stdio.h>
#include <string.h>

#define FRAMES 60

static gboolean painted;  /* the frame being drawn has a paint phase, window mapped */
static gboolean first_done;
static GArray  *frames;    /* gint64 µs, in frames mode */
static gint64   frame_start;

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
paint_cb (GdkFrameClock *clock,
          GtkWidget     *window)
{
  if (gtk_widget_get_mapped (window))
    painted = TRUE;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static double
ms_at (GArray *sorted,
       double  p)
{
  guint rank = (guint) (p / 100.0 * sorted->len + 0.999999);

  rank = CLAMP (rank, 1, sorted->len);
  return g_array_index (sorted, gint64, rank - 1) / 1000.0;
}

static void
finish (GtkWidget *window)
{
  if (frames != NULL)
    {
      char p50[G_ASCII_DTOSTR_BUF_SIZE], p95[G_ASCII_DTOSTR_BUF_SIZE], max[G_ASCII_DTOSTR_BUF_SIZE];

      g_array_sort (frames, compare_gint64);
      printf ("FRAME_BASELINE %s %s %s\n", g_ascii_formatd (p50, sizeof p50, "%.2f", ms_at (frames, 50)),
              g_ascii_formatd (p95, sizeof p95, "%.2f", ms_at (frames, 95)),
              g_ascii_formatd (max, sizeof max, "%.2f", ms_at (frames, 100)));
    }
  printf ("PEAK_KB %ld\n", peak_kb ());
  fflush (stdout);
  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));
}

/* A full repaint: what every frame of an action costs at the least on this renderer. */
static gboolean
tick_cb (GtkWidget     *window,
         GdkFrameClock *clock,
         gpointer       data)
{
  frame_start = g_get_monotonic_time ();
  gtk_widget_queue_draw (window);
  return G_SOURCE_CONTINUE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWidget     *window)
{
  gint64 now = g_get_monotonic_time ();

  if (!painted)
    return;
  painted = FALSE;

  if (!first_done)
    {
      first_done = TRUE;
      printf ("FIRST_FRAME %" G_GINT64_FORMAT "\n", now);
      if (g_strcmp0 (g_getenv ("SEANCES_BENCH_FRAMES"), "1") != 0)
        {
          g_signal_handlers_disconnect_by_data (clock, window);
          finish (window);
          return;
        }
      frames = g_array_new (FALSE, FALSE, sizeof (gint64));
      gtk_widget_add_tick_callback (window, tick_cb, NULL, NULL);
      return;
    }

  if (frame_start != 0)
    {
      gint64 frame = now - frame_start;

      g_array_append_val (frames, frame);
      frame_start = 0;
    }
  if (frames->len == FRAMES)
    {
      g_signal_handlers_disconnect_by_data (clock, window);
      finish (window);
    }
}

static void
realize_cb (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect_after (clock, "paint", G_CALLBACK (paint_cb), window);
  g_signal_connect_after (clock, "after-paint", G_CALLBACK (after_paint_cb), window);
}

static void
activate_cb (GApplication *application)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (application));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), "Bench");
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  g_autoptr(AdwApplication) application =
    adw_application_new ("io.github.seances.Bench", G_APPLICATION_NON_UNIQUE);

  g_signal_connect (application, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (application), argc, argv);
}
