/* seances-wal.c — reading SQLite's write-ahead log, to see what it would drop
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SQLite replays a -wal up to the first frame that fails its checks and silently
 * ignores the rest, so a damaged frame makes every later transaction vanish without
 * an error. This reads the log as SQLite does (see "The Write-Ahead Log File Format"
 * in SQLite's file format documentation) and counts what it would drop.
 *
 * The header: magic (0x377f0682, or 0x377f0683 for big-endian checksums), format
 * version, page size, checkpoint sequence, two salts, and a checksum of the first 24
 * bytes. Each frame: page number, database size after a commit (0 otherwise), the
 * two salts, a checksum chained from the previous frame's over the first 8 bytes of
 * the frame header and the page, then the page. Every number is big-endian. */
#include "config.h"

#include "seances-wal.h"

#include <string.h>

#define WAL_MAGIC 0x377f0682
#define WAL_VERSION 3007000

static guint32
get_be32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

static guint32
get_le32 (const guint8 *p)
{
  return (guint32) p[3] << 24 | (guint32) p[2] << 16 | (guint32) p[1] << 8 | p[0];
}

/* SQLite's running checksum over 32-bit words, in the byte order the magic chose;
 * @length is a multiple of 8. */
static void
checksum (const guint8 *data,
          gsize         length,
          gboolean      big_endian,
          guint32       sum[2])
{
  for (gsize i = 0; i < length; i += 8)
    {
      guint32 x0 = big_endian ? get_be32 (data + i) : get_le32 (data + i);
      guint32 x1 = big_endian ? get_be32 (data + i + 4) : get_le32 (data + i + 4);

      sum[0] += x0 + sum[1];
      sum[1] += x1 + sum[0];
    }
}

static gboolean
read_header (const guint8      *data,
             gsize              length,
             SeancesWalSummary *summary,
             guint32            sum[2])
{
  guint32 magic;
  guint32 page_size;

  if (length < SEANCES_WAL_HEADER_SIZE)
    return FALSE;

  magic = get_be32 (data);
  page_size = get_be32 (data + 8);
  if ((magic & ~1u) != WAL_MAGIC || get_be32 (data + 4) != WAL_VERSION ||
      page_size < 512 || page_size > 65536 || (page_size & (page_size - 1)) != 0)
    return FALSE;

  sum[0] = sum[1] = 0;
  checksum (data, 24, magic & 1, sum);
  if (sum[0] != get_be32 (data + 24) || sum[1] != get_be32 (data + 28))
    return FALSE;

  summary->page_size = page_size;
  return TRUE;
}

/* A frame of this generation is valid when its page number is set and its checksum,
 * chained on from @sum, is right; @sum then moves on to it. */
static gboolean
frame_is_valid (const guint8 *frame,
                guint32       page_size,
                gboolean      big_endian,
                guint32       sum[2])
{
  if (get_be32 (frame) == 0)
    return FALSE;
  checksum (frame, 8, big_endian, sum);
  checksum (frame + SEANCES_WAL_FRAME_HEADER_SIZE, page_size, big_endian, sum);
  return sum[0] == get_be32 (frame + 16) && sum[1] == get_be32 (frame + 20);
}

/* Fills @summary and returns TRUE when SQLite applies every transaction of the log.
 * Frames with other salts are what an earlier generation of the log left behind, and
 * frames of this generation after the last commit with no commit of their own are a
 * transaction that never finished: neither is damage. A damaged header is, when frames
 * follow it: SQLite then ignores the whole log. */
gboolean
seances_wal_read (const guint8      *data,
                  gsize              length,
                  SeancesWalSummary *summary)
{
  const guint8 *salts;
  gboolean big_endian;
  gboolean valid = TRUE;
  gsize frame_size;
  guint32 sum[2];

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  *summary = (SeancesWalSummary) { 0 };
  summary->header_sound = read_header (data, length, summary, sum);
  if (!summary->header_sound)
    return length <= SEANCES_WAL_HEADER_SIZE;

  salts = data + 16;
  big_endian = get_be32 (data) & 1;
  frame_size = SEANCES_WAL_FRAME_HEADER_SIZE + summary->page_size;
  summary->n_frames = (length - SEANCES_WAL_HEADER_SIZE) / frame_size;

  for (guint i = 0; i < summary->n_frames; i++)
    {
      const guint8 *frame = data + SEANCES_WAL_HEADER_SIZE + i * frame_size;
      gboolean ours = memcmp (frame + 8, salts, 8) == 0;
      gboolean commit = get_be32 (frame + 4) != 0;

      /* SQLite stops at the first frame that fails, and applies up to the last
       * commit before it. */
      if (valid && ours && frame_is_valid (frame, summary->page_size, big_endian, sum))
        {
          if (commit)
            summary->n_applied = i + 1;
          continue;
        }
      valid = FALSE;

      if (ours && commit)
        summary->n_lost++;
    }

  return summary->n_lost == 0;
}
