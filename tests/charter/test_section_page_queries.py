"""Every section page loads its rows in a fixed number of queries, whatever the charter's size."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from charter.models import (
    Audience,
    CurrentState,
    ExecutionKpi,
    FundingSource,
    FutureSuccess,
    MeetingCadence,
    Objective,
    PartnerTeam,
    RaciAssignment,
    Scope,
    Service,
)
from charter.people import save_display_name
from roadmap.models import Milestone, Phase
from tests.charter.query_counts import add_metrics, queries_for
from tests.factories import CharterFactory
from tests.roadmap.factories import level

SECTIONS = ("current-state", "future-success", "scope", "collaboration", "roadmap")


def fill(charter, count: int, owner) -> None:
    """``count`` rows of every table of every section, each linked as people link them."""
    ExecutionKpi.objects.bulk_create(
        ExecutionKpi(charter=charter, name=f"KPI {n}", value=Decimal("23.5"), position=n)
        for n in range(count)
    )
    metrics = add_metrics(charter, count, owner)
    objectives = Objective.objects.bulk_create(
        Objective(charter=charter, title=f"Objective {n}", description="**Why**", owner=owner)
        for n in range(count)
    )
    for n, objective in enumerate(objectives):
        objective.metrics.set(metrics[n : n + 2])

    services = Service.objects.bulk_create(
        Service(workspace=charter.workspace, name=f"Service {charter.pk}-{n}") for n in range(count)
    )
    Scope.objects.get_or_create(charter=charter)[0].services.set(services)
    Audience.objects.bulk_create(
        Audience(charter=charter, role=f"Role {n}", headcount=n, position=n) for n in range(count)
    )
    FundingSource.objects.bulk_create(
        FundingSource(charter=charter, team=f"Team {n}", amount=Decimal(1000), currency="USD")
        for n in range(count)
    )
    teams = PartnerTeam.objects.bulk_create(
        PartnerTeam(charter=charter, name=f"Partner {n}", position=n) for n in range(count)
    )
    RaciAssignment.objects.bulk_create(
        RaciAssignment(charter=charter, service=service, team=team, letter="R")
        for service, team in zip(services, teams, strict=True)
    )
    MeetingCadence.objects.bulk_create(
        MeetingCadence(charter=charter, name=f"Sync {n}", frequency="Weekly", position=n)
        for n in range(count)
    )

    phase = Phase.objects.create(charter=charter, name="Build", target_level=level(charter, 3))
    milestones = Milestone.objects.bulk_create(
        Milestone(
            charter=charter,
            phase=phase if n % 2 else None,
            title=f"Milestone {n}",
            description="Ship *it*",
            owner=owner,
            start=date(2026, 7, 1),
            end=date(2026, 9, 30),
            budget_amount=Decimal(5000),
            headcount=Decimal("1.5"),
            position=n,
        )
        for n in range(count)
    )
    for n, milestone in enumerate(milestones):
        milestone.objectives.set(objectives[n : n + 1])
        milestone.metrics.set(metrics[n : n + 1])
        milestone.depends_on.set(milestones[max(n - 1, 0) : n])


@pytest.mark.django_db
@pytest.mark.parametrize("section", SECTIONS)
def test_section_page_query_count_does_not_grow_with_rows(member_client, section):
    client = member_client("editor")
    workspace = client.membership.workspace
    small, large = CharterFactory(workspace=workspace), CharterFactory(workspace=workspace)
    fill(small, 5, client.membership.user)
    fill(large, 40, client.membership.user)
    small_url = f"/w/{workspace.slug}/charters/{small.pk}/s/{section}/"
    large_url = f"/w/{workspace.slug}/charters/{large.pk}/s/{section}/"
    # Warm up once: the first visit creates the section rows and the maturity scores.
    queries_for(client, small_url)
    queries_for(client, large_url)

    assert queries_for(client, small_url) == queries_for(client, large_url)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("section", "model"),
    [("current-state", CurrentState), ("future-success", FutureSuccess), ("scope", Scope)],
)
def test_naming_who_last_edited_a_block_takes_no_query_of_its_own(member_client, section, model):
    client = member_client("editor")
    charter = CharterFactory(workspace=client.membership.workspace)
    url = f"/w/{charter.workspace.slug}/charters/{charter.pk}/s/{section}/"
    queries_for(client, url)
    unedited = queries_for(client, url)
    editor = client.membership.user
    save_display_name(editor, "Dana the Enabler")
    model.objects.filter(charter=charter).update(updated_by=editor)

    with CaptureQueriesContext(connection) as queries:
        html = client.get(url).content.decode()
    assert "Last edited by Dana the Enabler" in html
    assert len(queries) == unedited
