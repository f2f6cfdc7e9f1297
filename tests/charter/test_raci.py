import pytest

from charter.models import RaciAssignment
from charter.sections.collaboration import raci
from tests.charter.scope_factories import PartnerTeamFactory, RaciAssignmentFactory, ServiceFactory
from tests.factories import CharterFactory


@pytest.mark.parametrize(
    ("letters", "expected"),
    [
        (["A", "R", "C", "I"], []),
        (["A", "R", "R", ""], []),
        (["R", "C", ""], [raci.NO_ACCOUNTABLE]),
        (["A", "A", "R"], [raci.SEVERAL_ACCOUNTABLE]),
        (["A", "C", "I"], [raci.NO_RESPONSIBLE]),
        ([], [raci.NO_ACCOUNTABLE, raci.NO_RESPONSIBLE]),
        (["A", "A", ""], [raci.SEVERAL_ACCOUNTABLE, raci.NO_RESPONSIBLE]),
    ],
)
def test_a_service_needs_exactly_one_accountable_and_a_responsible_team(letters, expected):
    assert raci.gaps(letters) == expected


def test_gap_messages_name_the_service():
    assert raci.gap_message(raci.NO_ACCOUNTABLE, "Coaching") == (
        "Coaching has no Accountable team."
    )
    assert "more than one Accountable" in raci.gap_message(raci.SEVERAL_ACCOUNTABLE, "Tools")


@pytest.fixture
def grid(db):
    charter = CharterFactory()
    services = [ServiceFactory(workspace=charter.workspace, name=n) for n in ("Content", "Tools")]
    teams = [PartnerTeamFactory(charter=charter, name=n) for n in ("Sales", "Marketing")]
    return charter, services, teams


def test_matrix_is_plain_data_with_a_cell_per_team_and_gaps_per_service(grid):
    charter, (content, tools), (sales, marketing) = grid
    RaciAssignmentFactory(charter=charter, service=content, team=sales, letter="A")
    RaciAssignmentFactory(charter=charter, service=content, team=marketing, letter="R")

    matrix = raci.matrix([content, tools], [sales, marketing], charter.raci_assignments.all())

    assert matrix["teams"] == [
        {"id": sales.pk, "name": "Sales"},
        {"id": marketing.pk, "name": "Marketing"},
    ]
    assert matrix["services"][0] == {
        "id": content.pk,
        "name": "Content",
        "cells": [
            {"id": sales.pk, "team": "Sales", "letter": "A"},
            {"id": marketing.pk, "team": "Marketing", "letter": "R"},
        ],
        "gaps": [],
    }
    assert matrix["services"][1]["gaps"] == [
        {"id": raci.NO_ACCOUNTABLE, "label": "No Accountable team"},
        {"id": raci.NO_RESPONSIBLE, "label": "No Responsible team"},
    ]
    assert [cell["letter"] for cell in matrix["services"][1]["cells"]] == ["", ""]


def test_apply_creates_changes_and_clears_cells(grid):
    charter, (content, tools), (sales, marketing) = grid
    RaciAssignmentFactory(charter=charter, service=content, team=sales, letter="R")
    RaciAssignmentFactory(charter=charter, service=content, team=marketing, letter="C")

    conflicts = raci.apply(
        charter,
        [
            raci.CellChange(content, sales, "A", was="R"),
            raci.CellChange(content, marketing, "", was="C"),
            raci.CellChange(tools, sales, "I", was=""),
            raci.CellChange(tools, marketing, "", was=""),
        ],
    )

    assert conflicts == []
    stored = {(a.service.name, a.team.name): a.letter for a in RaciAssignment.objects.all()}
    assert stored == {("Content", "Sales"): "A", ("Tools", "Sales"): "I"}


def test_apply_refuses_a_cell_someone_else_changed_and_keeps_the_others(grid):
    charter, (content, tools), (sales, marketing) = grid
    RaciAssignmentFactory(charter=charter, service=content, team=sales, letter="C")

    # The editor saw an empty cell; someone else has set C since.
    stale = raci.CellChange(content, sales, "A", was="")
    conflicts = raci.apply(charter, [stale, raci.CellChange(tools, marketing, "R", was="")])

    assert conflicts == [raci.CellConflict(stale, current="C")]
    assert RaciAssignment.objects.get(service=content, team=sales).letter == "C"
    assert RaciAssignment.objects.get(service=tools, team=marketing).letter == "R"


def test_apply_accepts_a_stale_cell_already_holding_the_wanted_letter(grid):
    charter, (content, _tools), (sales, _marketing) = grid
    RaciAssignmentFactory(charter=charter, service=content, team=sales, letter="A")

    assert raci.apply(charter, [raci.CellChange(content, sales, "A", was="")]) == []
