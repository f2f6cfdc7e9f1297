"""A charter restored from its PDF: the embedded snapshot goes through the JSON import."""

import json

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from weasyprint import Attachment

from charter import portable
from charter.documents.exports import SNAPSHOT_ATTACHMENT
from charter.documents.rendering import render
from charter.models import Charter
from charter.versions.publishing import PORTABLE_KEY, canonical_json, snapshot_hash
from tests.charter.data_factories import chinese_charter
from tests.charter.pdf_factories import export_now, pdf_bytes
from tests.charter.version_factories import approve, publish_version

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(member_client):
    return member_client("editor")


@pytest.fixture
def version(editor):
    charter = chinese_charter(editor.membership.workspace, editor.membership.user)
    return publish_version(charter, editor.membership, label="2026-Q4")


def restore(client, content: bytes, name="charter.pdf"):
    file = SimpleUploadedFile(name, content, content_type="application/pdf")
    return client.post(f"/w/{client.membership.workspace.slug}/charters/import/pdf/", {"pdf": file})


def said(response) -> str:
    return " ".join(str(message) for message in get_messages(response.wsgi_request))


def pdf_with_snapshot(content: str, description: str = "") -> bytes:
    """A small PDF that embeds ``content`` under the snapshot's name, as an export would."""
    attachment = Attachment(string=content, name=SNAPSHOT_ATTACHMENT, description=description)
    return render("<p>Charter</p>", [attachment]).data


def test_an_approved_signed_pdf_is_restored_as_a_new_charter_and_says_what_it_found(
    editor, version, django_capture_on_commit_callbacks
):
    approve(version, editor.membership)
    export = export_now(django_capture_on_commit_callbacks, version)
    assert export.status == "done", export.error

    response = restore(editor, pdf_bytes(export))

    assert response.status_code == 302
    restored = Charter.objects.exclude(pk=version.charter_id).get()
    assert response["Location"].endswith(f"/charters/{restored.pk}/")
    assert restored.title == version.charter.title
    assert restored.versions.count() == 0
    # Everything the JSON document holds came back, as the JSON import makes it.
    assert portable.export_charter(restored)["parts"] == version.snapshot[PORTABLE_KEY]["parts"]
    message = said(response)
    assert f"Approved version {version.number} of “{version.charter.title}”" in message
    assert "the signature is valid" in message


def test_a_draft_pdf_is_restored_and_named_as_unsigned(
    editor, version, django_capture_on_commit_callbacks
):
    export = export_now(django_capture_on_commit_callbacks, version)

    response = restore(editor, pdf_bytes(export))

    assert response.status_code == 302
    assert Charter.objects.count() == 2
    message = said(response)
    assert "In review" in message or "Draft" in message
    assert "It is not signed" in message


def refused(editor, content: bytes, expected: str, name="charter.pdf"):
    response = restore(editor, content, name)
    assert response.status_code == 400
    body = response.content.decode()
    assert expected in body, body
    assert Charter.objects.count() == 1
    # The page keeps both ways in: the JSON form and the PDF form.
    assert 'name="file"' in body and 'name="pdf"' in body


def test_a_file_that_is_not_a_pdf_is_refused(editor, version):
    refused(editor, json.dumps(version.snapshot).encode(), "This file is not a PDF.", "x.json")


def test_a_pdf_without_a_snapshot_is_refused(editor, version):
    refused(editor, render("<p>Minutes</p>").data, "holds no charter snapshot")


def test_a_snapshot_that_is_not_json_is_refused(editor, version):
    refused(editor, pdf_with_snapshot('{"charter": '), "is damaged: it is not valid JSON")


def test_a_snapshot_changed_after_export_is_refused(editor, version):
    changed = dict(version.snapshot, charter={**version.snapshot["charter"], "title": "Forged"})
    content = pdf_with_snapshot(
        canonical_json(changed), f"Snapshot of version 1, SHA-256 {version.snapshot_sha256}"
    )

    refused(editor, content, "does not match the fingerprint")


def test_a_snapshot_from_before_pdfs_carried_the_charter_is_refused(editor, version):
    older = {key: value for key, value in version.snapshot.items() if key != PORTABLE_KEY}
    content = pdf_with_snapshot(
        canonical_json(older), f"Snapshot of version 1, SHA-256 {snapshot_hash(older)}"
    )

    refused(editor, content, "Import the charter&#x27;s JSON file instead")


def test_a_charter_the_json_import_refuses_is_listed_and_nothing_is_created(editor, version):
    broken = json.loads(canonical_json(version.snapshot))
    broken[PORTABLE_KEY]["charter"]["period_end"] = "not a date"
    content = pdf_with_snapshot(canonical_json(broken))

    refused(editor, content, "$.charter.period_end")


def test_a_file_over_the_upload_limit_is_refused(editor, version, settings):
    settings.UPLOAD_MAX_BYTES = 1000

    refused(editor, b"%PDF-1.7\n" + b"0" * 2000, "This file is larger than")


def test_a_viewer_cannot_restore_a_charter(member_client, version):
    viewer = member_client("viewer")

    assert restore(viewer, b"%PDF-1.7").status_code == 403
