"""Concurrent votes on PostgreSQL: one decision, and every vote either counted or refused."""

import threading

import pytest
from django.db import connection
from django.utils import timezone

from charter.errors import TransitionNotAllowed
from charter.models import AuditEvent, VersionStatus
from governance.models import ApprovalRule, Vote
from governance.reviews.workflow import cast_vote
from tests.governance.factories import make_board


def vote_all_at_once(version, memberships) -> tuple[list, list]:
    barrier = threading.Barrier(len(memberships))
    counted, refused = [], []

    def vote(membership):
        try:
            barrier.wait()
            cast_vote(version, membership, "approve", "Go", reauthenticated_at=timezone.now())
            counted.append(membership.pk)
        except TransitionNotAllowed:
            refused.append(membership.pk)
        finally:
            connection.close()

    threads = [threading.Thread(target=vote, args=(m,)) for m in memberships]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return counted, refused


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_simultaneous_votes_under_all_members_are_all_counted_and_decide_once():
    board = make_board(seats=6, rule=ApprovalRule.ALL)
    version = board.submit()

    counted, refused = vote_all_at_once(version, board.seats)

    assert (len(counted), refused) == (6, [])
    assert Vote.objects.filter(review__version=version).count() == 6
    version.refresh_from_db()
    assert version.status == VersionStatus.APPROVED
    assert AuditEvent.objects.filter(action="review.decided").count() == 1
    assert AuditEvent.objects.filter(action="version.approved").count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_votes_racing_a_majority_decision_are_counted_or_clearly_refused_never_lost():
    board = make_board(seats=7, rule=ApprovalRule.MAJORITY)
    version = board.submit()

    counted, refused = vote_all_at_once(version, board.seats)

    # Four approvals decide; every later voter is told the review is closed.
    assert len(counted) == 4
    assert len(refused) == 3
    counted_users = {m.user_id for m in board.seats if m.pk in counted}
    assert set(Vote.objects.values_list("voter_id", flat=True)) == counted_users
    assert AuditEvent.objects.filter(action="review.decided").count() == 1
    version.refresh_from_db()
    assert version.status == VersionStatus.APPROVED
