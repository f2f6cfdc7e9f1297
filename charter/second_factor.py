"""Second factors (allauth.mfa authenticators) as the workspace rules and votes see them."""

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled

from charter.throttle import Ceiling

# Recovery codes stand in for a lost phone; allauth only makes them beside a real factor.
CODE_TYPES = (Authenticator.Type.TOTP, Authenticator.Type.RECOVERY_CODES)
# One ceiling per account for every place that asks for a code (log-in, confirming a
# sensitive change, a vote): a six-digit code must not be guessable by spreading the tries.
WRONG_CODES = Ceiling("second-factor-failures", limit=5, seconds=15 * 60)


class TooManyWrongCodes(Exception):
    pass


def has_second_factor(user) -> bool:
    return is_mfa_enabled(user, types=[Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN])


def has_code_factor(user) -> bool:
    """Whether the user can type a code: an authenticator app, or recovery codes beside a key."""
    return Authenticator.objects.filter(user=user, type__in=CODE_TYPES).exists()


def matching_authenticator(user, code: str) -> Authenticator | None:
    """The authenticator that accepts ``code`` (an app code or an unused recovery code).

    Raises past the ceiling of wrong codes. An accepted code is spent: allauth remembers
    used app codes for their period and crosses off recovery codes.
    """
    if WRONG_CODES.is_reached(str(user.pk)):
        raise TooManyWrongCodes
    code = code.strip().replace(" ", "")
    if code:
        for authenticator in Authenticator.objects.filter(user=user, type__in=CODE_TYPES):
            if authenticator.wrap().validate_code(code):
                return authenticator
    WRONG_CODES.add(str(user.pk))
    return None
