"""Read receipts: which board members opened the version in review and the board pack."""

import pytest

from charter.models import Role
from charter.workspaces.membership import change_role
from governance.models import Meeting, OpenedDocument, ReadReceipt
from tests.charter.pdf_factories import export_now
from tests.factories import MembershipFactory
from tests.governance.factories import make_board

pytestmark = pytest.mark.django_db


def version_url(version):
    return f"/w/{version.charter.workspace.slug}/versions/{version.pk}/"


def download_url(export):
    return f"/w/{export.version.charter.workspace.slug}/exports/{export.pk}/download/"


@pytest.fixture
def in_review():
    board = make_board(seats=3)
    return board, board.submit()


def test_a_board_member_opening_the_version_leaves_one_receipt_with_the_first_time(
    client, in_review
):
    board, version = in_review
    client.force_login(board.seats[1].user)

    client.get(version_url(version))
    first = ReadReceipt.objects.get()
    client.get(version_url(version))

    receipt = ReadReceipt.objects.get()
    assert (receipt.membership, receipt.document, receipt.version) == (
        board.seats[1],
        OpenedDocument.VERSION_PAGE,
        version,
    )
    assert receipt.first_opened_at == first.first_opened_at


def test_members_without_a_seat_leave_no_receipt(client, in_review):
    board, version = in_review
    viewer = MembershipFactory(workspace=board.workspace, role=Role.VIEWER)
    for member in (board.editor, viewer):
        client.force_login(member.user)
        assert client.get(version_url(version)).status_code == 200
    assert not ReadReceipt.objects.exists()


def test_the_submitters_own_views_never_count_as_a_board_members(client, in_review):
    board, version = in_review
    change_role(board.editor, Role.BOARD, by=None)
    client.force_login(board.editor.user)

    client.get(version_url(version))

    assert not ReadReceipt.objects.exists()


def test_the_board_page_and_the_review_panel_show_who_opened_it_and_when(client, in_review):
    board, version = in_review
    client.force_login(board.seats[2].user)
    client.get(version_url(version))
    reader = board.seats[2].user.get_full_name()
    absent = board.seats[0].user.get_full_name()

    client.force_login(board.editor.user)
    page = client.get(f"/w/{board.workspace.slug}/governance/board/").content.decode()
    panel = client.get(version_url(version)).content.decode()

    assert "Who has read it" in page
    assert f"Version {version.number} of {board.charter.title}, in review" in page
    for html, heading in ((page, "Who has read it"), (panel, "Who has opened this version")):
        html = html[html.index(heading) :]
        row_of_reader = html[html.index(reader) :].split("</tr>")[0]
        row_of_absent = html[html.index(absent) :].split("</tr>")[0]
        assert "<time" in row_of_reader
        assert "Not opened yet" in row_of_absent


def test_pdf_downloads_leave_receipts_for_the_version_and_the_meetings_board_pack(
    client, in_review, django_capture_on_commit_callbacks
):
    board, version = in_review
    meeting = Meeting.objects.create(charter=board.charter, scheduled_at=version.created_at)
    charter_pdf = export_now(django_capture_on_commit_callbacks, version)
    pack = export_now(
        django_capture_on_commit_callbacks,
        version,
        kind="board_pack",
        params={"meeting_pk": meeting.pk},
    )
    client.force_login(board.seats[1].user)

    for export in (charter_pdf, pack, pack):
        assert client.get(download_url(export)).status_code == 200

    receipts = {receipt.document: receipt for receipt in ReadReceipt.objects.all()}
    assert set(receipts) == {OpenedDocument.CHARTER_PDF, OpenedDocument.BOARD_PACK}
    assert receipts[OpenedDocument.CHARTER_PDF].version == version
    assert receipts[OpenedDocument.BOARD_PACK].meeting == meeting
    client.force_login(board.editor.user)
    page = client.get(f"/w/{board.workspace.slug}/governance/board/").content.decode()
    assert f"Board pack: {meeting}" in page


def test_the_version_page_reads_the_board_seats_once_for_votes_and_receipts(client, in_review):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    board, version = in_review
    client.force_login(board.seats[1].user)
    client.get(version_url(version))
    with CaptureQueriesContext(connection) as queries:
        html = client.get(version_url(version)).content.decode()
    # Recording this open checks the reader's seat on its own (an EXISTS).
    seat_reads = [
        query
        for query in queries.captured_queries
        if query["sql"].startswith('SELECT "governance_boardseat"."id"')
    ]
    assert len(seat_reads) == 1
    assert "Vote" in html
