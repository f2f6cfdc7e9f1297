"""Logs an operator can parse (JSON with the request's id) and errors sent to Sentry when a
DSN is set: each checked in a fresh process, configured by its environment as in production."""

import gzip
import json
import os
import re
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

REQUEST = """
import django; django.setup()
from django.test import Client
response = Client(raise_request_exception=False).get(
    {path!r}, HTTP_HOST="127.0.0.1", **{headers!r}
)
print("STATUS", response.status_code, response.get("X-Request-ID"))
{after}
"""


def run_request(tmp_path, path, env, headers=None, after="", urlconf=""):
    script = REQUEST.format(path=path, headers=headers or {}, after=after)
    if urlconf:
        script = script.replace(
            "django.setup()",
            f"django.setup()\nfrom django.conf import settings; settings.ROOT_URLCONF = {urlconf!r}",
        )
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SENTRY_"))}
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={
            **clean,
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
            "CHARTERBOARD_VAR_DIR": str(tmp_path / "var"),
            **env,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )


def json_lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.startswith("{")]


def test_json_logs_carry_the_level_the_logger_and_the_request_id(tmp_path):
    ran = run_request(
        tmp_path,
        "/no-such-page/",
        {"CHARTERBOARD_LOG_FORMAT": "json"},
        headers={"HTTP_X_REQUEST_ID": "proxy-id-12345678"},
    )

    assert "STATUS 404 proxy-id-12345678" in ran.stdout, ran.stderr
    records = [r for r in json_lines(ran.stderr) if r.get("logger") == "django.request"]
    assert records, ran.stderr
    assert records[0]["level"] == "WARNING"
    assert records[0]["message"] == "Not Found: /no-such-page/"
    assert records[0]["request_id"] == "proxy-id-12345678"
    assert "time" in records[0]


def test_a_request_id_that_could_forge_log_lines_is_replaced_by_our_own(tmp_path):
    ran = run_request(
        tmp_path,
        "/no-such-page/",
        {"CHARTERBOARD_LOG_FORMAT": "json"},
        headers={"HTTP_X_REQUEST_ID": 'x"\n{"level": "CRITICAL"}'},
    )

    status = next(line for line in ran.stdout.splitlines() if line.startswith("STATUS"))
    request_id = status.split()[2]
    assert len(request_id) == 32 and request_id.isalnum()
    assert json_lines(ran.stderr)[-1]["request_id"] == request_id


def test_text_logs_are_the_default_for_people(tmp_path):
    ran = run_request(tmp_path, "/no-such-page/", {})

    assert "WARNING django.request Not Found: /no-such-page/" in ran.stderr
    assert not json_lines(ran.stderr)


def test_an_unknown_log_format_refuses_to_start(tmp_path):
    ran = run_request(tmp_path, "/", {"CHARTERBOARD_LOG_FORMAT": "xml"})

    assert ran.returncode != 0
    assert "CHARTERBOARD_LOG_FORMAT='xml'" in ran.stderr


class SentryIntake(BaseHTTPRequestHandler):
    """Keeps every envelope posted to it, as a Sentry server would receive them."""

    received: list[bytes] = []

    def do_POST(self):  # noqa: N802  the name http.server calls
        body = self.rfile.read(int(self.headers["Content-Length"]))
        if self.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        elif self.headers.get("Content-Encoding") == "br":
            import brotli

            body = brotli.decompress(body)
        self.received.append(body)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def sentry_intake():
    SentryIntake.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), SentryIntake)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_an_unhandled_error_is_reported_to_sentry_when_a_dsn_is_set(tmp_path, sentry_intake):
    port = sentry_intake.server_address[1]
    ran = run_request(
        tmp_path,
        "/fail",
        {"SENTRY_DSN": f"http://publickey@127.0.0.1:{port}/1", "SENTRY_ENVIRONMENT": "test"},
        after="import sentry_sdk; sentry_sdk.flush(timeout=10)",
        urlconf="tests.failing_urls",
    )

    assert "STATUS 500" in ran.stdout, ran.stderr
    events = b"\n".join(SentryIntake.received).decode()
    assert "Deliberate failure for the Sentry test" in events
    assert '"environment":"test"' in events.replace(" ", "")
    assert "django" in events  # reported through the Django integration


def test_nothing_is_sent_without_a_dsn(tmp_path, sentry_intake):
    ran = run_request(
        tmp_path,
        "/fail",
        {},
        after="import sentry_sdk; sentry_sdk.flush(timeout=2)",
        urlconf="tests.failing_urls",
    )

    assert "STATUS 500" in ran.stdout, ran.stderr
    assert SentryIntake.received == []


@pytest.mark.django_db
def test_every_answer_says_the_server_time_and_cpu_time_it_took(client):
    response = client.get("/healthz")

    timing = response["Server-Timing"]
    assert re.fullmatch(r"app;dur=\d+\.\d\d, cpu;dur=\d+\.\d\d", timing), timing
