"""The votes of a review as CSV and Excel: one row per vote as recorded, safe to open."""

import csv
import io

import pytest
from openpyxl import load_workbook

from governance.models import VoteDecision
from tests.governance.factories import make_board

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewed(client):
    board = make_board(seats=3)
    version = board.submit()
    board.vote(version, 0, VoteDecision.APPROVE, "=1+1 looks right")
    board.vote(version, 1, VoteDecision.REQUEST_CHANGES, "Coaching needs an owner.")
    client.force_login(board.seats[2].user)
    client.base = f"/w/{board.workspace.slug}/governance/reviews/{version.reviews.get().pk}"
    client.version = version
    return client


def test_votes_download_as_csv_one_row_per_vote(reviewed):
    response = reviewed.get(f"{reviewed.base}/votes.csv")

    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row["Decision"] for row in rows] == ["Approve", "Request changes"]
    assert rows[0]["Comment"] == "'=1+1 looks right"
    assert rows[0]["Password confirmed"] == "yes" and rows[0]["Outside reviewer"] == "no"
    assert rows[0]["Version"] == str(reviewed.version.number)
    assert rows[0]["Snapshot SHA-256"] == reviewed.version.snapshot_sha256
    assert rows[1]["Review status"] == "In review"


def test_votes_download_as_a_workbook_with_typed_cells(reviewed):
    response = reviewed.get(f"{reviewed.base}/votes.xlsx")

    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [cell.value for cell in sheet[1]]
    first = dict(zip(header, sheet[2], strict=True))
    assert sheet.title == "Votes" and sheet.max_row == 3
    assert first["Comment"].value == "=1+1 looks right" and first["Comment"].data_type == "s"
    assert first["Password confirmed"].value is True
    assert first["Cast at"].is_date


def test_the_review_panel_links_to_the_votes_download(reviewed):
    page = reviewed.get(
        f"/w/{reviewed.version.charter.workspace.slug}/governance/versions/{reviewed.version.pk}/review/"
    )

    assert f'href="{reviewed.base}/votes.xlsx"'.encode() in page.content


def test_another_workspace_s_votes_are_a_404(reviewed, member_client):
    review_pk = reviewed.version.reviews.get().pk
    stranger = member_client("owner")
    slug = stranger.membership.workspace.slug

    assert stranger.get(f"/w/{slug}/governance/reviews/{review_pk}/votes.csv").status_code == 404


def test_votes_workbook_with_a_control_character_in_a_comment_downloads(client):
    board = make_board(seats=2)
    version = board.submit()
    board.vote(version, 0, VoteDecision.APPROVE, "Fine\x07 by me")
    client.force_login(board.seats[1].user)
    base = f"/w/{board.workspace.slug}/governance/reviews/{version.reviews.get().pk}"

    response = client.get(f"{base}/votes.xlsx")

    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [cell.value for cell in sheet[1]]
    assert dict(zip(header, sheet[2], strict=True))["Comment"].value == "Fine by me"
