"""Demo content for the collaboration section: partner teams, who does what, and when teams meet."""

from charter.models import (
    MeetingCadence,
    PartnerTeam,
    RaciAssignment,
    Service,
)

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


def seed_collaboration(charter, users) -> None:
    catalogue = {service.name: service for service in Service.catalogue(charter.workspace)}
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
