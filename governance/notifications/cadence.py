"""The cadence keeps itself: reminders of the board's next review and of each meeting.

Each reminder goes out once: a ``CadenceReminder`` row keyed by board and occasion, unique in
the database, is written with the emails, so overlapping runs send one.
"""

from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from charter.documents.exports import filename
from charter.models import Membership, PdfExport, Role

from ..meetings.minutes import schedule_meeting
from ..models import AdvisoryBoard, BoardSeat, CadenceReminder, Meeting
from .members import notify_member


def _once(board: AdvisoryBoard, key: str, send) -> bool:
    try:
        with transaction.atomic():
            CadenceReminder.objects.create(board=board, key=key)
            send()
    except IntegrityError:
        return False
    return True


def _language(board: AdvisoryBoard) -> str:
    charter = board.workspace.charters.order_by("pk").first()
    return charter.language if charter else settings.LANGUAGE_CODE


def _review_reminder(board: AdvisoryBoard, overdue: bool) -> None:
    owners = Membership.objects.filter(workspace=board.workspace, role=Role.OWNER)
    link = f"{settings.SITE_URL}/w/{board.workspace.slug}/governance/board/"
    values = {"workspace": board.workspace.name, "date": board.next_review_on.isoformat()}
    with translation.override(_language(board)):
        if overdue:
            subject = _("The board review of %(workspace)s is overdue") % values
            body = _("The board's review was due on %(date)s.") % values
        else:
            subject = _("The board review of %(workspace)s is due on %(date)s") % values
            body = _("The board reviews the charter on %(date)s; a draft agenda is ready.") % values
        for owner in owners.select_related("user"):
            notify_member(owner, subject, f"{body}\n\n{link}")
    _draft_agenda(board)


def _draft_agenda(board: AdvisoryBoard) -> None:
    """A meeting on the review date with the standard agenda, unless one is already planned."""
    charter = board.workspace.charters.order_by("pk").first()
    if charter is None or charter.board_meetings.filter(scheduled_at__gte=timezone.now()).exists():
        return
    when = max(board.next_review_on, timezone.localdate() + timedelta(days=1))
    scheduled_at = timezone.make_aware(datetime.combine(when, time(10)))
    schedule_meeting(Meeting(charter=charter, scheduled_at=scheduled_at, is_draft=True), None)


def ready_board_pack(meeting: Meeting) -> PdfExport | None:
    """The newest finished board pack of the meeting, if one was made."""
    return (
        PdfExport.objects.filter(
            version__charter=meeting.charter,
            kind=PdfExport.Kind.BOARD_PACK,
            params__meeting_pk=meeting.pk,
            status=PdfExport.Status.DONE,
        )
        .exclude(file="")
        .order_by("-finished_at", "-pk")
        .first()
    )


def _board_pack_lines(pack: PdfExport | None, site: str, slug: str) -> tuple[str, list]:
    """What the reminder says of the board pack, and the PDF to attach when it is small."""
    if pack is None:
        return _(
            "The board pack is not ready yet; it will be on the meeting's page once it is."
        ), []
    link = f"{site}/w/{slug}/exports/{pack.pk}/download/"
    if pack.size_bytes is not None and pack.size_bytes <= settings.BOARD_PACK_ATTACH_MAX_BYTES:
        files = [(filename(pack), pack.file.name, "application/pdf")]
        return _("The board pack is attached, and here: %(link)s") % {"link": link}, files
    return _("The board pack: %(link)s") % {"link": link}, []


def _meeting_reminder(meeting: Meeting) -> None:
    charter = meeting.charter
    slug = charter.workspace.slug
    link = f"{settings.SITE_URL}/w/{slug}/governance/meetings/{meeting.pk}/"
    seats = (
        BoardSeat.objects.held()
        .filter(board__workspace=charter.workspace)
        .select_related("membership__user", "membership__workspace")
    )
    with translation.override(charter.language):
        subject = _("%(meeting)s: %(charter)s") % {"meeting": meeting, "charter": charter.title}
        pack_line, files = _board_pack_lines(ready_board_pack(meeting), settings.SITE_URL, slug)
        body = _("The board meets in two days. Agenda: %(link)s") % {"link": link}
        for seat in seats:
            notify_member(seat.membership, subject, f"{body}\n\n{pack_line}", files=files)


def send_cadence_reminders(today: date | None = None) -> int:
    today = today or timezone.localdate()
    sent = 0
    ahead = timedelta(days=settings.REVIEW_REMINDER_DAYS)
    for board in AdvisoryBoard.objects.filter(next_review_on__isnull=False).select_related(
        "workspace"
    ):
        due = board.next_review_on
        if today > due:
            sent += _once(board, f"overdue:{due}", lambda b=board: _review_reminder(b, True))
        elif today >= due - ahead:
            sent += _once(board, f"before:{due}", lambda b=board: _review_reminder(b, False))
    soon = today + timedelta(days=settings.MEETING_REMINDER_DAYS)
    meetings = Meeting.objects.filter(
        scheduled_at__date=soon, is_draft=False, cancelled_at__isnull=True
    )
    for meeting in meetings.select_related("charter__workspace__advisory_board"):
        board = AdvisoryBoard.for_workspace(meeting.charter.workspace)
        sent += _once(board, f"meeting:{meeting.pk}", lambda m=meeting: _meeting_reminder(m))
    return sent
