"""Minutes circulated to the board, approved under its rule, locked and filed as a PDF."""

import pytest

from charter.errors import NotAllowed, TransitionNotAllowed
from charter.models import AuditEvent, Role
from governance.meetings.approval import answer_minutes, circulate_minutes
from governance.models import ApprovalRule, Meeting, MinutesLocked, MinutesStatus
from tests.factories import MembershipFactory
from tests.governance.factories import MeetingFactory, make_board

pytestmark = pytest.mark.django_db


def _meeting(board, minutes="We reviewed Q3 results."):
    return MeetingFactory(charter=board.charter, minutes=minutes)


def _url(board, meeting, tail):
    return f"/w/{board.workspace.slug}/governance/meetings/{meeting.pk}/{tail}"


def test_majority_of_seats_approving_locks_the_minutes_and_files_a_pdf():
    board = make_board(seats=3, rule=ApprovalRule.MAJORITY)
    meeting = circulate_minutes(_meeting(board), board.editor.user)

    assert answer_minutes(meeting, board.seats[0], "approve") == "pending"
    assert answer_minutes(meeting, board.seats[1], "approve") == "approved"

    meeting.refresh_from_db()
    assert meeting.minutes_status == MinutesStatus.APPROVED
    assert meeting.minutes_locked_at is not None
    assert meeting.minutes_pdf.read(5) == b"%PDF-"
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"meeting.minutes_circulated", "meeting.minutes_locked"} <= actions


def test_the_chair_plus_n_rule_needs_the_chair():
    board = make_board(seats=4, rule=ApprovalRule.CHAIR_PLUS, chair_plus_count=2)
    meeting = circulate_minutes(_meeting(board), board.editor.user)
    for index in (1, 2, 3):
        assert answer_minutes(meeting, board.seats[index], "approve") == "pending"
    assert answer_minutes(meeting, board.seats[0], "approve") == "approved"


def test_a_correction_under_the_all_rule_sends_the_minutes_back_to_draft_for_a_new_round():
    board = make_board(seats=3, rule=ApprovalRule.ALL)
    meeting = circulate_minutes(_meeting(board), board.editor.user)
    answer_minutes(meeting, board.seats[0], "approve")

    outcome = answer_minutes(meeting, board.seats[1], "correct", "Ramp time was 110 days.")

    assert outcome == "changes_requested"
    meeting.refresh_from_db()
    assert meeting.minutes_status == MinutesStatus.DRAFT
    assert AuditEvent.objects.filter(action="meeting.minutes_correction_requested").exists()
    meeting = circulate_minutes(meeting, board.editor.user)
    assert meeting.minutes_circulation == 2
    assert answer_minutes(meeting, board.seats[0], "approve") == "pending"


def test_a_correction_must_say_what_to_correct():
    board = make_board(seats=3)
    meeting = circulate_minutes(_meeting(board), board.editor.user)
    with pytest.raises(TransitionNotAllowed):
        answer_minutes(meeting, board.seats[0], "correct", "  ")


def test_someone_without_a_seat_cannot_answer_for_the_minutes():
    board = make_board(seats=3)
    meeting = circulate_minutes(_meeting(board), board.editor.user)
    seatless = MembershipFactory(workspace=board.workspace, role=Role.BOARD)
    with pytest.raises(NotAllowed):
        answer_minutes(meeting, seatless, "approve")


def test_empty_minutes_cannot_be_circulated():
    board = make_board(seats=3)
    with pytest.raises(TransitionNotAllowed):
        circulate_minutes(_meeting(board, minutes=""), board.editor.user)


def _approved(board):
    meeting = circulate_minutes(_meeting(board), board.editor.user)
    answer_minutes(meeting, board.seats[0], "approve")
    answer_minutes(meeting, board.seats[1], "approve")
    meeting.refresh_from_db()
    return meeting


def test_locked_minutes_refuse_a_change_in_the_model():
    board = make_board(seats=3)
    meeting = _approved(board)
    meeting.minutes = "Rewritten."
    with pytest.raises(MinutesLocked):
        meeting.save()
    with pytest.raises(MinutesLocked):
        meeting.save_revision(meeting.revision)
    assert Meeting.objects.get(pk=meeting.pk).minutes == "We reviewed Q3 results."


def test_editing_locked_minutes_is_a_409_that_keeps_the_typed_text(client):
    board = make_board(seats=3)
    meeting = _approved(board)
    client.force_login(board.editor.user)

    response = client.post(
        _url(board, meeting, "minutes/"),
        {"minutes-minutes": "My rewrite", "minutes-revision": meeting.revision},
    )

    assert response.status_code == 409
    html = response.content.decode()
    assert "locked" in html and "My rewrite" in html
    assert Meeting.objects.get(pk=meeting.pk).minutes == "We reviewed Q3 results."


def test_editing_circulated_minutes_is_refused_with_a_message(client):
    board = make_board(seats=3)
    meeting = circulate_minutes(_meeting(board), board.editor.user)
    client.force_login(board.editor.user)
    response = client.post(
        _url(board, meeting, "minutes/"),
        {"minutes-minutes": "Edited", "minutes-revision": meeting.revision},
    )
    assert response.status_code == 409
    assert "with the board for approval" in response.content.decode()


def test_board_members_approve_through_the_page_and_download_the_pdf(client):
    board = make_board(seats=3)
    meeting = circulate_minutes(_meeting(board), board.editor.user)
    for member in board.seats[:2]:
        client.force_login(member.user)
        response = client.post(
            _url(board, meeting, "minutes/answer/"), {"answer-decision": "approve"}
        )
        assert response.status_code == 302

    response = client.get(_url(board, meeting, "minutes.pdf"))

    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_a_bad_answer_is_a_400_with_a_message(client):
    board = make_board(seats=3)
    meeting = circulate_minutes(_meeting(board), board.editor.user)
    client.force_login(board.seats[0].user)
    response = client.post(_url(board, meeting, "minutes/answer/"), {"answer-decision": "correct"})
    assert response.status_code == 400
    assert "Say what needs correcting" in response.content.decode()
    response = client.post(_url(board, meeting, "minutes/answer/"), {"answer-decision": "maybe"})
    assert response.status_code == 400


def test_answering_minutes_that_are_not_circulated_is_a_400(client):
    board = make_board(seats=3)
    meeting = _meeting(board)
    client.force_login(board.seats[0].user)
    response = client.post(_url(board, meeting, "minutes/answer/"), {"answer-decision": "approve"})
    assert response.status_code == 400
    assert "not waiting" in response.content.decode()


def test_an_editor_circulates_through_the_page(client):
    board = make_board(seats=3)
    meeting = _meeting(board)
    client.force_login(board.editor.user)
    response = client.post(_url(board, meeting, "minutes/circulate/"))
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.minutes_status == MinutesStatus.CIRCULATED


def test_another_workspaces_minutes_are_a_404(client):
    board = make_board(seats=3)
    meeting = _approved(board)
    owner = MembershipFactory(role=Role.OWNER)
    voter = MembershipFactory(workspace=owner.workspace, role=Role.BOARD)
    base = f"/w/{owner.workspace.slug}/governance/meetings/{meeting.pk}/"

    client.force_login(owner.user)
    assert client.get(base + "minutes.pdf").status_code == 404
    assert client.post(base + "minutes/circulate/").status_code == 404
    client.force_login(voter.user)
    assert client.post(base + "minutes/answer/", {"answer-decision": "approve"}).status_code == 404


def test_an_unfiled_pdf_is_a_404(client):
    board = make_board(seats=3)
    meeting = _meeting(board)
    client.force_login(board.seats[0].user)
    assert client.get(_url(board, meeting, "minutes.pdf")).status_code == 404
