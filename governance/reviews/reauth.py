"""Re-authentication before a vote: the voter types their password again.

The time of the last confirmation lives in the session with the version it was typed for;
within a few minutes one confirmation covers the next votes on that version, as banks and
board portals do. A password typed for another version confirms nothing here.
"""

from datetime import datetime, timedelta

from django.utils import timezone

from charter.throttle import Ceiling

REAUTH_WINDOW = timedelta(minutes=5)
SESSION_KEY = "governance_reauthenticated_at"
# Its own ceiling, apart from the log-in's: a board member who mistypes here must not be
# locked out of logging in (docs/decisions.md, 13).
WRONG_PASSWORDS = Ceiling("vote-password-failures", limit=5, seconds=15 * 60)


class TooManyWrongPasswords(Exception):
    pass


def confirm_password(request, password: str, version_id: int) -> bool:
    """Whether the password is the signed-in user's; raises past the ceiling of wrong ones."""
    user = request.user
    if WRONG_PASSWORDS.is_reached(str(user.pk)):
        raise TooManyWrongPasswords
    if not user.check_password(password):
        WRONG_PASSWORDS.add(str(user.pk))
        return False
    request.session[SESSION_KEY] = {"at": timezone.now().isoformat(), "version": version_id}
    return True


def reauthenticated_at(request, version_id: int) -> datetime | None:
    """When the user last confirmed their password for this version, if recent enough to vote."""
    stored = request.session.get(SESSION_KEY)
    # A bare time was stored before confirmations named their version: it covers none.
    if not isinstance(stored, dict) or stored.get("version") != version_id:
        return None
    try:
        when = datetime.fromisoformat(stored.get("at") or "")
    except (TypeError, ValueError):
        return None
    return when if is_fresh(when) else None


def is_fresh(when: datetime | None) -> bool:
    return when is not None and timezone.now() - when <= REAUTH_WINDOW
