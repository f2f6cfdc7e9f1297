"""What the roadmap templates show, prepared from the section's snapshot alone."""

from datetime import date

from django.utils.safestring import mark_safe

from .charts import resource_charts
from .snapshot import outside_period
from .timeline import GROUPS, PDF_ROWS_PER_PAGE, render_timeline, status_label


def _dates(item: dict) -> dict:
    return {
        "start_date": date.fromisoformat(item["start"]) if item.get("start") else None,
        "end_date": date.fromisoformat(item["end"]) if item.get("end") else None,
    }


def roadmap_display(
    data: dict,
    mode: str = "web",
    group_by: str = "phase",
    today: date | None = None,
    id_prefix: str = "roadmap",
    language: str | None = None,
) -> dict | None:
    """Timeline pages, resource charts and table rows; None for an empty snapshot."""
    if not data or "period" not in data:
        return None
    milestones = data.get("milestones", [])
    phases = {phase["id"]: phase for phase in data.get("phases", [])}
    titles = {milestone["id"]: milestone["title"] for milestone in milestones}
    rows = [
        {
            **milestone,
            **_dates(milestone),
            "phase_name": phases[milestone["phase_id"]]["name"]
            if milestone["phase_id"] in phases
            else "",
            "status_label": status_label(milestone["status"]),
            "dependency_titles": [titles[i] for i in milestone["depends_on"] if i in titles],
            "outside_period": outside_period(milestone, data["period"]),
        }
        # The snapshot's order: by phase, then as people ordered them within it.
        for milestone in milestones
    ]
    group_by = group_by if group_by in GROUPS else "phase"
    timeline = render_timeline(
        data,
        today or date.today(),
        group_by,
        rows_per_page=PDF_ROWS_PER_PAGE if mode == "pdf" else None,
        id_prefix=f"{id_prefix}-timeline",
        language=language,
    )
    charts = resource_charts(data.get("summary", {}), f"{id_prefix}-chart")
    return {
        "period": _dates(data["period"]),
        "assessed_level": data.get("assessed_level"),
        "next_level": data.get("next_level"),
        "phases": [{**phase, **_dates(phase)} for phase in data.get("phases", [])],
        "rows": rows,
        "group_by": group_by,
        "timeline": [mark_safe(svg) for svg in timeline],  # noqa: S308  built with escaping
        "charts": [{**chart, "svg": mark_safe(chart["svg"])} for chart in charts],  # noqa: S308
        "summary": data.get("summary", {}),
    }
