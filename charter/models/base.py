from collections.abc import Callable, Mapping
from typing import Any, Self

from django.conf import settings
from django.db import models, transaction
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

    ``save_revision(expected)`` writes the whole row only if nobody saved in between;
    ``save_fields(values, unchanged=…)`` writes only some fields, if what is stored for them
    is still what the editor started from. Both raise ``EditConflict`` carrying the stored
    object otherwise, so the view can show both texts to merge.
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

    def save_fields(
        self,
        values: Mapping[str, Any],
        by=None,
        *,
        unchanged: Callable[[Self], bool],
        loaded: Self | None = None,
    ) -> None:
        """Write ``values`` (field name → value) and no other field, as one compare-and-set.

        The stored row is locked, then ``unchanged(stored)`` says whether the fields being
        written still hold what the editor started from; if not, ``EditConflict``. Other
        fields are left as stored, so saves of different fields of one row never undo each
        other however their revisions interleave. Many-to-many values are sets of objects.

        ``loaded`` is the row as the request read it. When it passes ``unchanged``, one
        UPDATE conditioned on its revision writes the values without a lock or transaction:
        every save bumps the revision, so if that revision is still stored, so is ``loaded``.
        Only when someone saved in between (or for many-to-many values) is the row locked.
        """
        manager = type(self)._default_manager
        now = timezone.now()
        columns, related = {}, {}
        for name, value in values.items():
            model_field = self._meta.get_field(name)
            if model_field.many_to_many:
                related[name] = value
            else:
                columns[model_field.attname] = value
        written = {**columns, "revision": F("revision") + 1, "updated_at": now, "updated_by": by}
        still_loaded = loaded is not None and not related and unchanged(loaded)
        if still_loaded and manager.filter(pk=self.pk, revision=loaded.revision).update(**written):
            self._hold_saved(loaded, columns, now, by)
            return
        with transaction.atomic():
            stored = manager.select_for_update().get(pk=self.pk)
            if not unchanged(stored):
                raise EditConflict(stored)
            manager.filter(pk=self.pk).update(**written)
            for name, value in related.items():
                getattr(self, name).set(value)
        self._hold_saved(stored, columns, now, by)

    def _hold_saved(self, stored: Self, columns: Mapping[str, Any], now, by) -> None:
        """Hold what is now stored: the written columns, the others as ``stored`` had them."""
        for model_field in self._meta.concrete_fields:
            if model_field.attname not in columns:
                setattr(self, model_field.attname, getattr(stored, model_field.attname))
        self.revision = stored.revision + 1
        self.updated_at = now
        self.updated_by = by


class Ordered(models.Model):
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        abstract = True
        ordering = ["position", "pk"]
