"""The reminder before a meeting carries the board pack: attached when small, else linked."""

from datetime import datetime, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from governance.models import CadenceReminder, Meeting
from governance.notifications.cadence import send_cadence_reminders
from governance.notifications.members import set_mode
from tests.charter.pdf_factories import export_now
from tests.governance.factories import make_board

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting_in_two_days():
    board = make_board(seats=2)
    today = timezone.localdate()
    meeting = Meeting.objects.create(
        charter=board.charter,
        scheduled_at=timezone.make_aware(
            datetime.combine(today + timedelta(days=2), datetime.min.time().replace(hour=10))
        ),
    )
    return board, meeting, today


def reminders_to(board):
    members = {seat.user.email for seat in board.seats}
    return [message for message in mail.outbox if message.to[0] in members]


def test_before_the_pack_is_made_the_reminder_says_it_is_not_ready(
    meeting_in_two_days, django_capture_on_commit_callbacks
):
    board, _meeting, today = meeting_in_two_days
    with django_capture_on_commit_callbacks(execute=True):
        send_cadence_reminders(today)

    reminders = reminders_to(board)
    assert len(reminders) == 2
    for message in reminders:
        assert "The board pack is not ready yet" in message.body
        assert message.attachments == []


def test_a_ready_pack_is_attached_when_small_and_only_linked_when_large(
    meeting_in_two_days, django_capture_on_commit_callbacks, settings
):
    board, meeting, today = meeting_in_two_days
    version = board.publish()
    pack = export_now(
        django_capture_on_commit_callbacks,
        version,
        kind="board_pack",
        params={"meeting_pk": meeting.pk},
    )
    assert pack.status == "done"
    link = f"/w/{board.workspace.slug}/exports/{pack.pk}/download/"

    settings.BOARD_PACK_ATTACH_MAX_BYTES = pack.size_bytes - 1
    with django_capture_on_commit_callbacks(execute=True):
        send_cadence_reminders(today)
    for message in reminders_to(board):
        assert link in message.body
        assert message.attachments == []

    mail.outbox.clear()
    CadenceReminder.objects.all().delete()
    settings.BOARD_PACK_ATTACH_MAX_BYTES = pack.size_bytes
    with django_capture_on_commit_callbacks(execute=True):
        send_cadence_reminders(today)
    reminders = reminders_to(board)
    assert len(reminders) == 2
    with pack.file.open("rb") as handle:
        stored = handle.read()
    for message in reminders:
        assert "The board pack is attached" in message.body and link in message.body
        ((name, content, mimetype),) = message.attachments
        assert (name.endswith(".pdf"), mimetype, content) == (True, "application/pdf", stored)


def test_a_digest_member_gets_the_link_in_the_digest_without_the_file(
    meeting_in_two_days, django_capture_on_commit_callbacks
):
    board, meeting, today = meeting_in_two_days
    set_mode(board.seats[0], "digest")
    with django_capture_on_commit_callbacks(execute=True):
        send_cadence_reminders(today)
    pending = board.seats[0].pending_notifications.get()
    assert "The board pack is not ready yet" in pending.body
