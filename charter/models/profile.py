import unicodedata

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def _is_cjk(text: str) -> bool:
    return bool(text) and all(
        unicodedata.name(char, "").startswith(("CJK", "HANGUL", "HIRAGANA", "KATAKANA"))
        for char in text
        if not char.isspace()
    )


def name_from_parts(first_name: str, last_name: str) -> str:
    """How a person writes their name: 王芳 (family name first, no space) when both parts
    are CJK, ``Ivan Petrov`` otherwise."""
    first, last = first_name.strip(), last_name.strip()
    if _is_cjk(first) and _is_cjk(last):
        return f"{last}{first}"
    return " ".join(part for part in (first, last) if part)


class Profile(models.Model):
    """What a person chooses for themselves: the name others see and the UI language."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    display_name = models.CharField(
        _("your name"),
        max_length=150,
        blank=True,
        help_text=_("As you write it, e.g. “王芳” or “Ivan Petrov”."),
    )
    language = models.CharField(
        _("language"), max_length=10, blank=True, choices=settings.LANGUAGES
    )

    def __str__(self):
        return self.display_name or str(self.user)


def shown_name(user) -> str:
    """The name a user gave, else their name parts in their script's order, else the username.

    Here rather than in ``charter.people`` so that the models (the audit trail) can use it.
    """
    try:
        chosen = user.profile.display_name
    except Profile.DoesNotExist:
        chosen = ""
    return (
        chosen
        or name_from_parts(user.first_name or "", user.last_name or "")
        or user.get_username()
    )
