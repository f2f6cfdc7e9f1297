"""Milestones through the REST API: read them, set their status with the write scope."""

import pytest

from charter.models import AuditEvent, Role
from roadmap.models import Milestone, Status
from tests.charter.api_helpers import token_holder
from tests.factories import CharterFactory
from tests.roadmap.factories import MilestoneFactory

pytestmark = pytest.mark.django_db


def test_milestones_are_listed_with_their_status_in_words(client):
    holder = token_holder(client, scopes=["read"])
    MilestoneFactory(charter=holder.charter, title="Launch onboarding", status=Status.AT_RISK)

    listed = holder.call("GET", f"/charters/{holder.charter.pk}/milestones")

    assert listed.status_code == 200
    [item] = listed.json()
    assert (item["title"], item["status"], item["status_label"]) == (
        "Launch onboarding",
        "at_risk",
        "At risk",
    )


def test_setting_the_status_saves_it_and_writes_the_audit_trail(client):
    holder = token_holder(client)
    milestone = MilestoneFactory(charter=holder.charter, title="Launch onboarding")

    response = holder.call("PATCH", f"/milestones/{milestone.pk}", {"status": "done"})

    assert response.status_code == 200, response.content
    assert response.json()["status"] == "done"
    milestone.refresh_from_db()
    assert milestone.status == Status.DONE
    assert milestone.title == "Launch onboarding"
    event = AuditEvent.objects.get(action="milestone.status_changed")
    assert event.changes == {"status": "Done", "previous status": "Planned"}


@pytest.mark.parametrize("body", [{"status": "finished"}, {"status": 3}, {}, {"title": "x"}])
def test_an_unknown_status_is_422_and_changes_nothing(client, body):
    holder = token_holder(client)
    milestone = MilestoneFactory(charter=holder.charter)

    response = holder.call("PATCH", f"/milestones/{milestone.pk}", body)

    assert response.status_code == 422
    assert response.json()["detail"]
    assert Milestone.objects.get(pk=milestone.pk).status == Status.PLANNED


def test_without_the_milestone_scope_or_as_a_viewer_the_status_stays(client):
    read_only = token_holder(client, scopes=["read", "write:actuals"])
    viewer = token_holder(client, role=Role.VIEWER, scopes=["read"])
    viewer.token.scopes = ["read", "write:milestones"]  # granted while they were an editor
    viewer.token.save()
    for holder in (read_only, viewer):
        milestone = MilestoneFactory(charter=holder.charter)
        response = holder.call("PATCH", f"/milestones/{milestone.pk}", {"status": "done"})
        assert response.status_code == 403
        assert Milestone.objects.get(pk=milestone.pk).status == Status.PLANNED


def test_another_workspaces_milestone_is_404(client):
    holder = token_holder(client)
    foreign = MilestoneFactory(charter=CharterFactory())

    assert holder.call("GET", f"/milestones/{foreign.pk}").status_code == 404
    assert holder.call("PATCH", f"/milestones/{foreign.pk}", {"status": "done"}).status_code == 404
    assert Milestone.objects.get(pk=foreign.pk).status == Status.PLANNED
