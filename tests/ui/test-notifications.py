#!/usr/bin/python3
"""Issue #8's notifications end to end, in French, against a real notification server on the
private session bus (tests/harness/notification-server.py), as a practitioner's day goes:
- 9 h 00: the first run, the patient « Hélène Martin », her session booked today at 14 h 30.
  Nothing is announced yet.
- 14 h 20 (Séances started again): one notification « Prochaine séance dans 10 minutes »,
  which names nobody; « Afficher les noms dans les notifications » turned on in the
  preferences puts her name in it, turned off takes it out again; a click on it brings the
  window back from the patients to today's sessions. « Garder Séances ouvert en arrière-plan »
  is turned on, « Lancer au démarrage de la session » writes the autostart entry and removes
  it; « Quitter » still quits.
- 18 h 59 (started again, the clock running): the window is closed, the process stays, and
  at 19 h 00 « Revue du jour en attente » comes; its click shows the window again.
- 21 h 00, as the autostart entry starts it (--background): no window, the reminder all the
  same; a second `seances --background` leaves it be; the click shows the window.
The settings persist between the starts as on a desktop (GSettings' keyfile backend).
Run inside: tests/harness/session --keyring --display --a11y --lang fr"""
import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'harness'))
import atspi as A  # noqa: E402

from gi.repository import Gio, GLib  # noqa: E402

HARNESS = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'harness')
LOG = os.path.join(os.environ['XDG_RUNTIME_DIR'], 'notifications.jsonl')
AUTOSTART = os.path.join(os.environ['XDG_CONFIG_HOME'], 'autostart', 'io.github.seances.Seances.desktop')
# The settings live in a file, as dconf would keep them: they outlast each start.
APP_ENV = {'GSETTINGS_BACKEND': 'keyfile'}
HELENE = {'Prénom': 'Hélène', 'Nom': 'Martin', 'E-mail': 'helene.martin@exemple.fr'}


# --- The notification server -----------------------------------------------------------

def start_server():
    server = subprocess.Popen(['/usr/bin/python3', os.path.join(HARNESS, 'notification-server.py'), LOG])
    A.wait_for(lambda: any(e['event'] == 'ready' for e in events()), what='the notification server')
    return server


def events():
    try:
        with open(LOG, encoding='utf-8') as f:
            return [json.loads(line) for line in f if line.strip()]
    except FileNotFoundError:
        return []


def notified():
    return [e for e in events() if e['event'] == 'notify']


def wait_notified(count, what, timeout=A.TIMEOUT):
    return A.wait_for(lambda: (lambda n: n if len(n) >= count else None)(notified()), timeout, what)[count - 1]


def click_notification(nid, action='default'):
    """What a click on the notification does: the server invokes its action."""
    bus = Gio.bus_get_sync(Gio.BusType.SESSION)
    bus.call_sync('org.freedesktop.Notifications', '/org/freedesktop/Notifications',
                  'io.github.seances.Seances.TestNotifications', 'InvokeAction',
                  GLib.Variant('(us)', (nid, action)), None, 0, 5000)


def no_name(note):
    text = json.dumps(note, ensure_ascii=False)
    if 'Hélène' in text or 'Martin' in text:
        A.fail(f'a notification names the patient while names are off: {note}')


# --- The app ---------------------------------------------------------------------------

def start(now, runs=False, args=(), find=True):
    env = dict(APP_ENV, SEANCES_NOW=now)
    if runs:
        env['SEANCES_NOW_RUNS'] = '1'
    proc = A.start_app([os.environ.get('SEANCES_BIN', '_build/src/seances'), *args], env=env)
    return proc, A.find_app(pid=proc.pid) if find else None


def visible_windows(proc):
    """The X windows of the process that are mapped (no window manager: what is on screen)."""
    found = subprocess.run(['xdotool', 'search', '--onlyvisible', '--pid', str(proc.pid)],
                           capture_output=True, text=True, timeout=10)
    return found.stdout.split()


def window_of(app):
    return A.wait_for(lambda: next((w for w in A.children(app) if A.find_all(w, 'page tab', 'Agenda', showing=False)),
                                   None), what='the main window')


def shown_page(app):
    """The page of the main window's view switcher that is selected."""
    tabs = A.find_all(app, 'page tab', showing=False)
    return next((A._safe(lambda: t.name) for t in tabs if A.has_state(t, A.pyatspi.STATE_SELECTED)), None)


def open_preferences(proc, app):
    known = A.children(app)
    A._focus_window(proc.pid)
    subprocess.run(['xdotool', 'key', '--clearmodifiers', 'ctrl+comma'], check=True, timeout=10)
    preferences = A.wait_for(lambda: next((w for w in A.children(app) if w not in known), None),
                             what='the preferences window')
    A.click(A.find(preferences, 'page tab', 'Notifications'))
    return preferences


def switch(preferences, name):
    return A.find(preferences, 'check box', name, showing=False)  # GTK 4.8 shows a GtkSwitch so


def toggle(preferences, name, on):
    control = switch(preferences, name)
    if A.is_checked(control) != on:
        A.pointer_click(control)
    A.wait_for(lambda: A.is_checked(control) == on, what=f'« {name} » to be {"on" if on else "off"}')


def quit_from_menu(proc, app, timeout=10):
    """« Quitter » in the main menu, as a person quits; True when the process ended."""
    # No window manager: a popover of a window without the focus closes at once.
    A._focus_window(proc.pid)
    menu = A.find(app, 'push button', 'Menu principal')
    A.click(menu)
    # GTK 4.8 names the menu button and the push button inside it alike: look in the window.
    item = A.popover_child(A._top(menu), lambda a: A._safe(a.getRoleName) == 'menu item'
                           and A._safe(lambda: A.spaces(a.name)) == 'Quitter', '« Quitter » in the main menu')
    try:
        A.click(item)
    except GLib.Error:
        pass  # it quit before answering the click
    try:
        proc.wait(timeout)
        return True
    except subprocess.TimeoutExpired:
        return False


def morning():
    """9 h 00: the first run, the patient, her session at 14 h 30; nothing to announce."""
    proc, app = start('2026-11-24T09:00')
    try:
        A.fill_welcome(app)
        A.read_recovery_key(app)
        A.accept_recovery_key(app)
        A.wait_main(app)

        A.click(A.find(app, 'page tab', 'Patients'))
        clients = A.find(app, None, 'SeancesClientsView')
        A.click(A.find(clients, 'push button', 'Nouveau patient'))
        editor = A.find_window(app, 'Nouveau patient')
        for name, value in HELENE.items():
            A.set_text(A.in_window(editor, 'text', name), value)
        A.click(A.in_window(editor, 'push button', 'Enregistrer'))
        A.window_gone(app, editor)

        A.click(A.find(app, 'page tab', 'Agenda'))
        A.click(A.find(app, 'push button', 'Nouvelle séance'))
        editor = A.find_window(app, 'Nouvelle séance')
        patient = A.in_window(editor, 'text', 'Patient')
        A.pointer_click(patient)
        A.type_text('hel')
        A.pointer_click(A.in_window(editor, 'list item', 'Hélène Martin'))
        A.wait_for(lambda: A.get_text(patient) == 'Hélène Martin', what='« Patient » to hold Hélène Martin')
        A.pick_date(editor, 'Date', 2026, 11, 24)
        A.set_text(A.in_window(editor, 'text', 'Heure de début'), '14h30')
        A.click(A.in_window(editor, 'push button', 'Enregistrer'))
        A.window_gone(app, editor)
        A.find(app, 'push button', '14 h 30, Hélène Martin', substring=True)
        A.ok('9 h 00: Hélène Martin booked today at 14 h 30')

        time.sleep(1)
        if notified():
            A.fail(f'something was announced at 9 h 00: {notified()}')
        A.ok('9 h 00: no notification')
        if A.close_window(proc, app) != 0:
            A.fail('Séances did not exit cleanly when its window was closed')
    finally:
        A.stop_app(proc)


def afternoon():
    """14 h 20: the session is announced, discreetly; names on, then off; the click."""
    proc, app = start('2026-11-24T14:20')
    try:
        A.wait_main(app)
        note = wait_notified(1, 'the next session to be announced')
        if note['summary'] != 'Prochaine séance dans 10 minutes' or A.spaces(note['body']) != 'À 14 h 30, au cabinet.':
            A.fail(f'the session is announced as {note}')
        no_name(note)
        if 'default' not in note['actions'] or note['hints'].get('desktop-entry') != 'io.github.seances.Seances':
            A.fail(f'the notification cannot be clicked, or is not the app\'s: {note}')
        time.sleep(1.5)
        if len(notified()) != 1:
            A.fail(f'one session, {len(notified())} notifications: {notified()}')
        A.ok('14 h 20: one notification « Prochaine séance dans 10 minutes », « À 14 h 30, au cabinet. », no name')

        preferences = open_preferences(proc, app)
        toggle(preferences, 'Afficher les noms dans les notifications', True)
        named = wait_notified(2, 'the notification to be shown again with the name')
        if named['replaces_id'] != note['id'] or A.spaces(named['body']) != 'Hélène Martin à 14 h 30, au cabinet.':
            A.fail(f'with the names on, the notification became {named}')
        toggle(preferences, 'Afficher les noms dans les notifications', False)
        unnamed = wait_notified(3, 'the notification to lose the name again')
        no_name(unnamed)
        if unnamed['replaces_id'] != note['id']:
            A.fail(f'with the names off again, a new notification came: {unnamed}')
        A.ok('names on: the same notification reads « Hélène Martin à 14 h 30, au cabinet. »; off: the name goes')

        toggle(preferences, 'Garder Séances ouvert en arrière-plan', True)
        toggle(preferences, 'Lancer au démarrage de la session', True)
        A.wait_for(lambda: os.path.exists(AUTOSTART), what='the autostart entry')
        entry = GLib.KeyFile()
        entry.load_from_file(AUTOSTART, GLib.KeyFileFlags.NONE)
        command = entry.get_string('Desktop Entry', 'Exec')
        if not command.endswith(' --background') or entry.get_string('Desktop Entry', 'Type') != 'Application':
            A.fail(f'the autostart entry starts {command!r}')
        toggle(preferences, 'Lancer au démarrage de la session', False)
        A.wait_for(lambda: not os.path.exists(AUTOSTART), what='the autostart entry to be removed')
        A.ok(f'« Lancer au démarrage de la session » writes {os.path.basename(AUTOSTART)} '
             f'(Exec={command}) and removes it')
        A.click(A.find(preferences, 'push button', 'Fermer', showing=False))
        A.window_gone(app, preferences)

        A.click(A.find(app, 'page tab', 'Patients'))
        A.wait_for(lambda: shown_page(app) == 'Patients', what='the patients page')
        click_notification(note['id'])
        A.wait_for(lambda: shown_page(app) in ('Agenda', 'Aujourd’hui'), what='the click to show today\'s sessions')
        if shown_page(app) == 'Aujourd’hui':
            A.find(app, 'list item', 'Hélène Martin', substring=True)
        else:
            A.find(app, 'push button', '14 h 30, Hélène Martin', substring=True)
        A.ok(f'the click brings the window from « Patients » to « {shown_page(app)} », her session in sight')

        if not quit_from_menu(proc, app):
            A.fail('« Quitter » did not quit with Séances kept in the background')
        A.ok('« Quitter » in the main menu quits, even kept in the background')
    finally:
        A.stop_app(proc)


def evening():
    """18 h 59, the clock running: the window closed, the review reminder at 19 h 00."""
    before = len(notified())
    proc, app = start('2026-11-24T18:59:40', runs=True)
    try:
        A.wait_main(app)
        window = window_of(app)
        A.click(A.find(window, 'push button', 'Fermer'))
        A.wait_for(lambda: not A.has_state(window, A.pyatspi.STATE_SHOWING), what='the window to close')
        if len(notified()) != before:
            A.fail(f'something was announced before 19 h 00, the window still open: {notified()[before:]}')
        time.sleep(1)
        if proc.poll() is not None:
            A.fail(f'Séances exited ({proc.returncode}) when its window closed, kept in the background')
        A.ok('18 h 59: the window closed, Séances still runs')

        note = wait_notified(before + 1, 'the review reminder at 19 h 00, 20 s of real time after the start',
                             timeout=30)
        if note['summary'] != 'Revue du jour en attente' or note['body'] != '1 séance reste à revoir.':
            A.fail(f'the review reminder reads {note}')
        no_name(note)
        A.ok('19 h 00, window closed: « Revue du jour en attente », « 1 séance reste à revoir. »')

        click_notification(note['id'])
        A.wait_for(lambda: any(A.has_state(w, A.pyatspi.STATE_SHOWING) for w in A.children(app)),
                   what='the click to show the window again')
        A.wait_for(lambda: shown_page(app) in ('Agenda', 'Aujourd’hui'), what='today\'s sessions')
        A.ok(f'its click shows the window again, on « {shown_page(app)} »')

        if not quit_from_menu(proc, app):
            A.fail('« Quitter » did not quit')
        if proc.returncode != 0:
            A.fail(f'Séances exited with status {proc.returncode}')
        A.ok('« Quitter » quits')
    finally:
        A.stop_app(proc)


def night():
    """21 h 00, started as the session starts it: no window, and still the reminder."""
    before = len(notified())
    proc, _ = start('2026-11-24T21:00', args=['--background'], find=False)
    try:
        note = wait_notified(before + 1, 'the review reminder, started in the background')
        if note['summary'] != 'Revue du jour en attente':
            A.fail(f'started in the background, Séances shows {note}')
        if visible_windows(proc):
            A.fail('started with --background, Séances shows a window')
        again = subprocess.run([os.environ.get('SEANCES_BIN', '_build/src/seances'), '--background'],
                               env=dict(os.environ, **APP_ENV), timeout=20)
        if again.returncode != 0 or visible_windows(proc):
            A.fail(f'a second --background exited {again.returncode} or showed the window')
        A.ok('--background: no window, « Revue du jour en attente » all the same; a second one leaves it be')

        click_notification(note['id'])
        A.wait_for(lambda: visible_windows(proc), what='the click to show the window')
        app = A.find_app(pid=proc.pid)
        A.wait_main(app)
        A.ok('its click shows the window, on today\'s sessions')
        if not quit_from_menu(proc, app):
            A.fail('« Quitter » did not quit')
    finally:
        A.stop_app(proc)


def test():
    server = start_server()
    try:
        morning()
        afternoon()
        evening()
        night()
    finally:
        A.stop_app(server)


sys.exit(A.main(test))
