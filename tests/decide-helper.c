/* decide-helper.c — closes the practice's sessions waiting for review, as held
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   decide-helper DATABASE_PATH
 *
 * Opens the database with the keyring's key, as the app does, and closes every session
 * over and not yet reviewed as honoured through the decisions (its charge included), at
 * « now » (SEANCES_NOW). Prints « closed N » and exits 0, or prints the error and exits 1.
 * The end-to-end test of « Honoraires dus » uses it in place of the review's screen. */
#include "config.h"

#include "seances-context.h"
#include "seances-test.h"
#include "seances-vault.h"

typedef struct
{
  gboolean            done;
  SeancesDatabase    *database;
  SeancesVaultStatus  status;
  GError             *error;
} Outcome;

static void
opened_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  Outcome *outcome = data;
  outcome->database = seances_vault_open_finish (SEANCES_VAULT (source), result, &outcome->status, &outcome->error);
  outcome->done = TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SeancesVault) vault = NULL;
  g_autoptr(SeancesContext) context = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;
  Outcome outcome = { 0 };
  guint closed = 0;

  if (argc != 2)
    return 2;
  vault = seances_vault_new (argv[1]);
  seances_vault_open_async (vault, NULL, opened_cb, &outcome);
  seances_test_wait (&outcome.done);
  if (outcome.database == NULL)
    {
      g_print ("%s\n", outcome.error != NULL ? outcome.error->message : "needs a secret");
      return 1;
    }

  context = seances_context_new (outcome.database, &error);
  g_object_unref (outcome.database);
  if (context != NULL)
    sessions = seances_appointment_store_list_to_review (seances_context_get_appointments (context),
                                                         seances_context_get_now (context), &error);
  for (guint i = 0; sessions != NULL && i < sessions->len && error == NULL; i++)
    {
      SeancesAppointment *session = g_ptr_array_index (sessions, i);
      g_autoptr(SeancesDecisionUndo) undo = NULL;
      SeancesPolicyDecision decision;

      /* Today's list holds those to come and those closed already too. */
      if (seances_appointment_get_status (session) != SEANCES_APPOINTMENT_STATUS_SCHEDULED ||
          seances_appointment_get_start (session) > seances_context_get_now (context) ||
          !seances_decisions_propose (seances_context_get_decisions (context), session,
                                      SEANCES_POLICY_OUTCOME_HONOURED, FALSE, 0, &decision, &error))
        continue;
      undo = seances_decisions_commit (seances_context_get_decisions (context), session, &decision, 0, &error);
      closed += undo != NULL;
    }
  if (error != NULL)
    {
      g_print ("%s\n", error->message);
      return 1;
    }
  g_print ("closed %u\n", closed);
  return 0;
}
