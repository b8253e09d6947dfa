/* seances-rebook-row.c — one person to book again: who, since when, and « Réserver »
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * « Réserver » is the rebook.book action of the page, with the client's id. Built in
 * code: a template would be parsed again for each row the list makes. */
#include "config.h"

#include "seances-rebook-row.h"

#include <glib/gi18n.h>

#include "seances-client-labels.h"
#include "seances-time.h"

struct _SeancesRebookRow
{
  GtkWidget           parent_instance;

  GtkWidget          *box;
  GtkLabel           *name;
  GtkLabel           *detail;
  GtkWidget          *late;
  GtkWidget          *book_button;

  SeancesContext     *context;
  SeancesClient      *client;
  SeancesRebookEntry  entry;
};

G_DEFINE_FINAL_TYPE (SeancesRebookRow, seances_rebook_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* « Toutes les 2 semaines · Dernière séance il y a 21 jours · Rien de prévu » */
static char *
describe (SeancesRebookRow *self)
{
  GTimeZone *tz = seances_context_get_time_zone (self->context);
  gint64 now = seances_context_get_now (self->context);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  char *rhythm = seances_client_rhythm_label (self->entry.rhythm_weeks);

  if (rhythm != NULL)
    g_ptr_array_add (parts, rhythm);
  if (self->entry.last_honoured == 0)
    g_ptr_array_add (parts, g_strdup (_("No session yet")));
  else
    {
      g_autofree char *age = seances_time_format_age (tz, self->entry.last_honoured, now);

      /* Translators: %s says when, « il y a 21 jours », « hier » */
      g_ptr_array_add (parts, g_strdup_printf (_("Last session %s"), age));
    }
  if (self->entry.next_start == 0)
    g_ptr_array_add (parts, g_strdup (_("Nothing booked")));
  else
    {
      g_autofree char *day = seances_time_format_day_near (tz, self->entry.next_start, now);

      /* Translators: %s is a day, « mardi 12 janvier » */
      g_ptr_array_add (parts, g_strdup_printf (_("Next on %s"), day));
    }
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
show_entry (SeancesRebookRow *self)
{
  g_autofree char *detail = NULL;
  g_autofree char *book = NULL;
  const char *name;

  if (self->client == NULL)
    return;
  name = seances_client_get_display_name (self->client);
  detail = describe (self);
  /* Translators: the accessible name of « Réserver » on a person's row: « Réserver pour Hélène Martin » */
  book = g_strdup_printf (_("Book for %s"), name);
  gtk_label_set_text (self->name, name);
  gtk_label_set_text (self->detail, detail);
  gtk_widget_set_visible (self->late, self->entry.reason == SEANCES_REBOOK_PAST_RHYTHM);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->book_button),
                                          g_variant_new_int64 (seances_client_get_id (self->client)));
  /* « Réserver » alone says nothing to a screen reader going from button to button. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->book_button), GTK_ACCESSIBLE_PROPERTY_LABEL, book, -1);
}

static GtkWidget *
add_label (GtkWidget  *box,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);
  return label;
}

static void
seances_rebook_row_dispose (GObject *object)
{
  SeancesRebookRow *self = (SeancesRebookRow *)object;

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->client);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (seances_rebook_row_parent_class)->dispose (object);
}

static void
seances_rebook_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SeancesRebookRow *self = SEANCES_REBOOK_ROW (object);

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
seances_rebook_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SeancesRebookRow *self = SEANCES_REBOOK_ROW (object);

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
seances_rebook_row_class_init (SeancesRebookRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = seances_rebook_row_dispose;
  object_class->get_property = seances_rebook_row_get_property;
  object_class->set_property = seances_rebook_row_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SEANCES_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "rebookrow");
}

static void
seances_rebook_row_init (SeancesRebookRow *self)
{
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (self->box), text);
  gtk_box_append (GTK_BOX (text), heading);
  self->name = GTK_LABEL (add_label (heading, "heading"));
  self->late = add_label (heading, "caption-heading");
  gtk_label_set_text (GTK_LABEL (self->late), _("Past their rhythm"));
  gtk_widget_add_css_class (self->late, "rebook-late");
  self->detail = GTK_LABEL (add_label (text, "caption"));
  gtk_widget_add_css_class (GTK_WIDGET (self->detail), "dim-label");

  self->book_button = gtk_button_new_with_label (_("Book"));
  gtk_widget_set_valign (self->book_button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->book_button), g_variant_new_int64 (0));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->book_button), "rebook.book");
  gtk_box_append (GTK_BOX (self->box), self->book_button);
}

GtkWidget *
seances_rebook_row_new (SeancesContext *context)
{
  g_return_val_if_fail (SEANCES_IS_CONTEXT (context), NULL);
  return g_object_new (SEANCES_TYPE_REBOOK_ROW, "context", context, NULL);
}

SeancesClient *
seances_rebook_row_get_client (SeancesRebookRow *self)
{
  g_return_val_if_fail (SEANCES_IS_REBOOK_ROW (self), NULL);
  return self->client;
}

/* Shows @client as @entry says (@client NULL: nobody, the row is free). */
void
seances_rebook_row_set_entry (SeancesRebookRow         *self,
                              SeancesClient            *client,
                              const SeancesRebookEntry *entry)
{
  g_return_if_fail (SEANCES_IS_REBOOK_ROW (self));
  g_return_if_fail (client == NULL || entry != NULL);

  g_set_object (&self->client, client);
  if (entry != NULL)
    self->entry = *entry;
  show_entry (self);
}
