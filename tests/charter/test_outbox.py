"""The outbox: a task message is written with its work, published after commit, and kept
until the broker takes it; requests answer normally while the broker is unreachable."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from charter import outbox
from charter.documents import exports
from charter.documents.requests import request_export, requeue_stopped_renders
from charter.mail import queue_email, send_email
from charter.models import Invitation, OutboxMessage, PdfExport
from tests.charter.version_factories import publish_version
from tests.factories import CharterFactory, MembershipFactory

HTMX = {"HTTP_HX_REQUEST": "true"}
STOPPED = "The worker rendering this PDF stopped; it will be tried again."


@pytest.fixture
def owner(member_client):
    return member_client("owner")


@pytest.fixture
def version(owner):
    charter = CharterFactory(workspace=owner.membership.workspace, title="Outbox Charter")
    editor = MembershipFactory(workspace=charter.workspace, role="editor")
    return publish_version(charter, editor)


def url(version, *parts):
    return "/".join([f"/w/{version.charter.workspace.slug}", *map(str, parts), ""])


def unsent() -> list[OutboxMessage]:
    return list(OutboxMessage.objects.filter(sent_at__isnull=True))


@pytest.mark.django_db
def test_a_task_message_rolled_back_with_its_work_is_never_sent(
    django_capture_on_commit_callbacks,
):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        queue_email("Hello", "Body", ["ada@x.example"])
        raise RuntimeError("the work failed")

    assert not OutboxMessage.objects.exists()
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_task_message_is_published_after_commit_and_marked_sent(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        message = queue_email("Hello", "Body", ["ada@x.example"])

    message.refresh_from_db()
    assert message.is_sent and message.attempts == 1 and message.last_error == ""
    assert [sent.to for sent in mail.outbox] == [["ada@x.example"]]


@pytest.mark.django_db
def test_a_duplicate_delivery_of_an_email_message_sends_nothing_more(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        message = queue_email("Hello", "Body", ["ada@x.example"])

    assert send_email.apply(args=message.args, task_id=message.task_id).get() == 0
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_with_the_broker_down_an_export_request_answers_and_waits_in_the_outbox(
    owner, version, broker_down, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = owner.post(url(version, "versions", version.pk, "exports"), {"kind": "charter"})

    assert response.status_code == 302
    export = PdfExport.objects.get()
    [message] = unsent()
    assert export.status == PdfExport.Status.QUEUED and message.task_id == export.task_id
    assert message.last_error
    page = owner.get(response["Location"]).content.decode()
    assert "The PDF will be made as soon as the worker is reachable." in page
    assert 'hx-trigger="every 2s"' in page

    # Asking again and "Try again" answer normally and offer the same message again.
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        again = owner.post(
            url(version, "versions", version.pk, "exports"), {"kind": "charter"}, **HTMX
        )
        retried = owner.post(url(version, "exports", export.pk, "retry"), **HTMX)
    assert (again.status_code, retried.status_code) == (200, 200)
    assert len(callbacks) == 2
    assert "The PDF will be made as soon as the worker is reachable." in retried.content.decode()
    assert PdfExport.objects.count() == 1 and OutboxMessage.objects.count() == 1

    # The broker is back (tasks run in process): the relay publishes and the PDF is made.
    broker_down.restore(eager=True)
    assert outbox.relay_pending() == 1
    export.refresh_from_db()
    assert export.status == PdfExport.Status.DONE
    assert unsent() == []


@pytest.mark.django_db(transaction=True)
def test_with_the_broker_down_an_invitation_is_saved_and_its_email_sent_once_it_is_back(
    owner, broker_down
):
    members = f"/w/{owner.membership.workspace.slug}/members/"
    response = owner.post(members, {"email": "new@x.example", "role": "editor"})

    assert response.status_code == 302
    assert Invitation.objects.filter(email="new@x.example").exists()
    [message] = unsent()
    assert mail.outbox == []
    page = owner.get(members).content.decode()
    assert "Its email will be sent as soon as the mail worker is reachable." in page

    broker_down.restore(eager=True)
    call_command("relay_outbox")
    assert [sent.to for sent in mail.outbox] == [["new@x.example"]]
    assert "/invitations/" in mail.outbox[0].body
    # Published again (a late first attempt, a second relay): the email goes once.
    outbox.publish(message)
    assert outbox.relay_pending() == 0
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_after_a_refused_publish_the_next_message_is_left_to_the_relay_at_once(
    broker_down, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        queue_email("First", "Body", ["ada@x.example"])
    with django_capture_on_commit_callbacks(execute=True):
        second = queue_email("Second", "Body", ["ada@x.example"])

    second.refresh_from_db()
    assert not second.is_sent and second.attempts == 0
    assert "Not tried" in second.last_error


def stop_heartbeat(export: PdfExport, settings) -> None:
    """As if its worker died: the last beat older than the missed beats allowed."""
    silence = settings.PDF_HEARTBEAT_SECONDS * settings.PDF_MISSED_HEARTBEATS + 1
    PdfExport.objects.filter(pk=export.pk).update(
        heartbeat_at=timezone.now() - timedelta(seconds=silence)
    )


@pytest.fixture
def running_export(version, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        export = request_export(version, "charter", version.author)
    return exports.claim(export.pk, export.task_id)


@pytest.mark.django_db
def test_a_render_whose_heartbeat_stopped_is_queued_again_from_its_status_page(
    owner, version, running_export, settings, django_capture_on_commit_callbacks
):
    dead_task = running_export.task_id
    stop_heartbeat(running_export, settings)

    with django_capture_on_commit_callbacks(execute=False):
        page = owner.get(url(version, "exports", running_export.pk), **HTMX).content.decode()

    assert STOPPED in page
    assert 'hx-trigger="every 2s"' in page
    export = PdfExport.objects.get(pk=running_export.pk)
    assert export.status == PdfExport.Status.QUEUED and export.task_id != dead_task
    assert OutboxMessage.objects.filter(task_id=export.task_id).exists()
    # The dead worker's message, redelivered later, renders nothing.
    assert exports.claim(export.pk, dead_task, redelivered=True) is None


@pytest.mark.django_db
def test_a_stopped_render_on_the_version_page_polls_its_status_which_requeues_it(
    owner, version, running_export, settings
):
    stop_heartbeat(running_export, settings)

    page = owner.get(url(version, "versions", version.pk)).content.decode()

    status_url = url(version, "exports", running_export.pk)
    assert f'hx-get="{status_url}" hx-trigger="every 2s"' in page


@pytest.mark.django_db
def test_a_render_with_a_live_heartbeat_is_left_to_its_worker(
    owner, version, running_export, django_capture_on_commit_callbacks
):
    assert exports.beat(running_export)

    page = owner.get(url(version, "exports", running_export.pk), **HTMX).content.decode()

    assert STOPPED not in page and "Rendering the PDF" in page
    assert requeue_stopped_renders() == 0
    assert PdfExport.objects.get().task_id == running_export.task_id


@pytest.mark.django_db
def test_the_workers_chore_requeues_a_render_whose_heartbeat_stopped(
    running_export, settings, django_capture_on_commit_callbacks
):
    stop_heartbeat(running_export, settings)

    with django_capture_on_commit_callbacks(execute=False):
        assert requeue_stopped_renders() == 1

    export = PdfExport.objects.get()
    assert (export.status, export.error) == (PdfExport.Status.QUEUED, STOPPED)


@pytest.mark.django_db
def test_another_workspace_cannot_requeue_a_stopped_render(
    member_client, version, running_export, settings
):
    stop_heartbeat(running_export, settings)
    outsider = member_client("owner")

    response = outsider.get(f"/w/{outsider.membership.workspace.slug}/exports/{running_export.pk}/")

    assert response.status_code == 404
    assert PdfExport.objects.get().status == PdfExport.Status.RUNNING


@pytest.mark.django_db
def test_pruning_deletes_only_messages_sent_long_ago():
    now = timezone.now()
    old = OutboxMessage.objects.create(task_name="t", sent_at=now - outbox.KEEP_SENT * 2)
    recent = OutboxMessage.objects.create(task_name="t", sent_at=now - timedelta(hours=1))
    waiting = OutboxMessage.objects.create(task_name="t", last_error="refused")
    OutboxMessage.objects.filter(pk=waiting.pk).update(created_at=now - outbox.KEEP_SENT * 2)

    assert outbox.prune_sent() == 1

    assert set(OutboxMessage.objects.values_list("pk", flat=True)) == {recent.pk, waiting.pk}
    assert not OutboxMessage.objects.filter(pk=old.pk).exists()
