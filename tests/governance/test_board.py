"""The board page: settings, seats, the coverage check, and the governance section."""

from datetime import date, timedelta

import pytest

from charter.models import AuditEvent, Role
from charter.registry import registry, snapshot_section
from governance.board.snapshot import governance_completeness
from governance.models import AdvisoryBoard, ApprovalRule, BoardSeat
from tests.factories import MembershipFactory
from tests.governance.factories import make_board

pytestmark = pytest.mark.django_db


def board_url(workspace, path=""):
    return f"/w/{workspace.slug}/governance/board/{path}"


def settings_data(board, **changes):
    data = {
        "cadence": "quarterly",
        "annual_in_person": "on",
        "next_review_on": "2026-12-15",
        "approval_rule": "chair_plus",
        "chair_plus_count": "2",
        "revision": board.revision,
    }
    data.update(changes)
    return data


def test_the_board_page_shows_seats_coverage_and_advice_without_blocking(client):
    board = make_board(seats=3)
    client.force_login(board.seats[0].user)

    page = client.get(board_url(board.workspace)).content.decode()

    assert "3 seats" in page
    assert "The board has 3 members; 5–10 are recommended." in page
    assert "No member covers: Product, L&amp;D or HR, IT, Customer success." in page
    assert "Chair" in page


def test_an_editor_saves_the_settings_and_the_change_is_audited(client):
    board = make_board(seats=1)
    client.force_login(board.editor.user)

    response = client.post(board_url(board.workspace, "settings/"), settings_data(board.board))

    assert response.status_code == 302
    saved = AdvisoryBoard.for_workspace(board.workspace)
    assert (saved.approval_rule, saved.next_review_on) == (
        ApprovalRule.CHAIR_PLUS,
        date(2026, 12, 15),
    )
    assert "approval_rule" in AuditEvent.objects.get(action="board.updated").changes


def test_bad_settings_are_a_400_and_change_nothing(client):
    board = make_board(seats=1)
    client.force_login(board.editor.user)

    response = client.post(
        board_url(board.workspace, "settings/"),
        settings_data(board.board, next_review_on="31/31/2026", approval_rule="dictator"),
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert "Enter a valid date." in html
    assert "Select a valid choice" in html
    assert AdvisoryBoard.for_workspace(board.workspace).approval_rule == ApprovalRule.MAJORITY


def test_a_stale_settings_form_is_a_409_that_keeps_the_users_values(client):
    board = make_board(seats=1)
    stale = board.board.revision
    fresh = AdvisoryBoard.for_workspace(board.workspace)
    fresh.save_revision(stale)
    client.force_login(board.editor.user)

    response = client.post(
        board_url(board.workspace, "settings/"), settings_data(fresh, revision=stale)
    )

    assert response.status_code == 409
    assert "Someone else changed the board settings" in response.content.decode()
    assert 'value="2026-12-15"' in response.content.decode()


def test_board_members_and_viewers_cannot_change_the_board(client):
    board = make_board(seats=1)
    viewer = MembershipFactory(workspace=board.workspace, role=Role.VIEWER)
    for member in (board.seats[0], viewer):
        client.force_login(member.user)
        response = client.post(board_url(board.workspace, "settings/"), settings_data(board.board))
        assert response.status_code == 403


def test_naming_a_new_chair_hands_the_chair_over(client):
    board = make_board(seats=2)
    second = BoardSeat.objects.get(membership=board.seats[1])
    client.force_login(board.editor.user)

    response = client.post(
        board_url(board.workspace, f"seats/{second.pk}/"),
        {"title": "CMO", "function": "marketing", "is_chair": "on"},
    )

    assert response.status_code == 302
    assert list(BoardSeat.objects.filter(is_chair=True)) == [second]


def test_the_governance_snapshot_is_plain_json_with_roster_rule_and_coverage():
    board = make_board(seats=2, rule=ApprovalRule.CHAIR_PLUS, chair_plus_count=1)
    settings = board.board
    settings.next_review_on = date.today() + timedelta(days=10)
    settings.save()

    data = snapshot_section(registry.get("governance"), board.charter)

    assert data["roster"][0] == {
        "name": board.seats[0].user.get_full_name(),
        "title": "VP 0",
        "function": "sales",
        "function_label": "Sales",
        "chair": True,
    }
    assert data["approval_rule_label"] == "The chair plus 1 members"
    assert data["next_review_on"] == settings.next_review_on.isoformat()
    assert "Sales operations" in data["missing_functions"]
    assert governance_completeness(data) == [
        "The board has 2 members; 5–10 are recommended.",
        "No member covers: Sales operations, Product, L&D or HR, IT, Customer success.",
    ]


def test_completeness_flags_no_chair_and_no_next_review():
    data = {"roster": [{"name": "A", "chair": False}] * 7, "missing_functions": []}

    assert governance_completeness(data) == ["No chair is named.", "No next review date."]
    assert governance_completeness({}) == ["No advisory board is set up."]


def test_the_section_renders_the_roster_from_the_snapshot_only(client):
    board = make_board(seats=5)
    client.force_login(board.editor.user)

    page = client.get(
        f"/w/{board.workspace.slug}/charters/{board.charter.pk}/s/governance/"
    ).content.decode()

    assert "VP 4" in page
    assert "(chair)" in page
    assert "Coverage of functions" in page


def test_saved_settings_show_in_the_audit_trail_before_and_after_in_words(client):
    board = make_board(seats=1, next_review_on=date(2026, 11, 30))
    client.force_login(board.editor.user)
    client.post(board_url(board.workspace, "settings/"), settings_data(board.board))
    owner = MembershipFactory(workspace=board.workspace, role=Role.OWNER)
    client.force_login(owner.user)

    trail = client.get(f"/w/{board.workspace.slug}/audit/")

    assert trail.status_code == 200
    page = trail.content.decode()
    assert "Next review on: 2026-11-30 → 2026-12-15" in page
    assert "Approval rule: Simple majority → The chair plus N members" in page
    assert "chair_plus" not in page
