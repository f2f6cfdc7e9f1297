"""Calendar invitations of board meetings and the workspace's subscribable feed."""

import pytest
from django.core import mail
from icalendar import Calendar

from charter.models import AuditEvent, Role
from governance.meetings.calendar import rotate_feed
from governance.models import CalendarFeed, Meeting
from tests.factories import MembershipFactory
from tests.governance.factories import make_board

pytestmark = pytest.mark.django_db


def _invitations():
    """(recipient, parsed calendar) of every email with an .ics attached."""
    found = []
    for message in mail.outbox:
        for name, content, mimetype in message.attachments:
            if name.endswith(".ics"):
                found.append((message.to, Calendar.from_ical(content), mimetype))
    return found


def _event(calendar):
    return next(iter(calendar.walk("VEVENT")))


@pytest.fixture
def board(client):
    board = make_board(seats=3)
    client.force_login(board.editor.user)
    return board


def _schedule(client, board, captured, **fields):
    url = f"/w/{board.workspace.slug}/governance/meetings/new/"
    data = {"charter": board.charter.pk, "scheduled_at": "2027-03-04T15:30", "format": "virtual"}
    with captured(execute=True):
        response = client.post(url, data | fields)
    assert response.status_code == 302, response.content.decode()[:500]
    return Meeting.objects.get(charter=board.charter)


def test_scheduling_a_meeting_sends_each_board_member_a_request(
    client, board, django_capture_on_commit_callbacks, settings
):
    meeting = _schedule(client, board, django_capture_on_commit_callbacks)

    invitations = _invitations()
    emails = sorted(seat.user.email for seat in board.seats)
    assert sorted(to[0] for to, _c, _m in invitations) == emails
    for to, calendar, mimetype in invitations:
        assert calendar["METHOD"] == "REQUEST"
        assert "method=REQUEST" in mimetype
        event = _event(calendar)
        assert str(event["UID"]) == f"meeting-{meeting.pk}@charterboard"
        assert event["SEQUENCE"] == 0
        start = event.decoded("DTSTART")
        assert start.tzinfo is not None and str(start.tzinfo) == settings.TIME_ZONE
        assert start == meeting.scheduled_at
        attendees = event["ATTENDEE"]
        attendees = attendees if isinstance(attendees, list) else [attendees]
        assert [str(a) for a in attendees] == [f"mailto:{to[0]}"]


def test_rescheduling_sends_an_update_with_the_same_uid_and_a_higher_sequence(
    client, board, django_capture_on_commit_callbacks
):
    meeting = _schedule(client, board, django_capture_on_commit_callbacks)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/w/{board.workspace.slug}/governance/meetings/{meeting.pk}/edit/",
            {
                "scheduled_at": "2027-03-05T09:00",
                "format": "in_person",
                "location": "HQ, room 4",
                "revision": meeting.revision,
            },
        )

    assert response.status_code == 302
    events = [_event(calendar) for _to, calendar, _m in _invitations()]
    assert len(events) == 3
    assert {str(e["UID"]) for e in events} == {f"meeting-{meeting.pk}@charterboard"}
    assert {e["SEQUENCE"] for e in events} == {1}
    assert {str(e["LOCATION"]) for e in events} == {"HQ, room 4"}


def test_saving_the_minutes_sends_no_invitation(client, board, django_capture_on_commit_callbacks):
    meeting = _schedule(client, board, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/w/{board.workspace.slug}/governance/meetings/{meeting.pk}/minutes/",
            {"minutes-minutes": "We met.", "minutes-revision": meeting.revision},
        )
    assert _invitations() == []


def test_cancelling_sends_a_cancel_and_records_it(
    client, board, django_capture_on_commit_callbacks
):
    meeting = _schedule(client, board, django_capture_on_commit_callbacks)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/w/{board.workspace.slug}/governance/meetings/{meeting.pk}/cancel/"
        )

    assert response.status_code == 302
    invitations = _invitations()
    assert len(invitations) == 3
    for _to, calendar, _m in invitations:
        assert calendar["METHOD"] == "CANCEL"
        assert _event(calendar)["SEQUENCE"] == 1
        assert _event(calendar)["STATUS"] == "CANCELLED"
    assert AuditEvent.objects.filter(action="meeting.cancelled").exists()


def test_cancelling_another_workspaces_meeting_is_a_404(
    client, board, django_capture_on_commit_callbacks
):
    meeting = _schedule(client, board, django_capture_on_commit_callbacks)
    other = MembershipFactory(role=Role.OWNER)
    client.force_login(other.user)
    response = client.post(f"/w/{other.workspace.slug}/governance/meetings/{meeting.pk}/cancel/")
    assert response.status_code == 404
    meeting.refresh_from_db()
    assert meeting.cancelled_at is None


def _feed_url(workspace, token):
    return f"/w/{workspace.slug}/governance/calendar/{token}.ics"


def test_the_feed_lists_the_workspaces_meetings_without_login(
    client, board, django_capture_on_commit_callbacks
):
    meeting = _schedule(client, board, django_capture_on_commit_callbacks)
    token = rotate_feed(board.workspace, board.editor.user)
    client.logout()

    response = client.get(_feed_url(board.workspace, token))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    events = list(Calendar.from_ical(response.content).walk("VEVENT"))
    assert [str(e["UID"]) for e in events] == [f"meeting-{meeting.pk}@charterboard"]


def test_a_bad_rotated_or_revoked_feed_token_is_a_bare_404(client, board):
    old = rotate_feed(board.workspace, board.editor.user)
    new = rotate_feed(board.workspace, board.editor.user)
    client.logout()

    assert client.get(_feed_url(board.workspace, "not-a-token")).status_code == 404
    assert client.get(_feed_url(board.workspace, old)).status_code == 404
    assert client.get(_feed_url(board.workspace, new)).status_code == 200

    owner = MembershipFactory(workspace=board.workspace, role=Role.OWNER)
    client.force_login(owner.user)
    assert client.post(f"/w/{board.workspace.slug}/governance/calendar/revoke/").status_code == 302
    client.logout()
    response = client.get(_feed_url(board.workspace, new))
    assert response.status_code == 404
    assert response.content == b""


def test_a_feed_token_does_not_open_another_workspaces_url(client, board):
    token = rotate_feed(board.workspace, board.editor.user)
    other = MembershipFactory(role=Role.OWNER)
    assert client.get(_feed_url(other.workspace, token)).status_code == 404


def test_many_bad_feed_tokens_are_throttled(client, board):
    for attempt in range(10):
        assert client.get(_feed_url(board.workspace, f"guess-{attempt}")).status_code == 404
    assert client.get(_feed_url(board.workspace, "guess-more")).status_code == 429


def test_only_the_owner_rotates_the_feed(client, board):
    response = client.post(f"/w/{board.workspace.slug}/governance/calendar/rotate/")
    assert response.status_code == 403


def test_the_owner_sees_the_new_feed_link_once_on_the_board_page(client, board):
    owner = MembershipFactory(workspace=board.workspace, role=Role.OWNER)
    client.force_login(owner.user)
    response = client.post(f"/w/{board.workspace.slug}/governance/calendar/rotate/", follow=True)
    html = response.content.decode()
    assert response.status_code == 200
    assert "/governance/calendar/" in html and ".ics" in html
    assert "Turn the link off" in html
    assert CalendarFeed.objects.filter(workspace=board.workspace).exists()
