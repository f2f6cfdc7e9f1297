"""The roadmap's part of a charter's JSON document (see ``charter/portable.py``).

Phases name the maturity level they reach by its rank in the document's maturity model;
milestones refer to their phase, the objectives and metrics they move and the milestones
they depend on by the document's ids.
"""

from charter.portable_fields import Record, Table, fields_of
from charter.sections.scope.portable import PENDING_PHASE_NUMBERS

from .models import Milestone, Phase

PHASES = Table(Phase, fields_of(Phase, "target_level", "name", "goal"), numbered=True)
MILESTONES = Table(
    Milestone,
    fields_of(
        Milestone,
        "phase",
        "title",
        "description",
        "owner",
        "start",
        "end",
        "status",
        "objectives",
        "metrics",
        "depends_on",
        "budget_amount",
        "budget_currency",
        "headcount",
        "tools",
    ),
    numbered=True,
)
ROADMAP = Record({"phases": PHASES, "milestones": MILESTONES})


def export_roadmap(charter, context) -> dict:
    return {
        "phases": PHASES.export(charter.phases.all(), context),
        "milestones": MILESTONES.export(charter.milestones.all(), context),
    }


def import_roadmap(charter, data, context) -> None:
    for key, table in ROADMAP.fields.items():
        table.import_rows(data[key], context, context.at(key), charter=charter)
    phases = list(charter.phases.order_by("target_level__rank"))
    for audience, number in context.pending[PENDING_PHASE_NUMBERS]:
        if number <= len(phases):
            audience.served_from_phase = phases[number - 1].pk
            audience.save(update_fields=["served_from_phase"])
