"""Ceilings on repeated requests, counted in Django's cache.

With ``REDIS_URL`` set the cache is Redis, so every web process counts the same attempts
and an increment is atomic. A ceiling counts in fixed windows: the count starts again when
the window turns, which is the cool-off a refused caller waits for (at most one window).
Subjects (addresses, usernames, emails) are hashed into the key, never stored as written.
Without Redis the local file cache counts for one machine only, and its increment renews
the entry for the cache's default 5 minutes: good enough for development.
"""

import hashlib
import time
from dataclasses import dataclass

from django.core.cache import cache
from django.http import HttpResponse
from django.shortcuts import render


@dataclass(frozen=True)
class Ceiling:
    name: str
    limit: int
    seconds: int

    def _key(self, subject: str) -> str:
        digest = hashlib.sha256(str(subject).encode()).hexdigest()[:32]
        return f"throttle:{self.name}:{digest}:{int(time.time() // self.seconds)}"

    def count(self, subject: str) -> int:
        return cache.get(self._key(subject), 0)

    def is_reached(self, subject: str) -> bool:
        return self.count(subject) >= self.limit

    def add(self, subject: str) -> int:
        """Count one more attempt; the new count."""
        key = self._key(subject)
        # Twice the window, so a slow increment never lands on an expired key.
        if cache.add(key, 1, timeout=self.seconds * 2):
            return 1
        try:
            return cache.incr(key)
        except ValueError:
            cache.set(key, 1, timeout=self.seconds * 2)
            return 1

    def take(self, subject: str) -> bool:
        """Count one more attempt; whether it is still within the ceiling."""
        return self.add(subject) <= self.limit

    def seconds_left(self) -> int:
        return self.seconds - int(time.time()) % self.seconds


def client_address(request) -> str:
    """The caller's address as the web server saw it (the same one django-axes uses)."""
    return request.META.get("REMOTE_ADDR", "")


def too_many_requests(
    request, message: str, wait: int, partial: str = "charter/throttled_body.html", **context
) -> HttpResponse:
    """A readable 429 saying what was refused and how long to wait (``partial`` for htmx)."""
    htmx = getattr(request, "htmx", False)
    response = render(
        request,
        partial if htmx else "charter/throttled.html",
        {"message": message, "minutes": max(1, -(-wait // 60)), **context},
        status=429,
    )
    response["Retry-After"] = str(wait)
    return response
