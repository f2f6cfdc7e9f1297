"""Milestones keep the order people give them within their phase; phases follow the levels."""

import importlib
from datetime import date

import pytest

from roadmap.display import roadmap_display
from roadmap.models import Milestone
from roadmap.snapshot import roadmap_snapshot
from tests.factories import CharterFactory
from tests.roadmap.factories import MilestoneFactory, PhaseFactory, level

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def editor(member_client):
    client = member_client("editor")
    charter = CharterFactory(workspace=client.membership.workspace)
    client.charter = charter
    scale = PhaseFactory(charter=charter, name="Scale", target_level=level(charter, 4))
    foundation = PhaseFactory(charter=charter, name="Foundation", target_level=level(charter, 3))
    client.milestones = {
        title: MilestoneFactory(charter=charter, phase=phase, title=title, start=start, position=0)
        for title, phase, start in (
            ("Coaching", scale, date(2026, 8, 1)),
            ("Playbook", foundation, date(2026, 9, 1)),
            ("Onboarding", foundation, date(2026, 7, 1)),
            ("Loose end", None, date(2026, 7, 1)),
        )
    }
    return client


def move(client, title, direction):
    milestone = client.milestones[title]
    url = (
        f"/w/{client.membership.workspace.slug}/roadmap/charters/{client.charter.pk}"
        f"/milestones/{milestone.pk}/move/"
    )
    return client.post(url, {"direction": direction}, **HTMX)


def titles(charter):
    return list(Milestone.objects.filter(charter=charter).values_list("title", flat=True))


def test_milestones_show_by_phase_level_then_their_own_order_without_a_phase_last(editor):
    assert titles(editor.charter) == ["Playbook", "Onboarding", "Coaching", "Loose end"]


def test_moving_a_milestone_reorders_it_within_its_phase_everywhere(editor):
    response = move(editor, "Onboarding", "up")

    assert response.status_code == 200
    assert "Moved up, now 1 of 2" in response.content.decode()
    assert titles(editor.charter) == ["Onboarding", "Playbook", "Coaching", "Loose end"]
    data = roadmap_snapshot(editor.charter)
    assert [m["title"] for m in data["milestones"]] == [
        "Onboarding",
        "Playbook",
        "Coaching",
        "Loose end",
    ]
    rows = roadmap_display(data, today=date(2026, 8, 1))["rows"]
    assert [row["title"] for row in rows][:2] == ["Onboarding", "Playbook"]


def test_a_milestone_does_not_move_past_the_start_of_its_phase(editor):
    before = list(Milestone.objects.values_list("pk", "position", "revision"))

    response = move(editor, "Coaching", "up")

    assert response.status_code == 400
    assert "This row is already first." in response.content.decode()
    assert list(Milestone.objects.values_list("pk", "position", "revision")) == before


def test_a_milestone_of_another_charter_is_not_found(editor):
    other = MilestoneFactory(charter=CharterFactory(workspace=editor.membership.workspace))
    editor.milestones["Other"] = other

    assert move(editor, "Other", "down").status_code == 404


def test_the_migration_numbers_existing_milestones_in_their_former_date_order():
    from django.apps import apps

    numbering = importlib.import_module("roadmap.migrations.0002_milestone_position_within_phase")
    charter = CharterFactory()
    phase = PhaseFactory(charter=charter)
    for title, start in (("Third", date(2026, 9, 1)), ("First", date(2026, 7, 1))):
        MilestoneFactory(charter=charter, phase=phase, title=title, start=start, position=7)
    MilestoneFactory(charter=charter, phase=phase, title="Second", start=date(2026, 8, 1))
    MilestoneFactory(charter=charter, title="Unphased", start=date(2026, 9, 1), position=5)

    numbering.number_in_display_order(apps, None)

    stored = dict(Milestone.objects.values_list("title", "position"))
    assert stored == {"First": 0, "Second": 1, "Third": 2, "Unphased": 0}
