#!/usr/bin/python3
"""The cancellation policy end to end, in French, as a person would: after the first run,
create the patient « Hélène Martin »; in Préférences › Politique d’annulation, change the notice
to 24 hours and see the summary say it, save it as a new version; then, on Hélène's page, see
that she has not accepted a policy yet, record her acceptance « En séance » in two clicks and
see it shown: the version in force, accepted in session today.
« Today » is fixed by SEANCES_NOW (Tuesday 24 November 2026, 14 h 00, Paris time).
Run inside: tests/harness/session --keyring --display --a11y --lang fr"""
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'harness'))
import atspi as A  # noqa: E402

NOW = '2026-11-24T14:00'
HELENE = {'Prénom': 'Hélène', 'Nom': 'Martin', 'E-mail': 'helene.martin@exemple.fr'}


def create_client(app, clients, fields):
    A.click(A.find(clients, 'push button', 'Nouveau patient'))
    editor = A.find_window(app, 'Nouveau patient')
    for name, value in fields.items():
        A.set_text(A.in_window(editor, 'text', name), value)
    A.click(A.in_window(editor, 'push button', 'Enregistrer'))
    A.window_gone(app, editor)
    # Once saved, the patient's page opens.
    A.find(clients, 'label', f"{fields['Prénom']} {fields['Nom']}")


def labels(root):
    """The texts of the labels shown under root, no-break spaces made plain."""
    return [A.spaces(A._safe(lambda: A.get_text(label), '')) for label in A.find_all(root, 'label')]


CONTROLS = ('push button', 'toggle button', 'spin button', 'combo box', 'text', 'check box')


def check_names(root):
    """What a screen reader meets: every control has a French name, not a GTK class name."""
    controls = A.find_all(root, CONTROLS, showing=False)
    unnamed = [A.describe(c) for c in controls if not (c.name or '').strip() or c.name.startswith('Gtk')]
    if unnamed:
        A.fail(f'controls without a name: {unnamed}')
    return len(controls)


def open_preferences(proc, app):
    known = A.children(app)
    A._focus_window(proc.pid)
    subprocess.run(['xdotool', 'key', '--clearmodifiers', 'ctrl+comma'], check=True, timeout=10)
    return A.wait_for(lambda: next((w for w in A.children(app) if w not in known), None),
                      what='the preferences window')


def change_notice(proc, app):
    preferences = open_preferences(proc, app)
    A.click(A.find(preferences, 'page tab', 'Politique d’annulation', showing=False))
    # The summary, in plain words (the notice's own description says « au moins ce délai »).
    summary = A.find(preferences, 'label', 'Une séance annulée au moins 48 heures avant son début',
                     substring=True, showing=False)
    A.find(preferences, 'label', 'Version 1, en vigueur depuis le 24 novembre 2026.', showing=False)
    save = A.find(preferences, 'push button', 'Enregistrer', showing=False)
    if A.is_sensitive(save):
        A.fail('« Enregistrer » is offered before anything changed')
    A.ok('Préférences › Politique d’annulation: the default policy in plain words, version 1')

    A.ok(f'the {check_names(preferences)} controls of the preferences all have a French name')
    A.set_value(A.find(preferences, 'spin button', 'Heures avant la séance', showing=False), 24)
    A.wait_for(lambda: A.spaces(A.get_text(summary)).startswith(
        'Une séance annulée au moins 24 heures avant son début ne coûte rien.'),
        what='the summary to say 24 hours')
    A.find(preferences, 'label', 'Modifications non enregistrées', substring=True, showing=False)
    A.ok('notice set to 24 hours: the summary says « au moins 24 heures avant son début »')

    A.click(save)
    A.find(preferences, 'label', 'Version 2, en vigueur depuis le 24 novembre 2026.', showing=False)
    A.find(preferences, 'label', 'Les séances déjà réservées gardent la politique de leur réservation.',
           substring=True, showing=False)
    A.wait_for(lambda: not A.is_sensitive(save), what='« Enregistrer » to be done')
    A.ok('saved: version 2 in force, and booked sessions keep their policy')

    A.click(A.find(preferences, 'push button', 'Fermer', showing=False))
    A.window_gone(app, preferences)


def record_acceptance(clients):
    A.find(clients, 'label', 'Pas encore acceptée')
    A.find(clients, 'label', 'aucune annulation tardive ni absence ne peut être facturée', substring=True)
    A.ok('her page says the policy is not accepted yet, and that nothing can be charged without it')

    A.ok(f"the {check_names(A.find(clients, 'list', 'Politique d’annulation'))} controls of her policy group have a name")
    menu = A.find(clients, 'push button', 'Noter une acceptation')
    A.click(menu)
    in_session = A.popover_child(menu, lambda a: A._safe(a.getRoleName) == 'push button'
                                 and A._safe(lambda: a.name) == 'En séance', '« En séance » in the menu')
    A.click(in_session)
    A.find(clients, 'label', 'Acceptée en séance le 24 novembre 2026')
    A.find(clients, 'label', 'Version 2, celle en vigueur.')
    if 'Pas encore acceptée' in labels(clients):
        A.fail('« Pas encore acceptée » is still shown')
    A.ok('two clicks: « Acceptée en séance le 24 novembre 2026 », « Version 2, celle en vigueur. »')


def test():
    proc = A.start_app(env={'SEANCES_NOW': NOW})
    try:
        app = A.find_app(pid=proc.pid)
        A.fill_welcome(app)
        A.read_recovery_key(app)
        A.accept_recovery_key(app)
        A.wait_main(app)
        A.ok('first run done, main window shown')

        A.click(A.find(app, 'page tab', 'Patients'))
        clients = A.find(app, None, 'SeancesClientsView')
        create_client(app, clients, HELENE)
        A.ok('patient « Hélène Martin » created')

        change_notice(proc, app)
        record_acceptance(clients)

        status = A.close_window(proc, app)
        if status != 0:
            A.fail(f'the app exited with status {status}')
        A.ok('the app quit when its window was closed')
    finally:
        A.stop_app(proc)


sys.exit(A.main(test))
