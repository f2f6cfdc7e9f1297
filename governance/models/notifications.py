import ipaddress
import secrets
import socket
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from charter.models import Membership, Workspace

from .board import AdvisoryBoard


class WebhookKind(models.TextChoices):
    SLACK = "slack", _("Slack")
    TEAMS = "teams", _("Microsoft Teams")
    SIGNED = "signed", _("Your own service (signed JSON)")


class NotificationEvent(models.TextChoices):
    VERSION_PUBLISHED = "version.published", _("A version is published")
    VERSION_SUBMITTED = "version.submitted", _("A version is submitted to the board")
    REVIEW_DECIDED = "review.decided", _("The board decides a review")
    MEETING_SCHEDULED = "meeting.scheduled", _("A board meeting is scheduled")
    ACTUALS_OVERDUE = "actuals.overdue", _("An actual is overdue")
    EXPORT_READY = "export.ready", _("A PDF is ready to download")


LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1"}


def _addresses(host: str) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    """The addresses a host name stands for; none when it does not resolve (the post then
    fails and is logged, so there is nothing private to reach)."""
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    try:
        found = socket.getaddrinfo(host, 443, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError):
        return []
    return [ipaddress.ip_address(info[4][0].split("%")[0]) for info in found]


def _is_internal(address, allow_loopback: bool) -> bool:
    if address.is_loopback:
        return not allow_loopback
    return (
        address.is_private
        or address.is_link_local
        or address.is_reserved
        or address.is_multicast
        or address.is_unspecified
    )


def validate_webhook_url(url: str) -> None:
    """HTTPS to a public address only; this machine only where settings allow it (debug,
    tests). Checked when the address is saved and again before every post, because a name
    can be pointed at an internal address after it was saved."""
    parts = urlsplit(url)
    allow_loopback = settings.WEBHOOK_ALLOW_HTTP_LOOPBACK
    if parts.scheme == "https" and parts.hostname:
        if any(_is_internal(address, allow_loopback) for address in _addresses(parts.hostname)):
            raise ValidationError(
                _("This address leads to a private or local network; enter a public one."),
                code="private",
            )
        return
    if parts.scheme == "http" and parts.hostname in LOOPBACK_HOSTS and allow_loopback:
        return
    raise ValidationError(_("Enter the webhook's https:// address."), code="scheme")


class WebhookEndpoint(models.Model):
    """A Slack or Teams incoming webhook, or a service of the workspace's own that receives
    signed JSON, which the workspace posts chosen events to."""

    workspace = models.ForeignKey(
        Workspace, on_delete=models.CASCADE, related_name="webhook_endpoints"
    )
    name = models.CharField(_("name"), max_length=120, help_text=_("e.g. #enablement-board"))
    kind = models.CharField(_("service"), max_length=10, choices=WebhookKind.choices)
    url = models.URLField(_("webhook address"), max_length=500, validators=[validate_webhook_url])
    events = models.JSONField(_("events"), default=list)
    active = models.BooleanField(_("active"), default=True)
    # Kept readable, not hashed: each delivery is signed with it (HMAC-SHA256), and the owner
    # copies it into the receiving service.
    signing_secret = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    workspace_path = "workspace"

    class Meta:
        ordering = ["name", "pk"]
        indexes = [models.Index(fields=["workspace", "active"])]

    def __str__(self):
        return self.name

    def event_labels(self) -> list[str]:
        return [str(NotificationEvent(event).label) for event in self.events]

    @property
    def is_signed(self) -> bool:
        return self.kind == WebhookKind.SIGNED

    def new_signing_secret(self) -> None:
        self.signing_secret = secrets.token_urlsafe(32)

    def save(self, *args, **kwargs):
        if self.is_signed and not self.signing_secret:
            self.new_signing_secret()
        super().save(*args, **kwargs)


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    RETRYING = "retrying", _("Failed, trying again")
    DELIVERED = "delivered", _("Delivered")
    FAILED = "failed", _("Failed")


class WebhookDelivery(models.Model):
    """One post of one event to one endpoint, and how it went."""

    endpoint = models.ForeignKey(
        WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries"
    )
    event = models.CharField(max_length=40, choices=NotificationEvent.choices)
    payload = models.JSONField()
    status = models.CharField(
        max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    response_code = models.PositiveSmallIntegerField(null=True, blank=True)
    response_excerpt = models.CharField(max_length=500, blank=True)
    error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    # The failed delivery this one sends again: one replay at a time may be on its way.
    replay_of = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="replays"
    )

    workspace_path = "endpoint__workspace"

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["endpoint", "-created_at"])]

    def __str__(self):
        return f"{self.endpoint} {self.event} {self.status}"

    @property
    def can_replay(self) -> bool:
        return self.status == DeliveryStatus.FAILED

    def replay_on_its_way(self) -> "WebhookDelivery | None":
        return self.replays.filter(
            status__in=[DeliveryStatus.PENDING, DeliveryStatus.RETRYING]
        ).first()


class NotificationMode(models.TextChoices):
    IMMEDIATE = "immediate", _("An email at once")
    DIGEST = "digest", _("One email a day with everything")


class NotificationPreference(models.Model):
    membership = models.OneToOneField(
        Membership, on_delete=models.CASCADE, related_name="notification_preference"
    )
    mode = models.CharField(
        _("board notifications"),
        max_length=10,
        choices=NotificationMode.choices,
        default=NotificationMode.IMMEDIATE,
    )

    workspace_path = "membership__workspace"

    def __str__(self):
        return f"{self.membership}: {self.mode}"


class PendingNotification(models.Model):
    """A notification kept for a member's daily digest until it is sent."""

    membership = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="pending_notifications"
    )
    subject = models.CharField(max_length=300)
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    workspace_path = "membership__workspace"

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["sent_at", "membership"])]

    def __str__(self):
        return self.subject


class CadenceReminder(models.Model):
    """Marks a cadence reminder as sent, once per board and occasion (``key``)."""

    board = models.ForeignKey(AdvisoryBoard, on_delete=models.CASCADE, related_name="reminders")
    key = models.CharField(max_length=80)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["board", "key"], name="one_cadence_reminder_per_key")
        ]

    def __str__(self):
        return self.key
