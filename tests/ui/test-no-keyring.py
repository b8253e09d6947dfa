#!/usr/bin/python3
"""First run without any Secret Service: after the welcome page the app asks for a passphrase
(it replaces the keyring and the recovery key), then opens the main window. Started again, it must ask again (nothing
is stored in plain text) and open with the passphrase.
Run inside: tests/harness/session --display --a11y --lang fr  (no --keyring)"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'harness'))
import atspi as A  # noqa: E402


def test():
    proc = A.start_app()
    try:
        app = A.find_app(pid=proc.pid)
        A.fill_welcome(app)
        A.ok('welcome page filled')

        A.find(app, A.SECRET, 'Phrase secrète')
        A.fill_passphrase(app)
        A.ok('no Secret Service: the passphrase page was shown and filled')

        # The passphrase is the key: no recovery key to note down.
        A.wait_main(app)
        if A.find_all(app, 'check box', "J'ai noté ma clé de secours en lieu sûr"):
            A.fail('a recovery key page was shown in passphrase mode')
        A.ok('main window shows « Cabinet Les Tilleuls »')
        A.close_window(proc, app)
    finally:
        A.stop_app(proc)

    proc = A.start_app()
    try:
        app = A.find_app(pid=proc.pid)
        field = A.find(app, A.SECRET, 'Phrase secrète', substring=True)  # "… ou clé de secours"
        if A.find_all(app, 'push button', 'Créer le cabinet'):
            A.fail('second start shows the welcome page over an existing database')
        A.ok('second start asks for the passphrase')
        A.set_text(field, A.PASSPHRASE)
        A.click(A.find(app, 'push button', 'Déverrouiller'))
        A.wait_main(app)
        A.ok('the passphrase opens the database')
        A.close_window(proc, app)
    finally:
        A.stop_app(proc)


sys.exit(A.main(test))
