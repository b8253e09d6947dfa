"""Helpers to drive Séances through AT-SPI (GTK 4.8, plain pyatspi) and take screenshots.

Run inside `tests/harness/session --display --a11y` (without an accessibility bus, pyatspi
aborts the process). Every lookup polls: the accessible tree updates asynchronously.
Pitfalls worked around here: Text.getText(0, -1) returns ''
on GTK 4.8, so read characterCount characters; Component.grabFocus() is not implemented, so
focus with a real pointer click (xdotool); libatspi caches names and children, so caching is
turned off for the application under test.
"""
import os
import re
import subprocess
import sys
import time

import pyatspi

TIMEOUT = float(os.environ.get('SEANCES_TEST_TIMEOUT', '15'))
POLL = 0.1

_app = None  # the application found last: fail() dumps its tree


class TestFailure(AssertionError):
    pass


def ok(msg):
    print('ok -', msg, flush=True)


# --- Processes ----------------------------------------------------------------------------

def start_app(argv=None, env=None):
    """Start the app (default: $SEANCES_BIN, or _build/src/seances); returns the Popen."""
    if argv is None:
        argv = [os.environ.get('SEANCES_BIN', '_build/src/seances')]
    full_env = dict(os.environ)
    full_env.setdefault('GSETTINGS_SCHEMA_DIR', '_build/data')
    full_env.update(env or {})
    return subprocess.Popen(argv, env=full_env)


def stop_app(proc, timeout=5):
    """Terminate the process if still running; returns its exit code."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
    return proc.wait()


def quit_app(proc, timeout=5):
    """Quit as a person would: Ctrl+Q over the app's window (real X key events).
    Returns True if the app exited by itself, False if it had to be terminated."""
    _focus_window(proc.pid)
    subprocess.run(['xdotool', 'key', '--clearmodifiers', 'ctrl+q'], check=False, timeout=10)
    try:
        proc.wait(timeout)
        return True
    except subprocess.TimeoutExpired:
        stop_app(proc)
        return False


def _window_of(pid, title=None):
    """The X window id of a visible window of process pid (with this exact title if given)."""
    cmd = ['xdotool', 'search', '--onlyvisible', '--pid', str(pid)]
    if title:
        cmd += ['--name', '^' + re.escape(title) + '$']
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=10)
    ids = r.stdout.split()
    return ids[-1] if ids else None


def _focus_window(pid):
    # No window manager on Xvfb: put the pointer over the window and give it the focus.
    win = _window_of(pid)
    if win:
        subprocess.run(['xdotool', 'mousemove', '--window', win, '50', '50'], check=False, timeout=10)
        subprocess.run(['xdotool', 'windowfocus', '--sync', win], check=False, timeout=10)


# --- Finding accessibles ------------------------------------------------------------------

def children(acc):
    """The children of acc, skipping the ones that vanished meanwhile."""
    try:
        n = acc.childCount
    except Exception:
        return []
    out = []
    for i in range(n):
        try:
            child = acc.getChildAtIndex(i)
        except Exception:
            continue
        if child is not None:
            out.append(child)
    return out


def _safe(fn, default=None):
    try:
        return fn()
    except Exception:
        return default


def has_state(acc, state):
    return _safe(lambda: acc.getState().contains(state), False)


def _rect(acc):
    """Extents in window coordinates; a GtkStackPage has none: use its child's."""
    try:
        return tuple(acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS))
    except Exception:
        kids = children(acc)
        return _rect(kids[0]) if kids else None


def _overlap(a, b):
    return (a and b and min(a[0] + a[2], b[0] + b[2]) > max(a[0], b[0])
            and min(a[1] + a[3], b[1] + b[3]) > max(a[1], b[1]))


def _within(acc, ancestor):
    while acc is not None:
        if acc == ancestor:
            return True
        acc = _safe(lambda: acc.parent)
    return False


def _ancestors(acc):
    """acc, its parent, ... up to its window (the child of the application)."""
    chain = []
    while acc is not None and _safe(acc.getRoleName) != 'application':
        chain.append(acc)
        acc = _safe(lambda: acc.parent)
    return chain


def _top(acc):
    chain = _ancestors(acc)
    return chain[-1] if chain else None


def _shown_in_parent(node, window):
    """Whether node is visible, has a size, and, where its siblings overlap it (stack pages,
    overlays, scroll bars), is what the window picks inside it."""
    if not has_state(node, pyatspi.STATE_VISIBLE):
        return False
    r = _rect(node)
    if not r or r[2] <= 0 or r[3] <= 0:
        return False
    parent = _safe(lambda: node.parent)
    if not any(_overlap(r, _rect(s)) for s in children(parent) if s != node):
        return True
    # The window answers nothing over some widgets (those not in the tree, like the text
    # inside an AdwEntryRow): try a few points, the first answer decides.
    component = window.queryComponent()
    for fy in (0.5, 0.25, 0.75):
        for fx in (0.5, 0.25, 0.75):
            hit = _safe(lambda: component.getAccessibleAtPoint(
                r[0] + int(r[2] * fx), r[1] + int(r[3] * fy), pyatspi.WINDOW_COORDS))
            if hit is not None:
                return _within(hit, node)
    return True


def is_showing(acc):
    """Whether acc is really on screen. GTK 4.8 sets SHOWING on windows only, and keeps the
    hidden pages of a GtkStack in the tree, VISIBLE and with their old extents: so check each
    ancestor with _shown_in_parent()."""
    if has_state(acc, pyatspi.STATE_SHOWING):
        return True
    chain = _ancestors(acc)
    if len(chain) < 2 or not has_state(chain[-1], pyatspi.STATE_SHOWING):
        return False
    return all(_shown_in_parent(node, chain[-1]) for node in chain[:-1])


def is_sensitive(acc):
    return has_state(acc, pyatspi.STATE_SENSITIVE)


def is_checked(acc):
    return has_state(acc, pyatspi.STATE_CHECKED)


def describe(acc):
    role = _safe(acc.getRoleName, '?')
    name = _safe(lambda: acc.name, '?')
    return f'{role} {name!r}'


def wait_for(predicate, timeout=TIMEOUT, what='a condition'):
    """Poll predicate() every 0.1 s until it returns something true; return that.
    Exceptions count as 'not yet' (objects vanish while the UI changes)."""
    deadline = time.monotonic() + timeout
    last_error = None
    while True:
        try:
            result = predicate()
            if result:
                return result
        except Exception as e:
            last_error = e
        if time.monotonic() > deadline:
            extra = f' (last error: {last_error})' if last_error else ''
            fail(f'timed out after {timeout:g} s waiting for {what}{extra}')
        time.sleep(POLL)


def find_app(name='seances', timeout=TIMEOUT, pid=None):
    """The application on the AT-SPI desktop, by process id if given, else by name."""
    global _app

    def look():
        desktop = pyatspi.Registry.getDesktop(0)
        for app in children(desktop):
            if pid is not None:
                if _safe(app.get_process_id) == pid:
                    return app
            elif (_safe(lambda: app.name, '') or '').lower() == name.lower():
                return app
        return None

    app = wait_for(look, timeout, f'application {pid if pid is not None else name!r} on the a11y bus')
    # Names and children change under us: never answer from libatspi's cache.
    _safe(lambda: app.setCacheMask(pyatspi.cache.NONE))
    _app = app
    return app


def _norm(text):
    """French typography puts ’ where the tests write ', and a non-breaking space where they
    write a space: compare them as equal."""
    return text.replace('\u2019', "'").replace('\u00a0', ' ')


def find_all(root, role=None, name=None, substring=False, showing=True):
    """All descendants of root matching role (a role name or a tuple of them) and name
    (exact, or substring; ’ and ' match), now."""
    found = []
    stack = [root]
    while stack:
        acc = stack.pop()
        kids = children(acc)
        stack.extend(reversed(kids))
        if acc is root:
            continue
        if role is not None and _safe(acc.getRoleName) not in ((role,) if isinstance(role, str) else role):
            continue
        if name is not None:
            n = _norm(_safe(lambda: acc.name, None) or '')
            if not (_norm(name) in n if substring else n == _norm(name)):
                continue
        if showing and not is_showing(acc):
            continue
        found.append(acc)
    return found


def _role_text(role):
    return role if isinstance(role, str) else '/'.join(role) if role else 'any role'


def find(root, role=None, name=None, timeout=TIMEOUT, substring=False, showing=True):
    """The first showing descendant of root with this role and name; waits for it."""
    what = f'{_role_text(role)} {name!r}' + (' (substring)' if substring else '')
    return wait_for(lambda: (find_all(root, role, name, substring, showing) or [None])[0],
                    timeout, what)


def wait_gone(root, role=None, name=None, timeout=TIMEOUT, substring=False):
    wait_for(lambda: not find_all(root, role, name, substring), timeout,
             f'{_role_text(role)} {name!r} to disappear')


# --- Acting ---------------------------------------------------------------------------------

def click(acc):
    """Activate through the 'click' action (or the first action). Fails if it stays
    insensitive (the app may update it just after the field that enables it)."""
    wait_for(lambda: is_sensitive(acc), timeout=5, what=f'{describe(acc)} to be sensitive')
    action = _safe(acc.queryAction)
    names = [action.getName(i) for i in range(action.nActions)] if action else []
    if not names:  # e.g. a check box on GTK 4.8: click it with the pointer
        pointer_click(acc)
        return
    index = names.index('click') if 'click' in names else 0
    if not action.doAction(index):
        fail(f'action {names[index]!r} failed on {describe(acc)}')


def get_text(acc):
    text = acc.queryText()
    return text.getText(0, text.characterCount)  # getText(0, -1) gives '' on GTK 4.8


def set_text(acc, value):
    """Replace the contents of an editable field, then wait until it reads back."""
    if not acc.queryEditableText().setTextContents(value):
        fail(f'could not set the text of {describe(acc)}')
    wait_for(lambda: get_text(acc) == value, what=f'{describe(acc)} to contain {value!r}')


def set_value(acc, value):
    """Set a spin button (or any Value) and wait until it reads back."""
    acc.queryValue().currentValue = value
    wait_for(lambda: acc.queryValue().currentValue == value,
             what=f'{describe(acc)} to be {value}')


def pointer_click(acc):
    """A real pointer click in the middle of acc (also gives it the keyboard focus)."""
    x, y, w, h = acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    pid = _safe(lambda: acc.getApplication().get_process_id())
    win = _window_of(pid, _safe(lambda: _top(acc).name)) if pid else None
    cmd = ['xdotool', 'mousemove'] + (['--window', win] if win else []) + [str(x + w // 2), str(y + h // 2)]
    subprocess.run(cmd, check=True, timeout=10)
    subprocess.run(['xdotool', 'click', '1'], check=True, timeout=10)


def type_text(text, delay=0.05):
    """Type as key events into the focused widget (about 50 ms between keys: faster, some are lost)."""
    for ch in text:
        pyatspi.Registry.generateKeyboardEvent(0, ch, pyatspi.KEY_STRING)
        time.sleep(delay)


KEYSYMS = {'Up': 0xff52, 'Down': 0xff54, 'Left': 0xff51, 'Right': 0xff53, 'Return': 0xff0d,
           'space': 0x20, 'Escape': 0xff1b, 'Tab': 0xff09, 'Home': 0xff50, 'End': 0xff57}


def press(key, times=1, delay=0.05):
    """Press a named key (see KEYSYMS) into the focused widget, times times."""
    for _ in range(times):
        pyatspi.Registry.generateKeyboardEvent(KEYSYMS[key], None, pyatspi.KEY_SYM)
        time.sleep(delay)


def spaces(text):
    """French typography puts no-break spaces in « 14 h 00 » and « 60,00 € »: make them plain."""
    return (text or '').replace('\u00a0', ' ').replace('\u202f', ' ')


def find_window(app, title, timeout=TIMEOUT):
    """A top-level window of app by its title, whatever role it is given (frame, dialog; GTK 4.8
    may expose a modal window as a 'filler' without the SHOWING state)."""
    return wait_for(lambda: next((w for w in children(app) if _norm(_safe(lambda: w.name) or '') == _norm(title)), None),
                    timeout, f'the window « {title} »')


def window_gone(app, window, timeout=TIMEOUT):
    wait_for(lambda: window not in children(app), timeout, f'{describe(window)} to close')


def in_window(window, role=None, name=None, timeout=TIMEOUT, substring=False):
    """find() inside a window; checks that it shows only when the window says it is showing."""
    return find(window, role, name, timeout, substring,
                showing=has_state(window, pyatspi.STATE_SHOWING))


# The contents of popovers (calendars, combo lists, menus) are separate surfaces: GTK 4.8 reports
# wrong extents for them, so they are driven with the keyboard, as a person without a mouse would.

MONTHS_FR = ('janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août',
             'septembre', 'octobre', 'novembre', 'décembre')


def popover_child(root, predicate, what, timeout=TIMEOUT):
    """The descendant of root (inside an open popover, not 'showing' for is_showing) that
    predicate() accepts; then a short pause so the popover has the keyboard."""
    acc = wait_for(lambda: next((a for a in find_all(root, showing=False) if predicate(a)), None),
                   timeout, what)
    time.sleep(0.3)
    return acc


def menu_button_text(button):
    """The label of a GtkMenuButton (GTK 4.8 puts a named push button inside the outer one)."""
    inner = find_all(button, 'push button', showing=False)
    return _safe(lambda: (inner[0] if inner else button).name, '')


def pick_date(window, button_name, year, month, day):
    """Open the calendar of the menu button button_name (its label is a French date, e.g.
    « mardi 24 novembre 2026 »), go to day with the arrow keys, select it with Space, and
    wait until the button shows the new date. The month must be the shown one or next to it."""
    button = in_window(window, 'push button', button_name)
    shown = menu_button_text(button).split()
    try:
        shown_month = int(shown[-1]) * 12 + MONTHS_FR.index(shown[-2])
    except (ValueError, IndexError):
        fail(f'« {button_name} » does not show a date: {shown!r}')
    diff = year * 12 + month - 1 - shown_month
    if diff not in (-1, 0, 1):
        fail(f'{day}/{month}/{year} is more than a month away from « {" ".join(shown)} »')
    click(button)
    calendar = popover_child(button, lambda a: _safe(a.getRoleName) != 'push button'
                             and _safe(lambda: a.name) == 'GtkCalendar'
                             and has_state(a, pyatspi.STATE_FOCUSED),
                             'the calendar to have the keyboard focus')
    grid = wait_for(lambda: next(c for c in children(calendar) if len(children(c)) == 7 + 42),
                    what='the grid of days')
    days = [_safe(lambda: get_text(label), '') for label in children(grid)[7:]]
    firsts = [i for i, text in enumerate(days) if text == '1']
    if diff == 0:
        index = firsts[0] + day - 1
    elif diff == 1:
        index = firsts[1] + day - 1
    else:
        index = max(i for i in range(firsts[0]) if days[i] == str(day))
    # The focus starts nowhere or on the last day focused: bring it to the top left cell first.
    press('Up', 6)
    press('Left', 7)
    press('Down', index // 7)
    press('Right', index % 7)
    press('space')
    want = f'{day} {MONTHS_FR[month - 1]} {year}'
    wait_for(lambda: menu_button_text(button).endswith(' ' + want),
             what=f'« {button_name} » to show {want}')


def _in_popover(acc, stop):
    while acc is not None and acc != stop:
        if _safe(lambda: acc.name) == 'GtkPopover':
            return True
        acc = _safe(lambda: acc.parent)
    return False


def combo_text(combo):
    """What a combo box (AdwComboRow, GtkDropDown) shows as chosen."""
    items = [i for i in find_all(combo, 'list item', showing=False) if not _in_popover(i, combo)]
    labels = find_all(items[0], 'label', showing=False) if items else []
    return _safe(lambda: get_text(labels[0]), '') if labels else ''


def choose(combo, option):
    """Choose option in a combo box as a person would: open its list (pointer), then arrow keys
    and Enter; wait until the combo shows it."""
    if combo_text(combo) == option:
        return
    pointer_click(combo)
    listing = popover_child(combo, lambda a: _safe(a.getRoleName) == 'list' and any(
        has_state(i, pyatspi.STATE_FOCUSED) for i in children(a)), f'the list of {describe(combo)}')
    items = children(listing)
    texts = [_safe(lambda: get_text(find_all(i, 'label', showing=False)[0]), '') for i in items]
    if option not in texts:
        press('Escape')
        fail(f'{describe(combo)} has no option {option!r} (it has {texts})')
    current = next(n for n, i in enumerate(items) if has_state(i, pyatspi.STATE_FOCUSED))
    target = texts.index(option)
    press('Down' if target > current else 'Up', abs(target - current))
    press('Return')
    wait_for(lambda: combo_text(combo) == option, what=f'{describe(combo)} to show {option!r}')


# --- Screenshots and debugging ------------------------------------------------------------

def screenshot(path, pid=None):
    """The whole screen, or only the window of process pid (no window manager: no frame)."""
    cmd = ['import', '-window', 'root']
    win = _window_of(pid) if pid else None
    if win:
        geo = subprocess.run(['xdotool', 'getwindowgeometry', '--shell', win],
                             capture_output=True, text=True, timeout=10).stdout
        g = dict(line.split('=', 1) for line in geo.split())
        cmd += ['-crop', f"{g['WIDTH']}x{g['HEIGHT']}+{g['X']}+{g['Y']}", '+repage']
    subprocess.run(cmd + [path], check=True, timeout=30)
    return path


def dump(root=None, file=None, depth=0, window=None, hidden=False):
    """Print the accessible tree: role, name, text of labels and fields, notable states."""
    file = file or sys.stderr
    if root is None:
        root = _app or pyatspi.Registry.getDesktop(0)
    role = _safe(root.getRoleName)
    if role in ('frame', 'dialog', 'window'):
        window, hidden = root, not has_state(root, pyatspi.STATE_SHOWING)
    elif window is not None and not hidden:
        hidden = not _shown_in_parent(root, window)
    flags = [label for state, label in ((pyatspi.STATE_CHECKED, 'checked'),
                                        (pyatspi.STATE_FOCUSED, 'focused'))
             if has_state(root, state)]
    if window is not None and not has_state(root, pyatspi.STATE_SENSITIVE):
        flags.append('insensitive')
    if hidden:
        flags.append('hidden')
    line = '  ' * depth + describe(root)
    if role in ('label', 'text', 'spin button'):
        text = _safe(lambda: get_text(root))
        if text and text != _safe(lambda: root.name):
            line += f' text={text!r}'
    if flags:
        line += ' [' + ', '.join(flags) + ']'
    print(line, file=file, flush=True)
    for child in children(root):
        dump(child, file, depth + 1, window, hidden)


def fail(msg, root=None):
    """Dump the tree (of root, or of the app found last), then raise TestFailure."""
    print(f'FAIL: {msg}', file=sys.stderr, flush=True)
    print('--- accessible tree ---', file=sys.stderr)
    _safe(lambda: dump(root))
    raise TestFailure(msg)


# --- Séances: the pages of the first run (names from the UI spec) ------------------------

PRACTICE = {
    'Nom du cabinet': 'Cabinet Les Tilleuls',
    'Votre nom': 'Claire Martin',
    'Adresse du cabinet': '12 rue des Lilas, 69003 Lyon',
    'Téléphone': '04 78 00 00 00',
    'E-mail': 'claire.martin@example.fr',
}
PASSPHRASE = 'cerisier lavande horizon 42'
SECRET = ('text', 'password text')  # GtkPasswordEntry is 'password text', AdwPasswordEntryRow 'text'
RECOVERY_KEY = re.compile(r"^[0-9A-Z]{4}(\s[0-9A-Z]{4}){13}$")  # 14 groups of 4, spaces or line breaks


def fill_welcome(app, practice=PRACTICE, before_submit=None):
    """Fill the welcome page like a person (fields, then the spin buttons), call
    before_submit() (a screenshot) and press « Créer le cabinet »."""
    for name, value in practice.items():
        set_text(find(app, 'text', name), value)
    find(app, 'combo box', 'Fuseau horaire')
    for name, value in (("Durée d'une séance", 50), ('Pause entre deux séances', 10),
                        ('Honoraires par défaut', 60)):
        set_value(find(app, 'spin button', name), value)
    if before_submit:
        before_submit()
    click(find(app, 'push button', 'Créer le cabinet'))


def fill_passphrase(app, passphrase=PASSPHRASE, before_submit=None):
    set_text(find(app, SECRET, 'Phrase secrète'), passphrase)
    set_text(find(app, SECRET, 'Confirmez la phrase secrète'), passphrase)
    if before_submit:
        before_submit()
    click(find(app, 'push button', 'Continuer'))


def read_recovery_key(app):
    """The key shown on the recovery-key page, checked to be 14 groups of 4."""
    group = find(app, None, 'Clé de secours')
    label = wait_for(lambda: next((c for c in group if c.getRoleName() == 'label'), None),
                     what='the label inside « Clé de secours »')
    key = wait_for(lambda: ' '.join(get_text(label).split()), what='the recovery key text')
    if not RECOVERY_KEY.match(key):
        fail(f'the recovery key {key!r} is not 14 groups of 4 characters')
    return key


def accept_recovery_key(app, before_continue=None):
    """Check that Continuer waits for the box, tick it, continue."""
    button = find(app, 'push button', 'Continuer')
    if is_sensitive(button):
        fail('« Continuer » is sensitive before the box is checked')
    box = find(app, 'check box', "J'ai noté ma clé de secours en lieu sûr")
    click(box)
    wait_for(lambda: is_checked(box), what='the box to be checked')
    wait_for(lambda: is_sensitive(button), what='« Continuer » to become sensitive')
    if before_continue:
        before_continue()
    click(button)


def wait_main(app, practice=PRACTICE):
    """The main window: its first page, « Aujourd’hui » (the review), beside the agenda's tab."""
    find(app, 'page tab', 'Aujourd’hui', timeout=max(TIMEOUT, 20))
    return find(app, 'page tab', 'Agenda')


def close_window(proc, app, timeout=10):
    """Quit as a person would: the window's close button (Ctrl+Q if there is none)."""
    buttons = find_all(app, 'push button', 'Fermer')
    if buttons:
        click(buttons[0])  # the first one in the tree: the header bar's
        try:
            return proc.wait(timeout)
        except subprocess.TimeoutExpired:
            pass
    if not quit_app(proc, timeout):
        fail('the app did not quit when its window was closed')
    return proc.returncode


def forget_keyring_items():
    """Delete every item of every collection of the (private, unlocked) Secret Service: the
    database stays, its key is gone from the keyring: the app must ask for the recovery key."""
    from gi.repository import Gio, GLib
    bus = Gio.bus_get_sync(Gio.BusType.SESSION)

    def get(path, iface, prop):
        reply = bus.call_sync('org.freedesktop.secrets', path, 'org.freedesktop.DBus.Properties',
                              'Get', GLib.Variant('(ss)', (iface, prop)), None, 0, 10000)
        return reply.unpack()[0]

    count = 0
    for collection in get('/org/freedesktop/secrets', 'org.freedesktop.Secret.Service', 'Collections'):
        for item in get(collection, 'org.freedesktop.Secret.Collection', 'Items'):
            bus.call_sync('org.freedesktop.secrets', item, 'org.freedesktop.Secret.Item', 'Delete',
                          None, None, 0, 10000)
            count += 1
    return count


def main(test):
    """Run test() and turn the outcome into an exit code, so tests end with sys.exit(main(...))."""
    try:
        test()
    except TestFailure:
        return 1
    except Exception:
        import traceback
        traceback.print_exc()
        _safe(lambda: dump())
        return 1
    return 0
