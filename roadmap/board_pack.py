"""The roadmap's chapter of the board pack: progress as published in the version's snapshot.

It lives here, not in the core, because only the roadmap knows its snapshot's shape.
"""

from collections import Counter

from charter.models import CharterVersion

# The order the chapter counts milestones in: what is done first.
MILESTONE_STATUSES = ["done", "in_progress", "at_risk", "planned", "dropped"]


def _share(done: int, total: int) -> int:
    return round(100 * done / total) if total else 0


def roadmap_progress(version: CharterVersion, params: dict) -> dict | None:
    """Milestones done per phase, and those that need the board's attention, as published."""
    roadmap = version.snapshot.get("sections", {}).get("roadmap")
    if roadmap is None:
        return None
    as_of = version.created_at.date().isoformat()
    milestones = roadmap.get("milestones") or []
    phases = []
    for phase in roadmap.get("phases") or []:
        own = [m for m in milestones if m["phase_id"] == phase["id"] and m["status"] != "dropped"]
        done = sum(m["status"] == "done" for m in own)
        phases.append({**phase, "done": done, "total": len(own), "percent": _share(done, len(own))})
    counts = Counter(m["status"] for m in milestones)
    late = [
        {**m, "late": m["status"] != "at_risk"}
        for m in milestones
        if m["status"] == "at_risk"
        or (m["status"] in {"planned", "in_progress"} and m["end"] < as_of)
    ]
    return {
        "as_of": as_of,
        "phases": phases,
        "counts": [
            {"status": status, "count": counts[status]}
            for status in MILESTONE_STATUSES
            if counts[status]
        ],
        "attention": sorted(late, key=lambda m: m["end"]),
    }
