"""Section 4, roadmap: phases toward the next maturity levels, milestones and their resources."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from charter.models import Charter, MaturityLevel, Metric, Objective, Ordered, Revisioned
from charter.models.current_state import TEXT_LIMIT
from charter.models.scope import CURRENCY_CHOICES


class Status(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    AT_RISK = "at_risk", _("At risk")
    DROPPED = "dropped", _("Dropped")


class Phase(Revisioned):
    """A stage of the roadmap: what moves the function up to one level of the maturity model."""

    charter = models.ForeignKey(Charter, on_delete=models.CASCADE, related_name="phases")
    target_level = models.ForeignKey(
        MaturityLevel,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("maturity level reached"),
        help_text=_("The level of the maturity model the function reaches when this phase ends."),
    )
    name = models.CharField(_("name"), max_length=120, help_text=_("e.g. “Build the foundation”."))
    goal = models.TextField(
        _("what gets the function there"),
        max_length=TEXT_LIMIT,
        blank=True,
        help_text=_(
            "What changes for sellers and managers to move up to this level. Markdown allowed."
        ),
    )

    workspace_path = "charter__workspace"

    class Meta:
        ordering = ["charter", "target_level__rank"]
        constraints = [
            models.UniqueConstraint(
                fields=["charter", "target_level"], name="one_phase_per_level_per_charter"
            )
        ]

    def __str__(self):
        return self.name

    def clean(self):
        if (
            self.target_level_id
            and self.charter_id
            and self.target_level.model.workspace_id != self.charter.workspace_id
        ):
            raise ValidationError(
                {"target_level": _("Choose a level of this workspace's maturity model.")}
            )


class Milestone(Revisioned, Ordered):
    """A milestone or initiative on the roadmap, with the resources it needs.

    Milestones are sequenced by maturity: grouped by their phase (in the order of the levels
    the phases reach, milestones without a phase last), then in the order people give them
    within the phase (``position``); their dates place them on the timeline's axis.
    """

    charter = models.ForeignKey(Charter, on_delete=models.CASCADE, related_name="milestones")
    # Deleting a phase keeps its milestones: they move to "no phase" rather than vanish.
    phase = models.ForeignKey(
        Phase,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="milestones",
        verbose_name=_("phase"),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(
        _("description"), max_length=TEXT_LIMIT, blank=True, help_text=_("Markdown allowed.")
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_milestones",
        verbose_name=_("owner"),
    )
    start = models.DateField(_("start"))
    end = models.DateField(
        _("end"),
        help_text=_("The last day. The same day as the start makes a one-day milestone."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PLANNED
    )
    objectives = models.ManyToManyField(
        Objective,
        blank=True,
        related_name="milestones",
        verbose_name=_("objectives"),
        help_text=_("The objectives this milestone serves."),
    )
    metrics = models.ManyToManyField(
        Metric,
        blank=True,
        related_name="milestones",
        verbose_name=_("metrics"),
        help_text=_("The metrics this milestone is meant to move."),
    )
    depends_on = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="dependents",
        verbose_name=_("depends on"),
        help_text=_("Milestones that must finish before this one can start."),
    )
    budget_amount = models.DecimalField(
        _("budget"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    budget_currency = models.CharField(
        _("currency"), max_length=3, choices=CURRENCY_CHOICES, default="USD"
    )
    headcount = models.DecimalField(
        _("headcount (FTE)"),
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Full-time equivalents working on it while it runs, e.g. 1.5."),
    )
    tools = models.CharField(
        _("technology"),
        max_length=300,
        blank=True,
        help_text=_("Tools it needs, separated by commas, e.g. Highspot, Gong."),
    )

    workspace_path = "charter__workspace"

    class Meta:
        ordering = [
            F("phase__target_level__rank").asc(nulls_last=True),
            "position",
            "pk",
        ]
        indexes = [
            models.Index(fields=["charter", "start"]),
            models.Index(fields=["charter", "phase", "position"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gte=F("start")), name="milestone_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(budget_amount__gte=0) | Q(budget_amount__isnull=True),
                name="milestone_budget_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(headcount__gte=0) | Q(headcount__isnull=True),
                name="milestone_headcount_not_negative",
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("The end cannot be before the start.")
        if self.phase_id and self.charter_id and self.phase.charter_id != self.charter_id:
            errors["phase"] = _("Choose a phase of this charter.")
        if errors:
            raise ValidationError(errors)

    @property
    def outside_charter_period(self) -> bool:
        return self.start < self.charter.period_start or self.end > self.charter.period_end

    @property
    def tool_list(self) -> list[str]:
        return [tool.strip() for tool in self.tools.split(",") if tool.strip()]
