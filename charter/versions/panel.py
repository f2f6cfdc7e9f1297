"""The versions block of the charter overview: what the board approved, and what moved since."""

from charter.models import VersionStatus
from charter.versions.publishing import draft_differs, draft_snapshot

RECENT_VERSIONS = 5


def versions_panel(request, charter) -> dict:
    recent = list(charter.versions.select_related("author")[:RECENT_VERSIONS])
    approved = charter.versions.approved().first()
    return {
        "charter": charter,
        "approved": approved,
        "in_review": next((v for v in recent if v.status == VersionStatus.IN_REVIEW), None),
        "recent": recent,
        # An approval belongs to one snapshot: any later edit shows up here, never in it.
        "draft_differs": approved is not None
        and draft_differs(draft_snapshot(request, charter), approved),
        "can_publish": request.membership.can("edit"),
    }
