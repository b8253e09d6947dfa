/* seances-ui-test.h — waiting on a real window under Xvfb, for the GTK test programs
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

static inline gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @condition holds, and fails the test after five seconds. */
#define wait_until(condition) \
  G_STMT_START { \
    gint64 deadline_ = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND; \
    guint wake_ = g_timeout_add (10, wake_cb, NULL); \
    while (!(condition)) \
      { \
        if (g_get_monotonic_time () > deadline_) \
          g_error ("Still waiting, after five seconds, for %s", #condition); \
        g_main_context_iteration (NULL, TRUE); \
      } \
    g_source_remove (wake_); \
  } G_STMT_END

static inline void
count_cb (GdkFrameClock *clock,
          guint         *count)
{
  (*count)++;
}

/* Until @widget's window has painted a frame: what was changed before is laid out. */
static inline void
wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock;
  guint painted = 0;
  gulong id;

  wait_until (gtk_widget_get_mapped (widget));
  clock = gtk_widget_get_frame_clock (widget);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (count_cb), &painted);
  gtk_widget_queue_draw (widget);
  wait_until (painted > 0);
  g_signal_handler_disconnect (clock, id);
}
