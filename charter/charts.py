"""Server-rendered inline SVG charts, drawn from snapshot data (web page and PDF alike).

Every chart carries text labels and a ``<title>``: nothing is told by colour alone.
"""

from decimal import Decimal, InvalidOperation

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _


def number(value) -> str:
    """A number for reading: no trailing zeros, thousands grouped (23.50 → 23.5, 48000 → 48,000)."""
    if value in (None, ""):
        return ""
    try:
        decimal = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    if isinstance(value, float):
        decimal = round(decimal, 6)
    return format(decimal.normalize(), ",f")


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


SPARK_PAD = 4


def trend_chart(metric: dict, width: int = 120, height: int = 32, detailed: bool = False):
    """A metric's actuals over time as a line, with its target as a dashed line.

    ``metric`` is one metric of the future-success snapshot. The small version (a sparkline
    for tables) is labelled through its title; the detailed one labels each point and period.
    """
    points = [(row["period_label"], float(row["value"])) for row in metric.get("actuals", [])]
    if not points:
        return SafeString("")
    target = float(metric["target"]) if metric.get("target") not in (None, "") else None
    values = [value for _label, value in points] + ([target] if target is not None else [])
    low, high = min(values), max(values)
    span = (high - low) or 1.0
    left, right = (SPARK_PAD, SPARK_PAD) if not detailed else (36, 96)
    top, bottom = (SPARK_PAD, SPARK_PAD) if not detailed else (18, 22)
    step = (width - left - right) / max(len(points) - 1, 1)

    def y(value: float) -> float:
        return round(top + (high - value) / span * (height - top - bottom), 1)

    coordinates = [
        (round(left + index * step, 1), y(value)) for index, (_label, value) in enumerate(points)
    ]
    line = " ".join(f"{x},{py}" for x, py in coordinates)
    unit = metric.get("unit") or ""
    title = _("%(name)s: %(values)s%(target)s") % {
        "name": metric["name"],
        "values": ", ".join(f"{label} {number(value)}" for label, value in points),
        "target": (_("; target %(target)s") % {"target": number(target)})
        if target is not None
        else "",
    }
    parts = [
        format_html(
            '<polyline points="{}" fill="none" stroke="#2f5bd3" stroke-width="{}"/>',
            line,
            2 if detailed else 1.5,
        ),
        format_html(
            '<circle cx="{}" cy="{}" r="{}" fill="#2f5bd3"/>',
            *coordinates[-1],
            3.5 if detailed else 2.5,
        ),
    ]
    if target is not None:
        parts.append(
            format_html(
                '<line x1="{0}" y1="{1}" x2="{2}" y2="{1}" stroke="#1d2433" '
                'stroke-dasharray="3 3" stroke-width="1"/>',
                left,
                y(target),
                width - right,
            )
        )
    if detailed:
        parts += _trend_labels(
            points, coordinates, target, y(target) if target else 0, width, height, unit
        )
    return format_html(
        '<svg class="chart trend" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" '
        'xmlns="http://www.w3.org/2000/svg"><title>{title}</title>{parts}</svg>',
        w=width,
        h=height,
        title=title,
        parts=format_html_join("", "{}", ((part,) for part in parts)),
    )


def _trend_labels(points, coordinates, target, target_y, width, height, unit):
    style = 'font-family="sans-serif" font-size="11" fill="#1d2433"'
    labels = [
        format_html(
            '<text x="{}" y="{}" text-anchor="middle" {}>{}</text>'
            '<text x="{}" y="{}" text-anchor="middle" {} fill-opacity=".7">{}</text>',
            x,
            point_y - 7,
            SafeString(style),
            number(value),
            x,
            height - 6,
            SafeString(style),
            label,
        )
        for (label, value), (x, point_y) in zip(points, coordinates, strict=True)
    ]
    if target is not None:
        labels.append(
            format_html(
                '<text x="{}" y="{}" {}>{}</text>',
                width - 90,
                target_y + 4,
                SafeString(style),
                _("target %(target)s%(unit)s")
                % {"target": number(target), "unit": f" {unit}" if unit else ""},
            )
        )
    return labels
