"""Slack and Teams webhooks: posts received by a local server, retries, the log, replay, access."""

import pytest
from django.core.exceptions import ValidationError

from charter.models import Role
from governance.models import (
    DeliveryStatus,
    WebhookDelivery,
    WebhookEndpoint,
    validate_webhook_url,
)
from governance.notifications.webhooks import MAX_ATTEMPTS
from tests.factories import MembershipFactory
from tests.governance.factories import make_board

pytestmark = pytest.mark.django_db


def endpoint(workspace, url, kind="slack", events=("version.submitted", "review.decided")):
    return WebhookEndpoint.objects.create(
        workspace=workspace, name="#board", kind=kind, url=url, events=list(events)
    )


def settings_url(workspace, path=""):
    return f"/w/{workspace.slug}/governance/notifications/{path}"


def test_submitting_a_version_posts_slack_text_to_the_webhook(
    receiver, django_capture_on_commit_callbacks
):
    board = make_board(seats=3)
    endpoint(board.workspace, receiver.url)

    with django_capture_on_commit_callbacks(execute=True):
        version = board.submit()

    assert len(receiver.posts) == 1
    text = receiver.posts[0]["text"]
    assert f"version {version.number} submitted to the board" in text
    assert board.charter.title in text
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.response_code, delivery.attempts) == ("delivered", 200, 1)


def test_teams_gets_a_message_card_when_the_board_decides(
    receiver, django_capture_on_commit_callbacks
):
    board = make_board(seats=1)
    endpoint(board.workspace, receiver.url, kind="teams", events=["review.decided"])
    version = board.submit()

    with django_capture_on_commit_callbacks(execute=True):
        board.vote(version, 0, "approve")

    assert len(receiver.posts) == 1
    card = receiver.posts[0]
    assert card["@type"] == "MessageCard"
    assert "Approved" in card["text"]


def test_an_endpoint_hears_only_the_events_it_chose(receiver, django_capture_on_commit_callbacks):
    board = make_board(seats=1)
    endpoint(board.workspace, receiver.url, events=["meeting.scheduled"])

    with django_capture_on_commit_callbacks(execute=True):
        board.submit()

    assert receiver.posts == []


def failing_submission(receiver, captured):
    """A board whose webhook answered 500 to every attempt, its owner, and the failed row."""
    board = make_board(seats=1)
    owner = MembershipFactory(workspace=board.workspace, role=Role.OWNER)
    endpoint(board.workspace, receiver.url)
    receiver.status = 500
    with captured(execute=True):
        board.submit()
    return board, owner, WebhookDelivery.objects.get()


def test_a_failing_webhook_is_retried_then_logged_failed_and_replay_delivers(
    receiver, client, django_capture_on_commit_callbacks
):
    board, owner, failed = failing_submission(receiver, django_capture_on_commit_callbacks)
    assert len(receiver.posts) == MAX_ATTEMPTS
    assert (failed.status, failed.attempts, failed.response_code) == ("failed", MAX_ATTEMPTS, 500)
    assert failed.response_excerpt == "server on fire"

    receiver.status = 200
    client.force_login(owner.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(settings_url(board.workspace, f"deliveries/{failed.pk}/replay/"))

    assert response.status_code == 302
    replayed = WebhookDelivery.objects.exclude(pk=failed.pk).get()
    assert replayed.status == DeliveryStatus.DELIVERED
    assert receiver.posts[-1] == failed.payload
    page = client.get(settings_url(board.workspace)).content.decode()
    assert "Failed" in page and "Delivered" in page and "HTTP 500" in page


def test_a_redirecting_webhook_is_not_followed(receiver, django_capture_on_commit_callbacks):
    board = make_board(seats=1)
    hook = endpoint(board.workspace, receiver.url)
    receiver.status = 302

    with django_capture_on_commit_callbacks(execute=True):
        board.submit()

    delivery = hook.deliveries.get()
    assert delivery.status == "failed"
    assert delivery.response_code == 302


def test_the_owner_adds_and_tests_a_webhook(
    receiver, member_client, django_capture_on_commit_callbacks
):
    client = member_client("owner")
    workspace = client.membership.workspace

    response = client.post(
        settings_url(workspace, "webhooks/"),
        {"name": "#board", "kind": "slack", "url": receiver.url, "events": ["review.decided"]},
    )
    assert response.status_code == 302
    hook = WebhookEndpoint.objects.get(workspace=workspace)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(settings_url(workspace, f"webhooks/{hook.pk}/test/"))

    assert "Charterboard test message" in receiver.posts[0]["text"]


@pytest.mark.parametrize(
    ("url", "events", "message"),
    [
        (
            "http://hooks.example.com/x",
            ["review.decided"],
            "Enter the webhook&#x27;s https:// address.",
        ),
        ("not a url", ["review.decided"], "Enter a valid URL."),
        (
            "https://hooks.example.com/x",
            ["coffee.brewed"],
            "coffee.brewed is not an event you can choose.",
        ),
        ("https://hooks.example.com/x", [], "Choose at least one event."),
    ],
)
def test_a_bad_webhook_is_refused_with_a_message(member_client, url, events, message):
    client = member_client("owner")
    workspace = client.membership.workspace

    response = client.post(
        settings_url(workspace, "webhooks/"),
        {"name": "#board", "kind": "slack", "url": url, "events": events},
    )

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not WebhookEndpoint.objects.exists()


def test_plain_http_to_loopback_is_refused_outside_debugging(member_client, settings):
    settings.WEBHOOK_ALLOW_HTTP_LOOPBACK = False
    client = member_client("owner")

    response = client.post(
        settings_url(client.membership.workspace, "webhooks/"),
        {"name": "x", "kind": "slack", "url": "http://127.0.0.1:9/x", "events": ["review.decided"]},
    )

    assert response.status_code == 400


def test_an_editor_can_not_manage_webhooks(member_client):
    client = member_client("editor")
    workspace = client.membership.workspace
    hook = endpoint(workspace, "https://hooks.example.com/x")

    assert client.post(settings_url(workspace, f"webhooks/{hook.pk}/toggle/")).status_code == 403
    assert "Add a webhook" not in client.get(settings_url(workspace)).content.decode()
    hook.refresh_from_db()
    assert hook.active


def test_another_workspaces_webhook_and_delivery_are_not_found(member_client):
    client = member_client("owner")
    other = MembershipFactory(role=Role.OWNER).workspace
    hook = endpoint(other, "https://hooks.example.com/x")
    delivery = WebhookDelivery.objects.create(
        endpoint=hook, event="review.decided", payload={}, status="failed"
    )
    workspace = client.membership.workspace

    assert client.post(settings_url(workspace, f"webhooks/{hook.pk}/toggle/")).status_code == 404
    assert client.post(settings_url(workspace, f"webhooks/{hook.pk}/test/")).status_code == 404
    assert (
        client.post(settings_url(workspace, f"deliveries/{delivery.pk}/replay/")).status_code == 404
    )


def test_the_owner_disables_a_webhook_and_it_hears_nothing(
    receiver, member_client, django_capture_on_commit_callbacks
):
    client = member_client("owner")
    workspace = client.membership.workspace
    hook = endpoint(workspace, receiver.url)

    client.post(settings_url(workspace, f"webhooks/{hook.pk}/toggle/"))

    hook.refresh_from_db()
    assert not hook.active


def test_the_core_announces_a_published_version_to_the_webhooks(
    receiver, django_capture_on_commit_callbacks
):
    board = make_board(seats=1)
    endpoint(board.workspace, receiver.url, events=["version.published"])

    with django_capture_on_commit_callbacks(execute=True):
        version = board.publish()

    assert f"version {version.number} published" in receiver.posts[0]["text"]


def test_replaying_a_delivery_whose_replay_is_still_queued_queues_nothing_more(
    receiver, client, django_capture_on_commit_callbacks
):
    board, owner, failed = failing_submission(receiver, django_capture_on_commit_callbacks)
    client.force_login(owner.user)
    url = settings_url(board.workspace, f"deliveries/{failed.pk}/replay/")

    # Not committed, so not yet handed to the worker: the first replay is still queued.
    with django_capture_on_commit_callbacks(execute=False):
        first = client.post(url)
        second = client.post(url, follow=True)

    assert first.status_code == 302
    assert "already being sent again" in second.content.decode()
    (replay,) = WebhookDelivery.objects.exclude(pk=failed.pk)
    assert (replay.replay_of, replay.status) == (failed, DeliveryStatus.PENDING)


@pytest.mark.parametrize(
    "url",
    [
        "https://10.1.2.3/hook",
        "https://192.168.0.10/hook",
        "https://169.254.169.254/latest/meta-data",
        "https://[fd00::1]/hook",
        "https://127.0.0.1/hook",
        "https://[::1]/hook",
        "https://localhost/hook",
        "https://0.0.0.0/hook",
    ],
)
def test_https_to_a_private_or_loopback_address_is_refused(member_client, settings, url):
    settings.WEBHOOK_ALLOW_HTTP_LOOPBACK = False
    client = member_client("owner")

    response = client.post(
        settings_url(client.membership.workspace, "webhooks/"),
        {"name": "x", "kind": "slack", "url": url, "events": ["review.decided"]},
    )

    assert response.status_code == 400
    assert "leads to a private or local network" in response.content.decode()
    assert not WebhookEndpoint.objects.exists()


def test_https_to_loopback_is_allowed_where_loopback_is(settings):
    settings.WEBHOOK_ALLOW_HTTP_LOOPBACK = True
    validate_webhook_url("https://127.0.0.1:8443/hook")
    with pytest.raises(ValidationError):
        validate_webhook_url("https://10.0.0.8/hook")


def test_a_saved_address_now_pointing_inside_is_refused_at_post_time(
    settings, django_capture_on_commit_callbacks
):
    settings.WEBHOOK_ALLOW_HTTP_LOOPBACK = False
    board = make_board(seats=1)
    hook = endpoint(board.workspace, "https://localhost:9/hook")

    with django_capture_on_commit_callbacks(execute=True):
        board.submit()

    delivery = WebhookDelivery.objects.get(endpoint=hook)
    assert delivery.status == DeliveryStatus.FAILED
    assert "private or local network" in delivery.error
