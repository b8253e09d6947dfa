/* test-file.c — a new file the user named: refused where it would destroy something,
 * otherwise written whole, private, and nothing left behind
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "seances-file.h"
#include "seances-test.h"

#define NBSP "\u00a0"

#define IN_DATA_FOLDER "Ce fichier est dans le dossier des données de Séances" NBSP ": choisissez un autre emplacement."
#define SYMLINK "Ce nom est un lien symbolique" NBSP ": indiquez le fichier lui-même ou un autre nom."
#define NOT_REGULAR "Ce n’est pas un fichier ordinaire" NBSP ": indiquez le nom d’un fichier dans un dossier."
#define NO_NAME "Indiquez le nom d’un fichier à écrire" NBSP ": Séances n’écrit pas sur la sortie standard."
#define FOLDER "C’est un dossier" NBSP ": indiquez le nom d’un fichier à l’intérieur."
#define READ_ONLY "Ce fichier est en lecture seule" NBSP ": choisissez un autre nom, ou rendez-le d’abord modifiable."
#define NO_FOLDER "Le dossier de ce fichier n’existe pas" NBSP ": créez-le d’abord ou choisissez-en un autre."
#define DISK_FULL "Le disque est plein" NBSP ": libérez de la place ou choisissez un autre disque, puis réessayez."

/* The data folder holds a stand-in for the encrypted database; @work is a folder of the
 * user's where files are written. */
typedef struct
{
  char *data;
  char *database;
  char *work;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  row)
{
  g_autoptr(GError) error = NULL;

  fixture->data = g_build_filename (g_get_user_data_dir (), "seances", NULL);
  fixture->database = g_build_filename (fixture->data, "seances.db", NULL);
  fixture->work = g_build_filename (g_get_user_cache_dir (), "dossier", NULL);
  g_assert_cmpint (g_mkdir_with_parents (fixture->data, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (fixture->work, 0700), ==, 0);
  g_assert_true (g_file_set_contents (fixture->database, "SQLite format 3 chiffré", -1, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  row)
{
  g_free (fixture->data);
  g_free (fixture->database);
  g_free (fixture->work);
}

static char *
in_work (Fixture    *fixture,
         const char *name)
{
  return g_build_filename (fixture->work, name, NULL);
}

static void
write_file (const char *path,
            const char *contents,
            int         mode)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, mode), ==, 0);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  return contents;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @folder, sorted, comma-separated: a temporary file left shows here. */
static char *
list_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (",", (char **) names->pdata);
}

static void
assert_mode (const char *path,
             int         mode)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, mode);
}

/* Refusals. Each row makes what is at the path; @guarded is a file whose bytes must stay
 * as they were (NULL for none). */
typedef struct
{
  const char *test_path;
  char     *(*prepare) (Fixture *fixture, char **guarded);
  int         code;
  const char *message;
} Refusal;

static char *
database_itself (Fixture  *fixture,
                 char    **guarded)
{
  *guarded = g_strdup (fixture->database);
  return g_strdup (fixture->database);
}

static char *
new_file_in_data_folder (Fixture  *fixture,
                         char    **guarded)
{
  return g_build_filename (fixture->data, "export.json", NULL);
}

/* …/share/autre/../seances/seances.db */
static char *
through_dot_dot (Fixture  *fixture,
                 char    **guarded)
{
  g_autofree char *other = g_build_filename (g_get_user_data_dir (), "autre", NULL);

  g_assert_cmpint (g_mkdir (other, 0700), ==, 0);
  *guarded = g_strdup (fixture->database);
  return g_build_filename (other, "..", "seances", "seances.db", NULL);
}

static char *
through_symlinked_folder (Fixture  *fixture,
                          char    **guarded)
{
  g_autofree char *link = in_work (fixture, "raccourci");

  g_assert_cmpint (symlink (fixture->data, link), ==, 0);
  *guarded = g_strdup (fixture->database);
  return g_build_filename (link, "seances.db", NULL);
}

static char *
symlink_to_file (Fixture  *fixture,
                 char    **guarded)
{
  g_autofree char *link = in_work (fixture, "lien.json");

  *guarded = in_work (fixture, "vrai.json");
  write_file (*guarded, "le vrai fichier", 0644);
  g_assert_cmpint (symlink (*guarded, link), ==, 0);
  return g_steal_pointer (&link);
}

static char *
dangling_symlink (Fixture  *fixture,
                  char    **guarded)
{
  g_autofree char *link = in_work (fixture, "lien.json");
  g_autofree char *nowhere = in_work (fixture, "nulle-part.json");

  g_assert_cmpint (symlink (nowhere, link), ==, 0);
  return g_steal_pointer (&link);
}

static char *
dev_null (Fixture  *fixture,
          char    **guarded)
{
  return g_strdup ("/dev/null");
}

static char *
fifo (Fixture  *fixture,
      char    **guarded)
{
  char *path = in_work (fixture, "tube");

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  return path;
}

static char *
dash (Fixture  *fixture,
      char    **guarded)
{
  return g_strdup ("-");
}

static char *
empty_name (Fixture  *fixture,
            char    **guarded)
{
  return g_strdup ("");
}

static char *
directory (Fixture  *fixture,
           char    **guarded)
{
  char *path = in_work (fixture, "sous-dossier");

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  return path;
}

static char *
trailing_slash (Fixture  *fixture,
                char    **guarded)
{
  return g_strconcat (fixture->work, G_DIR_SEPARATOR_S, NULL);
}

static char *
read_only (Fixture  *fixture,
           char    **guarded)
{
  *guarded = in_work (fixture, "archive.json");
  write_file (*guarded, "une archive à garder", 0444);
  return g_strdup (*guarded);
}

static char *
missing_folder (Fixture  *fixture,
                char    **guarded)
{
  return g_build_filename (fixture->work, "absent", "export.json", NULL);
}

static char *
file_as_folder (Fixture  *fixture,
                char    **guarded)
{
  g_autofree char *file = in_work (fixture, "notes.txt");

  write_file (file, "des notes", 0600);
  return g_build_filename (file, "export.json", NULL);
}

static const Refusal refusals[] = {
  { "/file/refused/database", database_itself, G_IO_ERROR_INVALID_FILENAME, IN_DATA_FOLDER },
  { "/file/refused/data-folder", new_file_in_data_folder, G_IO_ERROR_INVALID_FILENAME, IN_DATA_FOLDER },
  { "/file/refused/dot-dot", through_dot_dot, G_IO_ERROR_INVALID_FILENAME, IN_DATA_FOLDER },
  { "/file/refused/symlinked-folder", through_symlinked_folder, G_IO_ERROR_INVALID_FILENAME, IN_DATA_FOLDER },
  { "/file/refused/symlink", symlink_to_file, G_IO_ERROR_TOO_MANY_LINKS, SYMLINK },
  { "/file/refused/dangling-symlink", dangling_symlink, G_IO_ERROR_TOO_MANY_LINKS, SYMLINK },
  { "/file/refused/dev-null", dev_null, G_IO_ERROR_NOT_REGULAR_FILE, NOT_REGULAR },
  { "/file/refused/fifo", fifo, G_IO_ERROR_NOT_REGULAR_FILE, NOT_REGULAR },
  { "/file/refused/dash", dash, G_IO_ERROR_INVALID_ARGUMENT, NO_NAME },
  { "/file/refused/empty", empty_name, G_IO_ERROR_INVALID_ARGUMENT, NO_NAME },
  { "/file/refused/directory", directory, G_IO_ERROR_IS_DIRECTORY, FOLDER },
  { "/file/refused/trailing-slash", trailing_slash, G_IO_ERROR_IS_DIRECTORY, FOLDER },
  { "/file/refused/read-only", read_only, G_IO_ERROR_READ_ONLY, READ_ONLY },
  { "/file/refused/missing-folder", missing_folder, G_IO_ERROR_NOT_FOUND, NO_FOLDER },
  { "/file/refused/file-as-folder", file_as_folder, G_IO_ERROR_NOT_FOUND, NO_FOLDER },
};

static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  const Refusal *row = data;
  g_autofree char *guarded = NULL;
  g_autofree char *path = row->prepare (fixture, &guarded);
  g_autofree char *before = guarded != NULL ? read_file (guarded) : NULL;
  g_autofree char *data_before = list_folder (fixture->data);
  g_autofree char *work_before = list_folder (fixture->work);
  g_autofree char *data_after = NULL;
  g_autofree char *work_after = NULL;
  g_autoptr(SeancesNewFile) file = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (seances_file_check_target (path, &error));
  g_assert_error (error, G_IO_ERROR, row->code);
  g_assert_cmpstr (error->message, ==, row->message);
  g_clear_error (&error);

  file = seances_new_file_begin (path, &error);
  g_assert_null (file);
  g_assert_error (error, G_IO_ERROR, row->code);
  g_assert_cmpstr (error->message, ==, row->message);

  /* Nothing was made, nothing was touched. */
  data_after = list_folder (fixture->data);
  work_after = list_folder (fixture->work);
  g_assert_cmpstr (data_after, ==, data_before);
  g_assert_cmpstr (work_after, ==, work_before);
  if (guarded != NULL)
    {
      g_autofree char *after = read_file (guarded);
      g_assert_cmpstr (after, ==, before);
    }
}

/* Files written. @existing is what the target held before (NULL: no file); with
 * @relative the name is given alone, as typed in the folder. */
typedef struct
{
  const char *test_path;
  const char *existing;
  int         existing_mode;
  gboolean    relative;
  gboolean    through_fd;
} Writing;

static const Writing writings[] = {
  { "/file/written/new", NULL, 0, FALSE, FALSE },
  { "/file/written/replaces", "ancien contenu", 0644, FALSE, FALSE },
  { "/file/written/relative", NULL, 0, TRUE, FALSE },
  { "/file/written/through-fd", "ancien contenu", 0600, FALSE, TRUE },
};

/* Large enough to take several writes. */
static char *
make_contents (void)
{
  GString *contents = g_string_new (NULL);

  for (int i = 0; i < 20000; i++)
    g_string_append_printf (contents, "{\"id\": %d, \"nom\": \"Hélène Noël\"}\n", i);
  return g_string_free (contents, FALSE);
}

static void
test_written (Fixture       *fixture,
              gconstpointer  data)
{
  const Writing *row = data;
  g_autofree char *target = in_work (fixture, "export du cabinet.json");
  g_autofree char *contents = make_contents ();
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *temp_folder = NULL;
  g_autofree char *written = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  SeancesNewFile *file;

  if (row->existing != NULL)
    write_file (target, row->existing, row->existing_mode);
  if (row->relative)
    g_assert_cmpint (g_chdir (fixture->work), ==, 0);

  file = seances_new_file_begin (row->relative ? "export du cabinet.json" : target, &error);
  g_assert_no_error (error);
  g_assert_nonnull (file);
  if (row->relative)
    g_assert_cmpint (g_chdir (cwd), ==, 0);

  /* Hidden beside the target, private from the start, and not the target yet. */
  temp_folder = g_path_get_dirname (seances_new_file_get_temp_path (file));
  g_assert_cmpstr (temp_folder, ==, fixture->work);
  g_assert_true (g_str_has_prefix (strrchr (seances_new_file_get_temp_path (file), '/'), "/.export du cabinet.json."));
  assert_mode (seances_new_file_get_temp_path (file), 0600);
  if (row->existing != NULL)
    {
      g_autofree char *still = read_file (target);
      g_assert_cmpstr (still, ==, row->existing);
    }
  else
    g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));

  if (row->through_fd)
    g_assert_cmpint (write (seances_new_file_get_fd (file), contents, strlen (contents)), ==, strlen (contents));
  else
    g_assert_true (seances_new_file_write (file, contents, strlen (contents), &error));
  g_assert_no_error (error);
  g_assert_true (seances_new_file_commit (file, &error));
  g_assert_no_error (error);

  written = read_file (target);
  g_assert_cmpstr (written, ==, contents);
  assert_mode (target, 0600);
  listing = list_folder (fixture->work);
  g_assert_cmpstr (listing, ==, "export du cabinet.json");
}

/* Given up: the older file stays as it was, the temporary one goes. */
static void
test_aborted (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *target = in_work (fixture, "export.json");
  g_autofree char *after = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  SeancesNewFile *file;

  write_file (target, "ancien contenu", 0644);
  file = seances_new_file_begin (target, &error);
  g_assert_no_error (error);
  g_assert_true (seances_new_file_write (file, "nouveau", 7, &error));
  seances_new_file_abort (file);
  seances_new_file_abort (NULL);

  after = read_file (target);
  g_assert_cmpstr (after, ==, "ancien contenu");
  assert_mode (target, 0644);
  listing = list_folder (fixture->work);
  g_assert_cmpstr (listing, ==, "export.json");
}

/* Two writers of one name never share a temporary file. */
static void
test_unique_temp (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *target = in_work (fixture, "export.json");
  g_autoptr(SeancesNewFile) first = NULL;
  g_autoptr(SeancesNewFile) second = NULL;
  g_autoptr(GError) error = NULL;

  first = seances_new_file_begin (target, &error);
  g_assert_no_error (error);
  second = seances_new_file_begin (target, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (seances_new_file_get_temp_path (first), !=, seances_new_file_get_temp_path (second));
  g_assert_cmpint (seances_new_file_get_fd (first), !=, seances_new_file_get_fd (second));
  g_assert_true (g_file_test (seances_new_file_get_temp_path (first), G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (seances_new_file_get_temp_path (second), G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (fcntl (seances_new_file_get_fd (first), F_GETFD) & FD_CLOEXEC, ==, FD_CLOEXEC);
}

/* What the target became while the file was written is checked again before the
 * rename: a read-only file or a symbolic link that appeared is never replaced. */
typedef struct
{
  const char *test_path;
  void      (*change) (const char *target);
  int         code;
  const char *message;
} Change;

static void
becomes_read_only (const char *target)
{
  write_file (target, "arrivé entre-temps", 0444);
}

static void
becomes_symlink (const char *target)
{
  g_autofree char *folder = g_path_get_dirname (target);
  g_autofree char *real = g_build_filename (folder, "ailleurs.json", NULL);

  write_file (real, "arrivé entre-temps", 0644);
  g_assert_cmpint (symlink (real, target), ==, 0);
}

static const Change changes[] = {
  { "/file/changed/read-only", becomes_read_only, G_IO_ERROR_READ_ONLY, READ_ONLY },
  { "/file/changed/symlink", becomes_symlink, G_IO_ERROR_TOO_MANY_LINKS, SYMLINK },
};

static void
test_changed (Fixture       *fixture,
              gconstpointer  data)
{
  const Change *row = data;
  g_autofree char *target = in_work (fixture, "export.json");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *listing_before = NULL;
  g_autofree char *listing_after = NULL;
  g_autoptr(GError) error = NULL;
  SeancesNewFile *file;

  file = seances_new_file_begin (target, &error);
  g_assert_no_error (error);
  g_assert_true (seances_new_file_write (file, "nouveau", 7, &error));
  row->change (target);
  before = read_file (target);
  listing_before = list_folder (fixture->work);

  g_assert_false (seances_new_file_commit (file, &error));
  g_assert_error (error, G_IO_ERROR, row->code);
  g_assert_cmpstr (error->message, ==, row->message);

  after = read_file (target);
  g_assert_cmpstr (after, ==, before);
  /* The temporary file was in the listing taken before the commit, not after. */
  listing_after = list_folder (fixture->work);
  g_assert_cmpuint (strlen (listing_after), <, strlen (listing_before));
  g_assert_null (strstr (listing_after, ".export.json."));
}

/* Some cases need the process to be someone else: a user without root's powers over
 * permissions, a tiny full disk. The test runs itself again through @wrapper, in the
 * folder @folder, and the inner run does the work (g_test_subprocess() is TRUE there). */
static void
run_inner (const char * const *wrapper,
           const char         *folder)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "SEANCES_TEST_FOLDER", folder, TRUE);
  int status = 0;

  for (guint i = 0; wrapper[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) wrapper[i]);
  g_ptr_array_add (argv, (gpointer) g_test_get_filename (G_TEST_BUILT, "test-file", NULL));
  g_ptr_array_add (argv, (gpointer) "-p");
  g_ptr_array_add (argv, (gpointer) g_test_get_path ());
  g_ptr_array_add (argv, (gpointer) "--GTestSubprocess");
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_SEARCH_PATH,
                               NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_test_message ("inner run: %s%s", out, err);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
}

/* A folder of its own for the inner run: the isolated folders of a test are removed
 * when its inner run ends. Holds at most a few files. */
static char *
make_outside_folder (void)
{
  g_autoptr(GError) error = NULL;
  char *folder = g_dir_make_tmp ("seances-test-file-XXXXXX", &error);

  g_assert_no_error (error);
  return folder;
}

static void
remove_outside_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (folder), ==, 0);
}

/* A file the user cannot write, though its owner bit says writable: another user's. */
static void
test_refused_other_users (Fixture       *fixture,
                          gconstpointer  data)
{
  static const char * const dropped[] = {
    "setpriv", "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search,-fowner", NULL,
  };
  g_autofree char *outside = NULL;
  g_autofree char *target = NULL;
  g_autofree char *after = NULL;
  g_autofree char *setpriv = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;

      target = g_build_filename (g_getenv ("SEANCES_TEST_FOLDER"), "autrui.json", NULL);
      g_assert_null (seances_new_file_begin (target, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY);
      g_assert_cmpstr (error->message, ==, READ_ONLY);
      return;
    }

  if (getuid () != 0)
    {
      g_test_skip ("Giving a file to another user needs root");
      return;
    }
  setpriv = g_find_program_in_path ("setpriv");
  if (setpriv == NULL)
    {
      g_test_skip ("setpriv is needed to drop root's powers over permissions");
      return;
    }

  outside = make_outside_folder ();
  target = g_build_filename (outside, "autrui.json", NULL);
  write_file (target, "le fichier d’un autre", 0644);
  g_assert_cmpint (chown (target, 65534, 65534), ==, 0);

  run_inner (dropped, outside);
  after = read_file (target);
  g_assert_cmpstr (after, ==, "le fichier d’un autre");
  remove_outside_folder (outside);
}

/* A full disk: the older file is left whole, the temporary file goes, and the user is
 * told the disk is full. */
static void
test_disk_full (Fixture       *fixture,
                gconstpointer  data)
{
  static const char * const tiny_disk[] = {
    "unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=256k tmpfs \"$0\" && exec \"$@\"", NULL, NULL,
  };
  g_autofree char *outside = NULL;
  g_autofree char *disk = NULL;
  const char *wrapper[G_N_ELEMENTS (tiny_disk)];

  if (g_test_subprocess ())
    {
      g_autofree char *target = g_build_filename (g_getenv ("SEANCES_TEST_FOLDER"), "export.json", NULL);
      g_autofree char *contents = make_contents ();
      g_autofree char *after = NULL;
      g_autofree char *listing = NULL;
      g_autoptr(GError) error = NULL;
      SeancesNewFile *file;
      gboolean full = FALSE;

      write_file (target, "ancien contenu", 0644);
      file = seances_new_file_begin (target, &error);
      g_assert_no_error (error);
      for (int i = 0; i < 10 && !full; i++)
        full = !seances_new_file_write (file, contents, strlen (contents), &error);
      g_assert_true (full);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
      g_assert_cmpstr (error->message, ==, DISK_FULL);
      seances_new_file_abort (file);

      after = read_file (target);
      g_assert_cmpstr (after, ==, "ancien contenu");
      listing = list_folder (g_getenv ("SEANCES_TEST_FOLDER"));
      g_assert_cmpstr (listing, ==, "export.json");
      return;
    }

  outside = make_outside_folder ();
  disk = g_build_filename (outside, "disque", NULL);
  g_assert_cmpint (g_mkdir (disk, 0700), ==, 0);
  memcpy (wrapper, tiny_disk, sizeof tiny_disk);
  wrapper[5] = disk;
  run_inner (wrapper, disk);
  /* The tiny disk went with the inner run's mount namespace. */
  remove_outside_folder (outside);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  seances_test_init_french ();

  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    g_test_add (refusals[i].test_path, Fixture, &refusals[i], fixture_set_up, test_refused, fixture_tear_down);
  g_test_add ("/file/refused/other-users", Fixture, NULL, fixture_set_up, test_refused_other_users, fixture_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (writings); i++)
    g_test_add (writings[i].test_path, Fixture, &writings[i], fixture_set_up, test_written, fixture_tear_down);
  g_test_add ("/file/aborted", Fixture, NULL, fixture_set_up, test_aborted, fixture_tear_down);
  g_test_add ("/file/unique-temp", Fixture, NULL, fixture_set_up, test_unique_temp, fixture_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    g_test_add (changes[i].test_path, Fixture, &changes[i], fixture_set_up, test_changed, fixture_tear_down);
  g_test_add ("/file/disk-full", Fixture, NULL, fixture_set_up, test_disk_full, fixture_tear_down);

  return g_test_run ();
}
