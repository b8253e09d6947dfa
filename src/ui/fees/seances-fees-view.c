/* seances-fees-view.c — « Honoraires dus »: what is still to be paid, across clients
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list is the charge store itself, which keeps the unpaid charges in memory, the
 * oldest session first: opening the page costs no query. GtkListView in GTK 4.8 makes up
 * to two hundred rows at once, a tenth of a second the first time the page is shown: it
 * is handed the first ROWS_AT_ONCE charges, and more as the end of the list comes into
 * view. Each row says the person, the session, how long ago, and what the person owes in
 * all when it is more; the total of them all stands above. A payment or a waiver goes
 * through the store, whose signals bring the list and the total along. */
#include "config.h"

#include "seances-fees-view.h"

#include <glib/gi18n.h>

#include "seances-charge-actions.h"
#include "seances-charge-row.h"
#include "seances-format.h"
#include "seances-time.h"

/* More than a tall window shows. */
#define ROWS_AT_ONCE 24

struct _SeancesFeesView
{
  AdwBin             parent_instance;

  AdwToastOverlay   *toasts;
  GtkLabel          *total_label;
  GtkLabel          *count_label;
  GtkStack          *stack;
  GtkScrolledWindow *scroller;
  GtkListView       *list_view;

  SeancesContext    *context;
  GSignalGroup      *charges_signals;
  GSignalGroup      *clients_signals;
  GtkSliceListModel *shown;        /* the store's first charges, as many as scrolled to */
  GPtrArray         *rows;         /* SeancesChargeRow, the list's live rows */
  guint              grow_source;
  gint64             shown_day;    /* the local day the rows' « il y a » were said on */
};

G_DEFINE_FINAL_TYPE (SeancesFeesView, seances_fees_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

enum {
  CLIENT_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GListModel *
get_charges (SeancesFeesView *self)
{
  return G_LIST_MODEL (seances_context_get_charges (self->context));
}

/* How many people owe something: the unpaid list is short beside the clients. */
static guint
count_people (GListModel *charges)
{
  g_autoptr(GHashTable) people = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (charges); i++)
    {
      g_autoptr(SeancesCharge) charge = g_list_model_get_item (charges, i);
      gint64 client_id = seances_charge_get_client_id (charge);

      g_hash_table_add (people, g_memdup2 (&client_id, sizeof client_id));
    }
  return g_hash_table_size (people);
}

static void
update_summary (SeancesFeesView *self)
{
  GListModel *charges = get_charges (self);
  guint n = g_list_model_get_n_items (charges);
  guint n_people;
  g_autofree char *total = NULL;
  g_autofree char *fees = NULL;
  g_autofree char *who = NULL;
  g_autofree char *text = NULL;

  total = seances_format_money (seances_charge_store_get_unpaid_total (SEANCES_CHARGE_STORE (charges)));
  gtk_label_set_text (self->total_label, total);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
  if (n == 0)
    {
      gtk_label_set_text (self->count_label, _("Nothing is due"));
      return;
    }

  n_people = count_people (charges);
  fees = g_strdup_printf (ngettext ("%u fee to be paid", "%u fees to be paid", n), n);
  who = g_strdup_printf (ngettext ("%u person", "%u people", n_people), n_people);
  text = g_strdup_printf ("%s · %s", fees, who);
  gtk_label_set_text (self->count_label, text);
}

static void
refresh_rows (SeancesFeesView *self,
              gint64           client_id)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      SeancesChargeRow *row = g_ptr_array_index (self->rows, i);
      SeancesCharge *charge = seances_charge_row_get_charge (row);

      if (charge != NULL && (client_id == 0 || seances_charge_get_client_id (charge) == client_id))
        seances_charge_row_refresh (row);
    }
}

/* The charge of id @id among those still due; NULL when it was settled meanwhile. */
static SeancesCharge *
find_charge (SeancesFeesView *self,
             gint64           id)
{
  GListModel *charges = get_charges (self);

  for (guint i = 0; i < g_list_model_get_n_items (charges); i++)
    {
      g_autoptr(SeancesCharge) charge = g_list_model_get_item (charges, i);

      if (seances_charge_get_id (charge) == id)
        return g_steal_pointer (&charge);
    }
  g_debug ("Charge %" G_GINT64_FORMAT " is no longer due", id);
  return NULL;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              SeancesFeesView          *self)
{
  GtkWidget *row = seances_charge_row_new (self->context, TRUE);

  g_ptr_array_add (self->rows, g_object_ref (row));
  gtk_list_item_set_child (item, row);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             SeancesFeesView          *self)
{
  seances_charge_row_set_charge (SEANCES_CHARGE_ROW (gtk_list_item_get_child (item)),
                                 gtk_list_item_get_item (item));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               SeancesFeesView          *self)
{
  seances_charge_row_set_charge (SEANCES_CHARGE_ROW (gtk_list_item_get_child (item)), NULL);
}

static void
teardown_row_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 SeancesFeesView          *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);

  if (row != NULL && self->rows != NULL)
    g_ptr_array_remove (self->rows, row);
}

static gboolean
grow_cb (gpointer data)
{
  SeancesFeesView *self = data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  guint size = gtk_slice_list_model_get_size (self->shown);

  self->grow_source = 0;
  if (size < g_list_model_get_n_items (get_charges (self)) &&
      gtk_adjustment_get_value (adjustment) + 2 * gtk_adjustment_get_page_size (adjustment) >=
      gtk_adjustment_get_upper (adjustment))
    gtk_slice_list_model_set_size (self->shown, size + ROWS_AT_ONCE);
  return G_SOURCE_REMOVE;
}

/* Within a page of the end: more rows, once this frame is laid out. */
static void
scrolled_cb (SeancesFeesView *self)
{
  if (self->grow_source == 0)
    self->grow_source = g_idle_add (grow_cb, self);
}

static void
charges_changed_cb (SeancesFeesView *self)
{
  update_summary (self);
}

/* What a person owes in all shows on each of their rows. */
static void
client_charges_changed_cb (SeancesFeesView *self,
                           gint64           client_id)
{
  refresh_rows (self, client_id);
}

static void
clients_changed_cb (SeancesFeesView *self)
{
  refresh_rows (self, 0);
}

static void
row_activated_cb (SeancesFeesView *self,
                  guint            position)
{
  g_autoptr(SeancesCharge) charge = g_list_model_get_item (get_charges (self), position);

  if (charge != NULL)
    g_signal_emit (self, signals[CLIENT_REQUESTED], 0, seances_charge_get_client_id (charge));
}

static void
mark_paid_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SeancesFeesView *self = SEANCES_FEES_VIEW (widget);
  g_autoptr(SeancesCharge) charge = find_charge (self, g_variant_get_int64 (parameter));

  if (charge != NULL)
    seances_charge_actions_mark_paid (GTK_WIDGET (self->list_view), self->context, charge);
}

static void
waive_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SeancesFeesView *self = SEANCES_FEES_VIEW (widget);
  g_autoptr(SeancesCharge) charge = find_charge (self, g_variant_get_int64 (parameter));

  if (charge != NULL)
    seances_charge_actions_waive (GTK_WIDGET (self->list_view), self->context, charge);
}

/* « il y a 12 jours » is said again when the page is shown on another day. */
static void
seances_fees_view_map (GtkWidget *widget)
{
  SeancesFeesView *self = SEANCES_FEES_VIEW (widget);
  gint64 day = seances_time_day_start (seances_context_get_time_zone (self->context),
                                       seances_context_get_now (self->context));

  GTK_WIDGET_CLASS (seances_fees_view_parent_class)->map (widget);
  if (day != self->shown_day)
    refresh_rows (self, 0);
  self->shown_day = day;
}

static void
seances_fees_view_constructed (GObject *object)
{
  SeancesFeesView *self = (SeancesFeesView *)object;
  GtkListItemFactory *factory;

  G_OBJECT_CLASS (seances_fees_view_parent_class)->constructed (object);

  g_return_if_fail (SEANCES_IS_CONTEXT (self->context));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  g_signal_connect (factory, "teardown", G_CALLBACK (teardown_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  self->shown = gtk_slice_list_model_new (g_object_ref (get_charges (self)), 0, ROWS_AT_ONCE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (self->shown))));
  self->shown_day = seances_time_day_start (seances_context_get_time_zone (self->context),
                                            seances_context_get_now (self->context));

  g_signal_group_set_target (self->charges_signals, seances_context_get_charges (self->context));
  g_signal_group_set_target (self->clients_signals, seances_context_get_clients (self->context));
  update_summary (self);
}

static void
seances_fees_view_dispose (GObject *object)
{
  SeancesFeesView *self = (SeancesFeesView *)object;

  g_clear_object (&self->charges_signals);
  g_clear_object (&self->clients_signals);
  g_clear_handle_id (&self->grow_source, g_source_remove);
  /* The list's rows go with it; they need the context until then. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SEANCES_TYPE_FEES_VIEW);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (seances_fees_view_parent_class)->dispose (object);
}

static void
seances_fees_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SeancesFeesView *self = SEANCES_FEES_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
seances_fees_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SeancesFeesView *self = SEANCES_FEES_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
seances_fees_view_class_init (SeancesFeesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = seances_fees_view_constructed;
  object_class->dispose = seances_fees_view_dispose;
  object_class->get_property = seances_fees_view_get_property;
  object_class->set_property = seances_fees_view_set_property;
  widget_class->map = seances_fees_view_map;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SEANCES_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* a client id: a row activated opens the person's page */
  signals[CLIENT_REQUESTED] =
    g_signal_new ("client-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/seances/Seances/fees/seances-fees-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SeancesFeesView, toasts);
  gtk_widget_class_bind_template_child (widget_class, SeancesFeesView, total_label);
  gtk_widget_class_bind_template_child (widget_class, SeancesFeesView, count_label);
  gtk_widget_class_bind_template_child (widget_class, SeancesFeesView, stack);
  gtk_widget_class_bind_template_child (widget_class, SeancesFeesView, scroller);
  gtk_widget_class_bind_template_child (widget_class, SeancesFeesView, list_view);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  /* The target is the charge's id: the buttons of its row. */
  gtk_widget_class_install_action (widget_class, "charge.mark-paid", "x", mark_paid_action_cb);
  gtk_widget_class_install_action (widget_class, "charge.waive", "x", waive_action_cb);
}

static void
seances_fees_view_init (SeancesFeesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->charges_signals = g_signal_group_new (SEANCES_TYPE_CHARGE_STORE);
  g_signal_group_connect_swapped (self->charges_signals, "items-changed", G_CALLBACK (charges_changed_cb), self);
  g_signal_group_connect_swapped (self->charges_signals, "changed", G_CALLBACK (client_charges_changed_cb), self);
  self->clients_signals = g_signal_group_new (SEANCES_TYPE_CLIENT_STORE);
  g_signal_group_connect_swapped (self->clients_signals, "items-changed", G_CALLBACK (clients_changed_cb), self);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "changed",
                           G_CALLBACK (scrolled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "value-changed",
                           G_CALLBACK (scrolled_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
seances_fees_view_new (SeancesContext *context)
{
  g_return_val_if_fail (SEANCES_IS_CONTEXT (context), NULL);
  return g_object_new (SEANCES_TYPE_FEES_VIEW, "context", context, NULL);
}
