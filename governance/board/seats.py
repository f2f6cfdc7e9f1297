"""The advisory board: its seats, the functions they cover, and what a good board still lacks."""

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from charter.editing.ordering import Moved, move_row
from charter.errors import DomainError
from charter.models import AuditEvent, Membership, Role

from ..models import (
    RECOMMENDED_FUNCTIONS,
    RECOMMENDED_MAX_SEATS,
    RECOMMENDED_MIN_SEATS,
    AdvisoryBoard,
    BoardSeat,
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


def candidates(board: AdvisoryBoard):
    """Members with the board role who have no seat yet."""
    return (
        Membership.objects.filter(
            workspace=board.workspace, role=Role.BOARD, board_seat__isnull=True
        )
        .select_related("user__profile")
        .order_by("user__first_name", "user__last_name", "user__username")
    )


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
                "function": seat.function,
                "chair": seat.is_chair,
            },
        )
    return seat


def remove_seat(seat: BoardSeat, by) -> None:
    with transaction.atomic():
        AuditEvent.record(
            seat.board.workspace, by, "board.seat_removed", seat, changes={"member": seat.name}
        )
        workspace = seat.board.workspace
        seat.delete()
        # The seat's vote no longer counts, so a pending review may now be decided.
        reevaluate_open_reviews(workspace, by)


def update_board(board: AdvisoryBoard, expected_revision: int, by, changed: dict) -> None:
    with transaction.atomic():
        board.save_revision(expected_revision, by=by)
        AuditEvent.record(board.workspace, by, "board.updated", board, changes=changed)


def move_seat(seat: BoardSeat, direction: str, by) -> Moved:
    """Move a seat one place up or down the board's list, and record it like any seat change."""
    with transaction.atomic():
        moved = move_row(seat.board.seats.all(), seat.pk, direction, by)
        AuditEvent.record(
            seat.board.workspace,
            by,
            "board.seat_moved",
            seat,
            changes={"member": seat.name, "place": moved.place, "of": moved.count},
        )
    return moved
