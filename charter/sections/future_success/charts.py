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
