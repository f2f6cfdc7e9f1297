"""The render task: one export rendered by whichever worker claims it."""

import logging
import time

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from celery.utils.time import get_exponential_backoff_interval
from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.utils.translation import gettext as _

from charter.documents import exports, finishing
from charter.documents import rendering as pdf

logger = logging.getLogger(__name__)


# Failures worth another try: the database, the broker or the file store hiccuped.
# Anything else (a template error, a broken snapshot) fails the same way every time.
TRANSIENT_ERRORS = (OperationalError, InterfaceError, OSError)


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
    try:
        started = time.perf_counter()
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
    finally:
        pdf.release_memory()
    return "done"
