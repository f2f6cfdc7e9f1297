"""/metrics reads the Celery queue lengths from Redis when scraped, per queue."""

import pytest

from charter import outbox
from charter.documents.requests import request_export
from charter.mail import queue_email
from tests.charter.version_factories import charter_with_editor, publish_version
from tests.integration.workers import wait_for
from tests.test_metrics_endpoint import sample

pytestmark = [pytest.mark.redis, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def queue_length(client, queue: str) -> float | None:
    body = client.get("/metrics").content.decode()
    return sample(body, "charterboard_celery_queue_length", f'{{queue="{queue}"}}')


def test_queued_tasks_show_in_their_queue_length_and_leave_it_once_taken(workers, client):
    charter, editor = charter_with_editor(title="Queue metrics charter")
    assert (queue_length(client, "documents"), queue_length(client, "messages")) == (0, 0)

    version = publish_version(charter, editor)  # publishing queues the version's PDF
    assert request_export(version, "charter", editor.user).status == "queued"
    queue_email("Hello", "A message", ["a@x.example"])
    queue_email("Hello again", "Another", ["b@x.example"])

    assert outbox.broker_answers()
    assert queue_length(client, "documents") == 1
    assert queue_length(client, "messages") == 2

    workers.start("messages-only", queues=("messages",))
    wait_for(lambda: queue_length(client, "messages") == 0, "the messages worker to take both")
    assert queue_length(client, "documents") == 1
