import hashlib
import hmac
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .workspace import Membership, Workspace

TOKEN_PREFIX = "cbt"  # noqa: S105  the public start of every token, not a secret


class ApiScope(models.TextChoices):
    READ = "read", _("Read the workspace")
    WRITE_ACTUALS = "write:actuals", _("Report metric actuals")
    WRITE_MILESTONES = "write:milestones", _("Change milestone status")


# The capability an owner's role must still have for a scope to work: a token never does
# more than the person who made it may do today.
SCOPE_CAPABILITY = {
    ApiScope.READ: "view",
    ApiScope.WRITE_ACTUALS: "edit",
    ApiScope.WRITE_MILESTONES: "edit",
}


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def usable(self):
        now = timezone.now()
        return self.filter(revoked_at__isnull=True, expires_at__gt=now)


class ApiToken(models.Model):
    """A secret that lets a program act for its owner in one workspace, within its scopes.

    Only the SHA-256 of the secret is stored; the lookup id before it finds the row without
    scanning. The full token (``cbt_<lookup id>_<secret>``) is shown once, when made.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(
        _("name"), max_length=80, help_text=_("What uses it, e.g. “HubSpot sync”.")
    )
    lookup_id = models.CharField(max_length=16, unique=True, editable=False)
    secret_sha256 = models.CharField(max_length=64, editable=False)
    scopes = models.JSONField(_("scopes"), default=list)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    workspace_path = "workspace"
    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "workspace"])]

    def __str__(self):
        return f"{self.name} ({self.lookup_id})"

    @classmethod
    def issue(cls, user, workspace, name: str, scopes: list[str], days: int):
        """A new token and its full text, which is never stored and cannot be shown again."""
        lookup_id, secret = secrets.token_hex(6), secrets.token_urlsafe(32)
        token = cls.objects.create(
            user=user,
            workspace=workspace,
            name=name,
            lookup_id=lookup_id,
            secret_sha256=hash_secret(secret),
            scopes=sorted(set(scopes)),
            expires_at=timezone.now() + timedelta(days=days),
        )
        return token, f"{TOKEN_PREFIX}_{lookup_id}_{secret}"

    @classmethod
    def find(cls, text: str):
        """The token that ``text`` is, expired or revoked too (the caller says which), or None."""
        prefix, _, rest = text.partition("_")
        lookup_id, _, secret = rest.partition("_")
        if prefix != TOKEN_PREFIX or not lookup_id or not secret:
            return None
        token = (
            cls.objects.select_related("user", "workspace").filter(lookup_id=lookup_id[:16])
        ).first()
        if token is None or not hmac.compare_digest(token.secret_sha256, hash_secret(secret)):
            return None
        return token

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    def membership(self) -> Membership | None:
        """The owner's membership as it is now; None once they have left the workspace."""
        return Membership.objects.filter(
            user_id=self.user_id, workspace_id=self.workspace_id
        ).first()

    def allows(self, scope: str, membership: Membership | None) -> bool:
        return (
            scope in self.scopes
            and membership is not None
            and membership.can(SCOPE_CAPABILITY[ApiScope(scope)])
        )

    def revoke(self) -> None:
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])

    def mark_used(self) -> None:
        """Record the use, at most once a minute, so that busy tokens do not write every call."""
        now = timezone.now()
        if self.last_used_at is None or now - self.last_used_at > timedelta(minutes=1):
            type(self).objects.filter(pk=self.pk).update(last_used_at=now)
            self.last_used_at = now
