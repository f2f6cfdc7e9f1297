"""Reviews and their votes through the REST API (read only)."""

import pytest

from charter.models import ApiToken
from governance.models import VoteDecision
from tests.charter.api_helpers import TokenHolder
from tests.governance.factories import make_board

pytestmark = pytest.mark.django_db


def _holder(client, board) -> TokenHolder:
    token, secret = ApiToken.issue(board.editor.user, board.workspace, "BI", ["read"], 30)
    return TokenHolder(client, board.editor, board.charter, token, secret)


def test_a_versions_review_lists_its_votes_with_decisions_in_words(client):
    board = make_board(seats=3)
    version = board.submit()
    board.vote(version, 0, VoteDecision.APPROVE, "Clear goals.")
    holder = _holder(client, board)

    listed = holder.call("GET", f"/versions/{version.pk}/reviews")

    assert listed.status_code == 200
    [review] = listed.json()
    assert review["status"] == "open"
    assert review["status_label"] == "In review"
    assert review["approval_rule"]
    [vote] = review["votes"]
    assert (vote["decision_label"], vote["comment"]) == ("Approve", "Clear goals.")
    assert holder.call("GET", f"/reviews/{review['id']}").json()["id"] == review["id"]


def test_another_workspaces_review_is_404(client):
    ours, theirs = make_board(seats=1), make_board(seats=1)
    their_version = theirs.submit()
    holder = _holder(client, ours)
    their_review = their_version.reviews.get()

    assert holder.call("GET", f"/versions/{their_version.pk}/reviews").status_code == 404
    assert holder.call("GET", f"/reviews/{their_review.pk}").status_code == 404


def test_a_version_reads_with_its_snapshot_and_hash_and_no_pdf_yet(client):
    board = make_board(seats=1)
    version = board.publish()
    holder = _holder(client, board)

    detail = holder.call("GET", f"/versions/{version.pk}").json()
    pdf = holder.call("GET", f"/versions/{version.pk}/pdf")

    assert detail["snapshot_sha256"] == version.snapshot_sha256
    assert set(detail["snapshot"]) == set(version.snapshot)
    assert detail["pdf_available"] is False
    assert pdf.status_code == 404
    assert "No PDF" in pdf.json()["detail"]
