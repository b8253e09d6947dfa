/* seances-client-editor.c — the form that creates a client or edits their record
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The form edits a copy: the stored client changes only once the store accepts the copy,
 * and a refused form stays as typed, with one sentence saying what to fix. */
#include "config.h"

#include "seances-client-editor.h"

#include <glib/gi18n.h>

#include "seances-client-labels.h"
#include "seances-format.h"

/* As checked by seances_client_validate(). */
#define MAX_NOTE_CHARS 500

/* In the order of the channel row's items. */
static const SeancesChannel channels[] = { SEANCES_CHANNEL_EMAIL, SEANCES_CHANNEL_SMS, SEANCES_CHANNEL_BOTH };

/* The rhythms offered; a stored one not in this list is added to it. */
static const int rhythms[] = { 0, 1, 2, 3, 4, 6, 8 };

struct _SeancesClientEditor
{
  AdwWindow        parent_instance;

  GtkLabel        *error_label;
  AdwEntryRow     *first_name_row;
  AdwEntryRow     *last_name_row;
  AdwEntryRow     *email_row;
  AdwEntryRow     *phone_row;
  AdwComboRow     *channel_row;
  AdwComboRow     *rhythm_row;
  GtkTextBuffer   *note_buffer;
  GtkLabel        *note_count_label;

  SeancesContext  *context;
  SeancesClient   *client;         /* the stored client; NULL for a new one */
  GArray          *rhythm_weeks;   /* int, in the order of the rhythm row's items */
  gboolean         channel_chosen; /* once chosen, the channel no longer follows the fields */
  gboolean         filling;
};

G_DEFINE_FINAL_TYPE (SeancesClientEditor, seances_client_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_CLIENT,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static guint
channel_index (SeancesChannel channel)
{
  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    if (channels[i] == channel)
      return i;
  return 0;
}

/* Picks the channel for the practitioner, who may still choose another. */
static void
suggest_channel (SeancesClientEditor *self,
                 SeancesChannel       channel)
{
  self->filling = TRUE;
  adw_combo_row_set_selected (self->channel_row, channel_index (channel));
  self->filling = FALSE;
}

static void
setup_channels (SeancesClientEditor *self)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    gtk_string_list_append (model, seances_client_channel_label (channels[i]));
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (model));
}

static void
setup_rhythms (SeancesClientEditor *self,
               int                  current)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  guint position = 0;

  g_array_append_vals (self->rhythm_weeks, rhythms, G_N_ELEMENTS (rhythms));
  while (position < self->rhythm_weeks->len && g_array_index (self->rhythm_weeks, int, position) < current)
    position++;
  if (position == self->rhythm_weeks->len || g_array_index (self->rhythm_weeks, int, position) != current)
    g_array_insert_val (self->rhythm_weeks, position, current);

  for (guint i = 0; i < self->rhythm_weeks->len; i++)
    {
      int weeks = g_array_index (self->rhythm_weeks, int, i);
      g_autofree char *label = seances_client_rhythm_label (weeks);

      /* Translators: no target rhythm of sessions */
      gtk_string_list_append (model, label != NULL ? label : C_("rhythm", "None"));
    }
  adw_combo_row_set_model (self->rhythm_row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (self->rhythm_row, position);
}

static char *
get_note (SeancesClientEditor *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->note_buffer, &start, &end);
  return gtk_text_buffer_get_text (self->note_buffer, &start, &end, FALSE);
}

/* Fills the form from the stored client; the widgets' own signals are not the user's
 * choices while this runs. */
static void
fill (SeancesClientEditor *self)
{
  SeancesClient *client = self->client;
  g_autofree char *phone = NULL;

  self->filling = TRUE;
  setup_channels (self);
  setup_rhythms (self, client != NULL ? seances_client_get_rhythm_weeks (client) : 0);
  if (client != NULL)
    {
      phone = seances_phone_format (seances_client_get_phone (client));
      gtk_editable_set_text (GTK_EDITABLE (self->first_name_row), seances_client_get_first_name (client));
      gtk_editable_set_text (GTK_EDITABLE (self->last_name_row), seances_client_get_last_name (client));
      gtk_editable_set_text (GTK_EDITABLE (self->email_row), seances_client_get_email (client));
      gtk_editable_set_text (GTK_EDITABLE (self->phone_row), phone);
      adw_combo_row_set_selected (self->channel_row, channel_index (seances_client_get_channel (client)));
      gtk_text_buffer_set_text (self->note_buffer, seances_client_get_note (client), -1);
      self->channel_chosen = TRUE;
    }
  self->filling = FALSE;
}

static const char *
field_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* The client as typed, on a copy of the stored one so that its status stays. */
static SeancesClient *
build_client (SeancesClientEditor *self)
{
  SeancesClient *client = self->client != NULL ? seances_client_copy (self->client) : seances_client_new ();
  g_autofree char *note = get_note (self);
  guint rhythm = adw_combo_row_get_selected (self->rhythm_row);

  seances_client_set_first_name (client, field_text (self->first_name_row));
  seances_client_set_last_name (client, field_text (self->last_name_row));
  seances_client_set_email (client, field_text (self->email_row));
  seances_client_set_phone (client, field_text (self->phone_row));
  seances_client_set_channel (client, channels[MIN (adw_combo_row_get_selected (self->channel_row),
                                                   G_N_ELEMENTS (channels) - 1)]);
  seances_client_set_rhythm_weeks (client, rhythm < self->rhythm_weeks->len
                                           ? g_array_index (self->rhythm_weeks, int, rhythm) : 0);
  seances_client_set_note (client, note);
  return client;
}

static void
show_error (SeancesClientEditor *self,
            const char          *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
save (SeancesClientEditor *self)
{
  g_autoptr(SeancesClient) client = build_client (self);
  g_autoptr(GError) error = NULL;
  SeancesClientStore *store = seances_context_get_clients (self->context);
  gboolean saved;

  if (self->client == NULL)
    saved = seances_client_store_add (store, client, &error);
  else
    saved = seances_client_store_update (store, client, &error);

  if (!saved)
    {
      if (!g_error_matches (error, SEANCES_CLIENT_ERROR, SEANCES_CLIENT_ERROR_INVALID))
        g_warning ("Cannot save a client: %s", error->message);
      show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0,
                 seances_client_store_lookup (store, seances_client_get_id (client)));
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Until the practitioner picks a channel, it follows what can reach the new client. */
static void
contact_changed_cb (SeancesClientEditor *self)
{
  gboolean has_email = *field_text (self->email_row) != '\0';
  gboolean has_phone = *field_text (self->phone_row) != '\0';

  if (self->channel_chosen || self->filling)
    return;
  if (has_email)
    suggest_channel (self, SEANCES_CHANNEL_EMAIL);
  else if (has_phone)
    suggest_channel (self, SEANCES_CHANNEL_SMS);
}

static void
channel_selected_cb (SeancesClientEditor *self)
{
  if (!self->filling)
    self->channel_chosen = TRUE;
}

static void
note_changed_cb (SeancesClientEditor *self)
{
  int count = gtk_text_buffer_get_char_count (self->note_buffer);
  g_autofree char *text = NULL;

  /* Translators: characters typed in the note, out of the most allowed */
  text = g_strdup_printf (_("%d / %d"), count, MAX_NOTE_CHARS);
  gtk_label_set_text (self->note_count_label, text);
  if (count > MAX_NOTE_CHARS)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->note_count_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->note_count_label), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->note_count_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->note_count_label), "dim-label");
    }
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save (SEANCES_CLIENT_EDITOR (widget));
}

static void
seances_client_editor_constructed (GObject *object)
{
  SeancesClientEditor *self = (SeancesClientEditor *)object;

  G_OBJECT_CLASS (seances_client_editor_parent_class)->constructed (object);

  if (self->client != NULL)
    gtk_window_set_title (GTK_WINDOW (self), _("Edit Record"));
  else
    gtk_window_set_title (GTK_WINDOW (self),
                          seances_clients_says_client (self->context) ? _("New Client") : _("New Patient"));
  fill (self);
  note_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->first_name_row));
}

static void
seances_client_editor_dispose (GObject *object)
{
  SeancesClientEditor *self = (SeancesClientEditor *)object;

  g_clear_object (&self->context);
  g_clear_object (&self->client);
  gtk_widget_dispose_template (GTK_WIDGET (self), SEANCES_TYPE_CLIENT_EDITOR);

  G_OBJECT_CLASS (seances_client_editor_parent_class)->dispose (object);
}

static void
seances_client_editor_finalize (GObject *object)
{
  SeancesClientEditor *self = (SeancesClientEditor *)object;

  g_clear_pointer (&self->rhythm_weeks, g_array_unref);

  G_OBJECT_CLASS (seances_client_editor_parent_class)->finalize (object);
}

static void
seances_client_editor_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SeancesClientEditor *self = SEANCES_CLIENT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
seances_client_editor_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SeancesClientEditor *self = SEANCES_CLIENT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
seances_client_editor_class_init (SeancesClientEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = seances_client_editor_constructed;
  object_class->dispose = seances_client_editor_dispose;
  object_class->finalize = seances_client_editor_finalize;
  object_class->get_property = seances_client_editor_get_property;
  object_class->set_property = seances_client_editor_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SEANCES_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The stored client to edit, or NULL to create one. */
  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, SEANCES_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SeancesClientEditor::saved:
   * @client: the stored client, new or updated
   *
   * Emitted once the store has saved the form, just before the editor closes.
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SEANCES_TYPE_CLIENT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/seances/Seances/clients/seances-client-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SeancesClientEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, SeancesClientEditor, first_name_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesClientEditor, last_name_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesClientEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesClientEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesClientEditor, channel_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesClientEditor, rhythm_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesClientEditor, note_buffer);
  gtk_widget_class_bind_template_child (widget_class, SeancesClientEditor, note_count_label);
  gtk_widget_class_bind_template_callback (widget_class, contact_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, channel_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, note_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
seances_client_editor_init (SeancesClientEditor *self)
{
  GtkEventController *controller;
  static const guint enter_keys[] = { GDK_KEY_Return, GDK_KEY_KP_Enter, GDK_KEY_ISO_Enter };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rhythm_weeks = g_array_new (FALSE, FALSE, sizeof (int));

  /* Ctrl+Enter saves from anywhere, the note included, where Enter starts a new line. */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (enter_keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (enter_keys[i], GDK_CONTROL_MASK),
                                                            gtk_named_action_new ("editor.save")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* A modal window over @parent that edits @client, or creates one when @client is NULL. */
SeancesClientEditor *
seances_client_editor_new (GtkWindow      *parent,
                           SeancesContext *context,
                           SeancesClient  *client)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SEANCES_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (client == NULL || SEANCES_IS_CLIENT (client), NULL);

  return g_object_new (SEANCES_TYPE_CLIENT_EDITOR,
                       "transient-for", parent,
                       "context", context,
                       "client", client,
                       NULL);
}
