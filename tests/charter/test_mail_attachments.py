"""Emails with attachments go through the outbox like any other: plain JSON rows, sent once."""

import json

import pytest
from django.core import mail

from charter.mail import queue_email, send_email
from charter.models import OutboxMessage

pytestmark = pytest.mark.django_db

ICS = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"


def test_an_attachment_is_stored_as_plain_json_and_sent_with_the_email(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        message = queue_email(
            "Invite", "Body", ["ada@x.example"], attachments=[("invite.ics", ICS, "text/calendar")]
        )

    stored = OutboxMessage.objects.get(pk=message.pk)
    assert json.loads(json.dumps(stored.kwargs)) == {
        "attachments": [["invite.ics", ICS, "text/calendar"]]
    }
    (sent,) = mail.outbox
    assert sent.attachments[0][0] == "invite.ics"
    assert sent.attachments[0][1] == ICS


def test_a_duplicate_delivery_of_an_email_with_an_attachment_sends_nothing_more(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        message = queue_email(
            "Invite", "Body", ["ada@x.example"], attachments=[("invite.ics", ICS, "text/calendar")]
        )

    again = send_email.apply(args=message.args, kwargs=message.kwargs, task_id=message.task_id)
    assert again.result == 0
    assert len(mail.outbox) == 1


def test_an_email_without_attachments_keeps_the_old_message_shape(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        message = queue_email("Hello", "Body", ["ada@x.example"])
    assert message.kwargs == {}
    assert len(mail.outbox) == 1
