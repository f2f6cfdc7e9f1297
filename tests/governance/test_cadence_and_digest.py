"""Cadence reminders go out once each; digest members get one email a day, others at once."""

from datetime import date, datetime, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from charter.models import Role
from governance.models import Meeting, PendingNotification
from governance.notifications.cadence import send_cadence_reminders
from governance.notifications.members import send_digests, set_mode
from tests.factories import MembershipFactory
from tests.governance.factories import make_board

pytestmark = pytest.mark.django_db


def board_due(on: date):
    board = make_board(seats=2)
    owner = MembershipFactory(workspace=board.workspace, role=Role.OWNER)
    advisory_board = board.board
    advisory_board.next_review_on = on
    advisory_board.save()
    return board, owner


def test_owners_are_reminded_once_before_the_review_and_get_a_draft_agenda(
    django_capture_on_commit_callbacks,
):
    today = timezone.localdate()
    board, owner = board_due(today + timedelta(days=5))

    with django_capture_on_commit_callbacks(execute=True):
        assert send_cadence_reminders(today) == 1
        assert send_cadence_reminders(today) == 0

    reminders = [message for message in mail.outbox if message.to == [owner.user.email]]
    assert len(reminders) == 1
    assert "is due on" in reminders[0].subject
    meeting = Meeting.objects.get(charter=board.charter)
    assert meeting.agenda_items.count() == 5
    # The drafted meeting waits for the owner: the board gets no calendar invitation yet.
    assert meeting.is_draft
    assert len(mail.outbox) == 1


def test_an_overdue_review_is_reminded_once(django_capture_on_commit_callbacks):
    today = timezone.localdate()
    board, owner = board_due(today - timedelta(days=1))

    with django_capture_on_commit_callbacks(execute=True):
        send_cadence_reminders(today)
        send_cadence_reminders(today)

    reminders = [message for message in mail.outbox if message.to == [owner.user.email]]
    assert len(reminders) == 1
    assert "overdue" in reminders[0].subject


def test_board_members_hear_of_a_meeting_two_days_before_once(django_capture_on_commit_callbacks):
    today = timezone.localdate()
    board = make_board(seats=2)
    Meeting.objects.create(
        charter=board.charter,
        scheduled_at=timezone.make_aware(
            datetime.combine(today + timedelta(days=2), datetime.min.time().replace(hour=10))
        ),
    )

    with django_capture_on_commit_callbacks(execute=True):
        send_cadence_reminders(today)
        send_cadence_reminders(today)

    assert sorted(m.to[0] for m in mail.outbox) == sorted(s.user.email for s in board.seats)
    assert "/governance/meetings/" in mail.outbox[0].body


def test_a_digest_member_gets_one_email_a_day_and_an_immediate_member_at_once(
    django_capture_on_commit_callbacks,
):
    today = timezone.localdate()
    board = make_board(seats=2)
    set_mode(board.seats[0], "digest")
    for days in (2, 3):
        Meeting.objects.create(
            charter=board.charter,
            scheduled_at=timezone.make_aware(
                datetime.combine(
                    today + timedelta(days=2), datetime.min.time().replace(hour=9 + days)
                )
            ),
        )

    with django_capture_on_commit_callbacks(execute=True):
        send_cadence_reminders(today)
    assert [m.to[0] for m in mail.outbox] == [board.seats[1].user.email] * 2

    with django_capture_on_commit_callbacks(execute=True):
        assert send_digests() == 1
        assert send_digests() == 0
    digest = mail.outbox[-1]
    assert digest.to == [board.seats[0].user.email]
    assert "2 notifications" in digest.subject
    assert not PendingNotification.objects.filter(sent_at__isnull=True).exists()


def test_a_member_chooses_the_digest_on_the_notifications_page(member_client):
    client = member_client("board")
    url = f"/w/{client.membership.workspace.slug}/governance/notifications/"

    assert client.post(url + "preference/", {"mode": "digest"}).status_code == 302
    assert client.membership.notification_preference.mode == "digest"
    response = client.post(url + "preference/", {"mode": "hourly"})
    assert response.status_code == 400
    assert "Select a valid choice." in response.content.decode()


def test_every_member_finds_the_notifications_page_in_the_navigation(member_client):
    client = member_client("viewer")
    workspace = client.membership.workspace

    page = client.get(f"/w/{workspace.slug}/governance/board/").content.decode()

    assert f'href="/w/{workspace.slug}/governance/notifications/"' in page
