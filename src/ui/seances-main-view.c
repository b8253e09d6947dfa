/* seances-main-view.c — the practice once open: agenda and people, under one header
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built only once the database is open, so that the window's first frame (a header
 * and a blank page) costs no more than an empty window. */
#include "config.h"

#include "seances-main-view.h"

#include <glib/gi18n.h>

struct _SeancesMainView
{
  AdwBin                parent_instance;

  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack         *view_stack;
  AdwViewStackPage     *clients_page;
  AdwBin               *agenda_bin;
  SeancesAgendaView    *agenda_view;
  SeancesClientsView   *clients_view;
  GtkRevealer          *notice_revealer;
  GtkLabel             *notice_label;

  SeancesContext         *context;
  SeancesBackupScheduler *scheduler;
};

G_DEFINE_FINAL_TYPE (SeancesMainView, seances_main_view, ADW_TYPE_BIN)

static void
practice_changed_cb (SeancesMainView *self)
{
  const SeancesPractice *practice = seances_context_get_practice (self->context);
  gboolean clients = practice != NULL && practice->vocabulary == SEANCES_VOCABULARY_CLIENT;

  adw_view_switcher_title_set_subtitle (self->switcher_title, practice != NULL ? practice->name : "");
  /* The practitioner chooses the word: therapists see patients, coaches clients. */
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

static void
seances_main_view_dispose (GObject *object)
{
  SeancesMainView *self = (SeancesMainView *)object;

  g_clear_object (&self->scheduler);
  g_clear_object (&self->context);
  self->agenda_view = NULL;  /* the bin holds it */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SEANCES_TYPE_MAIN_VIEW);
  G_OBJECT_CLASS (seances_main_view_parent_class)->dispose (object);
}

static void
seances_main_view_class_init (SeancesMainViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = seances_main_view_dispose;

  g_type_ensure (SEANCES_TYPE_CLIENTS_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/seances/Seances/seances-main-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SeancesMainView, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, SeancesMainView, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SeancesMainView, clients_page);
  gtk_widget_class_bind_template_child (widget_class, SeancesMainView, agenda_bin);
  gtk_widget_class_bind_template_child (widget_class, SeancesMainView, clients_view);
  gtk_widget_class_bind_template_child (widget_class, SeancesMainView, notice_revealer);
  gtk_widget_class_bind_template_child (widget_class, SeancesMainView, notice_label);
  gtk_widget_class_bind_template_callback (widget_class, new_session_requested_cb);
}

static void
seances_main_view_init (SeancesMainView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SeancesMainView *
seances_main_view_new (SeancesContext         *context,
                       SeancesBackupScheduler *scheduler)
{
  SeancesMainView *self;

  g_return_val_if_fail (SEANCES_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (SEANCES_IS_BACKUP_SCHEDULER (scheduler), NULL);

  self = g_object_new (SEANCES_TYPE_MAIN_VIEW, NULL);
  self->context = g_object_ref (context);
  self->scheduler = g_object_ref (scheduler);
  g_signal_connect_object (scheduler, "changed", G_CALLBACK (backup_changed_cb), self, G_CONNECT_SWAPPED);
  backup_changed_cb (self);
  g_signal_connect_object (context, "practice-changed", G_CALLBACK (practice_changed_cb),
                           self, G_CONNECT_SWAPPED);
  practice_changed_cb (self);
  /* The agenda is made here: it needs the context from its construction. */
  self->agenda_view = seances_agenda_view_new (context);
  g_signal_connect_object (self->agenda_view, "client-requested", G_CALLBACK (client_requested_cb),
                           self, G_CONNECT_SWAPPED);
  adw_bin_set_child (self->agenda_bin, GTK_WIDGET (self->agenda_view));
  seances_clients_view_set_context (self->clients_view, context);
  return self;
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

/* @page is "agenda" or "clients". */
void
seances_main_view_show (SeancesMainView *self,
                        const char      *page)
{
  g_return_if_fail (SEANCES_IS_MAIN_VIEW (self));
  adw_view_stack_set_visible_child_name (self->view_stack, page);
}
