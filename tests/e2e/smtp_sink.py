#!/usr/bin/env python3
"""A real SMTP server on loopback for the email tests (Python's smtpd, in the standard library).

    smtp_sink.py PORT_FILE RECEIVED_FILE [ok|reject]

Listens on 127.0.0.1 (a free port, written to PORT_FILE). Accepts each message and appends it to
RECEIVED_FILE (envelope and data), or, with "reject", refuses every message with 550.
"""
import asyncore
import sys
import warnings

warnings.simplefilter("ignore", DeprecationWarning)
import smtpd  # noqa: E402  (deprecated in 3.11, still shipped with Debian 12's Python)


class Sink(smtpd.SMTPServer):
    def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
        if len(sys.argv) > 3 and sys.argv[3] == "reject":
            return "550 mailbox unavailable"
        with open(sys.argv[2], "ab") as f:
            f.write(f"MAIL FROM:{mailfrom} RCPT TO:{','.join(rcpttos)}\n".encode())
            f.write(data if isinstance(data, bytes) else data.encode())
            f.write(b"\n.\n")
        return None


sink = Sink(("127.0.0.1", 0), None, decode_data=False)
with open(sys.argv[1], "w") as f:
    f.write(str(sink.socket.getsockname()[1]))
asyncore.loop()
