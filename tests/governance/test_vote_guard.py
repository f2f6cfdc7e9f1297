"""Once a review is decided, raw SQL cannot add, change or delete its votes."""

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from governance.models import Review, Vote, VoteDecision
from governance.reviews.workflow import withdraw
from tests.governance.factories import make_board

pytestmark = pytest.mark.django_db

APPROVE, CHANGES = VoteDecision.APPROVE, VoteDecision.REQUEST_CHANGES


def raw_sql(statement: str, params=()):
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def refused(statement: str, params=()):
    with pytest.raises(IntegrityError, match="closed review"), transaction.atomic():
        raw_sql(statement, params)


@pytest.fixture
def decided():
    """A board of three whose review was approved by the first two seats."""
    board = make_board(seats=3)
    version = board.submit()
    board.vote(version, 0, APPROVE)
    board.vote(version, 1, APPROVE)
    board.review = Review.objects.get(version=version)
    return board


@pytest.mark.parametrize(
    "assignment", ["decision = 'request_changes'", "comment = 'forged'", "voter_name = 'forged'"]
)
def test_a_vote_of_a_decided_review_cannot_be_changed(decided, assignment):
    vote = decided.review.votes.first()
    refused(f"UPDATE governance_vote SET {assignment} WHERE id = %s", [vote.pk])  # noqa: S608
    stored = Vote.objects.get(pk=vote.pk)
    assert (stored.decision, stored.comment) == (APPROVE, "Reviewed.")


def test_a_vote_of_a_decided_review_cannot_be_deleted(decided):
    refused("DELETE FROM governance_vote WHERE review_id = %s", [decided.review.pk])
    assert decided.review.votes.count() == 2


def test_a_vote_cannot_be_added_to_a_decided_review(decided):
    late = decided.seats[2].user
    refused(
        "INSERT INTO governance_vote (review_id, version_id, voter_id, voter_name, voter_email,"
        " voter_title, decision, comment, reauthenticated, created_at, updated_at)"
        " VALUES (%s, %s, %s, 'Late', '', '', 'request_changes', '', FALSE, %s, %s)",
        [decided.review.pk, decided.review.version_id, late.pk, timezone.now(), timezone.now()],
    )
    assert decided.review.votes.count() == 2


def test_a_vote_cannot_be_moved_into_a_decided_review(decided):
    open_board = make_board(seats=3)
    version = open_board.submit()
    open_board.vote(version, 0, CHANGES)
    vote = Vote.objects.get(version=version)
    refused("UPDATE governance_vote SET review_id = %s WHERE id = %s", [decided.review.pk, vote.pk])


def test_deleting_a_voters_account_keeps_their_vote_and_name(decided):
    vote = decided.review.votes.first()
    name = vote.voter_name
    decided.seats[0].user.delete()
    vote.refresh_from_db()
    assert (vote.voter, vote.voter_name, vote.decision) == (None, name, APPROVE)


def test_a_vote_still_changes_while_its_review_is_open():
    board = make_board(seats=5)
    version = board.submit()
    board.vote(version, 0, CHANGES, "Not yet.")
    vote = Vote.objects.get()
    raw_sql("UPDATE governance_vote SET comment = 'Edited' WHERE id = %s", [vote.pk])
    board.vote(version, 0, APPROVE, "Fine after the call.")
    vote.refresh_from_db()
    assert (vote.decision, vote.comment) == (APPROVE, "Fine after the call.")


def test_the_votes_of_a_withdrawn_review_are_frozen_too():
    board = make_board(seats=5)
    version = board.submit()
    board.vote(version, 0, CHANGES, "Not yet.")
    withdraw(version, board.editor.user, board.editor)
    refused("UPDATE governance_vote SET decision = 'approve'")
    assert Vote.objects.get().decision == CHANGES


@pytest.mark.postgres
def test_the_votes_cannot_be_truncated(decided):
    raw_sql("SET CONSTRAINTS ALL IMMEDIATE")
    with pytest.raises(IntegrityError, match="truncated"), transaction.atomic():
        raw_sql("TRUNCATE governance_vote")
    assert decided.review.votes.count() == 2
