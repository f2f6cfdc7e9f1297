"""Asking for a PDF: find or create the export of exactly this content and queue its render."""

import uuid

from django.db import transaction
from django.utils.translation import gettext as _

from charter import outbox
from charter.documents.exports import content_key
from charter.documents.tasks import render_pdf_export
from charter.errors import TransitionNotAllowed
from charter.models import AuditEvent, CharterVersion, PdfExport

Status = PdfExport.Status


def request_export(version: CharterVersion, kind: str, by, params: dict | None = None) -> PdfExport:
    """The export of this version's current content, created and queued when it is new.

    Asking again returns the same export: finished, in progress, queued again when it
    failed, or its message offered to the broker again when the broker was unreachable.
    """
    params = params or {}
    key = content_key(version, kind, params)
    with transaction.atomic():
        export, created = PdfExport.objects.get_or_create(
            version=version,
            kind=kind,
            content_key=key,
            defaults={"params": params, "version_status": version.status, "requested_by": by},
        )
        if created:
            AuditEvent.record(version.charter.workspace, by, "export.requested", export)
            _queue(export)
        elif export.can_retry:
            export = retry_export(export, by)
        elif export.status == Status.QUEUED:
            outbox.resend(export.task_id)
    return export


def prepare_charter_pdf(version: CharterVersion, by=None) -> PdfExport | None:
    """Queue the charter PDF of a version as it stands now, so that asking for it is a download.

    Called after a version is published or approved; a version that has moved on since (a
    quick approval after publishing) gets the document of its current state instead.
    """
    version = (
        CharterVersion.objects.filter(pk=version.pk).select_related("charter__workspace").first()
    )
    if version is None:
        return None
    return request_export(version, PdfExport.Kind.CHARTER, by)


def retry_export(export: PdfExport, by) -> PdfExport:
    """Queue a failed or stopped export again; one still waiting for the broker is resent."""
    with transaction.atomic():
        export = PdfExport.objects.select_for_update().get(pk=export.pk)
        if export.waiting_for_broker:
            outbox.resend(export.task_id)
            return export
        if not export.can_retry:
            raise TransitionNotAllowed(_("Only a failed export can be tried again."))
        export.status = Status.QUEUED
        export.error = ""
        export.started_at = None
        export.finished_at = None
        export.save(update_fields=["status", "error", "started_at", "finished_at"])
        AuditEvent.record(export.version.charter.workspace, by, "export.retried", export)
        _queue(export)
    return export


def requeue_stopped(export: PdfExport) -> PdfExport:
    """A render whose heartbeat stopped goes back to the queue under a new task message.

    The dead worker's message, redelivered later, no longer names the export and does nothing.
    """
    with transaction.atomic():
        export = PdfExport.objects.select_for_update().get(pk=export.pk)
        if not export.is_stale:
            return export
        export.status = Status.QUEUED
        export.error = _("The worker rendering this PDF stopped; it will be tried again.")
        export.started_at = None
        export.heartbeat_at = None
        export.save(update_fields=["status", "error", "started_at", "heartbeat_at"])
        AuditEvent.record(
            export.version.charter.workspace, None, "export.requeued", export, actor_label="worker"
        )
        _queue(export)
    return export


def requeue_stopped_renders() -> int:
    """Every export whose render stopped, queued again; how many (a worker chore)."""
    running = PdfExport.objects.filter(status=Status.RUNNING)
    stopped = [export for export in running if export.is_stale]
    return sum(requeue_stopped(export).status == Status.QUEUED for export in stopped)


def _queue(export: PdfExport) -> None:
    """Name a fresh task message as the one allowed to render, and put it in the outbox."""
    export.task_id = str(uuid.uuid4())
    export.save(update_fields=["task_id"])
    outbox.enqueue(render_pdf_export.name, args=[export.pk], task_id=export.task_id)
