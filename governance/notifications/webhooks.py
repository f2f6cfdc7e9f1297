"""Posting events to webhooks, through the outbox and the worker.

Slack receives ``{"text": …}`` in mrkdwn. Teams receives a legacy MessageCard (``@type``,
``summary``, ``text``), which its incoming-webhook connector accepts and renders Markdown in;
an Adaptive Card would need the Workflows app, which not every tenant has.

A service of the workspace's own receives the event as JSON (``id``, ``event``,
``occurred_at``, ``workspace``, ``title``, ``text``, ``link``, ``data``), signed in the
``Charterboard-Signature`` header as ``t=<unix time>,v1=<hex HMAC-SHA256 of "<t>.<body>">``
with the endpoint's secret; docs/webhooks.md shows how to check it. The signature is made
afresh at each attempt, so a receiver can refuse old timestamps without refusing retries, and
``id`` stays the same across retries and replays, so it can ignore a second copy.
"""

import hashlib
import hmac
import json
import time
import urllib.error
import urllib.request
import uuid

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


SIGNATURE_HEADER = "Charterboard-Signature"


def payload_for(
    kind: str, title: str, text: str, link: str = "", event: str = "", facts: dict | None = None
) -> dict:
    if kind == WebhookKind.SIGNED:
        return {
            "id": str(uuid.uuid4()),
            "event": event,
            "occurred_at": timezone.now().isoformat(),
            "title": title,
            "text": text,
            "link": link,
            **(facts or {}),
        }
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


def post_event(
    workspace, event: str, title: str, text: str, link: str = "", data: dict | None = None
) -> int:
    """Queue a post to every active endpoint of the workspace that chose this event.

    ``data`` is what a signed endpoint receives besides the words: the ids and figures a
    program acts on."""
    endpoints = WebhookEndpoint.objects.filter(workspace=workspace, active=True)
    facts = {"workspace": workspace.slug, "data": data or {}}
    queued = 0
    for endpoint in endpoints:
        if event in endpoint.events:
            payload = payload_for(endpoint.kind, title, text, link, event, facts)
            queue_delivery(endpoint, event, payload)
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
    event = NotificationEvent.VERSION_PUBLISHED
    facts = {"workspace": endpoint.workspace.slug, "data": {"test": True}}
    return queue_delivery(
        endpoint, event, payload_for(endpoint.kind, title, text, "", event, facts)
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


def signature(secret: str, body: bytes, timestamp: int) -> str:
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={digest.hexdigest()}"


def _post(delivery: WebhookDelivery) -> tuple[int, str]:
    endpoint = delivery.endpoint
    # Checked again at each post, so only https (or loopback while debugging) is ever opened.
    validate_webhook_url(endpoint.url)
    body = json.dumps(delivery.payload, ensure_ascii=False).encode()
    headers = {"Content-Type": "application/json; charset=utf-8"}
    if endpoint.is_signed:
        headers |= {
            SIGNATURE_HEADER: signature(endpoint.signing_secret, body, int(time.time())),
            "Charterboard-Event": delivery.event,
            "Charterboard-Delivery": str(delivery.pk),
        }
    request = urllib.request.Request(  # noqa: S310
        endpoint.url, data=body, headers=headers, method="POST"
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
        code, body = _post(delivery)
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
