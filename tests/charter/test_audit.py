"""The audit trail: what gets recorded, and the owners' page that lists and filters it."""

from datetime import timedelta

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from charter.errors import ImmutableObject
from charter.models import AuditEvent
from charter.registry import nav_links
from charter.workspaces.membership import change_role, remove_member
from tests.charter.version_factories import charter_with_editor, publish_version
from tests.factories import MembershipFactory
from tests.test_translations import compiled_catalogues  # noqa: F401  the fixture

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(client):
    charter, membership = charter_with_editor(role="owner")
    client.force_login(membership.user)
    client.charter, client.membership = charter, membership
    client.audit_url = f"/w/{membership.workspace.slug}/audit/"
    return client


def actions(workspace):
    return list(AuditEvent.objects.filter(workspace=workspace).values_list("action", flat=True))


# What is recorded


def test_publish_submit_and_withdraw_are_recorded_with_actor_and_object(owner):
    version = publish_version(owner.charter, owner.membership)
    version.submit(owner.membership.user, owner.membership)
    version.withdraw(owner.membership.user, owner.membership)

    events = AuditEvent.objects.filter(object_id=str(version.pk)).order_by("pk")
    assert [event.action for event in events] == [
        "version.published",
        "version.submitted",
        "version.withdrawn",
    ]
    assert {event.actor for event in events} == {owner.membership.user}
    assert events[0].changes == {"number": 1, "sha256": version.snapshot_sha256}
    assert events[1].changes == {"status": ["draft", "in_review"]}


def test_role_changes_and_removals_are_recorded_with_what_changed(owner):
    member = MembershipFactory(workspace=owner.membership.workspace, role="viewer")
    change_role(member, "editor", owner.membership.user)
    remove_member(member, owner.membership.user)

    role_change = AuditEvent.objects.get(action="membership.role_changed")
    assert role_change.changes == {"role": ["viewer", "editor"]}
    removal = AuditEvent.objects.get(action="membership.removed")
    assert removal.changes == {"user": member.user.username, "role": "editor"}


def test_role_change_through_the_members_page_is_recorded(owner):
    member = MembershipFactory(workspace=owner.membership.workspace, role="viewer")
    owner.post(f"/w/{member.workspace.slug}/members/{member.pk}/role/", {"role": "board"})
    assert AuditEvent.objects.get(action="membership.role_changed").actor == owner.membership.user


def test_audit_events_cannot_be_edited_or_deleted(owner):
    event = AuditEvent.record(owner.membership.workspace, owner.membership.user, "x.done")
    with pytest.raises(ImmutableObject):
        event.save()
    with pytest.raises(ImmutableObject):
        event.delete()


# The page


def test_owner_sees_the_workspace_events_newest_first_with_readable_names(owner):
    publish_version(owner.charter, owner.membership)
    AuditEvent.record(owner.membership.workspace, owner.membership.user, "review.vote_cast")

    page = owner.get(owner.audit_url)

    assert page.status_code == 200
    html = page.content.decode()
    assert html.index("Review vote cast") < html.index("Version published")
    assert "Charter version:" in html  # the object's type, by its verbose name
    assert owner.membership.user.get_full_name() in html


def test_events_of_other_workspaces_are_not_listed(owner):
    stranger, membership = charter_with_editor()
    AuditEvent.record(membership.workspace, membership.user, "secret.happened")
    assert "Secret happened" not in owner.get(owner.audit_url).content.decode()


@pytest.mark.parametrize("role", ["editor", "contributor", "board", "viewer"])
def test_only_owners_read_the_audit_trail(client, role):
    membership = MembershipFactory(role=role)
    client.force_login(membership.user)
    assert client.get(f"/w/{membership.workspace.slug}/audit/").status_code == 403


def test_the_navigation_links_the_audit_trail_for_owners_only(owner):
    assert any(
        link.url_name == "charter:audit" and link.capability == "manage" for link in nav_links
    )
    assert (
        f'href="{owner.audit_url}"'
        in owner.get(f"/w/{owner.membership.workspace.slug}/").content.decode()
    )


def test_filter_by_action(owner):
    publish_version(owner.charter, owner.membership)
    page = owner.get(owner.audit_url, {"action": "version.published"})
    listed = [event.action for event in page.context["page"].object_list]
    assert listed == ["version.published"]


def test_filter_by_actor(owner):
    other = MembershipFactory(workspace=owner.membership.workspace, role="editor")
    publish_version(owner.charter, other)
    AuditEvent.record(owner.membership.workspace, owner.membership.user, "charter.created")
    page = owner.get(owner.audit_url, {"actor": other.user.pk})
    assert {event.actor for event in page.context["page"].object_list} == {other.user}


def test_filter_by_object_type_and_date_range(owner):
    workspace = owner.membership.workspace
    AuditEvent.record(workspace, owner.membership.user, "charter.created", owner.charter)
    publish_version(owner.charter, owner.membership)
    today = timezone.localdate()
    page = owner.get(
        owner.audit_url,
        {
            "object_type": "charter.charterversion",
            "date_from": (today - timedelta(days=1)).isoformat(),
            "date_to": today.isoformat(),
        },
    )
    events = list(page.context["page"].object_list)
    assert events and {event.object_type for event in events} == {"charter.charterversion"}
    tomorrow = (today + timedelta(days=1)).isoformat()
    assert list(owner.get(owner.audit_url, {"date_from": tomorrow}).context["page"]) == []
    assert AuditEvent.objects.filter(workspace=workspace).count() == len(events) + 1


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"date_from": "yesterday"}, "Enter a valid date"),
        (
            {"date_from": "2026-05-02", "date_to": "2026-05-01"},
            "The end date is before the start date",
        ),
        ({"actor": "not-a-number"}, "Select a valid choice"),
        ({"actor": "999999"}, "Select a valid choice"),
        ({"action": "nonsense.action"}, "Select a valid choice"),
        ({"object_type": "auth.user"}, "Select a valid choice"),
    ],
)
def test_bad_filters_give_a_clear_message_not_a_500(owner, query, message):
    publish_version(owner.charter, owner.membership)
    page = owner.get(owner.audit_url, query)
    assert page.status_code == 400
    assert message in page.content.decode()
    assert "Some filters could not be used" in page.content.decode()


def test_a_bad_filter_leaves_the_good_ones_applied(owner):
    publish_version(owner.charter, owner.membership)
    page = owner.get(owner.audit_url, {"action": "version.published", "date_from": "soon"})
    assert page.status_code == 400
    assert [e.action for e in page.context["page"].object_list] == ["version.published"]


def test_long_trails_are_paginated_and_pages_keep_the_filters(owner):
    workspace = owner.membership.workspace
    AuditEvent.objects.bulk_create(
        AuditEvent(workspace=workspace, action="test.bulk", actor_label="Bot") for _ in range(120)
    )
    first = owner.get(owner.audit_url, {"action": "test.bulk"})
    assert len(first.context["page"].object_list) == 50
    assert "action=test.bulk&amp;page=2" in first.content.decode()
    third = owner.get(owner.audit_url, {"action": "test.bulk", "page": "3"})
    assert len(third.context["page"].object_list) == 20
    assert owner.get(owner.audit_url, {"page": "not-a-page"}).status_code == 200


def test_listing_does_not_query_per_event(owner, django_assert_max_num_queries):
    workspace = owner.membership.workspace
    for _ in range(30):
        AuditEvent.record(workspace, owner.membership.user, "charter.created", owner.charter)
    with django_assert_max_num_queries(15):
        owner.get(owner.audit_url)


def test_changes_read_with_names_rather_than_stored_values(owner):
    version = publish_version(owner.charter, owner.membership)
    version.submit(owner.membership.user, owner.membership)
    member = MembershipFactory(workspace=owner.membership.workspace, role="viewer")
    change_role(member, "board", owner.membership.user)

    html = owner.get(owner.audit_url).content.decode()

    assert "Status: Draft → In review" in html
    assert "Role: Viewer → Board member" in html
    assert f"Fingerprint (SHA-256): {version.snapshot_sha256}" in html


def test_deleting_a_user_keeps_their_events_and_name_but_nothing_else_can_change(owner):
    member = MembershipFactory(workspace=owner.membership.workspace, role="editor")
    name = member.user.get_full_name()
    version = publish_version(owner.charter, member)
    member.user.delete()

    event = AuditEvent.objects.get(action="version.published")
    assert event.actor is None and event.actor_label == name
    version.refresh_from_db()
    assert version.author is None
    for forged in ("actor_label = 'forged'", "actor_id = NULL, action = 'forged'"):
        with pytest.raises(IntegrityError, match="append-only"), transaction.atomic():
            raw_sql(f"UPDATE charter_auditevent SET {forged} WHERE id = %s", [event.pk])  # noqa: S608


def raw_sql(statement, params):
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def test_events_recorded_in_any_shape_are_listed_never_an_error(owner):
    workspace = owner.membership.workspace
    # Written as older code wrote them: the trail is append-only, so such rows stay for good.
    AuditEvent.objects.create(workspace=workspace, action="board.updated", changes=["cadence"])
    AuditEvent.objects.create(workspace=workspace, action="charter.created", changes="renamed")
    AuditEvent.objects.create(
        workspace=workspace,
        action="review.decided",
        changes={"votes": [{"voter": "Wang Fang", "decision": "approve"}, {"voter": "Ivan"}]},
    )

    response = owner.get(owner.audit_url)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Changed: Cadence" in page
    assert "Details: renamed" in page
    assert "Votes: Wang Fang — Approve; Ivan" in page  # the decision by its name
    assert "Item ?" not in page


def test_recording_changes_that_are_not_a_mapping_is_refused(owner):
    with pytest.raises(TypeError):
        AuditEvent.record(owner.membership.workspace, owner.membership.user, "x", changes=["a"])


def test_other_apps_events_read_in_the_readers_language(owner, compiled_catalogues):  # noqa: F811
    workspace = owner.membership.workspace
    AuditEvent.record(
        workspace,
        owner.membership.user,
        "board.seat_added",
        owner.charter,
        changes={"function": "customer_success", "chair": False, "days": 21},
    )
    AuditEvent.record(
        workspace,
        owner.membership.user,
        "meeting.changed",
        changes={
            "fields": ["scheduled_at", "location", "video_link"],
            "reauthenticated_at": "2026-12-01T12:06:02",
        },
    )

    html = owner.get(owner.audit_url, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()

    assert "已添加委员会席位" in html  # "Board seat added", named by governance's vocabulary
    assert "职能: 客户成功" in html  # the stored code shown by the board function's name
    assert "天数: 21" in html
    assert "字段: 日期和时间, 地点, 视频会议链接" in html
    assert "2026年12月1日" in html  # an ISO moment shown as a date in the reader's language
    for english in ("Board seat added", "customer_success", "video_link", "Days", "T12:06"):
        assert english not in html
