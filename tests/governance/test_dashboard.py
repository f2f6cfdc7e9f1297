"""The charter page's governance panel and the approval record in the charter PDF."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from governance.documents import approval_record
from tests.governance.factories import ActionItemFactory, MeetingFactory, make_board

pytestmark = pytest.mark.django_db


def test_the_charter_page_shows_votes_so_far_next_review_and_open_actions(client):
    board = make_board(seats=3)
    version = board.submit()
    board.vote(version, 0, "approve", "Looks right")
    settings = board.board
    settings.next_review_on = date.today() - timedelta(days=3)
    settings.save()
    meeting = MeetingFactory(charter=board.charter)
    ActionItemFactory(
        meeting=meeting, title="Send the budget", due_on=date.today() - timedelta(days=1)
    )
    client.force_login(board.seats[2].user)

    page = client.get(f"/w/{board.workspace.slug}/charters/{board.charter.pk}/").content.decode()

    assert "Board review and follow-up" in page
    assert "1 of 3 approve" in page
    assert board.seats[0].user.get_full_name() in page
    assert "Yet to vote:" in page
    assert "Overdue" in page
    assert "Send the budget" in page
    assert "1 open action item" in page


def test_the_approval_record_lists_each_vote_with_who_when_decision_and_comment():
    board = make_board(seats=1)
    version = board.submit()
    board.vote(version, 0, "approve", "Ship it")

    record = approval_record(version, {})

    assert record["status"] == "approved"
    assert record["snapshot_sha256"] == version.snapshot_sha256
    [vote] = record["votes"]
    assert vote["name"] == board.seats[0].user.get_full_name()
    assert (vote["decision"], vote["comment"], vote["reauthenticated"]) == (
        "approve",
        "Ship it",
        True,
    )
    assert vote["voted_at"].startswith(str(timezone.localdate().year))


def test_a_version_never_reviewed_has_no_approval_record():
    board = make_board(seats=1)

    assert approval_record(board.publish(), {}) is None


def test_the_charter_page_costs_the_same_queries_for_few_and_many_votes_and_actions(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    board = make_board(seats=8)
    version = board.submit()
    meeting = MeetingFactory(charter=board.charter)
    client.force_login(board.editor.user)
    url = f"/w/{board.workspace.slug}/charters/{board.charter.pk}/"

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    board.vote(version, 0, "approve")
    ActionItemFactory(meeting=meeting)
    few = queries()
    for index in range(1, 4):
        board.vote(version, index, "approve")
    ActionItemFactory.create_batch(9, meeting=meeting)
    assert queries() == few
