"""What an operator reads: a request id on every log line (and response), the server's own
time in ``Server-Timing``, JSON logs on request, and errors sent to Sentry when a DSN is set.

Imported by the settings, so nothing here touches models or the app registry at import.
"""

import contextvars
import logging
import re
import time
import uuid

REQUEST_ID_HEADER = "X-Request-ID"
# A proxy's id is kept when it looks like one; anything else (too long, odd characters that
# could forge log lines) is replaced by our own.
_ACCEPTED_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{8,128}")
_request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")


class RequestIdMiddleware:
    """Give each request an id, echoed in ``X-Request-ID`` and put on its log lines."""

    def __init__(self, get_response):
        from django.core.signals import request_finished

        self.get_response = get_response
        request_finished.connect(forget_request_id, dispatch_uid="forget_request_id")

    def __call__(self, request):
        sent = request.headers.get(REQUEST_ID_HEADER, "")
        request_id = sent if _ACCEPTED_REQUEST_ID.fullmatch(sent) else uuid.uuid4().hex
        # Kept until the response is closed (``forget_request_id``), not just until this
        # returns: Django logs a 4xx or 5xx only after every middleware is done.
        _request_id.set(request_id)
        request.request_id = request_id
        response = self.get_response(request)
        response[REQUEST_ID_HEADER] = request_id
        return response


class ServerTimingMiddleware:
    """Send ``Server-Timing: app;dur=…, cpu;dur=…``: the milliseconds the app spent answering.

    Outermost, so that it covers every other middleware; ``cpu`` is this thread's CPU time,
    which, unlike ``app``, does not grow while the request waits for the database or for a
    core. Browsers' developer tools and ``bench/load_edits.py`` read it; what the client
    measures adds the network and the server's queue to it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started, cpu_started = time.perf_counter(), time.thread_time()
        response = self.get_response(request)
        elapsed_ms = (time.perf_counter() - started) * 1000
        cpu_ms = (time.thread_time() - cpu_started) * 1000
        response["Server-Timing"] = f"app;dur={elapsed_ms:.2f}, cpu;dur={cpu_ms:.2f}"
        return response


def forget_request_id(**kwargs) -> None:
    _request_id.set("")


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` (the web request's) and ``task_id`` (the Celery task's) to records."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = _request_id.get()
        record.task_id = _current_task_id()
        return True


def _current_task_id() -> str:
    from celery import current_task

    request = getattr(current_task, "request", None)
    return (getattr(request, "id", None) or "") if current_task else ""


def init_sentry(dsn: str, environment: str, traces_sample_rate: float) -> None:
    """Report unhandled errors of requests and tasks; people's data stays out of the events."""
    import sentry_sdk
    from sentry_sdk.integrations.celery import CeleryIntegration
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        integrations=[DjangoIntegration(), CeleryIntegration()],
        traces_sample_rate=traces_sample_rate,
        send_default_pii=False,
    )
