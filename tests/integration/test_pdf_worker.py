"""A real Celery worker on Redis renders an export; killed mid-render, another finishes it.

The first worker is started through ``tests/integration/slow_worker.py``, which stalls its
renders, so that it sits inside the render (the export already RUNNING) long enough to be killed with SIGKILL. The broker keeps
the unacknowledged message; after the visibility timeout a freshly started worker gets it
back as a redelivery, takes the RUNNING export over and finishes it, exactly once.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis
from django.conf import settings
from django.db import connection

from charter.documents.requests import request_export
from charter.models import PdfExport
from config.celery import app as celery_app
from tests.charter.version_factories import charter_with_editor, publish_version

pytestmark = [pytest.mark.redis, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

VISIBILITY_TIMEOUT = 3  # seconds before an unacknowledged message goes back to the queue
WAIT = 90  # the longest any step may take, so a broken worker fails the test, not hangs it


def database_url() -> str:
    """The test database (``test_<name>``) as a URL the worker process understands."""
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


class Workers:
    """Starts Celery worker processes and always kills them, whatever the test does."""

    def __init__(self, tmp_path: Path):
        self.tmp_path = tmp_path
        self.processes: list[subprocess.Popen] = []

    def start(self, name: str, stall_seconds: float = 0) -> subprocess.Popen:
        env = {
            **os.environ,
            "DATABASE_URL": database_url(),
            "DATABASE_CONN_MAX_AGE": "0",
            "MEDIA_ROOT": str(settings.MEDIA_ROOT),
            "CHARTERBOARD_VAR_DIR": str(self.tmp_path / "var"),
            "CELERY_VISIBILITY_TIMEOUT": str(VISIBILITY_TIMEOUT),
            "CELERY_TASK_ALWAYS_EAGER": "0",
        }
        command = [sys.executable, "-m", "celery"]
        if stall_seconds:
            command = [sys.executable, "-m", "tests.integration.slow_worker", str(stall_seconds)]
        command += ["-A", "config", "worker", "-P", "solo"]
        command += ["-n", f"{name}@%h", "--without-gossip", "--without-mingle"]
        command += ["--without-heartbeat", "--loglevel=info"]
        log = open(self.tmp_path / f"{name}.log", "w")  # noqa: SIM115  closed with the process
        process = subprocess.Popen(
            command,
            cwd=settings.BASE_DIR,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            # Its own process group, so that SIGKILL reaches everything it started.
            start_new_session=True,
        )
        self.processes.append(process)
        return process

    def kill(self, process: subprocess.Popen) -> None:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=WAIT)

    def kill_all(self) -> None:
        for process in self.processes:
            self.kill(process)

    def log(self, name: str) -> str:
        return (self.tmp_path / f"{name}.log").read_text()


@pytest.fixture
def workers(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    broker = redis.Redis.from_url(os.environ["REDIS_URL"])
    broker.flushdb()  # this Redis database is the test's own: no message from an earlier run
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = False
    started = Workers(tmp_path)
    yield started
    started.kill_all()
    celery_app.conf.task_always_eager = previous
    broker.flushdb()


def wait_for(condition, what: str, timeout: float = WAIT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.25)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


def export_in(status: str, pk: int):
    return PdfExport.objects.filter(pk=pk, status=status).first()


def test_an_export_killed_mid_render_is_finished_once_by_a_restarted_worker(workers):
    charter, membership = charter_with_editor(title="Worker-loss charter")
    version = publish_version(charter, membership)
    slow = workers.start("slow", stall_seconds=60)

    # Queued after the commit; the slow worker takes it, marks it running, then sleeps.
    export = request_export(version, "charter", membership.user)
    running = wait_for(lambda: export_in("running", export.pk), "the first worker to start")
    assert running.attempts == 1

    workers.kill(slow)
    assert slow.returncode == -signal.SIGKILL
    export.refresh_from_db()
    assert export.status == PdfExport.Status.RUNNING  # nobody finished it; nobody acked it

    # Past the visibility timeout the broker hands the unacknowledged message out again.
    time.sleep(VISIBILITY_TIMEOUT + 1)
    workers.start("fresh")
    done = wait_for(lambda: export_in("done", export.pk), "the restarted worker to finish")

    assert done.attempts == 2  # the second worker took the running export over
    with done.file.open("rb") as handle:
        data = handle.read()
    assert data.startswith(b"%PDF-")
    files = list((Path(settings.MEDIA_ROOT) / "exports").rglob("*.pdf"))
    assert [path.name for path in files] == [Path(done.file.name).name]

    # A duplicate of the message now changes nothing: the finished export is never redone.
    celery_app.send_task(
        "charter.documents.tasks.render_pdf_export", args=[export.pk], task_id=done.task_id
    )
    wait_for(lambda: "skipped" in workers.log("fresh"), "the duplicate to be skipped", timeout=30)
    export.refresh_from_db()
    assert (export.attempts, export.finished_at, export.sha256) == (
        2,
        done.finished_at,
        done.sha256,
    )
