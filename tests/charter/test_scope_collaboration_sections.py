import json
from decimal import Decimal

import pytest
from django.template.loader import render_to_string

from charter.models import Scope
from charter.registry import registry
from charter.sections.collaboration import snapshot as collaboration
from charter.sections.scope import snapshot as scope
from tests.charter.scope_factories import (
    AudienceFactory,
    FundingSourceFactory,
    MeetingCadenceFactory,
    PartnerTeamFactory,
    RaciAssignmentFactory,
    ServiceFactory,
)
from tests.factories import CharterFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def charter():
    return CharterFactory()


def offer(charter, *names):
    scope_row = Scope.objects.get_or_create(charter=charter)[0]
    services = [ServiceFactory(workspace=charter.workspace, name=name) for name in names]
    scope_row.services.add(*services)
    return services


def test_empty_scope_snapshot_is_plain_and_lists_everything_missing(charter):
    data = scope.snapshot(charter)

    assert json.loads(json.dumps(data)) == data
    assert scope.completeness(data) == [
        "No audience yet: say whom enablement serves.",
        "No service offered is chosen.",
        "No funding source.",
        "Budget owner is missing.",
    ]
    assert not Scope.objects.exists(), "a snapshot never creates rows"


def test_scope_snapshot_holds_rows_with_ids_and_plain_amounts(charter):
    Scope.objects.create(charter=charter, budget_owner="Olivia Owens")
    audience = AudienceFactory(charter=charter, role="AEs", headcount=100)
    AudienceFactory(charter=charter, role="SDRs", headcount=None, priority="secondary")
    source = FundingSourceFactory(charter=charter, team="Sales", amount=Decimal("1000.50"))
    (content,) = offer(charter, "Content")

    data = scope.snapshot(charter)

    assert json.loads(json.dumps(data)) == data
    assert data["audiences"][0] == {
        "id": audience.pk,
        "role": "AEs",
        "segment": "Mid-market, EMEA",
        "headcount": 100,
        "priority": "primary",
        "served_from_phase_id": None,
        "served_from": "",
        "served_from_start": None,
        "served_from_end": None,
    }
    assert data["services"] == [{"id": content.pk, "name": "Content", "description": ""}]
    assert data["budget"] == {
        "owner": "Olivia Owens",
        "notes": "",
        "funding_sources": [
            {"id": source.pk, "team": "Sales", "amount": "1000.50", "currency": "USD", "notes": ""}
        ],
    }
    assert scope.completeness(data) == []


def test_only_secondary_audiences_is_flagged(charter):
    AudienceFactory(charter=charter, priority="secondary")

    assert "No primary audience." in scope.completeness(scope.snapshot(charter))


def test_collaboration_snapshot_has_render_ready_raci_and_names_each_gap(charter):
    onboarding, coaching = offer(charter, "Onboarding", "Coaching")
    sales = PartnerTeamFactory(charter=charter, name="Sales")
    marketing = PartnerTeamFactory(charter=charter, name="Marketing")
    RaciAssignmentFactory(charter=charter, service=onboarding, team=sales, letter="A")
    RaciAssignmentFactory(charter=charter, service=onboarding, team=marketing, letter="R")
    RaciAssignmentFactory(charter=charter, service=coaching, team=sales, letter="A")
    RaciAssignmentFactory(charter=charter, service=coaching, team=marketing, letter="A")
    MeetingCadenceFactory(charter=charter, name="Weekly sync")

    data = collaboration.snapshot(charter)

    assert json.loads(json.dumps(data)) == data
    assert [team["name"] for team in data["partner_teams"]] == ["Sales", "Marketing"]
    assert [service["name"] for service in data["raci"]["services"]] == ["Onboarding", "Coaching"]
    gaps = [gap["id"] for gap in data["raci"]["services"][1]["gaps"]]
    assert gaps == ["several_accountable", "no_responsible"]
    assert collaboration.completeness(data) == [
        "Coaching has more than one Accountable team.",
        "Coaching has no Responsible team.",
    ]
    assert data["meeting_cadences"][0]["name"] == "Weekly sync"


def test_raci_rows_are_only_the_services_offered_in_scope(charter):
    (offered,) = offer(charter, "Content")
    not_offered = ServiceFactory(workspace=charter.workspace, name="Tools")
    team = PartnerTeamFactory(charter=charter)
    RaciAssignmentFactory(charter=charter, service=not_offered, team=team, letter="A")

    rows = collaboration.snapshot(charter)["raci"]["services"]

    assert [row["id"] for row in rows] == [offered.pk]


def test_empty_collaboration_lists_what_is_missing(charter):
    assert collaboration.completeness(collaboration.snapshot(charter)) == [
        "No partner team yet.",
        "No services offered to assign: choose them in the scope section.",
        "No meeting cadence.",
    ]


def test_raci_table_has_a_header_row_that_repeats_on_printed_pages(charter):
    (content,) = offer(charter, "Content")
    team = PartnerTeamFactory(charter=charter, name="Marketing")
    RaciAssignmentFactory(charter=charter, service=content, team=team, letter="R")
    section = registry.get("collaboration")

    html = render_to_string(
        section.template, {"data": collaboration.snapshot(charter), "mode": "pdf"}
    )

    thead = html.split("<thead>")[1].split("</thead>")[0]
    assert "Marketing" in thead and "Service" in thead
    assert 'title="Responsible">R</abbr>' in html
    # The gap is the editors' to-do: the printed matrix shows the letters only.
    assert "No Accountable team" not in html and "Check" not in thead
    assert "<script" not in html


def test_scope_partial_totals_the_budget_per_currency_and_the_headcount(charter):
    FundingSourceFactory(charter=charter, team="Sales", amount=Decimal("450000"))
    FundingSourceFactory(charter=charter, team="Marketing", amount=Decimal("0.25"))
    FundingSourceFactory(charter=charter, team="HR", amount=Decimal("99.99"), currency="EUR")
    AudienceFactory(charter=charter, headcount=100)
    AudienceFactory(charter=charter, headcount=20, priority="secondary")
    AudienceFactory(charter=charter, headcount=None)
    section = registry.get("scope")

    html = render_to_string(section.template, {"data": scope.snapshot(charter), "mode": "web"})

    totals = html.split("<tfoot>")[2]
    assert "450,000.25" in totals and "99.99" in totals
    assert totals.index("EUR") < totals.index("USD")
    headcount = html.split("<tfoot>")[1]
    assert ">120<" in headcount and "100 in primary audiences" in headcount
    assert "not named yet" in html


def test_snapshots_take_the_same_queries_for_few_and_many_rows(
    charter, django_assert_max_num_queries
):
    def fill(count):
        services = offer(charter, *[f"S{count}-{n}" for n in range(count)])
        teams = [PartnerTeamFactory(charter=charter) for _ in range(count)]
        for service in services:
            for team in teams:
                RaciAssignmentFactory(charter=charter, service=service, team=team)
        AudienceFactory.create_batch(count, charter=charter)
        FundingSourceFactory.create_batch(count, charter=charter)
        MeetingCadenceFactory.create_batch(count, charter=charter)

    fill(2)
    # One of them reads the roadmap phases the audiences are served from.
    with django_assert_max_num_queries(9):
        scope.snapshot(charter)
        collaboration.snapshot(charter)
    fill(10)
    with django_assert_max_num_queries(9):
        scope.snapshot(charter)
        collaboration.snapshot(charter)
