"""System checks about how the app reaches its database."""

from django.core.checks import Warning
from django.db import connections

SUPERUSER = "charter.W001"


def database_role_is_not_superuser(app_configs=None, databases=None, **kwargs) -> list[Warning]:
    """A superuser can switch off the triggers that keep the approval record unchanged."""
    warnings = []
    for alias in databases or []:
        connection = connections[alias]
        if connection.vendor != "postgresql":
            continue
        with connection.cursor() as cursor:
            cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
            (is_superuser,) = cursor.fetchone()
        if is_superuser:
            warnings.append(
                Warning(
                    f"Database {alias!r} is reached as a PostgreSQL superuser, which can switch "
                    "off the triggers that guard approved versions, votes and the audit trail.",
                    hint="Connect as a role that owns the database but is not a superuser "
                    "(README, Database role).",
                    id=SUPERUSER,
                )
            )
    return warnings
