"""A person's UI language lives on their profile and, while they are logged in, in their
session, so that applying it costs no query per request."""

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from charter.models import Profile

SESSION_KEY = "ui_language"
LANGUAGE_CODES = frozenset(code for code, _name in settings.LANGUAGES)


def remember_language(user, language: str) -> Profile:
    """Store ``language`` (one of ``settings.LANGUAGES``) as the user's choice."""
    if language not in LANGUAGE_CODES:
        raise ValueError(f"Not a UI language: {language!r}")
    profile, _created = Profile.objects.update_or_create(user=user, defaults={"language": language})
    return profile


def chosen_language(user) -> str:
    """The user's choice, or "" for none (the browser's Accept-Language then decides)."""
    try:
        return user.profile.language
    except Profile.DoesNotExist:
        return ""


@receiver(user_logged_in, dispatch_uid="charter.languages.apply_at_login")
def apply_at_login(sender, request, user, **kwargs):
    language = chosen_language(user)
    if language and request is not None and hasattr(request, "session"):
        request.session[SESSION_KEY] = language
