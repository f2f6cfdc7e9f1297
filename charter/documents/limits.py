"""Ceilings on what documents cost the server: PDF renders queued and PDFs checked."""

from django.utils.translation import gettext as _

from charter.throttle import Ceiling

VERIFY_CHECKS_PER_USER = Ceiling("pdf-verify-user", limit=30, seconds=10 * 60)


def verify_refusal(user) -> tuple[str, Ceiling] | None:
    """Count one check (a hash or an upload to hash); why it is refused, if it is."""
    if VERIFY_CHECKS_PER_USER.take(str(user.pk)):
        return None
    return _("You checked many documents in a short time."), VERIFY_CHECKS_PER_USER
