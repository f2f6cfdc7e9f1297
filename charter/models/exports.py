from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .outbox import OutboxMessage
from .versions import CharterVersion, VersionStatus

# The export parameter asking for a draft's "Open points" appendix
# (charter.documents.open_points): the editors' copy, never the board's.
OPEN_POINTS = "open_points"


class PdfExport(models.Model):
    """One PDF made from a version's snapshot, rendered by the worker exactly once."""

    class Kind(models.TextChoices):
        CHARTER = "charter", _("Charter")
        BOARD_PACK = "board_pack", _("Board pack")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Rendering")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    version = models.ForeignKey(CharterVersion, on_delete=models.CASCADE, related_name="exports")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.CHARTER)
    # What else the render depends on, e.g. the board meeting of a board pack.
    params = models.JSONField(default=dict, blank=True)
    # SHA-256 of everything the file shows besides the snapshot (kind, params, the version's
    # status, the data other apps add after publishing). Asking again with the same content
    # finds this row; an approval or a new vote makes a new export.
    content_key = models.CharField(max_length=64)
    # The status the PDF shows (the DRAFT mark), frozen when the export was requested.
    version_status = models.CharField(
        max_length=20, choices=VersionStatus.choices, default=VersionStatus.DRAFT
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.QUEUED)
    # The id of the only task message allowed to render this export; a retry replaces it,
    # so a stale message left in the queue does nothing.
    task_id = models.CharField(max_length=64, blank=True)
    file = models.FileField(upload_to="exports/%Y/%m/", blank=True)
    sha256 = models.CharField(max_length=64, blank=True, db_index=True)
    size_bytes = models.PositiveIntegerField(null=True, blank=True)
    error = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    page_count = models.PositiveIntegerField(null=True, blank=True)
    # Seconds spent per step of the last render: {"html": …, "layout": …, "write": …, "store": …}.
    timings = models.JSONField(default=dict, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    # Written every PDF_HEARTBEAT_SECONDS by the rendering worker: a render whose heartbeat
    # stopped lost its worker, long before the broker's visibility timeout says so.
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    workspace_path = "version__charter__workspace"

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "kind", "content_key"], name="one_export_per_content"
            ),
        ]
        indexes = [models.Index(fields=["version", "kind", "status"])]

    def __str__(self):
        return gettext("%(kind)s PDF, %(version)s") % {
            "kind": self.get_kind_display(),
            "version": self.version,
        }

    @property
    def workspace(self):
        return self.version.charter.workspace

    @property
    def is_finished(self) -> bool:
        return self.status in {self.Status.DONE, self.Status.FAILED}

    @property
    def is_stale(self) -> bool:
        """Running without a heartbeat for PDF_MISSED_HEARTBEATS beats: its worker is gone.

        A render claimed before heartbeats existed is stale past the task's hard time limit.
        """
        if self.status != self.Status.RUNNING or self.started_at is None:
            return False
        if self.heartbeat_at is None:
            last_sign, allowed = self.started_at, settings.PDF_TASK_TIME_LIMIT
        else:
            last_sign = self.heartbeat_at
            allowed = settings.PDF_HEARTBEAT_SECONDS * settings.PDF_MISSED_HEARTBEATS
        return last_sign < timezone.now() - timedelta(seconds=allowed)

    @property
    def waiting_for_broker(self) -> bool:
        """Queued, but its task message is still in the outbox: the broker was unreachable."""
        return (
            self.status == self.Status.QUEUED
            and OutboxMessage.refused().filter(task_id=self.task_id).exists()
        )

    @property
    def with_open_points(self) -> bool:
        return bool(self.params.get(OPEN_POINTS))

    @property
    def slot(self) -> str:
        """Where the version page shows the export: the editors' copy has a place of its own."""
        return f"{self.kind}-open-points" if self.with_open_points else self.kind

    @property
    def can_retry(self) -> bool:
        return self.status == self.Status.FAILED or self.is_stale

    @property
    def render_seconds(self) -> float | None:
        if self.started_at and self.finished_at:
            return (self.finished_at - self.started_at).total_seconds()
        return None
