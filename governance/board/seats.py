"""The advisory board: its seats, the functions they cover, and what a good board still lacks."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from charter.editing.ordering import Moved, move_row
from charter.errors import DomainError
from charter.models import AuditEvent, Invitation, Membership, OutboxMessage, Role
from charter.workspaces.membership import pending_invitation, send_invitation

from ..models import (
    RECOMMENDED_FUNCTIONS,
    RECOMMENDED_MAX_SEATS,
    RECOMMENDED_MIN_SEATS,
    AdvisoryBoard,
    BoardFunction,
    BoardSeat,
    MinutesApproval,
    ResolutionVote,
    SeatInvitation,
    Vote,
)
from ..reviews.workflow import reevaluate_open_reviews


def coverage(seats) -> list[dict]:
    """Each recommended function with the seats that cover it (empty when uncovered)."""
    by_function: dict[str, list[str]] = {}
    for seat in seats:
        by_function.setdefault(seat.function, []).append(seat.name)
    return [
        {
            "function": str(function),
            "label": str(function.label),
            "members": by_function.get(function, []),
        }
        for function in RECOMMENDED_FUNCTIONS
    ]


def board_warnings(seat_count: int, has_chair: bool, missing_functions: list[str]) -> list[str]:
    """Advice, never a block: the recommended size, a chair, and the functions not covered."""
    warnings = []
    if seat_count < RECOMMENDED_MIN_SEATS:
        warnings.append(
            _("The board has %(count)s members; %(min)s–%(max)s are recommended.")
            % {"count": seat_count, "min": RECOMMENDED_MIN_SEATS, "max": RECOMMENDED_MAX_SEATS}
        )
    elif seat_count > RECOMMENDED_MAX_SEATS:
        warnings.append(
            _("The board has %(count)s members; more than %(max)s makes decisions slow.")
            % {"count": seat_count, "max": RECOMMENDED_MAX_SEATS}
        )
    if not has_chair:
        warnings.append(_("No chair is named."))
    if missing_functions:
        warnings.append(
            _("No member covers: %(functions)s.") % {"functions": ", ".join(missing_functions)}
        )
    return warnings


def held_seats(board: AdvisoryBoard):
    return board.seats.held().select_related("membership__user__profile")


def has_vote_history(seat: BoardSeat) -> bool:
    """Whether the seat's holder ever voted on a version, the minutes or a resolution here."""
    membership = seat.membership
    if membership is None:
        return True
    workspace = seat.board.workspace
    return (
        Vote.objects.filter(
            voter_id=membership.user_id, review__version__charter__workspace=workspace
        ).exists()
        or MinutesApproval.objects.filter(member=membership).exists()
        or ResolutionVote.objects.filter(member=membership).exists()
    )


def hold_seat(
    membership: Membership,
    by,
    function: str = BoardFunction.OTHER,
    title: str = "",
    is_chair: bool = False,
) -> BoardSeat:
    """The member's seat, created or taken up again: a member with the board role holds one.

    A seat the member held before (released when the role went) comes back with its title;
    ``function`` and ``is_chair`` from an invitation to the seat win over what it had.
    """
    board = AdvisoryBoard.for_workspace(membership.workspace)
    seat = BoardSeat.objects.filter(membership=membership).first()
    if seat is None:
        seat = BoardSeat(board=board, membership=membership, function=function, title=title)
    elif seat.is_held and function == BoardFunction.OTHER and not is_chair:
        return seat
    else:
        if function != BoardFunction.OTHER:
            seat.function = function
        seat.title = title or seat.title
        seat.released_at, seat.holder_name = None, ""
    seat.is_chair = is_chair or seat.is_chair
    return save_seat(seat, by)


def save_seat(seat: BoardSeat, by) -> BoardSeat:
    """Add or change a seat; naming a new chair hands the chair over in the same transaction."""
    if seat.membership.workspace_id != seat.board.workspace_id:
        raise DomainError(_("Only members of this workspace can hold a seat."))
    if seat.membership.role != Role.BOARD:
        raise DomainError(_("Only members with the board role can hold a seat."))
    created = seat.pk is None
    with transaction.atomic():
        AdvisoryBoard.objects.select_for_update().filter(pk=seat.board_id).first()
        if created:
            last = seat.board.seats.aggregate(last=Max("position"))["last"]
            seat.position = 0 if last is None else last + 1
        if seat.is_chair:
            seat.board.seats.filter(is_chair=True).exclude(pk=seat.pk).update(is_chair=False)
        seat.save()
        AuditEvent.record(
            seat.board.workspace,
            by,
            "board.seat_added" if created else "board.seat_changed",
            seat,
            changes={
                "member": seat.name,
                "title": seat.title,
                "function": str(seat.get_function_display()),
                "chair": seat.is_chair,
            },
        )
    return seat


def release_seat(seat: BoardSeat, by) -> None:
    """Free the seat of a member who lost the board role or is leaving.

    A seat with votes behind it stays, released, with its holder's name, so the record of who
    sat on the board and voted keeps reading true; one without is deleted.
    """
    workspace = seat.board.workspace
    with transaction.atomic():
        AuditEvent.record(workspace, by, "board.seat_released", seat, changes={"member": seat.name})
        if has_vote_history(seat):
            seat.holder_name = seat.name
            seat.released_at = timezone.now()
            seat.is_chair = False
            seat.save(update_fields=["holder_name", "released_at", "is_chair"])
        else:
            seat.delete()
        # The seat's vote no longer counts, so a pending review may now be decided.
        reevaluate_open_reviews(workspace, by)


def follow_membership(event: str, workspace, payload: dict) -> None:
    """Keep the seats in step with the board role, as the core announces its changes."""
    if not event.startswith("membership."):
        return
    membership = (
        Membership.objects.select_related("user__profile", "workspace")
        .filter(pk=payload["membership_id"])
        .first()
    )
    if membership is None:
        return
    by = get_user_model().objects.filter(pk=payload.get("by_id")).first()
    seat = BoardSeat.objects.held().filter(membership=membership).first()
    if event != "membership.leaving" and membership.role == Role.BOARD:
        offer = SeatInvitation.objects.filter(invitation_id=payload.get("invitation_id")).first()
        if offer is None:
            hold_seat(membership, by)
        else:
            hold_seat(membership, by, function=offer.function, is_chair=offer.is_chair)
    elif seat is not None:
        release_seat(seat, by)


def check_room_for_a_seat(board: AdvisoryBoard) -> None:
    """Invitations to a seat stop at the recommended maximum, counting those still pending."""
    taken = board.seats.held().count() + pending_offers(board).count()
    if taken >= RECOMMENDED_MAX_SEATS:
        raise DomainError(
            _("The board already has %(max)s seats, counting pending invitations.")
            % {"max": RECOMMENDED_MAX_SEATS}
        )


def pending_offers(board: AdvisoryBoard):
    return SeatInvitation.objects.filter(
        board=board,
        invitation__accepted_at__isnull=True,
        invitation__expires_at__gt=timezone.now(),
    ).select_related("invitation")


def invite_to_seat(
    board: AdvisoryBoard, by, *, email: str, display_name: str, function: str, is_chair: bool, link
) -> tuple[Invitation, OutboxMessage]:
    """The Members page's invitation, with the board role and the seat it offers.

    ``link(invitation)`` is the absolute address that accepts it.
    """
    with transaction.atomic():
        AdvisoryBoard.objects.select_for_update().filter(pk=board.pk).first()
        check_room_for_a_seat(board)
        if pending_invitation(board.workspace, email) is not None:
            raise DomainError(
                _("An invitation to %(email)s is already waiting.") % {"email": email}
            )
        invitation = Invitation.objects.create(
            workspace=board.workspace, email=email, role=Role.BOARD, invited_by=by
        )
        SeatInvitation.objects.create(
            invitation=invitation,
            board=board,
            display_name=display_name,
            function=function,
            is_chair=is_chair,
        )
        email_message = send_invitation(invitation, link(invitation), by, greeting=display_name)
    return invitation, email_message


def update_board(board: AdvisoryBoard, expected_revision: int, by, changed: dict) -> None:
    with transaction.atomic():
        board.save_revision(expected_revision, by=by)
        AuditEvent.record(board.workspace, by, "board.updated", board, changes=changed)


def move_seat(seat: BoardSeat, direction: str, by) -> Moved:
    """Move a seat one place up or down the board's list, and record it like any seat change."""
    with transaction.atomic():
        moved = move_row(seat.board.seats.held(), seat.pk, direction, by)
        AuditEvent.record(
            seat.board.workspace,
            by,
            "board.seat_moved",
            seat,
            changes={"member": seat.name, "place": moved.place, "of": moved.count},
        )
    return moved
