"""Section 3, scope, frozen: the live rows loaded once, their snapshot, totals and what is missing."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from charter.models import Audience, Charter, FundingSource, Scope, Service
from charter.registry import PhaseChoice
from charter.sections.scope.phases import phases_by_id, served_from_data


@dataclass
class LiveScope:
    """The live rows of one charter's scope, loaded in a fixed number of queries."""

    scope: Scope
    audiences: list[Audience]
    services: list[Service]
    funding_sources: list[FundingSource]
    # The roadmap's phases the audiences may be served from, by id.
    phases: dict[int, PhaseChoice]


def load(charter: Charter) -> LiveScope:
    # Its block names who edited it last.
    scope = Scope.objects.filter(charter=charter).select_related(
        "updated_by__profile"
    ).first() or Scope(charter=charter)
    return LiveScope(
        scope=scope,
        audiences=list(charter.audiences.all()),
        services=list(scope.services.order_by("position", "pk")) if scope.pk else [],
        funding_sources=list(charter.funding_sources.all()),
        phases=phases_by_id(charter),
    )


def totals(amounts: Iterable[tuple[str, Decimal]]) -> dict[str, Decimal]:
    """The budget per currency from (currency, amount) pairs; currencies are never mixed."""
    sums: dict[str, Decimal] = defaultdict(Decimal)
    for currency, amount in amounts:
        sums[currency] += amount
    return dict(sorted(sums.items()))


def live_totals(funding_sources: Iterable[FundingSource]) -> dict[str, Decimal]:
    return totals((source.currency, source.amount) for source in funding_sources)


def headcount(audiences: Iterable[tuple[int | None, str]], priority: str = "") -> int:
    """People in the audiences given as (headcount, priority) pairs, or in one priority."""
    return sum(count or 0 for count, of in audiences if not priority or of == priority)


def headcounts(audiences: Iterable[Audience]) -> dict[str, int]:
    pairs = [(audience.headcount, audience.priority) for audience in audiences]
    return {"total": headcount(pairs), "primary": headcount(pairs, Audience.Priority.PRIMARY)}


def snapshot(charter: Charter) -> dict:
    return snapshot_of(load(charter))


def snapshot_of(live: LiveScope) -> dict:
    return {
        "audiences": [
            {
                "id": audience.pk,
                "role": audience.role,
                "segment": audience.segment,
                "headcount": audience.headcount,
                "priority": audience.priority,
                **served_from_data(audience, live.phases),
            }
            for audience in live.audiences
        ],
        "services": [
            {"id": service.pk, "name": service.name, "description": service.description}
            for service in live.services
        ],
        "budget": {
            "owner": live.scope.budget_owner,
            "notes": live.scope.budget_notes,
            "funding_sources": [
                {
                    "id": source.pk,
                    "team": source.team,
                    "amount": str(source.amount),
                    "currency": source.currency,
                    "notes": source.notes,
                }
                for source in live.funding_sources
            ],
        },
    }


def completeness(data: dict) -> list[str]:
    missing = []
    audiences = data.get("audiences", [])
    if not audiences:
        missing.append(_("No audience yet: say whom enablement serves."))
    elif not any(audience["priority"] == "primary" for audience in audiences):
        missing.append(_("No primary audience."))
    if not data.get("services"):
        missing.append(_("No service offered is chosen."))
    budget = data.get("budget", {})
    if not budget.get("funding_sources"):
        missing.append(_("No funding source."))
    if not budget.get("owner"):
        missing.append(_("Budget owner is missing."))
    return missing


# The changes list names the snapshot's keys and codes with these.
LABELS = {
    "audiences": gettext_lazy("Audiences"),
    "segment": gettext_lazy("Segment or region"),
    "priority": gettext_lazy("Priority"),
    "served_from": gettext_lazy("Served from"),
    "served_from_start": gettext_lazy("Phase starts"),
    "served_from_end": gettext_lazy("Phase ends"),
    "services": gettext_lazy("Service catalogue"),
    "funding_sources": gettext_lazy("Funding sources"),
    "amount": gettext_lazy("Amount"),
    "currency": gettext_lazy("Currency"),
}
CHOICES = {"priority": dict(Audience.Priority.choices)}
