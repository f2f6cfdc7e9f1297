"""The future success's part of a charter's JSON document (see charter/portable.py)."""

from django.utils.translation import gettext as _

from charter.models import (
    FutureSuccess,
    Metric,
    MetricActual,
    Objective,
)
from charter.portable_fields import Children, Record, Table, at, fields_of

# Future success: metrics with their actuals and leading indicators, then objectives.
FUTURE = Record(fields_of(FutureSuccess, "definition", "vision", "mission"))


ACTUALS = Table(MetricActual, fields_of(MetricActual, "period_start", "value", "note"))


def _check_drivers(rows: list[dict], path: str, checker) -> None:
    """Only a lagging metric has leading indicators, and they are leading metrics."""
    kinds = {row.get("id"): row.get("kind") for row in rows}
    for index, row in enumerate(rows):
        drivers = row.get("drivers")
        if not isinstance(drivers, list) or not drivers:
            continue
        if row.get("kind") == Metric.Kind.LEADING:
            checker.add(
                at(at(path, index), "drivers"), _("Only a lagging metric has leading indicators.")
            )
        for number, driver in enumerate(drivers):
            if kinds.get(driver, Metric.Kind.LEADING) != Metric.Kind.LEADING:
                checker.add(
                    at(at(at(path, index), "drivers"), number),
                    _("Metric %(id)s is not a leading metric.") % {"id": driver},
                )


METRICS = Table(
    Metric,
    fields_of(
        Metric,
        "name",
        "kind",
        "unit",
        "baseline",
        "target",
        "direction",
        "cadence",
        "data_source",
        "owner",
        "drivers",
        actuals=Children(ACTUALS, "metric"),
    ),
    numbered=True,
    check_rows=_check_drivers,
)


OBJECTIVES = Table(
    Objective,
    fields_of(Objective, "title", "description", "owner", "due_date", "metrics"),
    numbered=True,
)


FUTURE_SUCCESS = Record({**FUTURE.fields, "metrics": METRICS, "objectives": OBJECTIVES})


def export_future_success(charter, context) -> dict:
    future = FutureSuccess.objects.filter(charter=charter).first() or FutureSuccess()
    return {
        **FUTURE.dump(future, context),
        "metrics": METRICS.export(charter.metrics.all(), context),
        "objectives": OBJECTIVES.export(charter.objectives.all(), context),
    }


def import_future_success(charter, data, context) -> None:
    FUTURE.import_into(FutureSuccess(charter=charter), data, context, context.path)
    METRICS.import_rows(data["metrics"], context, context.at("metrics"), charter=charter)
    OBJECTIVES.import_rows(data["objectives"], context, context.at("objectives"), charter=charter)
