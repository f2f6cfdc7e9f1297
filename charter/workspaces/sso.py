"""How django-allauth links single sign-on identities and checks second-factor codes."""

from allauth.account.models import EmailAddress
from allauth.mfa.base import forms as mfa_forms
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from charter.second_factor import TooManyWrongCodes, matching_authenticator


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def is_open_for_signup(self, request, sociallogin):
        """New accounts only for emails the provider vouches for: an unverified one could
        later be taken for its real owner's (see ``authenticate_by_email``)."""
        return any(address.verified for address in sociallogin.email_addresses)

    def authenticate_by_email(self, sociallogin):
        """The active account whose email the identity provider says it verified.

        Only emails verified on our side too: an account is active once its owner confirmed
        its email, and an address merely added to an account proves nothing. allauth's own
        lookup would also accept unverified addresses, letting someone who typed another
        person's email into their account receive that person's sign-ins.
        """
        for address in sociallogin.email_addresses:
            if not address.verified or not self.can_authenticate_by_email(
                sociallogin, address.email
            ):
                continue
            user = _active_account_with_verified(address.email)
            if user is not None:
                return user, address.email
        return None


def _active_account_with_verified(email: str):
    users = get_user_model().objects.filter(is_active=True)
    verified = EmailAddress.objects.filter(email__iexact=email, verified=True)
    return (
        users.filter(email__iexact=email).order_by("pk").first()
        or users.filter(pk__in=verified.values("user_id")).order_by("pk").first()
    )


class _CodeUnderOurCeiling:
    """allauth's code check, counted by our per-account ceiling instead of its rate limit
    (which settings turn off, since it would also lock out password log-ins)."""

    def clean_code(self):
        code = self.cleaned_data["code"]
        try:
            authenticator = matching_authenticator(self.user, code)
        except TooManyWrongCodes:
            raise forms.ValidationError(
                _("Too many wrong codes. Wait a few minutes before trying again."),
                code="throttled",
            ) from None
        if authenticator is None:
            raise forms.ValidationError(
                _("That code is not right. Type the current code from your authenticator app."),
                code="incorrect_code",
            )
        authenticator.user = self.user
        self.authenticator = authenticator
        return code


class AuthenticateForm(_CodeUnderOurCeiling, mfa_forms.AuthenticateForm):
    pass


class ReauthenticateForm(_CodeUnderOurCeiling, mfa_forms.ReauthenticateForm):
    pass
