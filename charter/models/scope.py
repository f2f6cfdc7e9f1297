"""Section 3, scope: audiences, services offered and who funds the budget."""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .base import Ordered, Revisioned
from .charter import Charter
from .current_state import TEXT_LIMIT
from .workspace import Workspace

DEFAULT_SERVICES = [
    (_("Onboarding"), _("Getting new sellers productive: curriculum, milestones, certification.")),
    (_("Training"), _("Skills, product and process training for tenured sellers.")),
    (_("Coaching"), _("Equipping managers to coach deals and skills.")),
    (_("Content"), _("Sales content: playbooks, battlecards, pitch decks, case studies.")),
    (_("Tools"), _("The enablement and sales tools sellers use and how they use them.")),
    (_("Process"), _("The sales process and methodology, and keeping sellers in step with it.")),
    (
        _("Sales–marketing alignment"),
        _("Shared messaging, launches and feedback loops with marketing."),
    ),
]

# ISO 4217 codes accepted for budgets; a short list keeps typos out.
CURRENCIES = [
    "USD",
    "EUR",
    "GBP",
    "CNY",
    "HKD",
    "TWD",
    "JPY",
    "RUB",
    "INR",
    "SGD",
    "AUD",
    "CAD",
    "CHF",
    "SEK",
    "NOK",
    "DKK",
    "PLN",
    "BRL",
    "MXN",
    "ZAR",
    "AED",
    "KRW",
]
CURRENCY_CHOICES = [(code, code) for code in CURRENCIES]


class Service(Revisioned, Ordered):
    """An entry of the workspace's editable catalogue of enablement services."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="services")
    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(_("description"), max_length=2000, blank=True)

    workspace_path = "workspace"

    class Meta(Ordered.Meta):
        constraints = [
            models.UniqueConstraint(fields=["workspace", "name"], name="service_name_per_workspace")
        ]

    def __str__(self):
        return self.name

    @classmethod
    def catalogue(cls, workspace: Workspace):
        """The workspace's catalogue, seeded with the default services on first use."""
        if not cls.objects.filter(workspace=workspace).exists():
            # Seeded in the workspace's language as plain text: renaming is then the team's own.
            with translation.override(workspace.language):
                cls.objects.bulk_create(
                    cls(
                        workspace=workspace,
                        name=str(name),
                        description=str(description),
                        position=position,
                    )
                    for position, (name, description) in enumerate(DEFAULT_SERVICES)
                )
        return cls.objects.filter(workspace=workspace)


class Scope(Revisioned):
    charter = models.OneToOneField(Charter, on_delete=models.CASCADE, related_name="scope")
    services = models.ManyToManyField(
        Service, blank=True, related_name="charters", verbose_name=_("services offered")
    )
    budget_owner = models.CharField(
        _("budget owner"),
        max_length=160,
        blank=True,
        help_text=_("The person or team accountable for the enablement budget."),
    )
    budget_notes = models.TextField(
        _("budget notes"),
        max_length=TEXT_LIMIT,
        blank=True,
        help_text=_(
            "How the budget is agreed and reviewed, what it covers and what it leaves out."
        ),
    )

    workspace_path = "charter__workspace"

    def __str__(self):
        return f"Scope of {self.charter}"


class Audience(Revisioned, Ordered):
    class Priority(models.TextChoices):
        PRIMARY = "primary", _("Primary")
        SECONDARY = "secondary", _("Secondary")

    charter = models.ForeignKey(Charter, on_delete=models.CASCADE, related_name="audiences")
    role = models.CharField(
        _("role"), max_length=120, help_text=_("e.g. account executives, SDRs, sales managers.")
    )
    segment = models.CharField(_("segment or region"), max_length=120, blank=True)
    headcount = models.PositiveIntegerField(_("headcount"), null=True, blank=True)
    priority = models.CharField(
        _("primary or secondary"), max_length=10, choices=Priority.choices, default=Priority.PRIMARY
    )
    # The id of a roadmap phase, through ``charter.registry.phase_choices``: the core cannot
    # refer to the roadmap's table, and a deleted phase leaves no dangling key behind.
    served_from_phase = models.PositiveIntegerField(
        _("served from"),
        null=True,
        blank=True,
        help_text=_("The roadmap phase from which this audience is served."),
    )

    workspace_path = "charter__workspace"

    class Meta(Ordered.Meta):
        pass

    def __str__(self):
        return self.role


class FundingSource(Revisioned, Ordered):
    charter = models.ForeignKey(Charter, on_delete=models.CASCADE, related_name="funding_sources")
    team = models.CharField(
        _("team"), max_length=120, help_text=_("The team that pays, e.g. Sales, Marketing, HR.")
    )
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2)
    currency = models.CharField(
        _("currency"), max_length=3, choices=CURRENCY_CHOICES, default="USD"
    )
    notes = models.CharField(_("notes"), max_length=300, blank=True)

    workspace_path = "charter__workspace"

    class Meta(Ordered.Meta):
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__gte=0), name="funding_amount_not_negative"
            )
        ]

    def __str__(self):
        return f"{self.team}: {self.amount} {self.currency}"
