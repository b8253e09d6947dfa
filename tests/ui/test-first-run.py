#!/usr/bin/python3
"""First run with a Secret Service, as a person would, in French: fill the welcome page, see the
recovery key, stop before confirming it (it is shown again at the next start), note it, reach
the main window; then start again in the same session: the key comes from
the keyring, so the main window opens directly.
Run inside: tests/harness/session --keyring --display --a11y --lang fr"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'harness'))
import atspi as A  # noqa: E402


def test():
    proc = A.start_app()
    try:
        app = A.find_app(pid=proc.pid)
        A.find(app, 'frame', 'Séances')
        A.ok('the window « Séances » opens on the welcome page')

        A.fill_welcome(app)
        A.ok('welcome page filled, « Créer le cabinet » pressed')

        key = A.read_recovery_key(app)
        A.ok(f'recovery key shown: 14 groups of 4 ({key[:4]} …)')
        if A.find_all(app, A.SECRET, 'Phrase secrète'):
            A.fail('a passphrase was asked although a Secret Service is running')
    finally:
        # Stopped before « je l’ai notée »: a crash, a power cut, a window closed too soon.
        proc.kill()
        proc.wait()

    proc = A.start_app()
    try:
        app = A.find_app(pid=proc.pid)
        again = A.read_recovery_key(app)
        if again != key:
            A.fail('after a stop before confirming, another recovery key is shown')
        A.ok('stopped before confirming: the next start shows the same recovery key first')

        A.accept_recovery_key(app)
        A.ok('« Continuer » was insensitive until the box was checked')

        A.wait_main(app)
        A.ok('main window shows « Cabinet Les Tilleuls »')

        status = A.close_window(proc, app)
        if status != 0:
            A.fail(f'the app exited with status {status}')
        A.ok('the app quit when its window was closed')
    finally:
        A.stop_app(proc)

    # Second start, same session and keyring: no question asked.
    proc = A.start_app()
    try:
        app = A.find_app(pid=proc.pid)
        A.wait_main(app)
        for role, name in (('push button', 'Créer le cabinet'), (A.SECRET, 'Clé de secours'),
                           (A.SECRET, 'Phrase secrète'), ('push button', 'Déverrouiller')):
            if A.find_all(app, role, name):
                A.fail(f'second start: {role} « {name} » is showing')
        A.ok('second start opens the main window directly (key found in the keyring)')
        A.close_window(proc, app)
    finally:
        A.stop_app(proc)


sys.exit(A.main(test))
