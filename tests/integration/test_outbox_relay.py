"""Nothing queued is lost: what the web could not hand to a dead broker reaches a real
worker once the broker is back, and a render whose worker died is noticed by its heartbeat
and finished by another worker long before the broker's visibility timeout."""

import signal
from pathlib import Path

import pytest

from charter.documents.requests import request_export
from charter.models import Invitation, OutboxMessage, PdfExport
from tests.charter.version_factories import charter_with_editor, publish_version
from tests.factories import MembershipFactory
from tests.integration.workers import wait_for

pytestmark = [pytest.mark.redis, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

HTMX = {"HTTP_HX_REQUEST": "true"}
FAST_CHORES = {"OUTBOX_RELAY_SECONDS": "1", "PDF_HEARTBEAT_SECONDS": "1"}


def export_in(status: str, pk: int):
    return PdfExport.objects.filter(pk=pk, status=status).first()


def test_work_queued_while_the_broker_was_down_is_done_by_a_worker_once_it_is_back(
    workers, client, broker_down
):
    charter, editor = charter_with_editor(title="Outage charter")
    version = publish_version(charter, editor)
    owner = MembershipFactory(workspace=charter.workspace, role="owner")
    client.force_login(owner.user)
    workspace = f"/w/{charter.workspace.slug}"

    assert client.get("/readyz").status_code == 503
    exported = client.post(f"{workspace}/versions/{version.pk}/exports/", {"kind": "charter"})
    invited = client.post(f"{workspace}/members/", {"email": "late@x.example", "role": "board"})
    assert (exported.status_code, invited.status_code) == (302, 302)
    export = PdfExport.objects.get()
    assert Invitation.objects.filter(email="late@x.example").exists()
    assert OutboxMessage.objects.filter(sent_at__isnull=True).count() == 2

    broker_down.restore(eager=False)
    assert client.get("/readyz").status_code == 200
    workers.start("relay", **FAST_CHORES)

    done = wait_for(lambda: export_in("done", export.pk), "the relayed render to finish")
    with done.file.open("rb") as handle:
        assert handle.read(5) == b"%PDF-"
    wait_for(lambda: "To: late@x.example" in workers.log("relay"), "the invitation email")
    assert not OutboxMessage.objects.filter(sent_at__isnull=True).exists()
    assert workers.log("relay").count("To: late@x.example") == 1


def test_a_dead_render_is_noticed_by_its_heartbeat_and_finished_by_another_worker(
    workers, client, settings
):
    settings.PDF_HEARTBEAT_SECONDS = 1
    charter, editor = charter_with_editor(title="Heartbeat charter")
    version = publish_version(charter, editor)
    client.force_login(editor.user)
    status_url = f"/w/{charter.workspace.slug}/exports/"
    # The broker would hand the dead worker's message out again only after ten minutes.
    slow = workers.start("slow", stall_seconds=60, CELERY_VISIBILITY_TIMEOUT="600", **FAST_CHORES)

    export = request_export(version, "charter", editor.user)
    running = wait_for(lambda: export_in("running", export.pk), "the first worker to start")
    wait_for(
        lambda: PdfExport.objects.get(pk=export.pk).heartbeat_at > running.heartbeat_at,
        "the render's heartbeat",
    )
    alive = client.get(f"{status_url}{export.pk}/", **HTMX).content.decode()
    assert "Rendering the PDF" in alive

    workers.kill(slow)
    assert slow.returncode == -signal.SIGKILL
    wait_for(lambda: PdfExport.objects.get(pk=export.pk).is_stale, "the heartbeat to stop")
    stopped = client.get(f"{status_url}{export.pk}/", **HTMX).content.decode()
    assert "The worker rendering this PDF stopped; it will be tried again." in stopped

    workers.start("fresh", CELERY_VISIBILITY_TIMEOUT="600", **FAST_CHORES)
    done = wait_for(lambda: export_in("done", export.pk), "another worker to finish it")

    assert done.attempts == 2 and done.task_id != running.task_id
    files = list((Path(settings.MEDIA_ROOT) / "exports").rglob("*.pdf"))
    assert [path.name for path in files] == [Path(done.file.name).name]
