"""Section 1, current state: its editable blocks and tables, snapshot and completeness."""

from django import forms
from django.db.models import prefetch_related_objects
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from charter.editing.specs import Block, EditForm, RowEditor
from charter.models import (
    CurrentState,
    ExecutionKpi,
    MaturityDimension,
    MaturityLevel,
    MaturityModel,
    MaturityScore,
)
from charter.sections.current_state.snapshot import (
    GO_TO_MARKET_FIELDS,
    STRATEGY_FIELDS,
    completeness,
    maturity_snapshot,
    snapshot_of,
)

SECTION_KEY = "current-state"

STRATEGY = Block(
    SECTION_KEY, "strategy", gettext_lazy("Business strategy"), CurrentState, STRATEGY_FIELDS
)
GO_TO_MARKET = Block(
    SECTION_KEY,
    "go-to-market",
    gettext_lazy("Go-to-market strategy"),
    CurrentState,
    GO_TO_MARKET_FIELDS,
    help_text=gettext_lazy("Whom you sell to, why they buy, how you reach them and how they buy."),
)
BLOCKS = (STRATEGY, GO_TO_MARKET)


class ExecutionKpiForm(EditForm):
    class Meta:
        model = ExecutionKpi
        fields = ["name", "value", "unit", "period", "source"]


class MaturityScoreForm(EditForm):
    class Meta:
        model = MaturityScore
        fields = ["level", "evidence"]
        labels = {"level": gettext_lazy("Level")}
        widgets = {"evidence": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        level = self.fields["level"]
        level.queryset = MaturityLevel.objects.filter(model__workspace=self.parent.workspace)
        level.empty_label = _("Not assessed")
        level.help_text = _("Pick the level whose description fits what you see today.")

    @property
    def heading(self) -> str:
        return self.instance.dimension.name


class MaturityLevelForm(EditForm):
    class Meta:
        model = MaturityLevel
        fields = ["rank", "name", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def clean_rank(self):
        rank = self.cleaned_data["rank"]
        if rank is not None and rank < 1:
            raise forms.ValidationError(_("Ranks start at 1."))
        taken = MaturityLevel.objects.filter(model=self.parent, rank=rank)
        if taken.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("Another level already has this rank."))
        return rank


class MaturityDimensionForm(EditForm):
    class Meta:
        model = MaturityDimension
        fields = ["name", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        taken = MaturityDimension.objects.filter(model=self.parent, name__iexact=name)
        if taken.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("Another dimension already has this name."))
        return name


def _workspace_model(request) -> MaturityModel:
    return MaturityModel.for_workspace(request.workspace)


def _maturity_model_page(request, model) -> str:
    return reverse("charter:maturity-model", args=[request.workspace.slug])


KPI_TABLE = RowEditor(
    key="kpi",
    model=ExecutionKpi,
    form_class=ExecutionKpiForm,
    row_template="charter/sections/current_state/kpi_row.html",
    prefix="charters/<int:charter_pk>/kpis/",
    headers=(
        (gettext_lazy("KPI"), ""),
        (gettext_lazy("Value"), "num"),
        (gettext_lazy("Period"), ""),
        (gettext_lazy("Source"), ""),
    ),
    empty_text=gettext_lazy("No KPI yet."),
    add_label=gettext_lazy("Add KPI"),
    section_key=SECTION_KEY,
)
SCORE_TABLE = RowEditor(
    key="score",
    model=MaturityScore,
    form_class=MaturityScoreForm,
    row_template="charter/sections/current_state/score_row.html",
    prefix="charters/<int:charter_pk>/maturity/",
    headers=(
        (gettext_lazy("Dimension"), ""),
        (gettext_lazy("Level"), ""),
        (gettext_lazy("Evidence"), ""),
    ),
    empty_text=gettext_lazy("The maturity model has no dimension yet."),
    section_key=SECTION_KEY,
    can_add=False,
    can_delete=False,
    prepare=lambda rows: rows.select_related("dimension", "level").order_by(
        "dimension__position", "dimension__pk"
    ),
)
LEVEL_TABLE = RowEditor(
    key="maturity-level",
    model=MaturityLevel,
    form_class=MaturityLevelForm,
    row_template="charter/sections/current_state/maturity_level_row.html",
    prefix="maturity-model/levels/",
    headers=(
        (gettext_lazy("Rank"), "num"),
        (gettext_lazy("Name"), ""),
        (gettext_lazy("Description"), ""),
    ),
    empty_text=gettext_lazy("No level yet."),
    add_label=gettext_lazy("Add level"),
    parent_model=MaturityModel,
    parent_field="model",
    get_parent=_workspace_model,
    get_return_url=_maturity_model_page,
)
DIMENSION_TABLE = RowEditor(
    key="maturity-dimension",
    model=MaturityDimension,
    form_class=MaturityDimensionForm,
    row_template="charter/sections/current_state/maturity_dimension_row.html",
    prefix="maturity-model/dimensions/",
    headers=((gettext_lazy("Name"), ""), (gettext_lazy("Description"), "")),
    empty_text=gettext_lazy("No dimension yet."),
    add_label=gettext_lazy("Add dimension"),
    parent_model=MaturityModel,
    parent_field="model",
    get_parent=_workspace_model,
    get_return_url=_maturity_model_page,
)


def ensure_scores(charter, model: MaturityModel) -> None:
    """One score row per dimension, so that every dimension can be assessed in place."""
    scored = set(charter.maturity_scores.values_list("dimension_id", flat=True))
    MaturityScore.objects.bulk_create(
        [
            MaturityScore(charter=charter, dimension=dimension)
            for dimension in model.dimensions.all()
            if dimension.pk not in scored
        ],
        ignore_conflicts=True,
    )


def editor_context(request, charter, membership) -> dict:
    # Its blocks name who edited it last.
    current_state = CurrentState.objects.select_related("updated_by__profile").get_or_create(
        charter=charter
    )[0]
    model = MaturityModel.for_workspace(charter.workspace)
    # The score rows, the table and the maturity chart all read the model's levels and
    # dimensions, and the tables' rows make the snapshot: each is loaded once.
    prefetch_related_objects([model], "levels", "dimensions")
    ensure_scores(charter, model)
    kpis = list(KPI_TABLE.rows(charter))
    scores = list(SCORE_TABLE.rows(charter))
    data = snapshot_of(current_state, kpis, maturity_snapshot(charter, model, scores))
    return {
        "missing": completeness(data),
        "blocks": [block.context(request, charter, current_state) for block in BLOCKS],
        "kpis": KPI_TABLE.table_context(request, charter, kpis),
        "scores": SCORE_TABLE.table_context(request, charter, scores),
        "maturity": data["maturity"],
    }
