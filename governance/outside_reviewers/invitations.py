"""Outside reviewers: invited to one charter's review, with no account, and revocable."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from charter.formatting import format_date
from charter.mail import queue_email
from charter.models import AuditEvent, Charter
from charter.people import person
from charter.throttle import Ceiling

from ..models import OutsideReviewer
from ..reviews.workflow import reevaluate_open_reviews
from ..tokens import link_for

# The review link needs no login, so its ceilings are per address: a reviewer reading,
# commenting and voting stays far below the first; a probe of made-up links meets the second.
LINK_REQUESTS_PER_ADDRESS = Ceiling("outside-link-requests", limit=120, seconds=10 * 60)
BAD_LINKS_PER_ADDRESS = Ceiling("outside-link-bad-tokens", limit=10, seconds=10 * 60)


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
    inviter = person(by)
    with translation.override(charter.language):
        _email_invitation(reviewer, inviter, may_vote)
    return reviewer


def _email_invitation(reviewer, inviter: str, may_vote: bool) -> None:
    charter = reviewer.charter
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
            "expires": format_date(reviewer.expires_at),
        },
        [reviewer.email],
    )


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
