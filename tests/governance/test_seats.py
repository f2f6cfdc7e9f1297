"""A member with the board role holds a seat; the seat follows the role and keeps its votes."""

import importlib
from datetime import timedelta

import pytest
from django.apps import apps as installed_apps
from django.core import mail
from django.utils import timezone

from charter.models import Invitation, Membership, Role
from charter.workspaces.membership import accept_invitation, change_role, remove_member
from governance.models import AdvisoryBoard, BoardFunction, BoardSeat, SeatInvitation, Vote
from tests.factories import MembershipFactory, UserFactory
from tests.governance.factories import make_board

pytestmark = pytest.mark.django_db

APPROVE = "approve"


def invite_url(workspace):
    return f"/w/{workspace.slug}/governance/board/seats/invite/"


def invite_data(**changes):
    data = {
        "invite-email": "Chief.Product@Example.com",
        "invite-display_name": "Priya Raman",
        "invite-function": "product",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def owner_of(workspace):
    return MembershipFactory(workspace=workspace, role=Role.OWNER)


def test_accepting_an_invitation_with_the_board_role_gives_a_seat():
    owner = MembershipFactory(role=Role.OWNER)
    invitation = Invitation.objects.create(
        workspace=owner.workspace, email="cro@example.com", role=Role.BOARD
    )

    membership = accept_invitation(invitation, UserFactory(email="cro@example.com"))

    seat = BoardSeat.objects.held().get(membership=membership)
    assert seat.function == BoardFunction.OTHER
    assert seat.board == AdvisoryBoard.for_workspace(owner.workspace)


def test_an_invitation_with_another_role_gives_no_seat():
    owner = MembershipFactory(role=Role.OWNER)
    invitation = Invitation.objects.create(
        workspace=owner.workspace, email="ed@example.com", role=Role.EDITOR
    )
    accept_invitation(invitation, UserFactory(email="ed@example.com"))
    assert not BoardSeat.objects.exists()


def test_given_the_board_role_a_member_holds_one_seat_and_the_page_counts_it(client):
    board = make_board(seats=2)
    viewer = MembershipFactory(workspace=board.workspace, role=Role.VIEWER)

    change_role(viewer, Role.BOARD, by=board.editor.user)
    change_role(viewer, Role.BOARD, by=board.editor.user)
    client.force_login(board.editor.user)
    page = client.get(f"/w/{board.workspace.slug}/governance/board/").content.decode()

    assert BoardSeat.objects.filter(membership=viewer).count() == 1
    assert "3 seats" in page
    assert viewer.user.get_full_name() in page


def test_losing_the_board_role_deletes_a_seat_that_never_voted():
    board = make_board(seats=2)
    change_role(board.seats[1], Role.VIEWER, by=board.editor.user)
    assert not BoardSeat.objects.filter(membership=board.seats[1]).exists()
    assert BoardSeat.objects.held().count() == 1


def test_a_seat_with_votes_is_released_with_its_name_and_the_vote_kept(client):
    board = make_board(seats=3)
    version = board.submit()
    board.vote(version, 1, APPROVE)
    name = BoardSeat.objects.get(membership=board.seats[1]).name

    change_role(board.seats[1], Role.VIEWER, by=board.editor.user)

    seat = BoardSeat.objects.get(membership=board.seats[1])
    assert seat.released_at is not None
    assert seat.holder_name == name
    assert not seat.can_vote
    assert Vote.objects.filter(voter=board.seats[1].user).exists()
    client.force_login(board.editor.user)
    page = client.get(f"/w/{board.workspace.slug}/governance/board/").content.decode()
    assert "2 seats" in page
    assert "1 former seat" in page


def test_a_member_who_leaves_keeps_a_released_seat_only_when_they_voted():
    board = make_board(seats=3)
    version = board.submit()
    board.vote(version, 1, APPROVE)
    owner = owner_of(board.workspace)
    voter_name = BoardSeat.objects.get(membership=board.seats[1]).name

    remove_member(board.seats[1], by=owner.user)
    remove_member(board.seats[2], by=owner.user)

    released = BoardSeat.objects.exclude(released_at=None).get()
    assert released.membership is None
    assert released.name == voter_name
    assert BoardSeat.objects.held().count() == 1


def test_getting_the_board_role_back_takes_up_the_released_seat_again():
    board = make_board(seats=2)
    version = board.submit()
    board.vote(version, 1, APPROVE)
    seat = BoardSeat.objects.get(membership=board.seats[1])
    change_role(board.seats[1], Role.VIEWER, by=board.editor.user)

    change_role(board.seats[1], Role.BOARD, by=board.editor.user)

    again = BoardSeat.objects.get(membership=board.seats[1])
    assert (again.pk, again.released_at, again.title) == (seat.pk, None, seat.title)


def test_the_factory_and_the_board_role_make_a_single_seat_each():
    make_board(seats=4)
    assert BoardSeat.objects.count() == 4
    assert Membership.objects.filter(role=Role.BOARD).count() == 4


def test_the_data_migration_seats_every_board_member_without_a_seat():
    board = make_board(seats=1)
    # Members given the role before seats held themselves, as the old code left them.
    unseated = MembershipFactory.create_batch(2, workspace=board.workspace, role=Role.BOARD)
    other = MembershipFactory(role=Role.BOARD)
    migration = importlib.import_module("governance.migrations.0007_give_board_members_their_seats")

    migration.give_board_members_their_seats(installed_apps, None)

    assert BoardSeat.objects.count() == 4
    for membership in [*unseated, other]:
        assert BoardSeat.objects.get(membership=membership).function == BoardFunction.OTHER
    assert BoardSeat.objects.get(membership=other).board.workspace == other.workspace


def test_the_owner_invites_to_a_seat_and_the_invitee_holds_it_on_acceptance(
    client, django_capture_on_commit_callbacks
):
    board = make_board(seats=2)
    owner = owner_of(board.workspace)
    client.force_login(owner.user)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            invite_url(board.workspace), invite_data(**{"invite-is_chair": "on"})
        )

    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert (invitation.email, invitation.role) == ("chief.product@example.com", Role.BOARD)
    (email,) = mail.outbox
    assert email.to == ["chief.product@example.com"]
    assert "Dear Priya Raman," in email.body
    assert f"/invitations/{invitation.token}/" in email.body
    page = client.get(f"/w/{board.workspace.slug}/governance/board/").content.decode()
    assert "Invited to a seat" in page and "Priya Raman" in page

    membership = accept_invitation(invitation, UserFactory(email="chief.product@example.com"))

    seat = BoardSeat.objects.held().get(membership=membership)
    assert (seat.function, seat.is_chair) == (BoardFunction.PRODUCT, True)
    assert BoardSeat.objects.filter(is_chair=True).get() == seat
    assert BoardSeat.objects.held().count() == 3


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"invite-email": "not-an-email"}, "Enter a valid email address."),
        ({"invite-display_name": "   "}, "This field is required."),
        ({"invite-function": "astrology"}, "Select a valid choice."),
    ],
)
def test_a_bad_invitation_to_a_seat_is_a_400_that_sends_nothing(client, changes, message):
    board = make_board(seats=1)
    client.force_login(owner_of(board.workspace).user)

    response = client.post(invite_url(board.workspace), invite_data(**changes))

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Invitation.objects.exists()
    assert not mail.outbox


def test_an_existing_member_or_a_waiting_invitation_is_refused(client):
    board = make_board(seats=1)
    owner = owner_of(board.workspace)
    client.force_login(owner.user)
    member_email = board.seats[0].user.email.upper()

    as_member = client.post(
        invite_url(board.workspace), invite_data(**{"invite-email": member_email})
    )
    first = client.post(invite_url(board.workspace), invite_data())
    again = client.post(invite_url(board.workspace), invite_data())

    assert as_member.status_code == 400
    assert "already a member of the workspace" in as_member.content.decode()
    assert first.status_code == 302
    assert again.status_code == 400
    assert "already waiting" in again.content.decode()
    assert Invitation.objects.count() == 1


def test_an_expired_invitation_does_not_block_a_new_one(client):
    board = make_board(seats=1)
    client.force_login(owner_of(board.workspace).user)
    Invitation.objects.create(
        workspace=board.workspace,
        email="chief.product@example.com",
        role=Role.BOARD,
        expires_at=timezone.now() - timedelta(days=1),
    )
    response = client.post(invite_url(board.workspace), invite_data())
    assert response.status_code == 302


def test_the_eleventh_seat_is_refused_counting_pending_invitations(client):
    board = make_board(seats=9)
    client.force_login(owner_of(board.workspace).user)

    tenth = client.post(invite_url(board.workspace), invite_data())
    eleventh = client.post(
        invite_url(board.workspace), invite_data(**{"invite-email": "cfo@example.com"})
    )

    assert tenth.status_code == 302
    assert eleventh.status_code == 409
    assert "already has 10 seats" in eleventh.content.decode()
    assert 'value="cfo@example.com"' in eleventh.content.decode()
    assert SeatInvitation.objects.count() == 1


def test_only_owners_invite_to_a_seat(client):
    board = make_board(seats=1)
    for member in (board.editor, board.seats[0]):
        client.force_login(member.user)
        assert client.post(invite_url(board.workspace), invite_data()).status_code == 403
    assert not Invitation.objects.exists()


def test_the_invite_form_is_shown_to_owners_only(client):
    board = make_board(seats=1)
    client.force_login(board.editor.user)
    assert (
        "Invite someone to a seat"
        not in client.get(f"/w/{board.workspace.slug}/governance/board/").content.decode()
    )
    client.force_login(owner_of(board.workspace).user)
    assert (
        "Invite someone to a seat"
        in client.get(f"/w/{board.workspace.slug}/governance/board/").content.decode()
    )
