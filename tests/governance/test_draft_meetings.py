"""A meeting the cadence drafts invites nobody until it is scheduled."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from charter.models import Role
from governance.meetings.calendar import feed
from governance.models import Meeting
from governance.notifications.cadence import send_cadence_reminders
from tests.factories import MembershipFactory
from tests.governance.factories import make_board

pytestmark = pytest.mark.django_db


def calendar_emails():
    return [m for m in mail.outbox if any(a[0].endswith(".ics") for a in m.attachments)]


@pytest.fixture
def drafted(django_capture_on_commit_callbacks):
    board = make_board(seats=3)
    owner = MembershipFactory(workspace=board.workspace, role=Role.OWNER)
    settings_of_board = board.board
    settings_of_board.next_review_on = timezone.localdate() + timedelta(days=5)
    settings_of_board.save()
    with django_capture_on_commit_callbacks(execute=True):
        send_cadence_reminders(timezone.localdate())
    return board, owner, Meeting.objects.get(charter=board.charter)


def meeting_url(meeting, path=""):
    return f"/w/{meeting.charter.workspace.slug}/governance/meetings/{meeting.pk}/{path}"


def test_the_cadence_drafts_a_meeting_without_calendar_invitations(drafted):
    board, _owner, meeting = drafted
    assert meeting.is_draft
    assert calendar_emails() == []
    assert "UID:meeting-" not in feed(board.workspace)


def test_scheduling_the_draft_invites_the_board_once(
    client, drafted, django_capture_on_commit_callbacks
):
    board, owner, meeting = drafted
    client.force_login(owner.user)
    page = client.get(meeting_url(meeting)).content.decode()
    assert "Schedule and invite the board" in page

    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(meeting_url(meeting, "schedule/"))
        again = client.post(meeting_url(meeting, "schedule/"), follow=True)

    assert first.status_code == 302
    assert "already scheduled" in again.content.decode()
    invited = sorted(message.to[0] for message in calendar_emails())
    assert invited == sorted(seat.user.email for seat in board.seats)
    meeting.refresh_from_db()
    assert not meeting.is_draft
    assert f"UID:meeting-{meeting.pk}@charterboard" in feed(board.workspace)


def test_editing_or_cancelling_a_draft_sends_no_calendar_email(
    client, drafted, django_capture_on_commit_callbacks
):
    board, owner, meeting = drafted
    client.force_login(owner.user)
    data = {
        "charter": board.charter.pk,
        "scheduled_at": "2027-03-04T15:30",
        "format": "in_person",
        "location": "HQ, room 4",
        "revision": meeting.revision,
    }
    with django_capture_on_commit_callbacks(execute=True):
        edited = client.post(meeting_url(meeting, "edit/"), data)
        client.post(meeting_url(meeting, "cancel/"))
        refused = client.post(meeting_url(meeting, "schedule/"))

    assert edited.status_code == 302, edited.content.decode()[:300]
    assert calendar_emails() == []
    assert refused.status_code == 409
    assert "This meeting is cancelled" in refused.content.decode()


def test_board_members_are_not_reminded_of_a_draft(drafted, django_capture_on_commit_callbacks):
    board, _owner, meeting = drafted
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        send_cadence_reminders(timezone.localdate(meeting.scheduled_at) - timedelta(days=2))
    members = {seat.user.email for seat in board.seats}
    assert not [m for m in mail.outbox if m.to[0] in members]


def test_viewers_cannot_schedule_a_draft(client, drafted):
    board, _owner, meeting = drafted
    client.force_login(board.seats[0].user)
    assert client.post(meeting_url(meeting, "schedule/")).status_code == 403
    meeting.refresh_from_db()
    assert meeting.is_draft
