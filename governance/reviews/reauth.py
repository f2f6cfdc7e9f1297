"""Re-authentication before a vote: the voter types their password again.

The time of the last confirmation lives in the session; within a few minutes one
confirmation covers the next votes, as banks and board portals do.
"""

from datetime import datetime, timedelta

from django.contrib.auth import authenticate
from django.utils import timezone

REAUTH_WINDOW = timedelta(minutes=5)
SESSION_KEY = "governance_reauthenticated_at"


def confirm_password(request, password: str) -> bool:
    # authenticate() goes through django-axes, so guessing here counts toward the lockout.
    user = authenticate(request, username=request.user.get_username(), password=password)
    if user is None or user.pk != request.user.pk:
        return False
    request.session[SESSION_KEY] = timezone.now().isoformat()
    return True


def reauthenticated_at(request) -> datetime | None:
    """When the user last confirmed their password, if that is recent enough to vote."""
    stored = request.session.get(SESSION_KEY)
    if not stored:
        return None
    try:
        when = datetime.fromisoformat(stored)
    except ValueError:
        return None
    return when if is_fresh(when) else None


def is_fresh(when: datetime | None) -> bool:
    return when is not None and timezone.now() - when <= REAUTH_WINDOW
