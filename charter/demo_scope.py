"""Demo content for the scope and collaboration sections and a few comments."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from .models import (
    Audience,
    Comment,
    FundingSource,
    MeetingCadence,
    PartnerTeam,
    RaciAssignment,
    Scope,
    Service,
)
from .registry import register_demo

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
TEAMS = [
    ("Sales Enablement", "Designs and runs the programmes."),
    ("Sales", "Frontline leaders who release sellers' time and reinforce skills."),
    ("Marketing", "Messaging, launches and customer-facing content."),
    ("Sales Ops", "CRM, territories, data and the tool stack's configuration."),
    ("Product", "Roadmap, product knowledge and release notes."),
    ("HR / L&D", "Learning platform, career paths and manager development."),
    ("IT", "Access, security and integrations of sales tools."),
]
# Coaching deliberately has no Accountable team: sales leadership and enablement have not
# agreed yet who answers for it, which the demo shows as a gap.
RACI = {
    "Onboarding": {
        "Sales Enablement": "A",
        "Sales": "R",
        "HR / L&D": "R",
        "Product": "C",
        "Sales Ops": "C",
        "IT": "I",
    },
    "Training": {"Sales Enablement": "A", "Product": "R", "Marketing": "C", "Sales": "I"},
    "Coaching": {"Sales": "R", "Sales Enablement": "C", "HR / L&D": "C"},
    "Content": {"Marketing": "R", "Sales Enablement": "A", "Product": "C", "Sales": "I"},
    "Tools": {"Sales Ops": "A", "IT": "R", "Sales Enablement": "C", "Sales": "I"},
    "Sales–marketing alignment": {
        "Marketing": "R",
        "Sales Enablement": "A",
        "Sales": "C",
        "Product": "I",
    },
}
CADENCES = [
    (
        "Enablement stand-up",
        "Unblock programme work and triage requests from the field.",
        "Weekly, Monday",
        "Enablement team, Sales Ops analyst",
    ),
    (
        "Sales and marketing sync",
        "Plan launches, agree messaging and close content gaps.",
        "Monthly",
        "Product marketing, regional sales directors, enablement",
    ),
    (
        "Enablement business review",
        "Review metrics against targets and re-prioritise the roadmap.",
        "Quarterly",
        "CRO, VP Sales, Sales Ops, HR / L&D, enablement",
    ),
]


@register_demo
def seed_scope_and_collaboration(charter, users) -> None:
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
    teams = {
        name: PartnerTeam.objects.create(
            charter=charter, name=name, description=description, position=position
        )
        for position, (name, description) in enumerate(TEAMS)
    }
    RaciAssignment.objects.bulk_create(
        RaciAssignment(charter=charter, service=catalogue[service], team=teams[team], letter=letter)
        for service, row in RACI.items()
        for team, letter in row.items()
    )
    MeetingCadence.objects.bulk_create(
        MeetingCadence(
            charter=charter,
            name=name,
            purpose=purpose,
            frequency=frequency,
            participants=participants,
            position=position,
        )
        for position, (name, purpose, frequency, participants) in enumerate(CADENCES)
    )
    _seed_comments(charter, users)


def _seed_comments(charter, users) -> None:
    question = Comment.objects.create(
        charter=charter,
        section_key="scope",
        author=users["contributor"],
        body="Should channel partner sellers wait until phase 3? APAC partners close "
        "about a fifth of new business.",
    )
    Comment.objects.create(
        charter=charter,
        section_key="scope",
        parent=question,
        author=users["editor"],
        body="Good point. The academy content is not localised before Q3; "
        "I'll bring it to the next business review.",
    )
    Comment.objects.create(
        charter=charter,
        section_key="scope",
        author=users["board4"],
        body="Please show the HR / L&D funding in EUR rather than converting it.",
        resolved_at=timezone.now() - timedelta(days=2),
        resolved_by=users["owner"],
    )
    Comment.objects.create(
        charter=charter,
        section_key="collaboration",
        author=users["board"],
        body="Who answers for **coaching**: enablement or sales leadership? "
        "The matrix needs one Accountable team before we approve.",
    )
