/* seances-rebook-page.c — « À reprogrammer »: the people to book again, one click each
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Beside the list of people, where the practitioner plans: shown when no record is open,
 * and from the list's « À reprogrammer » button. It lists the active clients with nothing
 * booked and those past their rhythm (seances-rebook), with « Réserver », which opens the
 * booking editor for them. The query walks every active client's sessions: it runs only
 * while the page shows, again when sessions or clients changed or the day did. */
#include "config.h"

#include "seances-rebook-page.h"

#include <glib/gi18n.h>

#include "seances-rebook.h"
#include "seances-rebook-row.h"
#include "seances-time.h"

struct _SeancesRebookPage
{
  AdwBin          parent_instance;

  AdwWindowTitle *window_title;
  GtkStack       *stack;
  GtkListView    *list_view;

  SeancesContext *context;
  GSignalGroup   *appointments_signals;
  GSignalGroup   *clients_signals;
  GListStore     *clients;   /* SeancesClient, in the order of seances_rebook_list() */
  GHashTable     *entries;   /* gint64 * client id → SeancesRebookEntry * */
  gint64          loaded_day;  /* the local day the list was made on; 0: to make again */
  gboolean        show_back_button;
};

G_DEFINE_FINAL_TYPE (SeancesRebookPage, seances_rebook_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_SHOW_BACK_BUTTON,
  N_PROPS
};

enum {
  CLIENT_REQUESTED,
  NEW_SESSION_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
reload (SeancesRebookPage *self)
{
  SeancesClientStore *store = seances_context_get_clients (self->context);
  gint64 now = seances_context_get_now (self->context);
  g_autoptr(GArray) entries = NULL;
  g_autoptr(GPtrArray) clients = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;

  entries = seances_rebook_list (seances_context_get_appointments (self->context), now, &error);
  if (entries == NULL)
    {
      g_warning ("Cannot list the clients to book again: %s", error->message);
      entries = g_array_new (FALSE, TRUE, sizeof (SeancesRebookEntry));
    }
  self->loaded_day = seances_time_day_start (seances_context_get_time_zone (self->context), now);

  g_hash_table_remove_all (self->entries);
  for (guint i = 0; i < entries->len; i++)
    {
      const SeancesRebookEntry *entry = &g_array_index (entries, SeancesRebookEntry, i);
      SeancesClient *client = seances_client_store_lookup (store, entry->client_id);

      if (client == NULL)
        continue;
      g_ptr_array_add (clients, client);
      g_hash_table_insert (self->entries, g_memdup2 (&entry->client_id, sizeof entry->client_id),
                           g_memdup2 (entry, sizeof *entry));
    }
  g_list_store_splice (self->clients, 0, g_list_model_get_n_items (G_LIST_MODEL (self->clients)),
                       clients->pdata, clients->len);

  count = g_strdup_printf (ngettext ("%u person", "%u people", clients->len), clients->len);
  adw_window_title_set_subtitle (self->window_title, clients->len > 0 ? count : "");
  gtk_stack_set_visible_child_name (self->stack, clients->len > 0 ? "list" : "empty");
}

/* Now if the page shows, else once it does. */
static void
invalidate (SeancesRebookPage *self)
{
  self->loaded_day = 0;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload (self);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              SeancesRebookPage        *self)
{
  gtk_list_item_set_child (item, seances_rebook_row_new (self->context));
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             SeancesRebookPage        *self)
{
  SeancesClient *client = gtk_list_item_get_item (item);
  gint64 id = seances_client_get_id (client);

  seances_rebook_row_set_entry (SEANCES_REBOOK_ROW (gtk_list_item_get_child (item)), client,
                                g_hash_table_lookup (self->entries, &id));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               SeancesRebookPage        *self)
{
  seances_rebook_row_set_entry (SEANCES_REBOOK_ROW (gtk_list_item_get_child (item)), NULL, NULL);
}

static void
changed_cb (SeancesRebookPage *self)
{
  invalidate (self);
}

static void
row_activated_cb (SeancesRebookPage *self,
                  guint              position)
{
  g_autoptr(SeancesClient) client = g_list_model_get_item (G_LIST_MODEL (self->clients), position);

  if (client != NULL)
    g_signal_emit (self, signals[CLIENT_REQUESTED], 0, client);
}

static void
book_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SeancesRebookPage *self = SEANCES_REBOOK_PAGE (widget);
  SeancesClient *client = seances_client_store_lookup (seances_context_get_clients (self->context),
                                                       g_variant_get_int64 (parameter));

  if (client != NULL)
    g_signal_emit (self, signals[NEW_SESSION_REQUESTED], 0, client);
}

static void
seances_rebook_page_map (GtkWidget *widget)
{
  SeancesRebookPage *self = SEANCES_REBOOK_PAGE (widget);

  GTK_WIDGET_CLASS (seances_rebook_page_parent_class)->map (widget);
  if (self->loaded_day != seances_time_day_start (seances_context_get_time_zone (self->context),
                                                  seances_context_get_now (self->context)))
    reload (self);
}

static void
seances_rebook_page_constructed (GObject *object)
{
  SeancesRebookPage *self = (SeancesRebookPage *)object;
  GtkListItemFactory *factory;

  G_OBJECT_CLASS (seances_rebook_page_parent_class)->constructed (object);

  g_return_if_fail (SEANCES_IS_CONTEXT (self->context));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->clients)))));

  g_signal_group_set_target (self->appointments_signals, seances_context_get_appointments (self->context));
  g_signal_group_set_target (self->clients_signals, seances_context_get_clients (self->context));
}

static void
seances_rebook_page_dispose (GObject *object)
{
  SeancesRebookPage *self = (SeancesRebookPage *)object;

  g_clear_object (&self->appointments_signals);
  g_clear_object (&self->clients_signals);
  /* The list's rows go with it; they need the context until then. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SEANCES_TYPE_REBOOK_PAGE);
  g_clear_object (&self->clients);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (seances_rebook_page_parent_class)->dispose (object);
}

static void
seances_rebook_page_finalize (GObject *object)
{
  SeancesRebookPage *self = (SeancesRebookPage *)object;

  g_clear_pointer (&self->entries, g_hash_table_unref);
  G_OBJECT_CLASS (seances_rebook_page_parent_class)->finalize (object);
}

static void
seances_rebook_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SeancesRebookPage *self = SEANCES_REBOOK_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_SHOW_BACK_BUTTON:
      g_value_set_boolean (value, self->show_back_button);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
seances_rebook_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SeancesRebookPage *self = SEANCES_REBOOK_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_SHOW_BACK_BUTTON:
      if (self->show_back_button != g_value_get_boolean (value))
        {
          self->show_back_button = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
seances_rebook_page_class_init (SeancesRebookPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = seances_rebook_page_constructed;
  object_class->dispose = seances_rebook_page_dispose;
  object_class->finalize = seances_rebook_page_finalize;
  object_class->get_property = seances_rebook_page_get_property;
  object_class->set_property = seances_rebook_page_set_property;
  widget_class->map = seances_rebook_page_map;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SEANCES_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Its button activates "clients.back", which the clients view provides. */
  properties[PROP_SHOW_BACK_BUTTON] =
    g_param_spec_boolean ("show-back-button", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* a row activated: the person's record */
  signals[CLIENT_REQUESTED] =
    g_signal_new ("client-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SEANCES_TYPE_CLIENT);
  /* « Réserver »: the booking editor for them */
  signals[NEW_SESSION_REQUESTED] =
    g_signal_new ("new-session-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SEANCES_TYPE_CLIENT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/seances/Seances/clients/seances-rebook-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SeancesRebookPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, SeancesRebookPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SeancesRebookPage, list_view);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  /* The target is the client's id: « Réserver » on their row. */
  gtk_widget_class_install_action (widget_class, "rebook.book", "x", book_action_cb);
}

static void
seances_rebook_page_init (SeancesRebookPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->clients = g_list_store_new (SEANCES_TYPE_CLIENT);
  self->entries = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->appointments_signals = g_signal_group_new (SEANCES_TYPE_APPOINTMENT_STORE);
  g_signal_group_connect_swapped (self->appointments_signals, "changed", G_CALLBACK (changed_cb), self);
  /* A client archived, reactivated, renamed or given a rhythm. */
  self->clients_signals = g_signal_group_new (SEANCES_TYPE_CLIENT_STORE);
  g_signal_group_connect_swapped (self->clients_signals, "items-changed", G_CALLBACK (changed_cb), self);
}

GtkWidget *
seances_rebook_page_new (SeancesContext *context)
{
  g_return_val_if_fail (SEANCES_IS_CONTEXT (context), NULL);
  return g_object_new (SEANCES_TYPE_REBOOK_PAGE, "context", context, NULL);
}
