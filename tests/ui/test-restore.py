#!/usr/bin/python3
"""A practice whose data file is damaged, restored from last night's backup as a person would,
in French: the app says the file is damaged and offers « Restaurer une sauvegarde… »; the backup
is picked in the file chooser, the app says how old it is and what happens to the current data,
and once confirmed the agenda opens on the backup's data. The damaged file is kept aside.
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

        chooser = A.find_window(app, 'Restaurer une sauvegarde')
        A._focus_window(proc.pid)
        subprocess.run(['xdotool', 'key', '--clearmodifiers', 'ctrl+l'], check=True, timeout=10)
        # A modal window is a « filler » without the showing state on GTK 4.8.
        location = A.find(chooser, 'text', 'GtkFileChooserEntry', showing=False)
        A.set_text(location, backup)
        A.click(A.find(chooser, 'push button', 'Ouvrir', substring=True, showing=False))
        A.ok('the backup is picked in the file chooser')

        confirm = A.find_window(app, 'Restaurer cette sauvegarde ?')
        text = ' '.join(A.spaces(A._safe(lambda: label.name) or '')
                        for label in A.find_all(confirm, 'label', showing=False))
        for expected in ('Sauvegarde du', '6 personnes', 'gardées à part'):
            if expected not in text:
                A.fail(f'the confirmation does not say « {expected} »: {text!r}')
        A.click(A.find(confirm, 'push button', 'Restaurer Restaurer', substring=True, showing=False))
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
        chooser = A.find_window(app, 'Restaurer une sauvegarde')
        subprocess.run(['xdotool', 'key', '--clearmodifiers', 'ctrl+l'], check=True, timeout=10)
        A.set_text(A.find(chooser, 'text', 'GtkFileChooserEntry', showing=False), backup)
        A.click(A.find(chooser, 'push button', 'Ouvrir', substring=True, showing=False))
        confirm = A.find_window(app, 'Restaurer cette sauvegarde ?')
        A.click(A.find(confirm, 'push button', 'Restaurer Restaurer', substring=True, showing=False))
        A.window_gone(app, preferences)
        A.wait_main(app)
        A.wait_for(lambda: len(replaced()) == 2,
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


sys.exit(A.main(test))
