/* seances-commitment-print.c — the « engagement mutuel » on one sheet, to be signed
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One page: the practice, the client when printed from their page, the policy in force in
 * plain words, the commitment text, the date and two places to sign. The words are the
 * saved version's, never a draft: what is signed must be what the fees will follow. A long
 * commitment is set smaller rather than spilling onto a second sheet nobody signs. */
#include "config.h"

#include "seances-commitment-print.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "clients/seances-client-labels.h"
#include "seances-policy-labels.h"

/* In points (the operation's unit). */
#define BODY_SIZE      11.0
#define SMALLEST_SIZE  7.0
#define NOTE_SIZE      8.0
#define GAP            18.0
#define BOX_HEIGHT     110.0
#define BOX_PADDING    8.0
/* A little air between the lines: the sheet is read before it is signed. */
#define LINE_SPACING   1.15

struct _SeancesCommitmentPrint
{
  GtkPrintOperation  parent_instance;

  SeancesContext    *context;
  SeancesClient     *client;   /* NULL: a blank commitment, the name written by hand */
};

G_DEFINE_FINAL_TYPE (SeancesCommitmentPrint, seances_commitment_print, GTK_TYPE_PRINT_OPERATION)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
append_line (GString    *markup,
             const char *format,
             const char *text)
{
  g_autofree char *escaped = NULL;

  if (text == NULL || *text == '\0')
    return;
  escaped = g_markup_printf_escaped (format, text);
  g_string_append (markup, escaped);
}

static char *
today (SeancesCommitmentPrint *self)
{
  return seances_policy_format_date (seances_context_get_time_zone (self->context),
                                     seances_context_get_now (self->context));
}

/* Everything above the places to sign. */
static char *
body_markup (SeancesCommitmentPrint     *self,
             const SeancesPolicyVersion *version)
{
  SeancesPractice *practice = seances_context_get_practice (self->context);
  GString *markup = g_string_new (NULL);
  g_autofree char *summary = seances_policy_describe (&version->terms,
                                                      seances_practice_get_default_fee_cents (practice));
  g_autofree char *date = today (self);
  g_autofree char *done = NULL;

  append_line (markup, "<span size='xx-large' weight='bold'>%s</span>\n\n", _("Mutual Commitment"));
  append_line (markup, "<b>%s</b>\n", seances_practice_get_name (practice));
  append_line (markup, "%s\n", seances_practice_get_practitioner (practice));
  append_line (markup, "%s\n", seances_practice_get_address (practice));
  if (self->client != NULL)
    {
      const char *name = seances_client_get_display_name (self->client);
      g_autofree char *who = g_strdup_printf (seances_clients_says_client (self->context) ? _("Client: %s")
                                                                                          : _("Patient: %s"),
                                              name);

      append_line (markup, "\n%s\n", who);
    }

  append_line (markup, "\n<b>%s</b>\n", _("Cancellation Policy"));
  append_line (markup, "%s\n", summary);
  append_line (markup, "\n<b>%s</b>\n", _("Our Commitment"));
  append_line (markup, "%s\n", version->commitment);
  /* Translators: %s is a date, « Fait le 24 novembre 2026. » */
  done = g_strdup_printf (_("Done on %s."), date);
  append_line (markup, "\n%s", done);
  return g_string_free (markup, FALSE);
}

static PangoLayout *
new_layout (GtkPrintContext *context,
            double           size,
            double           width)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height = 0;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

/* A box to sign in, with the name of who signs there (or a place to write it). */
static void
draw_signature_box (GtkPrintContext *context,
                    double           x,
                    double           y,
                    double           width,
                    const char      *name)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  g_autoptr(PangoLayout) layout = new_layout (context, BODY_SIZE - 1, width - 2 * BOX_PADDING);
  g_autofree char *markup = NULL;

  cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
  cairo_set_line_width (cr, 0.8);
  cairo_rectangle (cr, x, y, width, BOX_HEIGHT);
  cairo_stroke (cr);

  markup = g_markup_printf_escaped ("<b>%s</b>\n<span size='small'>%s</span>", name, _("Signature"));
  pango_layout_set_markup (layout, markup, -1);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, x + BOX_PADDING, y + BOX_PADDING);
  pango_cairo_show_layout (cr, layout);
}

/* The file made through « Imprimer dans un fichier » says what it is, for whom. */
static void
set_pdf_metadata (SeancesCommitmentPrint *self,
                  cairo_t                *cr)
{
  SeancesPractice *practice = seances_context_get_practice (self->context);
  cairo_surface_t *target = cairo_get_target (cr);
  g_autofree char *title = NULL;

  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_PDF)
    return;
  if (self->client != NULL)
    /* Translators: the title of the PDF file; %s is the client's name */
    title = g_strdup_printf (_("Mutual Commitment — %s"), seances_client_get_display_name (self->client));
  else
    title = g_strdup (_("Mutual Commitment"));
  cairo_pdf_surface_set_metadata (target, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (target, CAIRO_PDF_METADATA_AUTHOR, seances_practice_get_practitioner (practice));
  cairo_pdf_surface_set_metadata (target, CAIRO_PDF_METADATA_SUBJECT, seances_practice_get_name (practice));
  cairo_pdf_surface_set_metadata (target, CAIRO_PDF_METADATA_CREATOR, "Séances");
}

static void
seances_commitment_print_begin_print (GtkPrintOperation *operation,
                                      GtkPrintContext   *context)
{
  gtk_print_operation_set_n_pages (operation, 1);
}

static void
seances_commitment_print_draw_page (GtkPrintOperation *operation,
                                    GtkPrintContext   *context,
                                    int                page_nr)
{
  SeancesCommitmentPrint *self = SEANCES_COMMITMENT_PRINT (operation);
  SeancesPolicyStore *policies = seances_context_get_policies (self->context);
  const SeancesPolicyVersion *version = seances_policy_store_get_current (policies);
  SeancesPractice *practice = seances_context_get_practice (self->context);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double box_width = (width - GAP) / 2;
  g_autofree char *markup = body_markup (self, version);
  g_autofree char *created = seances_policy_format_date (seances_context_get_time_zone (self->context),
                                                         version->created_at);
  g_autofree char *note = NULL;
  g_autoptr(PangoLayout) body = NULL;
  g_autoptr(PangoLayout) footer = new_layout (context, NOTE_SIZE, width);
  const char *signer;
  double footer_height;
  double y;

  /* Translators: at the foot of the printed commitment; %u is a number, %s a date */
  note = g_strdup_printf (_("Cancellation policy, version %u of %s."),
                          seances_policy_version_number (policies, version->id), created);
  pango_layout_set_text (footer, note, -1);
  footer_height = layout_height (footer);

  for (double size = BODY_SIZE; ; size -= 0.5)
    {
      g_clear_object (&body);
      body = new_layout (context, size, width);
      pango_layout_set_line_spacing (body, LINE_SPACING);
      pango_layout_set_markup (body, markup, -1);
      if (size <= SMALLEST_SIZE ||
          layout_height (body) + GAP + BOX_HEIGHT + GAP + footer_height <= height)
        break;
    }

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, body);

  y = layout_height (body) + GAP;
  signer = seances_practice_get_practitioner (practice);
  if (*signer == '\0')
    signer = seances_practice_get_name (practice);
  draw_signature_box (context, 0, y, box_width, signer);
  draw_signature_box (context, box_width + GAP, y, box_width,
                      self->client != NULL ? seances_client_get_display_name (self->client) : _("Name:"));

  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  cairo_move_to (cr, 0, height - footer_height);
  pango_cairo_show_layout (cr, footer);

  set_pdf_metadata (self, cr);
}

static void
seances_commitment_print_constructed (GObject *object)
{
  SeancesCommitmentPrint *self = SEANCES_COMMITMENT_PRINT (object);
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autofree char *basename = NULL;

  G_OBJECT_CLASS (seances_commitment_print_parent_class)->constructed (object);

  /* The print queue may be seen by others: the job says what it is, not for whom. */
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), _("Séances — mutual commitment"));
  if (self->client != NULL)
    {
      g_autofree char *name = g_strdup (seances_client_get_display_name (self->client));

      /* Translators: the name proposed for the PDF file; %s is the client's name */
      basename = g_strdup_printf (_("Mutual commitment – %s"), g_strdelimit (name, "/\\", '-'));
    }
  else
    basename = g_strdup (_("Mutual commitment"));
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, basename);
  gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (self), settings);
}

static void
seances_commitment_print_dispose (GObject *object)
{
  SeancesCommitmentPrint *self = SEANCES_COMMITMENT_PRINT (object);

  g_clear_object (&self->client);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (seances_commitment_print_parent_class)->dispose (object);
}

static void
seances_commitment_print_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  SeancesCommitmentPrint *self = SEANCES_COMMITMENT_PRINT (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
seances_commitment_print_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  SeancesCommitmentPrint *self = SEANCES_COMMITMENT_PRINT (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
seances_commitment_print_class_init (SeancesCommitmentPrintClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->constructed = seances_commitment_print_constructed;
  object_class->dispose = seances_commitment_print_dispose;
  object_class->get_property = seances_commitment_print_get_property;
  object_class->set_property = seances_commitment_print_set_property;
  operation_class->begin_print = seances_commitment_print_begin_print;
  operation_class->draw_page = seances_commitment_print_draw_page;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SEANCES_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, SEANCES_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
seances_commitment_print_init (SeancesCommitmentPrint *self)
{
  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
}

/* @client: the person who signs, or NULL for a sheet their name is written on by hand. */
SeancesCommitmentPrint *
seances_commitment_print_new (SeancesContext *context,
                              SeancesClient  *client)
{
  g_return_val_if_fail (SEANCES_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (client == NULL || SEANCES_IS_CLIENT (client), NULL);

  return g_object_new (SEANCES_TYPE_COMMITMENT_PRINT, "context", context, "client", client, NULL);
}

/* The print dialog, where « Imprimer dans un fichier » makes a PDF; FALSE with a French
 * sentence when the printing failed (cancelling it is no failure). */
gboolean
seances_commitment_print_run_dialog (SeancesCommitmentPrint  *self,
                                     GtkWindow               *parent,
                                     GError                 **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SEANCES_IS_COMMITMENT_PRINT (self), FALSE);

  if (gtk_print_operation_run (GTK_PRINT_OPERATION (self), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               parent, &local_error) != GTK_PRINT_OPERATION_RESULT_ERROR)
    return TRUE;

  g_debug ("Printing the commitment failed: %s", local_error->message);
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("The commitment could not be printed: check the printer, "
                         "or choose “Print to File” to make a PDF."));
  return FALSE;
}
