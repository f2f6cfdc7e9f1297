"""The board lists its seats in the order people give them (Move up / Move down)."""

import re

import pytest
from django.test import Client

from charter.models import AuditEvent
from governance.models import BoardSeat
from tests.factories import MembershipFactory
from tests.governance.factories import make_board

pytestmark = pytest.mark.django_db


@pytest.fixture
def board():
    result = make_board(seats=3)
    client = Client()
    client.force_login(result.editor.user)
    result.client = client
    result.slug = result.editor.workspace.slug
    return result


def seat_order():
    return list(BoardSeat.objects.values_list("title", flat=True))


def move(board, title, direction):
    seat = BoardSeat.objects.get(title=title)
    return board.client.post(
        f"/w/{board.slug}/governance/board/seats/{seat.pk}/move/", {"direction": direction}
    )


def test_moving_a_seat_changes_the_list_says_where_it_is_and_is_audited(board):
    response = move(board, "VP 2", "up")

    assert response.status_code == 302
    assert "moved=" in response["Location"]
    assert seat_order() == ["VP 0", "VP 2", "VP 1"]
    page = board.client.get(response["Location"]).content.decode()
    assert "Moved up, now 2 of 3" in page
    assert page.index("VP 2") < page.index("VP 1")
    focused = re.findall(r"<button[^>]*autofocus[^>]*>", page)
    assert len(focused) == 1 and 'value="up"' in focused[0]
    assert AuditEvent.objects.filter(action="board.seat_moved").count() == 1


def test_moving_the_first_seat_up_is_a_400_with_a_message(board):
    response = move(board, "VP 0", "up")

    assert response.status_code == 400
    assert "This row is already first." in response.content.decode()
    assert seat_order() == ["VP 0", "VP 1", "VP 2"]


def test_another_workspaces_seat_is_not_found(board):
    other = make_board(seats=2)
    theirs = BoardSeat.objects.filter(board__workspace=other.editor.workspace).order_by("pk")
    before = list(theirs.values_list("pk", "position"))

    response = board.client.post(
        f"/w/{board.slug}/governance/board/seats/{theirs.last().pk}/move/", {"direction": "up"}
    )

    assert response.status_code == 404
    assert list(theirs.values_list("pk", "position")) == before


def test_a_board_member_cannot_reorder_seats(board):
    member = MembershipFactory(workspace=board.editor.workspace, role="board")
    board.client.force_login(member.user)

    response = move(board, "VP 1", "up")

    assert response.status_code in (403, 404)
    assert seat_order() == ["VP 0", "VP 1", "VP 2"]
