"""Authenticator-app codes computed from the secret, as the phone app would."""

import time

from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value

PERIOD = 30


def code_for(secret: str, steps_ahead: int = 0) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // PERIOD + steps_ahead))


def wrong_code_for(secret: str) -> str:
    right = int(code_for(secret))
    return format_hotp_value((right + 1) % 1_000_000)


def give_authenticator_app(user) -> str:
    """Set up an authenticator app (and its recovery codes) for ``user``; its secret."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    RecoveryCodes.activate(user)
    return secret
