"""Read receipts: which board members opened the version under review and the board pack.

The core announces every open (``document.opened``); only a member holding a seat leaves a
receipt, never the version's own submitter, and only the first open of each document is
kept, so a receipt says when the member first read it.
"""

from django.utils import timezone

from charter.models import CharterVersion, Membership, Role, VersionStatus

from ..models import AdvisoryBoard, BoardSeat, Meeting, OpenedDocument, ReadReceipt, Review
from .workflow import open_review

KINDS = {
    "version_page": OpenedDocument.VERSION_PAGE,
    "charter": OpenedDocument.CHARTER_PDF,
    "board_pack": OpenedDocument.BOARD_PACK,
}


def record_open(event: str, workspace, payload: dict) -> None:
    if event != "document.opened" or payload.get("document") not in KINDS:
        return
    membership = Membership.objects.filter(
        pk=payload["membership_id"], workspace=workspace, role=Role.BOARD
    ).first()
    if membership is None or not BoardSeat.objects.held().filter(membership=membership).exists():
        return
    version = CharterVersion.objects.filter(
        pk=payload["version_id"], charter__workspace=workspace
    ).first()
    if version is None:
        return
    document = KINDS[payload["document"]]
    receipt = ReadReceipt(membership=membership, document=document, first_opened_at=timezone.now())
    if document == OpenedDocument.BOARD_PACK:
        receipt.meeting = Meeting.objects.filter(
            pk=payload.get("params", {}).get("meeting_pk"), charter=version.charter
        ).first()
        if receipt.meeting is None:
            return
    else:
        review = open_review(version)
        if review is not None and review.submitted_by_id == membership.user_id:
            return
        receipt.version = version
    # The unique constraints keep the first open; a later one (or a race) changes nothing.
    ReadReceipt.objects.bulk_create([receipt], ignore_conflicts=True)


def _first_opens(receipts) -> dict[int, object]:
    first: dict[int, object] = {}
    for receipt in receipts:
        known = first.get(receipt.membership_id)
        if known is None or receipt.first_opened_at < known:
            first[receipt.membership_id] = receipt.first_opened_at
    return first


def pack_meeting(workspace) -> Meeting | None:
    """The meeting whose pack the board reads now: the next one, else the last held."""
    meetings = Meeting.objects.filter(
        charter__workspace=workspace, cancelled_at__isnull=True, is_draft=False
    )
    upcoming = meetings.filter(scheduled_at__gte=timezone.now()).order_by("scheduled_at").first()
    return upcoming or meetings.order_by("-scheduled_at").first()


def version_receipts(version: CharterVersion, seats, review: Review | None = None) -> list[dict]:
    """Each seat holder (not the submitter) and when they first opened the version; ``review``,
    its open review, when the caller has already read it."""
    review = review or open_review(version)
    submitter = review.submitted_by_id if review else None
    opens = _first_opens(
        ReadReceipt.objects.filter(version=version).exclude(membership__user_id=submitter)
    )
    return [
        {"name": seat.name, "opened_at": opens.get(seat.membership_id)}
        for seat in seats
        if seat.membership.user_id != submitter
    ]


def receipts_for_board(board: AdvisoryBoard, seats=None) -> dict:
    """The versions in review and the current board pack, each with who opened it when;
    ``seats``, the board's held seats with their holders' profiles, when already loaded."""
    if seats is None:
        seats = board.seats.held().select_related("membership__user__profile")
    seats = list(seats)
    in_review = CharterVersion.objects.filter(
        charter__workspace=board.workspace, status=VersionStatus.IN_REVIEW
    ).select_related("charter")
    meeting = pack_meeting(board.workspace)
    pack = None
    if meeting is not None:
        opens = _first_opens(meeting.read_receipts.filter(document=OpenedDocument.BOARD_PACK))
        pack = {
            "meeting": meeting,
            "rows": [
                {"name": seat.name, "opened_at": opens.get(seat.membership_id)} for seat in seats
            ],
        }
    return {
        "versions": [
            {"version": version, "rows": version_receipts(version, seats)} for version in in_review
        ],
        "pack": pack,
    }
