"""A vote by a member with an authenticator app needs its code as well as the password."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

from charter.second_factor import WRONG_CODES
from governance.models import Vote
from governance.reviews.reauth import SESSION_KEY
from tests.governance.factories import make_board
from tests.second_factor_helpers import code_for, give_authenticator_app, wrong_code_for

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"


@pytest.fixture
def voter(client, settings):
    # One step of clock drift either way, as phones drift: the code that logged in is spent,
    # so the vote types the next one.
    settings.MFA_TOTP_TOLERANCE = 1
    board = make_board(seats=3)
    version = board.submit()
    member = board.seats[1]
    secret = give_authenticator_app(member.user)
    client.force_login(member.user)
    return board, version, member, secret


def vote_url(version):
    return f"/w/{version.charter.workspace.slug}/governance/versions/{version.pk}/vote/"


def version_page(board, version):
    return f"/w/{board.workspace.slug}/versions/{version.pk}/"


def test_the_vote_form_asks_for_the_code_beside_the_password(client, voter):
    board, version, _, _ = voter

    page = client.get(version_page(board, version)).content.decode()

    assert 'name="password"' in page
    assert 'name="code"' in page
    assert "Code from your authenticator app" in page


def test_the_password_alone_counts_no_vote(client, voter):
    _, version, _, _ = voter

    response = client.post(vote_url(version), {"decision": "approve", "password": PASSWORD})

    assert response.status_code == 400
    assert "This field is required" in response.content.decode()
    assert not Vote.objects.exists()
    assert SESSION_KEY not in client.session


def test_a_wrong_code_counts_no_vote_and_keeps_what_was_typed(client, voter):
    _, version, _, secret = voter

    response = client.post(
        vote_url(version),
        {
            "decision": "request_changes",
            "comment": "Add the budget",
            "password": PASSWORD,
            "code": wrong_code_for(secret),
        },
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert "That code is not right. Your vote was not counted" in page
    assert "Add the budget" in page
    assert not Vote.objects.exists()
    assert SESSION_KEY not in client.session


def test_a_wrong_password_with_the_right_code_spends_nothing(client, voter):
    _, version, _, secret = voter
    code = code_for(secret)

    refused = client.post(
        vote_url(version), {"decision": "approve", "password": "guess", "code": code}
    )
    counted = client.post(
        vote_url(version), {"decision": "approve", "password": PASSWORD, "code": code}
    )

    assert refused.status_code == 400
    assert "That password is not right" in refused.content.decode()
    assert counted.status_code == 302
    assert Vote.objects.get().decision == "approve"


def test_password_and_code_count_the_vote_and_cover_the_next_few_minutes(client, voter):
    board, version, member, secret = voter

    first = client.post(
        vote_url(version),
        {"decision": "approve", "password": PASSWORD, "code": code_for(secret, steps_ahead=1)},
    )
    page = client.get(version_page(board, version)).content.decode()
    second = client.post(vote_url(version), {"decision": "request_changes", "comment": "Wait"})

    assert first.status_code == 302
    assert 'name="code"' not in page and 'name="password"' not in page
    assert second.status_code == 302
    vote = Vote.objects.get()
    assert (vote.voter, vote.decision, vote.reauthenticated) == (
        member.user,
        "request_changes",
        True,
    )


def test_a_code_is_spent_once(client, voter):
    _, version, _, secret = voter
    code = code_for(secret)
    client.post(vote_url(version), {"decision": "approve", "password": PASSWORD, "code": code})
    session = client.session
    del session[SESSION_KEY]
    session.save()

    again = client.post(
        vote_url(version),
        {"decision": "request_changes", "comment": "x", "password": PASSWORD, "code": code},
    )

    assert again.status_code == 400
    assert "That code is not right" in again.content.decode()
    assert Vote.objects.get().decision == "approve"


def test_a_recovery_code_confirms_a_vote(client, voter):
    _, version, member, _ = voter
    recovery = RecoveryCodes(
        Authenticator.objects.get(user=member.user, type=Authenticator.Type.RECOVERY_CODES)
    ).get_unused_codes()[0]

    response = client.post(
        vote_url(version), {"decision": "approve", "password": PASSWORD, "code": recovery}
    )

    assert response.status_code == 302
    assert Vote.objects.exists()


def test_a_password_confirmed_before_the_app_was_added_no_longer_covers_votes(client, settings):
    board = make_board(seats=3)
    version = board.submit()
    member = board.seats[1]
    client.force_login(member.user)
    client.post(
        vote_url(version), {"decision": "request_changes", "comment": "x", "password": PASSWORD}
    )
    give_authenticator_app(member.user)

    response = client.post(vote_url(version), {"decision": "approve"})

    assert response.status_code == 400
    assert Vote.objects.get().decision == "request_changes"


def test_wrong_codes_are_throttled(client, voter):
    _, version, _, secret = voter
    for _ in range(WRONG_CODES.limit):
        client.post(
            vote_url(version),
            {"decision": "approve", "password": PASSWORD, "code": wrong_code_for(secret)},
        )

    throttled = client.post(
        vote_url(version), {"decision": "approve", "password": PASSWORD, "code": code_for(secret)}
    )

    assert throttled.status_code == 429
    assert "Too many wrong codes" in throttled.content.decode()
    assert not Vote.objects.exists()


def test_an_account_without_a_password_votes_with_its_code_alone(client, settings):
    settings.MFA_TOTP_TOLERANCE = 1
    board = make_board(seats=3)
    version = board.submit()
    member = board.seats[1]
    member.user.set_unusable_password()
    member.user.save()
    client.force_login(member.user)

    page = client.get(version_page(board, version)).content.decode()
    refused = client.post(vote_url(version), {"decision": "approve"})
    secret = give_authenticator_app(member.user)
    counted = client.post(vote_url(version), {"decision": "approve", "code": code_for(secret)})

    assert 'name="password"' not in page
    assert refused.status_code == 400
    assert "Set up an authenticator app" in refused.content.decode()
    assert counted.status_code == 302
    assert Vote.objects.get().voter == member.user
