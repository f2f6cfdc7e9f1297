"""Section 2, future success: its editable blocks and tables, snapshot and completeness."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .editing import Block, EditForm, RowEditor
from .metrics import evaluate_metric, period_label
from .models import FutureSuccess, Metric, MetricActual, Objective
from .reminders import period_start

SECTION_KEY = "future-success"
TEXT_FIELDS = ("definition", "vision", "mission")

DEFINITION = Block(
    SECTION_KEY,
    "definition",
    gettext_lazy("Shared definition of enablement"),
    FutureSuccess,
    ("definition",),
)
VISION = Block(SECTION_KEY, "vision", gettext_lazy("Vision"), FutureSuccess, ("vision",))
MISSION = Block(SECTION_KEY, "mission", gettext_lazy("Mission"), FutureSuccess, ("mission",))
BLOCKS = (DEFINITION, VISION, MISSION)


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


def members(workspace):
    return (
        get_user_model()
        .objects.filter(memberships__workspace=workspace)
        .order_by("first_name", "last_name", "username")
    )


def person(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else ""


class ObjectiveForm(EditForm):
    class Meta:
        model = Objective
        fields = ["title", "description", "owner", "due_date", "metrics"]
        field_classes = {"owner": PersonChoiceField}
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "due_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "metrics": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = members(self.parent.workspace)
        self.fields["owner"].help_text = _("The one person who answers for this objective.")
        self.fields["metrics"].queryset = Metric.objects.filter(charter=self.parent)


class MetricForm(EditForm):
    class Meta:
        model = Metric
        fields = [
            "name",
            "kind",
            "unit",
            "baseline",
            "target",
            "direction",
            "cadence",
            "data_source",
            "owner",
            "drivers",
        ]
        field_classes = {"owner": PersonChoiceField}
        widgets = {"drivers": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = members(self.parent.workspace)
        self.fields["drivers"].queryset = Metric.objects.filter(
            charter=self.parent, kind=Metric.Kind.LEADING
        ).exclude(pk=self.instance.pk)

    def clean(self):
        data = super().clean()
        kind, drivers = data.get("kind"), data.get("drivers")
        if kind == Metric.Kind.LEADING and drivers:
            self.add_error("drivers", _("Only a lagging metric has leading indicators."))
        if (
            kind == Metric.Kind.LAGGING
            and self.instance.pk
            and self.instance.driven_outcomes.exists()
        ):
            self.add_error(
                "kind",
                _("This metric is a leading indicator of another; remove it there first."),
            )
        baseline, target = data.get("baseline"), data.get("target")
        direction = data.get("direction")
        if baseline is not None and target is not None:
            if direction == Metric.Direction.INCREASE and target < baseline:
                self.add_error(
                    "target", _("Higher is better, so the target must be above the baseline.")
                )
            if direction == Metric.Direction.DECREASE and target > baseline:
                self.add_error(
                    "target", _("Lower is better, so the target must be below the baseline.")
                )
        return data


class MetricActualForm(EditForm):
    class Meta:
        model = MetricActual
        fields = ["period_start", "value", "note"]
        labels = {"period_start": gettext_lazy("Period")}
        widgets = {"period_start": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period_start"].help_text = _(
            "Any day of the month or quarter; it is kept as the period's first day."
        )

    def clean_period_start(self):
        start = period_start(self.cleaned_data["period_start"], self.parent.cadence)
        if start > timezone.localdate():
            raise forms.ValidationError(_("This period has not started yet."))
        taken = MetricActual.objects.filter(metric=self.parent, period_start=start)
        if taken.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(
                _("%(period)s already has an actual; edit that one.")
                % {"period": period_label(start, self.parent.cadence)}
            )
        return start


def metric_page(request, metric) -> str:
    return reverse("charter:metric", args=[request.workspace.slug, metric.pk])


def _metrics_with_actuals(rows):
    return rows.select_related("charter", "owner").prefetch_related("actuals", "drivers")


OBJECTIVE_TABLE = RowEditor(
    key="objective",
    model=Objective,
    form_class=ObjectiveForm,
    row_template="charter/partials/objective_row.html",
    prefix="charters/<int:charter_pk>/objectives/",
    headers=(
        (gettext_lazy("Objective"), ""),
        (gettext_lazy("Owner"), ""),
        (gettext_lazy("Due"), ""),
        (gettext_lazy("Metrics it moves"), ""),
    ),
    empty_text=gettext_lazy("No objective yet."),
    add_label=gettext_lazy("Add objective"),
    section_key=SECTION_KEY,
    prepare=lambda rows: rows.select_related("owner").prefetch_related(
        Prefetch("metrics", queryset=_metrics_with_actuals(Metric.objects.all()))
    ),
)
METRIC_TABLE = RowEditor(
    key="metric",
    model=Metric,
    form_class=MetricForm,
    row_template="charter/partials/metric_row.html",
    prefix="charters/<int:charter_pk>/metrics/",
    headers=(
        (gettext_lazy("Metric"), ""),
        (gettext_lazy("Baseline → target"), "num"),
        (gettext_lazy("Latest"), "num"),
        (gettext_lazy("Progress"), "num"),
        (gettext_lazy("Status"), ""),
        (gettext_lazy("Trend"), ""),
    ),
    empty_text=gettext_lazy("No metric yet."),
    add_label=gettext_lazy("Add metric"),
    section_key=SECTION_KEY,
    prepare=_metrics_with_actuals,
)
ACTUAL_TABLE = RowEditor(
    key="actual",
    model=MetricActual,
    form_class=MetricActualForm,
    row_template="charter/partials/actual_row.html",
    prefix="metrics/<int:metric_pk>/actuals/",
    headers=(
        (gettext_lazy("Period"), ""),
        (gettext_lazy("Value"), "num"),
        (gettext_lazy("Note"), ""),
    ),
    empty_text=gettext_lazy("No actual reported yet."),
    add_label=gettext_lazy("Add actual"),
    parent_model=Metric,
    parent_field="metric",
    get_return_url=metric_page,
    prepare=lambda rows: rows.select_related("metric").order_by("-period_start"),
)
EDITING = (*BLOCKS, OBJECTIVE_TABLE, METRIC_TABLE, ACTUAL_TABLE)


def metric_data(metric: Metric) -> dict:
    """One metric as plain data, with its computed latest actual, progress and status."""
    evaluation = evaluate_metric(metric)
    return {
        "id": metric.pk,
        "name": metric.name,
        "kind": metric.kind,
        "kind_label": str(metric.get_kind_display()),
        "unit": metric.unit,
        "baseline": _decimal(metric.baseline),
        "target": _decimal(metric.target),
        "direction": metric.direction,
        "direction_label": str(metric.get_direction_display()),
        "cadence": metric.cadence,
        "cadence_label": str(metric.get_cadence_display()),
        "data_source": metric.data_source,
        "owner": person(metric.owner),
        "driver_ids": sorted(driver.pk for driver in metric.drivers.all()),
        "latest": _decimal(evaluation.latest),
        "latest_period": period_label(evaluation.latest_period, metric.cadence)
        if evaluation.latest_period
        else None,
        "progress": evaluation.progress_percent,
        "expected": evaluation.expected_percent,
        "status": evaluation.status.value,
        "status_label": str(evaluation.status.label),
        "actuals": [
            {
                "id": actual.pk,
                "period_start": actual.period_start.isoformat(),
                "period_label": period_label(actual.period_start, metric.cadence),
                "value": str(actual.value),
                "note": actual.note,
            }
            for actual in metric.actuals.all()
        ],
    }


def _decimal(value) -> str | None:
    return None if value is None else str(value)


def outcomes(metrics: list[dict]) -> list[dict]:
    """Each lagging metric with its leading indicators, for showing them side by side."""
    by_id = {metric["id"]: metric for metric in metrics}
    return [
        {**metric, "drivers": [by_id[pk] for pk in metric["driver_ids"] if pk in by_id]}
        for metric in metrics
        if metric["kind"] == Metric.Kind.LAGGING
    ]


def load_metrics(charter) -> list[dict]:
    return [metric_data(metric) for metric in METRIC_TABLE.rows(charter)]


def snapshot(charter) -> dict:
    future = FutureSuccess.objects.filter(charter=charter).first() or FutureSuccess()
    metrics = load_metrics(charter)
    names = {metric["id"]: metric["name"] for metric in metrics}
    objectives = Objective.objects.filter(charter=charter).select_related("owner")
    return {
        **{name: getattr(future, name) for name in TEXT_FIELDS},
        "objectives": [
            {
                "id": objective.pk,
                "title": objective.title,
                "description": objective.description,
                "owner": person(objective.owner),
                "due_date": objective.due_date.isoformat() if objective.due_date else None,
                "metric_ids": sorted(metric.pk for metric in objective.metrics.all()),
                "metrics": [names[metric.pk] for metric in objective.metrics.all()],
            }
            for objective in objectives.prefetch_related("metrics")
        ],
        "metrics": metrics,
        "outcomes": outcomes(metrics),
    }


def completeness(data: dict) -> list[str]:
    missing = []
    for name in TEXT_FIELDS:
        if not (data.get(name) or "").strip():
            label = FutureSuccess._meta.get_field(name).verbose_name
            missing.append(_("%(field)s is missing.") % {"field": str(label).capitalize()})
    objectives = data.get("objectives") or []
    if not objectives:
        missing.append(_("No objective yet."))
    for objective in objectives:
        if not objective["owner"]:
            missing.append(_("Objective “%(title)s” has no owner.") % objective)
        if not objective["due_date"]:
            missing.append(_("Objective “%(title)s” has no due date.") % objective)
        if not objective["metric_ids"]:
            missing.append(_("Objective “%(title)s” is linked to no metric.") % objective)
    metrics = data.get("metrics") or []
    if not metrics:
        missing.append(_("No metric yet."))
    for metric in metrics:
        lagging = metric["kind"] == Metric.Kind.LAGGING
        if lagging and metric["target"] is None:
            missing.append(_("Lagging metric “%(name)s” has no target.") % metric)
        if lagging and not metric["driver_ids"]:
            missing.append(_("Lagging metric “%(name)s” has no leading indicator.") % metric)
        if not metric["owner"]:
            missing.append(_("Metric “%(name)s” has no owner.") % metric)
    return missing


def editor_context(request, charter, membership) -> dict:
    future = FutureSuccess.objects.get_or_create(charter=charter)[0]
    data = snapshot(charter)
    return {
        "missing": completeness(data),
        "blocks": [block.context(request, charter, future) for block in BLOCKS],
        "objectives": OBJECTIVE_TABLE.table_context(
            request, charter, OBJECTIVE_TABLE.rows(charter)
        ),
        "metrics": METRIC_TABLE.table_context(request, charter, METRIC_TABLE.rows(charter)),
        "outcomes": data["outcomes"],
    }
