"""manage.py export_pdf: the worker's document, written to a file, chosen by options."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from pypdf import PdfReader

from charter.documents.exports import SNAPSHOT_ATTACHMENT
from charter.models import PdfExport
from tests.charter.pdf_factories import page_texts, poppler
from tests.charter.version_factories import approve, publish_version
from tests.factories import CharterFactory, MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def own_signing_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    settings.PDF_SIGNING_PKCS12 = ""


@pytest.fixture
def charter_with_versions():
    """Version 1 approved, version 2 a draft, in an older charter than none other."""
    editor = MembershipFactory(role="editor")
    charter = CharterFactory(workspace=editor.workspace, title="Acme Charter")
    approve(publish_version(charter, editor, label="2026-Q3"), editor)
    publish_version(charter, editor, label="2026-Q4")
    return charter, editor


def export(tmp_path, *args) -> tuple[dict, str]:
    output = tmp_path / "out.pdf"
    stdout = io.StringIO()
    call_command("export_pdf", "--output", str(output), *args, stdout=stdout)
    data = output.read_bytes()
    snapshot = json.loads(PdfReader(io.BytesIO(data)).attachments[SNAPSHOT_ATTACHMENT][0])
    return {
        "data": data,
        "snapshot": snapshot,
        "text": " ".join(page_texts(data)),
    }, stdout.getvalue()


def is_signed(data: bytes) -> bool:
    return "Approval" in (PdfReader(io.BytesIO(data)).get_fields() or {})


def test_without_options_it_writes_the_latest_version_of_the_newest_charter(
    tmp_path, charter_with_versions
):
    charter, _editor = charter_with_versions
    result, stdout = export(tmp_path)

    assert result["snapshot"] == charter.versions.get(number=2).snapshot
    assert "DRAFT" in result["text"]
    assert not is_signed(result["data"])
    assert f"charter {charter.pk}, version 2 (draft)" in stdout
    assert PdfExport.objects.count() == 0


def test_approved_writes_the_latest_approved_version_signed(tmp_path, charter_with_versions):
    charter, _editor = charter_with_versions
    result, _stdout = export(tmp_path, "--approved")

    assert result["snapshot"] == charter.versions.get(number=1).snapshot
    assert is_signed(result["data"])
    assert "Digitally signed" in poppler("pdftotext", result["data"], "-f", "1", "-l", "1")


def test_charter_and_version_pick_that_version_of_that_charter(tmp_path, charter_with_versions):
    charter, _editor = charter_with_versions
    editor = MembershipFactory(role="editor")
    publish_version(CharterFactory(workspace=editor.workspace), editor)

    result, _stdout = export(tmp_path, "--charter", str(charter.pk), "--version", "1")

    assert result["snapshot"] == charter.versions.get(number=1).snapshot


def test_kind_board_pack_writes_the_board_pack(tmp_path, charter_with_versions):
    result, _stdout = export(tmp_path, "--kind", "board-pack")

    assert "Board pack" in result["text"]


def test_an_unknown_kind_is_refused_with_the_choices(tmp_path, charter_with_versions):
    with pytest.raises(CommandError, match="charter, board-pack"):
        call_command("export_pdf", "--output", str(tmp_path / "x.pdf"), "--kind", "deck")
    assert not (tmp_path / "x.pdf").exists()


def test_no_charter_at_all_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="There is no charter yet"):
        call_command("export_pdf", "--output", str(tmp_path / "x.pdf"))


def test_an_unknown_charter_id_is_a_clear_error(tmp_path, charter_with_versions):
    with pytest.raises(CommandError, match="There is no charter 999999"):
        call_command("export_pdf", "--output", str(tmp_path / "x.pdf"), "--charter", "999999")


def test_a_charter_without_versions_is_a_clear_error(tmp_path):
    charter = CharterFactory()
    with pytest.raises(CommandError, match=f"Charter {charter.pk} has no version yet"):
        call_command("export_pdf", "--output", str(tmp_path / "x.pdf"))


def test_an_unknown_version_number_is_a_clear_error(tmp_path, charter_with_versions):
    with pytest.raises(CommandError, match="has no version 7"):
        call_command("export_pdf", "--output", str(tmp_path / "x.pdf"), "--version", "7")


def test_approved_without_an_approved_version_is_a_clear_error(tmp_path):
    editor = MembershipFactory(role="editor")
    publish_version(CharterFactory(workspace=editor.workspace), editor)
    with pytest.raises(CommandError, match="has no approved version"):
        call_command("export_pdf", "--output", str(tmp_path / "x.pdf"), "--approved")


def test_an_unwritable_output_is_a_clear_error(tmp_path, charter_with_versions):
    with pytest.raises(CommandError, match="Cannot write"):
        call_command("export_pdf", "--output", str(tmp_path / "missing" / "x.pdf"))
