"""The board reads a finished document: what editors still have to do stays on their pages."""

import pytest

from charter.documents import rendering
from charter.documents.requests import request_export
from charter.models import Audience, PartnerTeam, RaciAssignment, Scope, Service
from tests.charter.section_factories import MetricFactory
from tests.charter.version_factories import charter_with_editor, publish_version

pytestmark = pytest.mark.django_db

EDITOR_WARNINGS = ["No Accountable team", "No Responsible team", "No data", "Total headcount"]


@pytest.fixture
def unfinished(django_capture_on_commit_callbacks):
    """A charter with a RACI gap, a metric without actuals and audiences without headcounts."""
    charter, membership = charter_with_editor(title="Unfinished charter")
    MetricFactory(charter=charter, name="Ramp time", baseline=90, target=60)
    team = PartnerTeam.objects.create(charter=charter, name="Marketing")
    service = Service.objects.create(workspace=charter.workspace, name="Onboarding")
    Scope.objects.create(charter=charter).services.set([service])
    RaciAssignment.objects.create(charter=charter, service=service, team=team, letter="C")
    Audience.objects.create(charter=charter, role="Account executives", headcount=None)
    version = publish_version(charter, membership)
    with django_capture_on_commit_callbacks(execute=False):
        export = request_export(version, "charter", membership.user)
    return charter, membership, export


def test_the_pdf_leaves_editor_warnings_out_and_prints_blanks_as_blanks(unfinished):
    charter, membership, export = unfinished

    html = rendering.build_html(export)

    assert "Ramp time" in html and "Onboarding" in html and "Account executives" in html
    for warning in EDITOR_WARNINGS:
        assert warning not in html
    assert '<tr class="has-gap">' not in html


def test_the_editors_section_pages_still_show_what_is_missing(unfinished, client):
    charter, membership, export = unfinished
    client.force_login(membership.user)
    base = f"/w/{charter.workspace.slug}/charters/{charter.pk}/s"

    collaboration = client.get(f"{base}/collaboration/").content.decode()
    future_success = client.get(f"{base}/future-success/").content.decode()

    assert "No Accountable team" in collaboration
    assert "No data" in future_success


def test_the_version_page_says_which_part_of_the_fingerprint_the_footer_prints(unfinished, client):
    charter, membership, export = unfinished
    client.force_login(membership.user)

    page = client.get(f"/w/{charter.workspace.slug}/versions/{export.version.pk}/").content.decode()

    assert f"The PDF footer shows its first twelve characters ({export.version.short_hash})" in page
