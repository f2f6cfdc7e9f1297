from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .versions import CharterVersion


class PdfExport(models.Model):
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
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.QUEUED)
    file = models.FileField(upload_to="exports/%Y/%m/", blank=True)
    sha256 = models.CharField(max_length=64, blank=True, db_index=True)
    error = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    page_count = models.PositiveIntegerField(null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    workspace_path = "version__charter__workspace"

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["version", "kind", "status"])]

    def __str__(self):
        return f"{self.get_kind_display()} PDF of {self.version}"

    @property
    def workspace(self):
        return self.version.charter.workspace

    @property
    def render_seconds(self) -> float | None:
        if self.started_at and self.finished_at:
            return (self.finished_at - self.started_at).total_seconds()
        return None
