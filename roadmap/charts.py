"""Horizontal bar charts of the resource summaries, as server-rendered SVG."""

from decimal import Decimal

from django.utils.translation import gettext as _

from charter.formatting import format_number, format_reporting_period
from charter.memo import remember_drawings
from charter.palette import ACCENT, INK, LINE, MUTED
from charter.svg import drawing, element, fit, text

WIDTH = 460
LABEL_WIDTH = 120
VALUE_ROOM = 110
BAR = 16
ROW = 26
TOP = 8


def bar_chart(
    name: str, bars: list[tuple[str, Decimal]], unit: str, chart_id: str, decimals: int = 0
) -> str:
    """One labelled bar per (label, value); values are written beside the bars in words."""
    largest = max((value for _label, value in bars), default=Decimal(0)) or Decimal(1)
    span = WIDTH - LABEL_WIDTH - VALUE_ROOM
    height = TOP * 2 + ROW * len(bars)
    parts = []
    for index, (label, value) in enumerate(bars):
        y = TOP + index * ROW
        width = float(value / largest) * span
        parts.append(
            text(
                LABEL_WIDTH - 8,
                y + 17,
                fit(label, LABEL_WIDTH - 12, 12),
                text_anchor="end",
                fill=INK,
            )
        )
        parts.append(
            element(
                "rect",
                class_="bar",
                x=float(LABEL_WIDTH),
                y=float(y + 4),
                width=width,
                height=BAR,
                rx=2,
                fill=ACCENT,
            )
        )
        caption = f"{_amount(value, decimals)} {unit}".strip()
        parts.append(
            text(LABEL_WIDTH + width + 6, y + 17, caption, class_="value", fill=MUTED, font_size=11)
        )
    parts.append(
        element(
            "line", x1=LABEL_WIDTH, x2=LABEL_WIDTH, y1=TOP / 2, y2=height - TOP / 2, stroke=LINE
        )
    )
    return drawing(
        WIDTH,
        height,
        parts,
        css_class="chart",
        # The values belong in the title: a PDF figure's alternate text is its title alone.
        name=_("%(chart)s: %(values)s")
        % {
            "chart": name,
            "values": "; ".join(
                f"{label} {_amount(value, decimals)} {unit}".strip() for label, value in bars
            ),
        },
        id_prefix=chart_id,
    )


def _amount(value: Decimal, decimals: int) -> str:
    return format_number(round(value, decimals), decimals=decimals)


@remember_drawings()
def resource_charts(summary: dict, id_prefix: str = "chart") -> list[dict]:
    """Budget by quarter and by phase for each currency, and average FTE by quarter.

    Each chart is ``{"title": …, "svg": …}``; budgets in different currencies are never added.
    """
    quarters, phases = summary.get("by_quarter", []), summary.get("by_phase", [])
    currencies = sorted({row["currency"] for row in summary.get("totals", {}).get("budget", [])})
    specs = []
    for currency in currencies:
        specs.append(
            (
                _("Budget by quarter (%(currency)s)") % {"currency": currency},
                [(format_reporting_period(row["id"]), _budget(row, currency)) for row in quarters],
                currency,
                0,
            )
        )
        specs.append(
            (
                _("Budget by phase (%(currency)s)") % {"currency": currency},
                [(row["name"] or _("No phase"), _budget(row, currency)) for row in phases],
                currency,
                0,
            )
        )
    if any(Decimal(row["average_fte"]) for row in quarters):
        specs.append(
            (
                _("Average headcount by quarter (FTE)"),
                [
                    (format_reporting_period(row["id"]), Decimal(row["average_fte"]))
                    for row in quarters
                ],
                _("FTE"),
                2,
            )
        )
    # Budgets are rounded to whole units in the charts; the tables keep the cents.
    return [
        {"title": title, "svg": bar_chart(title, bars, unit, f"{id_prefix}-{number}", decimals)}
        for number, (title, bars, unit, decimals) in enumerate(specs, start=1)
    ]


def _budget(row: dict, currency: str) -> Decimal:
    return sum(
        (Decimal(item["amount"]) for item in row["budget"] if item["currency"] == currency),
        Decimal(0),
    )
