"""A metric's trend as inline SVG, drawn from snapshot data (web page and PDF alike)."""

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from charter.formatting import format_reporting_period
from charter.memo import remember_drawings
from charter.palette import ACCENT, INK
from charter.svg import drawing, element, number, text

SPARK_PAD = 4
LABEL_SIZE = 11


def trend_chart(metric: dict, width: int = 120, height: int = 32, detailed: bool = False):
    """A metric's actuals over time as a line, with its target as a dashed line.

    ``metric`` is one metric of the future-success snapshot. The small version (a sparkline
    for tables) is labelled through its title; the detailed one labels each point and period.
    """
    if not metric.get("actuals"):
        return SafeString("")
    drawn = {name: metric.get(name) for name in DRAWN_FIELDS}
    drawn["actuals"] = [
        {"period_label": row["period_label"], "value": row["value"]} for row in metric["actuals"]
    ]
    return _trend_chart(drawn, width, height, detailed)


# What the drawing shows of a metric; with the size and the language it decides every byte.
DRAWN_FIELDS = ("name", "unit", "baseline", "target", "cadence")


# Each metric row of a page draws its chart on every request, from data that rarely changes.
@remember_drawings(maxsize=1024)
def _trend_chart(metric: dict, width: int, height: int, detailed: bool):
    points = [(row["period_label"], float(row["value"])) for row in metric["actuals"]]
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
    name = trend_description(metric, points, target)
    parts = [
        element(
            "polyline",
            points=" ".join(f"{x},{point_y}" for x, point_y in coordinates),
            fill="none",
            stroke=ACCENT,
            stroke_width=2 if detailed else 1.5,
        ),
        element(
            "circle",
            cx=coordinates[-1][0],
            cy=coordinates[-1][1],
            r=3.5 if detailed else 2.5,
            fill=ACCENT,
        ),
    ]
    if target is not None:
        parts.append(
            element(
                "line",
                x1=left,
                y1=y(target),
                x2=width - right,
                y2=y(target),
                stroke=INK,
                stroke_dasharray="3 3",
                stroke_width=1,
            )
        )
    if detailed:
        target_y = y(target) if target is not None else 0
        parts += _trend_labels(points, coordinates, target, target_y, width, height, metric)
    return drawing(width, height, parts, css_class="chart trend", name=name, font_size=LABEL_SIZE)


def _cadence_words() -> dict[str, str]:
    # Mid-sentence words, in the active language (the model's choices are capitalised labels).
    return {"monthly": _("monthly"), "quarterly": _("quarterly")}


def _amount(value: float | str | None, unit: str) -> str:
    """A value with its unit as a reader says it: 22.8 %, 160 days."""
    return f"{number(value)} {unit}".strip() if unit else number(value)


def trend_description(metric: dict, points: list[tuple[str, float]], target: float | None) -> str:
    """The chart's alternate text: what is measured, over which periods, against what.

    Baseline, target and the latest actual come first, as a reader scanning the figures wants
    them; then every period's value, which the drawing shows point by point.
    """
    unit = metric.get("unit") or ""
    first, last = points[0][0], points[-1][0]
    facts = []
    if metric.get("baseline") not in (None, ""):
        facts.append(_("baseline %(value)s") % {"value": _amount(metric["baseline"], unit)})
    if target is not None:
        facts.append(_("target %(value)s") % {"value": _amount(target, unit)})
    facts.append(
        _("latest actual %(value)s (%(period)s)")
        % {"value": _amount(points[-1][1], unit), "period": format_reporting_period(last)}
    )
    heading = _("%(name)s, %(cadence)s, %(first)s to %(last)s") % {
        "name": metric["name"],
        "cadence": _cadence_words().get(metric.get("cadence"), _("by period")),
        "first": format_reporting_period(first),
        "last": format_reporting_period(last),
    }
    values = ", ".join(
        f"{format_reporting_period(label)} {_amount(value, unit)}" for label, value in points
    )
    return _("%(heading)s: %(facts)s. Values: %(values)s.") % {
        "heading": heading,
        "facts": ", ".join(facts),
        "values": values,
    }


def _trend_labels(points, coordinates, target, target_y, width, height, metric) -> list[str]:
    labels = [
        text(x, point_y - 7, number(value), text_anchor="middle", fill=INK)
        + text(x, height - 6, label, text_anchor="middle", fill=INK, fill_opacity=".7")
        for (label, value), (x, point_y) in zip(points, coordinates, strict=True)
    ]
    if target is not None:
        unit = metric.get("unit") or ""
        labels.append(
            text(
                width - 90,
                target_y + 4,
                _("target %(target)s%(unit)s")
                % {"target": number(target), "unit": f" {unit}" if unit else ""},
                fill=INK,
            )
        )
    return labels
