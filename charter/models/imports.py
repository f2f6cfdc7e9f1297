from django.conf import settings
from django.db import models
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .charter import Charter


class MetricImport(models.Model):
    """A CSV of metric actuals kept between its preview and the confirmation, then its report."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        DONE = "done", _("Imported")

    charter = models.ForeignKey(Charter, on_delete=models.CASCADE, related_name="metric_imports")
    file = models.FileField(upload_to="charter/imports/%Y/%m/", blank=True)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField(max_length=64)
    layout = models.JSONField(default=dict)
    mapping = models.JSONField(default=dict, blank=True)
    update_existing = models.BooleanField(
        _("update existing actuals"),
        default=False,
        help_text=_(
            "Replace the value of a period that already has an actual. Unticked, such rows "
            "are reported and left as they are."
        ),
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    report = models.JSONField(default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    workspace_path = "charter__workspace"

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["charter", "-created_at"])]

    def __str__(self):
        return self.original_name

    def get_absolute_url(self):
        return reverse("charter:actuals-import", args=[self.charter.workspace.slug, self.pk])

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING


@receiver(post_delete, sender=MetricImport)
def delete_pending_upload(sender, instance: MetricImport, **kwargs):
    # Also runs when a charter is deleted with its imports, which never calls their delete().
    if instance.file:
        instance.file.delete(save=False)
