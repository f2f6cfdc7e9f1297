"""The optional "Open points" appendix: on a draft's charter PDF when an editor asks, never
on the approved document or the board pack."""

import pytest

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


def test_the_draft_pdf_offers_the_open_points_option_off_by_default(editor, version):
    page = editor.get(f"/w/{version.charter.workspace.slug}/versions/{version.pk}/").content
    page = page.decode()

    assert "Include open points as an appendix" in page
    assert 'name="open_points"' in page
    assert 'name="open_points" value="on" checked' not in page


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
