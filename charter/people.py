"""One way to show a person: the name they gave, else their account's name parts in the
order their script writes them, else the username."""

from django.utils.translation import gettext as _

from charter.models.profile import Profile, shown_name


def person(user, former: str | None = None) -> str:
    """A user's display name; a deleted account reads as a former member (or ``former``)."""
    if user is None or user == "":
        return _("a former member") if former is None else former
    return shown_name(user)


def save_display_name(user, display_name: str) -> Profile:
    profile, _created = Profile.objects.update_or_create(
        user=user, defaults={"display_name": display_name.strip()}
    )
    return profile
