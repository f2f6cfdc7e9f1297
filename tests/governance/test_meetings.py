"""Meetings: the standard agenda from the live charter, editing it, minutes, follow-up."""

import dataclasses
from datetime import timedelta

import pytest
from django.utils import timezone

from charter.models import AuditEvent, Role
from charter.registry import registry
from governance.documents import meeting_agenda, open_actions
from governance.meetings.minutes import carried_over, schedule_meeting
from governance.models import ActionItem, ActionStatus, AgendaItem, Meeting
from tests.factories import CharterFactory, MembershipFactory
from tests.governance.factories import ActionItemFactory, MeetingFactory

pytestmark = pytest.mark.django_db

ROADMAP = {
    "milestones": [
        {
            "title": "Onboarding 2.0",
            "status": "in_progress",
            "owner": "Ethan Reyes",
            "start": "2026-07-01",
            "end": "2026-09-30",
        },
        {
            "title": "Coaching pilot",
            "status": "planned",
            "owner": "",
            "start": "2026-10-01",
            "end": "2026-12-31",
        },
        {"title": "Old portal", "status": "done", "start": "2026-01-01", "end": "2026-03-31"},
    ]
}
FUTURE = {
    "metrics": [
        {
            "name": "Ramp time",
            "unit": "days",
            "target": "90",
            "latest": "120",
            "latest_period": "Q3 2026",
            "status": "at_risk",
            "status_label": "At risk",
        }
    ]
}


@pytest.fixture
def live_sections():
    """The roadmap and future-success sections answer with known snapshots."""
    originals = {key: registry.get(key) for key in ("roadmap", "future-success")}
    for key, data in (("roadmap", ROADMAP), ("future-success", FUTURE)):
        registry.unregister(key)
        registry.register(
            dataclasses.replace(originals[key], snapshot=lambda charter, d=data: dict(d))
        )
    yield
    for key, section in originals.items():
        registry.unregister(key)
        registry.register(section)


@pytest.fixture
def editor(client):
    membership = MembershipFactory(role=Role.EDITOR)
    client.force_login(membership.user)
    return membership


def meetings_url(membership, path=""):
    return f"/w/{membership.workspace.slug}/governance/{path}"


def test_scheduling_generates_the_five_standard_items_from_the_live_charter(
    client, editor, live_sections
):
    charter = CharterFactory(workspace=editor.workspace)

    response = client.post(
        meetings_url(editor, "meetings/new/"),
        {
            "charter": charter.pk,
            "scheduled_at": "2026-09-15T09:30",
            "format": "virtual",
            "video_link": "https://meet.example.com/board",
        },
    )

    meeting = Meeting.objects.get()
    assert response.status_code == 302
    items = list(meeting.agenda_items.all())
    assert [item.title for item in items] == [
        "Programs in flight",
        "Results against the charter",
        "Actions needed",
        "Upcoming programs",
        "Feedback",
    ]
    assert "**Onboarding 2.0** (Ethan Reyes – 2026-07-01 – 2026-09-30)" in items[0].notes
    assert "Coaching pilot" not in items[0].notes
    assert items[1].notes == "- **Ramp time**: 120 days (Q3 2026); target 90 days — At risk"
    assert "Coaching pilot" in items[3].notes
    assert AuditEvent.objects.filter(action="meeting.scheduled").exists()


def test_an_in_person_meeting_needs_a_location_and_bad_dates_are_refused(client, editor):
    charter = CharterFactory(workspace=editor.workspace)

    response = client.post(
        meetings_url(editor, "meetings/new/"),
        {"charter": charter.pk, "scheduled_at": "not a date", "format": "in_person"},
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert "Enter a valid date/time." in html
    assert "Say where the board meets in person." in html
    assert not Meeting.objects.exists()


def test_a_charter_of_another_workspace_cannot_be_chosen_for_a_meeting(client, editor):
    foreign = CharterFactory()

    response = client.post(
        meetings_url(editor, "meetings/new/"),
        {"charter": foreign.pk, "scheduled_at": "2026-10-15T09:30", "format": "virtual"},
    )

    assert response.status_code == 400
    assert not Meeting.objects.exists()


def test_agenda_items_move_up_and_down_and_stay_dense(client, editor):
    meeting = schedule_meeting(
        MeetingFactory.build(charter=CharterFactory(workspace=editor.workspace)), editor.user
    )
    third = meeting.agenda_items.all()[2]

    client.post(meetings_url(editor, f"agenda/{third.pk}/move/"), {"direction": "up"})
    response = client.post(
        meetings_url(editor, f"agenda/{third.pk}/move/"),
        {"direction": "up"},
        HTTP_HX_REQUEST="true",
    )
    bad = client.post(meetings_url(editor, f"agenda/{third.pk}/move/"), {"direction": "sideways"})

    assert response.status_code == 200
    assert 'id="agenda"' in response.content.decode()
    assert bad.status_code == 400
    positions = list(meeting.agenda_items.values_list("title", "position"))
    assert positions[0] == ("Actions needed", 0)
    assert [p for _t, p in positions] == [0, 1, 2, 3, 4]


def test_agenda_items_are_added_edited_and_removed(client, editor):
    meeting = MeetingFactory(charter=CharterFactory(workspace=editor.workspace))

    empty = client.post(
        meetings_url(editor, f"meetings/{meeting.pk}/agenda/"), {"agenda-title": ""}
    )
    client.post(
        meetings_url(editor, f"meetings/{meeting.pk}/agenda/"),
        {"agenda-title": "Budget", "agenda-notes": "Q3"},
    )
    item = AgendaItem.objects.get()
    client.post(
        meetings_url(editor, f"agenda/{item.pk}/"), {"title": "Budget FY27", "notes": "Q3 and Q4"}
    )
    item.refresh_from_db()
    removed = client.post(meetings_url(editor, f"agenda/{item.pk}/remove/"))

    assert empty.status_code == 400
    assert item.title == "Budget FY27"
    assert removed.status_code == 302
    assert not AgendaItem.objects.exists()


def test_minutes_saved_over_someone_elses_show_a_conflict_and_keep_both(client, editor):
    meeting = MeetingFactory(charter=CharterFactory(workspace=editor.workspace))
    stale = meeting.revision
    meeting.minutes = "Theirs"
    meeting.save_revision(stale)

    response = client.post(
        meetings_url(editor, f"meetings/{meeting.pk}/minutes/"),
        {"minutes-minutes": "Mine", "minutes-revision": stale},
    )

    assert response.status_code == 409
    html = response.content.decode()
    assert "Theirs" in html and "Mine" in html
    meeting.refresh_from_db()
    assert meeting.minutes == "Theirs"


def test_open_action_items_carry_over_to_the_next_meeting_until_closed(client, editor):
    charter = CharterFactory(workspace=editor.workspace)
    now = timezone.now()
    first = MeetingFactory(charter=charter, scheduled_at=now - timedelta(days=90))
    second = MeetingFactory(charter=charter, scheduled_at=now - timedelta(days=1))
    third = MeetingFactory(charter=charter, scheduled_at=now + timedelta(days=90))
    open_item = ActionItemFactory(meeting=first, title="Share ramp baseline")
    ActionItemFactory(meeting=first, title="Closed one", status=ActionStatus.DONE)
    ActionItemFactory(meeting=third, title="Raised later")

    assert list(carried_over(second)) == [open_item]
    page = client.get(meetings_url(editor, f"meetings/{third.pk}/")).content.decode()
    assert "Carried over from earlier meetings" in page
    assert "Share ramp baseline" in page
    assert "Closed one" not in page

    client.post(
        meetings_url(editor, f"actions/{open_item.pk}/"),
        {"title": open_item.title, "status": "done", "next": f"/w/{editor.workspace.slug}/"},
    )
    open_item.refresh_from_db()
    assert open_item.closed_at is not None
    assert list(carried_over(third)) == []


def test_an_action_item_closed_at_a_meeting_stays_listed_there_as_done(client, editor):
    charter = CharterFactory(workspace=editor.workspace)
    now = timezone.now()
    first = MeetingFactory(charter=charter, scheduled_at=now - timedelta(days=90))
    second = MeetingFactory(charter=charter, scheduled_at=now - timedelta(hours=1))
    third = MeetingFactory(charter=charter, scheduled_at=now + timedelta(days=90))
    item = ActionItemFactory(meeting=first, title="Share ramp baseline")

    client.post(
        meetings_url(editor, f"actions/{item.pk}/"),
        {"title": item.title, "status": "done", "next": f"/w/{editor.workspace.slug}/"},
    )

    page = client.get(meetings_url(editor, f"meetings/{second.pk}/")).content.decode()
    assert "Closed at this meeting" in page
    assert "Share ramp baseline" in page
    assert "Done" in page
    assert list(carried_over(second)) == [] and list(carried_over(third)) == []
    later = client.get(meetings_url(editor, f"meetings/{third.pk}/")).content.decode()
    assert "Share ramp baseline" not in later


@pytest.mark.parametrize(
    "next_value", ["meeting", "https://evil.example/", "//evil.example/", "/\\evil.example/", ""]
)
def test_an_action_item_saved_with_a_bad_next_returns_to_its_meeting(client, editor, next_value):
    meeting = MeetingFactory(charter=CharterFactory(workspace=editor.workspace))
    item = ActionItemFactory(meeting=meeting, title="Share ramp baseline")

    response = client.post(
        meetings_url(editor, f"actions/{item.pk}/"),
        {"title": "Share the ramp baseline", "status": "open", "next": next_value},
    )

    assert response.status_code == 302
    assert response["Location"] == meetings_url(editor, f"meetings/{meeting.pk}/")
    item.refresh_from_db()
    assert item.title == "Share the ramp baseline"


def test_an_action_item_of_another_workspace_is_a_404(client, editor):
    item = ActionItemFactory(title="Theirs")

    response = client.post(
        meetings_url(editor, f"actions/{item.pk}/"), {"title": "Mine", "status": "open"}
    )

    assert response.status_code == 404
    item.refresh_from_db()
    assert item.title == "Theirs"


def test_an_action_item_needs_a_title_and_a_real_owner(client, editor):
    meeting = MeetingFactory(charter=CharterFactory(workspace=editor.workspace))
    stranger = MembershipFactory()

    response = client.post(
        meetings_url(editor, f"meetings/{meeting.pk}/actions/"),
        {"action-title": "", "action-owner": stranger.pk, "action-status": "open"},
    )

    assert response.status_code == 400
    assert not ActionItem.objects.exists()


def test_decisions_are_recorded_and_removed(client, editor):
    meeting = MeetingFactory(charter=CharterFactory(workspace=editor.workspace))

    client.post(
        meetings_url(editor, f"meetings/{meeting.pk}/decisions/"),
        {"decision-text": "Adopt the model"},
    )
    page = client.get(meetings_url(editor, f"meetings/{meeting.pk}/")).content.decode()
    decision = meeting.decisions.get()
    client.post(meetings_url(editor, f"decisions/{decision.pk}/remove/"))

    assert "Adopt the model" in page
    assert not meeting.decisions.exists()


def test_board_members_read_meetings_but_cannot_change_them(client):
    board_member = MembershipFactory(role=Role.BOARD)
    meeting = MeetingFactory(charter=CharterFactory(workspace=board_member.workspace))
    client.force_login(board_member.user)

    assert client.get(meetings_url(board_member, f"meetings/{meeting.pk}/")).status_code == 200
    assert (
        client.post(
            meetings_url(board_member, f"meetings/{meeting.pk}/decisions/"), {"decision-text": "x"}
        ).status_code
        == 403
    )


def test_the_meeting_page_offers_the_board_pack_pdf_for_the_charters_version(client, editor):
    from charter.versions.publishing import publish

    charter = CharterFactory(workspace=editor.workspace)
    version = publish(charter, editor.user, editor)
    meeting = MeetingFactory(charter=charter)

    page = client.get(meetings_url(editor, f"meetings/{meeting.pk}/")).content.decode()

    assert "Board pack PDF" in page
    assert f"/versions/{version.pk}/exports/" in page
    assert f'name="meeting_pk" value="{meeting.pk}"' in page


def test_the_board_pack_parts_hold_the_agenda_and_every_open_action_item(editor):
    from charter.versions.publishing import publish

    charter = CharterFactory(workspace=editor.workspace)
    version = publish(charter, editor.user, editor)
    earlier = MeetingFactory(charter=charter, scheduled_at=timezone.now() - timedelta(days=30))
    meeting = schedule_meeting(MeetingFactory.build(charter=charter), editor.user)
    ActionItemFactory(meeting=earlier, title="Carried", owner=editor)
    ActionItemFactory(meeting=meeting, title="Fresh")

    agenda = meeting_agenda(version, {"meeting_pk": meeting.pk})
    actions = open_actions(version, {"meeting_pk": str(meeting.pk)})

    assert len(agenda["agenda"]) == 5
    assert [(a["title"], a["carried_over"]) for a in actions["action_items"]] == [
        ("Carried", True),
        ("Fresh", False),
    ]
    assert open_actions(version, {"meeting_pk": "not-a-number"}) is not None
    other = publish(CharterFactory(workspace=editor.workspace), editor.user, editor)
    assert meeting_agenda(other, {"meeting_pk": meeting.pk}) is None


def test_editing_a_meeting_someone_else_changed_is_a_409_that_keeps_the_typed_values(
    client, editor
):
    meeting = MeetingFactory(charter=CharterFactory(workspace=editor.workspace))
    stale = meeting.revision
    meeting.location = "Room 1"
    meeting.save_revision(stale)
    data = {
        "scheduled_at": "2026-11-02T10:00",
        "format": "in_person",
        "location": "Boardroom 4",
        "revision": stale,
    }
    url = meetings_url(editor, f"meetings/{meeting.pk}/edit/")

    conflict = client.post(url, data)
    retried = client.post(url, {**data, "revision": stale + 1})

    assert conflict.status_code == 409
    assert 'value="Boardroom 4"' in conflict.content.decode()
    assert retried.status_code == 302
    meeting.refresh_from_db()
    assert meeting.location == "Boardroom 4"
