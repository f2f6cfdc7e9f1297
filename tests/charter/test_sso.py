"""Single sign-on through a real OpenID Connect provider running in a second process."""

from urllib.parse import urlsplit

import pytest
from allauth.socialaccount.models import SocialAccount
from django.conf import settings
from django.contrib.auth import get_user_model

from tests.factories import MembershipFactory, UserFactory
from tests.oidc_provider.server import (
    CLIENT_ID,
    CLIENT_SECRET,
    running_provider,
    sign_in_at_provider,
)

pytestmark = pytest.mark.django_db

OUR_SITE = "http://testserver"
CALLBACK = f"{OUR_SITE}/accounts/oidc/local/login/callback/"


@pytest.fixture(scope="module")
def identity_provider(tmp_path_factory):
    with running_provider(tmp_path_factory.mktemp("oidc-provider"), CALLBACK) as provider:
        yield provider


@pytest.fixture
def sso(settings, identity_provider):
    settings.SOCIALACCOUNT_PROVIDERS = {
        "openid_connect": {
            "OAUTH_PKCE_ENABLED": True,
            "APPS": [
                {
                    "provider_id": "local",
                    "name": "Acme SSO",
                    "client_id": CLIENT_ID,
                    "secret": CLIENT_SECRET,
                    "settings": {"server_url": identity_provider.server_url},
                }
            ],
        }
    }
    return identity_provider


def _single_sign_on(client, provider_username: str, next_path: str = "/workspaces/"):
    start = client.post("/accounts/oidc/local/login/", {"next": next_path})
    assert start.status_code == 302, start.content.decode()
    authorize_url = start["Location"]
    assert authorize_url.startswith(_provider_server_url())
    back = sign_in_at_provider(authorize_url, provider_username, "provider-pass", OUR_SITE)
    parts = urlsplit(back)
    return client.get(f"{parts.path}?{parts.query}")


def _provider_server_url() -> str:
    return settings.SOCIALACCOUNT_PROVIDERS["openid_connect"]["APPS"][0]["settings"]["server_url"]


def test_the_login_page_offers_the_configured_provider(client, sso):
    page = client.get("/accounts/login/").content.decode()

    assert "Log in with Acme SSO" in page
    assert 'action="/accounts/oidc/local/login/' in page


def test_without_a_provider_the_login_page_has_no_sso_button(client, settings):
    settings.SOCIALACCOUNT_PROVIDERS = {"openid_connect": {"APPS": []}}

    page = client.get("/accounts/login/").content.decode()

    assert "Log in with" not in page
    assert client.post("/accounts/oidc/local/login/").status_code == 404


def test_a_verified_email_signs_in_the_existing_account_and_links_it(client, sso):
    membership = MembershipFactory(user=UserFactory(username="alex", email="Alex@Example.com"))

    landed = _single_sign_on(client, "verified", next_path=f"/w/{membership.workspace.slug}/")

    assert landed.status_code == 302
    assert landed["Location"] == f"/w/{membership.workspace.slug}/"
    assert client.session["_auth_user_id"] == str(membership.user.pk)
    link = SocialAccount.objects.get(provider="local")
    assert link.user == membership.user
    assert link.extra_data["userinfo"]["email"] == "alex@example.com"
    assert client.get(landed["Location"]).status_code == 200
    # Linked: the next sign-on finds the account by the link, not by email.
    client.post("/accounts/logout/")
    _single_sign_on(client, "verified")
    assert client.session["_auth_user_id"] == str(membership.user.pk)
    assert SocialAccount.objects.count() == 1


def test_an_unverified_email_neither_signs_in_nor_links_the_account_with_that_email(client, sso):
    existing = UserFactory(username="alex", email="alex@example.com")

    answer = _single_sign_on(client, "unverified")

    assert "_auth_user_id" not in client.session
    assert not SocialAccount.objects.exists()
    assert get_user_model().objects.filter(email__iexact="alex@example.com").get() == existing
    assert answer.status_code == 200
    assert "did not confirm your email address" in answer.content.decode()


def test_an_inactive_account_is_not_signed_in_by_its_email(client, sso):
    UserFactory(username="alex", email="alex@example.com", is_active=False)

    answer = _single_sign_on(client, "verified")

    assert "_auth_user_id" not in client.session
    assert not SocialAccount.objects.filter(user__username="alex").exists()
    # It is offered an account of its own, under an email it chooses.
    assert answer["Location"] == "/accounts/3rdparty/signup/"
    form = client.get(answer["Location"])
    assert form.status_code == 200
    assert 'name="email"' in form.content.decode()


def test_a_new_person_with_a_verified_email_gets_an_account_of_their_own(client, sso):
    landed = _single_sign_on(client, "newcomer")

    assert landed.status_code == 302
    user = get_user_model().objects.get(pk=client.session["_auth_user_id"])
    assert user.email == "sam@example.com"
    assert SocialAccount.objects.get(provider="local").user == user


def test_an_invitation_accepted_after_single_sign_on(client, sso):
    from charter.models import Invitation

    owner = MembershipFactory(role="owner")
    invitation = Invitation.objects.create(
        workspace=owner.workspace, email="alex@example.com", role="board"
    )
    UserFactory(username="alex", email="alex@example.com")
    path = f"/invitations/{invitation.token}/"

    landed = _single_sign_on(client, "verified", next_path=path)
    accepted = client.post(landed["Location"])

    assert landed["Location"] == path
    assert accepted["Location"] == f"/w/{owner.workspace.slug}/"
