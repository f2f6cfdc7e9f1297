"""The render task: one export rendered by whichever worker claims it."""

import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from celery.utils.time import get_exponential_backoff_interval
from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.utils.translation import gettext as _

from charter.documents import exports

logger = logging.getLogger(__name__)


# Failures worth another try: the database, the broker or the file store hiccuped.
# Anything else (a template error, a broken snapshot) fails the same way every time.
TRANSIENT_ERRORS = (OperationalError, InterfaceError, OSError)


@contextmanager
def heartbeat(export) -> Iterator[None]:
    """Write the export's heartbeat from a thread while the body renders.

    A dead worker stops beating, so its export is noticed as stale within a few beats.
    """
    stopped = threading.Event()

    def beat_until_stopped() -> None:
        try:
            while not stopped.wait(settings.PDF_HEARTBEAT_SECONDS):
                try:
                    if not exports.beat(export):
                        return
                except DatabaseError:
                    logger.warning("Heartbeat of PDF export %s missed", export.pk, exc_info=True)
        finally:
            connection.close()  # this thread's own connection

    thread = threading.Thread(target=beat_until_stopped, name=f"heartbeat-{export.pk}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stopped.set()
        thread.join(timeout=settings.PDF_HEARTBEAT_SECONDS)


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=settings.PDF_TASK_SOFT_TIME_LIMIT,
    time_limit=settings.PDF_TASK_TIME_LIMIT,
    max_retries=3,
)
def render_pdf_export(self, export_pk: int) -> str:
    """Render one export; safe to run twice, and to be redelivered after its worker died."""
    redelivered = bool((self.request.delivery_info or {}).get("redelivered"))
    export = exports.claim(export_pk, self.request.id, redelivered)
    if export is None:
        return "skipped"
    # Imported by the task, not with the module: web processes and message workers queue
    # renders but never make one, and WeasyPrint and pyHanko cost them seconds and ~60 MB.
    from charter.documents import finishing
    from charter.documents import rendering as pdf

    try:
        started = time.perf_counter()
        with heartbeat(export):
            html = pdf.build_html(export)
            built = time.perf_counter() - started
            rendered = finishing.render_export(export, html)
        timings = {"html": round(built, 3), **rendered.timings}
        exports.complete(export, rendered.data, rendered.page_count, timings)
    except SoftTimeLimitExceeded:
        exports.fail(
            export,
            _("Rendering took longer than the limit of %(seconds)s seconds.")
            % {"seconds": settings.PDF_TASK_SOFT_TIME_LIMIT},
        )
        return "failed"
    except TRANSIENT_ERRORS as error:
        reason = _("Temporary problem while rendering: %(error)s") % {"error": error}
        if self.request.retries >= self.max_retries:
            exports.fail(export, reason)
            return "failed"
        exports.requeue_for_retry(export, reason)
        countdown = get_exponential_backoff_interval(5, self.request.retries, 300, True)
        raise self.retry(exc=error, countdown=countdown) from error
    except Exception as error:
        logger.exception("PDF export %s failed", export_pk)
        exports.fail(
            export,
            _("The PDF could not be made: %(error)s")
            % {"error": f"{type(error).__name__}: {error}"},
        )
        return "failed"
    return "done"
