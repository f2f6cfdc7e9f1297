"""Factories for the current-state and future-success sections."""

from datetime import date
from decimal import Decimal

import factory

from charter.models import (
    CurrentState,
    ExecutionKpi,
    FutureSuccess,
    MaturityModel,
    MaturityScore,
    Metric,
    MetricActual,
    Objective,
)
from tests.factories import CharterFactory


class CurrentStateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CurrentState

    charter = factory.SubFactory(CharterFactory)
    business_strategy = "Grow net revenue retention to 115 %."


class ExecutionKpiFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExecutionKpi

    charter = factory.SubFactory(CharterFactory)
    name = factory.Sequence(lambda n: f"KPI {n}")
    value = Decimal("23.5")
    unit = "%"
    period = "FY2026"
    source = "Salesforce"


class FutureSuccessFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FutureSuccess

    charter = factory.SubFactory(CharterFactory)
    vision = "Every seller ready for every conversation."


class MetricFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Metric

    charter = factory.SubFactory(CharterFactory)
    name = factory.Sequence(lambda n: f"Metric {n}")
    kind = Metric.Kind.LAGGING
    unit = "%"
    baseline = Decimal("20")
    target = Decimal("30")


class MetricActualFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MetricActual

    metric = factory.SubFactory(MetricFactory)
    period_start = date(2026, 7, 1)
    value = Decimal("22")


class ObjectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Objective

    charter = factory.SubFactory(CharterFactory)
    title = factory.Sequence(lambda n: f"Objective {n}")


def score(charter, dimension_name: str, rank: int | None, evidence: str = "") -> MaturityScore:
    """Score one dimension of the charter's workspace model at the level of that rank."""
    model = MaturityModel.for_workspace(charter.workspace)
    dimension = model.dimensions.get(name=dimension_name)
    level = model.levels.get(rank=rank) if rank else None
    score, _ = MaturityScore.objects.update_or_create(
        charter=charter, dimension=dimension, defaults={"level": level, "evidence": evidence}
    )
    return score
