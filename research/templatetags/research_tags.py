"""Research page navigation and the server-rendered SVG charts.

The charts take plain JSON (results and summaries as stored in snapshots), so the live
pages, the section page and the PDF draw them the same way.
"""

from django import template
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

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
# Disagree → agree, light enough in the middle for dark text; each segment also says its value.
SCALE_COLOURS = {
    1: ("#b42318", "#fff"),
    2: ("#f0a08f", "#1d2433"),
    3: ("#d9dee8", "#1d2433"),
    4: ("#9db8ee", "#1d2433"),
    5: ("#2f5bd3", "#fff"),
}
BAR_LABEL_WIDTH = 210
BAR_ROW_HEIGHT = 26
BAR_FILL = "#2f5bd3"


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
    segments, x = [], 0.0
    for item in distribution:
        width = CHART_WIDTH * item["count"] / total if total else 0
        fill, ink = SCALE_COLOURS[item["value"]]
        if width >= 70:
            label = f"{item['value']} · {item['percent']}%"
        else:
            label = str(item["value"]) if width >= 14 else ""
        segments.append(
            {
                **item,
                "x": round(x, 1),
                "width": round(width, 1),
                "middle": round(x + width / 2, 1),
                "fill": fill,
                "ink": ink,
                "label": label,
            }
        )
        x += width
    return {
        "result": result,
        "segments": segments,
        "total": total,
        "width": CHART_WIDTH,
        "middle": CHART_WIDTH // 2,
    }


@register.inclusion_tag("research/charts/bars.html")
def bar_chart(
    rows: list, label: str = "label", value: str = "count", unit: str = "", caption: str = ""
):
    """Horizontal bars, one per row, each with its label and its value written out."""
    values = [float(row[value] or 0) for row in rows]
    largest = max(values, default=0) or 1
    span = CHART_WIDTH - BAR_LABEL_WIDTH - 90
    bars = []
    for index, (row, number) in enumerate(zip(rows, values, strict=True)):
        text = str(row[label])
        width = round(span * number / largest, 1)
        bars.append(
            {
                "label": text if len(text) <= 30 else text[:29] + "…",
                "full_label": text,
                "value": row[value],
                "percent": row.get("percent"),
                "y": index * BAR_ROW_HEIGHT,
                "width": width,
                "value_x": BAR_LABEL_WIDTH + width + 6,
            }
        )
    return {
        "bars": bars,
        "unit": unit,
        "caption": caption,
        "width": CHART_WIDTH,
        "height": max(len(bars), 1) * BAR_ROW_HEIGHT,
        "bar_x": BAR_LABEL_WIDTH,
        "fill": BAR_FILL,
    }


@register.filter
def can(membership, capability: str) -> bool:
    """``{% if request.membership|can:"research" %}``: what the role may do, never its name."""
    return membership is not None and membership.can(capability)
