import pytest
from django.contrib.auth import get_user_model
from django.core import mail

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
