"""Section 2, future success: its editable blocks and tables, snapshot and completeness."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from charter.editing.specs import Block, EditForm, RowEditor
from charter.models import FutureSuccess, Metric, MetricActual, Objective
from charter.people import person
from charter.periods import period_label, period_start
from charter.sections.future_success.snapshot import (
    completeness,
    metrics_with_actuals,
    snapshot_of,
)

SECTION_KEY = "future-success"

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
        return person(obj)


def members(workspace):
    return (
        get_user_model()
        .objects.filter(memberships__workspace=workspace)
        .order_by("first_name", "last_name", "username")
    )


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

    def clean(self):
        # A figure typed here is the person's own, whatever brought the earlier one.
        self.instance.source = MetricActual.Source.MANUAL
        return super().clean()


def metric_page(request, metric) -> str:
    return reverse("charter:metric", args=[request.workspace.slug, metric.pk])


OBJECTIVE_TABLE = RowEditor(
    key="objective",
    model=Objective,
    form_class=ObjectiveForm,
    row_template="charter/sections/future_success/objective_row.html",
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
    prepare=lambda rows: rows.select_related("owner__profile").prefetch_related(
        Prefetch("metrics", queryset=metrics_with_actuals(Metric.objects.all()))
    ),
)
METRIC_TABLE = RowEditor(
    key="metric",
    model=Metric,
    form_class=MetricForm,
    row_template="charter/sections/future_success/metric_row.html",
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
    prepare=metrics_with_actuals,
)
ACTUAL_TABLE = RowEditor(
    key="actual",
    model=MetricActual,
    form_class=MetricActualForm,
    row_template="charter/sections/future_success/actual_row.html",
    prefix="metrics/<int:metric_pk>/actuals/",
    headers=(
        (gettext_lazy("Period"), ""),
        (gettext_lazy("Value"), "num"),
        (gettext_lazy("Note"), ""),
        (gettext_lazy("Source"), ""),
    ),
    empty_text=gettext_lazy("No actual reported yet."),
    add_label=gettext_lazy("Add actual"),
    parent_model=Metric,
    parent_field="metric",
    get_return_url=metric_page,
    prepare=lambda rows: rows.select_related("metric").order_by("-period_start"),
)


def editor_context(request, charter, membership) -> dict:
    # Its block names who edited it last.
    future = FutureSuccess.objects.select_related("updated_by__profile").get_or_create(
        charter=charter
    )[0]
    # The tables' rows make the snapshot too: loading them twice doubled the page's queries.
    objectives = list(OBJECTIVE_TABLE.rows(charter))
    metrics = list(METRIC_TABLE.rows(charter))
    data = snapshot_of(future, metrics, objectives)
    return {
        "missing": completeness(data),
        "blocks": [block.context(request, charter, future) for block in BLOCKS],
        "objectives": OBJECTIVE_TABLE.table_context(request, charter, objectives),
        "metrics": METRIC_TABLE.table_context(request, charter, metrics),
        "outcomes": data["outcomes"],
    }
