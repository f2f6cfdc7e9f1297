"""Section 2, future success, frozen: its snapshot of the live rows and what is still missing."""

from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from charter import people
from charter.models import FutureSuccess, Metric, Objective
from charter.periods import period_label
from charter.sections.future_success.metrics import evaluate_metric


def metric_data(metric: Metric) -> dict:
    """One metric as plain data, with its computed latest actual, progress and status."""
    evaluation = evaluate_metric(metric)
    return {
        "id": metric.pk,
        "name": metric.name,
        "kind": metric.kind,
        "kind_label": str(metric.get_kind_display()),
        "unit": metric.unit,
        "baseline": _decimal(metric.baseline),
        "target": _decimal(metric.target),
        "direction": metric.direction,
        "direction_label": str(metric.get_direction_display()),
        "cadence": metric.cadence,
        "cadence_label": str(metric.get_cadence_display()),
        "data_source": metric.data_source,
        "owner": person(metric.owner),
        "driver_ids": sorted(driver.pk for driver in metric.drivers.all()),
        "latest": _decimal(evaluation.latest),
        "latest_period": period_label(evaluation.latest_period, metric.cadence)
        if evaluation.latest_period
        else None,
        "progress": evaluation.progress_percent,
        "expected": evaluation.expected_percent,
        "status": evaluation.status.value,
        "status_label": str(evaluation.status.label),
        "actuals": [
            {
                "id": actual.pk,
                "period_start": actual.period_start.isoformat(),
                "period_label": period_label(actual.period_start, metric.cadence),
                "value": str(actual.value),
                "note": actual.note,
            }
            for actual in metric.actuals.all()
        ],
    }


def _decimal(value) -> str | None:
    return None if value is None else str(value)


def outcomes(metrics: list[dict]) -> list[dict]:
    """Each lagging metric with its leading indicators, for showing them side by side."""
    by_id = {metric["id"]: metric for metric in metrics}
    return [
        {**metric, "drivers": [by_id[pk] for pk in metric["driver_ids"] if pk in by_id]}
        for metric in metrics
        if metric["kind"] == Metric.Kind.LAGGING
    ]


def load_metrics(charter) -> list[dict]:
    return [
        metric_data(metric)
        for metric in metrics_with_actuals(Metric.objects.filter(charter=charter))
    ]


def snapshot(charter) -> dict:
    future = FutureSuccess.objects.filter(charter=charter).first() or FutureSuccess()
    objectives = (
        Objective.objects.filter(charter=charter)
        .select_related("owner__profile")
        .prefetch_related("metrics")
    )
    return snapshot_of(
        future, metrics_with_actuals(Metric.objects.filter(charter=charter)), objectives
    )


def snapshot_of(future: FutureSuccess, metric_rows, objective_rows) -> dict:
    """The snapshot of rows already loaded: the metrics with their charter, owner, actuals and
    drivers (``metrics_with_actuals``), the objectives with their owner and metrics."""
    metrics = [metric_data(metric) for metric in metric_rows]
    names = {metric["id"]: metric["name"] for metric in metrics}
    return {
        **{name: getattr(future, name) for name in TEXT_FIELDS},
        "objectives": [
            {
                "id": objective.pk,
                "title": objective.title,
                "description": objective.description,
                "owner": person(objective.owner),
                "due_date": objective.due_date.isoformat() if objective.due_date else None,
                "metric_ids": sorted(metric.pk for metric in objective.metrics.all()),
                "metrics": [names[metric.pk] for metric in objective.metrics.all()],
            }
            for objective in objective_rows
        ],
        "metrics": metrics,
        "outcomes": outcomes(metrics),
    }


def completeness(data: dict) -> list[str]:
    missing = []
    for name in TEXT_FIELDS:
        if not (data.get(name) or "").strip():
            label = FutureSuccess._meta.get_field(name).verbose_name
            missing.append(_("%(field)s is missing.") % {"field": str(label).capitalize()})
    objectives = data.get("objectives") or []
    if not objectives:
        missing.append(_("No objective yet."))
    for objective in objectives:
        if not objective["owner"]:
            missing.append(_("Objective “%(title)s” has no owner.") % objective)
        if not objective["due_date"]:
            missing.append(_("Objective “%(title)s” has no due date.") % objective)
        if not objective["metric_ids"]:
            missing.append(_("Objective “%(title)s” is linked to no metric.") % objective)
    metrics = data.get("metrics") or []
    if not metrics:
        missing.append(_("No metric yet."))
    for metric in metrics:
        lagging = metric["kind"] == Metric.Kind.LAGGING
        if lagging and metric["target"] is None:
            missing.append(_("Lagging metric “%(name)s” has no target.") % metric)
        if lagging and not metric["driver_ids"]:
            missing.append(_("Lagging metric “%(name)s” has no leading indicator.") % metric)
        if not metric["owner"]:
            missing.append(_("Metric “%(name)s” has no owner.") % metric)
    return missing


TEXT_FIELDS = ("definition", "vision", "mission")


def briefing(data: dict, as_of: date | None = None) -> dict[str, list[str]]:
    """Each metric's latest actual against its target, as "results" for a board agenda."""
    lines = []
    for metric in data.get("metrics") or []:
        unit = metric.get("unit") or ""
        if metric.get("latest") is None:
            result = _("no actual reported yet")
        else:
            result = f"{metric['latest']} {unit}".strip()
            if metric.get("latest_period"):
                result += f" ({metric['latest_period']})"
        target = (
            _("target %(target)s") % {"target": f"{metric['target']} {unit}".strip()}
            if metric.get("target") is not None
            else _("no target")
        )
        lines.append(
            f"- **{metric.get('name', '')}**: {result}; {target} — {metric.get('status_label', '')}"
        )
    return {"results": lines}


def person(user) -> str:
    return people.person(user, former="")


def metrics_with_actuals(rows):
    return rows.select_related("charter", "owner__profile").prefetch_related("actuals", "drivers")


# The changes list names the snapshot's keys with these.
LABELS = {
    "vision": gettext_lazy("Vision"),
    "mission": gettext_lazy("Mission"),
    "metrics": gettext_lazy("Metrics"),
    "objectives": gettext_lazy("Objectives"),
    "baseline": gettext_lazy("Baseline"),
    "target": gettext_lazy("Target"),
    "direction": gettext_lazy("Direction"),
    "cadence": gettext_lazy("Cadence"),
    "data_source": gettext_lazy("Data source"),
    "driver_ids": gettext_lazy("Leading indicators"),
    "metric_ids": gettext_lazy("Metrics it moves"),
    "due_date": gettext_lazy("Due"),
    "latest": gettext_lazy("Latest actual"),
    "latest_period": gettext_lazy("Latest period"),
    "progress": gettext_lazy("Progress"),
    "expected": gettext_lazy("Expected progress"),
    "actuals": gettext_lazy("Actuals"),
    "period_start": gettext_lazy("Period"),
}
