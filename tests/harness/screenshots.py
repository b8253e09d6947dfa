#!/usr/bin/python3
"""Walk through Séances' screens and write one PNG per screen into DIR.

    /usr/bin/python3 tests/harness/screenshots.py DIR

Run inside `tests/harness/session --keyring --display --a11y --lang fr` (build-aux/screenshots
does it). The app is $SEANCES_BIN (default _build/src/seances). From an empty home it goes
through the first run (welcome, then recovery key, or passphrase when there is no keyring, then
main), then, with a keyring, empties it and shows the unlock page. With a prepared home whose
key is in the keyring it only shows the main window.
"""
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import atspi as A  # noqa: E402

out_dir = sys.argv[1] if len(sys.argv) > 1 else 'screenshots'
os.makedirs(out_dir, exist_ok=True)
shots = []


def shot(name, proc):
    time.sleep(0.5)  # let the last change paint
    path = os.path.join(out_dir, f'{len(shots) + 1:02d}-{name}.png')
    A.screenshot(path, pid=proc.pid)
    shots.append(path)


def has_keyring():
    from gi.repository import Gio, GLib
    bus = Gio.bus_get_sync(Gio.BusType.SESSION)
    reply = bus.call_sync('org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus',
                          'NameHasOwner', GLib.Variant('(s)', ('org.freedesktop.secrets',)),
                          None, 0, 5000)
    return reply.unpack()[0]


def first_page(app, started):
    """Which page the app opened on: welcome, unlock or (by elimination, after 5 s) main."""
    if A.find_all(app, 'push button', 'Créer le cabinet'):
        return 'welcome'
    if A.find_all(app, 'push button', 'Déverrouiller'):
        return 'unlock'
    if A.find_all(app, 'page tab') or time.monotonic() - started > 5:
        return 'main'
    return None


def unlock_pages(key):
    """Empty the keyring, start again: the unlock page, a wrong key, then the right one."""
    A.forget_keyring_items()
    proc = A.start_app()
    try:
        app = A.find_app(pid=proc.pid)
        field = A.find(app, A.SECRET, 'Clé de secours')
        shot('unlock', proc)
        A.set_text(field, ('0000 ' * 14).strip())
        A.click(A.find(app, 'push button', 'Déverrouiller'))
        A.find(app, 'label', 'Cette clé de secours contient une faute de frappe', substring=True)
        shot('unlock-error', proc)
        A.set_text(field, key)
        A.click(A.find(app, 'push button', 'Déverrouiller'))
        A.wait_main(app)
        A.close_window(proc, app)
    finally:
        A.stop_app(proc)


def run():
    proc = A.start_app()
    key = None
    try:
        app = A.find_app(pid=proc.pid)
        A.find(app, 'frame', 'Séances')
        started = time.monotonic()
        page = A.wait_for(lambda: first_page(app, started), what='the first page')
        if page != 'welcome':
            shot(page, proc)
            return
        A.fill_welcome(app, before_submit=lambda: shot('welcome', proc))
        if not has_keyring():  # the passphrase replaces the keyring and the recovery key
            A.find(app, A.SECRET, 'Phrase secrète')
            A.fill_passphrase(app, before_submit=lambda: shot('passphrase', proc))
        else:
            key = A.read_recovery_key(app)
            A.accept_recovery_key(app, before_continue=lambda: shot('recovery-key', proc))
        A.wait_main(app)
        shot('main', proc)
        A.close_window(proc, app)
    finally:
        A.stop_app(proc)
    if key and has_keyring():
        unlock_pages(key)


status = A.main(run)
for path in shots:
    print(path)
sys.exit(status)
