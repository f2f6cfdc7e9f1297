"""Context for the block governance adds to the charter overview."""

from charter.models import Charter, VersionStatus

from .links import version_url
from .meetings.minutes import next_meeting, open_action_items
from .models import AdvisoryBoard
from .reviews.workflow import open_review, review_summary


def charter_panel(request, charter: Charter) -> dict:
    """At a glance: the version in review with its votes, the next review, the next meeting
    and open action items. (The charter app's versions panel shows the approved version.)"""
    # Only the version's number and label are shown: its snapshot is left in the database.
    in_review = charter.versions.filter(status=VersionStatus.IN_REVIEW).defer("snapshot").first()
    review = in_review and open_review(in_review)
    return {
        "charter": charter,
        "board": AdvisoryBoard.objects.filter(workspace=charter.workspace).first(),
        "in_review": in_review,
        "in_review_url": in_review and version_url(in_review),
        "summary": review_summary(review) if review else None,
        "next_meeting": next_meeting(charter),
        "open_actions": list(open_action_items(charter).select_related("owner__user__profile")),
    }
