"""Context for the blocks governance adds to the charter overview and to a version's page."""

from charter.models import Charter, CharterVersion, VersionStatus

from .forms import CommentForm, VoteForm
from .links import version_url
from .meetings import next_meeting, open_action_items
from .models import AdvisoryBoard, BoardSeat, Review
from .reauth import reauthenticated_at
from .review import open_review, review_summary


def charter_panel(request, charter: Charter) -> dict:
    """At a glance: the version in review with its votes, the next review, the next meeting
    and open action items. (The charter app's versions panel shows the approved version.)"""
    in_review = charter.versions.filter(status=VersionStatus.IN_REVIEW).first()
    review = in_review and open_review(in_review)
    return {
        "charter": charter,
        "board": AdvisoryBoard.objects.filter(workspace=charter.workspace).first(),
        "in_review": in_review,
        "in_review_url": in_review and version_url(in_review),
        "summary": review_summary(review) if review else None,
        "next_meeting": next_meeting(charter),
        "open_actions": list(open_action_items(charter).select_related("owner__user")),
    }


def review_panel(request, version: CharterVersion, vote_form=None, comment_form=None) -> dict:
    """The review block on a version's page: votes, the vote form, submit and withdraw."""
    membership = request.membership
    review: Review | None = version.reviews.first()
    is_open = review is not None and review.is_open
    seat = BoardSeat.objects.filter(membership=membership).first()
    is_submitter = is_open and review.submitted_by_id == request.user.pk
    may_vote = is_open and membership.can("vote") and seat is not None and not is_submitter
    existing = review.votes.filter(voter=request.user).first() if may_vote else None
    return {
        "version": version,
        "review": review,
        "summary": review_summary(review) if review else None,
        "can_comment": is_open and membership.can("comment"),
        "is_submitter": is_submitter and membership.can("vote"),
        "may_vote": may_vote,
        "my_vote": existing,
        "vote_form": vote_form
        or VoteForm(
            request=request,
            reauthenticated=reauthenticated_at(request) is not None,
            initial={"decision": existing.decision, "comment": existing.comment}
            if existing
            else None,
        ),
        "comment_form": comment_form or CommentForm(prefix="review-comment"),
        "can_invite": membership.can("manage"),
    }
