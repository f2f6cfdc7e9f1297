"""Re-authentication before a vote: the voter types their password again, and a code from
their authenticator app when they have one.

The time of the last confirmation lives in the session with the version it was typed for;
within a few minutes one confirmation covers the next votes on that version, as banks and
board portals do. A password typed for another version confirms nothing here, and neither
does a password alone once the voter has a second factor (a workspace that requires two-factor
authentication sends its board members to set one up before they can reach a vote).
"""

from datetime import datetime, timedelta

from django.utils import timezone

from charter.second_factor import has_code_factor, matching_authenticator
from charter.throttle import Ceiling

REAUTH_WINDOW = timedelta(minutes=5)
SESSION_KEY = "governance_reauthenticated_at"
# Its own ceiling, apart from the log-in's: a board member who mistypes here must not be
# locked out of logging in (docs/decisions.md, 13).
WRONG_PASSWORDS = Ceiling("vote-password-failures", limit=5, seconds=15 * 60)


class TooManyWrongPasswords(Exception):
    pass


def asks_for_code(user) -> bool:
    """Whether a vote needs a code from this user's authenticator app (or a recovery code)."""
    return has_code_factor(user)


def password_is_right(request, password: str) -> bool:
    """Whether the password is the signed-in user's; raises past the ceiling of wrong ones."""
    user = request.user
    if WRONG_PASSWORDS.is_reached(str(user.pk)):
        raise TooManyWrongPasswords
    if not user.check_password(password):
        WRONG_PASSWORDS.add(str(user.pk))
        return False
    return True


def code_is_right(request, code: str) -> bool:
    """Whether the code is a current one of the user's; raises past the ceiling of wrong ones."""
    return matching_authenticator(request.user, code) is not None


def record_confirmation(request, version_id: int, with_code: bool) -> None:
    request.session[SESSION_KEY] = {
        "at": timezone.now().isoformat(),
        "version": version_id,
        "second_factor": with_code,
    }


def reauthenticated_at(request, version_id: int) -> datetime | None:
    """When the user last confirmed who they are for this version, if recent enough to vote."""
    stored = request.session.get(SESSION_KEY)
    # A bare time was stored before confirmations named their version: it covers none.
    if not isinstance(stored, dict) or stored.get("version") != version_id:
        return None
    # A password confirmed before the voter added a second factor no longer suffices.
    if not stored.get("second_factor") and asks_for_code(request.user):
        return None
    try:
        when = datetime.fromisoformat(stored.get("at") or "")
    except (TypeError, ValueError):
        return None
    return when if is_fresh(when) else None


def is_fresh(when: datetime | None) -> bool:
    return when is not None and timezone.now() - when <= REAUTH_WINDOW
