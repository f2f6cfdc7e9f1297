"""The meeting page answers in a fixed number of queries, whatever the size of the board."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from governance.models import ActionStatus
from tests.governance.factories import ActionItemFactory, MeetingFactory, make_board


def meeting_page_queries(client, seats: int) -> int:
    board = make_board(seats=seats)
    earlier = MeetingFactory(
        charter=board.charter, scheduled_at=timezone.now() - timezone.timedelta(days=90)
    )
    meeting = MeetingFactory(charter=board.charter)
    for index, member in enumerate(board.seats):
        ActionItemFactory(meeting=earlier, owner=member)
        ActionItemFactory(meeting=meeting, owner=member)
        if index % 2:
            ActionItemFactory(
                meeting=earlier,
                owner=member,
                status=ActionStatus.DONE,
                closed_at=meeting.scheduled_at + timezone.timedelta(hours=1),
            )
    client.force_login(board.editor.user)
    url = f"/w/{board.workspace.slug}/governance/meetings/{meeting.pk}/"
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_meeting_page_query_count_does_not_grow_with_the_board(client):
    assert meeting_page_queries(client, seats=3) == meeting_page_queries(client, seats=12)


@pytest.mark.django_db
def test_the_mover_and_the_seconder_list_the_board_from_one_query(client):
    board = make_board(seats=3)
    meeting = MeetingFactory(charter=board.charter)
    client.force_login(board.editor.user)
    url = f"/w/{board.workspace.slug}/governance/meetings/{meeting.pk}/"
    with CaptureQueriesContext(connection) as queries:
        html = client.get(url).content.decode()
    for field in ("mover", "seconder"):
        options = html.split(f'name="resolution-{field}"', 1)[1].split("</select>", 1)[0]
        assert options.count("<option") == len(board.seats) + 1
    board_reads = [
        query
        for query in queries.captured_queries
        if query["sql"].startswith('SELECT "charter_membership"')
        and '"charter_membership"."id" IN' in query["sql"]
    ]
    assert len(board_reads) == 1
