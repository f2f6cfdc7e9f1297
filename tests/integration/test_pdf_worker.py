"""A real Celery worker on Redis renders an export; killed mid-render, another finishes it.

The first worker is started through ``tests/integration/slow_worker.py``, which stalls its
renders, so that it sits inside the render (the export already RUNNING) long enough to be killed with SIGKILL. The broker keeps
the unacknowledged message; after the visibility timeout a freshly started worker gets it
back as a redelivery, takes the RUNNING export over and finishes it, exactly once.
"""

import io
import signal
import time
from pathlib import Path

import pikepdf
import pytest
from django.conf import settings

from charter.documents import halves
from charter.documents.requests import request_export
from charter.models import PdfExport
from config.celery import app as celery_app
from tests.charter.section_factories import MetricFactory
from tests.charter.version_factories import charter_with_editor, publish_version
from tests.integration.workers import VISIBILITY_TIMEOUT, wait_for

pytestmark = [pytest.mark.redis, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def export_in(status: str, pk: int):
    return PdfExport.objects.filter(pk=pk, status=status).first()


def test_an_export_killed_mid_render_is_finished_once_by_a_restarted_worker(workers):
    charter, membership = charter_with_editor(title="Worker-loss charter")
    version = publish_version(charter, membership)
    slow = workers.start("slow", stall_seconds=60)

    # Queued after the commit; the slow worker takes it, marks it running, then sleeps.
    export = request_export(version, "charter", membership.user)
    running = wait_for(lambda: export_in("running", export.pk), "the first worker to start")
    assert running.attempts == 1

    workers.kill(slow)
    assert slow.returncode == -signal.SIGKILL
    export.refresh_from_db()
    assert export.status == PdfExport.Status.RUNNING  # nobody finished it; nobody acked it

    # Past the visibility timeout the broker hands the unacknowledged message out again.
    time.sleep(VISIBILITY_TIMEOUT + 1)
    workers.start("fresh")
    done = wait_for(lambda: export_in("done", export.pk), "the restarted worker to finish")

    assert done.attempts == 2  # the second worker took the running export over
    with done.file.open("rb") as handle:
        data = handle.read()
    assert data.startswith(b"%PDF-")
    files = list((Path(settings.MEDIA_ROOT) / "exports").rglob("*.pdf"))
    assert [path.name for path in files] == [Path(done.file.name).name]

    # A duplicate of the message now changes nothing: the finished export is never redone.
    celery_app.send_task(
        "charter.documents.tasks.render_pdf_export", args=[export.pk], task_id=done.task_id
    )
    wait_for(lambda: "skipped" in workers.log("fresh"), "the duplicate to be skipped", timeout=30)
    export.refresh_from_db()
    assert (export.attempts, export.finished_at, export.sha256) == (
        2,
        done.finished_at,
        done.sha256,
    )


def test_a_prefork_worker_renders_a_long_charter_in_its_forked_processes(workers):
    # As docker compose runs the documents worker: a prefork pool, whose child forks the
    # render, which forks the second half of a long document.
    charter, membership = charter_with_editor(title="Prefork charter")
    for number in range(40):
        MetricFactory(charter=charter, name=f"Win rate {number}", baseline=20, target=30)
    version = publish_version(charter, membership)
    workers.start("prefork", pool="prefork", PDF_RENDER_PROCESSES="2")

    export = request_export(version, "charter", membership.user)
    done = wait_for(lambda: export_in("done", export.pk), "the prefork worker to finish")

    with done.file.open("rb") as handle:
        pdf = pikepdf.open(io.BytesIO(handle.read()))
    assert done.page_count >= halves.MIN_PAGES
    assert len(pdf.pages) == done.page_count
    assert "/StructTreeRoot" in pdf.Root
    assert "Traceback" not in workers.log("prefork")
