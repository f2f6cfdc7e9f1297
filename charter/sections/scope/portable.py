"""The scope's part of a charter's JSON document (see charter/portable.py)."""

from django.db.models import Max, Q
from django.utils.translation import gettext as _

from charter.models import (
    Audience,
    FundingSource,
    Scope,
    Service,
)
from charter.portable_fields import Derived, Record, Table, Whole, fields_of
from charter.registry import phase_choices

# Scope. The services are the workspace's catalogue: those the charter uses travel by name.
SERVICES = Table(Service, fields_of(Service, "name", "description"), key="name")


SCOPE_FIELDS = Record(fields_of(Scope, "budget_owner", "budget_notes", "services"))


# Audiences are served from a roadmap phase: the document names it by its number in the
# roadmap (as it did before phases had names); the roadmap's part, imported after this one,
# links each audience to its phase of that number (``PENDING_PHASE_NUMBERS``).
PENDING_PHASE_NUMBERS = "audience-phase-numbers"


def _phase_number(audience) -> int | None:
    numbers = {choice.id: choice.number for choice in phase_choices(audience.charter_id)}
    return numbers.get(audience.served_from_phase)


def _leave_phase_number(audience, number, context) -> None:
    if number is not None:
        context.pending[PENDING_PHASE_NUMBERS].append((audience, number))


AUDIENCES = Table(
    Audience,
    fields_of(
        Audience,
        "role",
        "segment",
        "headcount",
        "priority",
        phase=Derived(Whole(minimum=1, nullable=True), get=_phase_number, put=_leave_phase_number),
    ),
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
