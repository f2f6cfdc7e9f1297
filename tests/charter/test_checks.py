"""The app warns when it reaches PostgreSQL as a superuser, who can switch triggers off."""

import uuid

import pytest
from django.core.checks import run_checks
from django.db import connection

from charter.checks import SUPERUSER


def database_warnings():
    return [message.id for message in run_checks(databases=["default"], tags=["database"])]


@pytest.mark.postgres
@pytest.mark.django_db
def test_a_superuser_connection_is_warned_about():
    # The tests reach PostgreSQL as the superuser that creates their databases.
    with connection.cursor() as cursor:
        cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        assert cursor.fetchone() == (True,)
    assert SUPERUSER in database_warnings()


@pytest.mark.postgres
@pytest.mark.django_db
def test_a_role_without_superuser_passes_the_check():
    role = f"charterboard_check_{uuid.uuid4().hex[:12]}"  # roles are shared by the cluster
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE ROLE {role} NOSUPERUSER")  # rolled back with the test
        cursor.execute(f"SET ROLE {role}")
        try:
            assert SUPERUSER not in database_warnings()
        finally:
            cursor.execute("RESET ROLE")


@pytest.mark.django_db
def test_sqlite_has_no_roles_to_warn_about():
    if connection.vendor != "sqlite":
        pytest.skip("about SQLite")
    assert SUPERUSER not in database_warnings()
