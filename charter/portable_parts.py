"""The core sections' parts of a charter's JSON document (see ``charter/portable.py``)."""

from django.db.models import Max, Q
from django.utils.translation import gettext as _

from .models import (
    Audience,
    CurrentState,
    ExecutionKpi,
    FundingSource,
    FutureSuccess,
    MaturityDimension,
    MaturityLevel,
    MaturityModel,
    MaturityScore,
    MeetingCadence,
    Metric,
    MetricActual,
    Objective,
    PartnerTeam,
    RaciAssignment,
    Scope,
    Service,
)
from .portable_fields import Children, Record, Table, at, fields_of
from .registry import Portable, register_portable

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


# Future success: metrics with their actuals and leading indicators, then objectives.
FUTURE = Record(fields_of(FutureSuccess, "definition", "vision", "mission"))
ACTUALS = Table(MetricActual, fields_of(MetricActual, "period_start", "value", "note"))


def _check_drivers(rows: list[dict], path: str, checker) -> None:
    """Only a lagging metric has leading indicators, and they are leading metrics."""
    kinds = {row.get("id"): row.get("kind") for row in rows}
    for index, row in enumerate(rows):
        drivers = row.get("drivers")
        if not isinstance(drivers, list) or not drivers:
            continue
        if row.get("kind") == Metric.Kind.LEADING:
            checker.add(
                at(at(path, index), "drivers"), _("Only a lagging metric has leading indicators.")
            )
        for number, driver in enumerate(drivers):
            if kinds.get(driver, Metric.Kind.LEADING) != Metric.Kind.LEADING:
                checker.add(
                    at(at(at(path, index), "drivers"), number),
                    _("Metric %(id)s is not a leading metric.") % {"id": driver},
                )


METRICS = Table(
    Metric,
    fields_of(
        Metric,
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
        actuals=Children(ACTUALS, "metric"),
    ),
    numbered=True,
    check_rows=_check_drivers,
)
OBJECTIVES = Table(
    Objective,
    fields_of(Objective, "title", "description", "owner", "due_date", "metrics"),
    numbered=True,
)
FUTURE_SUCCESS = Record({**FUTURE.fields, "metrics": METRICS, "objectives": OBJECTIVES})


def export_future_success(charter, context) -> dict:
    future = FutureSuccess.objects.filter(charter=charter).first() or FutureSuccess()
    return {
        **FUTURE.dump(future, context),
        "metrics": METRICS.export(charter.metrics.all(), context),
        "objectives": OBJECTIVES.export(charter.objectives.all(), context),
    }


def import_future_success(charter, data, context) -> None:
    FUTURE.import_into(FutureSuccess(charter=charter), data, context, context.path)
    METRICS.import_rows(data["metrics"], context, context.at("metrics"), charter=charter)
    OBJECTIVES.import_rows(data["objectives"], context, context.at("objectives"), charter=charter)


# Scope. The services are the workspace's catalogue: those the charter uses travel by name.
SERVICES = Table(Service, fields_of(Service, "name", "description"), key="name")
SCOPE_FIELDS = Record(fields_of(Scope, "budget_owner", "budget_notes", "services"))
AUDIENCES = Table(
    Audience, fields_of(Audience, "role", "segment", "headcount", "priority", "phase")
)
FUNDING = Table(FundingSource, fields_of(FundingSource, "team", "amount", "currency", "notes"))
SCOPE = Record(
    {
        "service_catalogue": SERVICES,
        **SCOPE_FIELDS.fields,
        "audiences": AUDIENCES,
        "funding_sources": FUNDING,
    }
)


def export_scope(charter, context) -> dict:
    used = Service.objects.filter(
        Q(charters__charter=charter) | Q(raci_assignments__charter=charter)
    ).distinct()
    scope = Scope.objects.filter(charter=charter).first()
    return {
        "service_catalogue": SERVICES.export(used, context),
        # An unsaved scope has no services to list yet.
        **(SCOPE_FIELDS.dump(scope, context) if scope else _empty_scope()),
        "audiences": AUDIENCES.export(charter.audiences.all(), context),
        "funding_sources": FUNDING.export(charter.funding_sources.all(), context),
    }


def _empty_scope() -> dict:
    return {"budget_owner": "", "budget_notes": "", "services": []}


def import_scope(charter, data, context) -> None:
    catalogue = {
        service.name.casefold(): service for service in Service.catalogue(charter.workspace)
    }
    position = (
        Service.objects.filter(workspace=charter.workspace).aggregate(Max("position"))[
            "position__max"
        ]
        or 0
    ) + 1
    for index, row in enumerate(data["service_catalogue"]):
        service = catalogue.get(row["name"].casefold())
        if service is None:
            service = Service(workspace=charter.workspace, position=position, **row)
            position += 1
            context.save(service, context.at("service_catalogue", index))
            context.note(_("Service “%(name)s” was added to this workspace's catalogue.") % row)
        context.remember(SERVICES.kind, row["name"], service)
    SCOPE_FIELDS.import_into(Scope(charter=charter), data, context, context.path)
    AUDIENCES.import_rows(data["audiences"], context, context.at("audiences"), charter=charter)
    FUNDING.import_rows(
        data["funding_sources"], context, context.at("funding_sources"), charter=charter
    )


# Collaboration: partner teams, their RACI letters per service, meeting cadences.
TEAMS = Table(PartnerTeam, fields_of(PartnerTeam, "name", "description"), numbered=True)
RACI = Table(RaciAssignment, fields_of(RaciAssignment, "service", "team", "letter"))
CADENCES = Table(
    MeetingCadence,
    fields_of(MeetingCadence, "name", "purpose", "frequency", "participants"),
)
COLLABORATION = Record({"partner_teams": TEAMS, "raci": RACI, "meeting_cadences": CADENCES})


def export_collaboration(charter, context) -> dict:
    return {
        "partner_teams": TEAMS.export(charter.partner_teams.all(), context),
        "raci": RACI.export(charter.raci_assignments.all(), context),
        "meeting_cadences": CADENCES.export(charter.meeting_cadences.all(), context),
    }


def import_collaboration(charter, data, context) -> None:
    for key, table in COLLABORATION.fields.items():
        table.import_rows(data[key], context, context.at(key), charter=charter)


register_portable(
    Portable("current-state", 10, CURRENT_STATE, export_current_state, import_current_state)
)
register_portable(
    Portable("future-success", 20, FUTURE_SUCCESS, export_future_success, import_future_success)
)
register_portable(Portable("scope", 30, SCOPE, export_scope, import_scope))
register_portable(
    Portable("collaboration", 60, COLLABORATION, export_collaboration, import_collaboration)
)
