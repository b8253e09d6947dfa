#!/usr/bin/python3
"""A practice whose data file is damaged, restored from last night's backup as a person would,
in French: the app says the file is damaged and offers « Restaurer une sauvegarde… »; the backup
is picked in the file chooser, the app says how old it is and what happens to the current data,
and once confirmed the agenda opens on the backup's data. The damaged file is kept aside. The
same again from the preferences, the practice open. Then a new computer (no data, an empty
keyring): from the welcome page, the backup and the recovery key written down at the first run
bring the practice back.
Run inside: tests/harness/session --keyring --display --a11y --lang fr"""
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'harness'))
import atspi as A  # noqa: E402

SEANCES = os.environ.get('SEANCES_BIN', '_build/src/seances')
DATA = os.path.join(os.environ['XDG_DATA_HOME'], 'seances')
DATABASE = os.path.join(DATA, 'seances.db')


def seances(*args):
    done = subprocess.run([SEANCES, *args], capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        A.fail(f'seances {" ".join(args)}: {done.stdout}{done.stderr}')
    return done.stdout


def replaced():
    """The databases kept aside by a restore (their -wal and -shm aside)."""
    return [n for n in os.listdir(DATA) if re.fullmatch(r'seances\.db\.replaced-\d{8}-\d{6}', n)]


def exported(name):
    path = os.path.join(os.environ['HOME'], name)
    seances(f'--export-json={path}')
    with open(path, encoding='utf-8') as f:
        document = json.load(f)
    return {k: v for k, v in document.items() if k != 'exported_at'}


def pick(app, proc, backup):
    """Types the backup's path in the file chooser, as with Ctrl+L."""
    chooser = A.find_window(app, 'Restaurer une sauvegarde')
    A._focus_window(proc.pid)
    subprocess.run(['xdotool', 'key', '--clearmodifiers', 'ctrl+l'], check=True, timeout=10)
    # A modal window is a « filler » without the showing state on GTK 4.8.
    A.set_text(A.find(chooser, 'text', 'GtkFileChooserEntry', showing=False), backup)
    A.click(A.find(chooser, 'push button', 'Ouvrir', substring=True, showing=False))


def confirm_restore(app):
    confirm = A.find_window(app, 'Restaurer cette sauvegarde ?')
    text = ' '.join(A.spaces(A._safe(lambda: label.name) or '')
                    for label in A.find_all(confirm, 'label', showing=False))
    A.click(A.find(confirm, 'push button', 'Restaurer Restaurer', substring=True, showing=False))
    return text


def wipe():
    """No data and an empty keyring, as on a computer never used for Séances."""
    for name in os.listdir(DATA):
        os.unlink(os.path.join(DATA, name))
    A.forget_keyring_items()


def new_computer():
    """The disk died: a new computer has the backup file and the paper, nothing else."""
    first = os.path.join(os.environ['HOME'], 'first-run.seancesbackup')
    wipe()
    proc = A.start_app()
    try:
        app = A.find_app(pid=proc.pid)
        A.fill_welcome(app)
        key = A.read_recovery_key(app)
        A.accept_recovery_key(app)
        A.wait_main(app)
        A.close_window(proc, app)
    finally:
        A.stop_app(proc)
    seances(f'--backup={first}')
    before = exported('first-before.json')
    wipe()
    A.ok('a practice made by hand, backed up; then a new computer: no data, an empty keyring')

    proc = A.start_app()
    try:
        app = A.find_app(pid=proc.pid)
        A.click(A.find(app, 'push button', 'Restaurer une sauvegarde…'))
        pick(app, proc, os.path.join(os.environ['HOME'], 'first-run.seancesbackup'))
        dialog = A.find_window(app, 'Clé de secours')
        A.set_text(A.find(dialog, 'text', 'Clé de secours', showing=False), key.lower())
        A.click(A.find(dialog, 'push button', 'Continuer', substring=True, showing=False))
        A.ok('the welcome page offers the restore; the recovery key is asked and typed')
        text = confirm_restore(app)
        if 'pas de données actuelles' not in text:
            A.fail(f'the confirmation does not say there is nothing to replace: {text!r}')
        A.wait_main(app)
        A.ok('the practice is back, from the backup and the recovery key alone')
        A.close_window(proc, app)
    finally:
        A.stop_app(proc)

    if exported('first-after.json') != before:
        A.fail('the restored practice differs from its backup')
    proc = A.start_app()
    try:
        app = A.find_app(pid=proc.pid)
        A.wait_main(app)
        A.ok('the next start asks nothing: the key went back into the keyring')
        A.close_window(proc, app)
    finally:
        A.stop_app(proc)


def test():
    backup = os.path.join(os.environ['HOME'], 'cabinet.seancesbackup')
    seances('--generate-demo=6')
    seances(f'--backup={backup}')
    before = exported('before.json')
    A.ok(f'a demo practice and its backup ({len(before["appointments"])} sessions)')

    # The file cut short, as a failing disk leaves it.
    with open(DATABASE, 'r+b') as f:
        f.truncate(os.path.getsize(DATABASE) - 100)

    proc = A.start_app()
    try:
        app = A.find_app(pid=proc.pid)
        A.find(app, 'label', 'endommagé', substring=True)
        A.click(A.find(app, 'push button', 'Restaurer une sauvegarde…'))
        A.ok('the damaged file is said so, with « Restaurer une sauvegarde… »')

        pick(app, proc, backup)
        A.ok('the backup is picked in the file chooser')

        text = confirm_restore(app)
        for expected in ('Sauvegarde du', '6 personnes', 'gardées à part'):
            if expected not in text:
                A.fail(f'the confirmation does not say « {expected} »: {text!r}')
        A.ok('the confirmation says when the backup was made and that nothing is deleted')

        A.wait_main(app)
        A.find(app, 'label', 'Sauvegarde restaurée', substring=True)
        A.ok('the agenda opens on the restored data, and a toast says so')

        # Again from the preferences, the practice open: the window lets go of its data.
        known = A.children(app)
        A._focus_window(proc.pid)
        subprocess.run(['xdotool', 'key', '--clearmodifiers', 'ctrl+comma'], check=True, timeout=10)
        preferences = A.wait_for(lambda: next((w for w in A.children(app) if w not in known), None),
                                 what='the preferences window')
        A.click(A.find(preferences, 'page tab', 'Données'))
        A.click(A.find(preferences, 'push button', 'Restaurer…', substring=True))
        pick(app, proc, backup)
        confirm_restore(app)
        A.window_gone(app, preferences)
        A.wait_main(app)
        # The restore checks the backup whole and copies it in a thread: on a loaded machine
        # that takes longer than a click does.
        A.wait_for(lambda: len(replaced()) == 2, timeout=60,
                   what=f'the second replaced database to be kept aside ({sorted(os.listdir(DATA))})')
        A.ok('restored again from Préférences › Données while the practice was open')
        A.close_window(proc, app)
    finally:
        A.stop_app(proc)

    if not replaced():
        A.fail('the damaged file was not kept aside')
    after = exported('after.json')
    if after != before:
        A.fail('the restored data differ from the backup')
    A.ok('the damaged file is kept aside; the data are the backup\'s, to the last session')

    new_computer()


sys.exit(A.main(test))
