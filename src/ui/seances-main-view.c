/* seances-main-view.c — the practice once open: today, agenda and people, under one header
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built only once the database is open, so that the window's first frame (a header
 * and a blank page) costs no more than an empty window. The clients view takes the
 * context when it is made: it is added to the stack in constructed(), not in the
 * template. */
#include "config.h"

#include "seances-main-view.h"

#include <glib/gi18n.h>

#include "fees/seances-fees-view.h"

struct _SeancesMainView
{
  AdwBin                parent_instance;

  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack         *view_stack;
  AdwViewStackPage     *review_page;
  AdwViewStackPage     *clients_page;
  AdwBin               *review_bin;
  AdwBin               *agenda_bin;
  AdwBin               *fees_bin;
  SeancesReviewView    *review_view;
  SeancesAgendaView    *agenda_view;
  SeancesClientsView   *clients_view;
  GtkRevealer          *notice_revealer;
  GtkLabel             *notice_label;

  SeancesContext         *context;
  SeancesBackupScheduler *scheduler;
  GSignalGroup           *practice_signals;
};

G_DEFINE_FINAL_TYPE (SeancesMainView, seances_main_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_SCHEDULER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
name_changed_cb (SeancesMainView *self)
{
  adw_view_switcher_title_set_subtitle (self->switcher_title,
                                        seances_practice_get_name (seances_context_get_practice (self->context)));
}

/* The practitioner chooses the word: therapists see patients, coaches clients. */
static void
vocabulary_changed_cb (SeancesMainView *self)
{
  gboolean clients = seances_practice_get_vocabulary (seances_context_get_practice (self->context)) ==
                     SEANCES_VOCABULARY_CLIENT;

  adw_view_stack_page_set_title (self->clients_page, clients ? _("Clients") : _("Patients"));
}

/* A calm word when the data is not safely backed up; gone once a backup succeeds. */
static void
backup_changed_cb (SeancesMainView *self)
{
  g_autofree char *notice = seances_backup_scheduler_dup_notice (self->scheduler);

  if (notice != NULL)
    gtk_label_set_text (self->notice_label, notice);
  gtk_revealer_set_reveal_child (self->notice_revealer, notice != NULL);
}

/* The sessions waiting for a decision, counted on the page's button. */
static void
to_review_changed_cb (SeancesMainView *self)
{
  guint n = seances_review_view_get_n_to_review (self->review_view);

  adw_view_stack_page_set_badge_number (self->review_page, n);
  adw_view_stack_page_set_needs_attention (self->review_page, n > 0);
}

static void
client_requested_cb (SeancesMainView *self,
                     gint64           client_id)
{
  SeancesClient *client = seances_client_store_lookup (seances_context_get_clients (self->context), client_id);

  if (client == NULL)
    return;
  seances_main_view_show (self, "clients");
  seances_clients_view_open_client (self->clients_view, client);
}

static void
new_session_requested_cb (SeancesMainView *self,
                          SeancesClient   *client)
{
  seances_agenda_view_new_session (self->agenda_view, client);
}

/* « Honoraires dus » is made when first shown: most starts never open it. */
static void
page_shown_cb (SeancesMainView *self)
{
  GtkWidget *fees_view;

  /* The stack also says so while it is built and taken apart. */
  if (self->fees_bin == NULL || self->context == NULL || adw_bin_get_child (self->fees_bin) != NULL ||
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "fees") != 0)
    return;
  fees_view = seances_fees_view_new (self->context);
  g_signal_connect_object (fees_view, "client-requested", G_CALLBACK (client_requested_cb), self, G_CONNECT_SWAPPED);
  adw_bin_set_child (self->fees_bin, fees_view);
}

static void
seances_main_view_constructed (GObject *object)
{
  SeancesMainView *self = (SeancesMainView *)object;

  G_OBJECT_CLASS (seances_main_view_parent_class)->constructed (object);

  self->clients_view = SEANCES_CLIENTS_VIEW (seances_clients_view_new (self->context));
  g_signal_connect_swapped (self->clients_view, "new-session-requested",
                            G_CALLBACK (new_session_requested_cb), self);
  self->clients_page = adw_view_stack_add_named (self->view_stack, GTK_WIDGET (self->clients_view), "clients");
  adw_view_stack_page_set_icon_name (self->clients_page, "system-users-symbolic");
  /* After the people: what they owe comes last. */
  self->fees_bin = ADW_BIN (adw_bin_new ());
  adw_view_stack_page_set_icon_name (adw_view_stack_add_titled (self->view_stack, GTK_WIDGET (self->fees_bin),
                                                                "fees", _("Fees")),
                                     "seances-fees-symbolic");

  g_signal_connect_object (self->scheduler, "changed", G_CALLBACK (backup_changed_cb), self, G_CONNECT_SWAPPED);
  backup_changed_cb (self);
  g_signal_group_set_target (self->practice_signals, seances_context_get_practice (self->context));
  name_changed_cb (self);
  vocabulary_changed_cb (self);
  /* The agenda too needs the context from its construction. */
  self->agenda_view = seances_agenda_view_new (self->context);
  g_signal_connect_object (self->agenda_view, "client-requested", G_CALLBACK (client_requested_cb),
                           self, G_CONNECT_SWAPPED);
  adw_bin_set_child (self->agenda_bin, GTK_WIDGET (self->agenda_view));

  self->review_view = seances_review_view_new (self->context);
  g_signal_connect_object (self->review_view, "notify::n-to-review", G_CALLBACK (to_review_changed_cb),
                           self, G_CONNECT_SWAPPED);
  to_review_changed_cb (self);
  adw_bin_set_child (self->review_bin, GTK_WIDGET (self->review_view));
}

static void
seances_main_view_dispose (GObject *object)
{
  SeancesMainView *self = (SeancesMainView *)object;

  g_clear_object (&self->practice_signals);
  g_clear_object (&self->scheduler);
  g_clear_object (&self->context);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SEANCES_TYPE_MAIN_VIEW);
  G_OBJECT_CLASS (seances_main_view_parent_class)->dispose (object);
}

static void
seances_main_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SeancesMainView *self = SEANCES_MAIN_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_SCHEDULER:
      g_value_set_object (value, self->scheduler);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
seances_main_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SeancesMainView *self = SEANCES_MAIN_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_SCHEDULER:
      self->scheduler = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
seances_main_view_class_init (SeancesMainViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = seances_main_view_constructed;
  object_class->dispose = seances_main_view_dispose;
  object_class->get_property = seances_main_view_get_property;
  object_class->set_property = seances_main_view_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SEANCES_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCHEDULER] =
    g_param_spec_object ("scheduler", NULL, NULL, SEANCES_TYPE_BACKUP_SCHEDULER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/seances/Seances/seances-main-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SeancesMainView, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, SeancesMainView, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SeancesMainView, review_page);
  gtk_widget_class_bind_template_child (widget_class, SeancesMainView, review_bin);
  gtk_widget_class_bind_template_child (widget_class, SeancesMainView, agenda_bin);
  gtk_widget_class_bind_template_child (widget_class, SeancesMainView, notice_revealer);
  gtk_widget_class_bind_template_child (widget_class, SeancesMainView, notice_label);
  gtk_widget_class_bind_template_callback (widget_class, page_shown_cb);
}

static void
seances_main_view_init (SeancesMainView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->practice_signals = g_signal_group_new (SEANCES_TYPE_PRACTICE);
  g_signal_group_connect_swapped (self->practice_signals, "notify::name",
                                  G_CALLBACK (name_changed_cb), self);
  g_signal_group_connect_swapped (self->practice_signals, "notify::vocabulary",
                                  G_CALLBACK (vocabulary_changed_cb), self);
}

SeancesMainView *
seances_main_view_new (SeancesContext         *context,
                       SeancesBackupScheduler *scheduler)
{
  g_return_val_if_fail (SEANCES_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (SEANCES_IS_BACKUP_SCHEDULER (scheduler), NULL);

  return g_object_new (SEANCES_TYPE_MAIN_VIEW, "context", context, "scheduler", scheduler, NULL);
}

SeancesAgendaView *
seances_main_view_get_agenda (SeancesMainView *self)
{
  g_return_val_if_fail (SEANCES_IS_MAIN_VIEW (self), NULL);
  return self->agenda_view;
}

SeancesClientsView *
seances_main_view_get_clients (SeancesMainView *self)
{
  g_return_val_if_fail (SEANCES_IS_MAIN_VIEW (self), NULL);
  return self->clients_view;
}

/* @page is "review", "agenda", "clients" or "fees". */
void
seances_main_view_show (SeancesMainView *self,
                        const char      *page)
{
  g_return_if_fail (SEANCES_IS_MAIN_VIEW (self));
  adw_view_stack_set_visible_child_name (self->view_stack, page);
}
