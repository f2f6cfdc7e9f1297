"""The verify page: is this PDF (or hash) ours, and is its version approved?"""

import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from charter.documents.limits import VERIFY_CHECKS_PER_USER
from tests.charter.pdf_factories import export_now, pdf_bytes
from tests.charter.version_factories import approve, publish_version
from tests.factories import CharterFactory, MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def board(member_client):
    return member_client("board")


@pytest.fixture
def exported(board, django_capture_on_commit_callbacks):
    charter = CharterFactory(workspace=board.membership.workspace, title="Acme Charter")
    editor = MembershipFactory(workspace=charter.workspace, role="editor")
    version = publish_version(charter, editor)
    return export_now(django_capture_on_commit_callbacks, version)


def verify(client, workspace, **data):
    return client.post(f"/w/{workspace.slug}/verify/", data)


def upload(data: bytes, name="charter.pdf"):
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def test_an_uploaded_export_is_recognised_with_its_version_and_approval(board, exported):
    response = verify(board, board.membership.workspace, file=upload(pdf_bytes(exported)))

    body = response.content.decode()
    assert response.status_code == 200
    assert "Genuine: this file was made here" in body
    assert "Acme Charter" in body
    assert "Version 1 · 2026-Q4" in body
    assert "Not approved" in body


def test_once_the_version_is_approved_the_same_file_says_so_and_that_it_was_a_draft(
    board, exported
):
    version = exported.version
    approve(version, version.charter.workspace.memberships.get(role="editor"))

    body = verify(board, board.membership.workspace, digest=exported.sha256).content.decode()

    assert "Approved" in body
    assert "When this file was made the version was: Draft." in body


def test_the_short_snapshot_hash_from_the_footer_finds_the_version(board, exported):
    short = exported.version.short_hash

    body = verify(board, board.membership.workspace, digest=short.upper()).content.decode()

    assert "This is the fingerprint of a published version" in body
    assert "Version 1 · 2026-Q4" in body


def test_a_changed_pdf_is_not_recognised(board, exported):
    altered = pdf_bytes(exported) + b"\n% one more line\n"

    response = verify(board, board.membership.workspace, file=upload(altered))

    assert response.status_code == 200
    assert "Not found" in response.content.decode()


def test_another_workspaces_export_is_not_revealed(member_client, exported):
    outsider = member_client("owner")

    body = verify(outsider, outsider.membership.workspace, digest=exported.sha256).content.decode()

    assert "Not found" in body
    assert "Acme Charter" not in body


def test_the_verify_page_of_another_workspace_is_not_found(member_client, exported):
    outsider = member_client("owner")
    workspace = exported.version.charter.workspace

    assert outsider.get(f"/w/{workspace.slug}/verify/").status_code == 404


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"file": lambda: upload(os.urandom(2048), "random.pdf")}, "This file is not a PDF."),
        ({"digest": "not-a-hash"}, "A hash is 12 to 64 characters"),
        ({"digest": "abc123"}, "A hash is 12 to 64 characters"),
        ({}, "Choose a PDF file or paste a hash."),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(board, data, message):
    data = {key: value() if callable(value) else value for key, value in data.items()}

    response = verify(board, board.membership.workspace, **data)

    assert response.status_code == 400
    assert message in response.content.decode()


def test_a_file_over_the_upload_limit_is_refused(board, settings):
    settings.UPLOAD_MAX_BYTES = 1024

    response = verify(board, board.membership.workspace, file=upload(b"%PDF-1.7" + b"0" * 2048))

    assert response.status_code == 400
    assert "larger than 1.0" in response.content.decode()


def test_htmx_gets_the_form_and_result_block_only(board, exported):
    response = board.post(
        f"/w/{board.membership.workspace.slug}/verify/",
        {"digest": exported.sha256},
        HTTP_HX_REQUEST="true",
    )

    body = response.content.decode()
    assert body.lstrip().startswith('<div id="verify"')
    assert "Genuine" in body


def test_checks_past_the_per_user_ceiling_are_a_429_with_a_readable_page(board, exported):
    workspace = board.membership.workspace
    for _ in range(VERIFY_CHECKS_PER_USER.limit):
        assert verify(board, workspace, digest=exported.sha256).status_code == 200

    refused = verify(board, workspace, digest=exported.sha256)

    assert refused.status_code == 429
    assert "You checked many documents in a short time" in refused.content.decode()
    assert "Try again in about" in refused.content.decode()
    assert board.get(f"/w/{workspace.slug}/verify/").status_code == 200


def test_the_verify_ceiling_is_per_user(board, exported, client):
    workspace = board.membership.workspace
    for _ in range(VERIFY_CHECKS_PER_USER.limit + 1):
        verify(board, workspace, digest=exported.sha256)
    other = MembershipFactory(workspace=workspace, role="viewer")
    client.force_login(other.user)

    assert verify(client, workspace, digest=exported.sha256).status_code == 200
