"""Demo content for the scope and collaboration sections and a few comments."""

from decimal import Decimal

from charter.models import (
    Audience,
    FundingSource,
    Scope,
    Service,
)

AUDIENCES = [
    ("Account executives", "Enterprise, North America", 120, "primary", 1),
    ("Sales development reps", "Global", 64, "primary", 1),
    ("First-line sales managers", "All regions", 22, "primary", 2),
    ("Solutions engineers", "Enterprise and mid-market", 30, "secondary", 2),
    ("Customer success managers", "Mid-market, EMEA", 45, "secondary", 2),
    ("Channel partner sellers", "APAC", 80, "secondary", 3),
]
SERVICES_OFFERED = [
    "Onboarding",
    "Training",
    "Coaching",
    "Content",
    "Tools",
    "Sales–marketing alignment",
]
FUNDING = [
    ("Sales", Decimal("450000.00"), "USD", "Enablement team headcount and the onboarding academy"),
    ("Marketing", Decimal("120000.00"), "USD", "Content production and launch readiness"),
    ("HR / L&D", Decimal("60000.00"), "EUR", "Manager coaching programme, EMEA"),
]


def seed_scope(charter, users) -> None:
    catalogue = {service.name: service for service in Service.catalogue(charter.workspace)}
    scope = Scope.objects.create(
        charter=charter,
        budget_owner="Olivia Owens, VP Sales Enablement",
        budget_notes="Funding is reviewed each **quarter** with the advisory board.",
    )
    scope.services.set(catalogue[name] for name in SERVICES_OFFERED)
    Audience.objects.bulk_create(
        Audience(
            charter=charter,
            role=role,
            segment=segment,
            headcount=headcount,
            priority=priority,
            phase=phase,
            position=position,
        )
        for position, (role, segment, headcount, priority, phase) in enumerate(AUDIENCES)
    )
    FundingSource.objects.bulk_create(
        FundingSource(
            charter=charter, team=team, amount=amount, currency=currency, notes=notes, position=i
        )
        for i, (team, amount, currency, notes) in enumerate(FUNDING)
    )
