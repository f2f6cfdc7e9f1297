"""The charter pages load every metric, actual, driver and objective in a fixed number of queries."""

import pytest

from charter.models import Objective
from tests.charter.query_counts import add_metrics, queries_for
from tests.factories import CharterFactory


def fill(charter, count: int, owner) -> None:
    metrics = add_metrics(charter, count, owner)
    for n in range(0, count, 5):
        objective = Objective.objects.create(
            charter=charter, title=f"Objective {n}", owner=owner, position=n
        )
        objective.metrics.set(metrics[n : n + 3])


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
