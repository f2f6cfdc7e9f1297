"""The changes list names keys and codes readably: no snapshot key names, no stored codes."""

import re

import pytest
from django.template.loader import render_to_string
from django.utils.html import strip_tags

from charter.models import Audience
from charter.versions.diff import diff_snapshots
from charter.versions.publishing import take_snapshot
from governance.models import ApprovalRule, BoardFunction, BoardSeat, Cadence
from tests.charter.scope_factories import AudienceFactory
from tests.governance.factories import make_board

pytestmark = pytest.mark.django_db

CODES = {
    Cadence.MONTHLY,
    Cadence.QUARTERLY,
    ApprovalRule.CHAIR_PLUS,
    BoardFunction.CUSTOMER_SUCCESS,
    BoardFunction.SALES_OPERATIONS,
    Audience.Priority.PRIMARY,
    Audience.Priority.SECONDARY,
    "zh-hans",
}


@pytest.fixture
def changed_diff():
    setup = make_board(seats=3, cadence=Cadence.QUARTERLY)
    audience = AudienceFactory(charter=setup.charter, priority=Audience.Priority.PRIMARY)
    old = setup.publish().snapshot

    board = setup.board
    board.cadence = Cadence.MONTHLY
    board.approval_rule = ApprovalRule.CHAIR_PLUS
    board.save()
    BoardSeat.objects.filter(board=board, is_chair=False).update(
        function=BoardFunction.CUSTOMER_SUCCESS
    )
    audience.priority = Audience.Priority.SECONDARY
    audience.segment = "Enterprise, APAC"
    audience.save()
    AudienceFactory(charter=setup.charter, priority=Audience.Priority.SECONDARY)
    setup.charter.language = "zh-hans"
    setup.charter.save()
    return diff_snapshots(old, take_snapshot(setup.charter))


def _text(diff: dict) -> str:
    return strip_tags(render_to_string("charter/versions/diff_table.html", {"diff": diff}))


def test_the_governance_and_scope_changes_show_no_snapshot_key_names(changed_diff):
    sections = {s["key"]: s for s in changed_diff["sections"] if s["status"] == "changed"}
    assert {"governance", "scope", "charter"} <= set(sections)

    text = _text(changed_diff)

    assert re.findall(r"\b[a-z]+_[a-z_]+\b", text) == []
    assert "label" not in text.lower()


def test_the_changes_show_choice_labels_not_codes(changed_diff):
    text = _text(changed_diff)
    words = set(re.findall(r"[\w-]+", text))

    assert {str(code) for code in CODES} & words == set()
    assert "Meeting cadence" in text
    assert "Simplified Chinese" in text


def test_a_research_interview_change_shows_the_stakeholder_type_by_its_label():
    def snapshot(stakeholder_type: str) -> dict:
        interview = {
            "interviewee": "Dana Lee",
            "stakeholder_type": stakeholder_type,
            "function": "sales_operations",
            "held_on": "2026-09-01",
        }
        return {"sections": {"research": {"interviews": [interview]}}}

    text = _text(diff_snapshots(snapshot("executive"), snapshot("department_head")))

    assert "Stakeholder type" in text
    assert "Department head" in text
    assert "Sales operations" in text
    assert re.findall(r"\b[a-z]+_[a-z_]+\b", text) == []


def test_a_roadmap_milestone_status_change_shows_the_status_label():
    def snapshot(status: str) -> dict:
        milestone = {"id": 1, "title": "Onboarding path", "status": status, "phase_id": 2}
        return {"sections": {"roadmap": {"milestones": [milestone]}}}

    text = _text(diff_snapshots(snapshot("planned"), snapshot("in_progress")))

    assert "In progress" in text
    assert re.findall(r"\b[a-z]+_[a-z_]+\b", text) == []
