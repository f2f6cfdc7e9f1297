"""Signing up without telling anyone which emails have accounts.

Every sign-up answers "check your inbox". A new address gets a link that confirms it and
opens the account; an address that already has an account gets an email saying so (with the
way to log in or reset the password), and nothing is created. So the page never reveals an
account, and an account's email is one its owner has read mail at.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlencode, urlsafe_base64_decode, urlsafe_base64_encode
from django.utils.translation import gettext as _

from charter.errors import DomainError
from charter.mail import queue_email


class SignupTokenGenerator(PasswordResetTokenGenerator):
    """Valid until the account is confirmed (or its password changes), for the reset timeout."""

    key_salt = "charter.workspaces.signup.SignupTokenGenerator"

    def _make_hash_value(self, user, timestamp):
        return f"{super()._make_hash_value(user, timestamp)}{user.is_active}"


signup_tokens = SignupTokenGenerator()


def _active_account_with(email: str):
    return get_user_model().objects.filter(email__iexact=email, is_active=True).first()


def register(form, next_path: str = "") -> None:
    """Create an unconfirmed account and email its link, or tell the address's account."""
    email = form.cleaned_data["email"]
    existing = _active_account_with(email)
    if existing is not None:
        # Hash anyway, so that both answers take the same time.
        make_password(form.cleaned_data["password1"])
        _email_existing_account(existing)
        return
    with transaction.atomic():
        user = form.save(commit=False)
        user.is_active = False
        user.save()
        form.save_profile(user)
        _email_confirmation(user, next_path)


def _email_confirmation(user, next_path: str) -> None:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    link = settings.SITE_URL + reverse(
        "charter:signup-confirm", args=[uid, signup_tokens.make_token(user)]
    )
    if next_path:
        link += "?" + urlencode({"next": next_path})
    queue_email(
        _("Confirm your Charterboard account"),
        _(
            "Someone, probably you, signed up for Charterboard as %(username)s with this "
            "address.\n\nConfirm it and log in: %(link)s\n\nIf it was not you, ignore this "
            "email: nothing happens without the link."
        )
        % {"username": user.get_username(), "link": link},
        [user.email],
    )


def _email_existing_account(user) -> None:
    queue_email(
        _("You already have a Charterboard account"),
        _(
            "Someone, probably you, tried to sign up for Charterboard with this address, "
            "which already has an account (%(username)s).\n\nLog in: %(login)s\nForgot "
            "the password? Reset it: %(reset)s\n\nIf it was not you, ignore this email."
        )
        % {
            "username": user.get_username(),
            "login": settings.SITE_URL + reverse("login"),
            "reset": settings.SITE_URL + reverse("password_reset"),
        },
        [user.email],
    )


def account_to_confirm(uidb64: str, token: str):
    """The unconfirmed account the link names, or None when the link is not (or no longer) good."""
    try:
        pk = urlsafe_base64_decode(uidb64).decode()
        user = get_user_model().objects.get(pk=pk, is_active=False)
    except (ValueError, OverflowError, get_user_model().DoesNotExist):
        return None
    return user if signup_tokens.check_token(user, token) else None


def confirm(user) -> None:
    if _active_account_with(user.email) is not None:
        raise DomainError(_("This address already has an account. Log in, or reset its password."))
    user.is_active = True
    user.save(update_fields=["is_active"])
