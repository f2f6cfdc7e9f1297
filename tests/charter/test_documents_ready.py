"""Documents made ahead: publishing and approving a version queue its charter PDF."""

import pytest

from charter.models import PdfExport, VersionStatus
from tests.charter.version_factories import approve, publish_version
from tests.factories import CharterFactory, MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def viewer(member_client):
    return member_client("viewer")


@pytest.fixture
def editor(viewer):
    return MembershipFactory(workspace=viewer.membership.workspace, role="editor")


@pytest.fixture
def charter(editor):
    return CharterFactory(workspace=editor.workspace, title="Acme Charter")


def version_page(client, version) -> str:
    slug = version.charter.workspace.slug
    return client.get(f"/w/{slug}/versions/{version.pk}/").content.decode()


def download_url(export) -> str:
    return f"/w/{export.version.charter.workspace.slug}/exports/{export.pk}/download/"


def test_publishing_renders_the_draft_charter_pdf_after_commit(
    charter, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        version = publish_version(charter, editor)

    export = PdfExport.objects.get(version=version)
    assert export.kind == PdfExport.Kind.CHARTER
    assert export.version_status == VersionStatus.DRAFT
    assert export.status == PdfExport.Status.DONE, export.error


def test_a_publish_that_is_not_committed_queues_nothing(charter, editor):
    version = publish_version(charter, editor)

    assert not PdfExport.objects.filter(version=version).exists()


def test_approving_renders_the_approved_charter_pdf(
    charter, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        version = publish_version(charter, editor)
    with django_capture_on_commit_callbacks(execute=True):
        approve(version, editor)

    states = set(PdfExport.objects.filter(version=version).values_list("version_status", "status"))
    assert states == {
        (VersionStatus.DRAFT, PdfExport.Status.DONE),
        (VersionStatus.APPROVED, PdfExport.Status.DONE),
    }


def test_a_published_version_whose_pdf_is_done_offers_a_direct_download(
    viewer, charter, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        version = publish_version(charter, editor)
    export = PdfExport.objects.get(version=version)

    page = version_page(viewer, version)

    assert download_url(export) in page
    assert 'name="kind" value="charter"' not in page
    assert 'name="kind" value="board_pack"' in page


def test_an_approved_version_offers_the_approved_pdf_and_names_the_draft_as_before_approval(
    viewer, charter, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        version = publish_version(charter, editor)
    draft = PdfExport.objects.get(version=version)
    with django_capture_on_commit_callbacks(execute=True):
        approve(version, editor)
    approved = PdfExport.objects.get(version=version, version_status=VersionStatus.APPROVED)

    page = version_page(viewer, version)

    main, _, secondary = page.partition('class="draft-before-approval"')
    assert download_url(approved) in main
    assert download_url(draft) not in main
    assert download_url(draft) in secondary
    assert "Draft (before approval)" in secondary


def test_an_approved_version_still_rendering_shows_its_status_not_the_draft_download_as_main(
    viewer, charter, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        version = publish_version(charter, editor)
    draft = PdfExport.objects.get(version=version)
    approve(version, editor)
    PdfExport.objects.create(
        version=version,
        kind=PdfExport.Kind.CHARTER,
        content_key="approved",
        version_status=VersionStatus.APPROVED,
    )

    page = version_page(viewer, version)

    assert "Waiting for a worker" in page
    assert page.count(download_url(draft)) == 1
    assert "Draft (before approval)" in page


def test_another_workspaces_version_page_is_not_found(viewer, django_capture_on_commit_callbacks):
    other = MembershipFactory(role="editor")
    with django_capture_on_commit_callbacks(execute=True):
        version = publish_version(CharterFactory(workspace=other.workspace), other)

    response = viewer.get(f"/w/{viewer.membership.workspace.slug}/versions/{version.pk}/")

    assert response.status_code == 404
