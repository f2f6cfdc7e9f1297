from datetime import date

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from charter.signals import version_approved

from ..errors import ImmutableObject, NotAllowed, TransitionNotAllowed
from .charter import Charter


class VersionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    APPROVED = "approved", _("Approved")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    SUPERSEDED = "superseded", _("Superseded")


# The fields that make up what was published; nothing may change them once saved.
FROZEN_FIELDS = (
    "charter_id",
    "number",
    "label",
    "summary",
    "author_id",
    "created_at",
    "snapshot",
    "snapshot_sha256",
)


class CharterVersionQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=VersionStatus.APPROVED)

    # Bulk writes skip save() and delete(); refuse them here too. The author may still be
    # cleared, which is what deleting a user account does (SET_NULL).
    def update(self, **kwargs):
        if set(kwargs) & {field.removesuffix("_id") for field in FROZEN_FIELDS} - {"author"}:
            raise ImmutableObject(_("A published version cannot be changed."))
        return super().update(**kwargs)

    def delete(self):
        raise ImmutableObject(_("A published version cannot be deleted."))


class CharterVersion(models.Model):
    """A published, immutable snapshot of a charter. Only its review status moves."""

    charter = models.ForeignKey(Charter, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField(_("number"))
    label = models.CharField(_("label"), max_length=40)
    summary = models.TextField(_("summary of changes"), max_length=4000, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    snapshot = models.JSONField(editable=False)
    snapshot_sha256 = models.CharField(max_length=64, editable=False, db_index=True)

    status = models.CharField(
        _("status"), max_length=20, choices=VersionStatus.choices, default=VersionStatus.DRAFT
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    workspace_path = "charter__workspace"

    objects = CharterVersionQuerySet.as_manager()

    class Meta:
        ordering = ["charter", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["charter", "number"], name="version_number_per_charter"
            ),
        ]
        indexes = [models.Index(fields=["charter", "status"])]

    def __str__(self):
        return f"{self.charter} v{self.number} ({self.label})"

    @property
    def workspace(self):
        return self.charter.workspace

    @property
    def short_hash(self) -> str:
        return self.snapshot_sha256[:12]

    @property
    def as_of(self) -> date:
        """The day the version was published: what it shows is drawn as of that day."""
        return timezone.localdate(self.created_at)

    @property
    def is_approved(self) -> bool:
        return self.status == VersionStatus.APPROVED

    def save(self, *args, **kwargs):
        if self.pk is not None and not kwargs.get("force_insert"):
            update_fields = kwargs.get("update_fields")
            if update_fields is None or set(update_fields) & {
                f.removesuffix("_id") for f in FROZEN_FIELDS
            }:
                stored = type(self).objects.filter(pk=self.pk).values(*FROZEN_FIELDS).first()
                if stored is not None and any(
                    stored[field] != getattr(self, field) for field in FROZEN_FIELDS
                ):
                    raise ImmutableObject(_("A published version cannot be changed."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableObject(_("A published version cannot be deleted."))

    # Review status transitions. Governance decides when a review is over and calls
    # approve()/request_changes(); editors submit and withdraw.

    def submit(self, by, membership) -> None:
        if not membership.can("edit"):
            raise NotAllowed(_("Only editors can submit a version for review."))
        if self.status != VersionStatus.DRAFT:
            raise TransitionNotAllowed(_("Only a draft version can be submitted for review."))
        if self.charter.versions.filter(status=VersionStatus.IN_REVIEW).exists():
            raise TransitionNotAllowed(_("Another version of this charter is already in review."))
        self._move(
            VersionStatus.IN_REVIEW,
            by,
            "version.submitted",
            submitted_by=by,
            submitted_at=timezone.now(),
        )

    def withdraw(self, by, membership) -> None:
        if not membership.can("edit"):
            raise NotAllowed(_("Only editors can withdraw a submission."))
        if self.status != VersionStatus.IN_REVIEW:
            raise TransitionNotAllowed(_("Only a version in review can be withdrawn."))
        self._move(
            VersionStatus.DRAFT, by, "version.withdrawn", submitted_by=None, submitted_at=None
        )

    def approve(self, by=None) -> None:
        if self.status != VersionStatus.IN_REVIEW:
            raise TransitionNotAllowed(_("Only a version in review can be approved."))
        with transaction.atomic():
            for older in self.charter.versions.filter(status=VersionStatus.APPROVED).exclude(
                pk=self.pk
            ):
                older._move(VersionStatus.SUPERSEDED, by, "version.superseded")
            self._move(VersionStatus.APPROVED, by, "version.approved", decided_at=timezone.now())
            transaction.on_commit(lambda: version_approved.send(type(self), version=self, by=by))

    def request_changes(self, by=None) -> None:
        if self.status != VersionStatus.IN_REVIEW:
            raise TransitionNotAllowed(_("Only a version in review can be sent back for changes."))
        self._move(
            VersionStatus.CHANGES_REQUESTED,
            by,
            "version.changes_requested",
            decided_at=timezone.now(),
        )

    def _move(self, status: str, by, action: str, **fields) -> None:
        from .audit import AuditEvent

        previous = self.status
        self.status = status
        for name, value in fields.items():
            setattr(self, name, value)
        with transaction.atomic():
            self.save(update_fields=["status", *fields])
            AuditEvent.record(
                self.charter.workspace,
                by,
                action,
                self,
                changes={"status": [previous, status]},
            )
