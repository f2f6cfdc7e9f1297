"""Section 6, collaboration, frozen: the live rows loaded once, their snapshot and what is missing."""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from charter.models import Charter, MeetingCadence, PartnerTeam, RaciAssignment, Service
from charter.sections.collaboration import raci


@dataclass
class LiveCollaboration:
    """The live rows of one charter's collaboration section, in a fixed number of queries."""

    partner_teams: list[PartnerTeam]
    services: list[Service]
    assignments: list[RaciAssignment]
    meeting_cadences: list[MeetingCadence]

    @property
    def matrix(self) -> dict:
        return raci.matrix(self.services, self.partner_teams, self.assignments)


def load(charter: Charter) -> LiveCollaboration:
    # The matrix rows are the services offered in the scope section.
    services = list(Service.objects.filter(charters__charter=charter).order_by("position", "pk"))
    return LiveCollaboration(
        partner_teams=list(charter.partner_teams.all()),
        services=services,
        assignments=list(charter.raci_assignments.all()),
        meeting_cadences=list(charter.meeting_cadences.all()),
    )


def snapshot(charter: Charter) -> dict:
    return snapshot_of(load(charter))


def snapshot_of(live: LiveCollaboration) -> dict:
    return {
        "partner_teams": [
            {"id": team.pk, "name": team.name, "description": team.description}
            for team in live.partner_teams
        ],
        "raci": live.matrix,
        "meeting_cadences": [
            {
                "id": cadence.pk,
                "name": cadence.name,
                "purpose": cadence.purpose,
                "frequency": cadence.frequency,
                "participants": cadence.participants,
            }
            for cadence in live.meeting_cadences
        ],
    }


def completeness(data: dict) -> list[str]:
    missing = []
    if not data.get("partner_teams"):
        missing.append(_("No partner team yet."))
    services = data.get("raci", {}).get("services", [])
    if not services:
        missing.append(_("No services offered to assign: choose them in the scope section."))
    for service in services:
        missing.extend(raci.gap_message(gap["id"], service["name"]) for gap in service["gaps"])
    if not data.get("meeting_cadences"):
        missing.append(_("No meeting cadence."))
    return missing


# The changes list names the snapshot's keys with these.
LABELS = {
    "partner_teams": gettext_lazy("Partner teams"),
    "raci": gettext_lazy("RACI matrix"),
    "meeting_cadences": gettext_lazy("Meeting cadences"),
    "purpose": gettext_lazy("Purpose"),
    "frequency": gettext_lazy("Frequency"),
    "participants": gettext_lazy("Participants"),
}
