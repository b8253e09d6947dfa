/* seances-client-filter-model.c — one view's clients: the store, filtered and searched
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store stays whole; each view has its own filter model, so that a search in one
 * never makes another reload. Everything runs in memory on the store's folded keys: a
 * keystroke costs one pass over the clients, a change in the store only its span. Only
 * the span that differs is announced, so that a list keeps its scroll position and its
 * focus around a row added or moved. */
#include "config.h"

#include "seances-client-filter-model.h"

#include "seances-fold.h"
#include "seances-model-enum-types.h"

struct _SeancesClientFilterModel
{
  GObject              parent_instance;

  SeancesClientStore  *store;
  GArray              *shown;    /* gboolean per item of the store: whether it is listed here */
  GPtrArray           *visible;  /* borrowed from the store, which this model keeps alive */
  SeancesClientFilter  filter;
  char                *search;   /* as typed */
  char                *folded;   /* the search folded; "" for none */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SeancesClientFilterModel, seances_client_filter_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_FILTER,
  PROP_SEARCH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
matches (SeancesClientFilterModel *self,
         SeancesClient            *client)
{
  switch (self->filter)
    {
    case SEANCES_CLIENT_FILTER_ACTIVE:
      if (!seances_client_is_active (client))
        return FALSE;
      break;
    case SEANCES_CLIENT_FILTER_INACTIVE:
      if (seances_client_is_active (client))
        return FALSE;
      break;
    case SEANCES_CLIENT_FILTER_ALL:
      break;
    }
  return seances_fold_matches (seances_client_get_search_key (client), self->folded);
}

/* Takes @visible as the list, announcing only the span where it differs from the last. */
static void
replace_visible (SeancesClientFilterModel *self,
                 GPtrArray                *visible)
{
  g_autoptr(GPtrArray) old = g_steal_pointer (&self->visible);
  guint prefix = 0;
  guint suffix = 0;

  self->visible = visible;
  while (prefix < old->len && prefix < visible->len &&
         old->pdata[prefix] == visible->pdata[prefix])
    prefix++;
  while (suffix < old->len - prefix && suffix < visible->len - prefix &&
         old->pdata[old->len - 1 - suffix] == visible->pdata[visible->len - 1 - suffix])
    suffix++;

  if (prefix < old->len || prefix < visible->len)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                                old->len - prefix - suffix, visible->len - prefix - suffix);
}

/* The store's item @position, borrowed: the store holds it. */
static SeancesClient *
store_item (SeancesClientFilterModel *self,
            guint                     position)
{
  g_autoptr(SeancesClient) client = g_list_model_get_item (G_LIST_MODEL (self->store), position);

  return client;
}

static void
refilter (SeancesClientFilterModel *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  GPtrArray *visible = g_ptr_array_sized_new (n_items);

  g_array_set_size (self->shown, n_items);
  for (guint i = 0; i < n_items; i++)
    {
      SeancesClient *client = store_item (self, i);
      gboolean shown = matches (self, client);

      g_array_index (self->shown, gboolean, i) = shown;
      if (shown)
        g_ptr_array_add (visible, client);
    }
  replace_visible (self, visible);
}

/* Only the span of the store that changed is judged again; the rows before and after
 * it keep their verdict. */
static void
store_items_changed_cb (SeancesClientFilterModel *self,
                        guint                     position,
                        guint                     removed,
                        guint                     added,
                        GListModel               *store)
{
  GPtrArray *visible = g_ptr_array_sized_new (self->visible->len + added);
  g_autoptr(GArray) shown = g_array_sized_new (FALSE, FALSE, sizeof (gboolean), added);
  guint first = 0;
  guint n_removed = 0;

  for (guint i = 0; i < position; i++)
    first += g_array_index (self->shown, gboolean, i) ? 1 : 0;
  for (guint i = position; i < position + removed; i++)
    n_removed += g_array_index (self->shown, gboolean, i) ? 1 : 0;

  for (guint i = 0; i < first; i++)
    g_ptr_array_add (visible, self->visible->pdata[i]);
  for (guint i = 0; i < added; i++)
    {
      SeancesClient *client = store_item (self, position + i);
      gboolean match = matches (self, client);

      g_array_append_val (shown, match);
      if (match)
        g_ptr_array_add (visible, client);
    }
  for (guint i = first + n_removed; i < self->visible->len; i++)
    g_ptr_array_add (visible, self->visible->pdata[i]);

  g_array_remove_range (self->shown, position, removed);
  g_array_insert_vals (self->shown, position, shown->data, added);
  replace_visible (self, visible);
}

static GType
seances_client_filter_model_get_item_type (GListModel *model)
{
  return SEANCES_TYPE_CLIENT;
}

static guint
seances_client_filter_model_get_n_items (GListModel *model)
{
  return SEANCES_CLIENT_FILTER_MODEL (model)->visible->len;
}

static gpointer
seances_client_filter_model_get_item (GListModel *model,
                                      guint       position)
{
  SeancesClientFilterModel *self = SEANCES_CLIENT_FILTER_MODEL (model);

  if (position >= self->visible->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->visible, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = seances_client_filter_model_get_item_type;
  iface->get_n_items = seances_client_filter_model_get_n_items;
  iface->get_item = seances_client_filter_model_get_item;
}

static void
seances_client_filter_model_constructed (GObject *object)
{
  SeancesClientFilterModel *self = (SeancesClientFilterModel *)object;

  G_OBJECT_CLASS (seances_client_filter_model_parent_class)->constructed (object);

  g_signal_connect_object (self->store, "items-changed", G_CALLBACK (store_items_changed_cb),
                           self, G_CONNECT_SWAPPED);
  refilter (self);
}

static void
seances_client_filter_model_dispose (GObject *object)
{
  SeancesClientFilterModel *self = (SeancesClientFilterModel *)object;

  /* The borrowed clients go before the store that holds them. */
  g_ptr_array_set_size (self->visible, 0);
  g_array_set_size (self->shown, 0);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (seances_client_filter_model_parent_class)->dispose (object);
}

static void
seances_client_filter_model_finalize (GObject *object)
{
  SeancesClientFilterModel *self = (SeancesClientFilterModel *)object;

  g_clear_pointer (&self->visible, g_ptr_array_unref);
  g_clear_pointer (&self->shown, g_array_unref);
  g_free (self->search);
  g_free (self->folded);

  G_OBJECT_CLASS (seances_client_filter_model_parent_class)->finalize (object);
}

static void
seances_client_filter_model_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  SeancesClientFilterModel *self = SEANCES_CLIENT_FILTER_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_FILTER:
      g_value_set_enum (value, self->filter);
      break;
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
seances_client_filter_model_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  SeancesClientFilterModel *self = SEANCES_CLIENT_FILTER_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_FILTER:
      seances_client_filter_model_set_filter (self, g_value_get_enum (value));
      break;
    case PROP_SEARCH:
      seances_client_filter_model_set_search (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
seances_client_filter_model_class_init (SeancesClientFilterModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = seances_client_filter_model_constructed;
  object_class->dispose = seances_client_filter_model_dispose;
  object_class->finalize = seances_client_filter_model_finalize;
  object_class->get_property = seances_client_filter_model_get_property;
  object_class->set_property = seances_client_filter_model_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SEANCES_TYPE_CLIENT_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILTER] =
    g_param_spec_enum ("filter", NULL, NULL, SEANCES_TYPE_CLIENT_FILTER, SEANCES_CLIENT_FILTER_ACTIVE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* What the user typed: every word must match first name, last name, e-mail or phone,
   * whatever the case, accents and punctuation. */
  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
seances_client_filter_model_init (SeancesClientFilterModel *self)
{
  self->shown = g_array_new (FALSE, FALSE, sizeof (gboolean));
  self->visible = g_ptr_array_new ();
  self->filter = SEANCES_CLIENT_FILTER_ACTIVE;
  self->search = g_strdup ("");
  self->folded = g_strdup ("");
}

/* The active clients of @store, unsearched, until told otherwise. */
SeancesClientFilterModel *
seances_client_filter_model_new (SeancesClientStore *store)
{
  g_return_val_if_fail (SEANCES_IS_CLIENT_STORE (store), NULL);
  return g_object_new (SEANCES_TYPE_CLIENT_FILTER_MODEL, "store", store, NULL);
}

SeancesClientStore *
seances_client_filter_model_get_store (SeancesClientFilterModel *self)
{
  g_return_val_if_fail (SEANCES_IS_CLIENT_FILTER_MODEL (self), NULL);
  return self->store;
}

SeancesClientFilter
seances_client_filter_model_get_filter (SeancesClientFilterModel *self)
{
  g_return_val_if_fail (SEANCES_IS_CLIENT_FILTER_MODEL (self), SEANCES_CLIENT_FILTER_ACTIVE);
  return self->filter;
}

void
seances_client_filter_model_set_filter (SeancesClientFilterModel *self,
                                        SeancesClientFilter       filter)
{
  g_return_if_fail (SEANCES_IS_CLIENT_FILTER_MODEL (self));
  g_return_if_fail (filter <= SEANCES_CLIENT_FILTER_ALL);

  if (self->filter == filter)
    return;
  self->filter = filter;
  refilter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

const char *
seances_client_filter_model_get_search (SeancesClientFilterModel *self)
{
  g_return_val_if_fail (SEANCES_IS_CLIENT_FILTER_MODEL (self), NULL);
  return self->search;
}

/* @search NULL for none. A change the folding ignores (a space, a capital) keeps the
 * list as it is. */
void
seances_client_filter_model_set_search (SeancesClientFilterModel *self,
                                        const char               *search)
{
  g_autofree char *folded = NULL;

  g_return_if_fail (SEANCES_IS_CLIENT_FILTER_MODEL (self));

  if (search == NULL)
    search = "";
  if (g_str_equal (self->search, search))
    return;

  g_free (self->search);
  self->search = g_strdup (search);
  folded = seances_fold (search);
  if (!g_str_equal (folded, self->folded))
    {
      g_free (self->folded);
      self->folded = g_steal_pointer (&folded);
      refilter (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
}
