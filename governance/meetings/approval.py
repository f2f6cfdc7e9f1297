"""Minutes the board approves: circulated to the seats, answered under the board's rule,
then locked and filed as a PDF; a request for corrections sends them back to draft."""

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from charter.errors import NotAllowed, TransitionNotAllowed
from charter.models import AuditEvent, Membership
from charter.people import person

from ..models import (
    AdvisoryBoard,
    BoardSeat,
    Meeting,
    MinutesApproval,
    MinutesDecision,
    MinutesStatus,
)
from ..reviews.rules import Outcome, Tally
from ..reviews.workflow import voting_seats


def _record(meeting: Meeting, by, action: str, **changes) -> None:
    AuditEvent.record(
        meeting.charter.workspace, by, action, meeting, changes={"meeting": str(meeting), **changes}
    )


def _locked(meeting: Meeting) -> Meeting:
    return (
        Meeting.objects.select_for_update().select_related("charter__workspace").get(pk=meeting.pk)
    )


def minutes_tally(meeting: Meeting, seats: list[BoardSeat] | None = None) -> Tally:
    """The current circulation's answers counted by the board's approval rule (the same
    rule, and the same code, as a version review); ``seats`` are the voting seats when
    already loaded."""
    workspace = meeting.charter.workspace
    board = AdvisoryBoard.for_workspace(workspace)
    if seats is None:
        seats = list(voting_seats(workspace))
    answers = meeting.minutes_answers.filter(circulation=meeting.minutes_circulation)
    decisions = dict(answers.values_list("member_id", "decision"))
    return Tally(
        rule=board.approval_rule,
        chair_plus_count=board.chair_plus_count,
        voters=frozenset(str(seat.membership_id) for seat in seats),
        chair=next((str(seat.membership_id) for seat in seats if seat.is_chair), None),
        approvals=frozenset(
            str(pk) for pk, decision in decisions.items() if decision == MinutesDecision.APPROVE
        ),
        rejections=frozenset(
            str(pk) for pk, decision in decisions.items() if decision == MinutesDecision.CORRECT
        ),
    )


def circulate_minutes(meeting: Meeting, by) -> Meeting:
    with transaction.atomic():
        meeting = _locked(meeting)
        if meeting.minutes_status != MinutesStatus.DRAFT:
            raise TransitionNotAllowed(_("Only draft minutes can be circulated."))
        if not meeting.minutes.strip():
            raise TransitionNotAllowed(_("Write the minutes before circulating them."))
        if not voting_seats(meeting.charter.workspace).exists():
            raise TransitionNotAllowed(_("The board has no voting members to approve the minutes."))
        Meeting.objects.filter(pk=meeting.pk).update(
            minutes_status=MinutesStatus.CIRCULATED,
            minutes_circulation=meeting.minutes_circulation + 1,
            revision=F("revision") + 1,
        )
        meeting.refresh_from_db()
        _record(meeting, by, "meeting.minutes_circulated", circulation=meeting.minutes_circulation)
    return meeting


def answer_minutes(meeting: Meeting, member: Membership, decision: str, comment: str = "") -> str:
    """Record one board member's answer; the board's rule may then approve (and lock) the
    minutes or send them back to draft. Returns the outcome."""
    with transaction.atomic():
        meeting = _locked(meeting)
        if meeting.minutes_status != MinutesStatus.CIRCULATED:
            raise TransitionNotAllowed(_("These minutes are not waiting for the board’s answer."))
        if not voting_seats(meeting.charter.workspace).filter(membership=member).exists():
            raise NotAllowed(_("Only board members with a seat answer for the minutes."))
        if decision not in MinutesDecision.values:
            raise TransitionNotAllowed(_("Approve the minutes or request corrections."))
        if decision == MinutesDecision.CORRECT and not comment.strip():
            raise TransitionNotAllowed(_("Say what needs correcting."))
        MinutesApproval.objects.update_or_create(
            meeting=meeting,
            circulation=meeting.minutes_circulation,
            member=member,
            defaults={
                "decision": decision,
                "comment": comment.strip(),
                "member_name": person(member.user),
            },
        )
        action = (
            "meeting.minutes_approved_by_member"
            if decision == MinutesDecision.APPROVE
            else "meeting.minutes_correction_requested"
        )
        _record(meeting, member.user, action, comment=comment.strip())
        outcome = minutes_tally(meeting).outcome()
        if outcome == Outcome.APPROVED:
            _lock_and_file(meeting, member.user)
        elif outcome == Outcome.CHANGES_REQUESTED:
            Meeting.objects.filter(pk=meeting.pk).update(
                minutes_status=MinutesStatus.DRAFT, revision=F("revision") + 1
            )
            _record(meeting, member.user, "meeting.minutes_back_to_draft")
    return outcome


def _lock_and_file(meeting: Meeting, by) -> None:
    now = timezone.now()
    Meeting.objects.filter(pk=meeting.pk).update(
        minutes_status=MinutesStatus.APPROVED, minutes_locked_at=now, revision=F("revision") + 1
    )
    meeting.refresh_from_db()
    # WeasyPrint loads with the first minutes filed, not with every process that starts the app.
    from charter.documents.rendering import render

    pdf = render(minutes_html(meeting)).data
    meeting.minutes_pdf.save(f"minutes-{meeting.pk}.pdf", ContentFile(pdf), save=False)
    Meeting.objects.filter(pk=meeting.pk).update(minutes_pdf=meeting.minutes_pdf.name)
    _record(meeting, by, "meeting.minutes_locked", pdf=meeting.minutes_pdf.name)


def minutes_html(meeting: Meeting) -> str:
    answers = meeting.minutes_answers.filter(
        circulation=meeting.minutes_circulation, decision=MinutesDecision.APPROVE
    )
    return render_to_string(
        "governance/meetings/minutes_pdf.html",
        {
            "meeting": meeting,
            "decisions": meeting.decisions.all(),
            "resolutions": meeting.resolutions.prefetch_related("votes"),
            "approvals": answers,
        },
    )


def save_minutes(meeting: Meeting, expected_revision: int, by) -> None:
    """Save the minutes text; only draft minutes change (approved ones are locked)."""
    if meeting.minutes_status == MinutesStatus.CIRCULATED:
        raise TransitionNotAllowed(
            _(
                "The minutes are with the board for approval. A member who requests "
                "corrections sends them back to draft."
            )
        )
    with transaction.atomic():
        meeting.save_revision(expected_revision, by=by)
        _record(meeting, by, "meeting.changed", fields=["minutes"])
