"""The optional "Open points" appendix: on a draft's charter PDF when an editor asks, never
on the approved document or the board pack."""

import pytest

from charter.documents.limits import RENDERS_PER_USER
from charter.documents.open_points import open_points
from charter.documents.rendering import build_html
from charter.models import PdfExport
from tests.charter.pdf_factories import export_now, flat, page_texts, pdf_bytes
from tests.charter.version_factories import approve, publish_version
from tests.factories import CharterFactory

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def editor(member_client):
    return member_client("editor")


@pytest.fixture
def version(editor):
    # A charter with little written yet: the checklist has plenty left open.
    charter = CharterFactory(workspace=editor.membership.workspace, title="Acme Charter")
    return publish_version(charter, editor.membership)


def exports_url(version):
    return f"/w/{version.charter.workspace.slug}/versions/{version.pk}/exports/"


def version_page(client, version) -> str:
    return client.get(
        f"/w/{version.charter.workspace.slug}/versions/{version.pk}/"
    ).content.decode()


def download_url(export) -> str:
    return f"/w/{export.version.charter.workspace.slug}/exports/{export.pk}/download/"


def test_the_draft_pdf_leaves_open_points_out_unless_an_editor_asks(editor, version):
    page = version_page(editor, version)

    assert "Editors' copy with open points" in page
    assert page.count('name="open_points"') == 1
    assert 'name="open_points" value="on" checked' not in page


def test_the_editors_copy_is_offered_beside_the_finished_draft_and_downloads_under_its_own_name(
    editor, version, django_capture_on_commit_callbacks
):
    # Publishing renders the board's draft in the background: it is a download by now.
    board_draft = export_now(django_capture_on_commit_callbacks, version)
    page = version_page(editor, version)
    assert download_url(board_draft) in page
    assert "Editors' copy with open points" in page

    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(
            exports_url(version), {"kind": "charter", "open_points": "on"}, **HTMX
        )
    assert response.status_code == 200
    assert 'id="export-charter-open-points"' in response.content.decode()
    editors_copy = PdfExport.objects.get(params={"open_points": True})
    assert editors_copy.status == "done", editors_copy.error

    page = version_page(editor, version)
    # Both, each in its own place: the board's draft stays the primary download.
    assert download_url(board_draft) in page
    assert download_url(editors_copy) in page
    assert "Download the editors' copy (with open points)" in page
    assert 'id="export-charter"' in page and 'id="export-charter-open-points"' in page
    assert "Editors' copy with open points" not in page

    names = {
        export.pk: editor.get(download_url(export))["Content-Disposition"]
        for export in (board_draft, editors_copy)
    }
    assert names[board_draft.pk].endswith('-draft.pdf"')
    assert names[editors_copy.pk].endswith('-draft-with-open-points.pdf"')


def test_a_refused_editors_copy_says_so_in_its_own_place_and_the_board_draft_stays(
    editor, version, django_capture_on_commit_callbacks
):
    board_draft = export_now(django_capture_on_commit_callbacks, version)
    for _ in range(RENDERS_PER_USER.limit):
        RENDERS_PER_USER.add(str(editor.membership.user.pk))

    refused = editor.post(exports_url(version), {"kind": "charter", "open_points": "on"}, **HTMX)

    assert refused.status_code == 429
    body = refused.content.decode()
    assert 'id="export-charter-open-points"' in body
    assert "You asked for many PDFs in the last hour" in body
    assert list(PdfExport.objects.all()) == [board_draft]
    assert download_url(board_draft) in version_page(editor, version)


def test_another_workspaces_editor_can_neither_ask_for_nor_download_the_editors_copy(
    editor, version, member_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        editor.post(exports_url(version), {"kind": "charter", "open_points": "on"})
    editors_copy = PdfExport.objects.get(params={"open_points": True})
    outsider = member_client("editor")
    own = outsider.membership.workspace.slug

    asked = outsider.post(
        f"/w/{own}/versions/{version.pk}/exports/", {"kind": "charter", "open_points": "on"}
    )
    assert asked.status_code == 404
    assert outsider.get(f"/w/{own}/exports/{editors_copy.pk}/download/").status_code == 404
    assert outsider.get(download_url(editors_copy)).status_code == 404
    assert list(PdfExport.objects.all()) == [editors_copy]


def test_an_approved_version_offers_no_editors_copy(editor, version):
    approve(version, editor.membership)
    page = version_page(editor, version)

    assert 'name="open_points"' not in page
    assert "open points" not in page


@pytest.mark.parametrize("role", ["viewer", "board"])
def test_only_editors_are_offered_or_given_the_editors_copy(
    editor, version, role, member_client, django_capture_on_commit_callbacks
):
    reader = member_client(role, workspace=version.charter.workspace)
    page = version_page(reader, version)
    assert 'name="open_points"' not in page
    assert "open points" not in page

    with django_capture_on_commit_callbacks(execute=True):
        response = reader.post(exports_url(version), {"kind": "charter", "open_points": "on"})
    assert response.status_code == 400
    assert "only editors can ask for it" in response.content.decode()
    assert not PdfExport.objects.filter(version=version).exists()


def test_asking_for_open_points_adds_the_appendix_listing_each_by_section(
    editor, version, django_capture_on_commit_callbacks
):
    points = open_points(version.snapshot)
    assert points, "the factory's charter leaves points open"

    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(exports_url(version), {"kind": "charter", "open_points": "on"})
    assert response.status_code == 302
    export = PdfExport.objects.get()
    assert export.params == {"open_points": True}
    assert export.status == "done", export.error

    text = flat(" ".join(page_texts(pdf_bytes(export))))
    appendix = text[text.rindex("Open points") :]
    for section in points:
        assert flat(section["title"]) in appendix
        for item in section["missing"]:
            assert flat(item) in appendix


def test_without_the_option_the_draft_pdf_has_no_open_points(
    version, django_capture_on_commit_callbacks
):
    export = export_now(django_capture_on_commit_callbacks, version)

    text = flat(" ".join(page_texts(pdf_bytes(export))))
    assert "Open points" not in text
    assert open_points(version.snapshot)[0]["missing"][0] not in text


def test_open_points_are_refused_for_an_approved_version_and_nothing_is_queued(editor, version):
    approve(version, editor.membership)

    response = editor.post(exports_url(version), {"kind": "charter", "open_points": "on"}, **HTMX)

    assert response.status_code == 400
    assert "only be added to a draft" in response.content.decode()
    assert not PdfExport.objects.exists()
    page = editor.get(f"/w/{version.charter.workspace.slug}/versions/{version.pk}/").content
    assert b"Include open points as an appendix" not in page


def test_open_points_are_refused_for_the_board_pack(editor, version):
    response = editor.post(
        exports_url(version), {"kind": "board_pack", "open_points": "on"}, **HTMX
    )

    assert response.status_code == 400
    assert "only be added to the charter PDF" in response.content.decode()
    assert not PdfExport.objects.exists()


@pytest.mark.parametrize(
    ("kind", "status"),
    [("charter", "approved"), ("charter", "superseded"), ("board_pack", "draft")],
)
def test_the_document_never_carries_open_points_outside_a_drafts_charter_pdf(version, kind, status):
    # Whatever a stored request says, the approved and board documents leave them out.
    export = PdfExport(
        version=version, kind=kind, version_status=status, params={"open_points": True}
    )

    assert "Open points" not in build_html(export)
    assert "Open points" in build_html(
        PdfExport(
            version=version,
            kind="charter",
            version_status=version.status,
            params={"open_points": True},
        )
    )
