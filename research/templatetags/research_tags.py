"""Research page navigation and the server-rendered SVG charts.

The charts take plain JSON (results and summaries as stored in snapshots), so the live
pages, the section page and the PDF draw them the same way.
"""

from django import template
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from charter.palette import ACCENT, INK, MUTED, WHITE, colour
from charter.svg import drawing, element, fit, text, title

register = template.Library()

TABS = [
    ("overview", _("Overview"), "research:overview"),
    ("interviews", _("Interviews"), "research:interviews"),
    ("champions", _("Champions"), "research:champions"),
    ("audit", _("Enablement audit"), "research:audit"),
    ("surveys", _("Survey"), "research:surveys"),
    ("benchmarks", _("Benchmarks"), "research:benchmarks"),
    ("insights", _("Insights"), "research:insights"),
]

CHART_WIDTH = 600
SCALE_HEIGHT = 46
# Disagree → agree, light enough in the middle for dark text; each segment also says its value.
SCALE_COLOURS = {
    1: (colour("bad"), WHITE),
    2: (colour("bad-light"), INK),
    3: (colour("line"), INK),
    4: (colour("accent-light"), INK),
    5: (ACCENT, WHITE),
}
BAR_LABEL_WIDTH = 210
BAR_ROW_HEIGHT = 26


@register.simple_tag(takes_context=True)
def research_tabs(context, charter, current):
    slug = context["request"].workspace.slug
    return [
        {
            "key": key,
            "title": title,
            "url": reverse(name, args=[slug, charter.pk]),
            "current": key == current,
        }
        for key, title, name in TABS
    ]


@register.inclusion_tag("research/charts/scale.html")
def scale_chart(result: dict):
    """A 100 % stacked bar of the answers 1 to 5 to one scale question."""
    distribution = result.get("distribution") or []
    total = sum(item["count"] for item in distribution)
    return {
        "result": result,
        "segments": distribution,
        "total": total,
        "svg": _scale_drawing(result, distribution, total),
    }


def _scale_drawing(result: dict, distribution: list[dict], total: int):
    parts, x = [], 0.0
    for item in distribution:
        width = CHART_WIDTH * item["count"] / total if total else 0
        if not width:
            continue
        fill, ink = SCALE_COLOURS[item["value"]]
        parts.append(
            element(
                "rect",
                title(f"{item['value']}: {item['count']} ({item['percent']}%)"),
                x=float(x),
                y=0,
                width=float(width),
                height=28,
                fill=fill,
                stroke=WHITE,
                stroke_width=1,
            )
        )
        if width >= 70:
            label = f"{item['value']} · {item['percent']}%"
        else:
            label = str(item["value"]) if width >= 14 else ""
        if label:
            parts.append(text(x + width / 2, 19, label, text_anchor="middle", fill=ink))
        x += width
    if not total:
        parts.append(
            element(
                "rect",
                x=0,
                y=0,
                width=CHART_WIDTH,
                height=28,
                fill=colour("bg"),
                stroke=colour("line"),
            )
        )
        parts.append(
            text(CHART_WIDTH / 2, 19, gettext("No answers"), text_anchor="middle", fill=MUTED)
        )
    parts.append(text(0, 43, gettext("1 = strongly disagree"), font_size=11, fill=MUTED))
    parts.append(
        text(
            CHART_WIDTH,
            43,
            gettext("5 = strongly agree"),
            text_anchor="end",
            font_size=11,
            fill=MUTED,
        )
    )
    name = f"{result['text']}: " if result.get("text") else ""
    name += gettext("Average %(mean)s of 5 from %(count)s answers.") % {
        "mean": result.get("mean") or "—",
        "count": total,
    }
    name += "".join(
        f" {item['value']}: {item['count']} ({item['percent']}%)." for item in distribution
    )
    return drawing(CHART_WIDTH, SCALE_HEIGHT, parts, css_class="chart", name=name)


@register.inclusion_tag("research/charts/bars.html")
def bar_chart(
    rows: list,
    label: str = "label",
    value: str = "count",
    unit: str = "",
    caption: str = "",
    subject: str = "",
):
    """Horizontal bars, one per row, each with its label and its value written out.

    ``subject`` (a survey question, whose heading is above) names the chart for assistive
    technology and the PDF's alternate text without a visible caption repeating the heading.
    """
    values = [float(row[value] or 0) for row in rows]
    largest = max(values, default=0) or 1
    span = CHART_WIDTH - BAR_LABEL_WIDTH - 90
    parts, spoken = [], []
    for index, (row, amount) in enumerate(zip(rows, values, strict=True)):
        name = str(row[label])
        width = span * amount / largest
        written = f"{row[value]}{unit}"
        if row.get("percent") is not None:
            written += f" ({row['percent']}%)"
        spoken.append(f"{name} {written}")
        y = index * BAR_ROW_HEIGHT
        bar = [
            title(f"{name}: {row[value]}{unit}"),
            text(
                BAR_LABEL_WIDTH - 8,
                y + 17,
                fit(name, BAR_LABEL_WIDTH - 12, 12),
                text_anchor="end",
                fill=INK,
            ),
            element(
                "rect", x=BAR_LABEL_WIDTH, y=y + 5, width=float(width), height=16, rx=2, fill=ACCENT
            ),
            text(BAR_LABEL_WIDTH + width + 6, y + 17, written, fill=INK),
        ]
        parts.append(element("g", "".join(bar)))
    name = "; ".join(spoken)
    if caption or subject:
        name = f"{caption or subject}: {name}"
    height = max(len(rows), 1) * BAR_ROW_HEIGHT
    return {
        "svg": drawing(CHART_WIDTH, height, parts, css_class="chart", name=name),
        "caption": caption,
    }


@register.filter
def can(membership, capability: str) -> bool:
    """``{% if request.membership|can:"research" %}``: what the role may do, never its name."""
    return membership is not None and membership.can(capability)
