from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .charter import Charter
from .uploads import PendingUpload


class MetricImport(PendingUpload):
    """A CSV of metric actuals kept between its preview and the confirmation, then its report."""

    charter = models.ForeignKey(Charter, on_delete=models.CASCADE, related_name="metric_imports")
    file = models.FileField(upload_to="charter/imports/%Y/%m/", blank=True)
    update_existing = models.BooleanField(
        _("update existing actuals"),
        default=False,
        help_text=_(
            "Replace the value of a period that already has an actual. Unticked, such rows "
            "are reported and left as they are."
        ),
    )

    workspace_path = "charter__workspace"

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["charter", "-created_at"])]

    def get_absolute_url(self):
        return reverse("charter:actuals-import", args=[self.charter.workspace.slug, self.pk])
