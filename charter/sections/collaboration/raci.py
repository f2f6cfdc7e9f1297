"""The RACI matrix: for each service offered, which partner team is Responsible, Accountable,
Consulted or Informed, and where the matrix breaks the rules of a usable RACI.

The rules: every service has exactly one Accountable team (none leaves nobody answerable,
two leave nobody answerable either) and at least one Responsible team doing the work.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from charter.models import Charter, PartnerTeam, RaciAssignment, Service

LETTERS = [letter for letter, _label in RaciAssignment.Letter.choices]

NO_ACCOUNTABLE = "no_accountable"
SEVERAL_ACCOUNTABLE = "several_accountable"
NO_RESPONSIBLE = "no_responsible"


def gaps(letters: Iterable[str]) -> list[str]:
    """The rules one service's row of letters breaks, as stable codes."""
    letters = list(letters)
    found = []
    accountable = letters.count("A")
    if accountable == 0:
        found.append(NO_ACCOUNTABLE)
    elif accountable > 1:
        found.append(SEVERAL_ACCOUNTABLE)
    if "R" not in letters:
        found.append(NO_RESPONSIBLE)
    return found


def gap_label(code: str) -> str:
    labels = {
        NO_ACCOUNTABLE: _("No Accountable team"),
        SEVERAL_ACCOUNTABLE: _("More than one Accountable team"),
        NO_RESPONSIBLE: _("No Responsible team"),
    }
    return labels[code]


def gap_message(code: str, service: str) -> str:
    messages = {
        NO_ACCOUNTABLE: _("%(service)s has no Accountable team."),
        SEVERAL_ACCOUNTABLE: _("%(service)s has more than one Accountable team."),
        NO_RESPONSIBLE: _("%(service)s has no Responsible team."),
    }
    return messages[code] % {"service": service}


def matrix(
    services: Iterable[Service],
    teams: Iterable[PartnerTeam],
    assignments: Iterable[RaciAssignment],
) -> dict:
    """The matrix as plain data, ready to render: a row per service, a cell per team.

    Each gap carries its code as ``id`` and a label, so that a diff between two versions
    reads "No Accountable team" rather than a code.
    """
    teams = list(teams)
    letters = {(a.service_id, a.team_id): a.letter for a in assignments}
    rows = []
    for service in services:
        cells = [
            {"id": team.pk, "team": team.name, "letter": letters.get((service.pk, team.pk), "")}
            for team in teams
        ]
        rows.append(
            {
                "id": service.pk,
                "name": service.name,
                "cells": cells,
                "gaps": [
                    {"id": code, "label": gap_label(code)}
                    for code in gaps(cell["letter"] for cell in cells)
                ],
            }
        )
    return {"teams": [{"id": team.pk, "name": team.name} for team in teams], "services": rows}


@dataclass(frozen=True)
class CellChange:
    """One cell as the editor left it, and the letter it showed when the page was loaded."""

    service: Service
    team: PartnerTeam
    letter: str
    was: str


@dataclass(frozen=True)
class CellConflict:
    change: CellChange
    current: str


def apply(charter: Charter, changes: Iterable[CellChange]) -> list[CellConflict]:
    """Save the cells that changed; refuse those someone else changed meanwhile.

    Each cell is compared with the letter the editor saw, so two people filling different
    cells never collide and a cell changed by someone else is never silently overwritten.
    """
    conflicts = []
    with transaction.atomic():
        # One writer per charter at a time, so two first letters for a cell cannot race.
        Charter.objects.select_for_update().filter(pk=charter.pk).first()
        stored = {
            (a.service_id, a.team_id): a for a in RaciAssignment.objects.filter(charter=charter)
        }
        for change in changes:
            assignment = stored.get((change.service.pk, change.team.pk))
            current = assignment.letter if assignment else ""
            if current == change.letter:
                continue
            if current != change.was:
                conflicts.append(CellConflict(change, current))
            elif not change.letter:
                assignment.delete()
            elif assignment:
                assignment.letter = change.letter
                assignment.save(update_fields=["letter"])
            else:
                RaciAssignment.objects.create(
                    charter=charter, service=change.service, team=change.team, letter=change.letter
                )
    return conflicts
