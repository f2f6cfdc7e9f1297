"""Section 2, future success: definition, vision, mission, objectives and metrics."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .base import Ordered, Revisioned
from .charter import Charter
from .current_state import TEXT_LIMIT


class FutureSuccess(Revisioned):
    charter = models.OneToOneField(Charter, on_delete=models.CASCADE, related_name="future_success")
    definition = models.TextField(
        _("shared definition of enablement"),
        max_length=TEXT_LIMIT,
        blank=True,
        help_text=_(
            "One or two sentences every executive would sign: what enablement is and is not here."
        ),
    )
    vision = models.TextField(
        _("vision"),
        max_length=TEXT_LIMIT,
        blank=True,
        help_text=_("The future you are working toward, for sellers and customers, in a sentence."),
    )
    mission = models.TextField(
        _("mission"),
        max_length=TEXT_LIMIT,
        blank=True,
        help_text=_("What the enablement team does, for whom, and how, to reach that vision."),
    )

    workspace_path = "charter__workspace"

    def __str__(self):
        return f"Future success of {self.charter}"


class Metric(Revisioned, Ordered):
    class Kind(models.TextChoices):
        LEADING = "leading", _("Leading")
        LAGGING = "lagging", _("Lagging")

    class Direction(models.TextChoices):
        INCREASE = "increase", _("Higher is better")
        DECREASE = "decrease", _("Lower is better")

    class Cadence(models.TextChoices):
        MONTHLY = "monthly", _("Monthly")
        QUARTERLY = "quarterly", _("Quarterly")

    charter = models.ForeignKey(Charter, on_delete=models.CASCADE, related_name="metrics")
    name = models.CharField(_("name"), max_length=160)
    kind = models.CharField(
        _("leading or lagging"),
        max_length=10,
        choices=Kind.choices,
        default=Kind.LAGGING,
        help_text=_(
            "Leading metrics move first and predict results (e.g. certification rate); "
            "lagging metrics are the results (e.g. win rate)."
        ),
    )
    unit = models.CharField(_("unit"), max_length=30, blank=True, help_text=_("e.g. %, days, USD."))
    baseline = models.DecimalField(
        _("baseline"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Where the metric stands at the start of the period."),
    )
    target = models.DecimalField(
        _("target"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Where it should be by the end of the period."),
    )
    direction = models.CharField(
        _("desired direction"), max_length=10, choices=Direction.choices, default=Direction.INCREASE
    )
    cadence = models.CharField(
        _("cadence"),
        max_length=10,
        choices=Cadence.choices,
        default=Cadence.QUARTERLY,
        help_text=_("How often an actual is reported."),
    )
    data_source = models.CharField(
        _("data source"),
        max_length=160,
        blank=True,
        help_text=_("The system or report the number comes from."),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_metrics",
        verbose_name=_("owner"),
        help_text=_("Who reports the actuals; reminders go to them."),
    )
    drivers = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="driven_outcomes",
        verbose_name=_("leading indicators"),
        help_text=_("For a lagging outcome: the leading metrics that drive it."),
    )

    workspace_path = "charter__workspace"

    class Meta(Ordered.Meta):
        indexes = [models.Index(fields=["charter", "position"])]

    def __str__(self):
        return self.name


class MetricActual(Revisioned):
    """The reported value of a metric for one period (a month or a quarter)."""

    class Source(models.TextChoices):
        MANUAL = "manual", _("Entered by hand")
        CSV = "csv", _("CSV import")
        API = "api", _("API")

    metric = models.ForeignKey(Metric, on_delete=models.CASCADE, related_name="actuals")
    period_start = models.DateField(
        _("period start"), help_text=_("The first day of the month or quarter.")
    )
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now=True)
    # Where the value came from last, so that a reader can tell a CRM figure from a typed one.
    source = models.CharField(
        _("source"), max_length=10, choices=Source.choices, default=Source.MANUAL
    )

    workspace_path = "metric__charter__workspace"

    class Meta:
        ordering = ["metric", "period_start"]
        constraints = [
            models.UniqueConstraint(fields=["metric", "period_start"], name="one_actual_per_period")
        ]

    def __str__(self):
        return f"{self.metric} {self.period_start}: {self.value}"


class Objective(Revisioned, Ordered):
    charter = models.ForeignKey(Charter, on_delete=models.CASCADE, related_name="objectives")
    title = models.CharField(
        _("title"),
        max_length=200,
        help_text=_("An outcome, not an activity: “Cut new-hire ramp time to 4 months”."),
    )
    description = models.TextField(_("description"), max_length=TEXT_LIMIT, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_objectives",
        verbose_name=_("owner"),
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    metrics = models.ManyToManyField(
        Metric,
        blank=True,
        related_name="objectives",
        verbose_name=_("metrics"),
        help_text=_("The metrics that show progress on this objective."),
    )

    workspace_path = "charter__workspace"

    class Meta(Ordered.Meta):
        pass

    def __str__(self):
        return self.title

    def clean(self):
        charter = self.charter
        if self.due_date and charter and self.due_date < charter.period_start:
            raise ValidationError(
                {"due_date": _("The due date is before the charter period starts.")}
            )
