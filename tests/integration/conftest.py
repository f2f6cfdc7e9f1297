import fcntl
import hashlib
import os
import tempfile
from pathlib import Path

import pytest
import redis

from config.celery import app as celery_app
from tests.integration.workers import Workers


@pytest.fixture
def workers(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    url = os.environ["REDIS_URL"]
    # One test at a time owns this Redis database, even across xdist processes: a worker of
    # another test (another test database) would take this test's messages and skip them.
    name = hashlib.sha256(url.encode()).hexdigest()[:16]
    with open(Path(tempfile.gettempdir()) / f"charterboard-broker-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        broker = redis.Redis.from_url(url)
        broker.flushdb()  # this Redis database is the test's own: no message from an earlier run
        previous = celery_app.conf.task_always_eager
        celery_app.conf.task_always_eager = False
        started = Workers(tmp_path)
        yield started
        started.kill_all()
        celery_app.conf.task_always_eager = previous
        broker.flushdb()
