from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..errors import ImmutableObject
from .profile import shown_name
from .workspace import Workspace


class AuditEvent(models.Model):
    """One append-only record of something that happened in a workspace.

    It lives in the core app rather than in governance because every app writes it and
    the core must not import the others.
    """

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="audit_events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Who acted when there is no user account (an outside reviewer), or the user's name at the time.
    actor_label = models.CharField(max_length=200, blank=True)
    action = models.CharField(_("action"), max_length=60, db_index=True)
    object_type = models.CharField(max_length=60, blank=True)
    object_id = models.CharField(max_length=40, blank=True)
    object_repr = models.CharField(max_length=300, blank=True)
    changes = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    workspace_path = "workspace"

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["workspace", "-created_at"])]

    def __str__(self):
        return (
            f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.object_repr}"
        )

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ImmutableObject("Audit events are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableObject("Audit events are append-only.")

    @classmethod
    def record(cls, workspace, actor, action: str, obj=None, changes=None, actor_label: str = ""):
        if changes is not None and not isinstance(changes, dict):
            # The trail's page reads changes as {field: value}; refuse any other shape here,
            # where the caller can still be fixed, rather than show it for ever.
            raise TypeError(f"Audit changes must be a dict, not {type(changes).__name__}.")
        user = actor if getattr(actor, "is_authenticated", False) else None
        return cls.objects.create(
            workspace=workspace,
            actor=user,
            actor_label=actor_label or (shown_name(user) if user else ""),
            action=action,
            object_type=obj._meta.label_lower if obj is not None else "",
            object_id=str(obj.pk) if obj is not None else "",
            object_repr=str(obj)[:300] if obj is not None else "",
            changes=changes or {},
        )
