"""Filters for the current-state and future-success partials (web and PDF alike)."""

from django import template

from charter import svg
from charter.periods import period_label
from charter.sections.current_state.charts import maturity_chart as draw_maturity_chart
from charter.sections.future_success import charts, metrics

register = template.Library()


@register.filter
def maturity_chart(data):
    """The maturity snapshot as an inline SVG bar chart."""
    return draw_maturity_chart(data or {})


@register.filter
def sparkline(metric):
    """A metric of the snapshot as a small trend line for tables."""
    return charts.trend_chart(metric or {})


@register.filter
def trend(metric):
    """A metric of the snapshot as a labelled trend chart."""
    return charts.trend_chart(metric or {}, width=520, height=180, detailed=True)


@register.filter
def number(value):
    """A decimal (or its snapshot string) without trailing zeros: 23.50 → 23.5."""
    return svg.number(value)


@register.filter
def evaluation(metric):
    """Latest actual, progress and status of a live ``Metric`` (actuals and charter loaded)."""
    return metrics.evaluate_metric(metric)


@register.filter
def metric_sparkline(metric):
    """A small trend line of a live ``Metric`` (actuals prefetched)."""
    actuals = [
        {
            "period_label": period_label(actual.period_start, metric.cadence),
            "value": actual.value,
        }
        for actual in metric.actuals.all()
    ]
    data = {"name": metric.name, "unit": metric.unit, "target": metric.target, "actuals": actuals}
    return charts.trend_chart(data)


@register.filter
def actual_period(actual):
    """The period of a live ``MetricActual``, e.g. 2026-Q3."""
    return period_label(actual.period_start, actual.metric.cadence)
