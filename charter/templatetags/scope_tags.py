"""Figures the scope partial derives from its snapshot: totals are not stored twice."""

from decimal import Decimal

from django import template

from charter.sections.scope import snapshot as scope

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
