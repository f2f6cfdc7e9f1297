"""The transactional outbox: every task message is a row written with the work it belongs to.

``enqueue`` writes the row in the caller's transaction and publishes it right after commit,
so the normal path stays immediate. When the broker cannot take it the row stays unsent, the
request answers normally, and the relay — a thread in every Celery worker (``Relay``,
started from ``charter.hooks``), or ``manage.py relay_outbox`` by hand — publishes it once
the broker is back. A message may reach the broker twice (the relay and a late first
attempt); it carries the row's task id every time, and every task is idempotent for it.
"""

import logging
import threading
import time
from collections.abc import Callable, Iterable
from datetime import timedelta

import redis
from celery import current_app, shared_task
from django.conf import settings
from django.db import close_old_connections, transaction
from django.db.models import F
from django.utils import timezone
from kombu.exceptions import KombuError
from redis.backoff import NoBackoff
from redis.retry import Retry

from charter.models import OutboxMessage

logger = logging.getLogger(__name__)

# After a failed publish, requests skip their own attempt for this long: a broker that does
# not answer costs each attempt its timeout, and the relay delivers the rows anyway.
BROKER_BACKOFF_SECONDS = 30
BROKER_CHECK_TIMEOUT = 2
# Sent messages are kept this long, far beyond any redelivery, so that a duplicate still
# finds its row handled.
KEEP_SENT = timedelta(days=7)
_unreachable_until: dict[str, float] = {}
_redis_clients: dict[str, redis.Redis] = {}


def enqueue(
    task_name: str,
    args: list | None = None,
    kwargs: dict | None = None,
    task_id: str | None = None,
    queue: str = "",
) -> OutboxMessage:
    """Write the task message in the current transaction and publish it after commit."""
    message = OutboxMessage.objects.create(
        task_name=task_name,
        args=args or [],
        kwargs=kwargs or {},
        queue=queue,
        **({"task_id": task_id} if task_id else {}),
    )
    transaction.on_commit(lambda: _publish_unless_broker_down(message))
    return message


def resend(task_id: str) -> OutboxMessage | None:
    """Try the refused message with this task id again after commit (someone asked again)."""
    message = OutboxMessage.refused().filter(task_id=task_id).first()
    if message is not None:
        transaction.on_commit(lambda: publish(message))
    return message


def publish(message: OutboxMessage) -> bool:
    """Hand the message to the broker now; False, with the row left unsent, when it cannot."""
    try:
        if not broker_answers():
            return _refused(message, "The broker does not answer.")
        _send(message)
    except _broker_errors() as error:
        return _refused(message, f"{type(error).__name__}: {error}")
    _unreachable_until.pop(_broker_url(), None)
    message.sent_at = timezone.now()
    OutboxMessage.objects.filter(pk=message.pk, sent_at__isnull=True).update(
        sent_at=message.sent_at, attempts=F("attempts") + 1, last_error=""
    )
    return True


def _send(message: OutboxMessage) -> None:
    # Through the registered task when there is one, so that eager mode runs it in process.
    options = {"task_id": message.task_id, "retry": False}
    if message.queue:
        options["queue"] = message.queue
    task = current_app.tasks.get(message.task_name)
    if task is None:
        current_app.send_task(message.task_name, message.args, message.kwargs, **options)
    else:
        task.apply_async(message.args, message.kwargs, **options)


def _refused(message: OutboxMessage, reason: str) -> bool:
    _unreachable_until[_broker_url()] = time.monotonic() + BROKER_BACKOFF_SECONDS
    message.last_error = reason[:2000]
    OutboxMessage.objects.filter(pk=message.pk).update(
        attempts=F("attempts") + 1, last_error=message.last_error
    )
    logger.warning("Broker unreachable; %s stays in the outbox: %s", message, reason)
    return False


def relay_pending(older_than: float = 0, limit: int = 200) -> int:
    """Publish unsent messages, oldest first, until the broker refuses one; how many went."""
    cutoff = timezone.now() - timedelta(seconds=older_than)
    pending = OutboxMessage.objects.filter(sent_at__isnull=True, created_at__lte=cutoff)
    sent = 0
    for message in pending[:limit]:
        if not publish(message):
            break
        sent += 1
    return sent


def broker_answers() -> bool:
    """The broker answers now. Redis is asked directly: its client's own reconnection
    retries, which Celery's publish goes through, take seconds to give up on a refusal."""
    url = _broker_url()
    if not url.startswith(("redis://", "rediss://")):
        try:
            with current_app.connection_for_write() as broker:
                broker.ensure_connection(max_retries=1, timeout=BROKER_CHECK_TIMEOUT)
        except _broker_errors():
            return False
        return True
    client = _redis_clients.get(url)
    if client is None:
        client = _redis_clients[url] = redis.Redis.from_url(
            url,
            socket_connect_timeout=BROKER_CHECK_TIMEOUT,
            socket_timeout=BROKER_CHECK_TIMEOUT,
            # One immediate retry: a pooled connection broken by a Redis restart reconnects.
            retry=Retry(NoBackoff(), 1),
        )
    try:
        client.ping()
    except redis.RedisError:
        return False
    return True


@shared_task
def prune_sent() -> int:
    """Delete the messages sent longer ago than ``KEEP_SENT`` (daily, from Celery beat)."""
    deleted, _ = OutboxMessage.objects.filter(sent_at__lt=timezone.now() - KEEP_SENT).delete()
    return deleted


def _publish_unless_broker_down(message: OutboxMessage) -> None:
    if time.monotonic() >= _unreachable_until.get(_broker_url(), 0):
        publish(message)
        return
    message.last_error = "Not tried: the broker was unreachable moments before."
    OutboxMessage.objects.filter(pk=message.pk).update(last_error=message.last_error)


def _broker_url() -> str:
    return str(current_app.conf.broker_url)


def _broker_errors() -> tuple[type[BaseException], ...]:
    connection = current_app.connection_for_write()
    return (KombuError, OSError, *connection.connection_errors, *connection.channel_errors)


class Relay(threading.Thread):
    """Runs the worker's chores (relaying the outbox, noticing dead renders) every interval,
    in a daemon thread beside the worker's consumer, so they go on while it reconnects."""

    def __init__(self, chores: Iterable[Callable[[], object]], interval: float):
        super().__init__(name="outbox-relay", daemon=True)
        self.chores = list(chores)
        self.interval = interval
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(self.interval):
            for chore in self.chores:
                close_old_connections()
                try:
                    chore()
                except Exception:
                    # Whatever went wrong (the database or broker away), the next round
                    # tries again: this thread must outlive every outage.
                    logger.exception("Worker chore %s failed; trying again next round", chore)
        close_old_connections()

    def stop(self) -> None:
        self.stopped.set()


def relay_chore() -> int:
    """The relay's share of a round: messages a request could not publish a moment ago."""
    return relay_pending(older_than=settings.OUTBOX_RELAY_SECONDS)
