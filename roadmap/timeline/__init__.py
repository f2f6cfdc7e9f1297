"""The roadmap timeline: an SVG Gantt drawn from the section's snapshot data alone.

Pure functions of plain data (no database), so the web page, a published version and the PDF
draw the same picture. ``render_timeline`` returns one SVG, or one per page of rows when
``rows_per_page`` is given, each page with its own axis and legend.
"""

from datetime import date

from charter.memo import remember_drawings

from .layout import (
    CHART_LEFT,
    CHART_RIGHT,
    GROUPS,
    HEADER,
    PDF_ROWS_PER_PAGE,
    ROW,
    axis_scale,
    paginate,
    rows_for,
    status_label,
)
from .page import Page

__all__ = [
    "CHART_LEFT",
    "CHART_RIGHT",
    "GROUPS",
    "HEADER",
    "PDF_ROWS_PER_PAGE",
    "ROW",
    "render_timeline",
    "status_label",
]


@remember_drawings()
def render_timeline(
    data: dict,
    today: date | None = None,
    group_by: str = "phase",
    rows_per_page: int | None = None,
    id_prefix: str = "timeline",
    language: str | None = None,
) -> list[str]:
    """The timeline as SVG documents, one per page of rows (a single one by default)."""
    group_by = group_by if group_by in GROUPS else "phase"
    scale = axis_scale(data)
    pages = paginate(rows_for(data, group_by), rows_per_page)
    return [
        Page(
            data,
            scale,
            rows,
            today,
            group_by,
            f"{id_prefix}-{number}",
            number,
            len(pages),
            language,
        ).svg()
        for number, rows in enumerate(pages, start=1)
    ]
