"""Approved PDFs are signed (PAdES) and every PDF archives itself (PDF/A-3a + snapshot)."""

import asyncio
import datetime
import hashlib
import io
import json
import re
import shutil
import subprocess
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from django.core.exceptions import ImproperlyConfigured
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader

from charter.documents import signing
from charter.documents.exports import SNAPSHOT_ATTACHMENT
from governance.models import VoteDecision
from tests.charter.pdf_factories import export_now, pdf_bytes, poppler
from tests.charter.version_factories import publish_version
from tests.factories import CharterFactory, MembershipFactory
from tests.governance.factories import make_board

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def own_signing_dir(settings, tmp_path):
    """Each test makes its own self-signed key, as a fresh instance would."""
    settings.VAR_DIR = tmp_path
    settings.PDF_SIGNING_PKCS12 = ""


@pytest.fixture
def approved_export(django_capture_on_commit_callbacks):
    board = make_board(seats=3)
    version = board.submit()
    board.vote(version, 0, VoteDecision.APPROVE, "Ready for the field.")
    board.vote(version, 1, VoteDecision.APPROVE)
    assert version.status == "approved"
    return export_now(django_capture_on_commit_callbacks, version)


def changed_inside_signed_range(data: bytes) -> bytes:
    changed = bytearray(data)
    position = changed.find(b"/Producer")
    changed[position + 12] ^= 1
    return bytes(changed)


def pdfsig_output(data: bytes) -> str:
    """pdfsig's report, also when it exits non-zero (no signature at all)."""
    pdfsig = shutil.which("pdfsig")
    if pdfsig is None:
        pytest.skip("pdfsig (poppler-utils) is not installed: run scripts/system-deps.sh")
    with tempfile.NamedTemporaryFile(suffix=".pdf") as pdf:
        pdf.write(data)
        pdf.flush()
        result = subprocess.run([pdfsig, pdf.name], capture_output=True, timeout=60)
    return (result.stdout + result.stderr).decode()


def embedded_snapshot(data: bytes) -> dict:
    attachments = PdfReader(io.BytesIO(data)).attachments
    return json.loads(attachments[SNAPSHOT_ATTACHMENT][0])


def test_an_approved_export_carries_a_valid_pades_signature_that_pdfsig_accepts(
    approved_export,
):
    data = pdf_bytes(approved_export)
    report = poppler("pdfsig", data)

    assert "Signature Validation: Signature is Valid." in report
    assert "Signature Type: ETSI.CAdES.detached" in report
    assert "Signing Hash Algorithm: SHA-256" in report
    assert "Total document signed" in report
    assert signing.SELF_SIGNED_NAME in report


def test_the_recorded_sha256_is_that_of_the_signed_file(approved_export):
    assert hashlib.sha256(pdf_bytes(approved_export)).hexdigest() == approved_export.sha256


def test_pdfsig_finds_a_copy_changed_inside_the_signed_range_invalid(approved_export):
    report = poppler("pdfsig", changed_inside_signed_range(pdf_bytes(approved_export)))

    assert "Signature is Valid" not in report
    assert "Digest Mismatch" in report


def test_the_signature_shows_each_approver_with_seat_time_meaning_and_password_check(
    approved_export,
):
    text = poppler("pdftotext", pdf_bytes(approved_export), "-f", "1", "-l", "1")
    seats = approved_export.version.charter.workspace.memberships.filter(role="board")
    approvers = [seat.user.get_full_name() or seat.user.username for seat in seats[:2]]

    assert "Digitally signed" in text
    for name in approvers:
        assert name in text
    assert "VP 0" in text and "VP 1" in text
    assert text.count("password confirmed") == 2
    assert "approved" in text


def test_every_pdf_is_pdf_a_3a_with_the_snapshot_as_its_source_file(approved_export):
    data = pdf_bytes(approved_export)

    assert 'pdfaid:part="3"' in poppler("pdfinfo", data, "-meta")
    # Signing keeps the file at PDF 1.7, the base of PDF/A-3.
    assert "PDF version:     1.7" in poppler("pdfinfo", data)
    assert 'pdfaid:conformance="A"' in poppler("pdfinfo", data, "-meta")
    assert SNAPSHOT_ATTACHMENT in poppler("pdfdetach", data, "-list")
    assert embedded_snapshot(data) == approved_export.version.snapshot
    catalog = PdfReader(io.BytesIO(data)).trailer["/Root"]
    # WeasyPrint lists the one file spec twice in /AF; each says it is the source.
    assert {spec.get_object()["/AFRelationship"] for spec in catalog["/AF"]} == {"/Source"}


def test_a_draft_export_is_archived_with_its_snapshot_but_not_signed(
    django_capture_on_commit_callbacks,
):
    editor = MembershipFactory(role="editor")
    version = publish_version(CharterFactory(workspace=editor.workspace), editor)
    data = pdf_bytes(export_now(django_capture_on_commit_callbacks, version))

    assert "does not contain any signatures" in pdfsig_output(data)
    assert embedded_snapshot(data) == version.snapshot
    assert 'pdfaid:conformance="A"' in poppler("pdfinfo", data, "-meta")


def test_the_self_signed_key_is_made_once_and_reused(settings):
    first = signing.signing_key()
    path = settings.VAR_DIR / "signing" / signing.SELF_SIGNED_FILE
    stored = path.read_bytes()

    signing._create_self_signed(path)

    assert path.read_bytes() == stored
    assert signing.signing_key().certificate.dump() == first.certificate.dump()
    assert first.self_signed


def make_pkcs12(path, password: bytes, common_name: str) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    path.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"configured", key, certificate, None, serialization.BestAvailableEncryption(password)
        )
    )


def test_a_configured_pkcs12_key_signs_instead_of_the_self_signed_one(settings, tmp_path):
    make_pkcs12(tmp_path / "board.p12", b"s3cret", "Northwind Board Signing")
    settings.PDF_SIGNING_PKCS12 = str(tmp_path / "board.p12")
    settings.PDF_SIGNING_PASSWORD = "s3cret"

    key = signing.signing_key()

    assert signing.common_name(key.certificate) == "Northwind Board Signing"
    assert not key.self_signed
    assert not (tmp_path / "signing" / signing.SELF_SIGNED_FILE).exists()


def test_a_wrong_signing_password_is_a_configuration_error_naming_the_file(settings, tmp_path):
    make_pkcs12(tmp_path / "board.p12", b"s3cret", "Northwind Board Signing")
    settings.PDF_SIGNING_PKCS12 = str(tmp_path / "board.p12")
    settings.PDF_SIGNING_PASSWORD = "wrong"

    with pytest.raises(ImproperlyConfigured, match="board.p12"):
        signing.signing_key()


def verify_upload(client, workspace, data: bytes):
    upload = SimpleUploadedFile("charter.pdf", data, content_type="application/pdf")
    return client.post(f"/w/{workspace.slug}/verify/", {"file": upload})


@pytest.fixture
def board_client(client, approved_export):
    member = approved_export.version.charter.workspace.memberships.filter(role="board").first()
    client.force_login(member.user)
    return client


def test_the_verify_page_says_a_signed_file_is_intact_and_who_signed_it(
    board_client, approved_export
):
    workspace = approved_export.version.charter.workspace
    body = verify_upload(board_client, workspace, pdf_bytes(approved_export)).content.decode()

    assert "Genuine: this file was made here" in body
    assert "Intact" in body
    assert f"Signed by {signing.SELF_SIGNED_NAME}" in body
    assert "Changed after signing" not in body


@pytest.mark.parametrize(
    "change",
    [changed_inside_signed_range, lambda data: data + b"\n% appended after signing\n"],
    ids=["byte-inside-signed-range", "bytes-appended"],
)
def test_the_verify_page_says_a_modified_copy_was_changed_after_signing(
    board_client, approved_export, change
):
    workspace = approved_export.version.charter.workspace
    response = verify_upload(board_client, workspace, change(pdf_bytes(approved_export)))
    body = response.content.decode()

    assert response.status_code == 200
    assert "Changed after signing" in body
    assert "Not found" in body
    assert "Intact" not in body


def test_the_verify_page_says_an_unsigned_pdf_carries_no_signature(board_client, approved_export):
    workspace = approved_export.version.charter.workspace
    body = verify_upload(board_client, workspace, b"%PDF-1.7\ngarbage").content.decode()

    assert "could not be read" in body or "carries no digital signature" in body


def test_a_damaged_signed_pdf_is_reported_unreadable_not_a_server_error(
    board_client, approved_export
):
    workspace = approved_export.version.charter.workspace
    data = pdf_bytes(approved_export)
    response = verify_upload(board_client, workspace, data[: len(data) // 2])

    assert response.status_code == 200
    assert "could not be read" in response.content.decode()


def first_use(barrier: threading.Barrier) -> bytes:
    barrier.wait()
    return signing.signing_key().certificate.dump()


def test_workers_racing_on_first_use_all_sign_with_one_key(settings):
    path = settings.VAR_DIR / "signing" / signing.SELF_SIGNED_FILE
    for _round in range(5):
        path.unlink(missing_ok=True)
        barrier = threading.Barrier(6)
        with ThreadPoolExecutor(max_workers=6) as pool:
            certificates = set(pool.map(first_use, [barrier] * 6))

        assert certificates == {signing.signing_key().certificate.dump()}
        assert [p.name for p in path.parent.iterdir() if p.suffix == ".p12"] == [path.name]


def test_the_stamp_dates_the_signature_in_the_charters_own_style(approved_export):
    charter = approved_export.version.charter
    charter.language = "zh-hans"
    charter.save(update_fields=["language"])
    approved_export.version.refresh_from_db()

    stamp = signing.stamp_text(approved_export)

    last_line = stamp.splitlines()[-1]
    assert "%(signer)s" in last_line
    assert "年" in last_line and "月" in last_line
    assert not re.search(r"\d{4}-\d{2}-\d{2}", stamp)


def test_signing_inside_a_running_event_loop_runs_pyhankos_own_loop_elsewhere():
    # pyHanko's sign_pdf calls asyncio.run; a render in a thread with a running loop (an
    # in-process browser driver, an async server) must still sign.
    async def render_inside_a_loop():
        return signing._outside_any_event_loop(
            lambda: asyncio.run(asyncio.sleep(0, result="signed"))
        )

    assert asyncio.run(render_inside_a_loop()) == "signed"
