"""Section 1, current state, frozen: its snapshot of the live rows and what is still missing."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from charter.models import (
    CurrentState,
    MaturityModel,
    MaturityScore,
)
from charter.sections.current_state.maturity import overall_level


def snapshot(charter) -> dict:
    state = CurrentState.objects.filter(charter=charter).first() or CurrentState()
    return snapshot_of(state, charter.execution_kpis.all(), maturity_snapshot(charter))


def snapshot_of(state: CurrentState, kpis, maturity: dict) -> dict:
    """The snapshot of rows already loaded: the section's texts, its KPIs and its maturity."""
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
        for kpi in kpis
    ]
    data["maturity"] = maturity
    return data


def maturity_snapshot(charter, model: MaturityModel | None = None, scores=None) -> dict:
    """The charter's maturity assessment; ``model`` and ``scores`` (with their levels) when
    already loaded."""
    model = model or MaturityModel.for_workspace(charter.workspace)
    levels = list(model.levels.all())
    if scores is None:
        scores = MaturityScore.objects.filter(charter=charter).select_related("level")
    scores = {score.dimension_id: score for score in scores}
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


STRATEGY_FIELDS = ("business_strategy",)


GO_TO_MARKET_FIELDS = ("target_segments", "value_proposition", "channels", "customer_journey")


# The changes list names the snapshot's keys with these.
LABELS = {
    "kpis": gettext_lazy("Execution KPIs"),
    "model": gettext_lazy("Maturity model"),
    "levels": gettext_lazy("Levels"),
    "dimensions": gettext_lazy("Dimensions"),
    "rank": gettext_lazy("Level"),
    "evidence": gettext_lazy("Evidence"),
    "assessed": gettext_lazy("Dimensions assessed"),
    "average": gettext_lazy("Average level"),
    "overall_rank": gettext_lazy("Overall level"),
    "overall_level": gettext_lazy("Overall level"),
}
