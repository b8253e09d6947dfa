/* seances-week-grid.c — the hours of one or more days, with sessions laid on them
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A plain widget rather than a GtkGrid: sessions start at any minute and the rows are
 * drawn, not made of widgets, so a week with forty sessions costs forty children. */
#include "config.h"

#include "seances-week-grid.h"

#include <glib/gi18n.h>

#define GUTTER_WIDTH 56
#define HOUR_HEIGHT  56
#define MIN_DAY_WIDTH 72
#define BLOCK_MARGIN 2

typedef struct
{
  GtkWidget *widget;
  int        day;
  double     start_hour;
  double     end_hour;
  int        lane;     /* side by side with the sessions it overlaps, as GNOME Calendar does */
  int        n_lanes;
} Block;

struct _SeancesWeekGrid
{
  GtkWidget  parent_instance;

  GDateTime *first_day;
  int        n_days;
  int        today_index;  /* -1 when today is not shown */
  double     now_hour;
  int        opening_hour;
  int        closing_hour;
  int        first_hour;   /* shown: the opening hours, widened to hold every session */
  int        last_hour;
  GArray    *blocks;
};

G_DEFINE_FINAL_TYPE (SeancesWeekGrid, seances_week_grid, GTK_TYPE_WIDGET)

enum {
  SLOT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static int
compare_blocks (gconstpointer a,
                gconstpointer b)
{
  const Block *x = *(Block * const *) a;
  const Block *y = *(Block * const *) b;

  if (x->day != y->day)
    return x->day < y->day ? -1 : 1;
  if (x->start_hour != y->start_hour)
    return x->start_hour < y->start_hour ? -1 : 1;
  return (x->end_hour > y->end_hour) - (x->end_hour < y->end_hour);
}

/* Sessions booked over one another share their cluster's width: each takes the first
 * lane free at its start, and every block of a cluster is as wide as its widest row. */
static void
lay_out_lanes (SeancesWeekGrid *self)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_sized_new (self->blocks->len);
  g_autoptr(GArray) lane_ends = g_array_new (FALSE, FALSE, sizeof (double));
  guint cluster_start = 0;
  double cluster_end = -1;
  int cluster_day = -1;

  for (guint i = 0; i < self->blocks->len; i++)
    g_ptr_array_add (sorted, &g_array_index (self->blocks, Block, i));
  g_ptr_array_sort (sorted, compare_blocks);

  for (guint i = 0; i <= sorted->len; i++)
    {
      Block *block = i < sorted->len ? g_ptr_array_index (sorted, i) : NULL;
      int lane;

      if (block == NULL || block->day != cluster_day || block->start_hour >= cluster_end)
        {
          for (guint j = cluster_start; j < i; j++)
            ((Block *) g_ptr_array_index (sorted, j))->n_lanes = (int) lane_ends->len;
          if (block == NULL)
            break;
          g_array_set_size (lane_ends, 0);
          cluster_start = i;
          cluster_day = block->day;
          cluster_end = block->end_hour;
        }

      for (lane = 0; lane < (int) lane_ends->len; lane++)
        if (g_array_index (lane_ends, double, lane) <= block->start_hour)
          break;
      if (lane == (int) lane_ends->len)
        g_array_append_val (lane_ends, block->end_hour);
      else
        g_array_index (lane_ends, double, lane) = block->end_hour;
      block->lane = lane;
      cluster_end = MAX (cluster_end, block->end_hour);
    }
}

static void
update_range (SeancesWeekGrid *self)
{
  self->first_hour = self->opening_hour;
  self->last_hour = self->closing_hour;

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);

      self->first_hour = MIN (self->first_hour, (int) block->start_hour);
      self->last_hour = MAX (self->last_hour, (int) (block->end_hour + 0.999));
    }
  lay_out_lanes (self);
  self->first_hour = CLAMP (self->first_hour, 0, 23);
  self->last_hour = CLAMP (self->last_hour, self->first_hour + 1, 24);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static double
day_width (SeancesWeekGrid *self,
           int              width)
{
  return (double) (width - GUTTER_WIDTH) / MAX (self->n_days, 1);
}

int
seances_week_grid_get_hour_top (SeancesWeekGrid *self,
                                double           hour)
{
  g_return_val_if_fail (SEANCES_IS_WEEK_GRID (self), 0);
  return (int) ((hour - self->first_hour) * HOUR_HEIGHT);
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            SeancesWeekGrid *self)
{
  g_autoptr(GDateTime) day = NULL;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int index;
  int minutes;

  if (self->first_day == NULL || x < GUTTER_WIDTH)
    return;

  index = (int) ((x - GUTTER_WIDTH) / day_width (self, width));
  if (index < 0 || index >= self->n_days)
    return;

  /* The half hour under the pointer: a session rarely starts at a quarter past. */
  minutes = self->first_hour * 60 + (int) (y / HOUR_HEIGHT * 60);
  minutes -= minutes % 30;
  if (minutes >= 24 * 60)
    return;

  day = g_date_time_add_days (self->first_day, index);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  g_signal_emit (self, signals[SLOT_ACTIVATED], 0,
                 g_date_time_get_year (day), g_date_time_get_month (day),
                 g_date_time_get_day_of_month (day), minutes / 60, minutes % 60);
}

static void
seances_week_grid_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  SeancesWeekGrid *self = SEANCES_WEEK_GRID (widget);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      int child_min, child_nat;

      /* Children must be measured before they are allocated. */
      gtk_widget_measure (g_array_index (self->blocks, Block, i).widget, orientation, -1,
                          &child_min, &child_nat, NULL, NULL);
    }

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = GUTTER_WIDTH + MAX (self->n_days, 1) * MIN_DAY_WIDTH;
  else
    *minimum = *natural = (self->last_hour - self->first_hour) * HOUR_HEIGHT + 1;
}

static void
seances_week_grid_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  SeancesWeekGrid *self = SEANCES_WEEK_GRID (widget);
  double column = day_width (self, width);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);
      int top = seances_week_grid_get_hour_top (self, block->start_hour);
      int bottom = seances_week_grid_get_hour_top (self, block->end_hour);
      double lane_width = column / MAX (block->n_lanes, 1);
      GtkAllocation allocation = {
        .x = GUTTER_WIDTH + (int) (block->day * column + block->lane * lane_width) + BLOCK_MARGIN,
        .y = top + 1,
        .width = MAX ((int) lane_width - 2 * BLOCK_MARGIN, 1),
        .height = MAX (bottom - top - 2, 12),
      };

      gtk_widget_size_allocate (block->widget, &allocation, -1);
    }
}

static void
append_line (GtkSnapshot   *snapshot,
             const GdkRGBA *color,
             float          x,
             float          y,
             float          width,
             float          height)
{
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, width, height));
}

/* The colours are named in style.css, after libadwaita's own, so that the grid follows the
 * dark and high-contrast styles as the widgets around it do. */
static void
lookup_color (GtkStyleContext *context,
              const char      *name,
              GdkRGBA         *color)
{
  if (gtk_style_context_lookup_color (context, name, color))
    return;
  g_warning_once ("The style names no colour %s: is the application's style.css loaded?", name);
  *color = (GdkRGBA) { 0, 0, 0, 0 };
}

static void
seances_week_grid_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  SeancesWeekGrid *self = SEANCES_WEEK_GRID (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double column = day_width (self, width);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  GdkRGBA line, faint, label, today, now;

  /* GTK 4.10 deprecates GtkStyleContext; 4.8 has no other way to read a named colour. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  lookup_color (context, "agenda_hour_line_color", &line);
  lookup_color (context, "agenda_half_hour_line_color", &faint);
  lookup_color (context, "agenda_hour_label_color", &label);
  lookup_color (context, "agenda_today_color", &today);
  lookup_color (context, "agenda_now_color", &now);
  G_GNUC_END_IGNORE_DEPRECATIONS

  if (self->today_index >= 0)
    append_line (snapshot, &today, GUTTER_WIDTH + self->today_index * column, 0, column, height);

  for (int hour = self->first_hour; hour <= self->last_hour; hour++)
    {
      int y = seances_week_grid_get_hour_top (self, hour);
      g_autofree char *text = NULL;
      PangoLayout *layout;
      int text_width, text_height;

      append_line (snapshot, &line, GUTTER_WIDTH, y, width - GUTTER_WIDTH, 1);
      if (hour < self->last_hour)
        append_line (snapshot, &faint, GUTTER_WIDTH, y + HOUR_HEIGHT / 2, width - GUTTER_WIDTH, 1);
      if (hour == self->last_hour)
        continue;

      /* Translators: an hour in the agenda's margin, e.g. « 14 h » */
      text = g_strdup_printf (_("%d h"), hour);
      layout = gtk_widget_create_pango_layout (widget, text);
      pango_layout_get_pixel_size (layout, &text_width, &text_height);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (GUTTER_WIDTH - 8 - text_width, y + 2));
      gtk_snapshot_append_layout (snapshot, layout, &label);
      gtk_snapshot_restore (snapshot);
      g_object_unref (layout);
    }

  for (int day = 0; day <= self->n_days; day++)
    append_line (snapshot, &line, GUTTER_WIDTH + (int) (day * column), 0, 1, height);

  for (guint i = 0; i < self->blocks->len; i++)
    gtk_widget_snapshot_child (widget, g_array_index (self->blocks, Block, i).widget, snapshot);

  /* Over the blocks: a session in progress must not hide the time. */
  if (self->today_index >= 0 && self->now_hour >= self->first_hour && self->now_hour <= self->last_hour)
    append_line (snapshot, &now, GUTTER_WIDTH + self->today_index * column,
                 seances_week_grid_get_hour_top (self, self->now_hour), column, 2);
}

/* A change of style may change the named colours without changing the grid's own. */
static void
seances_week_grid_css_changed (GtkWidget         *widget,
                               GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (seances_week_grid_parent_class)->css_changed (widget, change);
  gtk_widget_queue_draw (widget);
}

static void
seances_week_grid_dispose (GObject *object)
{
  SeancesWeekGrid *self = (SeancesWeekGrid *)object;
  GtkWidget *child;

  g_array_set_size (self->blocks, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (seances_week_grid_parent_class)->dispose (object);
}

static void
seances_week_grid_finalize (GObject *object)
{
  SeancesWeekGrid *self = (SeancesWeekGrid *)object;

  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_pointer (&self->first_day, g_date_time_unref);
  G_OBJECT_CLASS (seances_week_grid_parent_class)->finalize (object);
}

static void
seances_week_grid_class_init (SeancesWeekGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = seances_week_grid_dispose;
  object_class->finalize = seances_week_grid_finalize;
  widget_class->measure = seances_week_grid_measure;
  widget_class->size_allocate = seances_week_grid_size_allocate;
  widget_class->snapshot = seances_week_grid_snapshot;
  widget_class->css_changed = seances_week_grid_css_changed;

  /* year, month, day, hour, minute: a free half hour the user clicked, in local time */
  signals[SLOT_ACTIVATED] =
    g_signal_new ("slot-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 5,
                  G_TYPE_INT, G_TYPE_INT, G_TYPE_INT, G_TYPE_INT, G_TYPE_INT);

  gtk_widget_class_set_css_name (widget_class, "weekgrid");
}

static void
seances_week_grid_init (SeancesWeekGrid *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  self->n_days = 7;
  self->today_index = -1;
  self->opening_hour = self->first_hour = 8;
  self->closing_hour = self->last_hour = 20;

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

GtkWidget *
seances_week_grid_new (void)
{
  return g_object_new (SEANCES_TYPE_WEEK_GRID, NULL);
}

/* @first_day is local midnight of the first day shown; @now_hour the local hour of now. */
void
seances_week_grid_set_days (SeancesWeekGrid *self,
                            GDateTime       *first_day,
                            int              n_days,
                            int              today_index,
                            double           now_hour)
{
  g_return_if_fail (SEANCES_IS_WEEK_GRID (self));
  g_return_if_fail (first_day != NULL);
  g_return_if_fail (n_days >= 1 && n_days <= 7);

  g_clear_pointer (&self->first_day, g_date_time_unref);
  self->first_day = g_date_time_ref (first_day);
  self->n_days = n_days;
  self->today_index = today_index;
  self->now_hour = now_hour;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
seances_week_grid_set_hours (SeancesWeekGrid *self,
                             int              opening_hour,
                             int              closing_hour)
{
  g_return_if_fail (SEANCES_IS_WEEK_GRID (self));

  self->opening_hour = opening_hour;
  self->closing_hour = closing_hour;
  update_range (self);
}

/* Blocks stay children of the grid, hidden (and so out of the accessibility tree),
 * until they are placed again: moving a widget in and out of the tree restyles it,
 * which costs more than hiding it. */
void
seances_week_grid_clear_blocks (SeancesWeekGrid *self)
{
  g_return_if_fail (SEANCES_IS_WEEK_GRID (self));

  for (guint i = 0; i < self->blocks->len; i++)
    gtk_widget_set_visible (g_array_index (self->blocks, Block, i).widget, FALSE);
  g_array_set_size (self->blocks, 0);
  update_range (self);
}

void
seances_week_grid_add_block (SeancesWeekGrid *self,
                             GtkWidget       *widget,
                             int              day,
                             double           start_hour,
                             double           end_hour)
{
  Block block = { widget, day, start_hour, end_hour, 0, 1 };

  g_return_if_fail (SEANCES_IS_WEEK_GRID (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (gtk_widget_get_parent (widget) != GTK_WIDGET (self))
    gtk_widget_set_parent (widget, GTK_WIDGET (self));
  gtk_widget_set_visible (widget, TRUE);
  g_array_append_val (self->blocks, block);
  update_range (self);
}
