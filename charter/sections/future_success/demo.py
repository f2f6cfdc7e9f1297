"""Demo content for the future success: definition, vision, mission, objectives and metrics with actuals."""

from datetime import date
from decimal import Decimal

from charter.models import (
    FutureSuccess,
    Metric,
    MetricActual,
    Objective,
)

DEFINITION = (
    "Enablement gives every customer-facing seller the knowledge, skills, content and "
    "coaching to move buyers forward — measured by what sellers do and what customers buy, "
    "not by courses delivered."
)


VISION = (
    "Every Northwind seller is ready for every buyer conversation, from the first call to "
    "the renewal."
)


# name, kind, unit, baseline, target, direction, data source, owner, actuals by quarter start
METRICS = [
    (
        "Win rate",
        Metric.Kind.LAGGING,
        "%",
        "21",
        "26",
        Metric.Direction.INCREASE,
        "Salesforce",
        "owner",
        ["20.5", "21.0", "21.4", "22.8"],
    ),
    (
        "New-hire ramp time",
        Metric.Kind.LAGGING,
        "days",
        "180",
        "120",
        Metric.Direction.DECREASE,
        "Workday + Salesforce",
        "editor",
        ["185", "178", "172", "160"],
    ),
    (
        "Quota attainment",
        Metric.Kind.LAGGING,
        "%",
        "52",
        "65",
        Metric.Direction.INCREASE,
        "Salesforce",
        "owner",
        ["50", "51", "52", "52.5"],
    ),
    (
        "Sales-cycle length",
        Metric.Kind.LAGGING,
        "days",
        "94",
        None,
        Metric.Direction.DECREASE,
        "Salesforce",
        "contributor",
        ["96", "94", "93"],
    ),
    (
        "Certification completion",
        Metric.Kind.LEADING,
        "%",
        "0",
        "90",
        Metric.Direction.INCREASE,
        "Learning platform",
        "editor",
        ["0", "10", "35"],
    ),
    (
        "Coaching sessions per rep per month",
        Metric.Kind.LEADING,
        "",
        "0.5",
        "2",
        Metric.Direction.INCREASE,
        "Coaching log",
        "editor",
        ["0.6", "0.9", "1.2"],
    ),
    (
        "Opportunities using approved content",
        Metric.Kind.LEADING,
        "%",
        "30",
        "60",
        Metric.Direction.INCREASE,
        "Content platform",
        "contributor",
        ["31", "33", "31", "29"],
    ),
    (
        "Discovery-call quality score",
        Metric.Kind.LEADING,
        "of 5",
        "2.8",
        "3.8",
        Metric.Direction.INCREASE,
        "Call reviews",
        "editor",
        ["2.9", "3.1", "3.4"],
    ),
]


QUARTERS = [date(2025, 10, 1), date(2026, 1, 1), date(2026, 4, 1), date(2026, 7, 1)]


DRIVERS = {
    "Win rate": [
        "Opportunities using approved content",
        "Discovery-call quality score",
        "Certification completion",
    ],
    "New-hire ramp time": ["Certification completion", "Coaching sessions per rep per month"],
    "Quota attainment": ["Coaching sessions per rep per month", "Discovery-call quality score"],
    "Sales-cycle length": ["Opportunities using approved content"],
}


# title, description, owner, due date, metrics
OBJECTIVES = [
    (
        "Cut new-hire ramp time to four months",
        "A role-based onboarding path with certification at day 60 and a coached first deal.",
        "editor",
        date(2027, 3, 31),
        ["New-hire ramp time", "Certification completion"],
    ),
    (
        "Raise the win rate on qualified opportunities to 26 %",
        "Sharper discovery and the right proof at the right stage, in every region.",
        "owner",
        date(2027, 6, 30),
        ["Win rate", "Discovery-call quality score", "Opportunities using approved content"],
    ),
    (
        "Make weekly coaching a habit for every front-line manager",
        "One coaching framework, a monthly calibration and a coaching log in the CRM.",
        "editor",
        date(2026, 12, 31),
        ["Coaching sessions per rep per month", "Quota attainment"],
    ),
    (
        "One source of truth for sales content",
        "Retire the three drives; every asset has an owner and an expiry date.",
        None,
        date(2027, 1, 31),
        ["Opportunities using approved content"],
    ),
]


def seed_future_success(charter, users):
    FutureSuccess.objects.create(
        charter=charter, definition=DEFINITION, vision=VISION, updated_by=users["owner"]
    )
    metrics = {}
    for position, (
        name,
        kind,
        unit,
        baseline,
        target,
        direction,
        source,
        owner,
        values,
    ) in enumerate(METRICS):
        metric = Metric.objects.create(
            charter=charter,
            name=name,
            kind=kind,
            unit=unit,
            baseline=Decimal(baseline),
            target=Decimal(target) if target else None,
            direction=direction,
            data_source=source,
            owner=users[owner],
            position=position,
        )
        quarters = QUARTERS[-len(values) :]
        MetricActual.objects.bulk_create(
            MetricActual(
                metric=metric, period_start=start, value=Decimal(value), recorded_by=users[owner]
            )
            for start, value in zip(quarters, values, strict=True)
        )
        metrics[name] = metric
    for outcome, drivers in DRIVERS.items():
        metrics[outcome].drivers.set([metrics[name] for name in drivers])
    for position, (title, description, owner, due, linked) in enumerate(OBJECTIVES):
        objective = Objective.objects.create(
            charter=charter,
            title=title,
            description=description,
            owner=users[owner] if owner else None,
            due_date=due,
            position=position,
        )
        objective.metrics.set([metrics[name] for name in linked])
