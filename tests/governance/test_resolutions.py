"""Resolutions: a motion with mover, seconder and a roll call, in the minutes and the trail."""

import importlib

import pytest
from django.apps import apps as installed_apps

from charter.models import AuditEvent, Membership, Role
from governance.meetings.approval import answer_minutes, circulate_minutes, minutes_html
from governance.meetings.resolutions import InvalidResolution, record_resolution, result_of
from governance.models import BoardSeat, MinutesApproval, Resolution, ResolutionResult
from tests.factories import MembershipFactory
from tests.governance.factories import MeetingFactory, make_board

pytestmark = pytest.mark.django_db


@pytest.fixture
def board():
    return make_board(seats=4)


@pytest.fixture
def meeting(board):
    return MeetingFactory(charter=board.charter, minutes="We met.")


def _url(board, meeting):
    return f"/w/{board.workspace.slug}/governance/meetings/{meeting.pk}/resolutions/"


def _post(board, votes, mover=0, seconder=1, motion="Fund the coaching pilot."):
    data = {
        "resolution-motion": motion,
        "resolution-mover": board.seats[mover].pk,
        "resolution-seconder": board.seats[seconder].pk,
    }
    for member, vote in zip(board.seats, votes, strict=True):
        data[f"resolution-vote_{member.pk}"] = vote
    return data


@pytest.mark.parametrize(
    ("votes", "result"),
    [
        (["for", "for", "against", "abstain"], ResolutionResult.CARRIED),
        (["for", "against", "abstain", "absent"], ResolutionResult.NOT_CARRIED),
        (["for", "abstain", "abstain", "absent"], ResolutionResult.CARRIED),
        (["against", "against", "for", "abstain"], ResolutionResult.NOT_CARRIED),
    ],
)
def test_a_resolution_is_carried_by_more_for_than_against_among_those_voting(votes, result):
    assert result_of(dict(enumerate(votes))) == result


def test_recording_a_resolution_through_the_page_shows_it_and_audits_it(client, board, meeting):
    client.force_login(board.editor.user)

    response = client.post(_url(board, meeting), _post(board, ["for", "for", "against", "absent"]))

    assert response.status_code == 302
    resolution = Resolution.objects.get(meeting=meeting)
    assert resolution.result == ResolutionResult.CARRIED
    assert resolution.votes.count() == 4
    event = AuditEvent.objects.get(action="meeting.resolution_recorded")
    assert event.changes["result"] == "Carried"
    names = [member.user.get_full_name() for member in board.seats]
    assert set(event.changes["votes"].split("; ")) == {
        f"{names[0]}: For",
        f"{names[1]}: For",
        f"{names[2]}: Against",
        f"{names[3]}: Absent",
    }
    page = client.get(f"/w/{board.workspace.slug}/governance/meetings/{meeting.pk}/")
    html = page.content.decode()
    assert "Fund the coaching pilot." in html and "Carried" in html and "Against" in html


def test_mover_and_seconder_must_differ(client, board, meeting):
    client.force_login(board.editor.user)
    response = client.post(
        _url(board, meeting), _post(board, ["for"] * 4, mover=1, seconder=1, motion="Mine")
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "someone other than the mover" in html and "Mine" in html
    assert not Resolution.objects.exists()


def test_a_non_member_cannot_move_a_motion(board, meeting):
    outsider = MembershipFactory(workspace=board.workspace, role=Role.EDITOR)
    votes = {member.pk: "for" for member in board.seats}
    with pytest.raises(InvalidResolution, match="must be board members"):
        record_resolution(meeting, "Motion", outsider, board.seats[1], votes, board.editor.user)


def test_the_form_refuses_a_mover_without_a_seat(client, board, meeting):
    outsider = MembershipFactory(workspace=board.workspace, role=Role.EDITOR)
    client.force_login(board.editor.user)
    data = _post(board, ["for"] * 4)
    data["resolution-mover"] = outsider.pk
    response = client.post(_url(board, meeting), data)
    assert response.status_code == 400
    assert not Resolution.objects.exists()


def test_a_roll_call_missing_a_member_is_a_400(client, board, meeting):
    client.force_login(board.editor.user)
    data = _post(board, ["for"] * 4)
    del data[f"resolution-vote_{board.seats[3].pk}"]
    assert client.post(_url(board, meeting), data).status_code == 400
    assert not Resolution.objects.exists()


def test_a_mover_marked_absent_is_refused(client, board, meeting):
    client.force_login(board.editor.user)
    response = client.post(_url(board, meeting), _post(board, ["absent", "for", "for", "for"]))
    assert response.status_code == 400
    assert "was present" in response.content.decode()


def test_no_resolution_is_added_to_locked_minutes(client, board, meeting):
    meeting = circulate_minutes(meeting, board.editor.user)
    for member in board.seats[:3]:
        answer_minutes(meeting, member, "approve")
    client.force_login(board.editor.user)
    response = client.post(_url(board, meeting), _post(board, ["for"] * 4))
    assert response.status_code == 400
    assert not Resolution.objects.exists()


def test_the_minutes_document_holds_the_resolutions_roll_call(board, meeting):
    votes = dict(
        zip([m.pk for m in board.seats], ["for", "against", "abstain", "for"], strict=True)
    )
    record_resolution(meeting, "Adopt the charter.", board.seats[0], board.seats[1], votes, None)
    html = minutes_html(meeting)
    assert "Adopt the charter." in html and "Abstain" in html and "Carried" in html


def test_another_workspaces_meeting_takes_no_resolution(client, board, meeting):
    other = MembershipFactory(role=Role.EDITOR)
    client.force_login(other.user)
    url = f"/w/{other.workspace.slug}/governance/meetings/{meeting.pk}/resolutions/"
    assert client.post(url, _post(board, ["for"] * 4)).status_code == 404
    assert not Resolution.objects.exists()


def test_board_members_cannot_record_a_resolution(client, board, meeting):
    client.force_login(board.seats[0].user)
    assert client.post(_url(board, meeting), _post(board, ["for"] * 4)).status_code == 403


def test_removing_a_member_who_voted_keeps_the_roll_call_and_minutes_answers(
    client, board, meeting
):
    mover, seconder, leaver = board.seats[0], board.seats[1], board.seats[2]
    mover_name, seconder_name, leaver_name = (
        BoardSeat.objects.get(membership=member).name for member in (mover, seconder, leaver)
    )
    record_resolution(
        meeting,
        motion="Fund the coaching pilot.",
        mover=mover,
        seconder=seconder,
        votes={member.pk: "for" for member in board.seats},
        by=board.editor.user,
    )
    circulate_minutes(meeting, board.editor.user)
    answer_minutes(meeting, leaver, "approve")
    owner = MembershipFactory(workspace=board.workspace, role=Role.OWNER)
    client.force_login(owner.user)

    for member in (leaver, mover, seconder):
        response = client.post(f"/w/{board.workspace.slug}/members/{member.pk}/remove/")
        assert response.status_code == 302

    assert not Membership.objects.filter(pk__in=[leaver.pk, mover.pk, seconder.pk]).exists()
    resolution = Resolution.objects.get(meeting=meeting)
    assert (resolution.mover, resolution.seconder) == (None, None)
    assert (resolution.mover_name, resolution.seconder_name) == (mover_name, seconder_name)
    assert resolution.votes.count() == 4
    assert leaver_name in {vote.member_name for vote in resolution.votes.all()}
    assert MinutesApproval.objects.get(meeting=meeting).member_name == leaver_name
    assert BoardSeat.objects.get(holder_name=leaver_name).released_at is not None
    client.force_login(board.editor.user)
    page = client.get(f"/w/{board.workspace.slug}/governance/meetings/{meeting.pk}/")
    html = page.content.decode()
    assert page.status_code == 200
    assert f"Moved by {mover_name}, seconded by {seconder_name}." in html
    assert leaver_name in html


def test_the_data_migration_names_the_roll_calls_recorded_before_names_were_kept(board, meeting):
    record_resolution(
        meeting,
        motion="Fund the coaching pilot.",
        mover=board.seats[0],
        seconder=board.seats[1],
        votes={member.pk: "for" for member in board.seats},
        by=board.editor.user,
    )
    circulate_minutes(meeting, board.editor.user)
    answer_minutes(meeting, board.seats[2], "approve")
    expected = {
        "mover": Resolution.objects.get().mover_name,
        "votes": sorted(Resolution.objects.get().votes.values_list("member_name", flat=True)),
        "answer": MinutesApproval.objects.get().member_name,
    }
    # Rows as they were before the names were stored.
    Resolution.objects.update(mover_name="", seconder_name="")
    Resolution.objects.get().votes.update(member_name="")
    MinutesApproval.objects.update(member_name="")
    migration = importlib.import_module(
        "governance.migrations.0010_keep_roll_call_names_after_member_removal"
    )

    migration.keep_names(installed_apps, None)

    resolution = Resolution.objects.get()
    assert resolution.mover_name == expected["mover"] != ""
    assert resolution.seconder_name == BoardSeat.objects.get(membership=board.seats[1]).name
    assert sorted(resolution.votes.values_list("member_name", flat=True)) == expected["votes"]
    assert MinutesApproval.objects.get().member_name == expected["answer"] != ""
