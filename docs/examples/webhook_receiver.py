"""A receiver for Charterboard's signed webhooks, with nothing but the standard library.

    CHARTERBOARD_WEBHOOK_SECRET=… python docs/examples/webhook_receiver.py --port 8808

It checks each post's ``Charterboard-Signature`` header, refuses a stale or forged one with
401, ignores a second copy of an event it already handled, and prints the events it accepts.
Copy ``verify`` into your own service; the rest shows where it goes.
"""

import argparse
import hashlib
import hmac
import json
import os
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TOLERANCE_SECONDS = 300


def verify(secret: str, body: bytes, header: str, now: float | None = None) -> bool:
    """Whether ``header`` (``t=<unix time>,v1=<hex>``) signs ``body`` with ``secret`` and is
    recent enough that a recorded post cannot be replayed later."""
    fields = dict(part.split("=", 1) for part in header.split(",") if "=" in part)
    try:
        timestamp = int(fields["t"])
    except (KeyError, ValueError):
        return False
    if abs((time.time() if now is None else now) - timestamp) > TOLERANCE_SECONDS:
        return False
    expected = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return hmac.compare_digest(expected.hexdigest(), fields.get("v1", ""))


def make_server(secret: str, port: int, on_event=print) -> ThreadingHTTPServer:
    handled: set[str] = set()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            if not verify(secret, body, self.headers.get("Charterboard-Signature", "")):
                self.send_response(401)
                self.end_headers()
                return
            event = json.loads(body)
            if event["id"] not in handled:
                handled.add(event["id"])
                on_event(event)
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    return ThreadingHTTPServer(("127.0.0.1", port), Handler)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8808)
    arguments = parser.parse_args()
    server = make_server(os.environ["CHARTERBOARD_WEBHOOK_SECRET"], arguments.port)
    print(f"Listening on http://127.0.0.1:{arguments.port}/")
    server.serve_forever()
