"""Health endpoints: ``/healthz`` for liveness, ``/readyz`` for a load balancer's readiness."""

import redis
from celery import current_app
from django.db import DatabaseError, connection
from django.http import HttpResponse
from redis.backoff import NoBackoff
from redis.retry import Retry

# Seconds each dependency may take to answer before readiness counts it as down.
CHECK_TIMEOUT = 2


def healthz(request):
    """The process answers; it checks nothing else, so an outage elsewhere never restarts it."""
    return HttpResponse("ok", content_type="text/plain")


def readyz(request):
    """200 when the database and the broker answer, else 503 naming what is down."""
    checks = {"database": _database_answers(), "broker": _broker_answers()}
    body = "\n".join(f"{name}: {'ok' if up else 'down'}" for name, up in checks.items())
    return HttpResponse(
        body + "\n", content_type="text/plain", status=200 if all(checks.values()) else 503
    )


def _database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return False
    return True


def _broker_answers() -> bool:
    url = str(current_app.conf.broker_url)
    try:
        if url.startswith(("redis://", "rediss://")):
            # Straight to Redis without the client's own reconnection retries, which take
            # seconds for a refused connection.
            client = redis.Redis.from_url(
                url,
                socket_connect_timeout=CHECK_TIMEOUT,
                socket_timeout=CHECK_TIMEOUT,
                retry=Retry(NoBackoff(), 0),
            )
            with client:
                client.ping()
        else:
            with current_app.connection_for_write() as broker:
                broker.ensure_connection(max_retries=1, timeout=CHECK_TIMEOUT)
    except Exception:  # noqa: BLE001  whatever the transport raises, the broker is not ready
        return False
    return True
