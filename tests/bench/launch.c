/* launch.c — prints "EXEC <µs>" (CLOCK_MONOTONIC, as g_get_monotonic_time ()), then
 * becomes PROGRAM: what follows is timed from the exec itself.
 *   launch PROGRAM ARGS...
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int
main (int argc, char **argv)
{
  struct timespec ts;

  if (argc < 2)
    {
      fprintf (stderr, "usage: launch PROGRAM ARGS...\n");
      return 2;
    }
  clock_gettime (CLOCK_MONOTONIC, &ts);
  printf ("EXEC %lld\n", (long long) ts.tv_sec * 1000000 + ts.tv_nsec / 1000);
  fflush (stdout);
  execv (argv[1], argv + 1);
  fprintf (stderr, "launch: cannot run %s: %s\n", argv[1], strerror (errno));
  return 127;
}
