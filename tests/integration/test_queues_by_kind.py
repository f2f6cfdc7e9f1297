"""Queues by kind: renders wait in ``documents``, emails go through ``messages``, so a worker
of one kind never makes the other wait."""

import pytest
import redis
from django.conf import settings
from django.db import transaction

from charter.documents.requests import request_export
from charter.mail import queue_email
from charter.models import OutboxMessage, PdfExport
from config.celery import app as celery_app
from tests.charter.version_factories import charter_with_editor, publish_version
from tests.integration.workers import wait_for

pytestmark = [pytest.mark.redis, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def queue_length(queue: str) -> int:
    return redis.Redis.from_url(settings.CELERY_BROKER_URL).llen(queue)


def test_renders_are_routed_to_documents_and_everything_else_to_messages():
    router = celery_app.amqp.router

    def queue_of(task_name: str) -> str:
        return router.route({}, task_name)["queue"].name

    assert queue_of("charter.documents.tasks.render_pdf_export") == "documents"
    for task_name in (
        "charter.mail.send_email",
        "governance.notifications.webhooks.deliver_webhook",
        "governance.notifications.tasks.send_digests",
        "charter.actuals.tasks.send_actual_reminders",
    ):
        assert queue_of(task_name) == "messages"


def test_an_email_is_delivered_while_a_render_queued_before_it_waits_for_a_documents_worker(
    workers,
):
    charter, editor = charter_with_editor(title="Queues charter")
    version = publish_version(charter, editor)
    workers.start("messages-only", queues=("messages",))

    export = request_export(version, "charter", editor.user)
    with transaction.atomic():
        email = queue_email("Board pack ready", "See the charter.", ["chair@x.example"])

    delivered = wait_for(
        lambda: OutboxMessage.objects.filter(pk=email.pk, handled_at__isnull=False).first(),
        "the email to be sent by the messages worker",
    )
    assert "To: chair@x.example" in workers.log("messages-only")
    export.refresh_from_db()
    assert export.status == PdfExport.Status.QUEUED  # nobody took the render meanwhile
    assert queue_length("documents") == 1
    assert queue_length("messages") == 0

    workers.start("documents-only", queues=("documents",))
    done = wait_for(
        lambda: PdfExport.objects.filter(pk=export.pk, status=PdfExport.Status.DONE).first(),
        "the documents worker to render the waiting export",
    )
    assert done.finished_at > delivered.handled_at
    assert "render_pdf_export[" not in workers.log("messages-only")  # never received one
