#!/usr/bin/python3
"""Issue #8 end to end, in French, as a practitioner's day goes. In the morning (Tuesday
24 November 2026, 8 h 30), after the first run: four patients created with the editor, their
sessions of the day booked (Hélène Martin 9 h, Paul Durand 10 h, Sophie Bernard 11 h, Marc
Petit 14 h, seen weekly), and two sessions of yesterday caught up on (Hélène 16 h, Paul 17 h),
which the booking says will wait in the review. Nobody has accepted a policy (that is recorded
elsewhere): wherever a fee would be due, « pas de politique acceptée » is proposed.
In the evening (18 h 00) the app starts again on « Aujourd'hui », six sessions to review, and
the day closes with the keyboard alone: yesterday's late cancellation and absence fall in the
grace rule (« délai de grâce »); Hélène's absence today is offered for want of a policy, as
proposed; Paul's is charged all the same (fee due); Sophie's is a force majeure; Marc's session
is held, undone from the toast, and held again.
Run inside: tests/harness/session --keyring --display --a11y --lang fr"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'harness'))
import atspi as A  # noqa: E402

MORNING = '2026-11-24T08:30'
EVENING = '2026-11-24T18:00'
PATIENTS = [
    {'Prénom': 'Hélène', 'Nom': 'Martin', 'E-mail': 'helene.martin@exemple.fr'},
    {'Prénom': 'Paul', 'Nom': 'Durand', 'E-mail': 'paul.durand@exemple.fr'},
    {'Prénom': 'Sophie', 'Nom': 'Bernard', 'E-mail': 'sophie.bernard@exemple.fr'},
    {'Prénom': 'Marc', 'Nom': 'Petit', 'E-mail': 'marc.petit@exemple.fr', 'Rythme souhaité': 'Chaque semaine'},
]
# (letters typed, the patient, day of November, time typed)
BOOKINGS = [('hel', 'Hélène Martin', 24, '9h00'), ('pau', 'Paul Durand', 24, '10h00'),
            ('sop', 'Sophie Bernard', 24, '11h00'), ('mar', 'Marc Petit', 24, '14h00'),
            ('hel', 'Hélène Martin', 23, '16h00'), ('pau', 'Paul Durand', 23, '17h00')]
PAST = 'Cette séance est dans le passé : elle apparaîtra dans la revue du jour.'


def create_patient(app, clients, fields):
    A.click(A.find(clients, 'push button', 'Nouveau patient'))
    editor = A.find_window(app, 'Nouveau patient')
    for name, value in fields.items():
        if name == 'Rythme souhaité':
            A.choose(A.in_window(editor, 'combo box', name), value)
        else:
            A.set_text(A.in_window(editor, 'text', name), value)
    A.click(A.in_window(editor, 'push button', 'Enregistrer'))
    A.window_gone(app, editor)
    A.find(clients, 'label', f"{fields['Prénom']} {fields['Nom']}")


def book(app, letters, who, day, time):
    A.click(A.find(app, 'push button', 'Nouvelle séance'))
    editor = A.find_window(app, 'Nouvelle séance')
    patient = A.in_window(editor, 'text', 'Patient')
    A.pointer_click(patient)
    A.type_text(letters)
    A.pointer_click(A.in_window(editor, 'list item', who))
    A.wait_for(lambda: A.get_text(patient) == who, what=f'« Patient » to hold {who}')
    if day != 24:
        A.pick_date(editor, 'Date', 2026, 11, day)
    A.set_text(A.in_window(editor, 'text', 'Heure de début'), time)
    past = A.find_all(editor, 'label', PAST)
    if bool(past) != (day != 24):
        A.fail(f'booking {who} on {day} November at {time}: the past warning is {"shown" if past else "missing"}')
    A.click(A.in_window(editor, 'push button', 'Enregistrer'))
    A.window_gone(app, editor)


def rows(view):
    """The review's rows as a screen reader says them, no-break spaces made plain."""
    return [A.spaces(r.name) for r in A.find_all(view, 'list item')
            if A.spaces(r.name or '')[:1].isdigit()]


def focused_row(view):
    found = [A.spaces(r.name) for r in A.find_all(view, 'list item') if A.has_state(r, A.pyatspi.STATE_FOCUSED)]
    return found[0] if found else None


def wait_focus(view, prefix):
    return A.wait_for(lambda: (focused_row(view) or '').startswith(prefix) and focused_row(view),
                      what=f'the focus on the row « {prefix} »')


def badge(app):
    """The number on the « Aujourd'hui » tab, '' when there is none."""
    tab = A.find(app, 'page tab', 'Aujourd’hui', substring=True)
    numbers = [A.get_text(label) for label in A.find_all(tab, 'label', showing=False) if A.get_text(label).isdigit()]
    return numbers[0] if numbers else ''


def wait_badge(app, expected):
    A.wait_for(lambda: badge(app) == expected, what=f'the badge of « Aujourd’hui » to read {expected!r}')


def last_toast(view, text):
    """The toast's title (its label; the toast's own widget holds its « Annuler »)."""
    return A.find(view, 'label', text)


def verdict(app, known, expected, reason):
    """The dialog the key opened: its verdict and the waiver's reason, as the policy proposes."""
    dialog = A.wait_for(lambda: next((w for w in A.children(app) if w not in known), None),
                        what='the verdict dialog')
    A.find(dialog, 'label', expected, showing=False)
    waive = A.find(dialog, 'list item', 'Renoncer', showing=False)
    subtitle = [A.spaces(A.get_text(label)) for label in A.find_all(waive, 'label', showing=False)]
    if reason not in subtitle:
        A.fail(f'« Renoncer » reads {subtitle}, expected {reason!r}')
    return dialog


def close_with(app, view, key, prefix, expected, reason, toast, charge_anyway=False):
    wait_focus(view, prefix)
    known = A.children(app)
    A.type_text(key)
    dialog = verdict(app, known, expected, reason)
    if charge_anyway:
        # Tab to « Renoncer » (the row or its switch), then Space turns the proposed waiver off.
        for _ in range(6):
            if any(A.has_state(a, A.pyatspi.STATE_FOCUSED) for a in A.find_all(dialog, None, 'Renoncer', showing=False)):
                break
            A.press('Tab')
        A.press('space')
        A.find(dialog, 'label', '60,00 € à régler : absence sans prévenir.', showing=False)
    A.press('Return')
    A.window_gone(app, dialog)
    last_toast(view, toast)
    A.ok(f'« {prefix} »: {key.upper()} shows « {expected} », recorded: « {toast} »')


def morning():
    proc = A.start_app(env={'SEANCES_NOW': MORNING})
    try:
        app = A.find_app(pid=proc.pid)
        A.fill_welcome(app)
        A.read_recovery_key(app)
        A.accept_recovery_key(app)
        A.wait_main(app)
        view = A.find(app, None, 'SeancesReviewView')
        A.find(view, 'label', 'Rien à revoir')
        A.ok('first run done: « Aujourd’hui » opens first and says « Rien à revoir »')

        A.click(A.find(app, 'page tab', 'Patients'))
        clients = A.find(app, None, 'SeancesClientsView')
        for fields in PATIENTS:
            create_patient(app, clients, fields)
        A.ok('four patients created with the editor, Marc Petit seen weekly')

        for letters, who, day, time in BOOKINGS:
            book(app, letters, who, day, time)
        A.ok('the day booked; yesterday\'s two sessions caught up on, the booking saying « ' + PAST + ' »')

        A.click(A.find(app, 'page tab', 'Aujourd’hui', substring=True))
        A.wait_for(lambda: len(rows(view)) == 6, what='six sessions in the review')
        expected = ['9 h 00, Hélène Martin, Prévue, Prochaine', '10 h 00, Paul Durand, Prévue',
                    '11 h 00, Sophie Bernard, Prévue', '14 h 00, Marc Petit, Prévue',
                    '16 h 00, Hélène Martin, À revoir', '17 h 00, Paul Durand, À revoir']
        if rows(view) != expected:
            A.fail(f'the morning review reads {rows(view)}, expected {expected}')
        A.find(view, 'label', 'Lundi 23 novembre')
        wait_badge(app, '2')
        A.ok('the morning review: today\'s four sessions to come, 9 h 00 next; yesterday\'s two to review; badge 2')
        if A.close_window(proc, app) != 0:
            A.fail('the app did not quit cleanly')
    finally:
        A.stop_app(proc)


def evening():
    proc = A.start_app(env={'SEANCES_NOW': EVENING})
    try:
        app = A.find_app(pid=proc.pid)
        A.wait_main(app)
        view = A.find(app, None, 'SeancesReviewView')
        A.wait_for(lambda: len(rows(view)) == 6, what='six sessions in the review')
        wait_badge(app, '6')
        wait_focus(view, '9 h 00, Hélène Martin, À revoir')
        A.ok('the evening: « Aujourd’hui » shows six sessions to review, badge 6, the first one focused')

        # From here on, the keyboard alone.
        A._focus_window(proc.pid)
        A.press('Down', 4)
        close_with(app, view, 't', '16 h 00, Hélène Martin', 'Offert : première annulation tardive sur 12 mois.',
                   'Motif : délai de grâce', 'Hélène Martin : annulation tardive, offerte (délai de grâce)')
        close_with(app, view, 'a', '17 h 00, Paul Durand', 'Offert : première absence sur 12 mois.',
                   'Motif : délai de grâce', 'Paul Durand : absence, offerte (délai de grâce)')
        close_with(app, view, 'a', '9 h 00, Hélène Martin',
                   'Offert : aucune politique d’annulation n’avait été acceptée.', 'Motif : pas de politique acceptée',
                   'Hélène Martin : absence, offerte (pas de politique acceptée)')
        close_with(app, view, 'a', '10 h 00, Paul Durand',
                   'Offert : aucune politique d’annulation n’avait été acceptée.', 'Motif : pas de politique acceptée',
                   'Paul Durand : absence, 60,00 € à régler', charge_anyway=True)
        close_with(app, view, 'f', '11 h 00, Sophie Bernard', 'Offert : force majeure.', 'Motif : force majeure',
                   'Sophie Bernard : absence, offerte (force majeure)')

        wait_focus(view, '14 h 00, Marc Petit, À revoir')
        A.type_text('h')
        # The toast goes after a few seconds: its « Annuler » first.
        toast = last_toast(view, 'Marc Petit : séance honorée')
        undo = A.find(toast.parent.parent, 'push button', 'Annuler', substring=True, showing=False)
        wait_badge(app, '')
        A.find(view, 'push button', 'Fixer la prochaine date…')
        A.ok('« 14 h 00, Marc Petit »: H records it held at once; no badge left; « Fixer la prochaine date… » offered')

        A.click(undo)
        last_toast(view, 'Décision annulée')
        wait_focus(view, '14 h 00, Marc Petit, À revoir')
        wait_badge(app, '1')
        A.ok('« Annuler » on the toast: Marc Petit\'s session is to review again, focused, badge 1')

        A.type_text('h')
        wait_badge(app, '')
        expected = ['9 h 00, Hélène Martin, Absence', '10 h 00, Paul Durand, Absence',
                    '11 h 00, Sophie Bernard, Absence', '14 h 00, Marc Petit, Honorée']
        A.wait_for(lambda: rows(view) == expected, what=f'the review to read {expected}')
        A.ok('the whole day closed from the keyboard: ' + '; '.join(expected) + '; yesterday\'s gone')
        if A.close_window(proc, app) != 0:
            A.fail('the app did not quit cleanly')
    finally:
        A.stop_app(proc)


def test():
    morning()
    evening()


sys.exit(A.main(test))
