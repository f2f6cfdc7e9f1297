"""An audience in Scope is served from one of the roadmap's named phases (registry hook)."""

import io
from datetime import date

import pytest
from django.template.loader import render_to_string

from charter import portable
from charter.models import Audience
from charter.sections.scope.snapshot import snapshot
from tests.charter.scope_factories import AudienceFactory
from tests.factories import CharterFactory
from tests.roadmap.factories import MilestoneFactory, PhaseFactory, level

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def editor(member_client):
    client = member_client("editor")
    charter = CharterFactory(workspace=client.membership.workspace)
    client.charter = charter
    client.base = f"/w/{charter.workspace.slug}/charters/{charter.pk}"
    client.foundation = PhaseFactory(
        charter=charter, name="Build the foundation", target_level=level(charter, 3)
    )
    client.scale = PhaseFactory(charter=charter, name="Scale up", target_level=level(charter, 4))
    MilestoneFactory(
        charter=charter, phase=client.scale, start=date(2026, 10, 1), end=date(2027, 3, 31)
    )
    return client


def audience_data(**values):
    data = {"role": "SDRs", "segment": "", "headcount": "12", "priority": "primary"}
    return {**data, "revision": "0", "base": "", **values}


def test_the_form_offers_the_roadmaps_named_phases_in_maturity_order(editor):
    html = editor.get(f"{editor.base}/audiences/add/", **HTMX).content.decode()

    assert "Not linked to a phase" in html
    assert html.index("Build the foundation") < html.index("Scale up")
    assert "Phase 1" not in html


def test_choosing_a_phase_stores_it_and_shows_its_name_and_dates(editor):
    response = editor.post(
        f"{editor.base}/audiences/add/",
        audience_data(served_from_phase=str(editor.scale.pk)),
        **HTMX,
    )

    assert response.status_code == 200
    audience = Audience.objects.get()
    assert audience.served_from_phase == editor.scale.pk
    html = response.content.decode()
    assert "Scale up (" in html and "2027" in html
    row = snapshot(editor.charter)["audiences"][0]
    assert row["served_from"] == "Scale up"
    assert (row["served_from_start"], row["served_from_end"]) == ("2026-10-01", "2027-03-31")
    assert row["served_from_phase_id"] == editor.scale.pk


def test_a_phase_of_another_charter_is_refused(editor):
    other = PhaseFactory(charter=CharterFactory(workspace=editor.membership.workspace))

    response = editor.post(
        f"{editor.base}/audiences/add/", audience_data(served_from_phase=str(other.pk)), **HTMX
    )

    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not Audience.objects.exists()


def test_deleting_the_phase_leaves_the_audience_unlinked(editor):
    audience = AudienceFactory(charter=editor.charter, served_from_phase=editor.foundation.pk)

    editor.foundation.delete()

    audience.refresh_from_db()
    assert audience.served_from_phase is None
    assert snapshot(editor.charter)["audiences"][0]["served_from"] == ""


def test_a_link_to_a_phase_that_is_gone_reads_as_such_on_the_page(editor):
    AudienceFactory(charter=editor.charter, served_from_phase=987654)

    html = editor.get(f"{editor.base}/s/scope/").content.decode()

    assert "A phase no longer on the roadmap" in html
    assert snapshot(editor.charter)["audiences"][0]["served_from_phase_id"] is None


def test_a_charter_without_a_roadmap_says_where_to_add_phases(member_client):
    client = member_client("editor")
    charter = CharterFactory(workspace=client.membership.workspace)
    base = f"/w/{charter.workspace.slug}/charters/{charter.pk}"

    html = client.get(f"{base}/audiences/add/", **HTMX).content.decode()
    response = client.post(f"{base}/audiences/add/", audience_data(), **HTMX)

    assert "Add phases on the Roadmap page" in html
    assert response.status_code == 200
    assert Audience.objects.get().served_from_phase is None


def test_the_version_page_and_pdf_partial_show_the_phase_name(editor):
    AudienceFactory(charter=editor.charter, served_from_phase=editor.foundation.pk)
    html = render_to_string(
        "charter/sections/scope/snapshot.html", {"data": snapshot(editor.charter), "mode": "pdf"}
    )

    assert "Build the foundation" in html
    assert "Phase 1" not in html


def test_an_older_snapshot_with_a_bare_number_still_reads(editor):
    data = snapshot(editor.charter)
    data["audiences"] = [
        {"id": 1, "role": "AEs", "segment": "", "headcount": 3, "priority": "primary", "phase": 2}
    ]

    html = render_to_string("charter/sections/scope/snapshot.html", {"data": data, "mode": "pdf"})

    assert "Phase 2" in html


def test_the_phase_travels_in_the_json_document_by_its_number(editor):
    AudienceFactory(charter=editor.charter, served_from_phase=editor.scale.pk)
    document = portable.export_charter(editor.charter)
    assert document["parts"]["scope"]["audiences"][0]["phase"] == 2

    result = portable.import_charter(
        editor.membership.workspace,
        portable.read(io.BytesIO(portable.render(document))),
        editor.membership.user,
    )

    imported = Audience.objects.get(charter=result.charter)
    assert imported.served_from_phase == result.charter.phases.get(name="Scale up").pk
