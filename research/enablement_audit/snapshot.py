"""What the enablement audit adds up to: effort by team and by channel, and who makes content."""

from collections.abc import Iterable
from decimal import Decimal

from ..models import AuditActivity


def summarize(activities: Iterable[AuditActivity]) -> dict:
    """Plain JSON (hours as strings) so the live page and a frozen snapshot read the same."""
    activities = list(activities)
    total_hours = sum((a.effort_hours_per_month for a in activities), Decimal("0"))
    content = [a for a in activities if a.kind == AuditActivity.Kind.CONTENT]
    by_sellers = [a for a in content if a.made_by_sellers]
    content_hours = sum((a.effort_hours_per_month for a in content), Decimal("0"))
    seller_hours = sum((a.effort_hours_per_month for a in by_sellers), Decimal("0"))
    return {
        "activities": len(activities),
        "formal": sum(1 for a in activities if a.is_formal),
        "ad_hoc": sum(1 for a in activities if not a.is_formal),
        "hours": _hours(total_hours),
        "by_team": _group(activities, lambda a: a.owner_team.strip() or "—"),
        "by_channel": _group(activities, lambda a: str(a.get_channel_display())),
        "content": {
            "items": len(content),
            "by_sellers": len(by_sellers),
            "share_percent": _percent(len(by_sellers), len(content)),
            "hours": _hours(content_hours),
            "seller_hours": _hours(seller_hours),
            "hours_share_percent": _percent(seller_hours, content_hours),
        },
    }


def _group(activities: list[AuditActivity], key) -> list[dict]:
    groups: dict[str, dict] = {}
    for activity in activities:
        group = groups.setdefault(
            key(activity),
            {"name": key(activity), "activities": 0, "formal": 0, "hours": Decimal(0)},
        )
        group["activities"] += 1
        group["formal"] += int(activity.is_formal)
        group["hours"] += activity.effort_hours_per_month
    rows = sorted(groups.values(), key=lambda g: (-g["hours"], -g["activities"], g["name"]))
    return [
        {**row, "ad_hoc": row["activities"] - row["formal"], "hours": _hours(row["hours"])}
        for row in rows
    ]


def _hours(value: Decimal) -> str:
    return str(value.quantize(Decimal("0.1")))


def _percent(part, whole) -> int | None:
    if not whole:
        return None
    return round(100 * part / whole)
