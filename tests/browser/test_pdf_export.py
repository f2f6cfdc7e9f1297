"""A board member exports a version's PDF: the status polls in place until the download shows."""

import re

import pytest
from playwright.sync_api import expect

from charter.documents.exports import content_key
from charter.documents.tasks import render_pdf_export
from charter.models import PdfExport
from tests.charter.version_factories import charter_with_editor, publish_version
from tests.factories import MembershipFactory


@pytest.mark.django_db(transaction=True)
def test_export_status_polls_until_the_pdf_is_ready_then_downloads(page, login):
    charter, editor = charter_with_editor(title="Northwind Charter FY27")
    version = publish_version(charter, editor, label="2026-Q4")
    board = MembershipFactory(workspace=charter.workspace, role="board")
    # Someone asked already; its task waits in the queue, and this test plays the worker
    # (the render publishing queued in the background is not this test's subject).
    PdfExport.objects.filter(version=version).delete()
    export = PdfExport.objects.create(
        version=version,
        kind="charter",
        content_key=content_key(version, "charter", {}),
        version_status=version.status,
        task_id="queued-task",
    )
    login(page, board.user.username)

    page.goto(f"/w/{charter.workspace.slug}/versions/{version.pk}/")
    panel = page.get_by_role("region", name="PDF")
    panel.get_by_role("button", name="Export PDF").click()  # joins the queued export
    expect(panel.get_by_role("status").first).to_contain_text("Waiting for a worker")
    assert PdfExport.objects.count() == 1

    render_pdf_export.apply(args=[export.pk], task_id=export.task_id)

    download_link = panel.get_by_role("link", name="Download Charter PDF")
    expect(download_link).to_be_visible(timeout=15_000)  # the next poll, two seconds on
    expect(panel).to_contain_text("marked DRAFT")
    with page.expect_download() as download:
        download_link.click()
    assert re.fullmatch(
        r"northwind-charter-fy27-charter-v1-2026-q4-draft\.pdf", download.value.suggested_filename
    )


@pytest.mark.django_db(transaction=True)
def test_an_editor_adds_the_open_points_copy_beside_the_finished_draft(page, login):
    charter, editor = charter_with_editor(title="Northwind Charter FY27")
    version = publish_version(charter, editor, label="2026-Q4")
    for export in PdfExport.objects.filter(version=version, status=PdfExport.Status.QUEUED):
        render_pdf_export.apply(args=[export.pk], task_id=export.task_id)
    board_draft = PdfExport.objects.get(version=version, status=PdfExport.Status.DONE)
    login(page, editor.user.username)

    page.goto(f"/w/{charter.workspace.slug}/versions/{version.pk}/")
    panel = page.get_by_role("region", name="PDF")
    expect(panel.get_by_role("link", name="Download Charter PDF")).to_be_visible()
    panel.get_by_role("button", name="Editors' copy with open points").click()
    expect(panel.get_by_role("status").nth(1)).to_contain_text("Waiting for a worker")
    editors_copy = PdfExport.objects.exclude(pk=board_draft.pk).get(version=version)
    assert editors_copy.params == {"open_points": True}

    render_pdf_export.apply(args=[editors_copy.pk], task_id=editors_copy.task_id)

    copy_link = panel.get_by_role("link", name="Download the editors' copy (with open points)")
    expect(copy_link).to_be_visible(timeout=15_000)
    expect(panel.get_by_role("link", name="Download Charter PDF")).to_be_visible()
    with page.expect_download() as download:
        copy_link.click()
    assert download.value.suggested_filename.endswith("-draft-with-open-points.pdf")
