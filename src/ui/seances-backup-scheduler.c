/* seances-backup-scheduler.c — the daily automatic backup while Séances runs, and at quit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One backup a local day, into the folder the practitioner chose: checked shortly after
 * the practice is shown, then every hour, and once more when the window closes, so that
 * a practice opened every day is backed up every day without anyone thinking of it.
 * The backup runs in a thread on copied data; the database records its time on the main
 * thread. The window owns the scheduler and stops it when it goes away, so that it never
 * keeps the practice open longer than the window, apart from a last backup at quit. */
#include "config.h"

#include "seances-backup-scheduler.h"

#include <glib/gi18n.h>

#include "seances-auto-backup.h"

#define CHECK_INTERVAL_S 3600
/* Quitting waits for a backup at most this long; a large practice takes seconds. */
#define QUIT_LIMIT_S 120

struct _SeancesBackupScheduler
{
  GObject         parent_instance;

  SeancesContext *context;
  char           *folder;
  gint64          last_at;
  GError         *error;         /* of the last run, NULL when it went well */
  gboolean        running;
  guint           idle_source;
  guint           timer_source;

  GApplication   *held;          /* held until the running backup ends, at quit */
  guint           quit_source;
};

G_DEFINE_FINAL_TYPE (SeancesBackupScheduler, seances_backup_scheduler, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  SeancesDatabase *database;  /* where its time is recorded, on the main thread */
  char            *database_path;
  SeancesKey      *key;
  char            *folder;
  gint64           now;
  GTimeZone       *tz;
} Run;

static void
run_free (Run *run)
{
  g_clear_object (&run->database);
  g_free (run->database_path);
  seances_key_free (run->key);
  g_free (run->folder);
  g_time_zone_unref (run->tz);
  g_free (run);
}

static void
release_application (SeancesBackupScheduler *self)
{
  g_clear_handle_id (&self->quit_source, g_source_remove);
  if (self->held != NULL)
    {
      g_application_release (self->held);
      g_clear_object (&self->held);
    }
}

static gboolean
quit_limit_cb (gpointer data)
{
  SeancesBackupScheduler *self = data;

  self->quit_source = 0;
  g_warning ("The backup at quit took too long; quitting without waiting for it");
  release_application (self);
  return G_SOURCE_REMOVE;
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Run *run = task_data;
  GError *error = NULL;

  if (seances_auto_backup_run (run->database_path, run->key, run->folder, run->now, run->tz, NULL, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  SeancesBackupScheduler *self = SEANCES_BACKUP_SCHEDULER (source);
  Run *run = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->running = FALSE;
  g_clear_error (&self->error);

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autoptr(GError) state_error = NULL;

      self->last_at = run->now;
      if (!seances_auto_backup_set_last_at (run->database, run->now, &state_error))
        g_warning ("Cannot record the time of the backup: %s", state_error->message);
    }
  else
    {
      g_debug ("The automatic backup failed: %s", error->message);
      self->error = g_steal_pointer (&error);
    }
  /* The worker thread may drop the task a little later: the database is not kept. */
  g_clear_object (&run->database);

  release_application (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
run_backup (SeancesBackupScheduler *self)
{
  g_autoptr(GTask) task = NULL;
  SeancesDatabase *database;
  Run *run;

  g_return_if_fail (self->context != NULL && self->folder != NULL && !self->running);

  database = seances_context_get_database (self->context);
  run = g_new0 (Run, 1);
  run->database = g_object_ref (database);
  run->database_path = g_strdup (seances_database_get_path (database));
  run->key = seances_key_copy (seances_database_get_key (database));
  run->folder = g_strdup (self->folder);
  run->now = seances_context_get_now (self->context);
  run->tz = g_time_zone_ref (seances_context_get_time_zone (self->context));

  self->running = TRUE;
  g_signal_emit (self, signals[CHANGED], 0);

  task = g_task_new (self, NULL, run_done_cb, NULL);
  g_task_set_source_tag (task, run_backup);
  g_task_set_task_data (task, run, (GDestroyNotify) run_free);
  g_task_run_in_thread (task, run_thread);
}

static gboolean
is_due (SeancesBackupScheduler *self)
{
  return self->context != NULL && self->folder != NULL && !self->running &&
         seances_auto_backup_is_due (self->last_at, seances_context_get_now (self->context),
                                     seances_context_get_time_zone (self->context));
}

/* Also said every hour when nothing is due, so that the notice of an old backup ages. */
static gboolean
check_cb (gpointer data)
{
  SeancesBackupScheduler *self = data;

  if (is_due (self))
    run_backup (self);
  else
    g_signal_emit (self, signals[CHANGED], 0);
  return G_SOURCE_CONTINUE;
}

static gboolean
first_check_cb (gpointer data)
{
  SeancesBackupScheduler *self = data;

  self->idle_source = 0;
  check_cb (self);
  return G_SOURCE_REMOVE;
}

static void
seances_backup_scheduler_dispose (GObject *object)
{
  SeancesBackupScheduler *self = (SeancesBackupScheduler *)object;

  seances_backup_scheduler_stop (self);
  release_application (self);
  G_OBJECT_CLASS (seances_backup_scheduler_parent_class)->dispose (object);
}

static void
seances_backup_scheduler_finalize (GObject *object)
{
  SeancesBackupScheduler *self = (SeancesBackupScheduler *)object;

  g_free (self->folder);
  g_clear_error (&self->error);
  G_OBJECT_CLASS (seances_backup_scheduler_parent_class)->finalize (object);
}

static void
seances_backup_scheduler_class_init (SeancesBackupSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = seances_backup_scheduler_dispose;
  object_class->finalize = seances_backup_scheduler_finalize;

  /* Whenever the folder, the running state, the last backup or its error changed. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
seances_backup_scheduler_init (SeancesBackupScheduler *self)
{
}

SeancesBackupScheduler *
seances_backup_scheduler_new (SeancesContext *context)
{
  SeancesBackupScheduler *self;
  SeancesDatabase *database;

  g_return_val_if_fail (SEANCES_IS_CONTEXT (context), NULL);

  self = g_object_new (SEANCES_TYPE_BACKUP_SCHEDULER, NULL);
  self->context = g_object_ref (context);
  database = seances_context_get_database (context);
  self->folder = seances_auto_backup_get_folder (database);
  self->last_at = seances_auto_backup_get_last_at (database);
  return self;
}

/* The first check waits until the main loop is idle, after the first frames. */
void
seances_backup_scheduler_start (SeancesBackupScheduler *self)
{
  g_return_if_fail (SEANCES_IS_BACKUP_SCHEDULER (self));

  if (self->context == NULL || self->timer_source != 0)
    return;
  self->idle_source = g_idle_add_full (G_PRIORITY_LOW, first_check_cb, self, NULL);
  self->timer_source = g_timeout_add_seconds (CHECK_INTERVAL_S, check_cb, self);
}

void
seances_backup_scheduler_run_now (SeancesBackupScheduler *self)
{
  g_return_if_fail (SEANCES_IS_BACKUP_SCHEDULER (self));

  if (self->context != NULL && self->folder != NULL && !self->running)
    run_backup (self);
}

/* Called as the window closes: a backup due today is taken before Séances exits, and
 * one already running is waited for, both within QUIT_LIMIT_S. */
void
seances_backup_scheduler_quit (SeancesBackupScheduler *self,
                               GApplication           *application)
{
  g_return_if_fail (SEANCES_IS_BACKUP_SCHEDULER (self));
  g_return_if_fail (G_IS_APPLICATION (application));

  if (self->held != NULL)
    return;
  if (is_due (self))
    run_backup (self);
  if (!self->running)
    return;

  self->held = g_object_ref (application);
  g_application_hold (application);
  self->quit_source = g_timeout_add_seconds (QUIT_LIMIT_S, quit_limit_cb, self);
}

/* Drops the context and the timers; a backup already running still records its time. */
void
seances_backup_scheduler_stop (SeancesBackupScheduler *self)
{
  g_return_if_fail (SEANCES_IS_BACKUP_SCHEDULER (self));

  g_clear_handle_id (&self->idle_source, g_source_remove);
  g_clear_handle_id (&self->timer_source, g_source_remove);
  g_clear_object (&self->context);
}

gboolean
seances_backup_scheduler_get_running (SeancesBackupScheduler *self)
{
  g_return_val_if_fail (SEANCES_IS_BACKUP_SCHEDULER (self), FALSE);
  return self->running;
}

const char *
seances_backup_scheduler_get_folder (SeancesBackupScheduler *self)
{
  g_return_val_if_fail (SEANCES_IS_BACKUP_SCHEDULER (self), NULL);
  return self->folder;
}

/* Checks @folder as a backup would, then keeps it, and backs up into it at once when
 * today's backup is still to be made: the drive is plugged in now. */
gboolean
seances_backup_scheduler_set_folder (SeancesBackupScheduler  *self,
                                     const char              *folder,
                                     GError                 **error)
{
  g_return_val_if_fail (SEANCES_IS_BACKUP_SCHEDULER (self), FALSE);
  g_return_val_if_fail (folder != NULL, FALSE);
  g_return_val_if_fail (self->context != NULL, FALSE);

  if (!seances_auto_backup_check_folder (folder, seances_context_get_now (self->context),
                                         seances_context_get_time_zone (self->context), error) ||
      !seances_auto_backup_set_folder (seances_context_get_database (self->context), folder, error))
    return FALSE;

  g_free (self->folder);
  self->folder = g_strdup (folder);
  g_clear_error (&self->error);
  g_signal_emit (self, signals[CHANGED], 0);
  if (is_due (self))
    run_backup (self);
  return TRUE;
}

gint64
seances_backup_scheduler_get_last_at (SeancesBackupScheduler *self)
{
  g_return_val_if_fail (SEANCES_IS_BACKUP_SCHEDULER (self), 0);
  return self->last_at;
}

const GError *
seances_backup_scheduler_get_error (SeancesBackupScheduler *self)
{
  g_return_val_if_fail (SEANCES_IS_BACKUP_SCHEDULER (self), NULL);
  return self->error;
}

/* The one sentence the main window shows when the data is not safely backed up, or NULL. */
char *
seances_backup_scheduler_dup_notice (SeancesBackupScheduler *self)
{
  g_autofree char *age = NULL;
  GTimeZone *tz;
  gint64 now;

  g_return_val_if_fail (SEANCES_IS_BACKUP_SCHEDULER (self), NULL);

  if (self->context == NULL)
    return NULL;
  if (g_error_matches (self->error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return g_strdup (self->error->message);

  now = seances_context_get_now (self->context);
  if (!seances_auto_backup_is_stale (self->last_at,
                                     seances_auto_backup_get_created_at (seances_context_get_database (self->context)),
                                     now))
    return NULL;
  if (self->last_at <= 0)
    return g_strdup (_("Your data is not backed up anywhere yet."));

  tz = seances_context_get_time_zone (self->context);
  age = seances_backup_format_age (self->last_at, now, tz);
  /* Translators: « Dernière sauvegarde il y a 9 jours. » */
  return g_strdup_printf (_("Last backup %s."), age);
}
