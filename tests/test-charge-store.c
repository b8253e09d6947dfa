/* test-charge-store.c — what is due, paid and waived, in a real encrypted database
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "seances-charge-store.h"
#include "seances-test.h"
#include "seances-test-rows.h"

/* 24 November 2026, 14:00 in Paris. */
#define NOW G_GINT64_CONSTANT (1795525200)
#define DAY G_GINT64_CONSTANT (86400)
#define CHARGE_ROW "SELECT * FROM charge WHERE appointment_id = ?1"
#define NBSP "\xc2\xa0"

enum { HELENE = 1, MARC = 2 };

typedef struct
{
  SeancesDatabase    *database;
  SeancesClock       *clock;
  SeancesChargeStore *store;
  guint               changes;
  gint64              changed_client;
  guint               removed;
  guint               added;
} Fixture;

/* A decided session and its charge, as rows. */
typedef struct
{
  gint64              appointment_id;
  gint64              client_id;
  gint64              start;
  const char         *kind;
  gint64              policy_cents;
  gint64              due_cents;
  const char         *waived;  /* NULL: not waived */
  gint64              paid_at;  /* 0: not paid */
  int                 unpaid_position;  /* -1: not in the unpaid list */
} Row;

static void
changed_cb (SeancesChargeStore *store,
            gint64              client_id,
            Fixture            *fixture)
{
  fixture->changes++;
  fixture->changed_client = client_id;
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *fixture)
{
  fixture->removed += removed;
  fixture->added += added;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "seances.db", NULL);
  g_autoptr(SeancesKey) key = seances_key_new_random ();
  g_autoptr(GError) error = NULL;

  fixture->database = seances_database_create (path, key, &error);
  g_assert_no_error (error);
  fixture->clock = seances_clock_new_fixed (NOW);
  g_assert_true (seances_database_exec (fixture->database,
    "INSERT INTO client (id, first_name, last_name, email, search_key, sort_key, created_at, updated_at)"
    " VALUES (1, 'Hélène', 'Durand', 'helene@exemple.fr', 'helene durand', 'durand helene', 0, 0),"
    "        (2, 'Marc', 'Petit', 'marc@exemple.fr', 'marc petit', 'petit marc', 0, 0)", &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->store != NULL)
    g_assert_finalize_object (fixture->store);
  g_assert_finalize_object (fixture->clock);
  g_assert_finalize_object (fixture->database);
}

static void
add_row (Fixture   *fixture,
         const Row *row)
{
  g_autoptr(SeancesStatement) session = NULL;
  g_autoptr(SeancesStatement) charge = NULL;

  session = seances_database_prepare (fixture->database,
                                      "INSERT INTO appointment (id, client_id, start_at, end_at, fee_cents,"
                                      " status, created_at) VALUES (?1, ?2, ?3, ?3 + 3000, 6000, 'honoured', 0)",
                                      NULL);
  sqlite3_bind_int64 (session, 1, row->appointment_id);
  sqlite3_bind_int64 (session, 2, row->client_id);
  sqlite3_bind_int64 (session, 3, row->start);
  g_assert_true (seances_database_step (fixture->database, session, NULL, NULL));

  charge = seances_database_prepare (fixture->database,
                                     "INSERT INTO charge (appointment_id, client_id, kind, policy_cents,"
                                     " due_cents, waived_reason, paid_at, paid_means, created_at, updated_at)"
                                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
                                     NULL);
  sqlite3_bind_int64 (charge, 1, row->appointment_id);
  sqlite3_bind_int64 (charge, 2, row->client_id);
  sqlite3_bind_text (charge, 3, row->kind, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (charge, 4, row->policy_cents);
  sqlite3_bind_int64 (charge, 5, row->due_cents);
  sqlite3_bind_text (charge, 6, row->waived, -1, SQLITE_STATIC);
  seances_statement_bind_optional (charge, 7, row->paid_at);
  sqlite3_bind_text (charge, 8, row->paid_at != 0 ? "card" : NULL, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (charge, 9, row->start + 3000);
  g_assert_true (seances_database_step (fixture->database, charge, NULL, NULL));
}

static void
open_store (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  fixture->store = seances_charge_store_new (fixture->database, fixture->clock, &error);
  g_assert_no_error (error);
  g_signal_connect (fixture->store, "changed", G_CALLBACK (changed_cb), fixture);
  g_signal_connect (fixture->store, "items-changed", G_CALLBACK (items_changed_cb), fixture);
}

/* The charge of @appointment_id, as the client's list reads it now. */
static SeancesCharge *
charge_of (Fixture *fixture,
           gint64   client_id,
           gint64   appointment_id)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  list = seances_charge_store_list_for_client (fixture->store, client_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    if (seances_charge_get_appointment_id (g_ptr_array_index (list, i)) == appointment_id)
      return g_object_ref (g_ptr_array_index (list, i));
  g_assert_not_reached ();
}

/* Two clients' charges: some unpaid, one paid, one waived; two sessions at the same
 * instant are ordered by session. */
static const Row rows[] = {
  { 1, HELENE, NOW - 30 * DAY, "session", 6000, 6000, NULL, 0, 1 },
  { 2, MARC, NOW - 40 * DAY, "absence", 6000, 6000, NULL, 0, 0 },
  { 3, HELENE, NOW - 20 * DAY, "late_cancellation", 6000, 0, "grace", 0, -1 },
  { 4, HELENE, NOW - 10 * DAY, "session", 7000, 7000, NULL, NOW - 9 * DAY, -1 },
  { 5, MARC, NOW - 5 * DAY, "session", 5000, 5000, NULL, 0, 4 },
  { 6, HELENE, NOW - 7 * DAY, "late_cancellation", 3000, 3000, NULL, 0, 2 },
  { 7, MARC, NOW - 7 * DAY, "session", 4000, 4000, NULL, 0, 3 },
};

static void
add_rows (Fixture *fixture)
{
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    add_row (fixture, &rows[i]);
  open_store (fixture);
}

/* « Honoraires dus »: the unpaid charges, the oldest session first, their total, and each
 * client's balance. */
static void
test_unpaid (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) unpaid = NULL;
  GListModel *model;
  gint64 total = 0;
  guint n_unpaid = 0;
  gint64 expected_total = 0;
  gint64 helene = 0;
  gint64 marc = 0;

  add_rows (fixture);
  model = G_LIST_MODEL (fixture->store);
  g_assert_true (g_list_model_get_item_type (model) == SEANCES_TYPE_CHARGE);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (rows[i].unpaid_position >= 0)
      {
        n_unpaid++;
        expected_total += rows[i].due_cents;
        if (rows[i].client_id == HELENE)
          helene += rows[i].due_cents;
        else
          marc += rows[i].due_cents;
      }

  unpaid = seances_charge_store_list_unpaid (fixture->store, &total);
  g_assert_cmpuint (unpaid->len, ==, n_unpaid);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_unpaid);
  g_assert_cmpint (total, ==, expected_total);
  g_assert_cmpint (total, ==, 24000);
  g_assert_cmpint (seances_charge_store_get_unpaid_total (fixture->store), ==, expected_total);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(SeancesCharge) item = NULL;
      SeancesCharge *charge;

      g_test_message ("rows[%u]", i);
      if (rows[i].unpaid_position < 0)
        continue;
      charge = g_ptr_array_index (unpaid, rows[i].unpaid_position);
      item = g_list_model_get_item (model, rows[i].unpaid_position);
      g_assert_true (item == charge);
      g_assert_cmpint (seances_charge_get_appointment_id (charge), ==, rows[i].appointment_id);
      g_assert_cmpint (seances_charge_get_client_id (charge), ==, rows[i].client_id);
      g_assert_cmpint (seances_charge_get_session_start (charge), ==, rows[i].start);
      g_assert_cmpint (seances_charge_get_due_cents (charge), ==, rows[i].due_cents);
      g_assert_cmpint (seances_charge_get_paid_at (charge), ==, 0);
      g_assert_cmpint (seances_charge_get_paid_means (charge), ==, SEANCES_PAYMENT_NONE);
      g_assert_true (seances_charge_is_unpaid (charge));
    }
  g_assert_null (g_list_model_get_item (model, n_unpaid));

  g_assert_cmpint (seances_charge_store_get_balance (fixture->store, HELENE), ==, helene);
  g_assert_cmpint (seances_charge_store_get_balance (fixture->store, MARC), ==, marc);
  g_assert_cmpint (seances_charge_store_get_balance (fixture->store, 99), ==, 0);
}

/* A client's charges, paid, waived or due, in order of their sessions; nobody else's. */
static void
test_for_client (Fixture       *fixture,
                 gconstpointer  data)
{
  static const gint64 expected[] = { 1, 3, 4, 6 };
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  SeancesCharge *paid;
  SeancesCharge *waived;

  add_rows (fixture);
  list = seances_charge_store_list_for_client (fixture->store, HELENE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < list->len; i++)
    {
      g_test_message ("expected[%u]", i);
      g_assert_cmpint (seances_charge_get_appointment_id (g_ptr_array_index (list, i)), ==, expected[i]);
      g_assert_cmpint (seances_charge_get_client_id (g_ptr_array_index (list, i)), ==, HELENE);
    }

  waived = g_ptr_array_index (list, 1);
  g_assert_cmpint (seances_charge_get_kind (waived), ==, SEANCES_CHARGE_KIND_LATE_CANCELLATION);
  g_assert_cmpint (seances_charge_get_policy_cents (waived), ==, 6000);
  g_assert_cmpint (seances_charge_get_due_cents (waived), ==, 0);
  g_assert_cmpint (seances_charge_get_waiver (waived), ==, SEANCES_POLICY_WAIVER_GRACE);
  g_assert_false (seances_charge_is_unpaid (waived));
  paid = g_ptr_array_index (list, 2);
  g_assert_cmpint (seances_charge_get_paid_at (paid), ==, NOW - 9 * DAY);
  g_assert_cmpint (seances_charge_get_paid_means (paid), ==, SEANCES_PAYMENT_CARD);
  g_assert_false (seances_charge_is_unpaid (paid));

  g_clear_pointer (&list, g_ptr_array_unref);
  list = seances_charge_store_list_for_client (fixture->store, 99, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
}

/* A client's page: what they still owe, the oldest first; then what is settled, the latest
 * first, as many as asked for; nobody else's. */
typedef struct
{
  const char *name;
  gint64      client_id;
  guint       limit;
  gint64      unpaid[3];   /* appointment ids, 0-terminated */
  gint64      settled[3];
} ClientCase;

static const ClientCase client_cases[] = {
  { "helene", HELENE, 10, { 1, 6 }, { 4, 3 } },
  { "helene-latest", HELENE, 1, { 1, 6 }, { 4 } },
  { "marc", MARC, 10, { 2, 7, 5 }, { 0 } },
  { "nobody", 99, 10, { 0 }, { 0 } },
};

static void
assert_ids (GPtrArray    *list,
            const gint64 *ids,
            gint64        client_id)
{
  guint n = 0;

  while (n < 3 && ids[n] != 0)
    n++;
  g_assert_cmpuint (list->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpint (seances_charge_get_appointment_id (g_ptr_array_index (list, i)), ==, ids[i]);
      g_assert_cmpint (seances_charge_get_client_id (g_ptr_array_index (list, i)), ==, client_id);
    }
}

static void
test_client_page (Fixture       *fixture,
                  gconstpointer  data)
{
  const ClientCase *row = data;
  g_autoptr(GPtrArray) unpaid = NULL;
  g_autoptr(GPtrArray) settled = NULL;
  g_autoptr(GError) error = NULL;

  add_rows (fixture);
  unpaid = seances_charge_store_list_unpaid_for_client (fixture->store, row->client_id);
  settled = seances_charge_store_list_settled_for_client (fixture->store, row->client_id, row->limit, &error);
  g_assert_no_error (error);
  assert_ids (unpaid, row->unpaid, row->client_id);
  assert_ids (settled, row->settled, row->client_id);
}

/* Paid, then undone: the row is back byte for byte, and so is the unpaid list. */
static void
test_mark_paid (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SeancesCharge) charge = NULL;
  g_autoptr(SeancesCharge) paid = NULL;
  g_autoptr(SeancesChargeUndo) undo = NULL;
  g_autoptr(GPtrArray) unpaid = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *stamps = g_strdup_printf ("paid_at='%" G_GINT64_FORMAT "', paid_means='cheque', "
                                             "created_at='%" G_GINT64_FORMAT "', updated_at='%" G_GINT64_FORMAT "'",
                                             NOW - DAY, NOW - 30 * DAY + 3000, NOW + 120);

  add_rows (fixture);
  before = seances_test_row (fixture->database, CHARGE_ROW, 1);
  charge = charge_of (fixture, HELENE, 1);

  seances_clock_set_now (fixture->clock, NOW + 120);
  undo = seances_charge_store_mark_paid (fixture->store, charge, NOW - DAY, SEANCES_PAYMENT_CHEQUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (undo);
  after = seances_test_row (fixture->database, CHARGE_ROW, 1);
  g_assert_true (g_str_has_suffix (after, stamps));
  paid = charge_of (fixture, HELENE, 1);
  g_assert_cmpint (seances_charge_get_paid_at (paid), ==, NOW - DAY);
  g_assert_cmpint (seances_charge_get_paid_means (paid), ==, SEANCES_PAYMENT_CHEQUE);
  /* The object shown is never changed: a change gives a new one. */
  g_assert_cmpint (seances_charge_get_paid_at (charge), ==, 0);

  g_assert_cmpuint (fixture->changes, ==, 1);
  g_assert_cmpint (fixture->changed_client, ==, HELENE);
  g_assert_cmpuint (fixture->removed, ==, 1);
  g_assert_cmpuint (fixture->added, ==, 0);
  g_assert_cmpint (seances_charge_store_get_unpaid_total (fixture->store), ==, 24000 - 6000);
  g_assert_cmpint (seances_charge_store_get_balance (fixture->store, HELENE), ==, 3000);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->store)), ==, 4);

  seances_clock_set_now (fixture->clock, NOW + 180);
  g_assert_true (seances_charge_store_undo (fixture->store, undo, &error));
  g_assert_no_error (error);
  restored = seances_test_row (fixture->database, CHARGE_ROW, 1);
  g_assert_cmpstr (restored, ==, before);
  g_assert_cmpuint (fixture->changes, ==, 2);
  g_assert_cmpuint (fixture->added, ==, 1);
  g_assert_cmpint (seances_charge_store_get_unpaid_total (fixture->store), ==, 24000);
  g_assert_cmpint (seances_charge_store_get_balance (fixture->store, HELENE), ==, 9000);
  unpaid = seances_charge_store_list_unpaid (fixture->store, NULL);
  g_assert_cmpint (seances_charge_get_appointment_id (g_ptr_array_index (unpaid, 1)), ==, 1);
  g_assert_true (seances_charge_equal (g_ptr_array_index (unpaid, 1), charge));

  /* Once is enough. */
  g_assert_false (seances_charge_store_undo (fixture->store, undo, &error));
  g_assert_error (error, SEANCES_CHARGE_ERROR, SEANCES_CHARGE_ERROR_CHANGED);
  g_assert_cmpstr (error->message, ==, "Cette modification a déjà été annulée.");
  g_assert_cmpuint (fixture->changes, ==, 2);
}

/* Waived by hand, then undone; force majeure shown later waives an absence too. */
static void
test_waive (Fixture       *fixture,
            gconstpointer  data)
{
  static const struct {
    gint64              appointment_id;
    gint64              client_id;
    SeancesPolicyWaiver waiver;
    const char         *spelled;
  } cases[] = {
    { 2, MARC, SEANCES_POLICY_WAIVER_MANUAL, "manual" },
    { 6, HELENE, SEANCES_POLICY_WAIVER_FORCE_MAJEURE, "force_majeure" },
    { 1, HELENE, SEANCES_POLICY_WAIVER_MANUAL, "manual" },
  };

  add_rows (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SeancesCharge) charge = charge_of (fixture, cases[i].client_id, cases[i].appointment_id);
      g_autoptr(SeancesCharge) waived = NULL;
      g_autoptr(SeancesChargeUndo) undo = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *before = seances_test_row (fixture->database, CHARGE_ROW, cases[i].appointment_id);
      g_autofree char *restored = NULL;
      g_autofree char *written = NULL;
      g_autofree char *expected = g_strdup_printf ("due_cents='0', waived_reason='%s'", cases[i].spelled);
      gint64 balance = seances_charge_store_get_balance (fixture->store, cases[i].client_id);
      gint64 due = seances_charge_get_due_cents (charge);

      g_test_message ("cases[%u]", i);
      seances_clock_set_now (fixture->clock, NOW + 60 * (i + 1));
      undo = seances_charge_store_waive (fixture->store, charge, cases[i].waiver, &error);
      g_assert_no_error (error);
      waived = charge_of (fixture, cases[i].client_id, cases[i].appointment_id);
      g_assert_cmpint (seances_charge_get_due_cents (waived), ==, 0);
      g_assert_cmpint (seances_charge_get_policy_cents (waived), ==, seances_charge_get_policy_cents (charge));
      g_assert_cmpint (seances_charge_get_waiver (waived), ==, cases[i].waiver);
      g_assert_cmpint (seances_charge_store_get_balance (fixture->store, cases[i].client_id), ==, balance - due);
      g_assert_cmpint (fixture->changed_client, ==, cases[i].client_id);
      written = seances_test_row (fixture->database, CHARGE_ROW, cases[i].appointment_id);
      g_assert_nonnull (strstr (written, expected));

      seances_clock_set_now (fixture->clock, NOW + 60 * (i + 1) + 30);
      g_assert_true (seances_charge_store_undo (fixture->store, undo, &error));
      g_assert_no_error (error);
      restored = seances_test_row (fixture->database, CHARGE_ROW, cases[i].appointment_id);
      g_assert_cmpstr (restored, ==, before);
      g_assert_cmpint (seances_charge_store_get_balance (fixture->store, cases[i].client_id), ==, balance);
    }
  g_assert_cmpint (seances_charge_store_get_unpaid_total (fixture->store), ==, 24000);
}

typedef enum { PAY, WAIVE_BY_HAND, WAIVE_FORCE_MAJEURE } Action;
typedef enum { AS_SHOWN, CHANGED_BEHIND, REMOVED_BEHIND } Behind;

typedef struct
{
  const char *name;
  gint64      appointment_id;
  gint64      client_id;
  Action      action;
  gint64      paid_at;
  Behind      behind;
  int         code;
  const char *message;
} Refusal;

static const Refusal refusals[] = {
  { "pay/future", 1, HELENE, PAY, NOW + 60, AS_SHOWN, SEANCES_CHARGE_ERROR_INVALID,
    "Un règlement ne peut pas être daté dans le futur." },
  { "pay/paid", 4, HELENE, PAY, NOW - DAY, AS_SHOWN, SEANCES_CHARGE_ERROR_PAID,
    "Ces honoraires ont déjà été réglés." },
  { "pay/nothing-due", 3, HELENE, PAY, NOW - DAY, AS_SHOWN, SEANCES_CHARGE_ERROR_INVALID,
    "Rien n’est dû pour cette séance." },
  { "pay/changed", 1, HELENE, PAY, NOW - DAY, CHANGED_BEHIND, SEANCES_CHARGE_ERROR_CHANGED,
    "Cette ligne d’honoraires vient de changer" NBSP ": vérifiez-la avant d’enregistrer quoi que ce soit." },
  { "pay/removed", 1, HELENE, PAY, NOW - DAY, REMOVED_BEHIND, SEANCES_CHARGE_ERROR_NOT_FOUND,
    "Cette ligne d’honoraires n’existe plus" NBSP ": la séance a été clôturée autrement depuis." },
  { "waive/paid", 4, HELENE, WAIVE_BY_HAND, 0, AS_SHOWN, SEANCES_CHARGE_ERROR_PAID,
    "Ces honoraires ont déjà été réglés" NBSP ": ils ne peuvent plus être offerts." },
  { "waive/nothing-due", 3, HELENE, WAIVE_BY_HAND, 0, AS_SHOWN, SEANCES_CHARGE_ERROR_INVALID,
    "Rien n’est dû pour cette séance." },
  { "waive/force-majeure-on-a-session", 5, MARC, WAIVE_FORCE_MAJEURE, 0, AS_SHOWN, SEANCES_CHARGE_ERROR_INVALID,
    "La force majeure ne s’applique qu’à une annulation tardive ou à une absence." },
};

/* A refused change changes nothing: not the row, not the lists, no signal. */
static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  const Refusal *c = data;
  g_autoptr(SeancesCharge) charge = NULL;
  g_autoptr(SeancesChargeUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 total;

  add_rows (fixture);
  charge = charge_of (fixture, c->client_id, c->appointment_id);
  if (c->behind == CHANGED_BEHIND)
    g_assert_true (seances_database_exec (fixture->database,
                                          "UPDATE charge SET due_cents = 2000, updated_at = updated_at + 1"
                                          " WHERE appointment_id = 1", NULL));
  else if (c->behind == REMOVED_BEHIND)
    g_assert_true (seances_database_exec (fixture->database, "DELETE FROM charge WHERE appointment_id = 1", NULL));
  before = seances_test_row (fixture->database, CHARGE_ROW, c->appointment_id);
  total = seances_charge_store_get_unpaid_total (fixture->store);

  switch (c->action)
    {
    case PAY:
      undo = seances_charge_store_mark_paid (fixture->store, charge, c->paid_at, SEANCES_PAYMENT_CASH, &error);
      break;
    case WAIVE_BY_HAND:
      undo = seances_charge_store_waive (fixture->store, charge, SEANCES_POLICY_WAIVER_MANUAL, &error);
      break;
    case WAIVE_FORCE_MAJEURE:
      undo = seances_charge_store_waive (fixture->store, charge, SEANCES_POLICY_WAIVER_FORCE_MAJEURE, &error);
      break;
    default:
      g_assert_not_reached ();
    }
  g_assert_null (undo);
  g_assert_error (error, SEANCES_CHARGE_ERROR, c->code);
  g_assert_cmpstr (error->message, ==, c->message);
  after = seances_test_row (fixture->database, CHARGE_ROW, c->appointment_id);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (fixture->changes, ==, 0);
  g_assert_cmpuint (fixture->removed + fixture->added, ==, 0);
  g_assert_cmpint (seances_charge_store_get_unpaid_total (fixture->store), ==, total);
}

/* An undo after the row changed again is refused, and changes nothing. */
static void
test_undo_refused (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(SeancesCharge) charge = NULL;
  g_autoptr(SeancesChargeUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *after = NULL;

  add_rows (fixture);
  charge = charge_of (fixture, MARC, 2);
  undo = seances_charge_store_waive (fixture->store, charge, SEANCES_POLICY_WAIVER_MANUAL, &error);
  g_assert_no_error (error);
  g_assert_true (seances_database_exec (fixture->database,
                                        "UPDATE charge SET waived_reason = 'force_majeure' WHERE appointment_id = 2",
                                        NULL));
  changed = seances_test_row (fixture->database, CHARGE_ROW, 2);
  fixture->changes = 0;

  g_assert_false (seances_charge_store_undo (fixture->store, undo, &error));
  g_assert_error (error, SEANCES_CHARGE_ERROR, SEANCES_CHARGE_ERROR_CHANGED);
  g_assert_cmpstr (error->message, ==,
                   "Ces honoraires ont été modifiés depuis" NBSP ": cette modification ne peut plus être annulée.");
  after = seances_test_row (fixture->database, CHARGE_ROW, 2);
  g_assert_cmpstr (after, ==, changed);
  g_assert_cmpuint (fixture->changes, ==, 0);
}

static void
add_test (const char    *path,
          gconstpointer  data,
          void         (*test) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, data, fixture_set_up, test, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  seances_test_init_french ();

  add_test ("/charge-store/unpaid", NULL, test_unpaid);
  add_test ("/charge-store/for-client", NULL, test_for_client);
  for (guint i = 0; i < G_N_ELEMENTS (client_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/charge-store/client-page/%s", client_cases[i].name);
      add_test (path, &client_cases[i], test_client_page);
    }
  add_test ("/charge-store/mark-paid", NULL, test_mark_paid);
  add_test ("/charge-store/waive", NULL, test_waive);
  add_test ("/charge-store/undo/refused", NULL, test_undo_refused);
  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autofree char *path = g_strdup_printf ("/charge-store/refused/%s", refusals[i].name);
      add_test (path, &refusals[i], test_refused);
    }

  return g_test_run ();
}
