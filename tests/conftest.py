import os

import pytest

from config.celery import app as celery_app
from tests.brokers import UnreachableBroker

REQUIRE_SERVICES = os.environ.get("CHARTERBOARD_REQUIRE_SERVICES") == "1"


def pytest_collection_modifyitems(config, items):
    """Skip PostgreSQL and Redis tests when those services are not configured.

    CI sets CHARTERBOARD_REQUIRE_SERVICES=1: there a missing service fails instead of skipping.
    """
    from django.db import connection

    missing = {}
    if connection.vendor != "postgresql":
        missing["postgres"] = "needs PostgreSQL: set DATABASE_URL=postgres://…"
    if not os.environ.get("REDIS_URL"):
        missing["redis"] = "needs Redis: set REDIS_URL=redis://…"
    if REQUIRE_SERVICES and missing:
        raise pytest.UsageError("CI requires the real services: " + "; ".join(missing.values()))
    for item in items:
        for marker, reason in missing.items():
            if marker in item.keywords:
                item.add_marker(pytest.mark.skip(reason=reason))


def _flush_past_the_guard_triggers(execute_sql_flush):
    """Let transactional tests empty the database between tests.

    The guard triggers (charter 0010, governance 0003) refuse to delete approved versions,
    closed votes and audit events, which is what flushing does. PostgreSQL skips user triggers
    for a superuser in replica mode; SQLite cannot disable them, so they are dropped and put
    back inside the flush's transaction.
    """

    def flush(self, sql_list):
        if self.connection.vendor == "postgresql":
            sql_list = [
                "SET LOCAL session_replication_role = replica",
                *sql_list,
                "SET LOCAL session_replication_role = DEFAULT",
            ]
        elif self.connection.vendor == "sqlite":
            with self.connection.cursor() as cursor:
                cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
                triggers = cursor.fetchall()
            sql_list = [
                *(f'DROP TRIGGER "{name}"' for name, _ in triggers),
                *sql_list,
                *(sql for _, sql in triggers),
            ]
        return execute_sql_flush(self, sql_list)

    return flush


@pytest.fixture(autouse=True, scope="session")
def flush_past_the_guard_triggers():
    from django.db.backends.base.operations import BaseDatabaseOperations

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            BaseDatabaseOperations,
            "execute_sql_flush",
            _flush_past_the_guard_triggers(BaseDatabaseOperations.execute_sql_flush),
        )
        yield


@pytest.fixture(autouse=True)
def fast_and_eager(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # The suite runs one process per core: a render here keeps to its one (the tests of the
    # halves, and the prefork worker's, turn the second process on).
    settings.PDF_RENDER_PROCESSES = 1
    # Unit tests run tasks in process; tests/integration starts a real worker on Redis.
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous


@pytest.fixture(autouse=True)
def own_cache(settings, request):
    """Each test counts its own throttled attempts, whatever ran before or beside it."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": request.node.nodeid,
        }
    }


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def member_client(client):
    """A logged-in client for a user with a role in a fresh workspace: member_client(role)."""
    from tests.factories import MembershipFactory

    def make(role="owner", workspace=None):
        membership = MembershipFactory(role=role, **({"workspace": workspace} if workspace else {}))
        client.force_login(membership.user)
        client.membership = membership
        return client

    return make


@pytest.fixture
def broker_down():
    broker = UnreachableBroker()
    yield broker
    broker.restore()


@pytest.fixture(scope="session")
def s3_server():
    """moto in server mode on a free loopback port, for the whole session."""
    from tests.s3server import S3Server

    server = S3Server().start()
    yield server
    server.stop()


@pytest.fixture
def s3_bucket(s3_server, settings):
    """A fresh bucket that the default storage writes to for this test; its name."""
    bucket = s3_server.new_bucket()
    settings.STORAGES = s3_server.storages(bucket)
    return bucket
