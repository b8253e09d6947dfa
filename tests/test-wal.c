/* test-wal.c — reading SQLite's write-ahead log, on logs built byte by byte
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real logs SQLCipher writes are read in test-database.c; here each case is built
 * as the file format describes it, so that every kind of frame can be had. */
#include "config.h"

#include <string.h>

#include "seances-wal.h"

#define PAGE_SIZE 512
#define FRAME_SIZE (SEANCES_WAL_FRAME_HEADER_SIZE + PAGE_SIZE)

typedef struct
{
  GByteArray *bytes;
  gboolean    big_endian;
  guint32     sum[2];
  guint       next;     /* the frame written next: a restarted log writes over the old */
} Wal;

static void
put_be32 (guint8  *p,
          guint32  value)
{
  p[0] = value >> 24;
  p[1] = value >> 16;
  p[2] = value >> 8;
  p[3] = value;
}

static guint32
word (const guint8 *p,
      gboolean      big_endian)
{
  if (big_endian)
    return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
  return (guint32) p[3] << 24 | (guint32) p[2] << 16 | (guint32) p[1] << 8 | p[0];
}

/* s0 += x[i] + s1; s1 += x[i+1] + s0, over 32-bit words. */
static void
add_to_sum (Wal          *wal,
            const guint8 *data,
            gsize         length)
{
  for (gsize i = 0; i < length; i += 8)
    {
      wal->sum[0] += word (data + i, wal->big_endian) + wal->sum[1];
      wal->sum[1] += word (data + i + 4, wal->big_endian) + wal->sum[0];
    }
}

/* Writes a header, as SQLite does when it starts the log or a new generation of it. */
static void
wal_start (Wal      *wal,
           gboolean  big_endian,
           guint32   salt)
{
  guint8 header[SEANCES_WAL_HEADER_SIZE];

  if (wal->bytes == NULL)
    wal->bytes = g_byte_array_new ();
  wal->big_endian = big_endian;
  put_be32 (header, 0x377f0682 | (big_endian ? 1 : 0));
  put_be32 (header + 4, 3007000);
  put_be32 (header + 8, PAGE_SIZE);
  put_be32 (header + 12, 0);
  put_be32 (header + 16, salt);
  put_be32 (header + 20, salt ^ 0x5eaece5);
  wal->sum[0] = wal->sum[1] = 0;
  add_to_sum (wal, header, 24);
  put_be32 (header + 24, wal->sum[0]);
  put_be32 (header + 28, wal->sum[1]);

  if (wal->bytes->len < sizeof header)
    g_byte_array_set_size (wal->bytes, sizeof header);
  memcpy (wal->bytes->data, header, sizeof header);
  wal->next = 0;
}

/* One frame: @commit_size is the database size after a commit, 0 inside a transaction. */
static void
wal_add_frame (Wal     *wal,
               guint32  page,
               guint32  commit_size)
{
  gsize offset = SEANCES_WAL_HEADER_SIZE + (gsize) wal->next * FRAME_SIZE;
  guint8 *frame;

  if (wal->bytes->len < offset + FRAME_SIZE)
    g_byte_array_set_size (wal->bytes, offset + FRAME_SIZE);
  frame = wal->bytes->data + offset;
  put_be32 (frame, page);
  put_be32 (frame + 4, commit_size);
  memcpy (frame + 8, wal->bytes->data + 16, 8);
  for (guint i = 0; i < PAGE_SIZE; i++)
    frame[SEANCES_WAL_FRAME_HEADER_SIZE + i] = (guint8) (page * 31 + wal->next * 7 + i);
  add_to_sum (wal, frame, 8);
  add_to_sum (wal, frame + SEANCES_WAL_FRAME_HEADER_SIZE, PAGE_SIZE);
  put_be32 (frame + 16, wal->sum[0]);
  put_be32 (frame + 20, wal->sum[1]);
  wal->next++;
}

static void
wal_add_transaction (Wal   *wal,
                     guint  n_pages,
                     guint  first_page)
{
  for (guint i = 0; i < n_pages; i++)
    wal_add_frame (wal, first_page + i, i + 1 == n_pages ? first_page + n_pages : 0);
}

/* Three transactions of 2, 1 and 3 frames: the commits are frames 1, 2 and 5. */
static void
three_transactions (Wal      *wal,
                    gboolean  big_endian)
{
  wal_start (wal, big_endian, 0x1000);
  wal_add_transaction (wal, 2, 1);
  wal_add_transaction (wal, 1, 3);
  wal_add_transaction (wal, 3, 4);
}

static void
flip (Wal   *wal,
      gsize  offset)
{
  wal->bytes->data[offset] ^= 0x20;
}

static gsize
page_byte (guint frame)
{
  return SEANCES_WAL_HEADER_SIZE + frame * FRAME_SIZE + SEANCES_WAL_FRAME_HEADER_SIZE + 100;
}

static void build_empty (Wal *wal) { wal->bytes = g_byte_array_new (); }
static void build_header_only (Wal *wal) { wal_start (wal, FALSE, 0x1000); }
static void build_committed (Wal *wal) { three_transactions (wal, FALSE); }
static void build_big_endian (Wal *wal) { three_transactions (wal, TRUE); }

static void
build_middle_frame_flipped (Wal *wal)
{
  three_transactions (wal, FALSE);
  flip (wal, page_byte (2));
}

static void
build_last_commit_flipped (Wal *wal)
{
  three_transactions (wal, FALSE);
  flip (wal, page_byte (5));
}

static void
build_frame_header_flipped (Wal *wal)
{
  three_transactions (wal, FALSE);
  flip (wal, SEANCES_WAL_HEADER_SIZE + 1 * FRAME_SIZE + 3);  /* frame 1's page number */
}

/* A crash in the middle of the second transaction: its frames are whole, its commit
 * was never written. */
static void
build_unfinished (Wal *wal)
{
  wal_start (wal, FALSE, 0x1000);
  wal_add_transaction (wal, 2, 1);
  wal_add_frame (wal, 3, 0);
  wal_add_frame (wal, 4, 0);
}

/* After a checkpoint, the log starts again with new salts, over the old frames. */
static void
build_old_generation (Wal *wal)
{
  three_transactions (wal, FALSE);
  wal_start (wal, FALSE, 0x1001);
  wal_add_transaction (wal, 2, 7);
}

/* Takes the log back to @frame, the next to write, as SQLite does when a transaction
 * that had spilled frames to it is rolled back: the chain goes on from the frame before. */
static void
wal_rewind (Wal   *wal,
            guint  frame)
{
  const guint8 *sums = frame == 0 ? wal->bytes->data + 24
                                  : wal->bytes->data + SEANCES_WAL_HEADER_SIZE + (frame - 1) * FRAME_SIZE + 16;

  wal->sum[0] = word (sums, TRUE);
  wal->sum[1] = word (sums + 4, TRUE);
  wal->next = frame;
}

/* A large transaction spilled frames to the log and was rolled back; the next one
 * wrote over its start. What is left carries this generation's salts. */
static void
build_rolled_back (Wal *wal)
{
  wal_start (wal, FALSE, 0x1000);
  wal_add_transaction (wal, 2, 1);
  for (guint i = 0; i < 4; i++)
    wal_add_frame (wal, 10 + i, 0);
  wal_rewind (wal, 2);
  wal_add_transaction (wal, 1, 3);
}

static void
build_header_damaged (Wal *wal)
{
  three_transactions (wal, FALSE);
  flip (wal, 17);  /* a salt: the header's checksum no longer matches */
}

static void
build_header_damaged_alone (Wal *wal)
{
  wal_start (wal, FALSE, 0x1000);
  flip (wal, 17);
}

static void
build_magic_damaged (Wal *wal)
{
  three_transactions (wal, FALSE);
  flip (wal, 0);
}

/* A frame being appended as the file was read: only its first half is there. */
static void
build_partial_frame (Wal *wal)
{
  three_transactions (wal, FALSE);
  g_byte_array_set_size (wal->bytes, wal->bytes->len + FRAME_SIZE / 2);
}

typedef struct
{
  const char *name;
  void      (*build) (Wal *wal);
  gboolean    sound;
  gboolean    header_sound;
  guint       n_frames;
  guint       n_applied;
  guint       n_lost;
} WalCase;

static const WalCase cases[] = {
  { "empty", build_empty, TRUE, FALSE, 0, 0, 0 },
  { "header-only", build_header_only, TRUE, TRUE, 0, 0, 0 },
  { "committed", build_committed, TRUE, TRUE, 6, 6, 0 },
  { "big-endian", build_big_endian, TRUE, TRUE, 6, 6, 0 },
  { "middle-frame-flipped", build_middle_frame_flipped, FALSE, TRUE, 6, 2, 2 },
  { "last-commit-flipped", build_last_commit_flipped, FALSE, TRUE, 6, 3, 1 },
  { "frame-header-flipped", build_frame_header_flipped, FALSE, TRUE, 6, 0, 3 },
  { "unfinished-transaction", build_unfinished, TRUE, TRUE, 4, 2, 0 },
  { "old-generation", build_old_generation, TRUE, TRUE, 6, 2, 0 },
  { "rolled-back-leftovers", build_rolled_back, TRUE, TRUE, 6, 3, 0 },
  { "header-damaged", build_header_damaged, FALSE, FALSE, 0, 0, 0 },
  { "header-damaged-alone", build_header_damaged_alone, TRUE, FALSE, 0, 0, 0 },
  { "magic-damaged", build_magic_damaged, FALSE, FALSE, 0, 0, 0 },
  { "partial-frame", build_partial_frame, TRUE, TRUE, 6, 6, 0 },
};

static void
test_read (gconstpointer data)
{
  const WalCase *row = data;
  g_autoptr(GByteArray) bytes = NULL;
  SeancesWalSummary summary;
  Wal wal = { NULL };
  gboolean sound;

  row->build (&wal);
  bytes = wal.bytes;
  sound = seances_wal_read (bytes->data, bytes->len, &summary);

  g_assert_cmpint (sound, ==, row->sound);
  g_assert_cmpint (summary.header_sound, ==, row->header_sound);
  g_assert_cmpuint (summary.n_frames, ==, row->n_frames);
  g_assert_cmpuint (summary.n_applied, ==, row->n_applied);
  g_assert_cmpuint (summary.n_lost, ==, row->n_lost);
  if (row->header_sound)
    g_assert_cmpuint (summary.page_size, ==, PAGE_SIZE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/wal/read/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_read);
    }

  return g_test_run ();
}
