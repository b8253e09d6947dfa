/* seances-client-list.c — the clients as a scrolling list that builds only the rows in view
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GtkListView in GTK 4.8 keeps up to two hundred rows around its anchor: a search keystroke
 * that changes them all creates, styles and shapes a hundred new rows, tens of milliseconds
 * (build-aux/bench). Here every row has the same height, so the scroll position alone says
 * which rows show; a pool of as many rows as fit in view is rebound as the list scrolls or
 * changes, and a keystroke costs the text of a dozen labels.
 *
 * The list filters the context's client store through a model of its own, so that its
 * search never makes another view of the clients reload. */
#include "config.h"

#include "seances-client-list.h"

#include <glib/gi18n.h>
#include <math.h>

#include "seances-client.h"
#include "seances-client-labels.h"

#define NO_POSITION G_MAXUINT

typedef struct
{
  SeancesClientList *list;
  GtkWidget         *widget;    /* the button, a child of the list */
  GtkLabel          *name;
  GtkLabel          *contact;
  GtkWidget         *archived;
  SeancesClient     *client;    /* kept while the row is free: bound again, it may not change */
  gulong             notify_id;
  guint              position;  /* NO_POSITION while free, then hidden */
} Row;

struct _SeancesClientList
{
  GtkWidget          parent_instance;

  SeancesContext    *context;
  GListModel        *model;           /* a SeancesClientFilterModel of the context's clients */
  gulong             items_changed_id;
  GtkAdjustment     *hadjustment;
  GtkAdjustment     *vadjustment;
  gulong             value_changed_id;
  GtkScrollablePolicy hscroll_policy;
  GtkScrollablePolicy vscroll_policy;

  GPtrArray         *rows;            /* Row, owned */
  int                row_height;      /* 0 until a row was measured */
  int                viewport_height;
  guint              cursor;          /* the row focused last, where the focus comes back to */
  gboolean           allocating;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (SeancesClientList, seances_client_list, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_MODEL,
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
  N_PROPS
};

enum {
  ACTIVATE,
  N_SIGNALS
};

typedef enum
{
  MOVE_ROWS,
  MOVE_PAGES,
  MOVE_TO_END,
} MoveUnit;

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static guint
get_n_items (SeancesClientList *self)
{
  /* NULL once disposed. */
  return self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
}

static Row *
find_row (SeancesClientList *self,
          guint              position)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      if (row->position == position)
        return row;
    }
  return NULL;
}

static Row *
find_focused_row (SeancesClientList *self)
{
  GtkWidget *focus = gtk_widget_get_focus_child (GTK_WIDGET (self));

  for (guint i = 0; focus != NULL && i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      if (row->widget == focus)
        return row;
    }
  return NULL;
}

static void
show_client (Row *row)
{
  SeancesClient *client = row->client;
  const char *name = seances_client_get_display_name (client);
  g_autofree char *line = seances_client_contact_line (seances_client_get_phone (client),
                                                       seances_client_get_email (client));

  gtk_label_set_text (row->name, name);
  gtk_label_set_text (row->contact, line);
  gtk_widget_set_visible (row->archived, !seances_client_is_active (client));
  /* What AT-SPI finds the row by; the button's labels do not name it in GTK 4.8. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

static void
client_notified_cb (SeancesClient *client,
                    GParamSpec    *pspec,
                    Row           *row)
{
  /* An edit that keeps the row in place changes the client, not the list. */
  show_client (row);
}

static void
row_clicked_cb (GtkButton *button,
                Row       *row)
{
  if (row->position != NO_POSITION)
    g_signal_emit (row->list, signals[ACTIVATE], 0, row->position);
}

/* Rows are built in code: a template would be parsed again for each. */
static Row *
add_row (SeancesClientList *self)
{
  Row *row = g_new0 (Row, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *contact = gtk_label_new (NULL);
  GtkWidget *archived = gtk_label_new (C_("client status", "Archived"));

  gtk_widget_set_hexpand (text, TRUE);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (contact), 0);
  gtk_label_set_ellipsize (GTK_LABEL (contact), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (contact, "caption");
  gtk_widget_add_css_class (contact, "dim-label");
  gtk_widget_set_valign (archived, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (archived, "caption-heading");
  gtk_widget_add_css_class (archived, "dim-label");
  gtk_box_append (GTK_BOX (text), name);
  gtk_box_append (GTK_BOX (text), contact);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), archived);

  row->list = self;
  row->position = NO_POSITION;
  row->name = GTK_LABEL (name);
  row->contact = GTK_LABEL (contact);
  row->archived = archived;
  /* A list item that acts as a button: in the list, as GtkListView's rows. */
  row->widget = g_object_new (GTK_TYPE_BUTTON,
                              "accessible-role", GTK_ACCESSIBLE_ROLE_LIST_ITEM,
                              NULL);
  gtk_widget_add_css_class (row->widget, "flat");
  gtk_button_set_child (GTK_BUTTON (row->widget), box);
  g_signal_connect (row->widget, "clicked", G_CALLBACK (row_clicked_cb), row);
  gtk_widget_set_parent (row->widget, GTK_WIDGET (self));
  g_ptr_array_add (self->rows, row);
  return row;
}

static void
free_row (gpointer data)
{
  Row *row = data;

  g_clear_signal_handler (&row->notify_id, row->client);
  g_clear_object (&row->client);
  gtk_widget_unparent (row->widget);
  g_free (row);
}

static void
bind_row (Row   *row,
          guint  position)
{
  g_autoptr(SeancesClient) client = g_list_model_get_item (row->list->model, position);

  row->position = position;
  if (client == row->client)
    return;

  g_clear_signal_handler (&row->notify_id, row->client);
  g_set_object (&row->client, client);
  row->notify_id = g_signal_connect (client, "notify", G_CALLBACK (client_notified_cb), row);
  show_client (row);
}

/* A free row; the focused one first, so that the focus stays on a visible row. */
static Row *
take_free_row (SeancesClientList *self)
{
  GtkWidget *focus = gtk_widget_get_focus_child (GTK_WIDGET (self));
  Row *found = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      if (row->position != NO_POSITION)
        continue;
      if (row->widget == focus)
        return row;
      if (found == NULL)
        found = row;
    }
  return found != NULL ? found : add_row (self);
}

/* The positions in view, [first, last): the rows partly shown too. */
static void
get_range (SeancesClientList *self,
           guint             *first,
           guint             *last)
{
  guint n_items = get_n_items (self);
  double value = MAX (gtk_adjustment_get_value (self->vadjustment), 0);

  /* Until a row was measured, one row, to measure it. */
  if (self->row_height <= 0)
    {
      *first = 0;
      *last = MIN (n_items, 1);
      return;
    }
  *first = (guint) MIN (floor (value / self->row_height), n_items);
  *last = (guint) MIN (ceil ((value + self->viewport_height) / self->row_height), n_items);
}

/* Binds a row to each position in view, taking the rows that left it. The focused row
 * keeps its client even out of view, as in GtkListView, so that the focus does not jump
 * to another client while scrolling. */
static void
update_rows (SeancesClientList *self)
{
  GtkWidget *focus = gtk_widget_get_focus_child (GTK_WIDGET (self));
  GtkWidget *previous = NULL;
  guint first, last;

  get_range (self, &first, &last);
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      if (row->position != NO_POSITION && row->widget != focus &&
          (row->position < first || row->position >= last))
        row->position = NO_POSITION;
    }

  for (guint position = first; position < last; position++)
    {
      Row *row = find_row (self, position);

      if (row == NULL)
        {
          row = take_free_row (self);
          bind_row (row, position);
        }
      /* Children in the order shown: screen readers follow it. */
      if (gtk_widget_get_prev_sibling (row->widget) != previous)
        gtk_widget_insert_after (row->widget, GTK_WIDGET (self), previous);
      previous = row->widget;
    }

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      gtk_widget_set_visible (row->widget, row->position != NO_POSITION);
    }
}

/* Clamps @value too, when the list got shorter. */
static void
configure_vadjustment (SeancesClientList *self,
                       double             value)
{
  double page = self->viewport_height;
  double upper = MAX ((double) get_n_items (self) * self->row_height, page);

  gtk_adjustment_configure (self->vadjustment, value, 0, upper, self->row_height, page * 0.9, page);
}

/* The rows' height: a row shows two lines whatever the client, so one measured row says
 * it. Measured at each allocation (GTK caches it), to follow a change of font. */
static int
measure_row_height (SeancesClientList *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      int height;

      if (row->position == NO_POSITION)
        continue;
      gtk_widget_measure (row->widget, GTK_ORIENTATION_VERTICAL, -1, &height, NULL, NULL, NULL);
      return height;
    }
  return self->row_height;
}

static void
scroll_to (SeancesClientList *self,
           guint              position)
{
  double top = (double) position * self->row_height;
  double value = gtk_adjustment_get_value (self->vadjustment);
  double page = gtk_adjustment_get_page_size (self->vadjustment);

  if (top < value)
    gtk_adjustment_set_value (self->vadjustment, top);
  else if (top + self->row_height > value + page)
    gtk_adjustment_set_value (self->vadjustment, top + self->row_height - page);
}

static gboolean
focus_position (SeancesClientList *self,
                guint              position)
{
  Row *row;
  gboolean focused;

  scroll_to (self, position);
  update_rows (self);
  row = find_row (self, position);
  focused = row != NULL && gtk_widget_grab_focus (row->widget);
  /* Releases the row that had the focus, now perhaps out of view. */
  update_rows (self);
  return focused;
}

/* Focus coming into the list: back to the row focused last if still in view, else to
 * the first row fully shown. */
static gboolean
focus_cursor (SeancesClientList *self)
{
  guint first, last;

  get_range (self, &first, &last);
  if (first == last)
    return FALSE;
  if (self->cursor < first || self->cursor >= last)
    {
      double value = gtk_adjustment_get_value (self->vadjustment);

      self->cursor = (double) first * self->row_height < value ? MIN (first + 1, last - 1) : first;
    }
  return focus_position (self, self->cursor);
}

static gboolean
move_focus_binding (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  SeancesClientList *self = SEANCES_CLIENT_LIST (widget);
  Row *row = find_focused_row (self);
  guint n_items = get_n_items (self);
  int unit, amount;
  gint64 target;

  if (row == NULL || row->position == NO_POSITION || n_items == 0 || self->row_height <= 0)
    return FALSE;

  g_variant_get (args, "(ii)", &unit, &amount);
  switch (unit)
    {
    case MOVE_ROWS:
      target = (gint64) row->position + amount;
      break;
    case MOVE_PAGES:
      target = (gint64) row->position + amount * MAX (self->viewport_height / self->row_height - 1, 1);
      break;
    case MOVE_TO_END:
      target = amount < 0 ? 0 : n_items - 1;
      break;
    default:
      g_assert_not_reached ();
    }
  focus_position (self, (guint) CLAMP (target, 0, (gint64) n_items - 1));
  return TRUE;
}

static void
items_changed_cb (SeancesClientList *self,
                  guint              position,
                  guint              removed,
                  guint              added,
                  GListModel        *model)
{
  double value;

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      if (row->position == NO_POSITION || row->position < position)
        continue;
      if (row->position >= position + removed)
        row->position = row->position - removed + added;
      else
        row->position = NO_POSITION;
    }
  if (self->cursor >= position + removed)
    self->cursor = self->cursor - removed + added;
  else if (self->cursor >= position)
    self->cursor = position;

  /* The top row stays in place, as GtkListView's anchor; when it went, the change's first
   * row takes its place: a new search shows its first results. */
  value = gtk_adjustment_get_value (self->vadjustment);
  if (self->row_height > 0)
    {
      guint top = (guint) (value / self->row_height);

      if (top >= position + removed)
        value += ((double) added - removed) * self->row_height;
      else if (top >= position)
        value = (double) position * self->row_height;
    }
  configure_vadjustment (self, value);
  update_rows (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
value_changed_cb (SeancesClientList *self)
{
  /* During an allocation, size_allocate places the rows itself. */
  if (self->allocating)
    return;
  update_rows (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
set_adjustment (SeancesClientList *self,
                GtkOrientation     orientation,
                GtkAdjustment     *adjustment)
{
  gboolean vertical = orientation == GTK_ORIENTATION_VERTICAL;
  GtkAdjustment **slot = vertical ? &self->vadjustment : &self->hadjustment;

  if (adjustment != NULL && adjustment == *slot)
    return;
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);

  if (vertical)
    g_clear_signal_handler (&self->value_changed_id, self->vadjustment);
  g_clear_object (slot);
  *slot = g_object_ref_sink (adjustment);
  if (vertical)
    self->value_changed_id = g_signal_connect_swapped (adjustment, "value-changed",
                                                       G_CALLBACK (value_changed_cb), self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[vertical ? PROP_VADJUSTMENT : PROP_HADJUSTMENT]);
}

static void
set_scroll_policy (SeancesClientList   *self,
                   guint                prop_id,
                   GtkScrollablePolicy  policy)
{
  GtkScrollablePolicy *slot = prop_id == PROP_VSCROLL_POLICY ? &self->vscroll_policy : &self->hscroll_policy;

  if (*slot == policy)
    return;
  *slot = policy;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
seances_client_list_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  SeancesClientList *self = SEANCES_CLIENT_LIST (widget);

  *minimum = *natural = 0;
  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      /* The whole list, as GtkListView: the scrolled window compares it with its height
       * to show the scrollbar. */
      *minimum = *natural = (int) MIN ((gint64) get_n_items (self) * self->row_height, G_MAXINT);
      return;
    }

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      int row_minimum, row_natural;

      if (row->position == NO_POSITION)
        continue;
      gtk_widget_measure (row->widget, orientation, -1, &row_minimum, &row_natural, NULL, NULL);
      *minimum = MAX (*minimum, row_minimum);
      *natural = MAX (*natural, row_natural);
    }
}

static void
seances_client_list_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  SeancesClientList *self = SEANCES_CLIENT_LIST (widget);
  double value;

  self->allocating = TRUE;
  self->viewport_height = height;
  if (self->row_height <= 0)
    update_rows (self);
  self->row_height = measure_row_height (self);
  configure_vadjustment (self, gtk_adjustment_get_value (self->vadjustment));
  gtk_adjustment_configure (self->hadjustment, 0, 0, width, width * 0.1, width * 0.9, width);
  /* The rows bound in the callbacks, unless the height or the rows' size changed. */
  update_rows (self);

  value = floor (gtk_adjustment_get_value (self->vadjustment));
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      GtkAllocation allocation;

      if (row->position == NO_POSITION)
        continue;
      allocation = (GtkAllocation) {
        .x = 0,
        .y = (int) ((double) row->position * self->row_height - value),
        .width = width,
        .height = self->row_height,
      };
      gtk_widget_measure (row->widget, GTK_ORIENTATION_VERTICAL, width, NULL, NULL, NULL, NULL);
      gtk_widget_size_allocate (row->widget, &allocation, -1);
    }
  self->allocating = FALSE;
}

static void
seances_client_list_set_focus_child (GtkWidget *widget,
                                     GtkWidget *child)
{
  SeancesClientList *self = SEANCES_CLIENT_LIST (widget);
  Row *row;

  GTK_WIDGET_CLASS (seances_client_list_parent_class)->set_focus_child (widget, child);
  row = find_focused_row (self);
  if (row != NULL && row->position != NO_POSITION)
    self->cursor = row->position;
}

/* Tab goes past the list, not from row to row: the arrows do that. */
static gboolean
seances_client_list_focus (GtkWidget        *widget,
                           GtkDirectionType  direction)
{
  SeancesClientList *self = SEANCES_CLIENT_LIST (widget);

  if (gtk_widget_get_focus_child (widget) != NULL)
    return FALSE;
  return focus_cursor (self);
}

static gboolean
seances_client_list_grab_focus (GtkWidget *widget)
{
  return focus_cursor (SEANCES_CLIENT_LIST (widget));
}

static void
seances_client_list_constructed (GObject *object)
{
  SeancesClientList *self = (SeancesClientList *)object;

  G_OBJECT_CLASS (seances_client_list_parent_class)->constructed (object);

  self->model = G_LIST_MODEL (seances_client_filter_model_new (seances_context_get_clients (self->context)));
  self->items_changed_id = g_signal_connect_swapped (self->model, "items-changed",
                                                     G_CALLBACK (items_changed_cb), self);
  items_changed_cb (self, 0, 0, get_n_items (self), self->model);
}

static void
seances_client_list_dispose (GObject *object)
{
  SeancesClientList *self = (SeancesClientList *)object;

  g_clear_signal_handler (&self->items_changed_id, self->model);
  g_clear_object (&self->model);
  g_clear_object (&self->context);
  g_clear_signal_handler (&self->value_changed_id, self->vadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_object (&self->hadjustment);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (seances_client_list_parent_class)->dispose (object);
}

static void
seances_client_list_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SeancesClientList *self = SEANCES_CLIENT_LIST (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
seances_client_list_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SeancesClientList *self = SEANCES_CLIENT_LIST (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, GTK_ORIENTATION_HORIZONTAL, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, GTK_ORIENTATION_VERTICAL, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
    case PROP_VSCROLL_POLICY:
      set_scroll_policy (self, prop_id, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_move_bindings (GtkWidgetClass *widget_class,
                   guint           keyval,
                   guint           keypad_keyval,
                   MoveUnit        unit,
                   int             amount)
{
  gtk_widget_class_add_binding (widget_class, keyval, 0, move_focus_binding, "(ii)", unit, amount);
  gtk_widget_class_add_binding (widget_class, keypad_keyval, 0, move_focus_binding, "(ii)", unit, amount);
}

static void
seances_client_list_class_init (SeancesClientListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = seances_client_list_constructed;
  object_class->dispose = seances_client_list_dispose;
  object_class->get_property = seances_client_list_get_property;
  object_class->set_property = seances_client_list_set_property;
  widget_class->measure = seances_client_list_measure;
  widget_class->size_allocate = seances_client_list_size_allocate;
  widget_class->set_focus_child = seances_client_list_set_focus_child;
  widget_class->focus = seances_client_list_focus;
  widget_class->grab_focus = seances_client_list_grab_focus;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SEANCES_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* What the list shows: set its filter and search to choose. */
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, SEANCES_TYPE_CLIENT_FILTER_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, PROP_CONTEXT, properties[PROP_CONTEXT]);
  g_object_class_install_property (object_class, PROP_MODEL, properties[PROP_MODEL]);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");
  properties[PROP_HADJUSTMENT] = g_object_class_find_property (object_class, "hadjustment");
  properties[PROP_VADJUSTMENT] = g_object_class_find_property (object_class, "vadjustment");
  properties[PROP_HSCROLL_POLICY] = g_object_class_find_property (object_class, "hscroll-policy");
  properties[PROP_VSCROLL_POLICY] = g_object_class_find_property (object_class, "vscroll-policy");

  /**
   * SeancesClientList::activate:
   * @position: the row's position in the model
   *
   * A row was clicked, or activated with Enter or Space.
   */
  signals[ACTIVATE] =
    g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  add_move_bindings (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, MOVE_ROWS, -1);
  add_move_bindings (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, MOVE_ROWS, 1);
  add_move_bindings (widget_class, GDK_KEY_Page_Up, GDK_KEY_KP_Page_Up, MOVE_PAGES, -1);
  add_move_bindings (widget_class, GDK_KEY_Page_Down, GDK_KEY_KP_Page_Down, MOVE_PAGES, 1);
  add_move_bindings (widget_class, GDK_KEY_Home, GDK_KEY_KP_Home, MOVE_TO_END, -1);
  add_move_bindings (widget_class, GDK_KEY_End, GDK_KEY_KP_End, MOVE_TO_END, 1);

  gtk_widget_class_set_css_name (widget_class, "clientlist");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST);
}

static void
seances_client_list_init (SeancesClientList *self)
{
  self->rows = g_ptr_array_new_with_free_func (free_row);
  set_adjustment (self, GTK_ORIENTATION_HORIZONTAL, NULL);
  set_adjustment (self, GTK_ORIENTATION_VERTICAL, NULL);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

GtkWidget *
seances_client_list_new (SeancesContext *context)
{
  g_return_val_if_fail (SEANCES_IS_CONTEXT (context), NULL);
  return g_object_new (SEANCES_TYPE_CLIENT_LIST, "context", context, NULL);
}

SeancesClientFilterModel *
seances_client_list_get_model (SeancesClientList *self)
{
  g_return_val_if_fail (SEANCES_IS_CLIENT_LIST (self), NULL);
  return SEANCES_CLIENT_FILTER_MODEL (self->model);
}
