"""The PDF's long tables give their columns widths, so WeasyPrint never measures their cells.

An automatic table layout measures the text of every cell twice before it places a row,
a sixth of a large charter's render (docs/decisions.md, "PDF render speed"). A column added
to one of these tables without a width would silently share what the others leave.
"""

import re

import pytest
import tinyhtml5
from django.template.loader import render_to_string

from charter.documents import rendering
from charter.documents.requests import request_export
from charter.models import PartnerTeam, RaciAssignment, Scope, Service
from tests.charter.section_factories import MetricFactory
from tests.charter.version_factories import charter_with_editor, publish_version
from tests.roadmap.factories import MilestoneFactory

pytestmark = pytest.mark.django_db

HTML = "{http://www.w3.org/1999/xhtml}"
LONG_TABLES = {"metrics", "milestone-table", "raci"}


@pytest.fixture
def print_html(django_capture_on_commit_callbacks):
    charter, membership = charter_with_editor(title="Acme Charter")
    for number in range(3):
        MetricFactory(charter=charter, name=f"Win rate {number}", baseline=20, target=30)
        MilestoneFactory(charter=charter, title=f"Launch the hub {number}")
    teams = [PartnerTeam.objects.create(charter=charter, name=f"Team {n}") for n in range(5)]
    service = Service.objects.create(workspace=charter.workspace, name="Onboarding")
    Scope.objects.create(charter=charter).services.set([service])
    RaciAssignment.objects.bulk_create(
        RaciAssignment(charter=charter, service=service, team=team, letter="R") for team in teams
    )
    version = publish_version(charter, membership)
    with django_capture_on_commit_callbacks(execute=False):
        export = request_export(version, "charter", membership.user)
    return rendering.build_html(export)


def width_percent(column) -> float | None:
    found = re.search(r"width:\s*([\d.]+)%", column.get("style", ""))
    return float(found.group(1)) if found else None


def test_long_tables_lay_out_fixed_with_a_width_for_every_named_column(print_html):
    tables = {
        name: table
        for table in tinyhtml5.parse(print_html).iter(f"{HTML}table")
        for name in LONG_TABLES & set(table.get("class", "").split())
    }

    assert set(tables) == LONG_TABLES
    for name, table in tables.items():
        assert "pdf-fixed" in table.get("class").split(), name
        columns = table.findall(f"{HTML}colgroup/{HTML}col")
        header = table.find(f"{HTML}thead/{HTML}tr")
        assert len(columns) == len(header), name
        widths = [width_percent(column) for column in columns]
        assert widths[0] is not None, name
        given = sum(width for width in widths if width is not None)
        # Columns left without a width (the RACI's teams) share the rest equally.
        assert given == 100 if None not in widths else given < 100, (name, widths)


def test_the_web_pages_keep_their_automatic_table_layout(print_html, client):
    assert "pdf-fixed" in print_html
    assert "<colgroup>" not in render_to_string(
        "charter/sections/collaboration/raci_table.html",
        {"matrix": {"teams": [{"name": "Team 0"}], "services": []}, "mode": "web"},
    )
