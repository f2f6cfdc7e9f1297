"""Context for the review block governance adds to a version's page."""

from charter.models import CharterVersion

from ..models import BoardSeat, Review
from .forms import CommentForm, VoteForm
from .reauth import reauthenticated_at
from .receipts import version_receipts
from .workflow import review_summary


def review_panel(request, version: CharterVersion, vote_form=None, comment_form=None) -> dict:
    """The review block on a version's page: votes, the vote form, submit and withdraw."""
    membership = request.membership
    review: Review | None = version.reviews.select_related("submitted_by__profile").first()
    is_open = review is not None and review.is_open
    # The votes, the vote form and the read receipts all need the held seats: read once.
    held_seats = list(
        BoardSeat.objects.held()
        .filter(board__workspace=version.charter.workspace)
        .select_related("membership__user__profile")
    )
    seat = next((seat for seat in held_seats if seat.membership_id == membership.pk), None)
    is_submitter = is_open and review.submitted_by_id == request.user.pk
    may_vote = is_open and membership.can("vote") and seat is not None and not is_submitter
    existing = review.votes.filter(voter=request.user).first() if may_vote else None
    return {
        "version": version,
        "review": review,
        "summary": review_summary(review, held_seats) if review else None,
        "can_comment": is_open and membership.can("comment"),
        "is_submitter": is_submitter and membership.can("vote"),
        "may_vote": may_vote,
        "my_vote": existing,
        "vote_form": vote_form
        or VoteForm(
            request=request,
            version_id=version.pk,
            reauthenticated=reauthenticated_at(request, version.pk) is not None,
            initial={"decision": existing.decision, "comment": existing.comment}
            if existing
            else None,
        ),
        "comment_form": comment_form or CommentForm(prefix="review-comment"),
        "can_invite": membership.can("manage"),
        "receipts": version_receipts(version, held_seats, review) if is_open else None,
    }
