"""The versions block of the charter overview: what the board approved, and what moved since."""

from charter.models import VersionStatus
from charter.versions.live import live_content_hash
from charter.versions.publishing import live_differs

RECENT_VERSIONS = 5


def versions_panel(request, charter) -> dict:
    # Only metadata is shown: the snapshots are large JSON that would be decoded for nothing.
    recent = list(charter.versions.defer("snapshot")[:RECENT_VERSIONS])
    approved = charter.versions.approved().defer("snapshot").first()
    return {
        "charter": charter,
        "approved": approved,
        "in_review": next((v for v in recent if v.status == VersionStatus.IN_REVIEW), None),
        "recent": recent,
        # An approval belongs to one snapshot: any later edit shows up here, never in it.
        "live_differs": approved is not None
        and live_differs(live_content_hash(request, charter), approved),
        "can_publish": request.membership.can("edit"),
    }
