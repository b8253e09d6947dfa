/* test-smtp.c — sending through a real SMTP server (python3-aiosmtpd on 127.0.0.1) and
 * the ways it fails: each ends in the state the outbox promises, said in French
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gmime/gmime.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "seances-database-private.h"
#include "seances-mime.h"
#include "seances-sender.h"
#include "seances-test.h"

#define NOW G_GINT64_CONSTANT (1795525200)  /* 24 November 2026, 14:00 in Paris */
#define NBSP "\xc2\xa0"

typedef struct
{
  char            *folder;
  char            *out;
  SeancesKey      *key;
  SeancesDatabase *database;
  SeancesClock    *clock;
  SeancesOutbox   *outbox;
  GSubprocess     *server;
  int              port;
  char            *cert;
  char            *cert_key;
} Fixture;

static void
make_certificate (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) openssl = NULL;

  fixture->cert = g_build_filename (fixture->folder, "cert.pem", NULL);
  fixture->cert_key = g_build_filename (fixture->folder, "key.pem", NULL);
  openssl = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                              "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                              "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                              "-keyout", fixture->cert_key, "-out", fixture->cert, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (openssl, NULL, &error));
  g_assert_no_error (error);
}

static void
start_server (Fixture    *fixture,
              const char *mode)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autofree char *line = NULL;
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "harness", "smtp-server.py", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, "/usr/bin/python3");
  g_ptr_array_add (argv, script);
  g_ptr_array_add (argv, "--out");
  g_ptr_array_add (argv, fixture->out);
  g_ptr_array_add (argv, "--mode");
  g_ptr_array_add (argv, (char *) mode);
  if (g_str_equal (mode, "starttls"))
    {
      make_certificate (fixture);
      g_ptr_array_add (argv, "--cert");
      g_ptr_array_add (argv, fixture->cert);
      g_ptr_array_add (argv, "--key");
      g_ptr_array_add (argv, fixture->cert_key);
    }
  if (g_str_equal (mode, "auth"))
    {
      g_ptr_array_add (argv, "--user");
      g_ptr_array_add (argv, "claire");
      g_ptr_array_add (argv, "--password");
      g_ptr_array_add (argv, "bon mot de passe");
    }
  g_ptr_array_add (argv, NULL);

  fixture->server = g_subprocess_newv ((const char * const *) argv->pdata, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (fixture->server));
  line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "READY "));
  fixture->port = atoi (line + strlen ("READY "));
  g_assert_cmpint (fixture->port, >, 0);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->folder = g_build_filename (g_get_user_data_dir (), "smtp", NULL);
  fixture->out = g_build_filename (fixture->folder, "received", NULL);
  g_assert_cmpint (g_mkdir_with_parents (fixture->out, 0700), ==, 0);
  path = g_build_filename (fixture->folder, "seances.db", NULL);
  fixture->key = seances_key_new_random ();
  fixture->database = seances_database_create (path, fixture->key, &error);
  g_assert_no_error (error);
  fixture->clock = seances_clock_new_fixed (NOW);
  fixture->outbox = seances_outbox_new (fixture->database, fixture->clock, NULL);
  if (data != NULL)
    start_server (fixture, data);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->server != NULL)
    {
      g_subprocess_force_exit (fixture->server);
      g_subprocess_wait (fixture->server, NULL, NULL);
      g_clear_object (&fixture->server);
    }
  g_clear_object (&fixture->outbox);
  g_clear_object (&fixture->clock);
  g_assert_finalize_object (fixture->database);
  seances_key_free (fixture->key);
  g_free (fixture->folder);
  g_free (fixture->out);
  g_free (fixture->cert);
  g_free (fixture->cert_key);
}

static SeancesSmtpSettings
settings (Fixture *fixture)
{
  return (SeancesSmtpSettings) {
    .host = "127.0.0.1",
    .port = fixture->port,
    .security = SEANCES_SMTP_PLAIN,
    .from = "contact@cabinet-tilleuls.fr",
    .timeout = 20,
  };
}

static gint64
queue_mail (Fixture    *fixture,
            const char *to_name,
            const char *to,
            gboolean    invitation)
{
  static const SeancesInvitation session = {
    .uid = "seance-1@cabinet-tilleuls.fr", .time_zone = "Europe/Paris",
    .start = NOW + 86400, .end = NOW + 86400 + 3000,
    .summary = "Rendez-vous — Cabinet Les Tilleuls", .location = "12 rue des Tilleuls, Lyon",
  };
  g_autofree char *message_id = seances_mime_new_message_id ("contact@cabinet-tilleuls.fr");
  SeancesMailDraft mail = {
    .from_name = "Cabinet Les Tilleuls", .from_address = "contact@cabinet-tilleuls.fr",
    .to_name = to_name, .to_address = to,
    .subject = "Votre rendez-vous de mercredi", .body = "Bonjour Zoé,\n\nÀ mercredi 25 novembre à 14" NBSP "h" NBSP "00.\n",
    .message_id = message_id, .date = NOW, .invitation = invitation ? &session : NULL,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) mime = seances_mime_build (&mail, &error);
  SeancesMessageDraft draft = {
    .kind = "booking_confirmation", .channel = SEANCES_MESSAGE_EMAIL, .recipient = to,
    .subject = mail.subject, .body = mail.body, .mime = mime, .message_id = message_id, .due_at = NOW,
  };
  gint64 id;

  g_assert_no_error (error);
  id = seances_outbox_queue (fixture->outbox, &draft, &error);
  g_assert_no_error (error);
  return id;
}

static SeancesMessageState
state_of (Fixture *fixture,
          gint64   id)
{
  SeancesMessageState state = SEANCES_MESSAGE_CANCELLED;

  g_assert_true (seances_outbox_get_state (fixture->outbox, id, &state, NULL));
  return state;
}

static char *
reason_of (Fixture *fixture,
           gint64   id)
{
  g_autoptr(SeancesStatement) stmt =
    seances_database_prepare (fixture->database, "SELECT reason FROM message WHERE id = ?1", NULL);
  gboolean has_row = FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_true (seances_database_step (fixture->database, stmt, &has_row, NULL));
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static guint
received (Fixture *fixture)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->out, 0, NULL);
  guint n = 0;

  for (const char *name = g_dir_read_name (dir); name != NULL; name = g_dir_read_name (dir))
    n += g_str_has_suffix (name, ".eml");
  return n;
}

static void
send_round (Fixture                   *fixture,
            const SeancesSmtpSettings *with,
            SeancesSendReport         *report)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (seances_sender_send_due (fixture->outbox, with, 0, NULL, report, &error));
  g_assert_no_error (error);
}

/* Delivered with correct French headers, one recipient a transfer, the invitation in
 * Paris time; a second round sends nothing again. */
static void
test_delivered (Fixture       *fixture,
                gconstpointer  data)
{
  SeancesSmtpSettings with = settings (fixture);
  SeancesSendReport report;
  gint64 a = queue_mail (fixture, "Zoé D’Aubigné", "zoe@exemple.fr", TRUE);
  gint64 b = queue_mail (fixture, "Marc Leroy", "marc@exemple.fr", FALSE);
  g_autofree char *eml = g_build_filename (fixture->out, "1.eml", NULL);
  g_autofree char *env = g_build_filename (fixture->out, "1.env", NULL);
  g_autofree char *content = NULL;
  g_autofree char *envelope = NULL;
  gsize length;
  GMimeStream *stream;
  GMimeParser *parser;
  GMimeMessage *message;

  send_round (fixture, &with, &report);
  g_assert_cmpuint (report.sent, ==, 2);
  g_assert_cmpint (state_of (fixture, a), ==, SEANCES_MESSAGE_SENT);
  g_assert_cmpint (state_of (fixture, b), ==, SEANCES_MESSAGE_SENT);
  g_assert_cmpuint (received (fixture), ==, 2);

  g_assert_true (g_file_get_contents (env, &envelope, NULL, NULL));
  g_assert_cmpstr (envelope, ==, "contact@cabinet-tilleuls.fr\nzoe@exemple.fr\n");
  g_assert_true (g_file_get_contents (eml, &content, &length, NULL));
  stream = g_mime_stream_mem_new_with_buffer (content, length);
  parser = g_mime_parser_new_with_stream (stream);
  message = g_mime_parser_construct_message (parser, NULL);
  g_assert_cmpstr (g_mime_message_get_subject (message), ==, "Votre rendez-vous de mercredi");
  g_assert_cmpstr (internet_address_get_name (internet_address_list_get_address (g_mime_message_get_to (message), 0)),
                   ==, "Zoé D’Aubigné");
  g_assert_true (GMIME_IS_MULTIPART (g_mime_message_get_mime_part (message)));
  g_object_unref (message);
  g_object_unref (parser);
  g_object_unref (stream);

  send_round (fixture, &with, &report);
  g_assert_cmpuint (report.sent, ==, 0);
  g_assert_cmpuint (received (fixture), ==, 2);
}

/* 451: tried again after a minute, then delivered once. */
static void
test_temporary_failure (Fixture       *fixture,
                        gconstpointer  data)
{
  SeancesSmtpSettings with = settings (fixture);
  SeancesSendReport report;
  gint64 id = queue_mail (fixture, "Zoé", "zoe@exemple.fr", FALSE);
  g_autofree char *reason = NULL;

  send_round (fixture, &with, &report);
  g_assert_cmpuint (report.retry, ==, 1);
  g_assert_cmpint (state_of (fixture, id), ==, SEANCES_MESSAGE_RETRY);
  reason = reason_of (fixture, id);
  g_assert_cmpstr (reason, ==, "Le serveur a demandé de réessayer plus tard" NBSP ": Séances le fera.");
  g_assert_cmpuint (received (fixture), ==, 0);

  send_round (fixture, &with, &report);       /* not yet: a minute has not passed */
  g_assert_cmpuint (report.sent + report.retry, ==, 0);
  seances_clock_set_now (fixture->clock, NOW + 60);
  send_round (fixture, &with, &report);
  g_assert_cmpuint (report.sent, ==, 1);
  g_assert_cmpint (state_of (fixture, id), ==, SEANCES_MESSAGE_SENT);
  g_assert_cmpuint (received (fixture), ==, 1);
}

/* 550: failed for good, with a French reason; never tried again. */
static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  SeancesSmtpSettings with = settings (fixture);
  SeancesSendReport report;
  gint64 id = queue_mail (fixture, "Zoé", "zoe@exemple.fr", FALSE);
  g_autofree char *reason = NULL;

  send_round (fixture, &with, &report);
  g_assert_cmpuint (report.failed, ==, 1);
  g_assert_cmpint (state_of (fixture, id), ==, SEANCES_MESSAGE_FAILED);
  reason = reason_of (fixture, id);
  g_assert_cmpstr (reason, ==, "Le serveur du destinataire a refusé ce message" NBSP ": vérifiez "
                   "l’adresse e-mail du client.");
  seances_clock_set_now (fixture->clock, NOW + 86400);
  send_round (fixture, &with, &report);
  g_assert_cmpuint (report.failed + report.sent + report.retry, ==, 0);
}

/* The connection dropped after the content left: « uncertain », never sent again. */
static void
test_dropped_after_data (Fixture       *fixture,
                         gconstpointer  data)
{
  SeancesSmtpSettings with = settings (fixture);
  SeancesSendReport report;
  gint64 id = queue_mail (fixture, "Zoé", "zoe@exemple.fr", FALSE);

  send_round (fixture, &with, &report);
  g_assert_cmpuint (report.uncertain, ==, 1);
  g_assert_cmpint (state_of (fixture, id), ==, SEANCES_MESSAGE_UNCERTAIN);
  g_assert_cmpuint (received (fixture), ==, 1);
  seances_clock_set_now (fixture->clock, NOW + 86400);
  send_round (fixture, &with, &report);
  g_assert_cmpuint (report.sent + report.retry + report.uncertain, ==, 0);
  g_assert_cmpuint (received (fixture), ==, 1);
}

/* STARTTLS required by the server, its certificate self-signed: refused while this
 * computer does not trust it, accepted once it does. */
static void
test_starttls (Fixture       *fixture,
               gconstpointer  data)
{
  SeancesSmtpSettings with = settings (fixture);
  SeancesSendReport report;
  gint64 id = queue_mail (fixture, "Zoé", "zoe@exemple.fr", FALSE);
  g_autofree char *reason = NULL;

  with.host = "localhost";
  with.security = SEANCES_SMTP_STARTTLS;
  send_round (fixture, &with, &report);
  g_assert_cmpuint (report.retry, ==, 1);
  reason = reason_of (fixture, id);
  g_assert_cmpstr (reason, ==, "Le certificat du serveur d’envoi n’est pas de ceux que cet ordinateur "
                   "reconnaît" NBSP ": vérifiez le nom du serveur dans Préférences › Envoi.");
  g_assert_cmpuint (received (fixture), ==, 0);

  with.ca_file = fixture->cert;
  seances_clock_set_now (fixture->clock, NOW + 60);
  send_round (fixture, &with, &report);
  g_assert_cmpuint (report.sent, ==, 1);
  g_assert_cmpuint (received (fixture), ==, 1);
}

/* A wrong password pauses sending and asks for it; nothing is retried meanwhile. */
static void
test_authentication (Fixture       *fixture,
                     gconstpointer  data)
{
  SeancesSmtpSettings with = settings (fixture);
  SeancesSendReport report;
  gint64 a = queue_mail (fixture, "Zoé", "zoe@exemple.fr", FALSE);
  gint64 b = queue_mail (fixture, "Marc", "marc@exemple.fr", FALSE);
  g_autofree char *reason = NULL;
  g_autoptr(GError) error = NULL;

  with.username = "claire";
  with.password = "mauvais";
  send_round (fixture, &with, &report);
  g_assert_true (report.auth_failed);
  g_assert_cmpuint (report.sent, ==, 0);
  g_assert_true (seances_outbox_get_paused (fixture->outbox));
  reason = reason_of (fixture, a);
  g_assert_true (g_str_has_prefix (reason, "Le serveur d’envoi a refusé le nom d’utilisateur ou le mot de passe"));
  g_assert_cmpint (state_of (fixture, b), ==, SEANCES_MESSAGE_QUEUED);

  seances_clock_set_now (fixture->clock, NOW + 3600);
  send_round (fixture, &with, &report);       /* paused: nothing */
  g_assert_cmpuint (report.sent + report.retry, ==, 0);
  with.password = "bon mot de passe";
  g_assert_true (seances_outbox_set_paused (fixture->outbox, FALSE, &error));
  send_round (fixture, &with, &report);
  g_assert_cmpuint (report.sent, ==, 2);
  g_assert_cmpuint (received (fixture), ==, 2);
}

/* No server at all: tried again, said calmly. */
static void
test_unreachable (Fixture       *fixture,
                  gconstpointer  data)
{
  SeancesSmtpSettings with = settings (fixture);
  SeancesSendReport report;
  gint64 id = queue_mail (fixture, "Zoé", "zoe@exemple.fr", FALSE);
  g_autofree char *reason = NULL;
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, 0, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  /* A port that was free a moment ago, closed again: nobody listens there. */
  g_assert_true (g_socket_bind (socket, any, FALSE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  with.port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_socket_close (socket, NULL);

  send_round (fixture, &with, &report);
  g_assert_cmpuint (report.retry, ==, 1);
  g_assert_cmpint (state_of (fixture, id), ==, SEANCES_MESSAGE_RETRY);
  reason = reason_of (fixture, id);
  g_assert_cmpstr (reason, ==, "Le serveur d’envoi ne peut pas être joint pour l’instant" NBSP ": Séances "
                   "réessaiera.");
}

/* The sender killed (SIGKILL) at random points while 500 messages are due, restarted each
 * time: at the end none is lost (every one sent or uncertain), none arrived twice, every
 * one marked sent arrived exactly once. */
#define KILL_LOOP_MESSAGES 500

static void
run_sender (Fixture    *fixture,
            const char *path)
{
  g_autoptr(SeancesDatabase) database = seances_database_open (path, fixture->key, NULL);
  g_autoptr(SeancesClock) clock = seances_clock_new_fixed (NOW + 3600);
  g_autoptr(SeancesOutbox) outbox = NULL;
  SeancesSmtpSettings with = settings (fixture);
  SeancesSendReport report;

  if (database == NULL)
    _exit (3);
  outbox = seances_outbox_new (database, clock, NULL);
  while (seances_sender_send_due (outbox, &with, 0, NULL, &report, NULL) &&
         report.sent + report.retry + report.uncertain + report.failed + report.recovered > 0)
    ;
  _exit (0);
}

static void
test_kill_loop (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "seances.db", NULL);
  g_autoptr(GHashTable) arrived = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  guint kills = 0, twice = 0, lost = 0, sent = 0, uncertain = 0, sent_not_arrived = 0;

  for (int i = 0; i < KILL_LOOP_MESSAGES; i++)
    queue_mail (fixture, "Zoé", "zoe@exemple.fr", FALSE);
  g_clear_object (&fixture->outbox);
  g_assert_finalize_object (g_steal_pointer (&fixture->database));

  for (;;)
    {
      pid_t child = fork ();
      int status = 0;

      g_assert_cmpint (child, >=, 0);
      if (child == 0)
        run_sender (fixture, path);
      g_usleep (g_rand_int_range (rand, 5, 60) * 1000);
      if (waitpid (child, &status, WNOHANG) == child)
        {
          g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
          break;  /* it finished: nothing left to send */
        }
      kill (child, SIGKILL);
      g_assert_cmpint (waitpid (child, &status, 0), ==, child);
      kills++;
    }

  /* What the server received, by Message-ID. */
  dir = g_dir_open (fixture->out, 0, NULL);
  for (const char *name = g_dir_read_name (dir); name != NULL; name = g_dir_read_name (dir))
    {
      g_autofree char *file = NULL;
      g_autofree char *content = NULL;
      const char *id, *end;

      if (!g_str_has_suffix (name, ".eml"))
        continue;
      file = g_build_filename (fixture->out, name, NULL);
      g_assert_true (g_file_get_contents (file, &content, NULL, NULL));
      id = strstr (content, "Message-Id: <");
      g_assert_nonnull (id);
      id += strlen ("Message-Id: <");
      end = strchr (id, '>');
      if (!g_hash_table_add (arrived, g_strndup (id, end - id)))
        twice++;
    }

  fixture->database = seances_database_open (path, fixture->key, &error);
  g_assert_no_error (error);
  fixture->outbox = seances_outbox_new (fixture->database, fixture->clock, "main");
  {
    g_autoptr(SeancesStatement) stmt =
      seances_database_prepare (fixture->database, "SELECT state, message_id FROM message", NULL);
    gboolean has_row = FALSE;

    while (seances_database_step (fixture->database, stmt, &has_row, NULL) && has_row)
      {
        const char *state = (const char *) sqlite3_column_text (stmt, 0);
        gboolean got = g_hash_table_contains (arrived, sqlite3_column_text (stmt, 1));

        if (g_str_equal (state, "sent"))
          {
            sent++;
            sent_not_arrived += !got;
          }
        else if (g_str_equal (state, "uncertain"))
          uncertain++;
        else
          lost++;
      }
  }
  g_test_message ("kill loop: %u kills, %u sent, %u uncertain, %u lost, %u arrived twice, "
                  "%u marked sent but not arrived", kills, sent, uncertain, lost, twice, sent_not_arrived);
  g_print ("# kill loop: %u kills, %u sent, %u uncertain, %u lost, %u duplicated\n",
           kills, sent, uncertain, lost, twice);
  g_assert_cmpuint (kills, >, 0);
  g_assert_cmpuint (sent + uncertain, ==, KILL_LOOP_MESSAGES);
  g_assert_cmpuint (lost, ==, 0);
  g_assert_cmpuint (twice, ==, 0);
  g_assert_cmpuint (sent_not_arrived, ==, 0);
}

/* Settings refused before any connection. */
static void
test_settings_refused (void)
{
  SeancesSmtpSettings with = { .host = "smtp.exemple.fr", .port = 25, .security = SEANCES_SMTP_PLAIN,
                               .from = "contact@cabinet.fr" };
  g_autoptr(GError) error = NULL;

  g_assert_false (seances_smtp_settings_check (&with, &error));
  g_assert_cmpstr (error->message, ==, "Une connexion non chiffrée n’est permise que vers un relais sur cet "
                   "ordinateur" NBSP ": choisissez TLS ou STARTTLS.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  seances_test_init_french ();
  g_mime_init ();

  g_test_add ("/smtp/delivered", Fixture, "ok", fixture_set_up, test_delivered, fixture_tear_down);
  g_test_add ("/smtp/temporary-failure", Fixture, "tempfail-once", fixture_set_up, test_temporary_failure, fixture_tear_down);
  g_test_add ("/smtp/refused", Fixture, "reject", fixture_set_up, test_refused, fixture_tear_down);
  g_test_add ("/smtp/dropped-after-data", Fixture, "drop-after-data", fixture_set_up, test_dropped_after_data, fixture_tear_down);
  g_test_add ("/smtp/starttls-self-signed", Fixture, "starttls", fixture_set_up, test_starttls, fixture_tear_down);
  g_test_add ("/smtp/authentication", Fixture, "auth", fixture_set_up, test_authentication, fixture_tear_down);
  g_test_add ("/smtp/unreachable", Fixture, NULL, fixture_set_up, test_unreachable, fixture_tear_down);
  g_test_add ("/smtp/kill-loop", Fixture, "ok", fixture_set_up, test_kill_loop, fixture_tear_down);
  g_test_add_func ("/smtp/settings-refused", test_settings_refused);
  return g_test_run ();
}
