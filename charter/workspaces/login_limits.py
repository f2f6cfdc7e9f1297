"""Ceilings on guessing passwords and on password-reset and sign-up emails (see docs/decisions.md, 13).

django-axes already locks a username+address pair after a few failures. These add what it
cannot see: one address trying many usernames, and many addresses trying one account —
without handing an attacker a way to lock the account's owner out.
"""

from django.utils.translation import gettext as _

from charter.throttle import Ceiling

FAILURES_PER_ADDRESS = Ceiling("login-failures-address", limit=30, seconds=15 * 60)
FAILURES_PER_ACCOUNT = Ceiling("login-failures-account", limit=10, seconds=15 * 60)
RESETS_PER_EMAIL = Ceiling("password-reset-email", limit=3, seconds=60 * 60)
RESETS_PER_ADDRESS = Ceiling("password-reset-address", limit=10, seconds=60 * 60)
SIGNUPS_PER_EMAIL = Ceiling("signup-email", limit=3, seconds=60 * 60)
SIGNUPS_PER_ADDRESS = Ceiling("signup-address", limit=10, seconds=60 * 60)


def _account(username: str) -> str:
    return username.strip().casefold()


def attempted_login(request, credentials: dict | None) -> str:
    """The account a log-in attempt names, as django-axes counts it.

    allauth's form calls it ``login`` (a username or an email), and hands the backends
    ``username`` or ``email``; reading the form first keeps failures and the success that
    clears them under one key.
    """
    typed = getattr(request, "POST", {}).get("login") if request is not None else None
    if not typed and credentials:
        typed = credentials.get("username") or credentials.get("email")
    return _account(typed or "")


def login_refusal(address: str, username: str) -> tuple[str, int] | None:
    """Why a log-in attempt is refused before its password is checked, if it is.

    Past the account's ceiling only addresses with recent failures are refused: the owner
    logging in from a clean address still gets in, and each guess costs an attacker a
    fresh address.
    """
    if FAILURES_PER_ADDRESS.is_reached(address):
        return (
            _("Too many failed log-ins came from your network. Wait before trying again."),
            FAILURES_PER_ADDRESS.seconds_left(),
        )
    if FAILURES_PER_ACCOUNT.is_reached(_account(username)) and FAILURES_PER_ADDRESS.count(address):
        return (
            _(
                "This account had too many failed log-ins recently, some from your network. "
                "Wait before trying again, or reset your password."
            ),
            FAILURES_PER_ACCOUNT.seconds_left(),
        )
    return None


def record_login_failure(address: str, username: str) -> None:
    FAILURES_PER_ADDRESS.add(address)
    FAILURES_PER_ACCOUNT.add(_account(username))


def may_send_password_reset(address: str, email: str) -> bool:
    """Count a reset request; whether its email may go out (the page says the same anyway)."""
    within_address = RESETS_PER_ADDRESS.take(address)
    within_email = RESETS_PER_EMAIL.take(email.strip().casefold())
    return within_address and within_email


def may_send_signup_email(address: str, email: str) -> bool:
    """Count a sign-up; whether its email may go out (the page says the same anyway)."""
    within_address = SIGNUPS_PER_ADDRESS.take(address)
    within_email = SIGNUPS_PER_EMAIL.take(email.strip().casefold())
    return within_address and within_email
