"""The maturity chart of the current state: one bar per dimension and the overall level."""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

LABEL_WIDTH = 190


SCALE_WIDTH = 380


ROW_HEIGHT = 30


TOP = 34


RIGHT = 130


def maturity_chart(maturity: dict) -> SafeString:
    """Horizontal bars, one per dimension, against the level scale; labelled, not colour-coded.

    ``maturity`` is the ``maturity`` part of the current-state snapshot.
    """
    levels = maturity.get("levels") or []
    dimensions = maturity.get("dimensions") or []
    if not levels or not dimensions:
        return SafeString("")
    top_rank = max(level["rank"] for level in levels)
    step = SCALE_WIDTH / top_rank
    height = TOP + ROW_HEIGHT * len(dimensions) + 12
    width = LABEL_WIDTH + SCALE_WIDTH + RIGHT
    ticks = format_html_join(
        "",
        '<line x1="{0}" y1="{1}" x2="{0}" y2="{2}" class="grid"/>'
        '<text x="{0}" y="{3}" text-anchor="middle" class="tick">{4}</text>',
        (
            (
                round(LABEL_WIDTH + level["rank"] * step, 1),
                TOP - 6,
                height - 10,
                TOP - 12,
                level["rank"],
            )
            for level in levels
        ),
    )
    rows = format_html_join(
        "", "{}", ((_bar(index, row, step),) for index, row in enumerate(dimensions))
    )
    overall = _overall_marker(maturity, step, height)
    summary = _("Maturity by dimension on a scale of 1 to %(top)s.") % {"top": top_rank}
    return format_html(
        '<svg class="chart maturity-chart" viewBox="0 0 {w} {h}" width="{w}" height="{h}" '
        'role="img" aria-labelledby="maturity-chart-title" xmlns="http://www.w3.org/2000/svg">'
        '<title id="maturity-chart-title">{summary}</title>'
        # An inline SVG's <style> applies to the whole HTML page: scope every rule to this chart.
        "<style>.maturity-chart .grid{{stroke:#d9dee8}}"
        " .maturity-chart .tick,.maturity-chart .label,.maturity-chart .value"
        "{{font:12px sans-serif;fill:#1d2433}}"
        " .maturity-chart .tick{{fill:#5b6478}} .maturity-chart .bar{{fill:#2f5bd3}}"
        " .maturity-chart .none{{fill:#5b6478;font-style:italic}}"
        " .maturity-chart .overall{{stroke:#1d2433;stroke-dasharray:4 3}}</style>"
        "{ticks}{overall}{rows}</svg>",
        w=width,
        h=height,
        summary=summary,
        ticks=ticks,
        rows=rows,
        overall=overall,
    )


def _bar(index: int, row: dict, step: float) -> SafeString:
    y = TOP + index * ROW_HEIGHT
    label = format_html(
        '<text x="{}" y="{}" text-anchor="end" class="label">{}</text>',
        LABEL_WIDTH - 8,
        y + 17,
        _truncate(row["name"], 28),
    )
    if not row.get("rank"):
        return label + format_html(
            '<text x="{}" y="{}" class="none">{}</text>',
            LABEL_WIDTH + 6,
            y + 17,
            _("not assessed"),
        )
    length = round(row["rank"] * step, 1)
    value = f"{row['rank']} · {row['level']}"
    return label + format_html(
        '<rect x="{}" y="{}" width="{}" height="18" rx="3" class="bar"/>'
        # A white backing keeps the label readable over the grid and the overall line.
        '<rect x="{}" y="{}" width="{}" height="16" fill="#fff"/>'
        '<text x="{}" y="{}" class="value">{}</text>',
        LABEL_WIDTH,
        y + 4,
        length,
        round(LABEL_WIDTH + length + 3, 1),
        y + 5,
        round(len(value) * 6.8 + 6, 1),
        round(LABEL_WIDTH + length + 6, 1),
        y + 17,
        value,
    )


def _overall_marker(maturity: dict, step: float, height: int) -> SafeString:
    mean = maturity.get("average")
    if mean is None:
        return SafeString("")
    x = round(LABEL_WIDTH + float(mean) * step, 1)
    return format_html(
        '<line x1="{0}" y1="{1}" x2="{0}" y2="{2}" class="overall"/>'
        '<text x="{0}" y="{3}" text-anchor="middle" class="value">{4}</text>',
        x,
        TOP - 4,
        height - 8,
        10,
        _("overall %(mean)s") % {"mean": mean},
    )


def _truncate(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"
