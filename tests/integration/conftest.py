import os

import pytest
import redis

from config.celery import app as celery_app
from tests.integration.workers import Workers


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
