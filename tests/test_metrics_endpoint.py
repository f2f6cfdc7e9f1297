"""/metrics: refused to strangers, and what it tells an operator about the work waiting."""

import re

import pytest

from charter.models import OutboxMessage
from tests.charter.pdf_factories import export_now
from tests.charter.version_factories import charter_with_editor, publish_version

pytestmark = pytest.mark.django_db

TOKEN = "a-scrape-token-of-enough-length"  # noqa: S105


def sample(body: str, name: str, labels: str = "") -> float | None:
    """The value of one sample in the exposition text, or None when it is absent."""
    pattern = rf"^{re.escape(name)}{re.escape(labels)} (\S+)$"
    found = re.search(pattern, body, re.MULTILINE)
    return float(found.group(1)) if found else None


def test_without_a_token_only_this_machine_may_scrape(client):
    assert client.get("/metrics").status_code == 200
    assert client.get("/metrics", REMOTE_ADDR="::1").status_code == 200
    assert client.get("/metrics", REMOTE_ADDR="203.0.113.9").status_code == 404
    # A local proxy makes every visitor look local; what it forwarded is not ours to show.
    assert client.get("/metrics", HTTP_X_FORWARDED_FOR="203.0.113.9").status_code == 404


def test_with_a_token_every_scrape_needs_it_even_from_this_machine(client, settings):
    settings.METRICS_TOKEN = TOKEN

    assert client.get("/metrics").status_code == 403
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer wrong").status_code == 403
    assert client.get("/metrics", HTTP_AUTHORIZATION=TOKEN).status_code == 403
    allowed = client.get(
        "/metrics", REMOTE_ADDR="203.0.113.9", HTTP_AUTHORIZATION=f"Bearer {TOKEN}"
    )
    assert allowed.status_code == 200
    assert allowed["Content-Type"].startswith("text/plain")


def test_request_metrics_of_django_prometheus_are_there(client):
    client.get("/healthz")

    body = client.get("/metrics").content.decode()

    assert "django_http_requests_total_by_view_transport_method_total" in body
    assert 'view="healthz"' in body


def test_the_outbox_backlog_counts_the_messages_not_handed_to_the_broker(client):
    OutboxMessage.objects.create(task_name="charter.mail.send_email")
    OutboxMessage.objects.create(task_name="charter.mail.send_email")
    sent = OutboxMessage.objects.create(task_name="charter.mail.send_email")
    OutboxMessage.objects.filter(pk=sent.pk).update(sent_at=sent.created_at)

    body = client.get("/metrics").content.decode()

    assert sample(body, "charterboard_outbox_unsent") == 2
    assert sample(body, "charterboard_outbox_oldest_unsent_seconds") >= 0


def test_render_durations_are_a_histogram_per_kind_of_the_finished_exports(
    client, django_capture_on_commit_callbacks
):
    charter, editor = charter_with_editor(title="Metrics charter")
    export = export_now(django_capture_on_commit_callbacks, publish_version(charter, editor))

    body = client.get("/metrics").content.decode()

    kind = '{kind="charter"}'
    assert sample(body, "charterboard_pdf_render_seconds_count", kind) == 1
    assert sample(body, "charterboard_pdf_render_seconds_bucket", '{kind="charter",le="+Inf"}') == 1
    assert sample(body, "charterboard_pdf_render_seconds_sum", kind) == pytest.approx(
        export.render_seconds, abs=0.001
    )
    assert sample(body, "charterboard_pdf_render_seconds_count", '{kind="board_pack"}') is None
