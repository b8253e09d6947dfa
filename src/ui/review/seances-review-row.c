/* seances-review-row.c — one session of the review: when, who, what became of it
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Its buttons are the review view's review.* actions, with the session's id as their
 * target: the view looks the session up itself. They take no keyboard focus: the row
 * does, and the key written on each button closes the focused row. */
#include "config.h"

#include "seances-review-row.h"

#include <glib/gi18n.h>

#include "clients/seances-client-labels.h"
#include "seances-time.h"

struct _SeancesReviewRow
{
  AdwPreferencesRow   parent_instance;

  GtkLabel           *hour_label;
  GtkLabel           *name_label;
  GtkLabel           *next_label;
  GtkLabel           *flag_label;
  GtkLabel           *status_label;
  GtkWidget          *keys_box;
  GtkWidget          *honoured_button;
  GtkWidget          *in_time_button;
  GtkWidget          *late_button;
  GtkWidget          *absence_button;
  GtkWidget          *move_button;
  GtkWidget          *force_button;
  GtkWidget          *next_date_button;

  SeancesContext     *context;
  SeancesAppointment *appointment;
  char               *description;  /* what a screen reader says of it */
  gboolean            to_review;
};

G_DEFINE_FINAL_TYPE (SeancesReviewRow, seances_review_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_APPOINTMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What a screen reader says of the row: what the eye reads along it. */
static void
update_description (SeancesReviewRow *self)
{
  GString *text = g_string_new (NULL);

  /* Translators: what a screen reader says of a session of the review: « 9 h 00, Hélène Martin, À revoir » */
  g_string_printf (text, _("%s, %s, %s"), gtk_label_get_text (self->hour_label),
                   gtk_label_get_text (self->name_label), gtk_label_get_text (self->status_label));
  if (gtk_widget_get_visible (GTK_WIDGET (self->next_label)))
    g_string_append_printf (text, ", %s", gtk_label_get_text (self->next_label));
  if (gtk_widget_get_visible (GTK_WIDGET (self->flag_label)))
    g_string_append_printf (text, ", %s", gtk_label_get_text (self->flag_label));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text->str, -1);
  g_free (self->description);
  self->description = g_string_free (text, FALSE);
}

/* A session still scheduled waits for a decision once it has begun; before, it can only
 * be moved. Whatever was decided shows as such. */
static void
update (SeancesReviewRow *self)
{
  SeancesAppointment *appointment = self->appointment;
  GTimeZone *tz = seances_context_get_time_zone (self->context);
  gint64 now = seances_context_get_now (self->context);
  SeancesClient *client;
  gboolean scheduled;
  gboolean started;
  g_autofree char *hour = NULL;
  const char *status;

  client = seances_client_store_lookup (seances_context_get_clients (self->context),
                                        seances_appointment_get_client_id (appointment));
  hour = seances_time_format_hour (tz, seances_appointment_get_start (appointment));
  gtk_label_set_text (self->hour_label, hour);
  gtk_label_set_text (self->name_label, client != NULL ? seances_client_get_display_name (client) : "");

  scheduled = seances_appointment_get_status (appointment) == SEANCES_APPOINTMENT_STATUS_SCHEDULED;
  started = seances_appointment_get_start (appointment) <= now;
  self->to_review = scheduled && started;
  if (!scheduled)
    status = seances_appointment_status_label (seances_appointment_get_status (appointment));
  else if (seances_appointment_is_over (appointment, now))
    status = _("To review");
  else if (started)
    status = _("In progress");
  else
    status = C_("session status", "Scheduled");
  gtk_label_set_text (self->status_label, status);
  if (self->to_review && seances_appointment_is_over (appointment, now))
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "review-to-review");
  if (!scheduled)
    gtk_widget_add_css_class (GTK_WIDGET (self), "review-closed");

  /* Before it begins, a session can only be moved. */
  gtk_widget_set_visible (self->keys_box, scheduled);
  gtk_widget_set_visible (self->honoured_button, self->to_review);
  gtk_widget_set_visible (self->in_time_button, self->to_review);
  gtk_widget_set_visible (self->late_button, self->to_review);
  gtk_widget_set_visible (self->absence_button, self->to_review);
  gtk_widget_set_visible (self->force_button, self->to_review);
  update_description (self);
}

static void
set_targets (SeancesReviewRow *self)
{
  GtkWidget *buttons[] = {
    self->honoured_button, self->in_time_button, self->late_button, self->absence_button,
    self->move_button, self->force_button, self->next_date_button,
  };
  /* One floating target for every button: each takes a reference. */
  GVariant *target = g_variant_ref_sink (g_variant_new_int64 (seances_appointment_get_id (self->appointment)));

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (buttons[i]), target);
  g_variant_unref (target);
}

static void
seances_review_row_constructed (GObject *object)
{
  SeancesReviewRow *self = (SeancesReviewRow *)object;

  G_OBJECT_CLASS (seances_review_row_parent_class)->constructed (object);

  g_return_if_fail (SEANCES_IS_CONTEXT (self->context));
  g_return_if_fail (SEANCES_IS_APPOINTMENT (self->appointment));
  set_targets (self);
  update (self);
}

static void
seances_review_row_dispose (GObject *object)
{
  SeancesReviewRow *self = (SeancesReviewRow *)object;

  g_clear_object (&self->appointment);
  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), SEANCES_TYPE_REVIEW_ROW);
  G_OBJECT_CLASS (seances_review_row_parent_class)->dispose (object);
}

static void
seances_review_row_finalize (GObject *object)
{
  SeancesReviewRow *self = (SeancesReviewRow *)object;

  g_free (self->description);
  G_OBJECT_CLASS (seances_review_row_parent_class)->finalize (object);
}

static void
seances_review_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SeancesReviewRow *self = SEANCES_REVIEW_ROW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_APPOINTMENT:
      g_value_set_object (value, self->appointment);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
seances_review_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SeancesReviewRow *self = SEANCES_REVIEW_ROW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_APPOINTMENT:
      self->appointment = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
seances_review_row_class_init (SeancesReviewRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = seances_review_row_constructed;
  object_class->dispose = seances_review_row_dispose;
  object_class->finalize = seances_review_row_finalize;
  object_class->get_property = seances_review_row_get_property;
  object_class->set_property = seances_review_row_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SEANCES_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_APPOINTMENT] =
    g_param_spec_object ("appointment", NULL, NULL, SEANCES_TYPE_APPOINTMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/seances/Seances/review/seances-review-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SeancesReviewRow, hour_label);
  gtk_widget_class_bind_template_child (widget_class, SeancesReviewRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, SeancesReviewRow, next_label);
  gtk_widget_class_bind_template_child (widget_class, SeancesReviewRow, flag_label);
  gtk_widget_class_bind_template_child (widget_class, SeancesReviewRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, SeancesReviewRow, keys_box);
  gtk_widget_class_bind_template_child (widget_class, SeancesReviewRow, honoured_button);
  gtk_widget_class_bind_template_child (widget_class, SeancesReviewRow, in_time_button);
  gtk_widget_class_bind_template_child (widget_class, SeancesReviewRow, late_button);
  gtk_widget_class_bind_template_child (widget_class, SeancesReviewRow, absence_button);
  gtk_widget_class_bind_template_child (widget_class, SeancesReviewRow, move_button);
  gtk_widget_class_bind_template_child (widget_class, SeancesReviewRow, force_button);
  gtk_widget_class_bind_template_child (widget_class, SeancesReviewRow, next_date_button);
}

static void
seances_review_row_init (SeancesReviewRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
seances_review_row_new (SeancesContext     *context,
                        SeancesAppointment *appointment)
{
  g_return_val_if_fail (SEANCES_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (SEANCES_IS_APPOINTMENT (appointment), NULL);

  return g_object_new (SEANCES_TYPE_REVIEW_ROW, "context", context, "appointment", appointment, NULL);
}

SeancesAppointment *
seances_review_row_get_appointment (SeancesReviewRow *self)
{
  g_return_val_if_fail (SEANCES_IS_REVIEW_ROW (self), NULL);
  return self->appointment;
}

/* « 9 h 00, Hélène Martin, À revoir, Confirmation requise » */
const char *
seances_review_row_get_description (SeancesReviewRow *self)
{
  g_return_val_if_fail (SEANCES_IS_REVIEW_ROW (self), NULL);
  return self->description;
}

/* Whether the session waits for a decision: still scheduled, and begun. */
gboolean
seances_review_row_is_to_review (SeancesReviewRow *self)
{
  g_return_val_if_fail (SEANCES_IS_REVIEW_ROW (self), FALSE);
  return self->to_review;
}

/* The next session of the day stands out. */
void
seances_review_row_set_next (SeancesReviewRow *self,
                             gboolean          next)
{
  g_return_if_fail (SEANCES_IS_REVIEW_ROW (self));

  gtk_widget_set_visible (GTK_WIDGET (self->next_label), next);
  if (next)
    gtk_widget_add_css_class (GTK_WIDGET (self), "review-next-row");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "review-next-row");
  update_description (self);
}

void
seances_review_row_set_needs_confirmation (SeancesReviewRow *self,
                                           gboolean          needs_confirmation)
{
  g_return_if_fail (SEANCES_IS_REVIEW_ROW (self));

  gtk_widget_set_visible (GTK_WIDGET (self->flag_label), needs_confirmation);
  update_description (self);
}

/* « Fixer la prochaine date »: after a session held, for a client seen at a rhythm who
 * has no next session booked. */
void
seances_review_row_set_next_date_offered (SeancesReviewRow *self,
                                          gboolean          offered)
{
  g_return_if_fail (SEANCES_IS_REVIEW_ROW (self));
  gtk_widget_set_visible (self->next_date_button, offered);
}
