import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from charter.workspaces.login_limits import (
    FAILURES_PER_ACCOUNT,
    FAILURES_PER_ADDRESS,
    RESETS_PER_ADDRESS,
    RESETS_PER_EMAIL,
)
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_sign_up_logs_in_and_asks_for_a_workspace(client):
    response = client.post(
        "/accounts/signup/",
        {
            "username": "amelia",
            "email": "Amelia@Example.com",
            "password1": "a-long-pass-phrase-26",
            "password2": "a-long-pass-phrase-26",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/workspaces/new/"
    assert get_user_model().objects.get(username="amelia").email == "amelia@example.com"


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


def test_sign_up_refuses_an_email_already_in_use(client):
    UserFactory(email="taken@example.com")
    response = client.post(
        "/accounts/signup/",
        {
            "username": "new",
            "email": "TAKEN@example.com",
            "password1": "a-long-pass-phrase-26",
            "password2": "a-long-pass-phrase-26",
        },
    )
    assert response.status_code == 400
    assert "already exists" in response.content.decode()


def test_sign_up_ignores_an_offsite_next(client):
    response = client.post(
        "/accounts/signup/",
        {
            "username": "amelia",
            "email": "a@example.com",
            "password1": "a-long-pass-phrase-26",
            "password2": "a-long-pass-phrase-26",
            "next": "https://evil.example/",
        },
    )
    assert response["Location"] == "/workspaces/new/"


def test_login_and_logout(client):
    UserFactory(username="olivia")
    response = client.post(
        "/accounts/login/", {"username": "olivia", "password": "correct horse battery staple"}
    )
    assert response.status_code == 302
    assert client.get("/workspaces/").status_code == 200
    client.post("/accounts/logout/")
    assert client.get("/workspaces/").status_code == 302


def test_failed_logins_are_rate_limited(client, settings):
    UserFactory(username="olivia")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/accounts/login/", {"username": "olivia", "password": "wrong"})
    locked = client.post(
        "/accounts/login/", {"username": "olivia", "password": "correct horse battery staple"}
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


def test_sign_up_with_a_bare_word_next_goes_to_workspace_creation(client):
    response = client.post(
        "/accounts/signup/",
        {
            "username": "amelia",
            "email": "a@example.com",
            "password1": "a-long-pass-phrase-26",
            "password2": "a-long-pass-phrase-26",
            "next": "meeting",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/workspaces/new/"


def _log_in(client, username, password, address):
    return client.post(
        "/accounts/login/", {"username": username, "password": password}, REMOTE_ADDR=address
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
