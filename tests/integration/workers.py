"""Real Celery worker processes for the integration tests, always killed afterwards."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.db import connection

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

    def start(
        self,
        name: str,
        stall_seconds: float = 0,
        queues: tuple[str, ...] = (),
        pool: str = "solo",
        **extra_env: str,
    ) -> subprocess.Popen:
        env = {
            **os.environ,
            "DATABASE_URL": database_url(),
            "DATABASE_CONN_MAX_AGE": "0",
            "MEDIA_ROOT": str(settings.MEDIA_ROOT),
            "CHARTERBOARD_VAR_DIR": str(self.tmp_path / "var"),
            "CELERY_VISIBILITY_TIMEOUT": str(VISIBILITY_TIMEOUT),
            "CELERY_TASK_ALWAYS_EAGER": "0",
            **extra_env,
        }
        command = [sys.executable, "-m", "celery"]
        if stall_seconds:
            command = [sys.executable, "-m", "tests.integration.slow_worker", str(stall_seconds)]
        command += ["-A", "config", "worker", "-P", pool]
        command += ["-Q", ",".join(queues or settings.WORKER_QUEUES)]
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


def wait_for(condition, what: str, timeout: float = WAIT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.25)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")
