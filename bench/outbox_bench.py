"""Time what a request pays for queueing work while the broker is down, and /readyz.

Runs on a throwaway in-memory SQLite database with the broker at a closed loopback port
(``redis://127.0.0.1:1/0``), so it needs no services and leaves nothing behind:

    .venv/bin/python bench/outbox_bench.py [--messages 20] [--redis redis://127.0.0.1:6379/6]

With ``--redis`` (loopback only) it also times publishing and /readyz against a live broker.
"""

import argparse
import os
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIME_LIMIT_S = 120
UNREACHABLE = "redis://127.0.0.1:1/0"


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = "sqlite://:memory:"
    os.environ["CHARTERBOARD_VAR_DIR"] = tempfile.mkdtemp(prefix="outbox-bench-")
    os.environ["REDIS_URL"] = UNREACHABLE
    os.environ["CELERY_TASK_ALWAYS_EAGER"] = "0"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.db import connection

    connection.creation.create_test_db(verbosity=0, autoclobber=True)


def use_broker(url: str) -> None:
    from config.celery import app

    app.conf.broker_url = url
    app._pool = None
    app.amqp._producer_pool = None


def queue_times(count: int) -> list[float]:
    """Seconds each of ``count`` committed transactions took to write and offer one email."""
    from django.db import transaction

    from charter.mail import queue_email

    seconds = []
    for number in range(count):
        started = time.perf_counter()
        with transaction.atomic():
            queue_email(f"Bench {number}", "Body", ["bench@x.example"])
        seconds.append(time.perf_counter() - started)
    return seconds


def readyz_seconds() -> tuple[float, int]:
    from django.test import RequestFactory

    from config.health import readyz

    started = time.perf_counter()
    response = readyz(RequestFactory().get("/readyz"))
    return time.perf_counter() - started, response.status_code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=20)
    parser.add_argument("--redis", help="a live loopback Redis URL to compare with")
    options = parser.parse_args()
    if options.redis and not options.redis.startswith(("redis://127.0.0.1", "redis://localhost")):
        parser.error("--redis must be a loopback URL")
    signal.alarm(TIME_LIMIT_S)  # a benchmark must never hang a CI job
    setup_django()
    from charter.models import OutboxMessage

    down = queue_times(options.messages)
    print(f"broker down: first request {down[0]:.3f} s (refused publish), ", end="")
    print(f"then median {statistics.median(down[1:]):.4f} s (left to the relay)")
    ready_s, status = readyz_seconds()
    print(f"/readyz, broker down: {status} in {ready_s:.3f} s")
    if options.redis:
        use_broker(options.redis)
        up = queue_times(options.messages)
        print(f"broker up: median {statistics.median(up):.4f} s per queued email (published)")
        ready_s, status = readyz_seconds()
        print(f"/readyz, broker up: {status} in {ready_s:.3f} s")
        from charter.outbox import relay_pending

        started = time.perf_counter()
        sent = relay_pending()
        print(f"relay: {sent} waiting messages published in {time.perf_counter() - started:.3f} s")
        import redis

        redis.Redis.from_url(options.redis).delete("celery")  # the bench's own messages
    unsent = OutboxMessage.objects.filter(sent_at__isnull=True).count()
    print(f"messages={options.messages} unsent_at_end={unsent}")


if __name__ == "__main__":
    main()
