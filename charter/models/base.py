from django.conf import settings
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..errors import DomainError


class EditConflict(DomainError):
    """Someone else saved this object since the editor loaded it."""

    def __init__(self, current):
        super().__init__(_("Someone else changed this since you opened it."))
        self.current = current


class Revisioned(models.Model):
    """Optimistic concurrency: every save names the revision it was edited from.

    ``save_revision(expected)`` writes only if nobody saved in between, else raises
    ``EditConflict`` carrying the stored object, so the view can show both texts to merge.
    """

    revision = models.PositiveIntegerField(default=1, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )

    class Meta:
        abstract = True

    def save_revision(self, expected_revision: int, by=None) -> None:
        if self.pk is None:
            self.updated_by = by
            self.save()
            return
        self.updated_by = by
        fields = {
            field.attname: getattr(self, field.attname)
            for field in self._meta.concrete_fields
            if not field.primary_key and field.attname not in {"revision", "updated_at"}
        }
        now = timezone.now()
        updated = (
            type(self)
            ._default_manager.filter(pk=self.pk, revision=expected_revision)
            .update(**fields, revision=F("revision") + 1, updated_at=now)
        )
        if not updated:
            raise EditConflict(type(self)._default_manager.get(pk=self.pk))
        self.revision = expected_revision + 1
        self.updated_at = now


class Ordered(models.Model):
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        abstract = True
        ordering = ["position", "pk"]
