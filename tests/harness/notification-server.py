#!/usr/bin/python3
"""A desktop notification server for the tests, on the private session bus.

    /usr/bin/python3 tests/harness/notification-server.py LOG

Owns org.freedesktop.Notifications at /org/freedesktop/Notifications and implements the
specification's methods and signals (GetCapabilities, GetServerInformation, Notify,
CloseNotification; NotificationClosed, ActionInvoked, ActivationToken). Every call is
written to LOG as one JSON line: {"event": "notify", "id", "replaces_id", "app_name",
"app_icon", "summary", "body", "actions", "hints", "timeout"}, {"event": "close", "id"},
{"event": "invoke", "id", "action"}, and {"event": "ready"} once the name is owned.

A test clicks a notification through InvokeAction(id, action) on the interface
io.github.seances.Seances.TestNotifications, at the same path: the server then says what a
real one says after a click (ActivationToken, ActionInvoked, NotificationClosed reason 2),
from its own connection, which is the only one libnotify listens to.
"""
import json
import signal
import sys

import dbus
import dbus.mainloop.glib
import dbus.service
from gi.repository import GLib

NAME = 'org.freedesktop.Notifications'
PATH = '/org/freedesktop/Notifications'
TEST_INTERFACE = 'io.github.seances.Seances.TestNotifications'
CLOSED_DISMISSED, CLOSED_BY_CALL = 2, 3


def plain(value):
    """A D-Bus value as JSON can write it."""
    if isinstance(value, (dbus.String, dbus.ObjectPath)):
        return str(value)
    if isinstance(value, dbus.Boolean):
        return bool(value)
    if isinstance(value, (dbus.Byte, dbus.Int16, dbus.Int32, dbus.Int64, dbus.UInt16, dbus.UInt32, dbus.UInt64)):
        return int(value)
    if isinstance(value, dbus.Double):
        return float(value)
    return repr(value)


class Server(dbus.service.Object):
    def __init__(self, bus, log):
        super().__init__(bus, PATH)
        self.log = log
        self.last_id = 0
        self.open = set()

    def record(self, **entry):
        self.log.write(json.dumps(entry, ensure_ascii=False) + '\n')
        self.log.flush()

    @dbus.service.method(NAME, in_signature='', out_signature='as')
    def GetCapabilities(self):
        return ['actions', 'body', 'body-markup', 'icon-static', 'persistence']

    @dbus.service.method(NAME, in_signature='', out_signature='ssss')
    def GetServerInformation(self):
        return ('seances-test-notifications', 'Séances tests', '1.0', '1.2')

    @dbus.service.method(NAME, in_signature='susssasa{sv}i', out_signature='u')
    def Notify(self, app_name, replaces_id, app_icon, summary, body, actions, hints, timeout):
        if replaces_id in self.open:
            nid = int(replaces_id)
        else:
            self.last_id += 1
            nid = self.last_id
        self.open.add(nid)
        self.record(event='notify', id=nid, replaces_id=int(replaces_id), app_name=str(app_name),
                    app_icon=str(app_icon), summary=str(summary), body=str(body),
                    actions=[str(a) for a in actions], hints={str(k): plain(v) for k, v in hints.items()},
                    timeout=int(timeout))
        return dbus.UInt32(nid)

    @dbus.service.method(NAME, in_signature='u', out_signature='')
    def CloseNotification(self, nid):
        self.record(event='close', id=int(nid))
        if nid in self.open:
            self.open.discard(nid)
            self.NotificationClosed(nid, CLOSED_BY_CALL)

    @dbus.service.signal(NAME, signature='uu')
    def NotificationClosed(self, nid, reason):
        pass

    @dbus.service.signal(NAME, signature='us')
    def ActionInvoked(self, nid, action):
        pass

    @dbus.service.signal(NAME, signature='us')
    def ActivationToken(self, nid, token):
        pass

    @dbus.service.method(TEST_INTERFACE, in_signature='us', out_signature='')
    def InvokeAction(self, nid, action):
        if nid not in self.open:
            raise dbus.exceptions.DBusException(f'no notification {int(nid)} is open',
                                                name='io.github.seances.Seances.Error.NotOpen')
        self.record(event='invoke', id=int(nid), action=str(action))
        self.ActivationToken(nid, f'seances-test-{int(nid)}')
        self.ActionInvoked(nid, action)
        self.open.discard(nid)
        self.NotificationClosed(nid, CLOSED_DISMISSED)


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    dbus.mainloop.glib.DBusGMainLoop(set_as_default=True)
    bus = dbus.SessionBus()
    with open(sys.argv[1], 'a', encoding='utf-8') as log:
        server = Server(bus, log)
        reply = bus.request_name(NAME, dbus.bus.NAME_FLAG_DO_NOT_QUEUE)
        if reply != dbus.bus.REQUEST_NAME_REPLY_PRIMARY_OWNER:
            print(f'notification-server: {NAME} is owned already', file=sys.stderr)
            return 1
        server.record(event='ready')
        loop = GLib.MainLoop()
        for signum in (signal.SIGTERM, signal.SIGINT):
            GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signum, loop.quit)
        loop.run()
    return 0


if __name__ == '__main__':
    sys.exit(main())
