"""Ceilings counted in the cache: a window's count, refusal past the limit, shared processes."""

import os
import subprocess
import sys
import uuid

import pytest

from charter.throttle import Ceiling


def test_a_ceiling_admits_its_limit_then_refuses_and_counts_each_subject_apart():
    ceiling = Ceiling("test", limit=3, seconds=600)

    admitted = [ceiling.take("203.0.113.1") for _ in range(5)]

    assert admitted == [True, True, True, False, False]
    assert ceiling.is_reached("203.0.113.1")
    assert ceiling.count("203.0.113.2") == 0 and ceiling.take("203.0.113.2")
    assert 0 < ceiling.seconds_left() <= 600


@pytest.mark.redis
def test_attempts_counted_by_another_process_count_here_on_redis(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }
    name = f"test-{uuid.uuid4().hex}"
    ceiling = Ceiling(name, limit=5, seconds=86400)
    other_process = (
        "import django; django.setup(); from charter.throttle import Ceiling; "
        f"[Ceiling({name!r}, limit=5, seconds=86400).add('x') for _ in range(4)]"
    )

    subprocess.run(
        [sys.executable, "-c", other_process],
        check=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings"},
    )

    assert ceiling.take("x") and not ceiling.take("x")
