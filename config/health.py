"""Health endpoints: ``/healthz`` for liveness, ``/readyz`` for a load balancer's readiness."""

from django.db import DatabaseError, connection
from django.http import HttpResponse

from charter import outbox


def healthz(request):
    """The process answers; it checks nothing else, so an outage elsewhere never restarts it."""
    return HttpResponse("ok", content_type="text/plain")


def readyz(request):
    """200 when the database and the broker answer, else 503 naming what is down."""
    checks = {"database": _database_answers(), "broker": outbox.broker_answers()}
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
