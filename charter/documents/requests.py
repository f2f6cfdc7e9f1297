"""Asking for a PDF: find or create the export of exactly this content and queue its render."""

import uuid

from django.db import transaction
from django.utils.translation import gettext as _

from charter.documents.exports import content_key
from charter.documents.tasks import render_pdf_export
from charter.errors import TransitionNotAllowed
from charter.models import AuditEvent, CharterVersion, PdfExport

Status = PdfExport.Status


def request_export(version: CharterVersion, kind: str, by, params: dict | None = None) -> PdfExport:
    """The export of this version's current content, created and queued when it is new.

    Asking again returns the same export: finished, in progress, or queued again when it
    failed.
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
    return export


def retry_export(export: PdfExport, by) -> PdfExport:
    with transaction.atomic():
        export = PdfExport.objects.select_for_update().get(pk=export.pk)
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


def _queue(export: PdfExport) -> None:
    """Name a fresh task message as the one allowed to render, and send it after commit."""
    export.task_id = str(uuid.uuid4())
    export.save(update_fields=["task_id"])
    transaction.on_commit(
        lambda: render_pdf_export.apply_async(args=[export.pk], task_id=export.task_id)
    )
