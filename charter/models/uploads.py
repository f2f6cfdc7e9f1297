"""An uploaded file kept between its preview and the confirmation: the survey responses import
and the metric actuals import are both one (``research.SurveyImport``, ``MetricImport``)."""

from collections.abc import Callable
from typing import Self

from django.conf import settings
from django.db import models, transaction
from django.db.models.signals import class_prepared, post_delete
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from charter import csvimport


class PendingUpload(models.Model):
    """The upload is stored through the storage API (S3 works too) until it is confirmed, which
    happens once however often it is asked for, or cancelled; then only its report stays.

    A subclass adds what it is imported into and redefines ``file`` with its ``upload_to``.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        DONE = "done", _("Imported")

    file = models.FileField(blank=True)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField(max_length=64)
    layout = models.JSONField(default=dict)
    mapping = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    report = models.JSONField(default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.original_name

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING

    @classmethod
    def keep(cls, upload_form, by, **fields) -> Self:
        """Store an upload that ``charter.csvimport.UploadForm`` has inspected and accepted."""
        uploaded = upload_form.cleaned_data["file"]
        upload = cls(
            original_name=uploaded.name[:255],
            size=uploaded.size,
            sha256=csvimport.file_sha256(uploaded),
            layout=upload_form.layout.as_json(),
            created_by=by,
            **fields,
        )
        upload.file.save(uploaded.name, uploaded, save=False)
        upload.save()
        return upload

    def confirm(self, apply: Callable[[Self], dict]) -> Self:
        """Run ``apply`` on the locked, still pending upload and keep the report it returns.

        A second confirmation (a double click, two tabs) waits for the lock, finds the upload
        done and changes nothing. The file is deleted once the import is committed.
        """
        with transaction.atomic():
            upload = type(self).objects.select_for_update().get(pk=self.pk)
            if not upload.is_pending:
                return upload
            upload.report = apply(upload)
            upload.status = self.Status.DONE
            upload.completed_at = timezone.now()
            upload.save()
        transaction.on_commit(lambda: upload.file.delete(save=True))
        return upload

    def cancel(self) -> None:
        """Forget a pending upload and its file; a finished import keeps its report."""
        if self.is_pending:
            self.delete()


def delete_upload_file(sender, instance: PendingUpload, **kwargs) -> None:
    # Also runs when a charter or survey is deleted with its imports, which never calls their
    # delete().
    if instance.file:
        instance.file.delete(save=False)


@receiver(class_prepared)
def _delete_files_with_their_rows(sender, **kwargs) -> None:
    # Connected per model: a receiver for every sender would turn off Django's fast deletes.
    if issubclass(sender, PendingUpload):
        post_delete.connect(delete_upload_file, sender=sender, dispatch_uid=sender._meta.label)
