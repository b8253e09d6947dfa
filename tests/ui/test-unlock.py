#!/usr/bin/python3
"""The key is no longer in the keyring but the database exists: the app asks for the recovery
key, shows « Erreur » on a wrong one, opens with the right one (never a new, empty database).
Run inside: tests/harness/session --keyring --display --a11y --lang fr"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'harness'))
import atspi as A  # noqa: E402


def test():
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
    A.ok('first run done')

    if A.forget_keyring_items() == 0:
        A.fail('the first run stored nothing in the keyring')
    A.ok('keyring emptied')

    proc = A.start_app()
    try:
        app = A.find_app(pid=proc.pid)
        field = A.find(app, A.SECRET, 'Clé de secours')
        if A.find_all(app, 'push button', 'Créer le cabinet'):
            A.fail('the welcome page is shown over an existing database')
        A.ok('the app asks for the recovery key')

        wrong = ('0000 ' * 14).strip()
        A.set_text(field, wrong)
        A.click(A.find(app, 'push button', 'Déverrouiller'))
        A.find(app, 'label', 'Cette clé de secours contient une faute de frappe', substring=True)
        A.ok('a mistyped key is caught, in French')

        A.set_text(field, key.lower())  # as typed by hand: case should not matter
        A.click(A.find(app, 'push button', 'Déverrouiller'))
        A.wait_main(app)
        A.ok('the right key opens the database')
        A.close_window(proc, app)
    finally:
        A.stop_app(proc)


sys.exit(A.main(test))
