/* seances-time-zones.c — the time zones a French practice may work in, for a combo row
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A short list of places rather than the whole IANA database: the practitioner picks
 * where they work, not an identifier. */
#include "config.h"

#include "seances-time-zones.h"

#include <glib/gi18n.h>

static const struct {
  const char *id;
  const char *label;
} zones[] = {
  { "Europe/Paris",       N_("Metropolitan France") },
  { "America/Guadeloupe", N_("Guadeloupe") },
  { "America/Martinique", N_("Martinique") },
  { "America/Cayenne",    N_("French Guiana") },
  { "Indian/Reunion",     N_("Réunion") },
  { "Indian/Mayotte",     N_("Mayotte") },
  { "America/Miquelon",   N_("Saint Pierre and Miquelon") },
  { "Pacific/Noumea",     N_("New Caledonia") },
  { "Pacific/Tahiti",     N_("French Polynesia (Tahiti)") },
  { "Pacific/Wallis",     N_("Wallis and Futuna") },
  { "Europe/Brussels",    N_("Belgium") },
  { "Europe/Luxembourg",  N_("Luxembourg") },
  { "Europe/Zurich",      N_("Switzerland") },
  { "Europe/Monaco",      N_("Monaco") },
  { "America/Toronto",    N_("Quebec") },
};

void
seances_time_zones_setup_combo (AdwComboRow *row,
                                const char  *selected)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint position = 0;

  gboolean known = selected == NULL;

  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    {
      gtk_string_list_append (labels, _(zones[i].label));
      if (g_strcmp0 (zones[i].id, selected) == 0)
        {
          position = i;
          known = TRUE;
        }
    }
  /* A zone set elsewhere (an imported practice, a practice abroad) is kept as it is,
   * shown by its name, never silently replaced by Paris. */
  if (!known)
    {
      gtk_string_list_append (labels, selected);
      position = G_N_ELEMENTS (zones);
    }

  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (row, position);
}

const char *
seances_time_zones_get_selected (AdwComboRow *row)
{
  guint position = adw_combo_row_get_selected (row);
  GListModel *labels = adw_combo_row_get_model (row);

  if (position < G_N_ELEMENTS (zones))
    return zones[position].id;
  /* The kept zone: its label is its identifier. */
  if (GTK_IS_STRING_LIST (labels) && position < g_list_model_get_n_items (labels))
    return gtk_string_list_get_string (GTK_STRING_LIST (labels), position);
  return zones[0].id;
}
