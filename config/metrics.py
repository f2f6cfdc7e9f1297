"""``/metrics`` for Prometheus: django-prometheus' request and model metrics, plus what an
operator of the workers needs, read at scrape time from Redis and the database (the workers
are other processes, often on other hosts, so nothing is kept in this one's memory).

Not public: with ``CHARTERBOARD_METRICS_TOKEN`` set, a scrape must send it as a bearer token
(403 otherwise); without one, only a client on this machine that did not come through a
proxy may scrape, and anyone else gets a 404, as if there were no such page.
"""

import ipaddress
import os
import secrets
from datetime import timedelta

import redis
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Count, DurationField, ExpressionWrapper, F, Min, Q, Sum
from django.http import Http404, HttpResponse
from django.utils import timezone
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, generate_latest
from prometheus_client.core import GaugeMetricFamily, HistogramMetricFamily
from prometheus_client.multiprocess import MultiProcessCollector

from charter.models import OutboxMessage, PdfExport

# Seconds: a one-page draft takes a few, a large board pack in Chinese a few minutes.
RENDER_BUCKETS = (1, 2.5, 5, 10, 20, 30, 60, 120, 240, 300)


class WorkCollector:
    """Queue lengths, the outbox backlog and render durations, each read when scraped."""

    def collect(self):
        yield from self._queues()
        yield from self._outbox()
        yield self._render_durations()

    def _queues(self):
        if not settings.CELERY_BROKER_URL.startswith(("redis://", "rediss://")):
            return
        waiting = GaugeMetricFamily(
            "charterboard_celery_queue_length",
            "Task messages waiting in a Celery queue.",
            labels=["queue"],
        )
        unacked = GaugeMetricFamily(
            "charterboard_celery_unacked",
            "Task messages a worker took and has not acknowledged yet (running or lost).",
        )
        client = redis.Redis.from_url(
            settings.CELERY_BROKER_URL, socket_connect_timeout=2, socket_timeout=2
        )
        try:
            with client.pipeline(transaction=False) as pipe:
                for queue in settings.WORKER_QUEUES:
                    pipe.llen(queue)
                pipe.hlen("unacked")  # kombu's Redis transport keeps delivered messages here
                *lengths, in_flight = pipe.execute()
        except redis.RedisError:
            return  # the scrape still answers; the gap in the series shows the outage
        finally:
            client.close()
        for queue, length in zip(settings.WORKER_QUEUES, lengths, strict=True):
            waiting.add_metric([queue], length)
        unacked.add_metric([], in_flight)
        yield waiting
        yield unacked

    def _outbox(self):
        backlog = OutboxMessage.objects.filter(sent_at__isnull=True).aggregate(
            count=Count("pk"), oldest=Min("created_at")
        )
        yield GaugeMetricFamily(
            "charterboard_outbox_unsent",
            "Task messages written but not yet handed to the broker.",
            value=backlog["count"],
        )
        oldest = backlog["oldest"]
        yield GaugeMetricFamily(
            "charterboard_outbox_oldest_unsent_seconds",
            "Age of the oldest task message not yet handed to the broker (0 when none).",
            value=(timezone.now() - oldest).total_seconds() if oldest else 0,
        )

    def _render_durations(self):
        family = HistogramMetricFamily(
            "charterboard_pdf_render_seconds",
            "Time from a worker claiming a PDF export to the stored file, per kind.",
            labels=["kind"],
        )
        duration = ExpressionWrapper(
            F("finished_at") - F("started_at"), output_field=DurationField()
        )
        buckets = {
            f"le_{index}": Count("pk", filter=Q(duration__lte=timedelta(seconds=bound)))
            for index, bound in enumerate(RENDER_BUCKETS)
        }
        rows = (
            PdfExport.objects.filter(status=PdfExport.Status.DONE, started_at__isnull=False)
            .annotate(duration=duration)
            .values("kind")
            .annotate(count=Count("pk"), total=Sum("duration"), **buckets)
            .order_by("kind")
        )
        for row in rows:
            cumulative = [(str(bound), row[f"le_{i}"]) for i, bound in enumerate(RENDER_BUCKETS)]
            family.add_metric(
                [row["kind"]],
                [*cumulative, ("+Inf", row["count"])],
                (row["total"] or timedelta()).total_seconds(),
            )
        return family


_work_registry = CollectorRegistry(auto_describe=False)
_work_registry.register(WorkCollector())


def metrics(request):
    _check_scraper(request)
    return HttpResponse(
        _process_metrics() + generate_latest(_work_registry), content_type=CONTENT_TYPE_LATEST
    )


def _process_metrics() -> bytes:
    # Under gunicorn with several processes, each writes its metrics to the shared directory
    # and any of them can answer for all; otherwise this process's registry is the whole.
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        MultiProcessCollector(registry)
        return generate_latest(registry)
    return generate_latest(REGISTRY)


def _check_scraper(request) -> None:
    token = settings.METRICS_TOKEN
    if token:
        sent = request.headers.get("Authorization", "")
        if not secrets.compare_digest(sent.encode(), f"Bearer {token}".encode()):
            raise PermissionDenied("A valid metrics token is required.")
        return
    if "X-Forwarded-For" in request.headers or not _loopback(request.META.get("REMOTE_ADDR")):
        raise Http404("No such page.")


def _loopback(address: str | None) -> bool:
    try:
        return ipaddress.ip_address(address or "").is_loopback
    except ValueError:
        return False
