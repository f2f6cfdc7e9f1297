"""The collaboration's part of a charter's JSON document (see charter/portable.py)."""

from charter.models import (
    MeetingCadence,
    PartnerTeam,
    RaciAssignment,
)
from charter.portable_fields import Record, Table, fields_of

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
