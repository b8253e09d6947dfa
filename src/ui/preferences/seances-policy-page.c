/* seances-policy-page.c — preferences « Politique d'annulation »
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Unlike the practice's settings, the policy is not saved as it is typed: each save is a
 * new version, the words clients accept and the sessions booked from then on follow, so
 * it is saved once, on purpose. The fields are read as typed: the summary follows every
 * valid change at once, and a value out of range is said under its field, in the
 * engine's words, while the summary keeps the last valid one. */
#include "config.h"

#include "seances-policy-page.h"

#include <glib/gi18n.h>

#include "seances-commitment-print.h"
#include "seances-format.h"
#include "seances-policy-labels.h"
#include "seances-policy-versions.h"

/* In the order the engine checks them, which is the page's order. */
typedef enum
{
  FIELD_NOTICE,
  FIELD_LATE,
  FIELD_ABSENCE,
  FIELD_GRACE_COUNT,
  FIELD_GRACE_MONTHS,
  FIELD_FLAG_COUNT,
  FIELD_FLAG_MONTHS,
  N_FIELDS
} Field;

/* In the order of the cost rows' items (the template's). */
static const SeancesPolicyAmountKind amount_kinds[] = {
  SEANCES_POLICY_AMOUNT_FULL,
  SEANCES_POLICY_AMOUNT_PERCENT,
  SEANCES_POLICY_AMOUNT_FIXED,
};

/* A percentage offered when the cost is switched to one. */
#define PROPOSED_PERCENT 50

struct _SeancesPolicyPage
{
  AdwPreferencesPage   parent_instance;

  AdwPreferencesGroup *summary_group;
  GtkLabel            *summary_label;
  GtkLabel            *error_label;
  GtkSpinButton       *notice_spin;
  GtkLabel            *notice_error;
  AdwPreferencesGroup *late_group;
  AdwComboRow         *late_kind_row;
  AdwActionRow        *late_percent_row;
  GtkSpinButton       *late_percent_spin;
  AdwActionRow        *late_fixed_row;
  GtkSpinButton       *late_fixed_spin;
  GtkLabel            *late_error;
  AdwComboRow         *absence_kind_row;
  AdwActionRow        *absence_percent_row;
  GtkSpinButton       *absence_percent_spin;
  AdwActionRow        *absence_fixed_row;
  GtkSpinButton       *absence_fixed_spin;
  GtkLabel            *absence_error;
  GtkSpinButton       *grace_count_spin;
  AdwActionRow        *grace_months_row;
  GtkSpinButton       *grace_months_spin;
  GtkLabel            *grace_error;
  GtkSpinButton       *flag_count_spin;
  AdwActionRow        *flag_months_row;
  GtkSpinButton       *flag_months_spin;
  GtkLabel            *flag_error;
  GtkTextView         *commitment_view;
  GtkLabel            *commitment_error;
  AdwActionRow        *versions_row;
  AdwActionRow        *print_row;

  SeancesContext      *context;
  GSignalGroup        *policies_signals;
  GSignalGroup        *practice_signals;
  SeancesPolicyTerms   draft;     /* what the fields say, each field as last valid */
  gint64               shown_id;  /* the version the fields were filled from */
  gboolean             loading;
  gboolean             has_errors;
};

G_DEFINE_FINAL_TYPE (SeancesPolicyPage, seances_policy_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static SeancesPolicyStore *
policies (SeancesPolicyPage *self)
{
  return seances_context_get_policies (self->context);
}

static gint64
default_fee (SeancesPolicyPage *self)
{
  return seances_practice_get_default_fee_cents (seances_context_get_practice (self->context));
}

static void
show_message (GtkLabel   *label,
              const char *message)
{
  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

static void
toast (SeancesPolicyPage *self,
       const char        *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (message));
}

/* The commitment as it would be saved. */
static char *
commitment_text (SeancesPolicyPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->commitment_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

/* A whole number as typed; what cannot be read is -1, which every field refuses, so
 * that the engine says what the field takes. */
static int
read_count (GtkSpinButton *spin)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin))));
  gint64 value;

  if (!g_ascii_string_to_signed (text, 10, G_MININT, G_MAXINT, &value, NULL))
    return -1;
  return (int) value;
}

static int
read_cents (GtkSpinButton *spin)
{
  gint64 cents;

  if (!seances_parse_money (gtk_editable_get_text (GTK_EDITABLE (spin)), &cents))
    return -1;
  return (int) MIN (cents, G_MAXINT);
}

static SeancesPolicyAmount
read_amount (AdwComboRow   *kind_row,
             GtkSpinButton *percent_spin,
             GtkSpinButton *fixed_spin)
{
  SeancesPolicyAmount amount = {
    .kind = amount_kinds[MIN (adw_combo_row_get_selected (kind_row), G_N_ELEMENTS (amount_kinds) - 1)],
    .value = 0,
  };

  switch (amount.kind)
    {
    case SEANCES_POLICY_AMOUNT_PERCENT:
      amount.value = read_count (percent_spin);
      break;
    case SEANCES_POLICY_AMOUNT_FIXED:
      amount.value = read_cents (fixed_spin);
      break;
    case SEANCES_POLICY_AMOUNT_FULL:
    default:
      break;
    }
  return amount;
}

static void
read_field (SeancesPolicyPage  *self,
            Field               field,
            SeancesPolicyTerms *terms)
{
  switch (field)
    {
    case FIELD_NOTICE:
      terms->notice_hours = read_count (self->notice_spin);
      break;
    case FIELD_LATE:
      terms->late = read_amount (self->late_kind_row, self->late_percent_spin, self->late_fixed_spin);
      break;
    case FIELD_ABSENCE:
      terms->absence = read_amount (self->absence_kind_row, self->absence_percent_spin, self->absence_fixed_spin);
      break;
    case FIELD_GRACE_COUNT:
      terms->grace_count = read_count (self->grace_count_spin);
      break;
    case FIELD_GRACE_MONTHS:
      terms->grace_months = read_count (self->grace_months_spin);
      break;
    case FIELD_FLAG_COUNT:
      terms->flag_count = read_count (self->flag_count_spin);
      break;
    case FIELD_FLAG_MONTHS:
      terms->flag_months = read_count (self->flag_months_spin);
      break;
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

/* Each field is tried on terms that are valid but for it: a refusal is that field's, and
 * its message goes under it (the first one, where two fields share a group). */
static void
read_fields (SeancesPolicyPage *self)
{
  GtkLabel *labels[N_FIELDS] = {
    [FIELD_NOTICE] = self->notice_error,
    [FIELD_LATE] = self->late_error,
    [FIELD_ABSENCE] = self->absence_error,
    [FIELD_GRACE_COUNT] = self->grace_error,
    [FIELD_GRACE_MONTHS] = self->grace_error,
    [FIELD_FLAG_COUNT] = self->flag_error,
    [FIELD_FLAG_MONTHS] = self->flag_error,
  };
  g_autoptr(GHashTable) refused = g_hash_table_new (NULL, NULL);
  SeancesPolicyTerms valid = self->draft;

  self->has_errors = FALSE;
  for (Field field = 0; field < N_FIELDS; field++)
    {
      SeancesPolicyTerms probe = valid;
      g_autoptr(GError) error = NULL;

      read_field (self, field, &probe);
      if (seances_policy_terms_validate (&probe, &error))
        {
          valid = probe;
          continue;
        }
      self->has_errors = TRUE;
      if (g_hash_table_add (refused, labels[field]))
        show_message (labels[field], error->message);
    }
  for (Field field = 0; field < N_FIELDS; field++)
    if (!g_hash_table_contains (refused, labels[field]))
      show_message (labels[field], NULL);
  self->draft = valid;
}

static gboolean
is_changed (SeancesPolicyPage          *self,
            const SeancesPolicyVersion *version)
{
  g_autofree char *text = commitment_text (self);

  return !seances_policy_terms_equal (&self->draft, &version->terms) ||
         g_strcmp0 (text, version->commitment) != 0;
}

static void
update_versions_row (SeancesPolicyPage *self)
{
  g_autoptr(GPtrArray) accepted = seances_policy_store_list_acceptances (policies (self), 0);
  guint n_versions = seances_policy_store_get_n_versions (policies (self));
  g_autofree char *versions = g_strdup_printf (ngettext ("%u version", "%u versions", n_versions), n_versions);
  g_autofree char *acceptances = g_strdup_printf (ngettext ("%u acceptance", "%u acceptances", accepted->len),
                                                  accepted->len);
  g_autofree char *subtitle = g_strconcat (versions, " · ", acceptances, NULL);

  adw_action_row_set_subtitle (self->versions_row, subtitle);
}

static void
update_state (SeancesPolicyPage *self)
{
  const SeancesPolicyVersion *current = seances_policy_store_get_current (policies (self));
  gboolean changed = is_changed (self, current);
  g_autofree char *summary = seances_policy_describe (&self->draft, default_fee (self));
  g_autofree char *late = NULL;
  g_autofree char *text = commitment_text (self);

  gtk_label_set_text (self->summary_label, summary);
  if (self->draft.notice_hours == 0)
    late = g_strdup (_("Cancelled after the session has started."));
  else
    late = g_strdup_printf (ngettext ("Cancelled less than %d hour before the session.",
                                      "Cancelled less than %d hours before the session.",
                                      self->draft.notice_hours),
                            self->draft.notice_hours);
  adw_preferences_group_set_description (self->late_group, late);

  gtk_widget_set_visible (GTK_WIDGET (self->late_percent_row), self->draft.late.kind == SEANCES_POLICY_AMOUNT_PERCENT);
  gtk_widget_set_visible (GTK_WIDGET (self->late_fixed_row), self->draft.late.kind == SEANCES_POLICY_AMOUNT_FIXED);
  gtk_widget_set_visible (GTK_WIDGET (self->absence_percent_row), self->draft.absence.kind == SEANCES_POLICY_AMOUNT_PERCENT);
  gtk_widget_set_visible (GTK_WIDGET (self->absence_fixed_row), self->draft.absence.kind == SEANCES_POLICY_AMOUNT_FIXED);
  gtk_widget_set_sensitive (GTK_WIDGET (self->grace_months_row), self->draft.grace_count > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->flag_months_row), self->draft.flag_count > 0);

  if (changed)
    adw_preferences_group_set_description (self->summary_group,
                                           _("Not saved yet. Saving makes a new version of the policy: "
                                             "the sessions already booked keep the policy they were booked under."));
  else
    {
      g_autofree char *date = seances_policy_format_date (seances_context_get_time_zone (self->context),
                                                          current->created_at);
      g_autofree char *status = NULL;

      /* Translators: %u is the version's number, %s a date, « 24 novembre 2026 » */
      status = g_strdup_printf (_("Version %u, in force since %s."),
                                seances_policy_version_number (policies (self), current->id), date);
      adw_preferences_group_set_description (self->summary_group, status);
    }
  adw_action_row_set_subtitle (self->print_row,
                               changed ? _("The saved policy, without the changes not saved yet")
                                       : _("The policy in force and the commitment, with two places to sign"));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "policy.save", changed && !self->has_errors);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "policy.restore-commitment",
                                 g_strcmp0 (text, seances_policy_default_commitment ()) != 0);
}

static void
show_amount (AdwComboRow               *kind_row,
             GtkSpinButton             *percent_spin,
             GtkSpinButton             *fixed_spin,
             const SeancesPolicyAmount *amount,
             gint64                     fee_cents)
{
  for (guint i = 0; i < G_N_ELEMENTS (amount_kinds); i++)
    if (amount_kinds[i] == amount->kind)
      adw_combo_row_set_selected (kind_row, i);
  gtk_spin_button_set_value (percent_spin,
                             amount->kind == SEANCES_POLICY_AMOUNT_PERCENT ? amount->value : PROPOSED_PERCENT);
  /* A fixed amount starts from the usual fee, the most it can be. */
  gtk_spin_button_set_value (fixed_spin,
                             (amount->kind == SEANCES_POLICY_AMOUNT_FIXED ? amount->value : fee_cents) / 100.0);
}

/* Fills the fields with @version's words. */
static void
load (SeancesPolicyPage          *self,
      const SeancesPolicyVersion *version)
{
  const SeancesPolicyTerms *terms = &version->terms;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->commitment_view);
  g_autofree char *text = commitment_text (self);

  self->loading = TRUE;
  gtk_spin_button_set_value (self->notice_spin, terms->notice_hours);
  show_amount (self->late_kind_row, self->late_percent_spin, self->late_fixed_spin, &terms->late, default_fee (self));
  show_amount (self->absence_kind_row, self->absence_percent_spin, self->absence_fixed_spin, &terms->absence,
               default_fee (self));
  gtk_spin_button_set_value (self->grace_count_spin, terms->grace_count);
  gtk_spin_button_set_value (self->grace_months_spin, terms->grace_months);
  gtk_spin_button_set_value (self->flag_count_spin, terms->flag_count);
  gtk_spin_button_set_value (self->flag_months_spin, terms->flag_months);
  /* Not set again when it says the same: the cursor stays where it was. */
  if (g_strcmp0 (text, version->commitment) != 0)
    gtk_text_buffer_set_text (buffer, version->commitment, -1);
  self->loading = FALSE;

  self->shown_id = version->id;
  self->draft = *terms;
  read_fields (self);
  update_state (self);
}

static void
field_changed_cb (SeancesPolicyPage *self)
{
  if (self->loading || self->context == NULL)
    return;
  read_fields (self);
  update_state (self);
}

static void
commitment_changed_cb (SeancesPolicyPage *self)
{
  if (self->loading || self->context == NULL)
    return;
  show_message (self->commitment_error, NULL);
  update_state (self);
}

/* A version was saved (here, or anywhere else): fields nobody touched show it; edits in
 * progress are kept, now compared with it. */
static void
policies_changed_cb (SeancesPolicyPage *self)
{
  const SeancesPolicyVersion *current = seances_policy_store_get_current (policies (self));
  const SeancesPolicyVersion *shown = seances_policy_store_lookup (policies (self), self->shown_id);

  if (shown == NULL || !is_changed (self, shown) || !is_changed (self, current))
    load (self, current);
  else
    update_state (self);
  update_versions_row (self);
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SeancesPolicyPage *self = SEANCES_POLICY_PAGE (widget);
  g_autofree char *text = commitment_text (self);
  g_autoptr(GError) error = NULL;

  if (!seances_policy_store_save (policies (self), &self->draft, text, &error))
    {
      /* The store refuses only the commitment's words; anything else is the database's. */
      if (g_error_matches (error, SEANCES_POLICY_STORE_ERROR, SEANCES_POLICY_STORE_ERROR_INVALID))
        show_message (self->commitment_error, error->message);
      else
        show_message (self->error_label, error->message);
      return;
    }
  show_message (self->error_label, NULL);
  show_message (self->commitment_error, NULL);
  toast (self, _("New version saved. The sessions already booked keep the policy they were booked under."));
}

static void
restore_commitment_action_cb (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  SeancesPolicyPage *self = SEANCES_POLICY_PAGE (widget);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->commitment_view),
                            seances_policy_default_commitment (), -1);
}

static void
show_versions_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SeancesPolicyPage *self = SEANCES_POLICY_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_present_subpage (ADW_PREFERENCES_WINDOW (root),
                                            GTK_WIDGET (seances_policy_versions_new (self->context)));
}

static void
print_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SeancesPolicyPage *self = SEANCES_POLICY_PAGE (widget);
  g_autoptr(SeancesCommitmentPrint) print = seances_commitment_print_new (self->context, NULL);
  g_autoptr(GError) error = NULL;

  if (!seances_commitment_print_run_dialog (print, GTK_WINDOW (gtk_widget_get_root (widget)), &error))
    toast (self, error->message);
}

static void
seances_policy_page_constructed (GObject *object)
{
  SeancesPolicyPage *self = (SeancesPolicyPage *)object;

  G_OBJECT_CLASS (seances_policy_page_parent_class)->constructed (object);

  g_signal_group_set_target (self->policies_signals, policies (self));
  g_signal_group_set_target (self->practice_signals, seances_context_get_practice (self->context));
  load (self, seances_policy_store_get_current (policies (self)));
  update_versions_row (self);
}

static void
seances_policy_page_dispose (GObject *object)
{
  SeancesPolicyPage *self = (SeancesPolicyPage *)object;

  g_clear_object (&self->policies_signals);
  g_clear_object (&self->practice_signals);
  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), SEANCES_TYPE_POLICY_PAGE);
  G_OBJECT_CLASS (seances_policy_page_parent_class)->dispose (object);
}

static void
seances_policy_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SeancesPolicyPage *self = SEANCES_POLICY_PAGE (object);

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
seances_policy_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SeancesPolicyPage *self = SEANCES_POLICY_PAGE (object);

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
seances_policy_page_class_init (SeancesPolicyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = seances_policy_page_constructed;
  object_class->dispose = seances_policy_page_dispose;
  object_class->get_property = seances_policy_page_get_property;
  object_class->set_property = seances_policy_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SEANCES_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/seances/Seances/preferences/seances-policy-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SeancesPolicyPage, summary_group);
  gtk_widget_class_bind_template_child (widget_class, SeancesPolicyPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SeancesPolicyPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, SeancesPolicyPage, notice_spin);
  gtk_widget_class_bind_template_child (widget_class, SeancesPolicyPage, notice_error);
  gtk_widget_class_bind_template_child (widget_class, SeancesPolicyPage, late_group);
  gtk_widget_class_bind_template_child (widget_class, SeancesPolicyPage, late_kind_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesPolicyPage, late_percent_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesPolicyPage, late_percent_spin);
  gtk_widget_class_bind_template_child (widget_class, SeancesPolicyPage, late_fixed_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesPolicyPage, late_fixed_spin);
  gtk_widget_class_bind_template_child (widget_class, SeancesPolicyPage, late_error);
  gtk_widget_class_bind_template_child (widget_class, SeancesPolicyPage, absence_kind_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesPolicyPage, absence_percent_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesPolicyPage, absence_percent_spin);
  gtk_widget_class_bind_template_child (widget_class, SeancesPolicyPage, absence_fixed_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesPolicyPage, absence_fixed_spin);
  gtk_widget_class_bind_template_child (widget_class, SeancesPolicyPage, absence_error);
  gtk_widget_class_bind_template_child (widget_class, SeancesPolicyPage, grace_count_spin);
  gtk_widget_class_bind_template_child (widget_class, SeancesPolicyPage, grace_months_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesPolicyPage, grace_months_spin);
  gtk_widget_class_bind_template_child (widget_class, SeancesPolicyPage, grace_error);
  gtk_widget_class_bind_template_child (widget_class, SeancesPolicyPage, flag_count_spin);
  gtk_widget_class_bind_template_child (widget_class, SeancesPolicyPage, flag_months_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesPolicyPage, flag_months_spin);
  gtk_widget_class_bind_template_child (widget_class, SeancesPolicyPage, flag_error);
  gtk_widget_class_bind_template_child (widget_class, SeancesPolicyPage, commitment_view);
  gtk_widget_class_bind_template_child (widget_class, SeancesPolicyPage, commitment_error);
  gtk_widget_class_bind_template_child (widget_class, SeancesPolicyPage, versions_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesPolicyPage, print_row);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_install_action (widget_class, "policy.save", NULL, save_action_cb);
  gtk_widget_class_install_action (widget_class, "policy.restore-commitment", NULL, restore_commitment_action_cb);
  gtk_widget_class_install_action (widget_class, "policy.show-versions", NULL, show_versions_action_cb);
  gtk_widget_class_install_action (widget_class, "policy.print", NULL, print_action_cb);
}

static void
seances_policy_page_init (SeancesPolicyPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_text_view_get_buffer (self->commitment_view), "changed",
                           G_CALLBACK (commitment_changed_cb), self, G_CONNECT_SWAPPED);

  self->policies_signals = g_signal_group_new (SEANCES_TYPE_POLICY_STORE);
  g_signal_group_connect_swapped (self->policies_signals, "changed", G_CALLBACK (policies_changed_cb), self);
  g_signal_group_connect_swapped (self->policies_signals, "acceptance-changed",
                                  G_CALLBACK (update_versions_row), self);
  /* The summary turns percentages into amounts of the usual fee. */
  self->practice_signals = g_signal_group_new (SEANCES_TYPE_PRACTICE);
  g_signal_group_connect_swapped (self->practice_signals, "notify::default-fee-cents",
                                  G_CALLBACK (update_state), self);
}

SeancesPolicyPage *
seances_policy_page_new (SeancesContext *context)
{
  g_return_val_if_fail (SEANCES_IS_CONTEXT (context), NULL);
  return g_object_new (SEANCES_TYPE_POLICY_PAGE, "context", context, NULL);
}
