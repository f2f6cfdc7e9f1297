"""The board pack's own chapters, registered as document parts beside governance's.

Governance adds the meeting agenda (order 10) and the open action items (order 50), the
roadmap its progress (order 30); these read the core sections of the version's snapshot:
results against the charter, and the changes since the last approved version.
"""

from collections import Counter

from charter.models import CharterVersion, VersionStatus
from charter.versions.diff import diff_snapshots

BOARD_PACK = "board_pack"
# The order a reader scans a status summary in: what needs attention first.
METRIC_STATUSES = ["off_track", "at_risk", "on_track", "no_data", "no_target"]


def _rank(order: list[str], status: str) -> int:
    return order.index(status) if status in order else len(order)


def _section(version: CharterVersion, key: str) -> dict | None:
    return version.snapshot.get("sections", {}).get(key)


def results_against_charter(version: CharterVersion, params: dict) -> dict | None:
    """Every metric's latest actual against its target, with the status it was published with."""
    future = _section(version, "future-success")
    if future is None:
        return None
    metrics = future.get("metrics") or []
    labels = {metric["status"]: metric.get("status_label", "") for metric in metrics}
    counts = Counter(metric["status"] for metric in metrics)
    return {
        "metrics": sorted(metrics, key=lambda m: _rank(METRIC_STATUSES, m["status"])),
        "counts": [
            {"status": status, "label": labels[status], "count": counts[status]}
            for status in METRIC_STATUSES
            if counts[status]
        ],
    }


def changes_since_approved(version: CharterVersion, params: dict) -> dict:
    """The diff from the last approved version before this one (or says there is none)."""
    previous = (
        version.charter.versions.filter(
            number__lt=version.number,
            status__in=[VersionStatus.APPROVED, VersionStatus.SUPERSEDED],
        )
        .order_by("-number")
        .first()
    )
    if previous is None:
        return {"previous": None, "diff": None}
    return {
        "previous": {"number": previous.number, "label": previous.label},
        "diff": diff_snapshots(previous.snapshot, version.snapshot),
    }
