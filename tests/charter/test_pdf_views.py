"""The export buttons, the polled status, the download and the retry, as a member sees them."""

import pytest

from charter.documents.limits import IN_FLIGHT_PER_CHARTER, RENDERS_PER_USER
from charter.models import PdfExport
from tests.charter.pdf_factories import export_now
from tests.charter.version_factories import publish_version
from tests.factories import CharterFactory, MembershipFactory
from tests.governance.factories import MeetingFactory

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
    meeting = MeetingFactory(charter=version.charter)
    with django_capture_on_commit_callbacks(execute=False):
        viewer.post(
            url(version, "versions", version.pk, "exports"),
            {"kind": "board_pack", "meeting_pk": meeting.pk},
        )

    assert PdfExport.objects.get().params == {"meeting_pk": meeting.pk}


@pytest.mark.parametrize("whose", ["another workspace", "another charter", "nobody"])
def test_a_board_pack_naming_a_meeting_not_of_its_charter_is_a_404(viewer, version, whose):
    meeting_pk = {
        "another workspace": lambda: MeetingFactory().pk,
        "another charter": lambda: (
            MeetingFactory(charter=CharterFactory(workspace=version.charter.workspace)).pk
        ),
        "nobody": lambda: 987654,
    }[whose]()

    response = viewer.post(
        url(version, "versions", version.pk, "exports"),
        {"kind": "board_pack", "meeting_pk": meeting_pk},
        **HTMX,
    )

    assert response.status_code == 404
    assert not PdfExport.objects.exists()


def request_pdf(client, version, data):
    return client.post(url(version, "versions", version.pk, "exports"), data, **HTMX)


def test_a_new_render_is_refused_while_the_charter_has_enough_in_flight(
    viewer, version, django_capture_on_commit_callbacks
):
    meetings = [MeetingFactory(charter=version.charter) for _ in range(IN_FLIGHT_PER_CHARTER)]
    with django_capture_on_commit_callbacks(execute=False):
        for meeting in meetings:
            request_pdf(viewer, version, {"kind": "board_pack", "meeting_pk": meeting.pk})

        refused = request_pdf(viewer, version, {"kind": "charter"})

    assert refused.status_code == 429
    body = refused.content.decode()
    assert f"{IN_FLIGHT_PER_CHARTER} PDFs of this charter are being made" in body
    assert 'id="export-charter"' in body
    assert PdfExport.objects.count() == IN_FLIGHT_PER_CHARTER
    again = request_pdf(viewer, version, {"kind": "board_pack", "meeting_pk": meetings[0].pk})
    assert again.status_code == 200  # the export already queued is shown, nothing new


def test_renders_past_the_per_user_ceiling_are_refused_but_a_finished_pdf_is_still_served(
    viewer, version, django_capture_on_commit_callbacks
):
    done = export_now(django_capture_on_commit_callbacks, version)
    for _ in range(RENDERS_PER_USER.limit):
        RENDERS_PER_USER.add(str(viewer.membership.user.pk))

    refused = viewer.post(url(version, "versions", version.pk, "exports"), {"kind": "board_pack"})
    served = request_pdf(viewer, version, {"kind": "charter"})

    assert refused.status_code == 429
    assert "You asked for many PDFs in the last hour" in refused.content.decode()
    assert refused["Retry-After"]
    assert list(PdfExport.objects.all()) == [done]
    assert served.status_code == 200
    assert url(version, "exports", done.pk, "download") in served.content.decode()


def test_a_retry_past_the_per_user_ceiling_is_refused_and_the_export_stays_failed(
    viewer, version, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        request_pdf(viewer, version, {"kind": "charter"})
    export = PdfExport.objects.get()
    PdfExport.objects.filter(pk=export.pk).update(status="failed", error="Fonts missing.")
    for _ in range(RENDERS_PER_USER.limit):
        RENDERS_PER_USER.add(str(viewer.membership.user.pk))

    response = viewer.post(url(version, "exports", export.pk, "retry"), **HTMX)

    assert response.status_code == 429
    export.refresh_from_db()
    assert export.status == PdfExport.Status.FAILED
