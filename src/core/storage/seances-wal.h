/* seances-wal.h — reading SQLite's write-ahead log, to see what it would drop
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SEANCES_WAL_HEADER_SIZE 32
#define SEANCES_WAL_FRAME_HEADER_SIZE 24

typedef struct
{
  gboolean header_sound;  /* magic, version, page size and checksum are right */
  guint32  page_size;
  guint    n_frames;      /* whole frames in the file, of any generation */
  guint    n_applied;     /* what SQLite applies: the valid frames up to the last commit */
  guint    n_lost;        /* commits of this generation after those, which SQLite ignores */
} SeancesWalSummary;

gboolean seances_wal_read (const guint8      *data,
                           gsize              length,
                           SeancesWalSummary *summary);

G_END_DECLS
