#!/usr/bin/python3
"""Walk through Séances' screens and write one PNG per screen into DIR.

    /usr/bin/python3 tests/harness/screenshots.py DIR [--first-run | --demo]

Run inside `tests/harness/session --keyring --display --a11y --lang fr` (build-aux/screenshots
does it, once per phase, each in a fresh session). The app is $SEANCES_BIN (default
_build/src/seances).

--first-run (the default): from an empty home, the first run (welcome, then recovery key, or
passphrase when there is no keyring, then main), then, with a keyring, empties it and shows the
unlock page. With a prepared home whose key is in the keyring it only shows the main window.

--demo: a demo practice (made with `seances --generate-demo=80` when the home holds no data yet)
with « today » fixed by SEANCES_NOW (default 2026-11-24T14:00), the main window at 1280×800:
16-review and 17-review-verdict (« Aujourd’hui » at 18:30 that day, its afternoon over),
06-agenda-week, 07-agenda-day, 08-new-session, 15-cancel-dialog, 09-clients (with « À
reprogrammer »), 10-client-page, 11-client-editor, 12-preferences, 13-preferences-data,
14-recovery-key-again, 15-preferences-policy (and its foot, 15-preferences-policy-end),
16-policy-versions, 17-client-acceptance, 15-preferences-notifications, 15-fees (« Honoraires
dus »), 16-payment; then the main views again in the dark style (16-review-dark,
06-agenda-week-dark, 07-agenda-day-dark, 09-clients-dark, 10-client-page-dark,
12-preferences-dark, 15-preferences-policy-dark, 15-preferences-notifications-dark,
15-fees-dark) and in high contrast (the same, ending in -hc). With $SEANCES_DECIDE_HELPER
(build-aux/screenshots sets it), the sessions over and not yet reviewed are closed as held
once the review's screens are made, as the end-of-day review would: their fees are due.

The dark and high-contrast styles are asked of libadwaita 1.2 through its ADW_DEBUG_COLOR_SCHEME
and ADW_DEBUG_HIGH_CONTRAST variables, which stand in for the desktop's preference: the app
follows the desktop's style and sets none of its own, so this is what a person with a dark or
high-contrast desktop sees. (The desktop's GSettings would reach libadwaita only through the
settings portal, which the private session does not run.)
"""
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import atspi as A  # noqa: E402

args = [a for a in sys.argv[1:] if not a.startswith('--')]
phase = next((a for a in sys.argv[1:] if a in ('--first-run', '--demo')), '--first-run')
out_dir = args[0] if args else 'screenshots'
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


# --- The demo practice ----------------------------------------------------------------------

DEMO_NOW = os.environ.get('SEANCES_NOW') or '2026-11-24T14:00'
SCREEN = (1280, 800)


def shot_as(name):
    """The whole screen (the main window fills it), named name.png."""
    time.sleep(0.5)  # let the last change paint
    path = os.path.join(out_dir, f'{name}.png')
    A.screenshot(path)
    shots.append(path)


def xdotool(*args):
    return subprocess.run(['xdotool', *args], capture_output=True, text=True, timeout=10, check=True).stdout


def fill_screen(proc, app):
    """No window manager on Xvfb: give the main window the whole screen."""
    # A tooltip under the pointer is an X window of the same title: move the pointer off the
    # window and wait until the main window is the only one left.
    xdotool('mousemove', str(SCREEN[0] - 1), str(SCREEN[1] - 1))
    A.wait_for(lambda: len(xdotool('search', '--onlyvisible', '--pid', str(proc.pid),
                                   '--name', '^Séances$').split()) == 1,
               what='the tooltips to go')
    win = A._window_of(proc.pid, 'Séances')
    if not win:
        A.fail('no X window « Séances »')
    xdotool('windowmove', win, '0', '0')
    xdotool('windowsize', win, str(SCREEN[0]), str(SCREEN[1]))
    frame = A.find(app, 'frame', 'Séances')
    # The frame's extents leave out the few pixels of the window's (client-side) border.
    A.wait_for(lambda: frame.queryComponent().getExtents(A.pyatspi.WINDOW_COORDS)[2] >= SCREEN[0] - 20,
               what=f'the window to be {SCREEN[0]}×{SCREEN[1]}')


def place_dialog(proc, title):
    """Centre the window title over the screen, as a window manager would."""
    win = A.wait_for(lambda: A._window_of(proc.pid, title), what=f'the X window « {title} »')
    geometry = dict(line.split('=', 1) for line in xdotool('getwindowgeometry', '--shell', win).split())
    x = (SCREEN[0] - int(geometry['WIDTH'])) // 2
    y = max((SCREEN[1] - int(geometry['HEIGHT'])) // 2, 0)
    xdotool('windowmove', win, str(x), str(y))
    A.wait_for(lambda: dict(line.split('=', 1) for line in
                            xdotool('getwindowgeometry', '--shell', win).split())['X'] == str(x),
               what=f'« {title} » to move')


def new_window(app, known):
    """The top-level window of app that is not in known."""
    return A.wait_for(lambda: next((w for w in A.children(app) if w not in known), None),
                      what='a new window')


def most_common_start(names, size=3):
    """The first size letters (no accents, lower case) that begin the most first or last names."""
    import collections
    import unicodedata

    def fold(text):
        return ''.join(c for c in unicodedata.normalize('NFD', text.lower()) if c.isalpha())

    counts = collections.Counter(fold(word)[:size] for name in names for word in name.split()
                                 if len(fold(word)) >= size)
    return counts.most_common(1)[0][0] if counts else 'mar'


def generate_demo():
    data = os.path.join(os.environ.get('XDG_DATA_HOME') or os.path.expanduser('~/.local/share'),
                        'seances', 'seances.db')
    if os.path.exists(data):
        return
    binary = os.environ.get('SEANCES_BIN', '_build/src/seances')
    result = subprocess.run([binary, '--generate-demo=80'], capture_output=True, text=True, timeout=600,
                            env=dict(os.environ, SEANCES_NOW=DEMO_NOW))
    print(result.stdout.strip(), file=sys.stderr)
    if result.returncode != 0:
        A.fail(f'--generate-demo=80 exited with {result.returncode}: {result.stderr.strip()}')
    helper = os.environ.get('SEANCES_DECIDE_HELPER')
    if helper:
        result = subprocess.run([helper, data], capture_output=True, text=True, timeout=60,
                                env=dict(os.environ, SEANCES_NOW=DEMO_NOW))
        print(result.stdout.strip(), file=sys.stderr)


# The styles the main views are shown in: a suffix for the file names, the environment.
STYLES = [('', {}),
          ('-dark', {'ADW_DEBUG_COLOR_SCHEME': 'prefer-dark'}),
          ('-hc', {'ADW_DEBUG_HIGH_CONTRAST': '1'})]


def demo():
    generate_demo()
    for suffix, env in STYLES:
        review(suffix, env, every_screen=not suffix)
        walk(suffix, env, every_screen=not suffix)


# The end of the demo's day: its afternoon sessions are over and still to review.
REVIEW_NOW = DEMO_NOW[:11] + '18:30'


def review(suffix, env, every_screen):
    """« Aujourd’hui » at the end of the day (16-review); every_screen adds the verdict of an
    absence (17-review-verdict), opened with the key A on the first session to review."""
    proc = A.start_app(env={**env, 'SEANCES_NOW': REVIEW_NOW})
    try:
        app = A.find_app(pid=proc.pid)
        A.wait_main(app)
        fill_screen(proc, app)
        view = A.find(app, None, 'SeancesReviewView')
        A.find(view, 'list item', 'À revoir', substring=True)
        shot_as(f'16-review{suffix}')
        if every_screen:
            known = A.children(app)
            A._focus_window(proc.pid)
            xdotool('key', 'a')
            dialog = new_window(app, known)
            place_dialog(proc, dialog.name)
            A.find(dialog, 'push button', 'Confirmer', substring=True, showing=False)
            shot_as('17-review-verdict')
            A.press('Escape')
            A.window_gone(app, dialog)
        A.close_window(proc, app)
    finally:
        A.stop_app(proc)


def walk(suffix, env, every_screen):
    """The main views in one style; every_screen adds the dialogs (08, 11, 13, 14)."""
    proc = A.start_app(env={'SEANCES_NOW': DEMO_NOW, **env})
    try:
        app = A.find_app(pid=proc.pid)
        A.wait_main(app)
        main = A.find(app, 'frame', 'Séances')
        fill_screen(proc, app)
        A.click(A.find(main, 'page tab', 'Agenda'))
        agenda = A.find(app, None, 'SeancesAgendaView')

        # The week of « today », with its sessions.
        A.find(agenda, 'push button', ', ', substring=True)
        shot_as(f'06-agenda-week{suffix}')

        A.click(A.find(agenda, 'push button', 'Jour'))
        A.wait_for(lambda: not A.find_all(agenda, 'push button', ' – ', substring=True),
                   what='the day view')
        shot_as(f'07-agenda-day{suffix}')
        A.click(A.find(agenda, 'push button', 'Semaine'))
        A.find(agenda, 'push button', ' – ', substring=True)

        if every_screen:
            new_session(proc, app, main, agenda)
            cancel_session(proc, app, agenda)

        # The clients: the list, then a record with upcoming and past sessions.
        A.click(A.find(main, 'page tab', 'Patients'))
        clients = A.find(app, None, 'SeancesClientsView')
        listing = A.find(clients, 'list', 'Patients')
        A.wait_for(lambda: len(A.children(listing)) > 5, what='the list of patients')
        shot_as(f'09-clients{suffix}')

        opened = False
        for row in A.children(listing)[:8]:
            if row.getRoleName() == 'push button':
                A.click(row)
            else:
                A.pointer_click(row)
            A.find(clients, 'push button', 'Modifier')
            time.sleep(0.3)
            if A.find_all(clients, 'list', 'Prochaines séances') and A.find_all(clients, 'list', 'Séances passées'):
                opened = True
                break
        if not opened:
            A.fail('none of the first patients has both upcoming and past sessions')
        shot_as(f'10-client-page{suffix}')
        if every_screen:
            client_acceptance(clients)

        if every_screen:
            A.click(A.find(clients, 'push button', 'Modifier'))
            editor = A.find_window(app, 'Modifier la fiche')
            place_dialog(proc, 'Modifier la fiche')
            A.in_window(editor, 'text', 'Prénom')
            shot_as('11-client-editor')
            A.click(A.in_window(editor, 'push button', 'Annuler'))
            A.window_gone(app, editor)

        # The preferences (Ctrl+,: the main menu button has no accessible name).
        known = A.children(app)
        A._focus_window(proc.pid)
        xdotool('key', '--clearmodifiers', 'ctrl+comma')
        preferences = new_window(app, known)
        place_dialog(proc, preferences.name)
        A.find(preferences, None, 'Nom du cabinet', showing=False)
        shot_as(f'12-preferences{suffix}')
        A.click(A.find(preferences, 'page tab', 'Notifications'))
        A.find(preferences, 'check box', 'Afficher les noms dans les notifications', showing=False)
        shot_as(f'15-preferences-notifications{suffix}')
        if every_screen:
            recovery_key_again(proc, app, preferences)
        policy_page(proc, preferences, suffix, every_screen)
        A.click(A.find(preferences, 'push button', 'Fermer', showing=False))
        A.window_gone(app, preferences)

        # « Honoraires dus » (Alt+4), and the payment dialog of its first row.
        A._focus_window(proc.pid)
        xdotool('key', '--clearmodifiers', 'alt+4')
        fees = A.find(app, None, 'SeancesFeesView')
        A.find(fees, 'label', 'Honoraires dus')
        shot_as(f'15-fees{suffix}')
        if every_screen and A.find_all(fees, 'push button', 'Marquer comme réglé : ', substring=True):
            A.click(A.find_all(fees, 'push button', 'Marquer comme réglé : ', substring=True)[0])
            dialog = A.find_window(app, 'Marquer comme réglé')
            place_dialog(proc, 'Marquer comme réglé')
            A.in_window(dialog, 'combo box', 'Moyen de paiement')
            shot_as('16-payment')
            A.click(A.in_window(dialog, 'push button', 'Annuler'))
            A.window_gone(app, dialog)

        A.close_window(proc, app)
    finally:
        A.stop_app(proc)


def new_session(proc, app, main, agenda):
    """The booking dialog, a few letters typed, the matches listed: the letters that begin
    the most names of the week."""
    people = [A.spaces(b.name).split(', ')[1]
              for b in A.find_all(agenda, 'push button', ', ', substring=True)]
    letters = most_common_start(people)
    A.click(A.find(main, 'push button', 'Nouvelle séance'))
    editor = A.find_window(app, 'Nouvelle séance')
    place_dialog(proc, 'Nouvelle séance')
    patient = A.in_window(editor, 'text', 'Patient')
    rows = len(A.find_all(editor, 'list item'))
    A.pointer_click(patient)
    A.type_text(letters)
    A.wait_for(lambda: len(A.find_all(editor, 'list item')) >= rows + 2,
               what='a few matches under « Patient »')
    shot_as('08-new-session')
    A.click(A.in_window(editor, 'push button', 'Annuler'))
    A.window_gone(app, editor)


def client_acceptance(clients):
    """The record's « Politique d’annulation »: the menu that records an acceptance, the page
    scrolled down to it with the wheel."""
    xdotool('mousemove', str(SCREEN[0] * 2 // 3), str(SCREEN[1] // 2))
    for _ in range(10):
        xdotool('click', '5')
    menu = A.find(clients, 'push button', 'Noter une acceptation')
    A.click(menu)
    A.popover_child(clients, lambda a: A._safe(a.getRoleName) == 'push button'
                    and A._safe(lambda: a.name) == 'En séance', '« En séance » in the menu')
    shot_as('17-client-acceptance')
    A.press('Escape')


def policy_page(proc, preferences, suffix, every_screen):
    """Préférences › Politique d’annulation, then its versions and who accepted them (the
    window is closed from there)."""
    A.click(A.find(preferences, 'page tab', 'Politique d’annulation', showing=False))
    A.find(preferences, 'spin button', 'Heures avant la séance', showing=False)
    shot_as(f'15-preferences-policy{suffix}')
    if not every_screen:
        return
    # The foot of the page, scrolled to with the wheel: the commitment, versions, printing.
    win = A._window_of(proc.pid, preferences.name)
    geometry = dict(line.split('=', 1) for line in xdotool('getwindowgeometry', '--shell', win).split())
    xdotool('mousemove', '--window', win, str(int(geometry['WIDTH']) // 2), str(int(geometry['HEIGHT']) // 2))
    for _ in range(30):
        xdotool('click', '5')
    shot_as('15-preferences-policy-end')
    A.click(A.find(preferences, 'push button', 'Versions et acceptations', showing=False))
    A.find(preferences, 'label', 'Version 1, en vigueur', showing=False)
    shot_as('16-policy-versions')


def cancel_session(proc, app, agenda):
    """« Annuler la séance… » on the first session still to come this week (15-cancel-dialog):
    who cancelled, when the client let the practice know, the policy's verdict."""
    block = A.wait_for(lambda: next((b for b in A.find_all(agenda, 'push button', ', Prévue, ', substring=True)
                                     if 'mardi 24' not in b.name), None),
                       what='a session to come later this week')
    A.click(block)
    button = A.popover_child(block, lambda a: a.getRoleName() == 'push button' and a.name == 'Annuler la séance…',
                             '« Annuler la séance… » in the session popover')
    A.click(button)
    dialog = A.find_window(app, 'Annuler cette séance ?')
    place_dialog(proc, dialog.name)
    A.find(dialog, 'push button', 'Confirmer', substring=True, showing=False)
    shot_as('15-cancel-dialog')
    A.press('Escape')
    A.window_gone(app, dialog)


def recovery_key_again(proc, app, preferences):
    """Préférences › Données, then the recovery key shown again."""
    A.click(A.find(preferences, 'page tab', 'Données'))
    A.find(preferences, 'push button', 'Afficher…', substring=True, showing=False)
    shot_as('13-preferences-data')
    A.click(A.find(preferences, 'push button', 'Afficher…', substring=True, showing=False))
    confirm = A.find_window(app, 'Afficher la clé de secours ?')
    A.click(A.find(confirm, 'push button', 'Afficher Afficher', substring=True, showing=False))
    key_window = A.find_window(app, 'Clé de secours')
    place_dialog(proc, 'Clé de secours')
    A.in_window(key_window, 'push button', 'Continuer')
    shot_as('14-recovery-key-again')
    A.click(A.in_window(key_window, 'push button', 'Fermer'))
    A.window_gone(app, key_window)


status = A.main(demo if phase == '--demo' else run)
for path in shots:
    print(path)
sys.exit(status)
