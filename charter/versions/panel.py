"""The versions block of the charter overview: what the board approved, and what moved since."""

from charter.models import VersionStatus
from charter.versions.live import live_snapshot
from charter.versions.publishing import live_differs

RECENT_VERSIONS = 5


def versions_panel(request, charter) -> dict:
    recent = list(charter.versions.select_related("author__profile")[:RECENT_VERSIONS])
    approved = charter.versions.approved().first()
    return {
        "charter": charter,
        "approved": approved,
        "in_review": next((v for v in recent if v.status == VersionStatus.IN_REVIEW), None),
        "recent": recent,
        # An approval belongs to one snapshot: any later edit shows up here, never in it.
        "live_differs": approved is not None
        and live_differs(live_snapshot(request, charter), approved),
        "can_publish": request.membership.can("edit"),
    }
