"""Calendar invitations for board meetings (iCalendar, RFC 5545) and the workspace's feed.

An invitation keeps the meeting's UID for life and a SEQUENCE that grows with every change,
so calendars update or cancel the event they already hold."""

import hashlib
import secrets
from datetime import timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress, vText

from charter.mail import queue_email
from charter.models import AuditEvent, Workspace
from charter.people import person

from ..models import CalendarFeed, Meeting, MeetingFormat
from ..reviews.workflow import voting_seats

# Meetings have a start but no end in the model; calendars need one.
MEETING_LENGTH = timedelta(minutes=90)
# Changing any of these changes the event a calendar holds.
CALENDAR_FIELDS = {"scheduled_at", "format", "location", "video_link"}


def meeting_uid(meeting: Meeting) -> str:
    return f"meeting-{meeting.pk}@charterboard"


def _event(meeting: Meeting, method: str) -> Event:
    zone = ZoneInfo(settings.TIME_ZONE)
    start = timezone.localtime(meeting.scheduled_at, zone)
    event = Event()
    event.add("uid", meeting_uid(meeting))
    event.add("sequence", meeting.calendar_sequence)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", start)
    event.add("dtend", start + MEETING_LENGTH)
    event.add("summary", _("Advisory board: %(charter)s") % {"charter": meeting.charter})
    if meeting.format == MeetingFormat.IN_PERSON:
        event.add("location", meeting.location)
    elif meeting.video_link:
        event.add("location", meeting.video_link)
        event.add("url", meeting.video_link)
    event.add("description", str(meeting.get_format_display()))
    cancelled = method == "CANCEL" or meeting.cancelled_at is not None
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    return event


def _calendar(method: str | None) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//Charterboard//Board meetings//EN")
    calendar.add("version", "2.0")
    if method:
        calendar.add("method", method)
    return calendar


def invitation(meeting: Meeting, method: str, attendees: list[tuple[str, str]]) -> str:
    """One REQUEST or CANCEL for the meeting, addressed to (name, email) attendees."""
    calendar = _calendar(method)
    event = _event(meeting, method)
    organizer = vCalAddress(f"mailto:{settings.DEFAULT_FROM_EMAIL}")
    organizer.params["cn"] = vText("Charterboard")
    event["organizer"] = organizer
    for name, email in attendees:
        attendee = vCalAddress(f"mailto:{email}")
        attendee.params["cn"] = vText(name)
        attendee.params["role"] = vText("REQ-PARTICIPANT")
        attendee.params["rsvp"] = vText("TRUE")
        event.add("attendee", attendee, encode=0)
    calendar.add_component(event)
    return calendar.to_ical().decode()


def send_invitations(meeting: Meeting, method: str = "REQUEST") -> int:
    """Queue one email per board member with the meeting's .ics; how many were queued."""
    sent = 0
    for seat in voting_seats(meeting.charter.workspace):
        user = seat.membership.user
        if not user.email:
            continue
        name = person(user)
        ics = invitation(meeting, method, [(name, user.email)])
        if method == "CANCEL":
            subject = _("Cancelled: %(meeting)s") % {"meeting": meeting}
            body = _("The board meeting of %(charter)s is cancelled.")
        else:
            subject = str(meeting)
            body = _(
                "You are invited to the board meeting of %(charter)s. The invitation is attached."
            )
        queue_email(
            subject,
            body % {"charter": meeting.charter},
            [user.email],
            attachments=[("invite.ics", ics, f"text/calendar; method={method}; charset=utf-8")],
        )
        sent += 1
    return sent


def cancel_meeting(meeting: Meeting, by) -> None:
    with transaction.atomic():
        meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if meeting.cancelled_at is not None:
            return
        now = timezone.now()
        Meeting.objects.filter(pk=meeting.pk).update(
            cancelled_at=now, calendar_sequence=meeting.calendar_sequence + 1
        )
        meeting.refresh_from_db()
        # A draft's board was never invited, so there is nothing to take back.
        if not meeting.is_draft:
            send_invitations(meeting, "CANCEL")
        AuditEvent.record(
            meeting.charter.workspace,
            by,
            "meeting.cancelled",
            meeting,
            changes={"meeting": str(meeting)},
        )


def feed(workspace: Workspace) -> str:
    """Every meeting of the workspace, cancelled ones marked so, without attendees."""
    calendar = _calendar(None)
    calendar.add("x-wr-calname", _("Board meetings: %(workspace)s") % {"workspace": workspace})
    meetings = Meeting.objects.filter(charter__workspace=workspace, is_draft=False)
    for meeting in meetings.select_related("charter"):
        calendar.add_component(_event(meeting, "PUBLISH"))
    return calendar.to_ical().decode()


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def rotate_feed(workspace: Workspace, by) -> str:
    """A new secret for the feed (the old link stops working); the secret, shown once."""
    token = secrets.token_urlsafe(32)
    CalendarFeed.objects.update_or_create(
        workspace=workspace, defaults={"token_hash": _hash(token)}
    )
    AuditEvent.record(workspace, by, "calendar.feed_rotated", None, changes={})
    return token


def revoke_feed(workspace: Workspace, by) -> None:
    CalendarFeed.objects.filter(workspace=workspace).delete()
    AuditEvent.record(workspace, by, "calendar.feed_revoked", None, changes={})


def workspace_for_token(token: str) -> Workspace | None:
    feed_row = CalendarFeed.objects.select_related("workspace").filter(token_hash=_hash(token))
    found = feed_row.first()
    return found.workspace if found else None
