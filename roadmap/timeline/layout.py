"""Where things go on the timeline: sizes, the date scale, swimlanes and pages of rows."""

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from charter.palette import ACCENT, MUTED, OK, WHITE, colour
from charter.periods import next_quarter, quarter_start

from ..models import Status

WIDTH = 1000
LABEL_LEFT = 10
LABEL_WIDTH = 250
CHART_LEFT = 270
CHART_RIGHT = 980
TODAY_BAND = 18
QUARTER_BAND = 22
MONTH_BAND = 20
HEADER = TODAY_BAND + QUARTER_BAND + MONTH_BAND
ROW = 26
BAR_HEIGHT = 14
DIAMOND = 8
LEGEND_ROW = 22
FONT = 12
SMALL = 11
# At A4 landscape with 15 mm margins a 1000-unit-wide drawing is 267 mm wide, 0.267 mm a unit:
# 16 rows make a drawing of about 140 mm, which leaves room on the page for the section's
# heading, and the 12-unit text prints near 9 pt.
PDF_ROWS_PER_PAGE = 16
GROUPS = ("phase", "owner")

STATUS_STYLES = {
    Status.PLANNED: {"fill": WHITE, "stroke": MUTED, "ink": MUTED},
    Status.IN_PROGRESS: {"fill": "url(#{prefix}-in-progress)", "stroke": ACCENT, "ink": ACCENT},
    Status.DONE: {"fill": OK, "stroke": OK, "ink": OK},
    Status.AT_RISK: {
        "fill": "url(#{prefix}-at-risk)",
        "stroke": colour("risk"),
        "ink": colour("risk-ink"),
    },
    Status.DROPPED: {
        "fill": colour("dropped"),
        "stroke": colour("faint"),
        "ink": colour("dropped-ink"),
        "dash": "4 3",
    },
}


@dataclass(frozen=True)
class Scale:
    """Maps days to x: ``start`` is the first day drawn, ``end`` the first day after it."""

    start: date
    end: date
    left: float = CHART_LEFT
    right: float = CHART_RIGHT

    def x(self, day: date) -> float:
        return self.left + (day - self.start).days * self.day_width

    @property
    def day_width(self) -> float:
        return (self.right - self.left) / (self.end - self.start).days


@dataclass(frozen=True)
class Row:
    label: str
    milestone: dict | None = None
    continued: bool = False

    @property
    def is_lane(self) -> bool:
        return self.milestone is None


def parse(day: str) -> date:
    return date.fromisoformat(day)


def axis_scale(data: dict) -> Scale:
    """Whole quarters covering the charter period and every milestone."""
    days = [parse(data["period"]["start"]), parse(data["period"]["end"])]
    for milestone in data.get("milestones", []):
        days += [parse(milestone["start"]), parse(milestone["end"])]
    return Scale(quarter_start(min(days)), next_quarter(max(days)))


def status_label(status: str) -> str:
    return str(Status(status).label) if status in Status.values else status


def lanes(data: dict, group_by: str) -> list[tuple[str, list[dict]]]:
    # In the snapshot's order, the one people gave within each phase (older snapshots were
    # taken in date order, so they keep the timeline they were approved with).
    milestones = data.get("milestones", [])
    if group_by == "owner":
        owners = sorted({m["owner"] for m in milestones if m["owner"]}, key=str.lower)
        groups = [(owner, [m for m in milestones if m["owner"] == owner]) for owner in owners]
        unowned = [m for m in milestones if not m["owner"]]
        return groups + ([(_("No owner"), unowned)] if unowned else [])
    groups = [
        (
            _("%(phase)s — to level %(rank)d, %(level)s")
            % {"phase": p["name"], "rank": p["level"]["rank"], "level": p["level"]["name"]},
            [m for m in milestones if m["phase_id"] == p["id"]],
        )
        for p in data.get("phases", [])
    ]
    unphased = [m for m in milestones if m["phase_id"] is None]
    return groups + ([(_("No phase"), unphased)] if unphased else [])


def rows_for(data: dict, group_by: str) -> list[Row]:
    rows = []
    for label, members in lanes(data, group_by):
        rows.append(Row(label if members else _("%(lane)s (no milestones)") % {"lane": label}))
        rows += [Row(label, milestone) for milestone in members]
    return rows


def paginate(rows: list[Row], rows_per_page: int | None) -> list[list[Row]]:
    """Pages of at most ``rows_per_page`` rows; a lane split over pages repeats its heading."""
    if not rows_per_page or len(rows) <= rows_per_page:
        return [rows]
    rows_per_page = max(rows_per_page, 2)
    pages, page = [], []
    for index, row in enumerate(rows):
        # A lane heading never ends a page, and a page goes on with a lane's heading.
        heading_at_bottom = row.is_lane and len(page) == rows_per_page - 1
        if len(page) == rows_per_page or (heading_at_bottom and index + 1 < len(rows)):
            pages.append(page)
            page = [] if row.is_lane else [Row(row.label, continued=True)]
        page.append(row)
    pages.append(page)
    return pages
