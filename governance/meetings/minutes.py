"""Board meetings: the standard agenda drawn from the live charter, minutes and follow-up."""

from collections import defaultdict
from datetime import date

from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from charter.models import AuditEvent, Charter
from charter.registry import announce, registry, snapshot_section

from ..models import ActionItem, AgendaItem, AgendaKind, Meeting, MeetingDecision
from ..models.meetings import OPEN_ACTION_STATUSES
from .calendar import CALENDAR_FIELDS, send_invitations


def _briefings(charter: Charter, as_of: date) -> dict[str, list[str]]:
    """What the sections say by topic, from their live snapshots: governance reads no other
    app's snapshot, each section words its own lines (``Section.briefing``)."""
    topics: dict[str, list[str]] = defaultdict(list)
    for section in registry:
        if section.briefing is not None:
            for topic, lines in section.briefing(snapshot_section(section, charter), as_of).items():
                topics[topic] += lines
    return topics


def standard_agenda(charter: Charter, as_of: date) -> list[tuple[str, str, str]]:
    """The five standard items, prefilled from the live charter as of the meeting's date."""
    briefings = _briefings(charter, as_of)
    open_actions = [
        f"- {item.title}" + (f" ({item.owner_name})" if item.owner_id else "")
        for item in open_action_items(charter).select_related("owner__user__profile")
    ]
    return [
        (
            AgendaKind.PROGRAMS_IN_FLIGHT,
            str(AgendaKind.PROGRAMS_IN_FLIGHT.label),
            "\n".join(briefings["in_flight"]) or _("No roadmap milestone is in progress."),
        ),
        (
            AgendaKind.RESULTS,
            str(AgendaKind.RESULTS.label),
            "\n".join(briefings["results"]) or _("No metrics are defined in the charter yet."),
        ),
        (
            AgendaKind.ACTIONS_NEEDED,
            str(AgendaKind.ACTIONS_NEEDED.label),
            "\n".join(open_actions) or _("Decisions and support the enablement team needs."),
        ),
        (
            AgendaKind.UPCOMING_PROGRAMS,
            str(AgendaKind.UPCOMING_PROGRAMS.label),
            "\n".join(briefings["upcoming"]) or _("No roadmap milestone is planned."),
        ),
        (
            AgendaKind.FEEDBACK,
            str(AgendaKind.FEEDBACK.label),
            _("What the board hears from the field, and what it asks of enablement."),
        ),
    ]


def schedule_meeting(meeting: Meeting, by) -> Meeting:
    """Save a new meeting with its standard agenda; the board is invited unless it is a draft."""
    with transaction.atomic():
        meeting.created_by = by
        when = timezone.localtime(meeting.scheduled_at)
        meeting.save_revision(meeting.revision, by=by)
        # The agenda is stored text, so it is written in the workspace's language, not the
        # language of whoever happens to schedule the meeting.
        with translation.override(meeting.charter.workspace.language):
            agenda = standard_agenda(meeting.charter, timezone.localdate(meeting.scheduled_at))
        AgendaItem.objects.bulk_create(
            AgendaItem(meeting=meeting, kind=kind, title=title, notes=notes, position=position)
            for position, (kind, title, notes) in enumerate(agenda)
        )
        if meeting.is_draft:
            _record(meeting, by, "meeting.drafted", meeting)
        else:
            _announce_scheduled(meeting, by, when)
    return meeting


def _announce_scheduled(meeting: Meeting, by, when) -> None:
    _record(meeting, by, "meeting.scheduled", meeting)
    send_invitations(meeting)
    announce(
        "meeting.scheduled",
        meeting.charter.workspace,
        {"charter_id": meeting.charter_id, "when": f"{when:%Y-%m-%d %H:%M}"},
    )


def confirm_meeting(meeting: Meeting, by) -> bool:
    """Schedule a meeting the cadence drafted: only now is the board invited. Whether it
    was a draft (confirming twice invites once)."""
    with transaction.atomic():
        confirmed = Meeting.objects.filter(
            pk=meeting.pk, is_draft=True, cancelled_at__isnull=True
        ).update(is_draft=False)
        if not confirmed:
            return False
        meeting.refresh_from_db()
        _announce_scheduled(meeting, by, timezone.localtime(meeting.scheduled_at))
    return True


def _record(meeting: Meeting, by, action: str, obj, **changes) -> None:
    AuditEvent.record(
        meeting.charter.workspace,
        by,
        action,
        obj,
        changes={"meeting": str(meeting), **changes},
    )


def update_meeting(meeting: Meeting, expected_revision: int, by, changed: dict[str, list]) -> None:
    """Save the meeting; a change calendars hold sends the board an updated invitation."""
    reschedules = (
        bool(CALENDAR_FIELDS & set(changed))
        and meeting.cancelled_at is None
        and not meeting.is_draft
    )
    with transaction.atomic():
        if reschedules:
            meeting.calendar_sequence += 1
        meeting.save_revision(expected_revision, by=by)
        _record(meeting, by, "meeting.changed", meeting, **changed)
        if reschedules:
            send_invitations(meeting)


def open_action_items(charter: Charter):
    return ActionItem.objects.still_open().filter(meeting__charter=charter)


def carried_over(meeting: Meeting):
    """Open action items raised at earlier meetings: they stay on the list until closed."""
    return (
        ActionItem.objects.still_open()
        .filter(meeting__in=meeting.earlier_meetings())
        .select_related("owner__user__profile", "meeting")
    )


def closed_at_meeting(meeting: Meeting):
    """Items raised at earlier meetings and closed while this one was the latest held.

    They left the carried-over list, but this meeting's record still shows them, done.
    """
    following = (
        Meeting.objects.filter(charter_id=meeting.charter_id, scheduled_at__gt=meeting.scheduled_at)
        .order_by("scheduled_at")
        .values_list("scheduled_at", flat=True)
        .first()
    )
    items = ActionItem.objects.exclude(status__in=OPEN_ACTION_STATUSES).filter(
        meeting__in=meeting.earlier_meetings(), closed_at__gte=meeting.scheduled_at
    )
    if following is not None:
        items = items.filter(closed_at__lt=following)
    return items.select_related("owner__user__profile", "meeting")


def next_meeting(charter: Charter):
    return (
        charter.board_meetings.filter(scheduled_at__gte=timezone.now())
        .order_by("scheduled_at")
        .first()
    )


def save_agenda_item(item: AgendaItem, by) -> AgendaItem:
    created = item.pk is None
    with transaction.atomic():
        if created:
            last = item.meeting.agenda_items.aggregate(last=Max("position"))["last"]
            item.position = 0 if last is None else last + 1
        item.save()
        _record(
            item.meeting,
            by,
            "meeting.agenda_added" if created else "meeting.agenda_changed",
            item,
            title=item.title,
        )
    return item


def move_agenda_item(item: AgendaItem, direction: str, by) -> None:
    """Swap an item with its neighbour above or below; positions are renumbered densely."""
    with transaction.atomic():
        Meeting.objects.select_for_update().filter(pk=item.meeting_id).first()
        items = list(item.meeting.agenda_items.order_by("position", "pk"))
        index = next(i for i, other in enumerate(items) if other.pk == item.pk)
        target = index - 1 if direction == "up" else index + 1
        if not 0 <= target < len(items):
            return
        items[index], items[target] = items[target], items[index]
        for position, other in enumerate(items):
            other.position = position
        AgendaItem.objects.bulk_update(items, ["position"])
        _record(
            item.meeting, by, "meeting.agenda_moved", item, title=item.title, direction=direction
        )


def remove_agenda_item(item: AgendaItem, by) -> None:
    with transaction.atomic():
        _record(item.meeting, by, "meeting.agenda_removed", item, title=item.title)
        item.delete()


def add_decision(meeting: Meeting, text: str, by) -> MeetingDecision:
    with transaction.atomic():
        decision = MeetingDecision.objects.create(meeting=meeting, text=text.strip())
        _record(meeting, by, "meeting.decision_added", decision, text=decision.text)
    return decision


def remove_decision(decision: MeetingDecision, by) -> None:
    with transaction.atomic():
        _record(decision.meeting, by, "meeting.decision_removed", decision, text=decision.text)
        decision.delete()


def save_action_item(item: ActionItem, by, changed: list[str] | None = None) -> ActionItem:
    created = item.pk is None
    with transaction.atomic():
        item.closed_at = None if item.is_open else (item.closed_at or timezone.now())
        item.save()
        _record(
            item.meeting,
            by,
            "meeting.action_added" if created else "meeting.action_changed",
            item,
            title=item.title,
            status=item.status,
            **({"fields": changed} if changed else {}),
        )
    return item
