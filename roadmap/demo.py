"""The roadmap of the demo charter: three phases and a dozen milestones across the year."""

from datetime import date
from decimal import Decimal
from typing import NamedTuple

from charter.models import MaturityModel

from .dependencies import set_dependencies
from .models import Milestone, Phase, Status

PHASES = [
    (
        3,
        "Build the foundation",
        "Give sellers **one place** for content, a real onboarding program and a clear way "
        "to ask enablement for help, so that support no longer depends on who has time.",
    ),
    (
        4,
        "Scale what works",
        "Extend the programs to every region and to managers: coaching with call "
        "recordings, regional playbooks and a kickoff track built on what onboarding taught us.",
    ),
    (
        5,
        "Prove the impact",
        "Tie enablement to revenue outcomes the board tracks, and let the numbers decide "
        "next year's priorities.",
    ),
]


class DemoMilestone(NamedTuple):
    rank: int
    title: str
    owner: str
    start: tuple[int, int, int]
    end: tuple[int, int, int]
    status: str
    budget: str | None
    currency: str
    fte: str | None
    tools: str
    after: list[int]  # indexes of the milestones it depends on


# fmt: off
MILESTONES = [
    DemoMilestone(3, "Enablement intake process", "owner", (2026, 7, 1), (2026, 7, 31),
                  Status.DONE, "5000", "USD", "0.5", "Asana", []),
    DemoMilestone(3, "Sales content audit and clean-up", "contributor", (2026, 7, 15), (2026, 9, 15),
                  Status.DONE, "12000", "USD", "1", "Highspot", []),
    DemoMilestone(3, "New-hire onboarding program", "editor", (2026, 8, 1), (2026, 10, 30),
                  Status.IN_PROGRESS, "40000", "USD", "1.5", "Lessonly, Highspot", [0]),
    DemoMilestone(3, "Onboarding certification goes live", "editor", (2026, 11, 2), (2026, 11, 2),
                  Status.PLANNED, None, "USD", None, "Lessonly", [2]),
    DemoMilestone(4, "Conversation intelligence rollout", "contributor", (2026, 9, 1), (2026, 12, 15),
                  Status.IN_PROGRESS, "85000", "USD", "1", "Gong", []),
    DemoMilestone(4, "Manager coaching program", "owner", (2027, 1, 4), (2027, 3, 31),
                  Status.AT_RISK, "60000", "USD", "2", "Gong", [4]),
    DemoMilestone(4, "Sales kickoff: enablement track", "owner", (2027, 1, 20), (2027, 1, 20),
                  Status.PLANNED, "30000", "USD", None, "", [2]),
    DemoMilestone(4, "Regional playbooks for EMEA and APAC", "editor", (2027, 1, 11), (2027, 4, 30),
                  Status.PLANNED, "25000", "EUR", "1", "Highspot", [1]),
    DemoMilestone(4, "Legacy LMS migration", "contributor", (2026, 9, 1), (2026, 11, 30),
                  Status.DROPPED, "20000", "USD", "0.5", "Docebo", []),
    DemoMilestone(5, "Enablement analytics dashboard", "contributor", (2027, 2, 1), (2027, 5, 31),
                  Status.PLANNED, "18000", "USD", "1", "Tableau, Salesforce", [4]),
    DemoMilestone(5, "Impact review with the advisory board", "owner", (2027, 4, 15), (2027, 4, 15),
                  Status.PLANNED, None, "USD", None, "", [5]),
    DemoMilestone(5, "Win-rate impact study", "contributor", (2027, 6, 1), (2027, 8, 31),
                  Status.PLANNED, "15000", "USD", "0.5", "Tableau", [9]),
]
# fmt: on


def seed_roadmap(charter, users):
    levels = {
        level.rank: level for level in MaturityModel.for_workspace(charter.workspace).levels.all()
    }
    phases = {
        rank: Phase.objects.create(charter=charter, target_level=levels[rank], name=name, goal=goal)
        for rank, name, goal in PHASES
    }
    metrics = list(charter.metrics.all())
    objectives = list(charter.objectives.all())
    created = []
    for index, row in enumerate(MILESTONES):
        milestone = Milestone.objects.create(
            charter=charter,
            phase=phases[row.rank],
            title=row.title,
            owner=users.get(row.owner),
            start=date(*row.start),
            end=date(*row.end),
            status=row.status,
            budget_amount=Decimal(row.budget) if row.budget else None,
            budget_currency=row.currency,
            headcount=Decimal(row.fte) if row.fte else None,
            tools=row.tools,
        )
        # Link to whatever objectives and metrics the charter's own demo data wrote.
        if metrics:
            milestone.metrics.add(metrics[index % len(metrics)])
        if objectives:
            milestone.objectives.add(objectives[index % len(objectives)])
        created.append(milestone)
    for milestone, row in zip(created, MILESTONES, strict=True):
        set_dependencies(milestone, [created[i] for i in row.after])
