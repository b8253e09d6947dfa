#!/usr/bin/python3
"""A real SMTP server on 127.0.0.1 for the tests (python3-aiosmtpd), with the ways a
real one fails.

    smtp-server.py --out DIR --mode MODE [--cert PEM --key PEM] [--user U --password P]

Prints "READY <port>" once it listens, then serves until killed. Every message it
accepts is written to DIR as <n>.eml (the bytes received, CRLF as sent), with its
envelope in <n>.env ("MAIL FROM" then each "RCPT TO", one a line).
Modes:
  ok              accepts everything
  tempfail-once   answers 451 to the first RCPT of each recipient, then accepts
  reject          answers 550 to every RCPT
  drop-after-data takes the whole content, then closes the connection without a word
  starttls        accepts only after STARTTLS (needs --cert and --key)
  auth            accepts only after AUTH PLAIN/LOGIN with --user and --password
"""
import argparse
import asyncio
import os
import ssl
import sys

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class Handler:
    def __init__(self, out, mode):
        self.out = out
        self.mode = mode
        self.count = 0
        self.refused_once = set()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.mode == 'reject':
            return '550 5.1.1 Mailbox unavailable'
        if self.mode == 'tempfail-once' and address not in self.refused_once:
            self.refused_once.add(address)
            return '451 4.3.0 Try again later'
        envelope.rcpt_tos.append(address)
        return '250 OK'

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        base = os.path.join(self.out, str(self.count))
        with open(base + '.eml.part', 'wb') as f:
            f.write(envelope.original_content or envelope.content)
        with open(base + '.env', 'w', encoding='utf-8') as f:
            f.write('\n'.join([envelope.mail_from] + envelope.rcpt_tos) + '\n')
        os.replace(base + '.eml.part', base + '.eml')
        if self.mode == 'drop-after-data':
            server.transport.close()
            return None
        return '250 2.0.0 OK'


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--out', required=True)
    parser.add_argument('--mode', default='ok')
    parser.add_argument('--cert')
    parser.add_argument('--key')
    parser.add_argument('--user')
    parser.add_argument('--password')
    args = parser.parse_args()

    handler = Handler(args.out, args.mode)
    tls = None
    if args.cert:
        tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls.load_cert_chain(args.cert, args.key)

    def authenticate(server, session, envelope, mechanism, data):
        ok = (isinstance(data, LoginPassword) and data.login.decode() == args.user
              and data.password.decode() == args.password)
        # handled=False: aiosmtpd then answers 535 itself (True would leave the client waiting)
        return AuthResult(success=ok, handled=False)

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)

    def factory():
        return SMTP(handler, hostname='localhost', tls_context=tls, loop=loop,
                    require_starttls=args.mode == 'starttls',
                    auth_required=args.mode == 'auth', auth_require_tls=False,
                    authenticator=authenticate, decode_data=False)

    server = loop.run_until_complete(loop.create_server(factory, host='127.0.0.1', port=0))
    port = server.sockets[0].getsockname()[1]
    print(f'READY {port}', flush=True)
    try:
        loop.run_forever()
    finally:
        server.close()


if __name__ == '__main__':
    sys.exit(main())
