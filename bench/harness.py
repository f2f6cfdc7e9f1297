"""What the timing benchmarks share: production settings, and counting a request's queries."""

import os
import secrets


def production_environment(allowed_hosts: str = "127.0.0.1") -> None:
    """Production settings for this process and any server it starts (which share sessions).

    Set before Django is set up: debug off, a throwaway secret key, loopback as the host.
    """
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ["DJANGO_DEBUG"] = "0"
    os.environ.setdefault("DJANGO_SECRET_KEY", secrets.token_urlsafe(50))
    os.environ["DJANGO_ALLOWED_HOSTS"] = allowed_hosts
    # Loopback has no TLS; behind a proxy the redirect is its job anyway.
    os.environ["DJANGO_SECURE_SSL_REDIRECT"] = "0"
    os.environ.setdefault("LOG_LEVEL", "WARNING")


class QueryCounter(list):
    """A ``connection.execute_wrapper`` that keeps the SQL of every query it lets through."""

    def __call__(self, execute, sql, *rest):
        self.append(sql)
        return execute(sql, *rest)
