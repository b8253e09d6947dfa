/* test-outbox.c — the queue's states, in a real encrypted database, two senders at once
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sys/wait.h>
#include <unistd.h>

#include "seances-database-private.h"
#include "seances-outbox.h"
#include "seances-test.h"

#define NOW G_GINT64_CONSTANT (1795525200)  /* 24 November 2026, 14:00 in Paris */
#define NBSP "\xc2\xa0"

typedef struct
{
  char            *path;
  SeancesKey      *key;
  SeancesDatabase *database;
  SeancesClock    *clock;
  SeancesOutbox   *outbox;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->path = g_build_filename (g_get_user_data_dir (), "seances.db", NULL);
  fixture->key = seances_key_new_random ();
  fixture->database = seances_database_create (fixture->path, fixture->key, &error);
  g_assert_no_error (error);
  g_assert_true (seances_database_exec (fixture->database,
    "INSERT INTO client (id, first_name, last_name, email, search_key, sort_key, created_at, updated_at)"
    " VALUES (1, 'Zoé', 'Aubigné', 'zoe@exemple.fr', 'zoe aubigne', 'aubigne zoe', 0, 0);"
    "INSERT INTO appointment (id, client_id, start_at, end_at, created_at)"
    " VALUES (1, 1, 1795525200 + 86400, 1795525200 + 86400 + 3000, 0),"
    "        (2, 1, 1795525200 + 2 * 86400, 1795525200 + 2 * 86400 + 3000, 0)", &error));
  g_assert_no_error (error);
  fixture->clock = seances_clock_new_fixed (NOW);
  fixture->outbox = seances_outbox_new (fixture->database, fixture->clock, "main");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->outbox);
  g_clear_object (&fixture->clock);
  g_assert_finalize_object (fixture->database);
  seances_key_free (fixture->key);
  g_free (fixture->path);
}

static gint64
queue (Fixture    *fixture,
       gint64      appointment_id,
       const char *kind,
       gint64      due_at,
       gint64      expires_at,
       gboolean    approval)
{
  g_autoptr(GError) error = NULL;
  SeancesMessageDraft draft = {
    .kind = kind,
    .channel = SEANCES_MESSAGE_EMAIL,
    .client_id = 1,
    .appointment_id = appointment_id,
    .recipient = "zoe@exemple.fr",
    .subject = "Votre rendez-vous",
    .body = "Bonjour Zoé",
    .due_at = due_at,
    .expires_at = expires_at,
    .needs_approval = approval,
  };
  gint64 id = seances_outbox_queue (fixture->outbox, &draft, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static SeancesMessageState
state_of (Fixture *fixture,
          gint64   id)
{
  g_autoptr(GError) error = NULL;
  SeancesMessageState state = SEANCES_MESSAGE_CANCELLED;

  g_assert_true (seances_outbox_get_state (fixture->outbox, id, &state, &error));
  g_assert_no_error (error);
  return state;
}

static gint64
column (Fixture    *fixture,
        gint64      id,
        const char *name)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce (%s, -1) FROM message WHERE id = ?1", name);
  g_autoptr(SeancesStatement) stmt = seances_database_prepare (fixture->database, sql, NULL);
  gboolean has_row = FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_true (seances_database_step (fixture->database, stmt, &has_row, NULL));
  g_assert_true (has_row);
  return sqlite3_column_int64 (stmt, 0);
}

/* Claimed when due, once, in the order due. */
static void
test_claim_order (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 later = queue (fixture, 0, "follow_up_second", NOW + 60, 0, FALSE);
  gint64 first = queue (fixture, 0, "follow_up_first_new", NOW - 60, 0, FALSE);
  gint64 waiting = queue (fixture, 0, "follow_up_final", NOW - 120, 0, TRUE);
  g_autoptr(SeancesClaimedMessage) claimed = seances_outbox_claim (fixture->outbox, &error);
  g_autoptr(SeancesClaimedMessage) none = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (claimed);
  g_assert_cmpint (claimed->id, ==, first);
  g_assert_cmpint (claimed->attempts, ==, 1);
  g_assert_cmpstr (claimed->recipient, ==, "zoe@exemple.fr");
  g_assert_cmpint (state_of (fixture, first), ==, SEANCES_MESSAGE_SENDING);
  /* the next is not due, the other waits for approval */
  none = seances_outbox_claim (fixture->outbox, &error);
  g_assert_no_error (error);
  g_assert_null (none);
  g_assert_cmpint (state_of (fixture, waiting), ==, SEANCES_MESSAGE_APPROVAL);
  g_assert_cmpint (state_of (fixture, later), ==, SEANCES_MESSAGE_QUEUED);

  g_assert_true (seances_outbox_mark_data_started (fixture->outbox, first, &error));
  g_assert_true (seances_outbox_mark_sent (fixture->outbox, first, &error));
  g_assert_no_error (error);
  g_assert_cmpint (state_of (fixture, first), ==, SEANCES_MESSAGE_SENT);
  g_assert_cmpint (column (fixture, first, "sent_at"), ==, NOW);
  /* sent is final for the sender: nothing can be marked on it any more */
  g_assert_false (seances_outbox_mark_retry (fixture->outbox, first, "x", &error));
  g_assert_error (error, SEANCES_OUTBOX_ERROR, SEANCES_OUTBOX_ERROR_STATE);
}

/* Retries after 1, 5, 30 min, 2 h, then 6 h; failed after three days of trying. */
static void
test_retry_backoff (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  static const gint64 delays[] = { 60, 300, 1800, 7200, 21600, 21600 };
  gint64 id = queue (fixture, 0, "follow_up_second", NOW, 0, FALSE);
  gint64 t = NOW;

  for (guint i = 0; i < G_N_ELEMENTS (delays); i++)
    {
      g_autoptr(SeancesClaimedMessage) claimed = NULL;
      g_autoptr(SeancesClaimedMessage) early = NULL;

      g_test_message ("attempt %u", i + 1);
      seances_clock_set_now (fixture->clock, t);
      claimed = seances_outbox_claim (fixture->outbox, &error);
      g_assert_nonnull (claimed);
      g_assert_cmpint (claimed->attempts, ==, i + 1);
      g_assert_true (seances_outbox_mark_retry (fixture->outbox, id, "451 Réessayez plus tard", &error));
      g_assert_no_error (error);
      g_assert_cmpint (state_of (fixture, id), ==, SEANCES_MESSAGE_RETRY);
      g_assert_cmpint (column (fixture, id, "next_attempt_at"), ==, t + delays[i]);
      seances_clock_set_now (fixture->clock, t + delays[i] - 1);
      early = seances_outbox_claim (fixture->outbox, &error);
      g_assert_null (early);
      t += delays[i];
    }

  /* Three days after the first attempt: failed, with its reason. */
  seances_clock_set_now (fixture->clock, NOW + SEANCES_OUTBOX_GIVE_UP_SECONDS);
  {
    g_autoptr(SeancesClaimedMessage) last = seances_outbox_claim (fixture->outbox, &error);

    g_assert_nonnull (last);
    g_assert_true (seances_outbox_mark_retry (fixture->outbox, id, "451 Réessayez plus tard", &error));
  }
  g_assert_cmpint (state_of (fixture, id), ==, SEANCES_MESSAGE_FAILED);
}

/* A reminder never goes once its session has begun: expired when due after it, and a
 * retry that would come after it expires at once. */
static void
test_expiry (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 start = NOW + 120;
  gint64 reminder = queue (fixture, 1, "reminder_email", NOW, start, FALSE);
  gint64 other = queue (fixture, 2, "reminder_email", NOW - 10, NOW - 5, FALSE);
  g_autoptr(SeancesClaimedMessage) claimed = NULL;

  g_assert_cmpuint (seances_outbox_expire (fixture->outbox, &error), ==, 1);
  g_assert_cmpint (state_of (fixture, other), ==, SEANCES_MESSAGE_EXPIRED);

  claimed = seances_outbox_claim (fixture->outbox, &error);
  g_assert_cmpint (claimed->id, ==, reminder);
  g_clear_pointer (&claimed, seances_claimed_message_free);
  seances_clock_set_now (fixture->clock, NOW + 90);
  g_assert_true (seances_outbox_mark_retry (fixture->outbox, reminder, "pas de réseau", &error));
  g_assert_cmpint (state_of (fixture, reminder), ==, SEANCES_MESSAGE_EXPIRED);
}

/* One reminder per session and kind: planned again, it replaces the one waiting; once it
 * went (or may have), planning again changes nothing. */
static void
test_one_per_session (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 first = queue (fixture, 1, "reminder_email", NOW + 600, NOW + 86400, FALSE);
  gint64 again = queue (fixture, 1, "reminder_email", NOW + 1200, NOW + 86400, FALSE);
  gint64 sms = queue (fixture, 1, "reminder_sms", NOW + 1200, NOW + 86400, FALSE);
  g_autoptr(SeancesClaimedMessage) claimed = NULL;

  g_assert_cmpint (again, ==, first);
  g_assert_cmpint (sms, !=, first);
  g_assert_cmpint (column (fixture, first, "due_at"), ==, NOW + 1200);

  seances_clock_set_now (fixture->clock, NOW + 1200);
  claimed = seances_outbox_claim (fixture->outbox, &error);
  g_assert_true (seances_outbox_mark_data_started (fixture->outbox, claimed->id, &error));
  g_assert_true (seances_outbox_mark_uncertain (fixture->outbox, claimed->id, "coupure", &error));
  g_assert_cmpint (queue (fixture, 1, claimed->id == first ? "reminder_email" : "reminder_sms",
                          NOW + 3000, NOW + 86400, FALSE), ==, claimed->id);
  g_assert_cmpint (state_of (fixture, claimed->id), ==, SEANCES_MESSAGE_UNCERTAIN);

  /* cancelled with its session, and planned again when the cancellation is undone */
  g_assert_cmpuint (seances_outbox_cancel_for_appointment (fixture->outbox, 1, &error), ==, 1);
  {
    gint64 remaining = claimed->id == first ? sms : first;

    g_assert_cmpint (state_of (fixture, remaining), ==, SEANCES_MESSAGE_CANCELLED);
    g_assert_cmpint (queue (fixture, 1, claimed->id == first ? "reminder_sms" : "reminder_email",
                            NOW + 3000, NOW + 86400, FALSE), ==, remaining);
    g_assert_cmpint (state_of (fixture, remaining), ==, SEANCES_MESSAGE_QUEUED);
  }
}

/* The practitioner's hands: approve, hold, release, send now, cancel, pause; each refused
 * in a state that does not allow it, with a French sentence. */
static void
test_practitioner (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = queue (fixture, 0, "follow_up_first_new", NOW + 3600, 0, TRUE);
  g_autoptr(SeancesClaimedMessage) claimed = NULL;

  g_assert_true (seances_outbox_hold (fixture->outbox, id, &error));
  g_assert_cmpint (state_of (fixture, id), ==, SEANCES_MESSAGE_HELD);
  g_assert_false (seances_outbox_approve (fixture->outbox, id, &error));
  g_assert_error (error, SEANCES_OUTBOX_ERROR, SEANCES_OUTBOX_ERROR_STATE);
  g_assert_cmpstr (error->message, ==, "Ce message n’attend plus de validation.");
  g_clear_error (&error);
  g_assert_true (seances_outbox_release (fixture->outbox, id, &error));
  g_assert_cmpint (state_of (fixture, id), ==, SEANCES_MESSAGE_QUEUED);
  g_assert_true (seances_outbox_send_now (fixture->outbox, id, &error));
  g_assert_cmpint (column (fixture, id, "due_at"), ==, NOW);

  g_assert_true (seances_outbox_set_paused (fixture->outbox, TRUE, &error));
  claimed = seances_outbox_claim (fixture->outbox, &error);
  g_assert_null (claimed);
  g_assert_no_error (error);
  g_assert_true (seances_outbox_set_paused (fixture->outbox, FALSE, &error));
  claimed = seances_outbox_claim (fixture->outbox, &error);
  g_assert_nonnull (claimed);

  g_assert_false (seances_outbox_cancel (fixture->outbox, id, &error));
  g_assert_error (error, SEANCES_OUTBOX_ERROR, SEANCES_OUTBOX_ERROR_STATE);
  g_assert_cmpstr (error->message, ==, "Ce message ne peut plus être annulé" NBSP ": il est parti ou en "
                   "train de partir.");
  g_clear_error (&error);

  /* uncertain: the practitioner says it arrived, or sends it again with its Message-ID */
  g_assert_true (seances_outbox_mark_data_started (fixture->outbox, id, &error));
  g_assert_true (seances_outbox_mark_uncertain (fixture->outbox, id, "coupure", &error));
  g_assert_true (seances_outbox_resolve_uncertain (fixture->outbox, id, FALSE, &error));
  g_assert_cmpint (state_of (fixture, id), ==, SEANCES_MESSAGE_QUEUED);
}

/* A sender that died: a claim whose content had not left goes again, one whose content
 * had is uncertain — found by the next sender, in this process or another. */
static void
test_recover (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SeancesOutbox) dead = seances_outbox_new (fixture->database, fixture->clock, "999999999");
  g_autoptr(SeancesOutbox) alive = seances_outbox_new (fixture->database, fixture->clock, NULL);
  gint64 before = queue (fixture, 0, "follow_up_first_new", NOW - 20, 0, FALSE);
  gint64 during = queue (fixture, 0, "follow_up_second", NOW - 10, 0, FALSE);
  gint64 kept = queue (fixture, 0, "follow_up_final", NOW - 5, 0, FALSE);
  g_autoptr(SeancesClaimedMessage) a = seances_outbox_claim (dead, &error);
  g_autoptr(SeancesClaimedMessage) b = seances_outbox_claim (dead, &error);
  g_autoptr(SeancesClaimedMessage) c = seances_outbox_claim (alive, &error);

  g_assert_cmpint (a->id, ==, before);
  g_assert_cmpint (b->id, ==, during);
  g_assert_cmpint (c->id, ==, kept);
  g_assert_true (seances_outbox_mark_data_started (dead, during, &error));

  /* pid 999999999 does not exist; this process does, and its claim is recent */
  g_assert_cmpuint (seances_outbox_recover (fixture->outbox, &error), ==, 2);
  g_assert_cmpint (state_of (fixture, before), ==, SEANCES_MESSAGE_RETRY);
  g_assert_cmpint (state_of (fixture, during), ==, SEANCES_MESSAGE_UNCERTAIN);
  g_assert_cmpint (state_of (fixture, kept), ==, SEANCES_MESSAGE_SENDING);
  /* the dead sender cannot settle what it no longer holds */
  g_assert_false (seances_outbox_mark_sent (dead, before, &error));
  g_assert_error (error, SEANCES_OUTBOX_ERROR, SEANCES_OUTBOX_ERROR_STATE);
  g_clear_error (&error);

  /* a claim older than any send: settled too */
  seances_clock_set_now (fixture->clock, NOW + SEANCES_OUTBOX_STALE_CLAIM_SECONDS);
  g_assert_cmpuint (seances_outbox_recover (fixture->outbox, &error), ==, 1);
  g_assert_cmpint (state_of (fixture, kept), ==, SEANCES_MESSAGE_RETRY);
}

/* Two processes claim the same 200 messages at once: each is taken exactly once. */
static void
test_two_senders (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  pid_t children[2];

  for (int i = 0; i < 200; i++)
    queue (fixture, 0, "follow_up_second", NOW - i, 0, FALSE);
  g_clear_object (&fixture->outbox);
  g_assert_finalize_object (g_steal_pointer (&fixture->database));

  for (int c = 0; c < 2; c++)
    {
      children[c] = fork ();
      g_assert_cmpint (children[c], >=, 0);
      if (children[c] == 0)
        {
          g_autoptr(SeancesDatabase) database = seances_database_open (fixture->path, fixture->key, NULL);
          g_autoptr(SeancesOutbox) outbox = seances_outbox_new (database, fixture->clock, NULL);
          SeancesClaimedMessage *claimed;

          while ((claimed = seances_outbox_claim (outbox, NULL)) != NULL)
            {
              seances_outbox_mark_data_started (outbox, claimed->id, NULL);
              seances_outbox_mark_sent (outbox, claimed->id, NULL);
              seances_claimed_message_free (claimed);
            }
          _exit (0);
        }
    }
  for (int c = 0; c < 2; c++)
    {
      int status = 0;

      g_assert_cmpint (waitpid (children[c], &status, 0), ==, children[c]);
      g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
    }

  fixture->database = seances_database_open (fixture->path, fixture->key, &error);
  g_assert_no_error (error);
  fixture->outbox = seances_outbox_new (fixture->database, fixture->clock, "main");
  {
    g_autoptr(SeancesStatement) stmt =
      seances_database_prepare (fixture->database,
                                "SELECT count(*), sum (attempts = 1), count (DISTINCT claimed_by IS NULL)"
                                " FROM message WHERE state = 'sent'", NULL);
    gboolean has_row = FALSE;

    g_assert_true (seances_database_step (fixture->database, stmt, &has_row, NULL));
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 200);
    g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 200);
  }
}

/* No recipient, or one with a line break: refused, nothing queued. */
static void
test_refused_recipient (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char * const recipients[] = { "", "zoe@exemple.fr\r\nBcc: x@y.fr", NULL };

  for (guint i = 0; recipients[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      SeancesMessageDraft draft = { .kind = "reminder_email", .recipient = recipients[i], .body = "x",
                                    .due_at = NOW };

      g_test_message ("recipients[%u]", i);
      g_assert_cmpint (seances_outbox_queue (fixture->outbox, &draft, &error), ==, 0);
      g_assert_error (error, SEANCES_OUTBOX_ERROR, SEANCES_OUTBOX_ERROR_INVALID);
    }
}

static void
test_spelling (void)
{
  for (guint i = 0; i <= SEANCES_MESSAGE_CANCELLED; i++)
    {
      SeancesMessageState back = SEANCES_MESSAGE_CANCELLED + 1;

      g_test_message ("state %u", i);
      g_assert_true (seances_message_state_from_string (seances_message_state_to_string (i), &back));
      g_assert_cmpint (back, ==, i);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  seances_test_init_french ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/outbox/claim-order", test_claim_order);
  ADD ("/outbox/retry-backoff", test_retry_backoff);
  ADD ("/outbox/expiry", test_expiry);
  ADD ("/outbox/one-per-session", test_one_per_session);
  ADD ("/outbox/practitioner", test_practitioner);
  ADD ("/outbox/recover", test_recover);
  ADD ("/outbox/two-senders", test_two_senders);
  ADD ("/outbox/refused-recipient", test_refused_recipient);
#undef ADD
  g_test_add_func ("/outbox/spelling", test_spelling);
  return g_test_run ();
}
