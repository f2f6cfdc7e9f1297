"""PDF exports of versions: requested once, rendered once, by whichever worker gets there.

The lifecycle of a ``PdfExport``:

* ``charter.documents.requests.request_export`` finds or creates the export for exactly
  this content (a unique constraint makes two concurrent requests meet on one row) and
  queues the render task (``charter.documents.tasks``) after the transaction commits. A
  finished export is returned as it is.
* The task ``claim``s the export before rendering. Only the message named in
  ``export.task_id`` may render it; a RUNNING export is taken over only by a *redelivery*
  (its worker died before acknowledging) or once it is stale: its heartbeat, written every
  few seconds while it renders, stopped.
* ``requests.requeue_stopped`` queues a stale export again under a new task message (from
  its status page, and from every worker's periodic chores).
* ``complete`` stores the file through Django's storage API with its SHA-256;
  ``fail`` records a reason a person can read; ``requests.retry_export`` queues it again.
"""

import hashlib
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import pgettext

from charter.models import CharterVersion, PdfExport, VersionStatus
from charter.registry import announce, parts_for
from charter.versions.publishing import canonical_json

Status = PdfExport.Status

# Statuses whose PDF carries the "DRAFT — not approved" mark. A superseded version was
# approved when it was current.
UNAPPROVED = {VersionStatus.DRAFT, VersionStatus.IN_REVIEW, VersionStatus.CHANGES_REQUESTED}
# Statuses whose PDF is digitally signed with the approval record.
SIGNED = {VersionStatus.APPROVED, VersionStatus.SUPERSEDED}
# The file name of the version's snapshot embedded in its PDF.
SNAPSHOT_ATTACHMENT = "charter-snapshot.json"


def document_parts(document: str, version: CharterVersion, params: dict) -> list[tuple]:
    """What other apps add to a document (``DocumentPart``s), with their data, in order."""
    parts = ((part, part.data(version, params)) for part in parts_for(document))
    return [(part, data) for part, data in parts if data is not None]


def content_key(version: CharterVersion, kind: str, params: dict) -> str:
    """SHA-256 of what the PDF shows besides the snapshot itself."""
    content = {
        "kind": kind,
        "params": params,
        "status": version.status,
        "parts": [[part.key, data] for part, data in document_parts(kind, version, params)],
    }
    return hashlib.sha256(canonical_json(content).encode("utf-8")).hexdigest()


def claim(export_pk: int, task_id: str, redelivered: bool = False) -> PdfExport | None:
    """Mark the export RUNNING for this task message, or None when it must not render.

    A duplicate message, or a stale one replaced by a retry, gets None. A redelivered
    message finds the export RUNNING (its first worker died) and takes it over.
    """
    with transaction.atomic():
        export = (
            PdfExport.objects.select_for_update()
            .select_related("version__charter__workspace")
            .filter(pk=export_pk)
            .first()
        )
        if export is None or export.task_id != task_id or export.is_finished:
            return None
        if export.status == Status.RUNNING and not (redelivered or export.is_stale):
            return None
        export.status = Status.RUNNING
        export.attempts += 1
        export.started_at = export.heartbeat_at = timezone.now()
        export.save(update_fields=["status", "attempts", "started_at", "heartbeat_at"])
    return export


def beat(export: PdfExport) -> bool:
    """The render is alive; False once the export is no longer ours (taken over, finished)."""
    return bool(PdfExport.objects.filter(_owns(export)).update(heartbeat_at=timezone.now()))


def _owns(export: PdfExport) -> Q:
    """Still ours: nobody took the export over since we claimed it."""
    return Q(pk=export.pk, status=Status.RUNNING, attempts=export.attempts)


def complete(export: PdfExport, data: bytes, page_count: int, timings: dict) -> bool:
    """Store the file and record it; False when another worker took the export over."""
    started = time.perf_counter()
    name = default_storage.save(
        f"exports/{export.version.charter.workspace_id}/{export.pk}-{export.attempts}.pdf",
        ContentFile(data),
    )
    timings = {**timings, "store": round(time.perf_counter() - started, 3)}
    values = {
        "status": Status.DONE,
        "file": name,
        "sha256": hashlib.sha256(data).hexdigest(),
        "size_bytes": len(data),
        "page_count": page_count,
        "timings": timings,
        "error": "",
        "finished_at": timezone.now(),
    }
    with transaction.atomic():
        if not PdfExport.objects.filter(_owns(export)).update(**values):
            default_storage.delete(name)
            return False
        for attribute, value in values.items():
            setattr(export, attribute, value)
        _announce_ready(export)
    return True


def _announce_ready(export: PdfExport) -> None:
    version = export.version
    announce(
        "export.ready",
        version.charter.workspace,
        {
            "charter_id": version.charter_id,
            "version_id": version.pk,
            "number": version.number,
            "kind": export.kind,
            "approved": export.version_status in (VersionStatus.APPROVED, VersionStatus.SUPERSEDED),
            "filename": filename(export),
            "sha256": export.sha256,
            "pages": export.page_count,
            "download": settings.SITE_URL
            + reverse("charter:export-download", args=[version.charter.workspace.slug, export.pk]),
        },
    )


def fail(export: PdfExport, reason: str) -> None:
    PdfExport.objects.filter(_owns(export)).update(
        status=Status.FAILED, error=reason, finished_at=timezone.now()
    )


def requeue_for_retry(export: PdfExport, reason: str) -> None:
    """Between automatic retries the export waits in the queue again, with the last error."""
    PdfExport.objects.filter(_owns(export)).update(status=Status.QUEUED, error=reason)


def filename(export: PdfExport) -> str:
    """A download name that says what the file is, e.g. ``acme-charter-v3-2026-q4-approved.pdf``.

    Whether the board approved it is in the name, in the charter's language, so that a draft
    is not sent to executives by mistake.
    """
    version = export.version
    approved = export.version_status in (VersionStatus.APPROVED, VersionStatus.SUPERSEDED)
    with translation.override(version.charter.language):
        state = pgettext("file name of a PDF", "approved" if approved else "draft")
        # The editors' copy is not the board's draft: its name says so.
        notes = (
            pgettext("file name of a PDF", "with open points") if export.with_open_points else ""
        )
    parts = [
        slugify(version.charter.title, allow_unicode=True)[:80] or "charter",
        "board-pack" if export.kind == PdfExport.Kind.BOARD_PACK else "charter",
        f"v{version.number}",
        slugify(version.label, allow_unicode=True),
        slugify(state, allow_unicode=True),
        slugify(notes, allow_unicode=True),
    ]
    return "-".join(part for part in parts if part) + ".pdf"


@dataclass(frozen=True)
class Match:
    """A known export or version that a hash (or an uploaded file) identifies."""

    version: CharterVersion
    export: PdfExport | None


def find_by_hash(user, digest: str) -> list[Match]:
    """Exports whose file, or versions whose snapshot, has this SHA-256 (or, for a snapshot,
    the short hash printed in the PDF footer), among the workspaces the user belongs to."""
    digest = digest.strip().lower()
    mine = {"charter__workspace__memberships__user": user}
    exports = (
        PdfExport.objects.filter(sha256=digest, status=Status.DONE)
        .filter(**{f"version__{key}": value for key, value in mine.items()})
        .select_related("version__charter__workspace")
    )
    matches = [Match(export.version, export) for export in exports]
    if not matches:
        versions = CharterVersion.objects.filter(**mine).select_related("charter__workspace")
        versions = (
            versions.filter(snapshot_sha256=digest)
            if len(digest) == 64
            else versions.filter(snapshot_sha256__startswith=digest)
        )
        matches = [Match(version, None) for version in versions]
    return matches


APPROVED_STATES = (VersionStatus.APPROVED, VersionStatus.SUPERSEDED)


@dataclass(frozen=True)
class DocumentOffer:
    """What a version page offers for one kind of document."""

    kind: str
    label: str
    current: PdfExport | None
    draft_before_approval: PdfExport | None = None
    # A draft's charter PDF with the editors' open points, beside the board's.
    offers_editors_copy: bool = False
    editors_copy: PdfExport | None = None


def document_offers(version: CharterVersion, for_editor: bool = False) -> list[DocumentOffer]:
    """Per kind: the latest export made in the version's current state (approved counts for
    superseded), and, for an approved version, its finished draft from before approval; for
    a draft's charter and an editor, its latest editors' copy with open points too."""
    approved = version.status in APPROVED_STATES
    current_states = APPROVED_STATES if approved else (version.status,)
    current, drafts, editors_copies = {}, {}, {}
    for export in version.exports.order_by("-created_at"):
        if export.version_status in current_states:
            (editors_copies if export.with_open_points else current).setdefault(export.kind, export)
        elif approved and export.status == Status.DONE and not export.with_open_points:
            # The draft offered beside the approved document is the board's, without notes.
            drafts.setdefault(export.kind, export)
    return [
        DocumentOffer(
            kind,
            label,
            current.get(kind),
            drafts.get(kind),
            offers_editors_copy=for_editor and not approved and kind == PdfExport.Kind.CHARTER,
            editors_copy=editors_copies.get(kind) if for_editor and not approved else None,
        )
        for kind, label in PdfExport.Kind.choices
    ]
