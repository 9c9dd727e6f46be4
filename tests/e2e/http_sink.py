#!/usr/bin/env python3
"""A real HTTP server on loopback for the webhook tests.

    http_sink.py PORT_FILE RECEIVED_FILE

Listens on 127.0.0.1 (a free port, written to PORT_FILE). POST /ok records the body and answers
200: a batch ({"count": N, "events": [...]}, what the webhook sends) as one line per event in
RECEIVED_FILE, anything else as one line; and one line per POST, the number of events it carried,
in RECEIVED_FILE.posts. /fail answers 500; /slow waits 3 s, then answers 200 without recording (its
client has given up by then: a late line would land in a later test's count); /delay waits 0.3 s,
then records and answers 200; /late waits 1.5 s, then records and answers (for a client killed
while it waits); /hang reads the request and never answers.
"""
import http.server
import json
import sys
import time


def record(body):
    try:
        batch = json.loads(body)
    except ValueError:
        batch = None
    if isinstance(batch, dict) and isinstance(batch.get("events"), list):
        lines = [json.dumps(e, separators=(",", ":"), ensure_ascii=False).encode()
                 for e in batch["events"]]
    else:
        lines = [body]
    with open(sys.argv[2], "ab") as f:
        f.write(b"".join(line + b"\n" for line in lines))
    with open(sys.argv[2] + ".posts", "a") as f:
        f.write(f"{len(lines)}\n")


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.path == "/fail":
            self.send_response(500)
        else:
            if self.path == "/hang":
                time.sleep(3600)
            if self.path == "/slow":
                time.sleep(3)
                self.send_response(200)
                self.end_headers()
                return
            if self.path == "/delay":
                time.sleep(0.3)
            if self.path == "/late":
                time.sleep(1.5)
            record(body)
            self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


http.server.ThreadingHTTPServer.daemon_threads = True
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(sys.argv[1], "w") as f:
    f.write(str(server.server_address[1]))
server.serve_forever()
