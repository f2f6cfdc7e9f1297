import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Role(models.TextChoices):
    OWNER = "owner", pgettext_lazy("workspace role", "Owner")
    EDITOR = "editor", _("Editor")
    CONTRIBUTOR = "contributor", _("Contributor")
    BOARD = "board", _("Board member")
    VIEWER = "viewer", _("Viewer")


# What each role may do. Views ask for a capability, never for a role by name.
CAPABILITIES: dict[str, set[str]] = {
    "view": {Role.OWNER, Role.EDITOR, Role.CONTRIBUTOR, Role.BOARD, Role.VIEWER},
    "comment": {Role.OWNER, Role.EDITOR, Role.CONTRIBUTOR, Role.BOARD},
    "research": {Role.OWNER, Role.EDITOR, Role.CONTRIBUTOR},
    "edit": {Role.OWNER, Role.EDITOR},
    "vote": {Role.BOARD},
    "manage": {Role.OWNER},
}


def creator_language() -> str:
    """The language active while a workspace is created: its seeded texts are written in it."""
    try:
        return translation.get_supported_language_variant(translation.get_language() or "")
    except LookupError:
        return settings.LANGUAGE_CODE


class Workspace(models.Model):
    name = models.CharField(_("name"), max_length=120)
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=creator_language,
        help_text=_("The language the workspace's starting catalogues and agendas are seeded in."),
    )
    slug = models.SlugField(_("slug"), max_length=140, unique=True, allow_unicode=True)
    require_second_factor = models.BooleanField(
        _("require two-factor authentication for owners and board members"),
        default=False,
        help_text=_(
            "Owners and board members without an authenticator app or security key are asked "
            "to set one up before they can open the workspace, and every vote then needs a "
            "code from it as well as the password."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._unique_slug()
        super().save(*args, **kwargs)

    def _unique_slug(self) -> str:
        # Names in Chinese or Russian keep their letters: an ASCII slug of them is empty.
        base = slugify(self.name, allow_unicode=True)[:120] or "workspace"
        slug, n = base, 1
        while Workspace.objects.filter(slug=slug).exists():
            n += 1
            slug = f"{base}-{n}"
        return slug

    @property
    def workspace(self):
        return self


class Membership(models.Model):
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.VIEWER)
    created_at = models.DateTimeField(auto_now_add=True)

    workspace_path = "workspace"

    class Meta:
        ordering = ["workspace__name", "user__username"]
        constraints = [
            models.UniqueConstraint(fields=["workspace", "user"], name="one_membership_per_user"),
        ]

    def __str__(self):
        return f"{self.user} in {self.workspace} ({self.get_role_display()})"

    def can(self, capability: str) -> bool:
        return self.role in CAPABILITIES[capability]

    @property
    def needs_second_factor(self) -> bool:
        """Whether the workspace asks this member for a second factor (owners and the board)."""
        return self.workspace.require_second_factor and self.role in SECOND_FACTOR_ROLES


# Those who approve the charter or control who may: the roles a workspace can hold to MFA.
SECOND_FACTOR_ROLES = {Role.OWNER, Role.BOARD}


def _new_token() -> str:
    return secrets.token_urlsafe(32)


def _default_invitation_expiry():
    return timezone.now() + timedelta(days=14)


class Invitation(models.Model):
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("email"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.VIEWER)
    token = models.CharField(max_length=64, unique=True, default=_new_token, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(default=_default_invitation_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)

    workspace_path = "workspace"

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} → {self.workspace}"

    @property
    def is_usable(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()

    def is_addressed_to(self, user) -> bool:
        """Whether the account uses the address the invitation was sent to: a forwarded or
        leaked link must not let another account join."""
        return bool(user.email) and user.email.strip().casefold() == self.email.casefold()

    @property
    def masked_email(self) -> str:
        """The invited address with most of its local part hidden, for whoever holds the link."""
        local, _at, domain = self.email.partition("@")
        return f"{local[:1]}{'•' * max(len(local) - 1, 1)}@{domain}"
