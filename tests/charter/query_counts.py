"""Rows and a query counter for the tests that a page's queries do not grow with its charter."""

from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext

from charter.models import Metric, MetricActual

QUARTERS = [date(2026, 1, 1), date(2026, 4, 1), date(2026, 7, 1)]


def add_metrics(charter, count: int, owner) -> list[Metric]:
    """``count`` metrics with an actual per quarter, each lagging one driven by the next."""
    metrics = Metric.objects.bulk_create(
        Metric(
            charter=charter,
            name=f"Metric {n}",
            kind=Metric.Kind.LEADING if n % 2 else Metric.Kind.LAGGING,
            baseline=10,
            target=20,
            owner=owner,
            position=n,
        )
        for n in range(count)
    )
    MetricActual.objects.bulk_create(
        MetricActual(metric=metric, period_start=start, value=12 + index)
        for metric in metrics
        for index, start in enumerate(QUARTERS)
    )
    for lagging, leading in zip(metrics[::2], metrics[1::2], strict=False):
        lagging.drivers.add(leading)
    return metrics


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)
