"""Review by signed link: no account, one charter, expiring, revocable, leaking nothing."""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone

from charter.models import AuditEvent, Role, VersionStatus
from governance.models import OutsideReviewer, ReviewComment, Vote
from governance.outside_reviewers.invitations import (
    BAD_LINKS_PER_ADDRESS,
    LINK_REQUESTS_PER_ADDRESS,
    invite,
    revoke,
)
from governance.tokens import token_for
from tests.factories import MembershipFactory
from tests.governance.factories import make_board

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewed(django_capture_on_commit_callbacks):
    board = make_board(seats=3, outside_reviewers_may_vote=True)
    version = board.submit()
    owner = MembershipFactory(workspace=board.workspace, role=Role.OWNER)
    with django_capture_on_commit_callbacks(execute=True):
        reviewer = invite(
            board.charter,
            owner.user,
            name="Helena Brandt",
            email="Helena@Advisors.example",
            may_vote=True,
            days=7,
        )
    return board, version, reviewer, owner


def review_url(reviewer):
    return f"/review/{token_for(reviewer)}/"


def test_the_invitation_emails_a_personal_link_that_shows_the_version_without_login(
    client, reviewed
):
    board, version, reviewer, _owner = reviewed
    [link] = re.findall(r"http://\S+/review/\S+/", mail.outbox[-1].body)

    page = client.get(link.removeprefix(settings.SITE_URL))

    assert reviewer.email == "helena@advisors.example"
    assert mail.outbox[-1].to == ["helena@advisors.example"]
    assert page.status_code == 200
    html = page.content.decode()
    assert board.charter.title in html
    assert f"Version {version.number}" in html
    assert "Governance" in html  # the sections of the snapshot are rendered


def test_an_outside_comment_is_recorded_with_the_reviewers_name(client, reviewed):
    _board, _version, reviewer, _owner = reviewed

    response = client.post(
        review_url(reviewer) + "comment/", {"review-comment-body": "Clear goals."}
    )

    assert response.status_code == 302
    comment = ReviewComment.objects.get()
    assert (comment.author_name, comment.author, comment.outside_reviewer) == (
        "Helena Brandt",
        None,
        reviewer,
    )
    event = AuditEvent.objects.get(action="review.commented")
    assert "Helena Brandt <helena@advisors.example>" in event.actor_label


def test_an_outside_vote_counts_as_one_seat_under_the_rule(client, reviewed):
    board, version, reviewer, _owner = reviewed
    board.vote(version, 0, "approve")
    board.vote(version, 1, "request_changes", "Add budget")

    # Three seats plus one outside voter: the outside approval makes three of four.
    response = client.post(
        review_url(reviewer) + "vote/", {"decision": "approve", "comment": "Yes"}
    )

    assert response.status_code == 302
    vote = Vote.objects.get(outside_reviewer=reviewer)
    assert (vote.voter_name, vote.voter_email, vote.reauthenticated) == (
        "Helena Brandt",
        "helena@advisors.example",
        False,
    )
    version.refresh_from_db()
    assert version.status == VersionStatus.IN_REVIEW
    board.vote(version, 2, "approve")
    assert version.status == VersionStatus.APPROVED
    cast = AuditEvent.objects.filter(action="review.vote_cast", actor__isnull=True).get()
    assert cast.changes["outside_reviewer"]["email"] == "helena@advisors.example"
    assert cast.changes["via"] == "signed link"


def test_a_reviewer_invited_without_a_vote_sees_no_vote_form_and_cannot_vote(client, reviewed):
    board, _version, _reviewer, owner = reviewed
    reader = invite(
        board.charter, owner.user, name="Reader", email="r@x.example", may_vote=False, days=3
    )

    page = client.get(review_url(reader)).content.decode()
    response = client.post(review_url(reader) + "vote/", {"decision": "approve"})

    assert "Cast vote" not in page
    assert response.status_code == 409
    assert "not vote" in response.content.decode()
    assert not Vote.objects.exists()


def test_bad_vote_input_is_a_400_that_keeps_the_page(client, reviewed):
    _board, _version, reviewer, _owner = reviewed

    response = client.post(review_url(reviewer) + "vote/", {"decision": "maybe"})

    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not Vote.objects.exists()


def tampered(token: str) -> str:
    last = "A" if token[-1] != "A" else "B"
    return token[:-1] + last


@pytest.mark.parametrize("path", ["", "comment/", "vote/"])
def test_a_tampered_link_is_a_bare_404(client, reviewed, path):
    _board, _version, reviewer, _owner = reviewed
    method = client.get if not path else client.post

    response = method(f"/review/{tampered(token_for(reviewer))}/{path}")

    assert response.status_code == 404
    assert "Helena" not in response.content.decode()


def test_a_link_forged_for_another_reviewer_id_is_a_404(client, reviewed):
    _board, _version, reviewer, _owner = reviewed
    from django.core import signing

    forged = signing.TimestampSigner(salt="another-salt").sign(f"{reviewer.pk}.{reviewer.nonce}")

    assert client.get(f"/review/{forged}/").status_code == 404
    assert client.get("/review/not-a-token/").status_code == 404


def test_an_expired_link_is_a_404(client, reviewed):
    _board, _version, reviewer, _owner = reviewed
    OutsideReviewer.objects.filter(pk=reviewer.pk).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )

    assert client.get(review_url(reviewer)).status_code == 404


def test_a_revoked_link_is_a_404_and_its_vote_no_longer_counts(client, reviewed):
    board, version, reviewer, owner = reviewed
    client.post(review_url(reviewer) + "vote/", {"decision": "approve"})
    board.vote(version, 0, "approve")

    revoke(reviewer, owner.user)

    assert client.get(review_url(reviewer)).status_code == 404
    assert AuditEvent.objects.filter(action="outside_reviewer.revoked").exists()
    # Two of three seats are needed again; the outside approval is recorded but not counted.
    version.refresh_from_db()
    assert version.status == VersionStatus.IN_REVIEW
    board.vote(version, 1, "approve")
    assert version.status == VersionStatus.APPROVED


def test_owners_invite_and_revoke_from_the_reviewers_page(client, reviewed):
    board, _version, _reviewer, owner = reviewed
    client.force_login(owner.user)
    url = f"/w/{board.workspace.slug}/governance/reviewers/"

    bad = client.post(url, {"charter": board.charter.pk, "name": "", "email": "nope", "days": 0})
    good = client.post(
        url,
        {"charter": board.charter.pk, "name": "Sam Board", "email": "sam@x.example", "days": 10},
    )
    sam = OutsideReviewer.objects.get(name="Sam Board")
    revoked = client.post(f"{url}{sam.pk}/revoke/")

    assert bad.status_code == 400
    assert "Enter a valid email address" in bad.content.decode()
    assert good.status_code == 302
    assert revoked.status_code == 302
    sam.refresh_from_db()
    assert sam.revoked_at is not None


def test_a_vote_right_needs_the_boards_permission(client):
    board = make_board(seats=3)
    owner = MembershipFactory(workspace=board.workspace, role=Role.OWNER)
    client.force_login(owner.user)

    response = client.post(
        f"/w/{board.workspace.slug}/governance/reviewers/",
        {
            "charter": board.charter.pk,
            "name": "Sam",
            "email": "sam@x.example",
            "may_vote": "on",
            "days": 5,
        },
    )

    assert response.status_code == 400
    assert "does not let outside reviewers vote" in response.content.decode()
    assert not OutsideReviewer.objects.exists()


def test_editors_cannot_invite_outside_reviewers(client):
    board = make_board(seats=1)
    client.force_login(board.editor.user)

    assert client.get(f"/w/{board.workspace.slug}/governance/reviewers/").status_code == 403


def test_a_charter_of_another_workspace_cannot_be_chosen(client):
    board = make_board(seats=1)
    other = make_board(seats=1)
    owner = MembershipFactory(workspace=board.workspace, role=Role.OWNER)
    client.force_login(owner.user)

    response = client.post(
        f"/w/{board.workspace.slug}/governance/reviewers/",
        {"charter": other.charter.pk, "name": "Sam", "email": "sam@x.example", "days": 5},
    )

    assert response.status_code == 400
    assert not OutsideReviewer.objects.exists()


def test_the_link_without_a_version_in_review_says_so(client, reviewed):
    board, version, reviewer, _owner = reviewed
    from governance.reviews.workflow import withdraw

    withdraw(version, board.editor.user, board.editor)

    page = client.get(review_url(reviewer))
    comment = client.post(review_url(reviewer) + "comment/", {"review-comment-body": "Hello"})

    assert "No version of this charter is in review" in page.content.decode()
    assert comment.status_code == 409


def test_an_address_probing_made_up_links_is_refused_with_a_429_page(client, reviewed):
    _board, _version, reviewer, _owner = reviewed
    for attempt in range(BAD_LINKS_PER_ADDRESS.limit):
        assert client.get(f"/review/made-up-{attempt}/").status_code == 404

    refused = client.get(review_url(reviewer))

    assert refused.status_code == 429
    assert "Too many requests came from your network" in refused.content.decode()
    assert "Helena" not in refused.content.decode()
    assert client.get(review_url(reviewer), REMOTE_ADDR="198.51.100.4").status_code == 200


def test_an_address_hammering_a_real_link_is_refused_and_nothing_is_recorded(client, reviewed):
    _board, _version, reviewer, _owner = reviewed
    for _ in range(LINK_REQUESTS_PER_ADDRESS.limit):
        LINK_REQUESTS_PER_ADDRESS.add("127.0.0.1")

    refused = client.post(f"{review_url(reviewer)}vote/", {"decision": "approve"})

    assert refused.status_code == 429
    assert not Vote.objects.exists()
