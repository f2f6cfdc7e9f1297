"""Voting from the version page: re-authentication, roles, bad input, the submitter."""

import pytest

from charter.models import AuditEvent, Role, VersionStatus
from charter.versions.publishing import publish
from charter.workspaces.membership import change_role
from governance.models import BoardSeat, Vote
from governance.reviews.reauth import SESSION_KEY, WRONG_PASSWORDS
from tests.factories import CharterFactory, MembershipFactory
from tests.governance.factories import make_board

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"


@pytest.fixture
def in_review():
    board = make_board(seats=3)
    return board, board.submit()


def vote_url(version):
    return f"/w/{version.charter.workspace.slug}/governance/versions/{version.pk}/vote/"


def test_the_version_page_shows_the_vote_form_with_a_password_field(client, in_review):
    board, version = in_review
    client.force_login(board.seats[1].user)

    page = client.get(f"/w/{board.workspace.slug}/versions/{version.pk}/").content.decode()

    assert "Board review" in page
    assert 'name="password"' in page
    assert "Cast vote" in page


def test_a_wrong_password_refuses_the_vote_and_counts_nothing(client, in_review):
    board, version = in_review
    client.force_login(board.seats[1].user)

    response = client.post(
        vote_url(version), {"decision": "approve", "comment": "ok", "password": "guess"}
    )

    assert response.status_code == 400
    assert "That password is not right" in response.content.decode()
    assert not Vote.objects.exists()
    assert SESSION_KEY not in client.session


def test_a_vote_with_the_password_is_counted_and_the_next_needs_no_password(client, in_review):
    board, version = in_review
    client.force_login(board.seats[1].user)

    first = client.post(
        vote_url(version),
        {"decision": "request_changes", "comment": "Add budget", "password": PASSWORD},
    )
    page = client.get(f"/w/{board.workspace.slug}/versions/{version.pk}/").content.decode()
    second = client.post(vote_url(version), {"decision": "approve", "comment": "Now fine"})

    assert first.status_code == 302
    assert 'name="password"' not in page
    assert second.status_code == 302
    vote = Vote.objects.get()
    assert (vote.decision, vote.reauthenticated) == ("approve", True)
    assert AuditEvent.objects.filter(action="review.vote_changed").get().changes["reauthenticated"]


def test_request_changes_without_a_comment_is_refused(client, in_review):
    board, version = in_review
    client.force_login(board.seats[1].user)

    response = client.post(vote_url(version), {"decision": "request_changes", "password": PASSWORD})

    assert response.status_code == 400
    assert "Tell the editors what to change" in response.content.decode()
    assert not Vote.objects.exists()


def test_a_missing_decision_is_a_clear_400(client, in_review):
    board, version = in_review
    client.force_login(board.seats[1].user)

    response = client.post(vote_url(version), {"password": PASSWORD}, HTTP_HX_REQUEST="true")

    assert response.status_code == 400
    assert "This field is required" in response.content.decode()
    assert 'id="review-panel"' in response.content.decode()


def test_the_submitter_with_a_seat_sees_why_they_cannot_vote_and_is_refused(client, in_review):
    board, version = in_review
    change_role(board.editor, Role.BOARD, by=None)
    # The board role alone gives the seat.
    assert BoardSeat.objects.held().filter(membership=board.editor).exists()
    client.force_login(board.editor.user)

    page = client.get(f"/w/{board.workspace.slug}/versions/{version.pk}/").content.decode()
    response = client.post(vote_url(version), {"decision": "approve", "password": PASSWORD})

    assert "You submitted this version, so you cannot vote on it." in page
    assert "Cast vote" not in page
    assert response.status_code == 403
    assert "Your vote was not counted" in response.content.decode()
    assert not Vote.objects.exists()


@pytest.mark.parametrize("role", [Role.OWNER, Role.EDITOR, Role.VIEWER, Role.CONTRIBUTOR])
def test_members_without_the_vote_capability_get_403(client, in_review, role):
    board, version = in_review
    member = MembershipFactory(workspace=board.workspace, role=role)
    client.force_login(member.user)

    response = client.post(vote_url(version), {"decision": "approve", "password": PASSWORD})

    assert response.status_code == 403
    assert not Vote.objects.exists()


def test_a_board_member_of_another_workspace_gets_404(client, in_review):
    _board, version = in_review
    other = make_board(seats=1)
    client.force_login(other.seats[0].user)

    response = client.post(
        f"/w/{other.workspace.slug}/governance/versions/{version.pk}/vote/",
        {"decision": "approve", "password": PASSWORD},
    )

    assert response.status_code == 404


def test_a_vote_on_a_decided_version_is_refused_with_a_message(client, in_review):
    board, version = in_review
    board.vote(version, 0, "approve")
    board.vote(version, 1, "approve")
    client.force_login(board.seats[2].user)

    response = client.post(vote_url(version), {"decision": "approve", "password": PASSWORD})

    assert response.status_code == 409
    assert "not in review any more" in response.content.decode()
    version.refresh_from_db()
    assert version.status == VersionStatus.APPROVED


def test_review_comments_are_posted_by_members_who_may_comment(client, in_review):
    board, version = in_review
    contributor = MembershipFactory(workspace=board.workspace, role=Role.CONTRIBUTOR)
    client.force_login(contributor.user)
    url = f"/w/{board.workspace.slug}/governance/versions/{version.pk}/comment/"

    empty = client.post(url, {"review-comment-body": "  "})
    posted = client.post(url, {"review-comment-body": "Please show **ramp time**."}, follow=True)

    assert empty.status_code == 400
    assert posted.status_code == 200
    assert "<strong>ramp time</strong>" in posted.content.decode()


def test_a_vote_without_the_password_is_refused(client, in_review):
    board, version = in_review
    client.force_login(board.seats[1].user)

    response = client.post(vote_url(version), {"decision": "approve", "comment": "ok"})

    assert response.status_code == 400
    assert "This field is required" in response.content.decode()
    assert not Vote.objects.exists()


def test_an_old_confirmation_asks_for_the_password_again(client, in_review):
    from datetime import timedelta

    from django.utils import timezone

    board, version = in_review
    client.force_login(board.seats[1].user)
    session = client.session
    session[SESSION_KEY] = {
        "at": (timezone.now() - timedelta(minutes=10)).isoformat(),
        "version": version.pk,
    }
    session.save()

    page = client.get(f"/w/{board.workspace.slug}/versions/{version.pk}/").content.decode()
    response = client.post(vote_url(version), {"decision": "approve"})

    assert 'name="password"' in page
    assert response.status_code == 400
    assert not Vote.objects.exists()


def test_a_password_typed_for_another_version_does_not_confirm_this_vote(client, in_review):
    board, version = in_review
    other_charter = CharterFactory(workspace=board.workspace)
    other = publish(other_charter, board.editor.user, board.editor, label="2026-Q4")
    board.submit(other)
    client.force_login(board.seats[1].user)
    client.post(vote_url(version), {"decision": "approve", "password": PASSWORD})

    page = client.get(f"/w/{board.workspace.slug}/versions/{other.pk}/").content.decode()
    response = client.post(vote_url(other), {"decision": "approve"})

    assert 'name="password"' in page
    assert response.status_code == 400
    assert not Vote.objects.filter(review__version=other).exists()


def test_the_deciding_htmx_vote_re_renders_the_versions_status(client):
    board = make_board(seats=1)
    version = board.submit()
    client.force_login(board.seats[0].user)

    response = client.post(
        vote_url(version),
        {"decision": "approve", "comment": "Go", "password": PASSWORD},
        HTTP_HX_REQUEST="true",
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="version-status" hx-swap-oob="true"' in html
    oob = html.split('id="version-status" hx-swap-oob="true"', 1)[1]
    assert "Approved" in oob and "In review" not in html
    page = client.get(f"/w/{board.workspace.slug}/versions/{version.pk}/").content.decode()
    assert '<span id="version-status">' in page


def test_wrong_vote_passwords_are_throttled_and_never_lock_the_member_out_of_login(
    client, in_review
):
    board, version = in_review
    user = board.seats[1].user
    client.force_login(user)
    for _ in range(WRONG_PASSWORDS.limit):
        response = client.post(vote_url(version), {"decision": "approve", "password": "guess"})
        assert response.status_code == 400

    throttled = client.post(vote_url(version), {"decision": "approve", "password": PASSWORD})

    assert throttled.status_code == 429
    assert "Too many wrong passwords" in throttled.content.decode()
    assert not Vote.objects.exists()
    client.logout()
    login = client.post("/accounts/login/", {"login": user.get_username(), "password": PASSWORD})
    assert login.status_code == 302
