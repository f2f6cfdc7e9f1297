"""The charter pages load every metric, actual, driver and objective in a fixed number of queries."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from charter.models import Metric, MetricActual, Objective
from tests.factories import CharterFactory

QUARTERS = [date(2026, 1, 1), date(2026, 4, 1), date(2026, 7, 1)]


def fill(charter, count: int, owner) -> None:
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
    for n in range(0, count, 5):
        objective = Objective.objects.create(
            charter=charter, title=f"Objective {n}", owner=owner, position=n
        )
        objective.metrics.set(metrics[n : n + 3])


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["", "s/future-success/", "s/current-state/"])
def test_charter_pages_query_count_does_not_grow_with_metrics(member_client, page):
    client = member_client("editor")
    workspace = client.membership.workspace
    small, large = CharterFactory(workspace=workspace), CharterFactory(workspace=workspace)
    fill(small, 5, client.membership.user)
    fill(large, 100, client.membership.user)
    base = f"/w/{workspace.slug}/charters/"
    # Warm up once: the first visit creates the section rows and the maturity model.
    queries_for(client, f"{base}{small.pk}/{page}")
    queries_for(client, f"{base}{large.pk}/{page}")

    assert queries_for(client, f"{base}{small.pk}/{page}") == queries_for(
        client, f"{base}{large.pk}/{page}"
    )
