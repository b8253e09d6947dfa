#!/usr/bin/python3
"""Issue #3 end to end, in French, as a person would: after the first run, create the patient
« Hélène Martin », book her a weekly series of 6 sessions from Tuesday 1 December 2026 at 14 h 00,
find the 6 sessions week after week, move the second one to 16 h 30, then find her by typing
« helene » (no accent) and check her page: the moved session and the new one.
« Today » is fixed by SEANCES_NOW (Tuesday 24 November 2026, 14 h 00, Paris time).
Run inside: tests/harness/session --keyring --display --a11y --lang fr"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'harness'))
import atspi as A  # noqa: E402

NOW = '2026-11-24T14:00'
HELENE = {'Prénom': 'Hélène', 'Nom': 'Martin', 'E-mail': 'helene.martin@exemple.fr',
          'Téléphone': '06 12 34 56 78'}
PAUL = {'Prénom': 'Paul', 'Nom': 'Durand', 'E-mail': 'paul.durand@exemple.fr'}
# The weeks of the series: the week's title, the Tuesday's column
SERIES = [('30 novembre – 6 décembre 2026', 'mar. 1'), ('7 – 13 décembre 2026', 'mar. 8'),
          ('14 – 20 décembre 2026', 'mar. 15'), ('21 – 27 décembre 2026', 'mar. 22'),
          ('28 décembre – 3 janvier 2027', 'mar. 29'), ('4 – 10 janvier 2027', 'mar. 5')]
AFTER_SERIES = '11 – 17 janvier 2027'


# Searches run inside the agenda or the clients view, not the whole window: every node costs
# a few D-Bus calls, and the window holds the pages of the first run too.

def week_title(agenda):
    """The title of the week shown: the label of the « go to a date » menu button."""
    titles = [A.spaces(b.name) for b in A.find_all(agenda, 'push button', ' – ', substring=True)]
    return titles[0] if len(titles) == 1 else None


def blocks(agenda, who='Hélène Martin'):
    """The session blocks of who in the week shown: {« 14 h 00, Hélène Martin, Prévue »: block}
    (the accessible name ends with the day, which the column heading checks instead)."""
    return {', '.join(A.spaces(b.name).split(', ')[:3]): b
            for b in A.find_all(agenda, 'push button', f', {who}, ', substring=True)}


def column_of(agenda, block):
    """The day heading (« mar. 8 ») above block: the heading whose width holds its middle."""
    x, _, w, _ = block.queryComponent().getExtents(A.pyatspi.WINDOW_COORDS)
    middle = x + w // 2
    for label in A.find_all(agenda, 'label'):
        text = A.spaces(A.get_text(label))
        if len(text.split()) == 2 and text.split()[0] in ('lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.', 'dim.'):
            lx, _, lw, _ = label.queryComponent().getExtents(A.pyatspi.WINDOW_COORDS)
            if lx <= middle < lx + lw:
                return text
    return None


def go_to_week(agenda, title, button='Semaine suivante'):
    before = week_title(agenda)
    A.click(A.find(agenda, 'push button', button))
    A.wait_for(lambda: week_title(agenda) != before, what=f'« {button} » to change the week')
    if week_title(agenda) != title:
        A.fail(f'the week shown is « {week_title(agenda)} », expected « {title} »')


def create_client(app, clients, fields):
    A.click(A.find(clients, 'push button', 'Nouveau patient'))
    editor = A.find_window(app, 'Nouveau patient')
    for name, value in fields.items():
        A.set_text(A.in_window(editor, 'text', name), value)
    A.click(A.in_window(editor, 'push button', 'Enregistrer'))
    A.window_gone(app, editor)
    # Once saved, the patient's page opens.
    A.find(clients, 'label', f"{fields['Prénom']} {fields['Nom']}")


def client_rows(clients):
    """The rows of the clients list: [(row, name, contact line)]. A row is a list item or a
    button; its name is its accessible name, or its first label."""
    listing = A.find(clients, 'list', 'Patients')
    rows = []
    for row in A.children(listing):
        texts = [A.get_text(label) for label in A.find_all(row, 'label')]
        rows.append((row, row.name or (texts[0] if texts else ''), texts[1] if len(texts) > 1 else ''))
    return rows


def session_rows(clients, group):
    """The rows of the client page's list group: [(when, status)], no-break spaces made plain."""
    listing = A.find(clients, 'list', group)
    out = []
    for item in A.find_all(listing, 'list item'):
        texts = [A.spaces(A.get_text(label)) for label in A.find_all(item, 'label')]
        out.append(tuple(texts[:2]))
    return out


def book_series(app, agenda):
    A.click(A.find(app, 'push button', 'Nouvelle séance'))
    editor = A.find_window(app, 'Nouvelle séance')

    # The patient: a few letters (no accent), then the match.
    patient = A.in_window(editor, 'text', 'Patient')
    A.pointer_click(patient)
    A.type_text('hel')
    match = A.in_window(editor, 'list item', 'Hélène Martin')
    listed = [i.name for i in A.children(match.parent)]
    if listed != ['Hélène Martin']:
        A.fail(f'typing « hel » lists {listed}')
    A.pointer_click(match)
    A.wait_for(lambda: A.get_text(patient) == 'Hélène Martin' and not A.find_all(editor, 'list item', 'Hélène Martin'),
               what='« Patient » to hold Hélène Martin and the matches to go away')
    A.ok('booking: typing « hel » lists Hélène Martin only; picked')

    # The date with the calendar (keyboard), the time as people type it.
    A.pick_date(editor, 'Date', 2026, 12, 1)
    time_field = A.in_window(editor, 'text', 'Heure de début')
    A.set_text(time_field, '14h00')
    A.ok('booking: « mardi 1 décembre 2026 » picked in the calendar, start « 14h00 »')

    A.choose(A.in_window(editor, 'combo box', 'Répétition'), 'Chaque semaine')
    end = A.in_window(editor, 'combo box', 'Fin de la série')
    # The choice stands whole under the title (the row's subtitle).
    shown = [A.get_text(label) for label in A.find_all(end, 'label')]
    if shown != ['Fin de la série', 'Après un nombre de séances']:
        A.fail(f'« Fin de la série » shows {shown!r}')
    A.set_value(A.in_window(editor, 'spin button', 'Nombre de séances'), 6)
    A.ok('booking: « Chaque semaine », « Après un nombre de séances », 6')

    A.click(A.in_window(editor, 'push button', 'Enregistrer'))
    A.window_gone(app, editor)
    A.wait_for(lambda: week_title(agenda) == SERIES[0][0],
               what=f'the agenda to show the week « {SERIES[0][0]} »')
    A.ok(f'saved: the agenda shows the week of the first session ({SERIES[0][0]})')


def check_series(agenda):
    for n, (title, tuesday) in enumerate(SERIES):
        if n:
            go_to_week(agenda, title)
        found = A.wait_for(lambda: blocks(agenda), what=f'a session of Hélène Martin in « {title} »')
        if list(found) != ['14 h 00, Hélène Martin, Prévue']:
            A.fail(f'week « {title} »: sessions {list(found)}, expected one at 14 h 00')
        column = column_of(agenda, next(iter(found.values())))
        if column != tuesday:
            A.fail(f'week « {title} »: the session is under « {column} », expected « {tuesday} »')
    A.ok('6 weekly sessions « 14 h 00, Hélène Martin, Prévue », on the Tuesdays from 1 December to 5 January')
    go_to_week(agenda, AFTER_SERIES)
    if blocks(agenda):
        # Blocks kept for reuse must leave the accessibility tree too (gtk_widget_set_visible).
        A.fail(f'« {AFTER_SERIES} » should be empty, the accessibility tree holds {list(blocks(agenda))}')
    A.ok(f'no 7th session in « {AFTER_SERIES} »')


def move_second_session(app, agenda):
    A.click(A.find(agenda, 'push button', 'Aujourd’hui'))
    A.wait_for(lambda: week_title(agenda) == '23 – 29 novembre 2026', what='« Aujourd’hui » to show this week')
    go_to_week(agenda, SERIES[0][0])
    go_to_week(agenda, SERIES[1][0])
    block = A.wait_for(lambda: blocks(agenda).get('14 h 00, Hélène Martin, Prévue'),
                       what='the session of 8 December at 14 h 00')
    A.click(block)
    move = A.popover_child(block, lambda a: a.getRoleName() == 'push button' and a.name == 'Reporter…',
                           '« Reporter… » in the session popover')
    A.click(move)
    editor = A.find_window(app, 'Reporter la séance')
    date = A.menu_button_text(A.in_window(editor, 'push button', 'Date'))
    time_field = A.in_window(editor, 'text', 'Heure de début')
    if date != 'mardi 8 décembre 2026' or A.spaces(A.get_text(time_field)) != '14 h 00':
        A.fail(f'« Reporter la séance » opens on {date!r} {A.get_text(time_field)!r}')
    A.set_text(time_field, '16h30')
    A.click(A.in_window(editor, 'push button', 'Reporter'))
    A.window_gone(app, editor)
    moved = A.wait_for(lambda: (lambda b: b if list(b) == ['16 h 30, Hélène Martin, Prévue'] else None)(blocks(agenda)),
                       what='the week to show the session at 16 h 30 only')
    column = column_of(agenda, moved['16 h 30, Hélène Martin, Prévue'])
    if week_title(agenda) != SERIES[1][0] or column != SERIES[1][1]:
        A.fail(f'the moved session is in « {week_title(agenda)} » under « {column} »')
    A.ok('moved: « 16 h 30, Hélène Martin, Prévue » on Tuesday 8 December, the 14 h 00 block is gone')


def find_and_open(clients):
    search = A.find(clients, 'entry', 'Rechercher un patient')
    A.pointer_click(search)
    A.type_text('helene')
    A.wait_for(lambda: A.get_text(search) == 'helene', what='the search to read « helene »')
    rows = A.wait_for(lambda: (lambda r: r if [n for _, n, _ in r] == ['Hélène Martin'] else None)(client_rows(clients)),
                      what='the list to show Hélène Martin only')
    row, _, contact = rows[0]
    if contact != '06 12 34 56 78 · helene.martin@exemple.fr':
        A.fail(f'her row reads {contact!r}')
    A.ok('typing « helene » in « Rechercher un patient » lists Hélène Martin (not Paul Durand)')

    if row.getRoleName() == 'push button':
        A.click(row)
    else:
        A.pointer_click(row)
    expected = [('mardi 1 décembre à 14 h 00', 'Prévue'),
                ('mardi 8 décembre à 16 h 30', 'Prévue'), ('mardi 15 décembre à 14 h 00', 'Prévue'),
                ('mardi 22 décembre à 14 h 00', 'Prévue'), ('mardi 29 décembre à 14 h 00', 'Prévue'),
                ('mardi 5 janvier 2027 à 14 h 00', 'Prévue')]
    A.find(clients, 'label', 'Hélène Martin')
    rows = A.wait_for(lambda: (lambda r: r if len(r) == len(expected) else None)(session_rows(clients, 'Prochaines séances')),
                      what='her page to list 6 upcoming sessions')
    if rows != expected:
        A.fail(f'« Prochaines séances » lists {rows}, expected {expected}')
    # The slot she moved away from is history: it shows among the past sessions, marked as moved.
    history = A.wait_for(lambda: session_rows(clients, 'Séances passées') or None,
                         what='her page to list the moved slot in its history')
    if history[0] != ('mardi 8 décembre à 14 h 00', 'Reportée'):
        A.fail(f'« Séances passées » lists {history}, expected the moved slot first')
    A.ok('her page lists 6 upcoming sessions « Prévue » (8 December at 16 h 30), '
         'and the slot of 8 December at 14 h 00 « Reportée » in her history')


def check_names(app, clients):
    """What a screen reader meets: the list filter's button and the shortcuts window have
    French names, not their GTK class names."""
    unnamed = [A.describe(b) for b in A.find_all(clients, None, 'GtkToggleButton')]
    if unnamed:
        A.fail(f'the patients page holds {unnamed}')
    A.find(A.find(clients, 'combo box', 'Afficher'), 'push button', 'Afficher')
    A.ok('the filter of the patients list and its button are both « Afficher »')


def check_shortcuts_window(app):
    """The shortcuts window has a French name for screen readers, and lists the agenda's."""
    menu = A.find(app, 'push button', 'Menu principal')
    A.click(menu)
    item = A.popover_child(menu, lambda a: A._safe(lambda: A.spaces(a.name)) == 'Raccourcis clavier',
                           '« Raccourcis clavier » in the main menu')
    A.click(item)
    shortcuts = A.find_window(app, 'Raccourcis clavier')
    A.find(shortcuts, 'label', 'Nouvelle séance')
    A.press('Escape')
    A.window_gone(app, shortcuts)
    A.ok('the shortcuts window is « Raccourcis clavier » and lists « Nouvelle séance »')



def test():
    proc = A.start_app(env={'SEANCES_NOW': NOW})
    try:
        app = A.find_app(pid=proc.pid)
        A.fill_welcome(app)
        A.read_recovery_key(app)
        A.accept_recovery_key(app)
        A.wait_main(app)
        A.click(A.find(app, 'page tab', 'Agenda'))
        agenda = A.find(app, None, 'SeancesAgendaView')
        A.ok('first run done, main window shown')

        A.click(A.find(app, 'page tab', 'Patients'))
        clients = A.find(app, None, 'SeancesClientsView')
        check_names(app, clients)
        create_client(app, clients, HELENE)
        create_client(app, clients, PAUL)
        A.ok('patients « Hélène Martin » and « Paul Durand » created with the editor')

        A.click(A.find(app, 'page tab', 'Agenda'))
        book_series(app, agenda)
        check_series(agenda)
        move_second_session(app, agenda)
        A.click(A.find(app, 'page tab', 'Patients'))
        find_and_open(clients)
        check_shortcuts_window(app)

        status = A.close_window(proc, app)
        if status != 0:
            A.fail(f'the app exited with status {status}')
        A.ok('the app quit when its window was closed')
    finally:
        A.stop_app(proc)


sys.exit(A.main(test))
