"""The export path: request, render exactly once, survive duplicates and redeliveries, fail
readably, retry."""

import hashlib
import threading
from datetime import timedelta

import pytest
from django.core.files.storage import default_storage
from django.db import connection
from django.utils import timezone

from charter.documents import exports, requests
from charter.documents.tasks import render_pdf_export
from charter.models import AuditEvent, PdfExport
from charter.registry import Section, registry
from config.celery import app as celery_app
from tests.charter.pdf_factories import export_now, pdf_bytes
from tests.charter.version_factories import approve, charter_with_editor, publish_version

pytestmark = pytest.mark.django_db


@pytest.fixture
def version():
    charter, membership = charter_with_editor(title="Acme Enablement Charter")
    return publish_version(charter, membership)


@pytest.fixture
def broken_section():
    """A section whose print template is missing: every render of it fails the same way."""
    section = registry.register(
        Section(
            key="test-broken",
            title="Broken",
            order=98,
            snapshot=lambda charter: {"x": 1},
            template="charter/sections/does_not_exist.html",
            appendix=True,
        )
    )
    yield section
    registry.unregister(section.key)


def test_export_renders_the_pdf_and_records_file_hash_pages_and_timings(
    version, django_capture_on_commit_callbacks
):
    export = export_now(django_capture_on_commit_callbacks, version)

    assert export.status == PdfExport.Status.DONE
    data = pdf_bytes(export)
    assert data.startswith(b"%PDF-")
    assert export.sha256 == hashlib.sha256(data).hexdigest()
    assert export.size_bytes == len(data)
    assert export.page_count >= 3  # cover, contents, a page per section
    assert set(export.timings) == {"html", "layout", "write", "store"}
    assert export.attempts == 1
    assert export.render_seconds is not None
    assert default_storage.exists(export.file.name)
    assert AuditEvent.objects.filter(action="export.requested", object_id=str(export.pk)).exists()


def test_the_task_is_queued_only_after_the_transaction_commits(
    version, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        export = requests.request_export(version, "charter", version.author)

    assert len(callbacks) == 1
    export.refresh_from_db()
    assert export.status == PdfExport.Status.QUEUED
    assert export.task_id


def test_asking_again_returns_the_finished_file_without_rendering_again(
    version, django_capture_on_commit_callbacks
):
    first = export_now(django_capture_on_commit_callbacks, version)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        again = requests.request_export(version, "charter", version.author)

    assert callbacks == []
    assert again.pk == first.pk
    again.refresh_from_db()
    assert (again.file.name, again.sha256, again.attempts) == (
        first.file.name,
        first.sha256,
        1,
    )
    assert PdfExport.objects.count() == 1


def test_asking_while_queued_joins_the_queued_export(version, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        first = requests.request_export(version, "charter", version.author)
        second = requests.request_export(version, "charter", version.author)

    assert first.pk == second.pk
    assert len(callbacks) == 1


def test_approval_changes_what_the_pdf_shows_so_a_new_export_is_made(
    django_capture_on_commit_callbacks,
):
    charter, membership = charter_with_editor()
    version = publish_version(charter, membership)
    draft = export_now(django_capture_on_commit_callbacks, version)

    approve(version, membership)
    approved = export_now(django_capture_on_commit_callbacks, version)

    assert approved.pk != draft.pk
    assert (draft.version_status, approved.version_status) == ("draft", "approved")


def test_a_charter_and_a_board_pack_of_one_version_are_separate_exports(
    version, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        charter_pdf = requests.request_export(version, "charter", version.author)
        board_pack = requests.request_export(version, "board_pack", version.author)
        for_meeting = requests.request_export(
            version, "board_pack", version.author, {"meeting_pk": 7}
        )

    assert len({charter_pdf.pk, board_pack.pk, for_meeting.pk}) == 3
    assert for_meeting.params == {"meeting_pk": 7}


def test_a_duplicate_task_message_for_a_finished_export_does_nothing(
    version, django_capture_on_commit_callbacks
):
    export = export_now(django_capture_on_commit_callbacks, version)

    outcome = render_pdf_export.apply(args=[export.pk], task_id=export.task_id).get()

    export.refresh_from_db()
    assert outcome == "skipped"
    assert export.attempts == 1


def test_a_message_replaced_by_a_retry_does_not_render(version, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        export = requests.request_export(version, "charter", version.author)

    assert exports.claim(export.pk, "an-older-message") is None
    assert exports.claim(export.pk, export.task_id) is not None


def test_a_running_export_is_left_to_its_worker_but_taken_over_on_redelivery(
    version, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        export = requests.request_export(version, "charter", version.author)
    assert exports.claim(export.pk, export.task_id).status == PdfExport.Status.RUNNING

    # The same message again while a live worker renders: a duplicate, not a redelivery.
    assert exports.claim(export.pk, export.task_id, redelivered=False) is None
    # The broker hands the message out again because its worker died before acknowledging.
    taken_over = exports.claim(export.pk, export.task_id, redelivered=True)

    assert taken_over.status == PdfExport.Status.RUNNING
    assert taken_over.attempts == 2


def test_a_worker_that_was_taken_over_cannot_overwrite_the_new_result(
    version, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        export = requests.request_export(version, "charter", version.author)
    first = exports.claim(export.pk, export.task_id)
    exports.claim(export.pk, export.task_id, redelivered=True)

    assert exports.complete(first, b"%PDF-1.7 old", 1, {}) is False
    export.refresh_from_db()
    assert export.status == PdfExport.Status.RUNNING
    assert not export.sha256


def test_an_export_without_heartbeat_running_past_the_hard_time_limit_is_stale_and_can_be_retried(
    version, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        export = requests.request_export(version, "charter", version.author)
    exports.claim(export.pk, export.task_id)
    # As claimed before renders wrote heartbeats.
    PdfExport.objects.filter(pk=export.pk).update(
        started_at=timezone.now() - timedelta(seconds=settings.PDF_TASK_TIME_LIMIT + 1),
        heartbeat_at=None,
    )
    export.refresh_from_db()
    assert export.is_stale and export.can_retry

    with django_capture_on_commit_callbacks(execute=True):
        export = requests.request_export(version, "charter", version.author)

    export.refresh_from_db()
    assert export.status == PdfExport.Status.DONE


def test_a_render_error_is_recorded_readably_and_a_retry_renders_again(
    version, broken_section, django_capture_on_commit_callbacks
):
    charter, membership = version.charter, version.charter.workspace.memberships.get()
    broken = publish_version(charter, membership, label="broken")

    export = export_now(django_capture_on_commit_callbacks, broken)

    assert export.status == PdfExport.Status.FAILED
    assert "could not be made" in export.error
    assert "does_not_exist.html" in export.error
    assert not export.file

    registry.unregister(broken_section.key)
    with django_capture_on_commit_callbacks(execute=True):
        requests.retry_export(export, membership.user)
    export.refresh_from_db()
    assert export.status == PdfExport.Status.DONE
    assert export.error == ""
    assert export.attempts == 2


def test_a_temporary_storage_error_is_retried_and_then_succeeds(
    version, monkeypatch, django_capture_on_commit_callbacks
):
    real_save = default_storage.save
    calls = []

    def flaky_save(name, content, **kwargs):
        calls.append(name)
        if len(calls) == 1:
            raise OSError("disk briefly unavailable")
        return real_save(name, content, **kwargs)

    monkeypatch.setattr(default_storage, "save", flaky_save)
    with django_capture_on_commit_callbacks(execute=False):
        export = requests.request_export(version, "charter", version.author)

    # As a worker does: the retry is a new message with the same task id, run after backoff.
    outcome = render_pdf_export.apply(args=[export.pk], task_id=export.task_id, throw=False)

    export.refresh_from_db()
    assert outcome.get() == "done"
    assert export.status == PdfExport.Status.DONE
    assert export.attempts == 2
    assert len(calls) == 2


def test_retrying_a_finished_export_is_refused(version, django_capture_on_commit_callbacks):
    export = export_now(django_capture_on_commit_callbacks, version)

    with pytest.raises(requests.TransitionNotAllowed):
        requests.retry_export(export, version.author)


def test_download_name_says_charter_kind_version_and_label(
    version, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        export = requests.request_export(version, "board_pack", version.author)

    assert exports.filename(export) == "acme-enablement-charter-board-pack-v1-2026-q4-draft.pdf"


def test_the_approved_documents_name_says_approved(version, django_capture_on_commit_callbacks):
    approve(version, version.charter.workspace.memberships.get(user=version.author))
    with django_capture_on_commit_callbacks(execute=False):
        export = requests.request_export(version, "charter", version.author)

    assert exports.filename(export) == "acme-enablement-charter-charter-v1-2026-q4-approved.pdf"


@pytest.fixture
def eager_retries_return():
    """Each eager retry runs the next attempt in place; let them return instead of raising."""
    previous = celery_app.conf.task_eager_propagates
    celery_app.conf.task_eager_propagates = False
    yield
    celery_app.conf.task_eager_propagates = previous


def test_a_lasting_storage_error_fails_readably_after_the_last_retry(
    version, monkeypatch, eager_retries_return, django_capture_on_commit_callbacks
):
    def broken_save(name, content, **kwargs):
        raise OSError("No space left on device")

    monkeypatch.setattr(default_storage, "save", broken_save)
    with django_capture_on_commit_callbacks(execute=False):
        export = requests.request_export(version, "charter", version.author)

    render_pdf_export.apply(args=[export.pk], task_id=export.task_id)

    export.refresh_from_db()
    assert export.status == PdfExport.Status.FAILED
    assert export.error == "Temporary problem while rendering: No space left on device"
    assert export.attempts == render_pdf_export.max_retries + 1
    assert export.can_retry


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_requests_make_one_export_and_one_render():
    charter, membership = charter_with_editor()
    version = publish_version(charter, membership)
    start = threading.Barrier(2)
    results = []

    def ask():
        try:
            start.wait(timeout=10)
            results.append(requests.request_export(version, "charter", membership.user).pk)
        finally:
            connection.close()

    threads = [threading.Thread(target=ask) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert len(results) == 2 and results[0] == results[1]
    export = PdfExport.objects.get()
    assert AuditEvent.objects.filter(action="export.requested").count() == 1
    assert export.status == PdfExport.Status.DONE
    assert export.attempts == 1
