#!/usr/bin/python3
"""« Honoraires dus » end to end, in French, as a practitioner's day goes: in the morning
(SEANCES_NOW 09 h 00) create the patient « Hélène Martin » and book her at 10 h 00 today; quit.
At 14 h 00 the session is over: decide-helper closes it as held, as the end-of-day review does,
which makes its fee due. Start again, open « Honoraires dus » with Alt+4: her 60,00 € and the
total; mark it paid by cheque, see the total go to 0,00 €, undo from the toast, see it back.
Then her page says what she owes, and « À reprogrammer » lists her (nothing booked): « Réserver »
opens the booking editor for her.
Run inside: tests/harness/session --keyring --display --a11y --lang fr"""
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'harness'))
import atspi as A  # noqa: E402

MORNING = '2026-11-24T09:00'
AFTERNOON = '2026-11-24T14:00'
HELENE = {'Prénom': 'Hélène', 'Nom': 'Martin', 'E-mail': 'helene.martin@exemple.fr'}
DATABASE = os.path.join(os.environ.get('XDG_DATA_HOME', os.path.expanduser('~/.local/share')),
                        'seances', 'seances.db')


def create_client(app, clients):
    A.click(A.find(clients, 'push button', 'Nouveau patient'))
    editor = A.find_window(app, 'Nouveau patient')
    for name, value in HELENE.items():
        A.set_text(A.in_window(editor, 'text', name), value)
    A.click(A.in_window(editor, 'push button', 'Enregistrer'))
    A.window_gone(app, editor)
    A.find(clients, 'label', 'Hélène Martin')


def book_at_ten(app, agenda):
    A.click(A.find(app, 'push button', 'Nouvelle séance'))
    editor = A.find_window(app, 'Nouvelle séance')
    patient = A.in_window(editor, 'text', 'Patient')
    A.pointer_click(patient)
    A.type_text('hel')
    A.pointer_click(A.in_window(editor, 'list item', 'Hélène Martin'))
    A.wait_for(lambda: A.get_text(patient) == 'Hélène Martin', what='« Patient » to hold Hélène Martin')
    date = A.menu_button_text(A.in_window(editor, 'push button', 'Date'))
    if date != 'mardi 24 novembre 2026':
        A.fail(f'the editor proposes {date!r}, not today')
    A.set_text(A.in_window(editor, 'text', 'Heure de début'), '10h00')
    A.click(A.in_window(editor, 'push button', 'Enregistrer'))
    A.window_gone(app, editor)
    A.wait_for(lambda: A.find_all(agenda, 'push button', '10 h 00, Hélène Martin, ', substring=True),
               what='the session at 10 h 00 in the agenda')


def press_keys(proc, keys):
    """Real X key events over the app's window (xdotool), e.g. alt+4."""
    A._focus_window(proc.pid)
    subprocess.run(['xdotool', 'key', '--clearmodifiers', keys], check=True, timeout=10)


def total(fees):
    """The total due, the big figure at the top (no-break spaces made plain)."""
    labels = [A.spaces(A.get_text(label)) for label in A.find_all(fees, 'label')]
    return next((t for t in labels if t.endswith(' €') and ' · ' not in t), None)


def fee_rows(fees):
    """The rows of « Honoraires dus »: [[texts of its labels, its buttons' left out]]."""
    listing = A.find(fees, 'list', 'Honoraires dus')
    return [[A.spaces(A.get_text(label)) for label in A.find_all(item, 'label')
             if A._safe(lambda: label.parent.getRoleName()) != 'push button']
            for item in A.find_all(listing, 'list item')]


def mark_paid_by_cheque(app, fees):
    A.click(A.find(fees, 'push button', 'Marquer comme réglé : Hélène Martin, Séance du mardi 24 novembre'
                   ' · aujourd’hui'))
    dialog = A.find_window(app, 'Marquer comme réglé')
    date = A.menu_button_text(A.in_window(dialog, 'push button', 'Date du règlement'))
    if date != 'mardi 24 novembre 2026':
        A.fail(f'the payment is dated {date!r} by default, not today')
    A.choose(A.in_window(dialog, 'combo box', 'Moyen de paiement'), 'Chèque')
    A.click(A.in_window(dialog, 'push button', 'Enregistrer'))
    A.window_gone(app, dialog)


def morning():
    proc = A.start_app(env={'SEANCES_NOW': MORNING})
    try:
        app = A.find_app(pid=proc.pid)
        A.fill_welcome(app)
        A.read_recovery_key(app)
        A.accept_recovery_key(app)
        A.wait_main(app)
        A.click(A.find(app, 'page tab', 'Agenda'))
        agenda = A.find(app, None, 'SeancesAgendaView')
        A.click(A.find(app, 'page tab', 'Patients'))
        create_client(app, A.find(app, None, 'SeancesClientsView'))
        A.click(A.find(app, 'page tab', 'Agenda'))
        book_at_ten(app, agenda)
        A.ok('morning: Hélène Martin created and booked today at 10 h 00')
        if A.close_window(proc, app) != 0:
            A.fail('the app did not quit cleanly')
    finally:
        A.stop_app(proc)


def review():
    helper = os.environ['SEANCES_DECIDE_HELPER']
    out = subprocess.run([helper, DATABASE], env=dict(os.environ, SEANCES_NOW=AFTERNOON),
                         capture_output=True, text=True, timeout=60)
    if out.returncode != 0 or out.stdout.strip() != 'closed 1':
        A.fail(f'decide-helper said {out.stdout!r} {out.stderr!r}')
    A.ok('afternoon: the session of 10 h 00 closed as held')


def afternoon():
    proc = A.start_app(env={'SEANCES_NOW': AFTERNOON})
    try:
        app = A.find_app(pid=proc.pid)
        A.wait_main(app)
        press_keys(proc, 'alt+4')
        fees = A.find(app, None, 'SeancesFeesView')
        A.wait_for(lambda: total(fees) == '60,00 €', what='the total « 60,00 € »')
        rows = A.wait_for(lambda: fee_rows(fees) or None, what='a row in « Honoraires dus »')
        if rows != [['Hélène Martin', 'Séance du mardi 24 novembre · aujourd’hui', '60,00 €']]:
            A.fail(f'« Honoraires dus » lists {rows}')
        A.ok('Alt+4 opens « Honoraires dus »: Hélène Martin, « Séance du mardi 24 novembre », 60,00 €, total 60,00 €')

        mark_paid_by_cheque(app, fees)
        A.wait_for(lambda: total(fees) == '0,00 €', what='the total to go to « 0,00 € »')
        A.find(fees, 'label', 'Tout est réglé')
        A.ok('marked paid by cheque today: the total is 0,00 €, « Tout est réglé »')

        # libadwaita 1.2 names the toast's button twice (« Annuler Annuler »).
        A.click(A.find(A.find(fees, None, 'AdwToastWidget'), 'push button', 'Annuler', substring=True))
        A.wait_for(lambda: total(fees) == '60,00 €', what='the total back to « 60,00 € »')
        A.wait_for(lambda: len(fee_rows(fees)) == 1, what='her row back')
        A.ok('« Annuler » in the toast: her row and the total of 60,00 € are back')

        A.click(A.find(app, 'page tab', 'Patients'))
        clients = A.find(app, None, 'SeancesClientsView')
        book = A.find(clients, 'push button', 'Réserver pour Hélène Martin')
        A.find(clients, 'label', 'Dernière séance aujourd’hui · Rien de prévu')
        A.ok('« À reprogrammer » lists Hélène Martin: « Dernière séance aujourd’hui · Rien de prévu »')
        A.click(book)
        editor = A.find_window(app, 'Nouvelle séance')
        if A.get_text(A.in_window(editor, 'text', 'Patient')) != 'Hélène Martin':
            A.fail('« Réserver » opens the editor for someone else')
        A.click(A.in_window(editor, 'push button', 'Annuler'))
        A.window_gone(app, editor)
        A.ok('« Réserver » opens « Nouvelle séance » for Hélène Martin')

        listing = A.find(clients, 'list', 'Patients')
        row = A.find(listing, None, 'Hélène Martin')
        if row.getRoleName() == 'push button':
            A.click(row)
        else:
            A.pointer_click(row)
        A.wait_for(lambda: any(A.spaces(A.get_text(label)) == 'Reste dû : 60,00 €'
                               for label in A.find_all(clients, 'label')),
                   what='« Reste dû : 60,00 € » on her page')
        A.ok('her page: « Honoraires », « Reste dû : 60,00 € »')

        if A.close_window(proc, app) != 0:
            A.fail('the app did not quit cleanly')
    finally:
        A.stop_app(proc)


def test():
    morning()
    review()
    afternoon()


sys.exit(A.main(test))
