import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from charter.workspaces.login_limits import (
    FAILURES_PER_ACCOUNT,
    FAILURES_PER_ADDRESS,
    RESETS_PER_ADDRESS,
    RESETS_PER_EMAIL,
    SIGNUPS_PER_EMAIL,
)
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


SIGNUP = {
    "username": "amelia",
    "email": "Amelia@Example.com",
    "password1": "a-long-pass-phrase-26",
    "password2": "a-long-pass-phrase-26",
}


def _sign_up(client, django_capture_on_commit_callbacks, **changes):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post("/accounts/signup/", {**SIGNUP, **changes})


def without_tokens(content: bytes) -> str:
    return re.sub(r"(csrfmiddlewaretoken|csrf-token|X-CSRFToken)[^>]*", "", content.decode())


def _link_in(message) -> str:
    link = next(line for line in message.body.splitlines() if "/accounts/" in line)
    return link[link.index("/accounts/") :].strip()


def test_sign_up_emails_a_link_that_confirms_the_address_and_logs_in(
    client, django_capture_on_commit_callbacks
):
    response = _sign_up(client, django_capture_on_commit_callbacks)

    assert response.status_code == 200
    assert "Check your inbox" in response.content.decode()
    user = get_user_model().objects.get(username="amelia")
    assert user.email == "amelia@example.com" and not user.is_active
    assert "_auth_user_id" not in client.session
    [message] = mail.outbox
    assert message.to == ["amelia@example.com"]
    link = _link_in(message)
    assert "Confirm and log in" in client.get(link).content.decode()

    confirmed = client.post(link)

    assert confirmed.status_code == 302
    assert confirmed["Location"] == "/workspaces/new/"
    user.refresh_from_db()
    assert user.is_active and client.session["_auth_user_id"] == str(user.pk)
    assert client.post(link).status_code == 410


def test_sign_up_with_mismatched_passwords_keeps_what_was_typed(client):
    response = client.post(
        "/accounts/signup/",
        {
            "username": "amelia",
            "email": "amelia@example.com",
            "password1": "a-long-pass-phrase-26",
            "password2": "something-else-entirely",
        },
    )
    assert response.status_code == 400
    assert 'value="amelia@example.com"' in response.content.decode()
    assert not get_user_model().objects.filter(username="amelia").exists()


def test_sign_up_with_an_email_in_use_answers_the_same_and_emails_that_account(
    client, django_capture_on_commit_callbacks
):
    fresh = _sign_up(
        client, django_capture_on_commit_callbacks, username="someone", email="new@example.com"
    )
    UserFactory(username="taken", email="taken@example.com")
    mail.outbox.clear()

    response = _sign_up(
        client, django_capture_on_commit_callbacks, username="new", email="TAKEN@example.com"
    )

    assert response.status_code == fresh.status_code == 200
    assert without_tokens(response.content) == without_tokens(fresh.content)
    assert not get_user_model().objects.filter(username="new").exists()
    [message] = mail.outbox
    assert message.to == ["taken@example.com"]
    assert "already has an account (taken)" in message.body


def test_a_bad_or_used_confirmation_link_is_a_410_and_activates_nothing(
    client, django_capture_on_commit_callbacks
):
    _sign_up(client, django_capture_on_commit_callbacks)
    link = _link_in(mail.outbox[0])

    for bad in (link[:-3] + "xyz/", "/accounts/signup/confirm/Zm9v/abc/"):
        assert client.post(bad).status_code == 410
    assert not get_user_model().objects.get(username="amelia").is_active


def test_confirming_an_address_someone_else_confirmed_meanwhile_is_refused(
    client, django_capture_on_commit_callbacks
):
    _sign_up(client, django_capture_on_commit_callbacks)
    link = _link_in(mail.outbox[0])
    UserFactory(username="quicker", email="amelia@example.com")

    response = client.post(link, follow=True)

    assert "This address already has an account" in response.content.decode()
    assert not get_user_model().objects.get(username="amelia").is_active


def test_sign_up_emails_to_one_address_are_limited_with_the_same_answer(
    client, django_capture_on_commit_callbacks
):
    UserFactory(username="taken", email="taken@example.com")

    responses = [
        _sign_up(
            client,
            django_capture_on_commit_callbacks,
            username=f"new{n}",
            email="taken@example.com",
        )
        for n in range(15)
    ]

    assert {response.status_code for response in responses} == {200}
    assert all("Check your inbox" in response.content.decode() for response in responses)
    assert len(mail.outbox) == SIGNUPS_PER_EMAIL.limit


@pytest.mark.parametrize("next_value", ["https://evil.example/", "meeting"])
def test_sign_up_ignores_a_next_that_is_not_a_path_here(
    client, django_capture_on_commit_callbacks, next_value
):
    _sign_up(client, django_capture_on_commit_callbacks, next=next_value)

    response = client.post(_link_in(mail.outbox[0]), {"next": next_value})

    assert response["Location"] == "/workspaces/new/"


def test_sign_up_from_an_invitation_returns_to_it_after_confirming(
    client, django_capture_on_commit_callbacks
):
    _sign_up(client, django_capture_on_commit_callbacks, next="/invitations/abc/")
    link = _link_in(mail.outbox[0])
    assert "next=%2Finvitations%2Fabc%2F" in link

    response = client.post(link, {"next": "/invitations/abc/"})

    assert response["Location"] == "/invitations/abc/"


def test_login_and_logout(client):
    UserFactory(username="olivia")
    response = client.post(
        "/accounts/login/", {"login": "olivia", "password": "correct horse battery staple"}
    )
    assert response.status_code == 302
    assert client.get("/workspaces/").status_code == 200
    client.post("/accounts/logout/")
    assert client.get("/workspaces/").status_code == 302


def test_failed_logins_are_rate_limited(client, settings):
    UserFactory(username="olivia")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/accounts/login/", {"login": "olivia", "password": "wrong"})
    locked = client.post(
        "/accounts/login/", {"login": "olivia", "password": "correct horse battery staple"}
    )
    assert locked.status_code == 429
    assert "Too many failed log-ins" in locked.content.decode()


def test_password_reset_emails_a_working_link(client):
    UserFactory(username="olivia", email="olivia@example.com")
    client.post("/accounts/password_reset/", {"email": "olivia@example.com"})
    assert len(mail.outbox) == 1
    link = next(line for line in mail.outbox[0].body.splitlines() if "/reset/" in line).strip()
    path = link[link.index("/accounts/") :]
    form_page = client.get(path, follow=True)
    assert form_page.status_code == 200
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "a-brand-new-phrase-27", "new_password2": "a-brand-new-phrase-27"},
    )
    assert response.status_code == 302
    user = get_user_model().objects.get(username="olivia")
    assert user.check_password("a-brand-new-phrase-27")


def test_password_change_requires_the_old_password(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        "/accounts/password_change/",
        {
            "old_password": "wrong",
            "new_password1": "a-brand-new-phrase-27",
            "new_password2": "a-brand-new-phrase-27",
        },
    )
    assert response.status_code == 200
    assert "incorrectly" in response.content.decode()
    user.refresh_from_db()
    assert user.check_password("correct horse battery staple")


def test_a_user_in_two_workspaces_can_switch(client):
    first = MembershipFactory(role="viewer")
    second = MembershipFactory(role="editor", user=first.user)
    client.force_login(first.user)
    listing = client.get("/workspaces/").content.decode()
    assert first.workspace.name in listing and second.workspace.name in listing
    client.get(f"/w/{second.workspace.slug}/")
    assert client.get("/")["Location"] == f"/w/{second.workspace.slug}/"


def _log_in(client, username, password, address):
    return client.post(
        "/accounts/login/", {"login": username, "password": password}, REMOTE_ADDR=address
    )


def test_one_address_guessing_many_usernames_is_refused_past_its_ceiling(client):
    UserFactory(username="olivia")
    for attempt in range(FAILURES_PER_ADDRESS.limit):
        response = _log_in(client, f"user{attempt % 25}", "guess", "203.0.113.9")
        assert response.status_code == 200

    refused = _log_in(client, "olivia", "correct horse battery staple", "203.0.113.9")

    assert refused.status_code == 429
    assert "Too many failed log-ins came from your network" in refused.content.decode()
    assert refused["Retry-After"]
    assert "_auth_user_id" not in client.session
    assert (
        _log_in(client, "olivia", "correct horse battery staple", "198.51.100.1").status_code == 302
    )


def test_many_addresses_guessing_one_account_are_refused_but_its_owner_still_logs_in(client):
    UserFactory(username="olivia")
    addresses = [f"203.0.113.{n}" for n in range(1, 6)]
    for attempt in range(FAILURES_PER_ACCOUNT.limit):
        assert _log_in(client, "olivia", "guess", addresses[attempt % 5]).status_code == 200

    for address in addresses:
        refused = _log_in(client, "Olivia", "guess", address)
        assert refused.status_code == 429
        assert "This account had too many failed log-ins" in refused.content.decode()
    owner = _log_in(client, "olivia", "correct horse battery staple", "198.51.100.7")

    assert owner.status_code == 302
    assert client.session["_auth_user_id"]


def test_password_reset_emails_are_limited_per_email_with_the_same_answer(client):
    UserFactory(username="olivia", email="olivia@example.com")

    responses = [
        client.post("/accounts/password_reset/", {"email": "olivia@example.com"}) for _ in range(15)
    ]

    assert {response.status_code for response in responses} == {302}
    assert {response["Location"] for response in responses} == {"/accounts/password_reset/done/"}
    assert len(mail.outbox) == RESETS_PER_EMAIL.limit


def test_password_reset_emails_are_limited_per_address(client):
    for number in range(15):
        UserFactory(username=f"user{number}", email=f"user{number}@example.com")

    for number in range(15):
        response = client.post("/accounts/password_reset/", {"email": f"user{number}@example.com"})
        assert response.status_code == 302

    assert len(mail.outbox) == RESETS_PER_ADDRESS.limit


def test_a_bad_password_reset_email_is_a_form_error_and_counts_nothing(client):
    response = client.post("/accounts/password_reset/", {"email": "not-an-email"})

    assert response.status_code == 200
    assert "Enter a valid email address" in response.content.decode()
    assert RESETS_PER_ADDRESS.count("127.0.0.1") == 0
