"""The export buttons, the polled status, the download and the retry, as a member sees them."""

import pytest

from charter.models import PdfExport
from tests.charter.pdf_factories import export_now
from tests.charter.version_factories import publish_version
from tests.factories import CharterFactory, MembershipFactory

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def viewer(member_client):
    """A logged-in viewer: anyone who can read a version may export and download it."""
    return member_client("viewer")


@pytest.fixture
def version(viewer):
    charter = CharterFactory(workspace=viewer.membership.workspace, title="Acme Charter")
    editor = MembershipFactory(workspace=charter.workspace, role="editor")
    return publish_version(charter, editor)


def url(version, *parts):
    return "/".join([f"/w/{version.charter.workspace.slug}", *map(str, parts), ""])


def test_version_page_offers_export_and_board_pack_buttons(viewer, version):
    page = viewer.get(url(version, "versions", version.pk)).content.decode()

    assert "Export PDF" in page
    assert "Board pack" in page
    assert 'name="kind" value="charter"' in page
    assert 'name="kind" value="board_pack"' in page


def test_export_button_queues_an_export_and_shows_a_status_that_polls(
    viewer, version, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = viewer.post(
            url(version, "versions", version.pk, "exports"), {"kind": "charter"}, **HTMX
        )

    export = PdfExport.objects.get()
    body = response.content.decode()
    assert response.status_code == 200
    assert len(callbacks) == 1
    assert 'hx-trigger="every 2s"' in body
    assert url(version, "exports", export.pk) in body
    assert "Waiting for a worker" in body


def test_export_without_htmx_redirects_to_the_export_page(viewer, version):
    response = viewer.post(url(version, "versions", version.pk, "exports"), {"kind": "charter"})

    export = PdfExport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url(version, "exports", export.pk)


def test_status_stops_polling_when_done_and_offers_the_download(
    viewer, version, django_capture_on_commit_callbacks
):
    export = export_now(django_capture_on_commit_callbacks, version)

    body = viewer.get(url(version, "exports", export.pk), **HTMX).content.decode()

    assert "every 2s" not in body
    assert url(version, "exports", export.pk, "download") in body
    assert f"{export.page_count} pages" in body


def test_download_is_the_pdf_with_a_descriptive_file_name(
    viewer, version, django_capture_on_commit_callbacks
):
    export = export_now(django_capture_on_commit_callbacks, version)

    response = viewer.get(url(version, "exports", export.pk, "download"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="acme-charter-charter-v1-2026-q4-draft.pdf"'
    )
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_an_unfinished_export_cannot_be_downloaded(
    viewer, version, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        viewer.post(url(version, "versions", version.pk, "exports"), {"kind": "charter"})
    export = PdfExport.objects.get()

    assert viewer.get(url(version, "exports", export.pk, "download")).status_code == 404


def test_another_workspace_cannot_see_or_download_the_export(
    member_client, version, django_capture_on_commit_callbacks
):
    export = export_now(django_capture_on_commit_callbacks, version)
    outsider = member_client("owner")
    own = outsider.membership.workspace.slug

    for path in (f"exports/{export.pk}/", f"exports/{export.pk}/download/"):
        assert outsider.get(f"/w/{own}/{path}").status_code == 404
        assert outsider.get(f"/w/{version.charter.workspace.slug}/{path}").status_code == 404
    assert (
        outsider.post(f"/w/{own}/versions/{version.pk}/exports/", {"kind": "charter"}).status_code
        == 404
    )


def test_a_failed_export_shows_its_reason_and_a_retry_button_that_requeues_it(
    viewer, version, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        viewer.post(url(version, "versions", version.pk, "exports"), {"kind": "charter"})
    export = PdfExport.objects.get()
    PdfExport.objects.filter(pk=export.pk).update(status="failed", error="Fonts missing.")

    body = viewer.get(url(version, "exports", export.pk), **HTMX).content.decode()
    assert "Fonts missing." in body
    assert "Try again" in body

    with django_capture_on_commit_callbacks(execute=True):
        response = viewer.post(url(version, "exports", export.pk, "retry"), **HTMX)
    export.refresh_from_db()
    assert response.status_code == 200
    assert export.status == PdfExport.Status.DONE


def test_retrying_an_export_that_did_not_fail_is_a_conflict(
    viewer, version, django_capture_on_commit_callbacks
):
    export = export_now(django_capture_on_commit_callbacks, version)

    response = viewer.post(url(version, "exports", export.pk, "retry"), **HTMX)

    assert response.status_code == 409
    assert "Only a failed export can be tried again." in response.content.decode()


@pytest.mark.parametrize(
    "data", [{"kind": "poster"}, {}, {"kind": "board_pack", "meeting_pk": "x"}]
)
def test_a_bad_export_request_is_refused_with_a_message(viewer, version, data):
    response = viewer.post(url(version, "versions", version.pk, "exports"), data, **HTMX)

    assert response.status_code == 400
    assert "errors" in response.content.decode()
    assert not PdfExport.objects.exists()


def test_a_board_pack_for_a_meeting_keeps_the_meeting_as_a_parameter(
    viewer, version, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        viewer.post(
            url(version, "versions", version.pk, "exports"), {"kind": "board_pack", "meeting_pk": 4}
        )

    assert PdfExport.objects.get().params == {"meeting_pk": 4}
