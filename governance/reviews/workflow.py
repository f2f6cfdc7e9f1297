"""Board review of a version: submission, votes, the decision by the approval rule, withdrawal.

Every step that can race (two votes at once, a vote and a withdrawal) locks the version row
first and then the review row, in one transaction, so there is one decision and no lost vote.
"""

from datetime import datetime

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from charter.errors import DomainError, NotAllowed, TransitionNotAllowed
from charter.mail import queue_email
from charter.models import AuditEvent, Charter, CharterVersion, Role, VersionStatus
from charter.people import person
from charter.registry import announce

from ..links import absolute_version_url
from ..models import (
    AdvisoryBoard,
    BoardSeat,
    OutsideReviewer,
    Review,
    ReviewComment,
    ReviewStatus,
    Vote,
    VoteDecision,
)
from ..tokens import link_for
from .reauth import is_fresh
from .rules import Outcome, Tally


def _name(user) -> str:
    return user.get_full_name() or user.get_username()


def _seat_key(user_id) -> str:
    return f"member:{user_id}"


def _outside_key(reviewer_id) -> str:
    return f"outside:{reviewer_id}"


def voting_seats(workspace, excluded_user_id=None):
    """Seats whose holders may vote: they still have the board role and did not submit."""
    seats = (
        BoardSeat.objects.held()
        .filter(board__workspace=workspace, membership__role=Role.BOARD)
        .select_related("membership__user__profile")
    )
    return seats.exclude(membership__user_id=excluded_user_id) if excluded_user_id else seats


def outside_voters(charter: Charter, review: Review | None = None):
    """Outside reviewers whose vote counts: allowed to vote, not revoked, and either
    still within their link's validity or already voted in this review."""
    reviewers = OutsideReviewer.objects.filter(
        charter=charter, may_vote=True, revoked_at__isnull=True
    )
    active = reviewers.filter(expires_at__gt=timezone.now())
    if review is None or review.pk is None:
        return active
    return (active | reviewers.filter(votes__review=review)).distinct()


def tally(review: Review, seats: list | None = None, votes: list | None = None) -> Tally:
    """Where the review's rule stands; ``seats`` (its voting seats) and ``votes`` when the
    caller has already read them."""
    version = review.version
    if seats is None:
        seats = list(voting_seats(version.charter.workspace, review.submitted_by_id))
    if votes is None:
        votes = list(review.votes.all()) if review.pk else []
    voters = {_seat_key(seat.membership.user_id) for seat in seats}
    if review.outside_reviewers_may_vote:
        voters |= {
            _outside_key(pk)
            for pk in outside_voters(version.charter, review).values_list("pk", flat=True)
        }
    chair = next((_seat_key(seat.membership.user_id) for seat in seats if seat.is_chair), None)
    approvals, rejections = set(), set()
    for vote in votes:
        key = (
            _outside_key(vote.outside_reviewer_id) if vote.is_outside else _seat_key(vote.voter_id)
        )
        (approvals if vote.decision == VoteDecision.APPROVE else rejections).add(key)
    return Tally(
        rule=review.approval_rule,
        chair_plus_count=review.chair_plus_count,
        voters=frozenset(voters),
        chair=chair,
        approvals=frozenset(approvals),
        rejections=frozenset(rejections),
    )


def open_review(version: CharterVersion) -> Review | None:
    return version.reviews.filter(status=ReviewStatus.OPEN).first()


def _lock(version: CharterVersion) -> tuple[CharterVersion, Review]:
    """Lock the version, then its open review (always in this order), inside a transaction."""
    version = (
        CharterVersion.objects.select_for_update()
        .select_related("charter__workspace")
        .get(pk=version.pk)
    )
    review = (
        Review.objects.select_for_update().filter(version=version, status=ReviewStatus.OPEN).first()
    )
    if review is None or version.status != VersionStatus.IN_REVIEW:
        raise TransitionNotAllowed(_("This version is not in review any more."))
    review.version = version
    return version, review


def submit_for_review(version: CharterVersion, by, membership) -> Review:
    """Put a draft version before the board and email every member who can vote on it."""
    with transaction.atomic():
        # The charter row serializes submissions: only one version of a charter is in review.
        Charter.objects.select_for_update().filter(pk=version.charter_id).first()
        version = CharterVersion.objects.select_for_update().get(pk=version.pk)
        board = AdvisoryBoard.for_workspace(version.charter.workspace)
        review = Review(
            version=version,
            submitted_by=by,
            approval_rule=board.approval_rule,
            chair_plus_count=board.chair_plus_count,
            outside_reviewers_may_vote=board.outside_reviewers_may_vote,
        )
        version.submit(by, membership)
        if not tally(review).can_still_pass:
            raise TransitionNotAllowed(
                _(
                    "The board cannot approve under its rule (%(rule)s): add voting seats, "
                    "name a chair, or change the rule on the board page first."
                )
                % {"rule": review.rule_description()}
            )
        review.save()
        AuditEvent.record(
            version.charter.workspace,
            by,
            "review.opened",
            review,
            changes={"version": version.number, "rule": review.rule_description()},
        )
        announce(
            "version.submitted",
            version.charter.workspace,
            {
                "charter_id": version.charter_id,
                "version_id": version.pk,
                "number": version.number,
                "by": _name(by),
            },
        )
    # Emails about a charter speak its language, whoever triggered them.
    with translation.override(version.charter.language):
        _email_board(review)
    return review


def cast_vote(
    version: CharterVersion,
    membership,
    decision: str,
    comment: str = "",
    reauthenticated_at: datetime | None = None,
) -> Outcome:
    """Record (or change) a board member's vote and decide the review if the rule is settled."""
    voter = membership.user
    if not membership.can("vote"):
        raise NotAllowed(_("Only board members can vote."))
    if not is_fresh(reauthenticated_at):
        raise NotAllowed(_("Confirm your password to vote."))
    _check_decision(decision)
    with transaction.atomic():
        version, review = _lock(version)
        if review.submitted_by_id == voter.pk:
            raise NotAllowed(
                _(
                    "You submitted this version, so you cannot vote on it. Your vote was not counted."
                )
            )
        seat = BoardSeat.objects.held().filter(membership=membership).first()
        if seat is None:
            raise NotAllowed(_("Only members with a seat on the advisory board can vote."))
        _record_vote(
            review,
            Vote(voter=voter, voter_title=seat.title, reauthenticated=True),
            decision,
            comment,
            name=seat.name,
            email=voter.email,
            audit={
                "reauthenticated": True,
                "reauthenticated_at": reauthenticated_at.isoformat(),
            },
        )
        return _decide(review, voter)


def cast_outside_vote(reviewer: OutsideReviewer, decision: str, comment: str = "") -> Outcome:
    """Record an outside reviewer's vote through their signed link."""
    _check_decision(decision)
    version = current_version_for(reviewer)
    if version is None:
        raise TransitionNotAllowed(_("No version of this charter is in review right now."))
    with transaction.atomic():
        version, review = _lock(version)
        if not (review.outside_reviewers_may_vote and reviewer.may_vote):
            raise NotAllowed(_("Your invitation lets you read and comment, not vote."))
        _record_vote(
            review,
            Vote(outside_reviewer=reviewer),
            decision,
            comment,
            name=reviewer.name,
            email=reviewer.email,
            audit={
                "reauthenticated": False,
                "via": "signed link",
                "outside_reviewer": {"name": reviewer.name, "email": reviewer.email},
            },
            actor_label=outside_label(reviewer),
        )
        return _decide(review, None, outside_label(reviewer))


def _record_vote(
    review: Review, ballot: Vote, decision: str, comment: str, *, name, email, audit, actor_label=""
) -> Vote:
    """Create the voter's vote in this review, or update it when they change their mind."""
    voter = (
        {"voter": ballot.voter} if ballot.voter else {"outside_reviewer": ballot.outside_reviewer}
    )
    vote = Vote.objects.filter(review=review, **voter).first()
    previous = vote.decision if vote else None
    if vote is None:
        vote = ballot
        vote.review = review
    vote.version = review.version
    vote.decision, vote.comment = decision, comment.strip()
    vote.voter_name, vote.voter_email = name, email
    vote.voter_title, vote.reauthenticated = ballot.voter_title, ballot.reauthenticated
    vote.save()
    AuditEvent.record(
        review.version.charter.workspace,
        ballot.voter,
        "review.vote_changed" if previous else "review.vote_cast",
        vote,
        changes={
            "version": review.version.number,
            "decision": [previous, decision] if previous else decision,
            **audit,
        },
        actor_label=actor_label,
    )
    return vote


def outside_label(reviewer: OutsideReviewer) -> str:
    return _("%(name)s <%(email)s> (outside reviewer)") % {
        "name": reviewer.name,
        "email": reviewer.email,
    }


def _check_decision(decision: str) -> None:
    if decision not in VoteDecision.values:
        raise DomainError(_("Choose approve or request changes."))


def _decide(review: Review, actor, actor_label: str = "") -> Outcome:
    """Apply the approval rule to the locked review; move the version once it is settled."""
    outcome = tally(review).outcome()
    if outcome == Outcome.PENDING:
        return outcome
    version = review.version
    if outcome == Outcome.APPROVED:
        version.approve(actor)
        review.status = ReviewStatus.APPROVED
    else:
        version.request_changes(actor)
        review.status = ReviewStatus.CHANGES_REQUESTED
    review.closed_at = timezone.now()
    review.save(update_fields=["status", "closed_at"])
    AuditEvent.record(
        version.charter.workspace,
        actor,
        "review.decided",
        review,
        changes={
            "decision": review.status,
            "version": version.number,
            "snapshot_sha256": version.snapshot_sha256,
            "rule": review.rule_description(),
            "votes": [
                {"voter": vote.voter_name, "decision": vote.decision} for vote in review.votes.all()
            ],
        },
        actor_label=actor_label,
    )
    announce(
        "review.decided",
        version.charter.workspace,
        {
            "charter_id": version.charter_id,
            "version_id": version.pk,
            "number": version.number,
            "decision": str(review.get_status_display()),
            "status": review.status,
        },
    )
    with translation.override(review.version.charter.language):
        _email_decision(review)
    return outcome


def withdraw(version: CharterVersion, by, membership) -> None:
    with transaction.atomic():
        version, review = _lock(version)
        version.withdraw(by, membership)
        review.status = ReviewStatus.WITHDRAWN
        review.closed_at = timezone.now()
        review.save(update_fields=["status", "closed_at"])
        AuditEvent.record(
            version.charter.workspace,
            by,
            "review.withdrawn",
            review,
            changes={"version": version.number},
        )


def reevaluate_open_reviews(workspace, by) -> None:
    """After a seat or an outside voter leaves, a pending review may be settled."""
    versions = CharterVersion.objects.filter(
        charter__workspace=workspace, status=VersionStatus.IN_REVIEW
    )
    for version in versions:
        with transaction.atomic():
            version, review = _lock(version)
            _decide(review, by)


def add_comment(version: CharterVersion, body: str, *, author=None, reviewer=None) -> ReviewComment:
    body = body.strip()
    if not body:
        raise DomainError(_("Write a comment first."))
    review = open_review(version)
    if review is None:
        raise TransitionNotAllowed(_("Comments are open while a version is in review."))
    name = reviewer.name if reviewer else person(author)
    with transaction.atomic():
        comment = ReviewComment.objects.create(
            review=review, author=author, outside_reviewer=reviewer, author_name=name, body=body
        )
        AuditEvent.record(
            version.charter.workspace,
            author,
            "review.commented",
            comment,
            changes={"version": version.number},
            actor_label=outside_label(reviewer) if reviewer else "",
        )
    return comment


def add_outside_comment(reviewer: OutsideReviewer, body: str) -> ReviewComment:
    version = current_version_for(reviewer)
    if version is None:
        raise TransitionNotAllowed(_("No version of this charter is in review right now."))
    return add_comment(version, body, reviewer=reviewer)


def current_version_for(reviewer: OutsideReviewer) -> CharterVersion | None:
    return reviewer.charter.versions.filter(status=VersionStatus.IN_REVIEW).first()


def _email_board(review: Review) -> None:
    """Ask every voting seat, and each outside reviewer through their own link, to review."""
    version = review.version
    submitter = person(review.submitted_by)
    subject = _("Please review %(charter)s v%(number)s") % {
        "charter": version.charter,
        "number": version.number,
    }

    def body(link: str, may_vote: bool = True) -> str:
        text = (
            _(
                "%(submitter)s submitted version %(number)s (%(label)s) of %(charter)s for the "
                "board's approval.\n\nRule: %(rule)s.\n\nRead it and vote: %(link)s"
            )
            if may_vote
            else _(
                "%(submitter)s submitted version %(number)s (%(label)s) of %(charter)s for the "
                "board's approval.\n\nRule: %(rule)s.\n\nYou are asked for your comments, "
                "without a vote. Read it and comment: %(link)s"
            )
        )
        return text % {
            "submitter": submitter,
            "number": version.number,
            "label": version.label,
            "charter": version.charter,
            "rule": review.rule_description(),
            "link": link,
        }

    # One message per seat: a shared To: header would show every member everyone's address.
    for seat in voting_seats(version.charter.workspace, review.submitted_by_id):
        queue_email(subject, body(absolute_version_url(version)), [seat.membership.user.email])
    active = OutsideReviewer.objects.filter(
        charter=version.charter, revoked_at__isnull=True, expires_at__gt=timezone.now()
    )
    for reviewer in active:
        queue_email(subject, body(link_for(reviewer), reviewer.may_vote), [reviewer.email])


def _email_decision(review: Review) -> None:
    version = review.version
    people = {review.submitted_by, version.author} - {None}
    queue_email(
        _("%(charter)s v%(number)s: %(status)s")
        % {
            "charter": version.charter,
            "number": version.number,
            "status": review.get_status_display(),
        },
        _("The board's decision on version %(number)s of %(charter)s: %(status)s.\n\n%(link)s")
        % {
            "number": version.number,
            "charter": version.charter,
            "status": review.get_status_display(),
            "link": absolute_version_url(version),
        },
        [person.email for person in people],
    )


def review_summary(review: Review, held_seats: list[BoardSeat] | None = None) -> dict:
    """Votes so far, who has yet to vote, and where the rule stands, for pages and PDFs;
    ``held_seats``, every held seat of the workspace with its holder's profile, when the
    caller has already read them."""
    votes = list(review.votes.select_related("outside_reviewer"))
    if held_seats is None:
        seats = list(voting_seats(review.version.charter.workspace, review.submitted_by_id))
    else:
        seats = [
            seat
            for seat in held_seats
            if seat.membership.role == Role.BOARD
            and seat.membership.user_id != review.submitted_by_id
        ]
    result = tally(review, seats, votes)
    names = {_seat_key(seat.membership.user_id): seat.name for seat in seats}
    if review.outside_reviewers_may_vote:
        names |= {
            _outside_key(reviewer.pk): reviewer.name
            for reviewer in outside_voters(review.version.charter, review)
        }
    return {
        "review": review,
        "votes": votes,
        "approvals": len(result.approvals),
        "rejections": len(result.rejections),
        "voters": len(result.voters),
        "pending": sorted(names[key] for key in result.pending if key in names),
        "outcome": result.outcome(),
    }
