"""The board's reviews in the REST API, read only: votes are cast by people, not programs."""

from datetime import datetime

from ninja import Router, Schema

from charter.access import get_in_workspace, scoped
from charter.api import auth
from charter.api.ids import Id
from charter.api.schemas import REFUSALS
from charter.models import CharterVersion

from .models import Review

router = Router(tags=["reviews"])


class VoteOut(Schema):
    voter_name: str
    voter_title: str
    decision: str
    decision_label: str
    comment: str
    created_at: datetime

    @staticmethod
    def resolve_decision_label(vote) -> str:
        return str(vote.get_decision_display())


class ReviewOut(Schema):
    id: int
    version_id: int
    status: str
    status_label: str
    approval_rule: str
    submitted_at: datetime
    closed_at: datetime | None
    votes: list[VoteOut]

    @staticmethod
    def resolve_status_label(review) -> str:
        return str(review.get_status_display())

    @staticmethod
    def resolve_approval_rule(review) -> str:
        return str(review.rule_description())

    @staticmethod
    def resolve_votes(review):
        return sorted(review.votes.all(), key=lambda vote: (vote.created_at, vote.pk))


def _reviews(request):
    return scoped(request, Review).prefetch_related("votes")


@router.get(
    "/versions/{version_id}/reviews", response={200: list[ReviewOut], **REFUSALS}, auth=auth.READ
)
def version_reviews(request, version_id: Id):
    version = get_in_workspace(request, CharterVersion, pk=version_id)
    return _reviews(request).filter(version=version).order_by("submitted_at", "pk")


@router.get("/reviews/{review_id}", response={200: ReviewOut, **REFUSALS}, auth=auth.READ)
def review(request, review_id: Id):
    return get_in_workspace(request, _reviews(request), pk=review_id)
