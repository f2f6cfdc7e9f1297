"""Outside reviewers: a signed, expiring link to one charter's review, with no account."""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from charter.mail import queue_email
from charter.models import AuditEvent, Charter

from .models import OutsideReviewer
from .review import reevaluate_open_reviews

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


def invite(
    charter: Charter, by, *, name: str, email: str, may_vote: bool, days: int
) -> OutsideReviewer:
    with transaction.atomic():
        reviewer = OutsideReviewer.objects.create(
            charter=charter,
            name=name.strip(),
            email=email.strip().lower(),
            may_vote=may_vote,
            invited_by=by,
            expires_at=timezone.now() + timedelta(days=days),
        )
        AuditEvent.record(
            charter.workspace,
            by,
            "outside_reviewer.invited",
            reviewer,
            changes={
                "name": reviewer.name,
                "email": reviewer.email,
                "may_vote": may_vote,
                "days": days,
            },
        )
    inviter = by.get_full_name() or by.get_username()
    queue_email(
        _("%(inviter)s asks for your review of %(charter)s")
        % {"inviter": inviter, "charter": charter},
        _(
            "%(inviter)s invited you to review %(charter)s. You need no account: the link below "
            "shows the version in review and lets you comment%(vote)s.\n\n%(link)s\n\n"
            "The link is personal and works until %(expires)s."
        )
        % {
            "inviter": inviter,
            "charter": charter,
            "vote": _(" and vote") if may_vote else "",
            "link": link_for(reviewer),
            "expires": f"{timezone.localtime(reviewer.expires_at):%Y-%m-%d}",
        },
        [reviewer.email],
    )
    return reviewer


def revoke(reviewer: OutsideReviewer, by) -> None:
    with transaction.atomic():
        locked = OutsideReviewer.objects.select_for_update().get(pk=reviewer.pk)
        if locked.revoked_at is not None:
            return
        locked.revoked_at = timezone.now()
        locked.save(update_fields=["revoked_at"])
        AuditEvent.record(
            reviewer.charter.workspace,
            by,
            "outside_reviewer.revoked",
            locked,
            changes={"name": locked.name, "email": locked.email},
        )
        if locked.may_vote:
            reevaluate_open_reviews(reviewer.charter.workspace, by)
    reviewer.revoked_at = locked.revoked_at
