"""The signed, expiring link that lets an outside reviewer in without an account."""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse

from .models import OutsideReviewer

SALT = "governance.outside-review"
# However the invite was made, no link outlives this: a stolen old link is useless.
LONGEST_LINK_DAYS = 60


def _signer() -> signing.TimestampSigner:
    return signing.TimestampSigner(salt=SALT)


def token_for(reviewer: OutsideReviewer) -> str:
    return _signer().sign(f"{reviewer.pk}.{reviewer.nonce}")


def link_for(reviewer: OutsideReviewer) -> str:
    return settings.SITE_URL + reverse("outside_review:review", args=[token_for(reviewer)])


def reviewer_from_token(token: str) -> OutsideReviewer | None:
    """The reviewer a link belongs to, or None for a tampered, expired or revoked link."""
    try:
        value = _signer().unsign(token, max_age=timedelta(days=LONGEST_LINK_DAYS))
    except signing.BadSignature:
        return None
    pk, _dot, nonce = value.partition(".")
    if not pk.isdigit():
        return None
    reviewer = (
        OutsideReviewer.objects.select_related("charter__workspace")
        .filter(pk=int(pk), nonce=nonce)
        .first()
    )
    return reviewer if reviewer is not None and reviewer.is_active else None
