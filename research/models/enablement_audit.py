"""The audit of existing enablement: who already helps sellers today, how, and at what cost."""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from charter.models import Charter, Revisioned


class AuditActivity(Revisioned):
    """One enablement activity found in the audit, formal or ad hoc."""

    class Kind(models.TextChoices):
        CONTENT = "content", _("Content")
        TRAINING = "training", _("Training")
        COACHING = "coaching", _("Coaching")
        COMMUNICATION = "communication", _("Communication")
        TOOLS = "tools", _("Tools and process")
        OTHER = "other", _("Other")

    class Channel(models.TextChoices):
        EMAIL = "email", _("Email")
        CHAT = "chat", _("Chat")
        PHONE = "phone", _("Phone")
        MEETING = "meeting", _("Meeting")
        LMS = "lms", _("Learning platform")
        INTRANET = "intranet", _("Intranet or wiki")
        SHARED_DRIVE = "shared_drive", _("Shared drive")
        CRM = "crm", _("CRM")
        OTHER = "other", _("Other")

    class Frequency(models.TextChoices):
        AS_NEEDED = "as_needed", _("As needed")
        DAILY = "daily", _("Daily")
        WEEKLY = "weekly", _("Weekly")
        MONTHLY = "monthly", _("Monthly")
        QUARTERLY = "quarterly", _("Quarterly")
        YEARLY = "yearly", _("Yearly")

    charter = models.ForeignKey(Charter, on_delete=models.CASCADE, related_name="audit_activities")
    activity = models.CharField(
        _("activity"), max_length=200, help_text=_("e.g. Weekly product update email.")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.CONTENT)
    owner_team = models.CharField(
        _("owner team"),
        max_length=80,
        help_text=_("Who delivers it today, e.g. Product marketing, Sales ops, or the sellers."),
    )
    requester = models.CharField(
        _("requester"),
        max_length=80,
        blank=True,
        help_text=_("Who asks for it, e.g. Account executives in EMEA."),
    )
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    frequency = models.CharField(_("frequency"), max_length=20, choices=Frequency.choices)
    is_formal = models.BooleanField(
        _("formal"),
        default=False,
        help_text=_("Planned, owned and repeatable. Leave unticked for ad hoc help."),
    )
    made_by_sellers = models.BooleanField(
        _("made by sellers"),
        default=False,
        help_text=_("Sellers make this themselves because nobody else provides it."),
    )
    effort_hours_per_month = models.DecimalField(
        _("effort (hours per month)"),
        max_digits=7,
        decimal_places=1,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("Everyone's time together, a rough estimate is fine."),
    )
    pain_points = models.TextField(_("pain points"), max_length=5000, blank=True)

    workspace_path = "charter__workspace"

    class Meta:
        ordering = ["owner_team", "activity", "pk"]
        verbose_name = _("audit activity")
        verbose_name_plural = _("audit activities")
        constraints = [
            models.CheckConstraint(
                condition=Q(effort_hours_per_month__gte=0), name="audit_effort_not_negative"
            )
        ]

    def __str__(self):
        return self.activity

    def get_absolute_url(self):
        return reverse("research:audit", args=[self.charter.workspace.slug, self.charter_id])

    @property
    def label(self) -> str:
        return f"{self.activity} ({self.owner_team}, {self.get_channel_display()})"
