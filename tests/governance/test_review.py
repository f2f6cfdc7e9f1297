"""Submitting, voting, deciding and withdrawing, through the governance domain functions."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from charter.errors import DomainError, NotAllowed, TransitionNotAllowed
from charter.models import AuditEvent, Role, VersionStatus
from charter.workspaces.membership import change_role
from governance.models import ApprovalRule, BoardSeat, Review, ReviewStatus, Vote
from governance.reviews.rules import Outcome
from governance.reviews.workflow import cast_vote, submit_for_review, withdraw
from tests.factories import MembershipFactory
from tests.governance.factories import make_board

pytestmark = pytest.mark.django_db
APPROVE, CHANGES = "approve", "request_changes"


def test_submission_opens_a_review_with_the_boards_rule_and_emails_every_voting_seat(
    django_capture_on_commit_callbacks,
):
    board = make_board(seats=5, rule=ApprovalRule.CHAIR_PLUS, chair_plus_count=3)

    with django_capture_on_commit_callbacks(execute=True):
        version = board.submit()

    review = Review.objects.get(version=version)
    assert version.status == VersionStatus.IN_REVIEW
    assert (review.approval_rule, review.chair_plus_count) == (ApprovalRule.CHAIR_PLUS, 3)
    assert len(mail.outbox) == 5
    # One message per seat, so that no member sees the others' addresses.
    assert sorted(message.to for message in mail.outbox) == sorted(
        [m.user.email] for m in board.seats
    )
    assert all(f"/versions/{version.pk}/" in message.body for message in mail.outbox)


def test_changing_the_rule_mid_review_does_not_change_how_the_review_is_decided():
    board = make_board(seats=3, rule=ApprovalRule.MAJORITY)
    version = board.submit()
    settings = board.board
    settings.approval_rule = ApprovalRule.ALL
    settings.save()

    board.vote(version, 0, APPROVE)
    assert board.vote(version, 1, APPROVE) == Outcome.APPROVED


def test_submission_is_refused_when_the_board_could_never_approve():
    board = make_board(seats=0)

    with pytest.raises(TransitionNotAllowed, match="add voting seats"):
        board.submit()

    assert not Review.objects.exists()
    assert board.charter.versions.get().status == VersionStatus.DRAFT


def test_majority_approval_approves_the_version_and_supersedes_the_older_approved_one():
    board = make_board(seats=3)
    first = board.submit(board.publish("2026-Q3"))
    board.vote(first, 0, APPROVE)
    board.vote(first, 1, APPROVE)
    second = board.submit(board.publish("2026-Q4"))

    assert board.vote(second, 0, APPROVE) == Outcome.PENDING
    assert board.vote(second, 2, APPROVE) == Outcome.APPROVED

    first.refresh_from_db()
    assert second.status == VersionStatus.APPROVED
    assert first.status == VersionStatus.SUPERSEDED
    assert Review.objects.get(version=second).status == ReviewStatus.APPROVED


def test_changes_are_requested_as_soon_as_the_rule_cannot_be_met():
    board = make_board(seats=3, rule=ApprovalRule.ALL)
    version = board.submit()

    assert board.vote(version, 0, APPROVE) == Outcome.PENDING
    assert board.vote(version, 1, CHANGES, "Budget is missing.") == Outcome.CHANGES_REQUESTED

    assert version.status == VersionStatus.CHANGES_REQUESTED
    decided = AuditEvent.objects.get(action="review.decided")
    assert decided.changes["decision"] == ReviewStatus.CHANGES_REQUESTED


def test_a_member_may_change_their_vote_until_the_decision():
    board = make_board(seats=5)
    version = board.submit()

    board.vote(version, 0, CHANGES, "Not yet.")
    board.vote(version, 0, APPROVE, "Fine after the call.")

    vote = Vote.objects.get()
    assert (vote.decision, vote.comment) == (APPROVE, "Fine after the call.")
    changed = AuditEvent.objects.get(action="review.vote_changed")
    assert changed.changes["decision"] == [CHANGES, APPROVE]


def test_no_vote_is_taken_after_the_decision():
    board = make_board(seats=3)
    version = board.submit()
    board.vote(version, 0, APPROVE)
    board.vote(version, 1, APPROVE)

    with pytest.raises(TransitionNotAllowed):
        board.vote(version, 2, CHANGES, "Too late")

    assert Vote.objects.count() == 2


def test_the_submitter_cannot_vote_even_with_a_board_seat():
    board = make_board(seats=3)
    version = board.submit()
    # The editor who submitted later becomes a board member with a seat.
    change_role(board.editor, Role.BOARD, by=None)
    # The board role alone gives the seat.
    assert BoardSeat.objects.held().filter(membership=board.editor).exists()

    with pytest.raises(NotAllowed, match="You submitted this version"):
        cast_vote(version, board.editor, APPROVE, reauthenticated_at=timezone.now())

    assert not Vote.objects.exists()
    board.vote(version, 0, APPROVE)
    # Three voters besides the submitter: two approvals decide, the submitter's seat never counts.
    assert board.vote(version, 1, APPROVE) == Outcome.APPROVED


def test_a_vote_without_a_fresh_reauthentication_is_refused():
    board = make_board(seats=3)
    version = board.submit()

    for moment in (None, timezone.now() - timedelta(minutes=6)):
        with pytest.raises(NotAllowed, match="Confirm your password"):
            cast_vote(version, board.seats[0], APPROVE, reauthenticated_at=moment)

    assert not Vote.objects.exists()


def test_members_without_a_seat_or_the_board_role_cannot_vote():
    board = make_board(seats=3)
    version = board.submit()
    seatless = MembershipFactory(workspace=board.workspace, role=Role.BOARD)
    owner = MembershipFactory(workspace=board.workspace, role=Role.OWNER)

    with pytest.raises(NotAllowed, match="seat"):
        cast_vote(version, seatless, APPROVE, reauthenticated_at=timezone.now())
    with pytest.raises(NotAllowed, match="Only board members"):
        cast_vote(version, owner, APPROVE, reauthenticated_at=timezone.now())


def test_an_unknown_decision_is_refused():
    board = make_board(seats=3)
    version = board.submit()

    with pytest.raises(DomainError):
        board.vote(version, 0, "abstain")


def test_the_audit_trail_records_the_reauthenticated_vote_and_the_decided_snapshot():
    board = make_board(seats=1)
    version = board.submit()

    board.vote(version, 0, APPROVE)

    cast = AuditEvent.objects.get(action="review.vote_cast")
    assert cast.changes["reauthenticated"] is True
    assert cast.actor == board.seats[0].user
    decided = AuditEvent.objects.get(action="review.decided")
    assert decided.changes["snapshot_sha256"] == version.snapshot_sha256
    assert decided.changes["votes"] == [
        {"voter": Vote.objects.get().voter_name, "decision": APPROVE}
    ]
    assert Vote.objects.get().version == version


def test_editing_the_live_charter_after_approval_never_changes_what_was_approved():
    board = make_board(seats=1)
    version = board.submit()
    board.vote(version, 0, APPROVE)
    approved_hash = version.snapshot_sha256

    board.charter.title = "Renamed after approval"
    board.charter.save()

    version.refresh_from_db()
    assert version.snapshot_sha256 == approved_hash
    assert version.snapshot["charter"]["title"] != "Renamed after approval"


def test_an_editor_withdraws_and_the_review_closes_without_a_decision():
    board = make_board(seats=3)
    version = board.submit()
    board.vote(version, 0, APPROVE)

    withdraw(version, board.editor.user, board.editor)

    version.refresh_from_db()
    assert version.status == VersionStatus.DRAFT
    assert Review.objects.get().status == ReviewStatus.WITHDRAWN
    assert AuditEvent.objects.filter(action="review.withdrawn").exists()
    # Resubmitting opens a fresh round: the earlier vote does not carry over.
    board.submit(version)
    assert Review.objects.filter(status=ReviewStatus.OPEN).get().votes.count() == 0


def test_a_board_member_cannot_withdraw():
    board = make_board(seats=3)
    version = board.submit()

    with pytest.raises(NotAllowed):
        withdraw(version, board.seats[0].user, board.seats[0])

    version.refresh_from_db()
    assert version.status == VersionStatus.IN_REVIEW


def test_only_one_version_of_a_charter_is_in_review_at_a_time():
    board = make_board(seats=3)
    board.submit()

    with pytest.raises(TransitionNotAllowed):
        submit_for_review(board.publish("2027-Q1"), board.editor.user, board.editor)


def test_the_decision_emails_the_submitter(django_capture_on_commit_callbacks):
    board = make_board(seats=1)
    version = board.submit()

    with django_capture_on_commit_callbacks(execute=True):
        board.vote(version, 0, APPROVE)

    assert [message.to for message in mail.outbox] == [[board.editor.user.email]]
    assert "Approved" in mail.outbox[0].subject


def test_the_version_pages_submit_button_opens_the_review_and_emails_outside_reviewers(
    client, django_capture_on_commit_callbacks
):
    from governance.outside_reviewers.invitations import invite

    board = make_board(seats=2)
    version = board.publish()
    invite(
        board.charter, board.editor.user, name="Ada", email="ada@x.example", may_vote=False, days=5
    )
    client.force_login(board.editor.user)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/w/{board.workspace.slug}/versions/{version.pk}/submit/")

    assert response.status_code == 302
    assert Review.objects.get(version=version).status == ReviewStatus.OPEN
    [outside] = [message for message in mail.outbox if message.to == ["ada@x.example"]]
    assert outside.subject.startswith("Please review")
    assert "/review/" in outside.body
    assert "Read it and vote" not in outside.body
    assert "Read it and comment" in outside.body


def test_the_version_pages_withdraw_button_closes_the_review(client):
    board = make_board(seats=2)
    version = board.submit()
    client.force_login(board.editor.user)

    response = client.post(f"/w/{board.workspace.slug}/versions/{version.pk}/withdraw/")

    assert response.status_code == 302
    assert Review.objects.get(version=version).status == ReviewStatus.WITHDRAWN
