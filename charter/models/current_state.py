"""Section 1, current state: strategy, go-to-market, sales-execution KPIs, maturity."""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .base import Ordered, Revisioned
from .charter import Charter
from .workspace import Workspace

TEXT_LIMIT = 20_000

DEFAULT_MATURITY_LEVELS = [
    (1, _("Absent"), _("No dedicated enablement; sellers find their own way.")),
    (2, _("Emerging"), _("Ad-hoc, request-driven help from whoever has time.")),
    (3, _("Organized"), _("A defined team with programs, a calendar and basic metrics.")),
    (4, _("Scalable"), _("Repeatable programs across roles and regions, tied to outcomes.")),
    (5, _("Transformative"), _("Enablement shapes go-to-market strategy and proves its impact.")),
]
DEFAULT_MATURITY_DIMENSIONS = [
    _("Content"),
    _("Training"),
    _("Coaching"),
    _("Tools and technology"),
    _("Process"),
    _("Analytics"),
    _("Governance"),
    _("Collaboration"),
]


class CurrentState(Revisioned):
    charter = models.OneToOneField(Charter, on_delete=models.CASCADE, related_name="current_state")
    business_strategy = models.TextField(
        _("business strategy"),
        max_length=TEXT_LIMIT,
        blank=True,
        help_text=_(
            "The company's goals for the period and how it means to reach them — growth, "
            "markets, products — in the executives' own words."
        ),
    )
    target_segments = models.TextField(
        _("target segments"),
        max_length=TEXT_LIMIT,
        blank=True,
        help_text=_("Which customers you sell to: industries, company sizes, regions, buyers."),
    )
    value_proposition = models.TextField(
        _("value proposition"),
        max_length=TEXT_LIMIT,
        blank=True,
        help_text=_("Why those customers buy from you rather than a competitor or doing nothing."),
    )
    channels = models.TextField(
        _("channels"),
        max_length=TEXT_LIMIT,
        blank=True,
        help_text=_("How you reach them: field, inside sales, partners, self-serve, marketplaces."),
    )
    customer_journey = models.TextField(
        _("customer journey"),
        max_length=TEXT_LIMIT,
        blank=True,
        help_text=_("The buyer's steps from first touch to renewal, and where sellers engage."),
    )

    workspace_path = "charter__workspace"

    def __str__(self):
        return f"Current state of {self.charter}"


class ExecutionKpi(Revisioned, Ordered):
    """One row of the sales-execution snapshot, e.g. win rate 23 % in FY26 from the CRM."""

    charter = models.ForeignKey(Charter, on_delete=models.CASCADE, related_name="execution_kpis")
    name = models.CharField(
        _("KPI"), max_length=120, help_text=_("e.g. quota attainment, win rate, ramp time.")
    )
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    unit = models.CharField(_("unit"), max_length=30, blank=True, help_text=_("e.g. %, days, USD."))
    period = models.CharField(_("period"), max_length=40, help_text=_("e.g. FY2026 or 2026-Q2."))
    source = models.CharField(
        _("source"),
        max_length=120,
        blank=True,
        help_text=_("Where the number comes from, e.g. Salesforce."),
    )

    workspace_path = "charter__workspace"

    class Meta(Ordered.Meta):
        pass

    def __str__(self):
        return self.name


class MaturityModel(models.Model):
    """A workspace's maturity model: ordered levels and the dimensions assessed against them."""

    workspace = models.OneToOneField(
        Workspace, on_delete=models.CASCADE, related_name="maturity_model"
    )
    name = models.CharField(_("name"), max_length=120, default=_("Enablement maturity"))

    workspace_path = "workspace"

    def __str__(self):
        return self.name

    @classmethod
    def for_workspace(cls, workspace: Workspace) -> "MaturityModel":
        """The workspace's model, created from the default levels and dimensions on first use."""
        # Seeded in the workspace's language and stored as plain text: a rename is the team's own.
        with translation.override(workspace.language):
            model, created = cls.objects.get_or_create(
                workspace=workspace, defaults={"name": str(_("Enablement maturity"))}
            )
            if created:
                MaturityLevel.objects.bulk_create(
                    MaturityLevel(
                        model=model, rank=rank, name=str(name), description=str(description)
                    )
                    for rank, name, description in DEFAULT_MATURITY_LEVELS
                )
                MaturityDimension.objects.bulk_create(
                    MaturityDimension(model=model, name=str(name), position=position)
                    for position, name in enumerate(DEFAULT_MATURITY_DIMENSIONS)
                )
        return model


class MaturityLevel(Revisioned):
    model = models.ForeignKey(MaturityModel, on_delete=models.CASCADE, related_name="levels")
    rank = models.PositiveSmallIntegerField(_("rank"), help_text=_("1 is the least mature."))
    name = models.CharField(_("name"), max_length=60)
    description = models.TextField(_("description"), max_length=2000, blank=True)

    workspace_path = "model__workspace"

    class Meta:
        ordering = ["model", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["model", "rank"], name="maturity_level_rank_unique")
        ]

    def __str__(self):
        return f"{self.rank}. {self.name}"


class MaturityDimension(Revisioned, Ordered):
    model = models.ForeignKey(MaturityModel, on_delete=models.CASCADE, related_name="dimensions")
    name = models.CharField(_("name"), max_length=80)
    description = models.TextField(_("description"), max_length=2000, blank=True)

    workspace_path = "model__workspace"

    class Meta(Ordered.Meta):
        constraints = [
            models.UniqueConstraint(fields=["model", "name"], name="maturity_dimension_name_unique")
        ]

    def __str__(self):
        return self.name


class MaturityScore(Revisioned):
    """How mature one dimension is today, with the evidence for that judgement."""

    charter = models.ForeignKey(Charter, on_delete=models.CASCADE, related_name="maturity_scores")
    dimension = models.ForeignKey(
        MaturityDimension, on_delete=models.CASCADE, related_name="scores"
    )
    level = models.ForeignKey(
        MaturityLevel, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    evidence = models.TextField(
        _("evidence"),
        max_length=TEXT_LIMIT,
        blank=True,
        help_text=_(
            "What you saw that justifies the level: interview quotes, audit findings, survey results."
        ),
    )

    workspace_path = "charter__workspace"

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["charter", "dimension"], name="one_score_per_dimension")
        ]

    def __str__(self):
        return f"{self.dimension}: {self.level or '—'}"
