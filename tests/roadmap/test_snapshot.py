import json
import xml.etree.ElementTree as ET
from datetime import date
from decimal import Decimal

import pytest
from django.template.loader import render_to_string

from charter.models import MaturityModel, MaturityScore, Metric
from charter.registry import registry
from roadmap.dependencies import set_dependencies
from roadmap.snapshot import roadmap_completeness, roadmap_snapshot
from tests.factories import CharterFactory, UserFactory
from tests.roadmap.factories import MilestoneFactory, PhaseFactory, level

pytestmark = pytest.mark.django_db


def assess(charter, *ranks):
    model = MaturityModel.for_workspace(charter.workspace)
    for dimension, rank in zip(model.dimensions.all(), ranks, strict=False):
        MaturityScore.objects.create(
            charter=charter, dimension=dimension, level=model.levels.get(rank=rank)
        )


def test_snapshot_is_plain_json_with_iso_dates_and_decimal_strings():
    charter = CharterFactory()
    phase = PhaseFactory(charter=charter, name="Foundation")
    owner = UserFactory(first_name="Olivia", last_name="Owens")
    metric = Metric.objects.create(charter=charter, name="Ramp time")
    first = MilestoneFactory(charter=charter, phase=phase, owner=owner, title="Curriculum")
    second = MilestoneFactory(
        charter=charter,
        phase=phase,
        title="Certification",
        start=date(2026, 10, 1),
        end=date(2026, 10, 1),
        budget_amount=Decimal("1200.50"),
        budget_currency="EUR",
        headcount=Decimal("1.5"),
        tools="Lessonly, Highspot ,",
    )
    second.metrics.add(metric)
    set_dependencies(second, [first])

    data = roadmap_snapshot(charter)

    assert json.loads(json.dumps(data)) == data
    assert data["period"] == {"start": "2026-07-01", "end": "2027-06-30"}
    by_title = {milestone["title"]: milestone for milestone in data["milestones"]}
    assert by_title["Curriculum"]["owner"] == "Olivia Owens"
    assert by_title["Certification"] == {
        "id": second.pk,
        "title": "Certification",
        "description": "",
        "phase_id": phase.pk,
        "owner": "",
        "start": "2026-10-01",
        "end": "2026-10-01",
        "status": "planned",
        "depends_on": [first.pk],
        "objectives": [],
        "metrics": [{"id": metric.pk, "name": "Ramp time"}],
        "budget": {"amount": "1200.50", "currency": "EUR"},
        "headcount": "1.50",
        "tools": ["Lessonly", "Highspot"],
    }
    assert data["phases"][0]["start"] == "2026-07-01"
    assert data["summary"]["totals"]["budget"] == [{"currency": "EUR", "amount": "1200.50"}]


def test_phases_follow_the_maturity_levels_from_the_assessed_one():
    charter = CharterFactory()
    assess(charter, 2, 2, 3)
    PhaseFactory(charter=charter, name="Scale", target_level=level(charter, 4))
    PhaseFactory(charter=charter, name="Organize", target_level=level(charter, 3))

    data = roadmap_snapshot(charter)

    assert data["assessed_level"] == {"rank": 2, "name": "Emerging"}
    assert data["next_level"] == {"rank": 3, "name": "Organized"}
    assert [(p["name"], p["from_level"]["rank"], p["level"]["rank"]) for p in data["phases"]] == [
        ("Organize", 2, 3),
        ("Scale", 3, 4),
    ]


def test_snapshot_takes_the_same_number_of_queries_for_many_milestones(
    django_assert_max_num_queries,
):
    charter = CharterFactory()
    phase = PhaseFactory(charter=charter)
    metric = Metric.objects.create(charter=charter, name="Win rate")
    milestones = MilestoneFactory.create_batch(30, charter=charter, phase=phase)
    for milestone in milestones:
        milestone.metrics.add(metric)
    for earlier, later in zip(milestones, milestones[1:], strict=False):
        later.depends_on.add(earlier)

    with django_assert_max_num_queries(9):
        data = roadmap_snapshot(charter)

    assert len(data["milestones"]) == 30


def test_completeness_asks_for_phases_first():
    charter = CharterFactory()

    assert roadmap_completeness(roadmap_snapshot(charter)) == [
        "No phase yet: add a phase for each maturity level the roadmap should reach."
    ]


def test_completeness_names_what_a_board_would_ask_about():
    charter = CharterFactory()
    assess(charter, 3)
    PhaseFactory(charter=charter, name="Already there", target_level=level(charter, 3))
    scale = PhaseFactory(charter=charter, name="Scale", target_level=level(charter, 5))
    owner = UserFactory()
    early = MilestoneFactory(charter=charter, phase=scale, owner=owner, title="Pilot")
    late = MilestoneFactory(
        charter=charter,
        phase=scale,
        owner=owner,
        title="Rollout",
        start=date(2026, 9, 1),
        end=date(2027, 8, 31),
    )
    set_dependencies(late, [early])
    MilestoneFactory(charter=charter, title="Loose end", start=date(2026, 6, 1))

    missing = roadmap_completeness(roadmap_snapshot(charter))

    assert "No phase moves the function from its assessed level to the next (Scalable)." in missing
    assert (
        "Phase “Already there” aims at Organized, which the function has already reached."
        in missing
    )
    assert "No milestone in phase “Already there”." in missing
    assert "Milestone “Rollout” ends after the charter period." in missing
    assert "Milestone “Loose end” starts before the charter period." in missing
    assert "Milestone “Rollout” starts before “Pilot”, which it depends on, ends." in missing
    assert "Milestones without a phase: “Loose end”." in missing
    assert "Milestones without an owner: “Loose end”." in missing
    assert "Milestones linked to no metric they move: “Pilot”, “Rollout”, “Loose end”." in missing


def test_a_complete_roadmap_has_nothing_missing():
    charter = CharterFactory()
    assess(charter, 2)
    phase = PhaseFactory(charter=charter, target_level=level(charter, 3))
    milestone = MilestoneFactory(charter=charter, phase=phase, owner=UserFactory())
    milestone.metrics.add(Metric.objects.create(charter=charter, name="Ramp time"))

    assert roadmap_completeness(roadmap_snapshot(charter)) == []


def test_section_partial_renders_the_timeline_from_the_snapshot_without_the_database(
    django_assert_num_queries,
):
    charter = CharterFactory()
    phase = PhaseFactory(charter=charter, name="Foundation")
    MilestoneFactory(
        charter=charter,
        phase=phase,
        title="Playbook <v2>",
        budget_amount=Decimal("900"),
        start=date(2027, 6, 1),
        end=date(2027, 7, 31),
    )
    data = json.loads(json.dumps(roadmap_snapshot(charter)))
    section = registry.get("roadmap")

    with django_assert_num_queries(0):
        html = render_to_string(section.template, {"data": data, "mode": "web"})

    assert "Playbook &lt;v2&gt;" in html
    assert "Outside the charter period" in html
    svg = html[html.index("<svg") : html.index("</svg>") + 6]
    root = ET.fromstring(svg)  # noqa: S314  our own drawing
    assert root.get("role") == "img"
    assert "Budget by quarter (USD)" in html


def test_pdf_mode_splits_a_long_timeline_into_page_sized_figures():
    charter = CharterFactory()
    phase = PhaseFactory(charter=charter)
    MilestoneFactory.create_batch(40, charter=charter, phase=phase)
    data = roadmap_snapshot(charter)
    section = registry.get("roadmap")

    web = render_to_string(section.template, {"data": data, "mode": "web"})
    pdf = render_to_string(section.template, {"data": data, "mode": "pdf"})

    assert web.count('class="timeline"') == 1
    assert pdf.count('class="timeline"') == 3
    assert "Swimlanes by" in web and "Swimlanes by" not in pdf


def test_an_empty_snapshot_renders_a_placeholder():
    html = render_to_string(registry.get("roadmap").template, {"data": {}, "mode": "web"})

    assert "Nothing here yet." in html


def test_briefing_sorts_milestones_by_their_dates_as_of_the_meeting():
    from datetime import date

    from roadmap.snapshot import roadmap_briefing

    data = {
        "milestones": [
            {
                "title": "Starts 2027",
                "start": "2027-02-01",
                "end": "2027-06-30",
                "status": "in_progress",
            },
            {"title": "Past due", "start": "2026-01-01", "end": "2026-06-30", "status": "planned"},
            {"title": "Finished", "start": "2026-01-01", "end": "2026-03-31", "status": "done"},
        ]
    }

    briefing = roadmap_briefing(data, date(2026, 12, 1))

    assert briefing["upcoming"] == ["- **Starts 2027** (2027-02-01 – 2027-06-30)"]
    assert briefing["in_flight"] == ["- **Past due** (2026-01-01 – 2026-06-30) — overdue"]
