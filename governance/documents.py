"""Plain data for the PDF parts governance adds: the approval record and the board meeting."""

from django.utils import timezone
from django.utils.translation import gettext as _

from charter.formatting import format_datetime
from charter.models import CharterVersion
from charter.people import person

from .meetings.minutes import carried_over, next_meeting
from .models import Meeting, ReviewStatus, VoteDecision
from .reviews.workflow import review_summary


def _iso(moment) -> str | None:
    return timezone.localtime(moment).isoformat(timespec="minutes") if moment else None


def _label(moment) -> str:
    """The moment as a reader expects it in print, in the active language."""
    return format_datetime(moment) if moment else ""


def approval_record(version: CharterVersion, params: dict) -> dict | None:
    """Who voted what, when and why on this exact snapshot; None before any review."""
    review = (
        version.reviews.exclude(status=ReviewStatus.WITHDRAWN)
        .select_related("submitted_by__profile")
        .first()
    )
    if review is None:
        return None
    summary = review_summary(review)
    submitter = review.submitted_by
    return {
        "status": review.status,
        "status_label": str(review.get_status_display()),
        "rule": review.rule_description(),
        "submitted_by": person(submitter) if submitter else "",
        "submitted_at": _iso(review.submitted_at),
        "submitted_label": _label(review.submitted_at),
        "decided_at": _iso(review.closed_at),
        "decided_label": _label(review.closed_at),
        "snapshot_sha256": version.snapshot_sha256,
        "pending": summary["pending"],
        # For the cover's "Approved by": only once the board has approved.
        "approvers": [
            {"name": vote.voter_name, "title": vote.voter_title, "outside": vote.is_outside}
            for vote in summary["votes"]
            if review.status == ReviewStatus.APPROVED and vote.decision == VoteDecision.APPROVE
        ],
        "votes": [
            {
                "name": vote.voter_name,
                "title": vote.voter_title,
                "email": vote.voter_email if vote.is_outside else "",
                "outside": vote.is_outside,
                "decision": vote.decision,
                "decision_label": str(vote.get_decision_display()),
                "comment": vote.comment,
                "voted_at": _iso(vote.updated_at),
                "voted_label": _label(vote.updated_at),
                "reauthenticated": vote.reauthenticated,
            }
            for vote in summary["votes"]
        ],
    }


def is_meeting_of(version: CharterVersion, meeting_pk) -> bool:
    """Whether a board pack of this version may name that meeting: one of its charter's."""
    return (
        isinstance(meeting_pk, int)
        and Meeting.objects.filter(charter_id=version.charter_id, pk=meeting_pk).exists()
    )


def _meeting(version: CharterVersion, params: dict) -> Meeting | None:
    """The meeting named in the export's params, else the charter's next (or latest) one."""
    meetings = Meeting.objects.filter(charter_id=version.charter_id)
    meeting_pk = str((params or {}).get("meeting_pk") or "")
    if meeting_pk.isdigit():
        return meetings.filter(pk=int(meeting_pk)).first()
    return next_meeting(version.charter) or meetings.first()


def meeting_agenda(version: CharterVersion, params: dict) -> dict | None:
    """When and where the board meets, and the agenda, for the board pack."""
    meeting = _meeting(version, params)
    if meeting is None:
        return None
    return {
        "cover_subtitle": _("Board meeting of %(when)s") % {"when": _label(meeting.scheduled_at)},
        "scheduled_at": _iso(meeting.scheduled_at),
        "scheduled_label": _label(meeting.scheduled_at),
        "format": meeting.format,
        "format_label": str(meeting.get_format_display()),
        "location": meeting.location,
        "video_link": meeting.video_link,
        "agenda": [
            {"title": item.title, "notes": item.notes} for item in meeting.agenda_items.all()
        ],
        "decisions": [decision.text for decision in meeting.decisions.all()],
    }


def open_actions(version: CharterVersion, params: dict) -> dict | None:
    """Every open action item up to that meeting, the carried-over ones first."""
    meeting = _meeting(version, params)
    if meeting is None:
        return None
    items = list(carried_over(meeting)) + list(
        meeting.action_items.still_open().select_related("owner__user__profile")
    )
    return {
        "action_items": [
            {
                "title": item.title,
                "owner": item.owner_name,
                "due_on": item.due_on.isoformat() if item.due_on else None,
                "status": item.status,
                "status_label": str(item.get_status_display()),
                "overdue": item.is_overdue,
                "carried_over": item.meeting_id != meeting.pk,
                "raised_on": timezone.localtime(item.meeting.scheduled_at).date().isoformat(),
            }
            for item in items
        ],
    }
