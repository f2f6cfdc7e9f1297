"""Posting events to Slack and Teams incoming webhooks, through the outbox and the worker.

Slack receives ``{"text": …}`` in mrkdwn. Teams receives a legacy MessageCard (``@type``,
``summary``, ``text``), which its incoming-webhook connector accepts and renders Markdown in;
an Adaptive Card would need the Workflows app, which not every tenant has.
"""

import json
import urllib.error
import urllib.request

from celery import shared_task
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation

from charter import outbox

from ..models import (
    DeliveryStatus,
    NotificationEvent,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookKind,
    validate_webhook_url,
)

MAX_ATTEMPTS = 4


class WebhookFailed(Exception):
    pass


class _RefuseRedirects(urllib.request.HTTPRedirectHandler):
    # A webhook that redirects is misconfigured, and following it could post elsewhere.
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        raise urllib.error.HTTPError(
            req.full_url, code, f"redirect to {newurl} refused", headers, fp
        )


_opener = urllib.request.build_opener(_RefuseRedirects)


def payload_for(kind: str, title: str, text: str, link: str = "") -> dict:
    if kind == WebhookKind.SLACK:
        return {"text": f"*{title}*\n{text}" + (f"\n<{link}>" if link else "")}
    card = {
        "@type": "MessageCard",
        "@context": "https://schema.org/extensions",
        "summary": title,
        "title": title,
        "text": text,
    }
    if link:
        card["potentialAction"] = [
            {"@type": "OpenUri", "name": title, "targets": [{"os": "default", "uri": link}]}
        ]
    return card


def post_event(workspace, event: str, title: str, text: str, link: str = "") -> int:
    """Queue a post to every active endpoint of the workspace that chose this event."""
    endpoints = WebhookEndpoint.objects.filter(workspace=workspace, active=True)
    queued = 0
    for endpoint in endpoints:
        if event in endpoint.events:
            queue_delivery(endpoint, event, payload_for(endpoint.kind, title, text, link))
            queued += 1
    return queued


def queue_delivery(
    endpoint: WebhookEndpoint, event: str, payload: dict, replay_of: WebhookDelivery | None = None
) -> WebhookDelivery:
    with transaction.atomic():
        delivery = WebhookDelivery.objects.create(
            endpoint=endpoint, event=event, payload=payload, replay_of=replay_of
        )
        outbox.enqueue(deliver_webhook.name, args=[delivery.pk])
    return delivery


def send_test(endpoint: WebhookEndpoint, language: str) -> WebhookDelivery:
    with translation.override(language):
        title = translation.gettext("Charterboard test message")
        text = translation.gettext("Board notifications of %(workspace)s will arrive here.") % {
            "workspace": endpoint.workspace.name
        }
    return queue_delivery(
        endpoint, NotificationEvent.VERSION_PUBLISHED, payload_for(endpoint.kind, title, text)
    )


def replay(delivery: WebhookDelivery) -> WebhookDelivery | None:
    """Post a failed delivery's payload again, as a new delivery in the log; nothing (None)
    while an earlier replay of it is still on its way, so a double click posts once."""
    with transaction.atomic():
        # The failed row is the lock two replays at once wait on.
        WebhookDelivery.objects.select_for_update().filter(pk=delivery.pk).first()
        if delivery.replay_on_its_way() is not None:
            return None
        return queue_delivery(delivery.endpoint, delivery.event, delivery.payload, delivery)


def _post(url: str, payload: dict) -> tuple[int, str]:
    # Checked again at each post, so only https (or loopback while debugging) is ever opened.
    validate_webhook_url(url)
    request = urllib.request.Request(  # noqa: S310
        url,
        data=json.dumps(payload).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    try:
        with _opener.open(request, timeout=settings.WEBHOOK_TIMEOUT_SECONDS) as response:
            return response.status, response.read(500).decode(errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, (error.read(500) if error.fp else b"").decode(errors="replace")


def attempt(delivery: WebhookDelivery, last: bool) -> bool:
    """Post once and record the outcome; whether it was delivered."""
    delivery.attempts += 1
    delivery.last_attempt_at = timezone.now()
    try:
        code, body = _post(delivery.endpoint.url, delivery.payload)
        delivery.response_code, delivery.response_excerpt = code, body[:500]
        delivery.error = "" if 200 <= code < 300 else f"HTTP {code}"
    except (OSError, ValueError, ValidationError) as error:
        delivery.response_code, delivery.response_excerpt = None, ""
        delivery.error = f"{type(error).__name__}: {error}"[:500]
    if not delivery.error:
        delivery.status = DeliveryStatus.DELIVERED
        delivery.delivered_at = delivery.last_attempt_at
    else:
        delivery.status = DeliveryStatus.FAILED if last else DeliveryStatus.RETRYING
    delivery.save()
    return not delivery.error


@shared_task(
    bind=True,
    autoretry_for=(WebhookFailed,),
    retry_backoff=2,
    retry_backoff_max=120,
    retry_jitter=False,
    max_retries=MAX_ATTEMPTS - 1,
)
def deliver_webhook(self, delivery_id: int) -> bool:
    """Post one delivery; failures are retried with backoff and the last one is logged."""
    delivery = WebhookDelivery.objects.select_related("endpoint").filter(pk=delivery_id).first()
    if delivery is None or delivery.status in (DeliveryStatus.DELIVERED, DeliveryStatus.FAILED):
        return False
    last = self.request.retries >= self.max_retries
    if attempt(delivery, last) or last:
        return delivery.status == DeliveryStatus.DELIVERED
    if self.request.is_eager:
        # In process there is no queue to come back through (and eager mode propagates the
        # Retry): the next attempt follows at once.
        return self.apply([delivery_id], retries=self.request.retries + 1, throw=False).result
    raise WebhookFailed(delivery.error)
