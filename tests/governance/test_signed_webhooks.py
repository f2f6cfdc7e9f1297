"""Webhooks to a service of the workspace's own: signed JSON, checked by the documented
receiver (docs/examples/webhook_receiver.py) running on loopback, retried, with a secret the
owner can replace."""

import importlib.util
import json
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from charter.models import Role
from governance.models import DeliveryStatus, WebhookDelivery, WebhookEndpoint
from governance.notifications.webhooks import SIGNATURE_HEADER, signature
from tests.charter.pdf_factories import export_now
from tests.factories import MembershipFactory
from tests.governance.factories import make_board

pytestmark = pytest.mark.django_db

RECEIVER_PATH = Path(__file__).resolve().parents[2] / "docs" / "examples" / "webhook_receiver.py"


def documented_receiver():
    spec = importlib.util.spec_from_file_location("webhook_receiver", RECEIVER_PATH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class OwnService:
    """The documented receiver on a free loopback port; ``events`` are those it accepted,
    ``answers`` what it answered to each post (401 for a bad signature)."""

    def __init__(self, secret: str):
        self.module = documented_receiver()
        self.events: list[dict] = []
        self.server = self.module.make_server(secret, 0, self.events.append)
        self.url = f"http://127.0.0.1:{self.server.server_port}/charterboard"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def signed_endpoint(settings):
    settings.WEBHOOK_ALLOW_HTTP_LOOPBACK = True
    made = []

    def make(workspace, events):
        endpoint = WebhookEndpoint.objects.create(
            workspace=workspace, name="ERP", kind="signed", url="http://127.0.0.1:9/", events=events
        )
        service = OwnService(endpoint.signing_secret)
        endpoint.url = service.url
        endpoint.save(update_fields=["url"])
        made.append(service)
        return endpoint, service

    yield make
    for service in made:
        service.close()


def test_a_submitted_version_reaches_the_own_service_signed_with_its_ids(
    signed_endpoint, django_capture_on_commit_callbacks
):
    board = make_board(seats=3)
    endpoint, service = signed_endpoint(board.workspace, ["version.submitted"])

    with django_capture_on_commit_callbacks(execute=True):
        version = board.submit()

    [event] = service.events
    assert event["event"] == "version.submitted"
    assert event["workspace"] == board.workspace.slug
    assert event["data"]["version_id"] == version.pk
    assert event["data"]["number"] == version.number
    assert f"version {version.number} submitted to the board" in event["title"]
    assert WebhookDelivery.objects.get().status == DeliveryStatus.DELIVERED


def test_the_receiver_refuses_a_forged_or_stale_signature():
    module = documented_receiver()
    body = b'{"id": "1"}'
    now = int(time.time())

    assert module.verify("secret", body, signature("secret", body, now))
    assert not module.verify("other secret", body, signature("secret", body, now))
    assert not module.verify("secret", body + b" ", signature("secret", body, now))
    assert not module.verify("secret", body, signature("secret", body, now - 301))
    assert not module.verify("secret", body, "v1=deadbeef")


def test_a_post_signed_with_an_old_secret_is_refused_by_the_service(
    signed_endpoint, member_client, django_capture_on_commit_callbacks
):
    client = member_client("owner")
    workspace = client.membership.workspace
    endpoint, service = signed_endpoint(workspace, ["version.published"])
    old_secret = endpoint.signing_secret

    response = client.post(
        f"/w/{workspace.slug}/governance/notifications/webhooks/{endpoint.pk}/secret/"
    )

    assert response.status_code == 302
    endpoint.refresh_from_db()
    assert endpoint.signing_secret not in ("", old_secret)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/w/{workspace.slug}/governance/notifications/webhooks/{endpoint.pk}/test/")
    delivery = WebhookDelivery.objects.get()
    # The service still holds the old secret, so it answers 401 and the log says so.
    assert (delivery.status, delivery.response_code) == (DeliveryStatus.FAILED, 401)
    assert service.events == []


def test_a_retry_keeps_the_event_id_and_signs_afresh(
    signed_endpoint, django_capture_on_commit_callbacks
):
    board = make_board(seats=1)
    endpoint, service = signed_endpoint(board.workspace, ["version.submitted"])
    seen = []
    real_handler = service.server.RequestHandlerClass

    class FailsOnce(real_handler):
        def do_POST(self):
            seen.append(self.headers[SIGNATURE_HEADER])
            if len(seen) == 1:
                self.rfile.read(int(self.headers["Content-Length"]))
                self.send_response(503)
                self.end_headers()
                return
            super().do_POST()

    service.server.RequestHandlerClass = FailsOnce

    with django_capture_on_commit_callbacks(execute=True):
        board.submit()

    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.DELIVERED, 2)
    assert len(seen) == 2
    assert [event["id"] for event in service.events] == [delivery.payload["id"]]


def test_a_rendered_pdf_announces_itself_with_its_download_and_hash(
    signed_endpoint, django_capture_on_commit_callbacks
):
    board = make_board(seats=1)
    endpoint, service = signed_endpoint(board.workspace, ["export.ready"])
    version = board.publish()

    export = export_now(django_capture_on_commit_callbacks, version)

    assert export.status == "done"
    [event] = [event for event in service.events if event["data"].get("sha256") == export.sha256]
    assert event["event"] == "export.ready"
    assert event["data"]["kind"] == "charter"
    assert event["data"]["approved"] is False
    assert event["data"]["filename"].endswith("-draft.pdf")
    assert event["data"]["download"].endswith(f"/exports/{export.pk}/download/")
    assert event["data"]["pages"] == export.page_count


def test_the_settings_page_shows_the_secret_only_to_owners(signed_endpoint, member_client):
    client = member_client("owner")
    workspace = client.membership.workspace
    endpoint, _ = signed_endpoint(workspace, ["review.decided"])

    owner_page = client.get(f"/w/{workspace.slug}/governance/notifications/").content.decode()
    editor = MembershipFactory(workspace=workspace, role=Role.EDITOR)
    client.force_login(editor.user)
    editor_page = client.get(f"/w/{workspace.slug}/governance/notifications/").content.decode()

    assert endpoint.signing_secret in owner_page
    assert endpoint.signing_secret not in editor_page


def test_a_new_secret_is_refused_for_slack_another_role_and_another_workspace(
    member_client, settings
):
    client = member_client("owner")
    workspace = client.membership.workspace
    slack = WebhookEndpoint.objects.create(
        workspace=workspace,
        name="#board",
        kind="slack",
        url="https://hooks.example.com/x",
        events=["review.decided"],
    )
    elsewhere = make_board(seats=1).workspace
    foreign = WebhookEndpoint.objects.create(
        workspace=elsewhere,
        name="ERP",
        kind="signed",
        url="https://erp.example.com/hook",
        events=["review.decided"],
    )
    secret = foreign.signing_secret

    slack_answer = client.post(
        f"/w/{workspace.slug}/governance/notifications/webhooks/{slack.pk}/secret/"
    )
    foreign_answer = client.post(
        f"/w/{workspace.slug}/governance/notifications/webhooks/{foreign.pk}/secret/"
    )
    editor = MembershipFactory(workspace=workspace, role=Role.EDITOR)
    client.force_login(editor.user)
    own = WebhookEndpoint.objects.create(
        workspace=workspace,
        name="ERP",
        kind="signed",
        url="https://erp.example.com/hook",
        events=["review.decided"],
    )
    editor_answer = client.post(
        f"/w/{workspace.slug}/governance/notifications/webhooks/{own.pk}/secret/"
    )

    assert slack_answer.status_code == 409
    assert "Only a webhook of your own service is signed." in slack_answer.content.decode()
    assert foreign_answer.status_code == 404
    assert editor_answer.status_code == 403
    foreign.refresh_from_db()
    assert foreign.signing_secret == secret
    slack.refresh_from_db()
    assert slack.signing_secret == ""


def test_a_non_ascii_event_travels_as_utf8_and_verifies(
    signed_endpoint, django_capture_on_commit_callbacks
):
    board = make_board(seats=1)
    board.charter.title = "华锐科技销售促成章程"
    board.charter.save(update_fields=["title"])
    endpoint, service = signed_endpoint(board.workspace, ["version.submitted"])

    with django_capture_on_commit_callbacks(execute=True):
        board.submit()

    [event] = service.events
    assert "华锐科技销售促成章程" in event["title"]


def test_the_receiver_answers_a_forged_post_with_401():
    module = documented_receiver()
    events = []
    server = module.make_server("secret", 0, events.append)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        request = urllib.request.Request(
            f"http://127.0.0.1:{server.server_port}/",
            data=json.dumps({"id": "x"}).encode(),
            headers={SIGNATURE_HEADER: f"t={int(time.time())},v1=00"},
            method="POST",
        )
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=5)  # noqa: S310
    finally:
        server.shutdown()
        server.server_close()

    assert refused.value.code == 401
    assert events == []


def test_the_owner_adds_an_own_service_and_gets_a_secret_to_copy(member_client):
    client = member_client("owner")
    workspace = client.membership.workspace

    response = client.post(
        f"/w/{workspace.slug}/governance/notifications/webhooks/",
        {
            "name": "ERP",
            "kind": "signed",
            "url": "https://erp.example.com/hook",
            "events": ["export.ready", "review.decided"],
        },
        follow=True,
    )

    endpoint = WebhookEndpoint.objects.get(workspace=workspace)
    assert len(endpoint.signing_secret) >= 40
    page = response.content.decode()
    assert "Copy its signing secret into your service" in page
    assert endpoint.signing_secret in page
    assert "A PDF is ready to download" in page
