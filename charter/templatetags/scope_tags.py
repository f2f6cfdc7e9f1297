"""Figures the scope partial derives from its snapshot: totals are not stored twice."""

from decimal import Decimal

from django import template
from django.utils.translation import gettext as _

from charter.sections.scope import snapshot as scope
from charter.sections.scope.phases import phase_label, request_phases

register = template.Library()


@register.filter
def currency_totals(funding_sources: list[dict]) -> list[tuple[str, Decimal]]:
    """Funding rows of a snapshot → [(currency, total)], one per currency."""
    pairs = ((row["currency"], Decimal(row["amount"])) for row in funding_sources or [])
    return list(scope.totals(pairs).items())


@register.filter
def headcount(audiences: list[dict], priority: str = "") -> int:
    """The people in the snapshot's audiences, or only in those of one priority."""
    return scope.headcount(
        ((row["headcount"], row["priority"]) for row in audiences or []), priority
    )


@register.simple_tag(takes_context=True)
def served_from(context, audience) -> str:
    """A live audience's roadmap phase by name and dates; phases are read once per request.

    "" when it is linked to none; a phase since deleted reads as such.
    """
    if audience.served_from_phase is None:
        return ""
    phases = request_phases(context.get("request"), audience.charter_id)
    choice = phases.get(audience.served_from_phase)
    if choice is None:
        return _("A phase no longer on the roadmap")
    return phase_label(choice)
