"""Section 1, current state: its editable blocks and tables, snapshot and completeness."""

from django import forms
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .editing import Block, EditForm, RowEditor
from .maturity import overall_level
from .models import (
    CurrentState,
    ExecutionKpi,
    MaturityDimension,
    MaturityLevel,
    MaturityModel,
    MaturityScore,
)

SECTION_KEY = "current-state"
STRATEGY_FIELDS = ("business_strategy",)
GO_TO_MARKET_FIELDS = ("target_segments", "value_proposition", "channels", "customer_journey")

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
    row_template="charter/partials/kpi_row.html",
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
    row_template="charter/partials/score_row.html",
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
    row_template="charter/partials/maturity_level_row.html",
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
    row_template="charter/partials/maturity_dimension_row.html",
    prefix="maturity-model/dimensions/",
    headers=((gettext_lazy("Name"), ""), (gettext_lazy("Description"), "")),
    empty_text=gettext_lazy("No dimension yet."),
    add_label=gettext_lazy("Add dimension"),
    parent_model=MaturityModel,
    parent_field="model",
    get_parent=_workspace_model,
    get_return_url=_maturity_model_page,
)
EDITING = (*BLOCKS, KPI_TABLE, SCORE_TABLE, LEVEL_TABLE, DIMENSION_TABLE)


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


def snapshot(charter) -> dict:
    state = CurrentState.objects.filter(charter=charter).first() or CurrentState()
    data = {name: getattr(state, name) for name in (*STRATEGY_FIELDS, *GO_TO_MARKET_FIELDS)}
    data["kpis"] = [
        {
            "id": kpi.pk,
            "name": kpi.name,
            "value": str(kpi.value),
            "unit": kpi.unit,
            "period": kpi.period,
            "source": kpi.source,
        }
        for kpi in charter.execution_kpis.all()
    ]
    data["maturity"] = maturity_snapshot(charter)
    return data


def maturity_snapshot(charter) -> dict:
    model = MaturityModel.for_workspace(charter.workspace)
    levels = list(model.levels.all())
    scores = {
        score.dimension_id: score
        for score in MaturityScore.objects.filter(charter=charter).select_related("level")
    }
    dimensions = []
    for dimension in model.dimensions.all():
        score = scores.get(dimension.pk)
        level = score.level if score else None
        dimensions.append(
            {
                "id": dimension.pk,
                "name": dimension.name,
                "rank": level.rank if level else None,
                "level": level.name if level else "",
                "evidence": score.evidence if score else "",
            }
        )
    average, overall = overall_level([row["rank"] for row in dimensions if row["rank"]])
    overall_name = next((level.name for level in levels if level.rank == overall), "")
    return {
        "model": model.name,
        "levels": [
            {
                "id": level.pk,
                "rank": level.rank,
                "name": level.name,
                "description": level.description,
            }
            for level in levels
        ],
        "dimensions": dimensions,
        "assessed": sum(1 for row in dimensions if row["rank"]),
        "average": str(average) if average is not None else None,
        "overall_rank": overall,
        "overall_level": overall_name,
    }


def completeness(data: dict) -> list[str]:
    missing = []
    if not (data.get("business_strategy") or "").strip():
        missing.append(_("Business strategy is missing."))
    for name in GO_TO_MARKET_FIELDS:
        if not (data.get(name) or "").strip():
            label = CurrentState._meta.get_field(name).verbose_name
            missing.append(_("Go-to-market: %(field)s is missing.") % {"field": label})
    if not data.get("kpis"):
        missing.append(_("No sales-execution KPI yet."))
    for row in (data.get("maturity") or {}).get("dimensions", []):
        if not row["rank"]:
            missing.append(_("Maturity dimension “%(name)s” is not assessed.") % row)
        elif not (row["evidence"] or "").strip():
            missing.append(_("Maturity dimension “%(name)s” has no evidence.") % row)
    return missing


def editor_context(request, charter, membership) -> dict:
    current_state = CurrentState.objects.get_or_create(charter=charter)[0]
    ensure_scores(charter, MaturityModel.for_workspace(charter.workspace))
    data = snapshot(charter)
    return {
        "missing": completeness(data),
        "blocks": [block.context(request, charter, current_state) for block in BLOCKS],
        "kpis": KPI_TABLE.table_context(request, charter, KPI_TABLE.rows(charter)),
        "scores": SCORE_TABLE.table_context(request, charter, SCORE_TABLE.rows(charter)),
        "maturity": data["maturity"],
    }
