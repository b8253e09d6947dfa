/* seances-policy-versions.c — the policy's versions, newest first, and who accepted which
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A subpage of the preferences. Each version shows its date and its words, and the people
 * whose latest acceptance is of that version. A practice may have thousands of them: a
 * version's list is made when it is opened, and only the version in force opens by
 * itself, when its list is short. */
#include "config.h"

#include "seances-policy-versions.h"

#include <glib/gi18n.h>

#include "seances-policy-labels.h"

/* The list of the version in force opens by itself up to this many people. */
#define MAX_OPEN_BY_ITSELF 30

struct _SeancesPolicyVersions
{
  GtkBox               parent_instance;

  AdwPreferencesPage  *page;

  SeancesContext      *context;
  GSignalGroup        *policies_signals;
  GSignalGroup        *clients_signals;
  GPtrArray           *groups;  /* AdwPreferencesGroup *, the page's */
};

G_DEFINE_FINAL_TYPE (SeancesPolicyVersions, seances_policy_versions, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  SeancesClient           *client;
  SeancesPolicyAcceptance  acceptance;
} Accepted;

static void
accepted_clear (Accepted *accepted)
{
  g_clear_object (&accepted->client);
}

static int
compare_accepted (gconstpointer a,
                  gconstpointer b)
{
  const Accepted *first = a;
  const Accepted *second = b;

  return g_strcmp0 (seances_client_get_sort_key (first->client), seances_client_get_sort_key (second->client));
}

/* The people whose latest acceptance is of @version_id, by name. */
static GArray *
list_accepted (SeancesPolicyVersions *self,
               gint64                 version_id)
{
  SeancesClientStore *clients = seances_context_get_clients (self->context);
  g_autoptr(GPtrArray) acceptances = seances_policy_store_list_acceptances (seances_context_get_policies (self->context),
                                                                            version_id);
  GArray *accepted = g_array_sized_new (FALSE, FALSE, sizeof (Accepted), acceptances->len);

  g_array_set_clear_func (accepted, (GDestroyNotify) accepted_clear);
  for (guint i = 0; i < acceptances->len; i++)
    {
      const SeancesPolicyAcceptance *acceptance = g_ptr_array_index (acceptances, i);
      SeancesClient *client = seances_client_store_lookup (clients, acceptance->client_id);
      Accepted entry;

      if (client == NULL)
        {
          g_debug ("Acceptance %" G_GINT64_FORMAT " is of an unknown client", acceptance->id);
          continue;
        }
      entry.client = g_object_ref (client);
      entry.acceptance = *acceptance;
      g_array_append_val (accepted, entry);
    }
  g_array_sort (accepted, compare_accepted);
  return accepted;
}

static void
fill_expander (SeancesPolicyVersions *self,
               AdwExpanderRow        *expander)
{
  GArray *accepted = g_object_steal_data (G_OBJECT (expander), "accepted");
  GTimeZone *tz = seances_context_get_time_zone (self->context);

  if (accepted == NULL)
    return;
  for (guint i = 0; i < accepted->len; i++)
    {
      const Accepted *entry = &g_array_index (accepted, Accepted, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *how = seances_acceptance_describe (&entry->acceptance, tz);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), seances_client_get_display_name (entry->client));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), how);
      adw_expander_row_add_row (expander, row);
    }
  g_array_unref (accepted);
}

static void
expanded_cb (AdwExpanderRow        *expander,
             GParamSpec            *pspec,
             SeancesPolicyVersions *self)
{
  if (adw_expander_row_get_expanded (expander))
    fill_expander (self, expander);
}

static GtkWidget *
new_acceptances_row (SeancesPolicyVersions *self,
                     gint64                 version_id,
                     gboolean               in_force)
{
  GtkWidget *expander = adw_expander_row_new ();
  GArray *accepted = list_accepted (self, version_id);
  g_autofree char *title = NULL;

  if (accepted->len == 0)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("Nobody has accepted this version yet."));
      adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (expander), FALSE);
      g_array_unref (accepted);
      return expander;
    }

  title = g_strdup_printf (ngettext ("Accepted by %u person", "Accepted by %u people", accepted->len),
                           accepted->len);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
  /* Their rows are made when the list opens, from what the store said now. */
  g_object_set_data_full (G_OBJECT (expander), "accepted", accepted, (GDestroyNotify) g_array_unref);
  g_signal_connect_object (expander, "notify::expanded", G_CALLBACK (expanded_cb), self, 0);
  if (in_force && accepted->len <= MAX_OPEN_BY_ITSELF)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  return expander;
}

static GtkWidget *
new_version_group (SeancesPolicyVersions      *self,
                   const SeancesPolicyVersion *version,
                   guint                       number,
                   gboolean                    in_force)
{
  SeancesPractice *practice = seances_context_get_practice (self->context);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *words = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *date = seances_policy_format_date (seances_context_get_time_zone (self->context),
                                                      version->created_at);
  g_autofree char *saved = NULL;
  g_autofree char *summary = seances_policy_describe (&version->terms,
                                                      seances_practice_get_default_fee_cents (practice));

  if (in_force)
    /* Translators: %u is the version's number */
    title = g_strdup_printf (_("Version %u, in force"), number);
  else
    /* Translators: %u is the version's number */
    title = g_strdup_printf (_("Version %u"), number);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  /* Translators: %s is a date, « 24 novembre 2026 » */
  saved = g_strdup_printf (_("Saved on %s."), date);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), saved);

  /* The words first, as they were read: at the size of the text, not of a caption. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (words), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (words), summary);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), words);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), new_acceptances_row (self, version->id, in_force));
  return group;
}

static void
rebuild (SeancesPolicyVersions *self)
{
  SeancesPolicyStore *policies = seances_context_get_policies (self->context);
  guint n_versions = seances_policy_store_get_n_versions (policies);

  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->page, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);

  for (guint i = n_versions; i > 0; i--)
    {
      GtkWidget *group = new_version_group (self, seances_policy_store_get_version (policies, i - 1), i,
                                            i == n_versions);

      adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
      g_ptr_array_add (self->groups, group);
    }
}

static void
back_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_close_subpage (ADW_PREFERENCES_WINDOW (root));
}

static void
seances_policy_versions_constructed (GObject *object)
{
  SeancesPolicyVersions *self = (SeancesPolicyVersions *)object;

  G_OBJECT_CLASS (seances_policy_versions_parent_class)->constructed (object);

  g_signal_group_set_target (self->policies_signals, seances_context_get_policies (self->context));
  g_signal_group_set_target (self->clients_signals, seances_context_get_clients (self->context));
  rebuild (self);
}

static void
seances_policy_versions_dispose (GObject *object)
{
  SeancesPolicyVersions *self = (SeancesPolicyVersions *)object;

  g_clear_object (&self->policies_signals);
  g_clear_object (&self->clients_signals);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), SEANCES_TYPE_POLICY_VERSIONS);
  G_OBJECT_CLASS (seances_policy_versions_parent_class)->dispose (object);
}

static void
seances_policy_versions_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  SeancesPolicyVersions *self = SEANCES_POLICY_VERSIONS (object);

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
seances_policy_versions_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  SeancesPolicyVersions *self = SEANCES_POLICY_VERSIONS (object);

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
seances_policy_versions_class_init (SeancesPolicyVersionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = seances_policy_versions_constructed;
  object_class->dispose = seances_policy_versions_dispose;
  object_class->get_property = seances_policy_versions_get_property;
  object_class->set_property = seances_policy_versions_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SEANCES_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/seances/Seances/preferences/seances-policy-versions.ui");
  gtk_widget_class_bind_template_child (widget_class, SeancesPolicyVersions, page);
  gtk_widget_class_install_action (widget_class, "versions.back", NULL, back_action_cb);
}

static void
seances_policy_versions_init (SeancesPolicyVersions *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->groups = g_ptr_array_new ();
  self->policies_signals = g_signal_group_new (SEANCES_TYPE_POLICY_STORE);
  g_signal_group_connect_swapped (self->policies_signals, "changed", G_CALLBACK (rebuild), self);
  g_signal_group_connect_swapped (self->policies_signals, "acceptance-changed", G_CALLBACK (rebuild), self);
  /* The names shown are the clients' own: a renamed client is listed under the new one. */
  self->clients_signals = g_signal_group_new (SEANCES_TYPE_CLIENT_STORE);
  g_signal_group_connect_swapped (self->clients_signals, "items-changed", G_CALLBACK (rebuild), self);
}

SeancesPolicyVersions *
seances_policy_versions_new (SeancesContext *context)
{
  g_return_val_if_fail (SEANCES_IS_CONTEXT (context), NULL);
  return g_object_new (SEANCES_TYPE_POLICY_VERSIONS, "context", context, NULL);
}
