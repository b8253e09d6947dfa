/* seances-clients-view.c — the clients: a searchable list beside the open record
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list filters the client store through a model of its own: its filter and search
 * run in memory, so the view applies them at each keystroke without waiting, and no
 * other view of the clients hears of it.
 *
 * The list and the client page take the context when they are made, so they are made
 * here in constructed(), once the view has its context, rather than in the template. */
#include "config.h"

#include "seances-clients-view.h"

#include <glib/gi18n.h>

#include "seances-client-editor.h"
#include "seances-client-labels.h"
#include "seances-client-list.h"
#include "seances-client-page.h"
#include "seances-rebook-page.h"

struct _SeancesClientsView
{
  AdwBin               parent_instance;

  AdwLeaflet          *leaflet;
  GtkWidget           *list_side;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *filter_dropdown;
  AdwButtonContent    *new_button_content;
  GtkStack            *list_stack;
  GtkScrolledWindow   *list_scroller;
  SeancesClientList   *client_list;
  AdwStatusPage       *empty_page;
  GtkButton           *empty_new_button;
  GtkWidget           *separator;
  GtkStack            *detail_stack;
  SeancesClientPage   *client_page;
  GtkWidget           *rebook_page;

  SeancesContext      *context;
  GSignalGroup        *store_signals;
  GSignalGroup        *practice_signals;
};

G_DEFINE_FINAL_TYPE (SeancesClientsView, seances_clients_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

enum {
  NEW_SESSION_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GListModel *
get_clients (SeancesClientsView *self)
{
  return G_LIST_MODEL (seances_client_list_get_model (self->client_list));
}

static gboolean
has_search (SeancesClientsView *self)
{
  return *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0';
}

/* With no record at all, the invitation to add the first one is the whole page: an
 * « Aucune fiche ouverte » beside it would be a second empty panel. */
static void
show_detail_side (SeancesClientsView *self,
                  gboolean            shown)
{
  gtk_widget_set_visible (self->separator, shown);
  gtk_widget_set_visible (GTK_WIDGET (self->detail_stack), shown);
  gtk_widget_set_hexpand (self->list_side, !shown);
}

static void
update_empty_state (SeancesClientsView *self)
{
  guint n_total = seances_client_store_get_n_total (seances_context_get_clients (self->context));
  gboolean says_client;

  show_detail_side (self, n_total > 0);

  if (g_list_model_get_n_items (get_clients (self)) > 0)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "list");
      return;
    }

  says_client = seances_clients_says_client (self->context);
  if (n_total == 0)
    {
      adw_status_page_set_icon_name (self->empty_page, "avatar-default-symbolic");
      adw_status_page_set_title (self->empty_page,
                                 says_client ? _("No Clients Yet") : _("No Patients Yet"));
      adw_status_page_set_description (self->empty_page,
                                       says_client ? _("Add your first client to book their sessions.")
                                                   : _("Add your first patient to book their sessions."));
      gtk_widget_set_visible (GTK_WIDGET (self->empty_new_button), TRUE);
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Results"));
      if (has_search (self))
        adw_status_page_set_description (self->empty_page,
                                         _("Try part of a name, an e-mail address or a phone number."));
      else
        adw_status_page_set_description (self->empty_page,
                                         says_client ? _("No client matches this filter.")
                                                     : _("No patient matches this filter."));
      gtk_widget_set_visible (GTK_WIDGET (self->empty_new_button), FALSE);
    }
  gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

static void
update_vocabulary (SeancesClientsView *self)
{
  gboolean says_client = seances_clients_says_client (self->context);
  const char *search = says_client ? _("Search a client") : _("Search a patient");
  const char *new_label = says_client ? _("New Client") : _("New Patient");

  g_object_set (self->search_entry, "placeholder-text", search, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, search,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->client_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, says_client ? _("Clients") : _("Patients"),
                                  -1);
  adw_button_content_set_label (self->new_button_content, new_label);
  gtk_button_set_label (self->empty_new_button, new_label);
  update_empty_state (self);
}

static void
apply_filter (SeancesClientsView *self)
{
  SeancesClientFilterModel *clients = seances_client_list_get_model (self->client_list);

  /* In the order of the drop-down's items. */
  seances_client_filter_model_set_filter (clients, gtk_drop_down_get_selected (self->filter_dropdown));
  seances_client_filter_model_set_search (clients, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  update_empty_state (self);
}

/* Each keystroke and each filter change: the list's model answers in memory, at once.
 * The template's drop-down says its first choice before the list is made. */
static void
filter_changed_cb (SeancesClientsView *self)
{
  if (self->client_list != NULL)
    apply_filter (self);
}

static void
stop_search_cb (SeancesClientsView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* Enter in the search opens the first match: type a few letters, then Enter. */
static void
search_activated_cb (SeancesClientsView *self)
{
  g_autoptr(SeancesClient) client = g_list_model_get_item (get_clients (self), 0);

  if (client != NULL)
    seances_clients_view_open_client (self, client);
}

static void
items_changed_cb (SeancesClientsView *self)
{
  update_empty_state (self);
}

static void
row_activated_cb (SeancesClientsView *self,
                  guint               position)
{
  g_autoptr(SeancesClient) client = g_list_model_get_item (get_clients (self), position);

  if (client != NULL)
    seances_clients_view_open_client (self, client);
}

static void
new_session_requested_cb (SeancesClientsView *self,
                          SeancesClient      *client)
{
  g_signal_emit (self, signals[NEW_SESSION_REQUESTED], 0, client);
}

/* Back to « À reprogrammer », where the detail side stands when no record is open. */
static void
show_rebook_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SeancesClientsView *self = SEANCES_CLIENTS_VIEW (widget);

  gtk_stack_set_visible_child (self->detail_stack, self->rebook_page);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail_stack));
}

static void
editor_saved_cb (SeancesClientsView *self,
                 SeancesClient      *client)
{
  seances_clients_view_open_client (self, client);
}

static void
vocabulary_changed_cb (SeancesClientsView *self)
{
  update_vocabulary (self);
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  seances_clients_view_focus_search (SEANCES_CLIENTS_VIEW (widget));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  seances_clients_view_new_client (SEANCES_CLIENTS_VIEW (widget));
}

/* Used by the client page's back button, shown when the leaflet is folded. */
static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SeancesClientsView *self = SEANCES_CLIENTS_VIEW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->list_side);
  gtk_widget_grab_focus (GTK_WIDGET (self->client_list));
}

static void
seances_clients_view_constructed (GObject *object)
{
  SeancesClientsView *self = (SeancesClientsView *)object;

  G_OBJECT_CLASS (seances_clients_view_parent_class)->constructed (object);

  self->client_list = SEANCES_CLIENT_LIST (seances_client_list_new (self->context));
  g_signal_connect_swapped (self->client_list, "activate", G_CALLBACK (row_activated_cb), self);
  g_signal_connect_object (get_clients (self), "items-changed", G_CALLBACK (items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_scrolled_window_set_child (self->list_scroller, GTK_WIDGET (self->client_list));

  /* First in the detail side: what it shows until a record is opened. */
  self->rebook_page = seances_rebook_page_new (self->context);
  g_object_bind_property (self->leaflet, "folded", self->rebook_page, "show-back-button", G_BINDING_SYNC_CREATE);
  g_signal_connect_swapped (self->rebook_page, "client-requested", G_CALLBACK (seances_clients_view_open_client), self);
  g_signal_connect_swapped (self->rebook_page, "new-session-requested", G_CALLBACK (new_session_requested_cb), self);
  gtk_stack_add_named (self->detail_stack, self->rebook_page, "rebook");

  self->client_page = SEANCES_CLIENT_PAGE (seances_client_page_new (self->context));
  g_object_bind_property (self->leaflet, "folded", self->client_page, "show-back-button",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_swapped (self->client_page, "new-session-requested",
                            G_CALLBACK (new_session_requested_cb), self);
  gtk_stack_add_named (self->detail_stack, GTK_WIDGET (self->client_page), "client");

  g_signal_group_set_target (self->store_signals, seances_context_get_clients (self->context));
  g_signal_group_set_target (self->practice_signals, seances_context_get_practice (self->context));

  apply_filter (self);
  update_vocabulary (self);
}

static void
seances_clients_view_dispose (GObject *object)
{
  SeancesClientsView *self = (SeancesClientsView *)object;

  g_clear_object (&self->store_signals);
  g_clear_object (&self->practice_signals);
  g_clear_object (&self->context);
  /* Made in constructed(), they belong to the template's widgets and go with them. */
  self->client_list = NULL;
  self->client_page = NULL;
  self->rebook_page = NULL;
  /* The bin's child is a template child too: the bin lets go of it first, so that
   * disposing the template does not leave the bin pointing at a finalized widget. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SEANCES_TYPE_CLIENTS_VIEW);

  G_OBJECT_CLASS (seances_clients_view_parent_class)->dispose (object);
}

static void
seances_clients_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SeancesClientsView *self = SEANCES_CLIENTS_VIEW (object);

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
seances_clients_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  SeancesClientsView *self = SEANCES_CLIENTS_VIEW (object);

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
seances_clients_view_class_init (SeancesClientsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = seances_clients_view_constructed;
  object_class->dispose = seances_clients_view_dispose;
  object_class->get_property = seances_clients_view_get_property;
  object_class->set_property = seances_clients_view_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SEANCES_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SeancesClientsView::new-session-requested:
   * @client: the client to book a session for
   *
   * The practitioner asked for a new session with @client, from the client's page.
   */
  signals[NEW_SESSION_REQUESTED] =
    g_signal_new ("new-session-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SEANCES_TYPE_CLIENT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/seances/Seances/clients/seances-clients-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SeancesClientsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SeancesClientsView, list_side);
  gtk_widget_class_bind_template_child (widget_class, SeancesClientsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SeancesClientsView, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SeancesClientsView, new_button_content);
  gtk_widget_class_bind_template_child (widget_class, SeancesClientsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SeancesClientsView, list_scroller);
  gtk_widget_class_bind_template_child (widget_class, SeancesClientsView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SeancesClientsView, empty_new_button);
  gtk_widget_class_bind_template_child (widget_class, SeancesClientsView, separator);
  gtk_widget_class_bind_template_child (widget_class, SeancesClientsView, detail_stack);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activated_cb);

  gtk_widget_class_install_action (widget_class, "clients.focus-search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "clients.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "clients.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "clients.show-rebook", NULL, show_rebook_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "clients.focus-search", NULL);
}

static void
seances_clients_view_init (SeancesClientsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The drop-down's own button is what screen readers meet: it needs the name too. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->filter_dropdown));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      C_("clients filter", "Show"), -1);

  /* Typing anywhere in the list goes to the search. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, self->list_side);

  self->store_signals = g_signal_group_new (SEANCES_TYPE_CLIENT_STORE);
  /* After the list's own model has heard of the change: the empty state reads both. */
  g_signal_group_connect_data (self->store_signals, "items-changed", G_CALLBACK (items_changed_cb),
                               self, NULL, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  self->practice_signals = g_signal_group_new (SEANCES_TYPE_PRACTICE);
  g_signal_group_connect_swapped (self->practice_signals, "notify::vocabulary",
                                  G_CALLBACK (vocabulary_changed_cb), self);
}

GtkWidget *
seances_clients_view_new (SeancesContext *context)
{
  g_return_val_if_fail (SEANCES_IS_CONTEXT (context), NULL);
  return g_object_new (SEANCES_TYPE_CLIENTS_VIEW, "context", context, NULL);
}

SeancesContext *
seances_clients_view_get_context (SeancesClientsView *self)
{
  g_return_val_if_fail (SEANCES_IS_CLIENTS_VIEW (self), NULL);
  return self->context;
}

/* Shows @client's page; from the agenda too, whatever the list's search and filter. */
void
seances_clients_view_open_client (SeancesClientsView *self,
                                  SeancesClient      *client)
{
  g_autoptr(GtkWidget) list_focus = NULL;
  GtkRoot *root;

  g_return_if_fail (SEANCES_IS_CLIENTS_VIEW (self));
  g_return_if_fail (SEANCES_IS_CLIENT (client));

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (root != NULL && gtk_root_get_focus (root) != NULL &&
      gtk_widget_is_ancestor (gtk_root_get_focus (root), self->list_side))
    list_focus = g_object_ref (gtk_root_get_focus (root));

  seances_client_page_set_client (self->client_page, client);
  gtk_stack_set_visible_child_name (self->detail_stack, "client");
  /* The leaflet moves the focus to the page it shows. Folded, the list just went away and
   * the focus follows; side by side, it stays in the list, to go on browsing it. */
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail_stack));
  if (adw_leaflet_get_folded (self->leaflet))
    seances_client_page_focus (self->client_page);
  else if (list_focus != NULL)
    gtk_widget_grab_focus (list_focus);
}

void
seances_clients_view_focus_search (SeancesClientsView *self)
{
  g_return_if_fail (SEANCES_IS_CLIENTS_VIEW (self));

  adw_leaflet_set_visible_child (self->leaflet, self->list_side);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Opens the editor for a new client; once saved, the client's page opens. */
void
seances_clients_view_new_client (SeancesClientsView *self)
{
  SeancesClientEditor *editor;

  g_return_if_fail (SEANCES_IS_CLIENTS_VIEW (self));

  editor = seances_client_editor_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                      self->context, NULL);
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}
