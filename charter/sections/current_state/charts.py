"""The maturity chart of the current state: one bar per dimension and the overall level."""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

LABEL_WIDTH = 190


SCALE_WIDTH = 380


ROW_HEIGHT = 30


TOP = 34


RIGHT = 130

# Presentation attributes rather than a <style> element: the Content-Security-Policy refuses
# inline styles, and a page-wide rule could restyle the other drawings on the page.
TEXT = 'font-family="sans-serif" font-size="12" fill="#1d2433"'
PAINT = {
    "grid": 'stroke="#d9dee8"',
    "tick": 'font-family="sans-serif" font-size="12" fill="#5b6478"',
    "label": TEXT,
    "value": TEXT,
    "bar": 'fill="#2f5bd3"',
    "none": 'fill="#5b6478" font-style="italic"',
    "overall": 'stroke="#1d2433" stroke-dasharray="4 3"',
}


def _paint(name: str) -> SafeString:
    return SafeString(f'class="{name}" {PAINT[name]}')


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
        '<line x1="{0}" y1="{1}" x2="{0}" y2="{2}" {5}/>'
        '<text x="{0}" y="{3}" text-anchor="middle" {6}>{4}</text>',
        (
            (
                round(LABEL_WIDTH + level["rank"] * step, 1),
                TOP - 6,
                height - 10,
                TOP - 12,
                level["rank"],
                _paint("grid"),
                _paint("tick"),
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
        '<text x="{}" y="{}" text-anchor="end" {}>{}</text>',
        LABEL_WIDTH - 8,
        y + 17,
        _paint("label"),
        _truncate(row["name"], 28),
    )
    if not row.get("rank"):
        return label + format_html(
            '<text x="{}" y="{}" {}>{}</text>',
            LABEL_WIDTH + 6,
            y + 17,
            _paint("none"),
            _("not assessed"),
        )
    length = round(row["rank"] * step, 1)
    value = f"{row['rank']} · {row['level']}"
    return label + format_html(
        '<rect x="{}" y="{}" width="{}" height="18" rx="3" {}/>'
        # A white backing keeps the label readable over the grid and the overall line.
        '<rect x="{}" y="{}" width="{}" height="16" fill="#fff"/>'
        '<text x="{}" y="{}" {}>{}</text>',
        LABEL_WIDTH,
        y + 4,
        length,
        _paint("bar"),
        round(LABEL_WIDTH + length + 3, 1),
        y + 5,
        round(len(value) * 6.8 + 6, 1),
        round(LABEL_WIDTH + length + 6, 1),
        y + 17,
        _paint("value"),
        value,
    )


def _overall_marker(maturity: dict, step: float, height: int) -> SafeString:
    mean = maturity.get("average")
    if mean is None:
        return SafeString("")
    x = round(LABEL_WIDTH + float(mean) * step, 1)
    return format_html(
        '<line x1="{0}" y1="{1}" x2="{0}" y2="{2}" {5}/>'
        '<text x="{0}" y="{3}" text-anchor="middle" {6}>{4}</text>',
        x,
        TOP - 4,
        height - 8,
        10,
        _("overall %(mean)s") % {"mean": mean},
        _paint("overall"),
        _paint("value"),
    )


def _truncate(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"
