"""The core sections' parts of a charter's JSON document (see ``charter/portable.py``)."""

from django.utils.translation import gettext as _

from charter.models import (
    CurrentState,
    ExecutionKpi,
    MaturityDimension,
    MaturityLevel,
    MaturityModel,
    MaturityScore,
)
from charter.portable_fields import Record, Table, fields_of

# Current state. The maturity model is the workspace's: levels and dimensions travel so
# that the scores can be matched (or the missing ones added) in the target workspace.
STATE = Record(
    fields_of(
        CurrentState,
        "business_strategy",
        "target_segments",
        "value_proposition",
        "channels",
        "customer_journey",
    )
)
KPIS = Table(ExecutionKpi, fields_of(ExecutionKpi, "name", "value", "unit", "period", "source"))
LEVELS = Table(
    MaturityLevel,
    fields_of(MaturityLevel, "rank", "name", "description"),
    key="rank",
    ordering=("rank",),
)
DIMENSIONS = Table(
    MaturityDimension, fields_of(MaturityDimension, "name", "description"), key="name"
)
SCORES = Table(MaturityScore, fields_of(MaturityScore, "dimension", "level", "evidence"))
CURRENT_STATE = Record(
    {
        **STATE.fields,
        "execution_kpis": KPIS,
        "maturity_levels": LEVELS,
        "maturity_dimensions": DIMENSIONS,
        "maturity_scores": SCORES,
    }
)


def export_current_state(charter, context) -> dict:
    state = CurrentState.objects.filter(charter=charter).first() or CurrentState()
    model = MaturityModel.objects.filter(workspace=charter.workspace_id).first()
    return {
        **STATE.dump(state, context),
        "execution_kpis": KPIS.export(charter.execution_kpis.all(), context),
        "maturity_levels": LEVELS.export(MaturityLevel.objects.filter(model=model), context),
        "maturity_dimensions": DIMENSIONS.export(
            MaturityDimension.objects.filter(model=model), context
        ),
        "maturity_scores": SCORES.export(charter.maturity_scores.all(), context),
    }


def import_current_state(charter, data, context) -> None:
    STATE.import_into(CurrentState(charter=charter), data, context, context.path)
    KPIS.import_rows(data["execution_kpis"], context, context.at("execution_kpis"), charter=charter)
    model = MaturityModel.for_workspace(charter.workspace)
    _match_levels(model, data["maturity_levels"], context)
    _match_dimensions(model, data["maturity_dimensions"], context)
    SCORES.import_rows(
        data["maturity_scores"], context, context.at("maturity_scores"), charter=charter
    )


def _match_levels(model: MaturityModel, rows: list[dict], context) -> None:
    """Each level of the document is the workspace's level of that name, else of that rank."""
    levels = list(model.levels.all())
    by_name = {level.name.casefold(): level for level in levels}
    by_rank = {level.rank: level for level in levels}
    for index, row in enumerate(rows):
        level = by_name.get(row["name"].casefold()) or by_rank.get(row["rank"])
        if level is None:
            level = MaturityLevel(model=model, **row)
            context.save(level, context.at("maturity_levels", index))
            context.note(
                _("Level %(rank)s “%(name)s” was added to this workspace's maturity model.") % row
            )
        elif level.name.casefold() != row["name"].casefold():
            context.note(
                _("Maturity level “%(theirs)s” became this workspace's level %(rank)s “%(ours)s”.")
                % {"theirs": row["name"], "rank": level.rank, "ours": level.name}
            )
        context.remember(LEVELS.kind, row["rank"], level)


def _match_dimensions(model: MaturityModel, rows: list[dict], context) -> None:
    dimensions = {dimension.name.casefold(): dimension for dimension in model.dimensions.all()}
    position = len(dimensions)
    for index, row in enumerate(rows):
        dimension = dimensions.get(row["name"].casefold())
        if dimension is None:
            dimension = MaturityDimension(model=model, position=position, **row)
            position += 1
            context.save(dimension, context.at("maturity_dimensions", index))
            context.note(
                _("Dimension “%(name)s” was added to this workspace's maturity model.") % row
            )
        context.remember(DIMENSIONS.kind, row["name"], dimension)
