/* seances-notifications-page.c — preferences « Notifications »: reminders and the background
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * This computer's settings (GSettings), not the practice's: each computer the practice is
 * opened on notifies as its user chose, and applies a change at once. Starting with the
 * session is the autostart entry itself, written or removed here. */
#include "config.h"

#include "seances-notifications-page.h"

#include <glib/gi18n.h>

#include "seances-autostart.h"
#include "seances-format.h"
#include "seances-time.h"

struct _SeancesNotificationsPage
{
  AdwPreferencesPage  parent_instance;

  GtkSpinButton      *next_session_spin;
  GtkSwitch          *review_switch;
  AdwActionRow       *review_time_row;
  GtkSpinButton      *review_time_spin;
  GtkSwitch          *names_switch;
  GtkSwitch          *background_switch;
  AdwActionRow       *autostart_row;
  GtkSwitch          *autostart_switch;

  GSettings          *settings;
  gboolean            loading;
};

G_DEFINE_FINAL_TYPE (SeancesNotificationsPage, seances_notifications_page, ADW_TYPE_PREFERENCES_PAGE)

static void
toast (SeancesNotificationsPage *self,
       const char               *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (message));
}

/* Starting with the session starts in the background: without it, the switch is there
 * only to be turned off. */
static void
update_autostart_row (SeancesNotificationsPage *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->autostart_row),
                            gtk_switch_get_active (self->background_switch) ||
                            gtk_switch_get_active (self->autostart_switch));
}

static void
set_autostart (SeancesNotificationsPage *self,
               gboolean                  enabled)
{
  g_autoptr(GError) error = NULL;

  if (enabled != seances_autostart_is_enabled () && !seances_autostart_set_enabled (enabled, &error))
    toast (self, error->message);

  self->loading = TRUE;
  gtk_switch_set_active (self->autostart_switch, seances_autostart_is_enabled ());
  self->loading = FALSE;
  update_autostart_row (self);
}

/* « 19 h 00 » for 1140 minutes after midnight. */
static gboolean
review_time_output_cb (GtkSpinButton *spin,
                       gpointer       user_data)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  int minutes = gtk_spin_button_get_value_as_int (spin);
  g_autofree char *text = seances_time_format_hour (utc, (gint64) minutes * 60);

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

/* A time typed as people write it: « 19h », « 19 h 30 », « 19:30 ». */
static int
review_time_input_cb (GtkSpinButton *spin,
                      double        *new_value,
                      gpointer       user_data)
{
  int hour, minute;

  if (!seances_parse_clock (gtk_editable_get_text (GTK_EDITABLE (spin)), &hour, &minute))
    return GTK_INPUT_ERROR;
  *new_value = hour * 60 + minute;
  return TRUE;
}

static void
background_changed_cb (SeancesNotificationsPage *self)
{
  /* Nothing would keep running for the session to start. */
  if (!self->loading && !gtk_switch_get_active (self->background_switch))
    set_autostart (self, FALSE);
  update_autostart_row (self);
}

static void
autostart_changed_cb (SeancesNotificationsPage *self)
{
  if (!self->loading)
    set_autostart (self, gtk_switch_get_active (self->autostart_switch));
}

static void
seances_notifications_page_dispose (GObject *object)
{
  SeancesNotificationsPage *self = SEANCES_NOTIFICATIONS_PAGE (object);

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), SEANCES_TYPE_NOTIFICATIONS_PAGE);
  G_OBJECT_CLASS (seances_notifications_page_parent_class)->dispose (object);
}

static void
seances_notifications_page_class_init (SeancesNotificationsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = seances_notifications_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/seances/Seances/preferences/seances-notifications-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SeancesNotificationsPage, next_session_spin);
  gtk_widget_class_bind_template_child (widget_class, SeancesNotificationsPage, review_switch);
  gtk_widget_class_bind_template_child (widget_class, SeancesNotificationsPage, review_time_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesNotificationsPage, review_time_spin);
  gtk_widget_class_bind_template_child (widget_class, SeancesNotificationsPage, names_switch);
  gtk_widget_class_bind_template_child (widget_class, SeancesNotificationsPage, background_switch);
  gtk_widget_class_bind_template_child (widget_class, SeancesNotificationsPage, autostart_row);
  gtk_widget_class_bind_template_child (widget_class, SeancesNotificationsPage, autostart_switch);
  gtk_widget_class_bind_template_callback (widget_class, review_time_input_cb);
  gtk_widget_class_bind_template_callback (widget_class, review_time_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, background_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, autostart_changed_cb);
}

static void
seances_notifications_page_init (SeancesNotificationsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->loading = TRUE;
  g_settings_bind (self->settings, "notify-next-session", self->next_session_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "notify-review", self->review_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "notify-review-time", self->review_time_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "notify-show-names", self->names_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "run-in-background", self->background_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_object_bind_property (self->review_switch, "active", self->review_time_row, "sensitive", G_BINDING_SYNC_CREATE);
  gtk_switch_set_active (self->autostart_switch, seances_autostart_is_enabled ());
  self->loading = FALSE;
  update_autostart_row (self);
}

SeancesNotificationsPage *
seances_notifications_page_new (void)
{
  return g_object_new (SEANCES_TYPE_NOTIFICATIONS_PAGE, NULL);
}
