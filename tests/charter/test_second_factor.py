"""Authenticator apps (allauth.mfa) at log-in, and a workspace that requires them."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

from charter.models import AuditEvent, Role
from charter.second_factor import WRONG_CODES
from tests.factories import MembershipFactory, UserFactory
from tests.second_factor_helpers import code_for, give_authenticator_app, wrong_code_for

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"


def _log_in(client, user):
    return client.post("/accounts/login/", {"login": user.username, "password": PASSWORD})


def test_setting_up_an_authenticator_app_with_a_code_from_its_secret(client):
    user = UserFactory()
    assert _log_in(client, user).status_code == 302

    asked = client.get("/accounts/2fa/totp/activate/")
    wrong_password = client.post(asked["Location"], {"password": "guess"})
    confirmed = client.post(asked["Location"], {"password": PASSWORD})
    page = client.get("/accounts/2fa/totp/activate/")
    secret = page.context["form"].secret
    wrong = client.post("/accounts/2fa/totp/activate/", {"code": wrong_code_for(secret)})
    right = client.post("/accounts/2fa/totp/activate/", {"code": code_for(secret)})

    # Setting up a factor asks for the password again first, and refuses a wrong one.
    assert asked["Location"].startswith("/accounts/reauthenticate/")
    assert wrong_password.status_code == 200
    assert "Incorrect password" in wrong_password.content.decode()
    assert confirmed.status_code == 302
    assert page.status_code == 200
    assert 'autocomplete="one-time-code"' in page.content.decode()
    assert wrong.status_code == 200
    assert "Incorrect code" in wrong.content.decode()
    assert right.status_code == 302
    assert set(Authenticator.objects.filter(user=user).values_list("type", flat=True)) == {
        Authenticator.Type.TOTP,
        Authenticator.Type.RECOVERY_CODES,
    }


def test_the_security_page_is_linked_from_every_page_and_lists_the_factors(client):
    user = UserFactory()
    client.force_login(user)

    home = client.get("/workspaces/").content.decode()
    security = client.get("/accounts/2fa/")

    assert 'href="/accounts/2fa/"' in home
    assert security.status_code == 200
    assert "Authenticator App" in security.content.decode()
    assert "Security Keys" in security.content.decode()


def test_with_an_authenticator_app_the_password_alone_does_not_log_in(client):
    user = UserFactory()
    secret = give_authenticator_app(user)

    after_password = _log_in(client, user)
    wrong = client.post("/accounts/2fa/authenticate/", {"code": wrong_code_for(secret)})
    blank = client.post("/accounts/2fa/authenticate/", {"code": ""})

    assert after_password["Location"] == "/accounts/2fa/authenticate/"
    assert "_auth_user_id" not in client.session
    assert wrong.status_code == 200
    assert "That code is not right" in wrong.content.decode()
    assert blank.status_code == 200
    assert "_auth_user_id" not in client.session

    right = client.post("/accounts/2fa/authenticate/", {"code": code_for(secret)})

    assert right.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_a_recovery_code_logs_in_once(client):
    user = UserFactory()
    give_authenticator_app(user)
    recovery_code = RecoveryCodes(
        Authenticator.objects.get(user=user, type=Authenticator.Type.RECOVERY_CODES)
    ).get_unused_codes()[0]

    _log_in(client, user)
    client.post("/accounts/2fa/authenticate/", {"code": recovery_code})
    assert client.session["_auth_user_id"] == str(user.pk)
    client.post("/accounts/logout/")
    _log_in(client, user)
    reused = client.post("/accounts/2fa/authenticate/", {"code": recovery_code})

    assert "That code is not right" in reused.content.decode()
    assert "_auth_user_id" not in client.session


def test_guessing_codes_stops_at_the_ceiling_even_for_the_right_code(client):
    user = UserFactory()
    secret = give_authenticator_app(user)
    _log_in(client, user)
    for _ in range(WRONG_CODES.limit):
        client.post("/accounts/2fa/authenticate/", {"code": wrong_code_for(secret)})

    refused = client.post("/accounts/2fa/authenticate/", {"code": code_for(secret)})

    assert "Too many wrong codes" in refused.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("role", [Role.OWNER, Role.BOARD])
def test_a_workspace_that_requires_it_sends_owners_and_board_members_to_set_it_up(client, role):
    membership = MembershipFactory(role=role, workspace__require_second_factor=True)
    client.force_login(membership.user)

    response = client.get(f"/w/{membership.workspace.slug}/")
    htmx = client.get(f"/w/{membership.workspace.slug}/", HTTP_HX_REQUEST="true")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/"
    assert htmx["HX-Redirect"] == "/accounts/2fa/"
    page = client.get("/accounts/2fa/").content.decode()
    assert "asks owners and board members for two-factor authentication" in page
    give_authenticator_app(membership.user)
    assert client.get(f"/w/{membership.workspace.slug}/").status_code == 200


@pytest.mark.parametrize("role", [Role.EDITOR, Role.CONTRIBUTOR, Role.VIEWER])
def test_other_roles_are_not_asked_for_a_second_factor(client, role):
    membership = MembershipFactory(role=role, workspace__require_second_factor=True)
    client.force_login(membership.user)

    assert client.get(f"/w/{membership.workspace.slug}/").status_code == 200


def test_a_non_member_still_gets_a_404_from_a_workspace_that_requires_it(client):
    membership = MembershipFactory(role=Role.BOARD, workspace__require_second_factor=True)
    client.force_login(UserFactory())

    assert client.get(f"/w/{membership.workspace.slug}/").status_code == 404


def _policy_url(workspace):
    return f"/w/{workspace.slug}/members/second-factor/"


def test_the_owner_requires_two_factor_authentication_and_it_is_audited(client):
    owner = MembershipFactory(role=Role.OWNER)
    give_authenticator_app(owner.user)
    client.force_login(owner.user)

    page = client.get(f"/w/{owner.workspace.slug}/members/").content.decode()
    response = client.post(_policy_url(owner.workspace), {"require_second_factor": "on"})

    assert "Require two-factor authentication for owners and board members" in page
    assert response.status_code == 302
    owner.workspace.refresh_from_db()
    assert owner.workspace.require_second_factor
    event = AuditEvent.objects.get(action="workspace.second_factor_required")
    assert event.changes == {"require_second_factor": True}

    client.post(_policy_url(owner.workspace), {})
    owner.workspace.refresh_from_db()
    assert not owner.workspace.require_second_factor
    assert AuditEvent.objects.filter(action="workspace.second_factor_optional").exists()


def test_an_owner_without_a_second_factor_cannot_require_one(client):
    owner = MembershipFactory(role=Role.OWNER)
    client.force_login(owner.user)

    response = client.post(_policy_url(owner.workspace), {"require_second_factor": "on"})

    assert response.status_code == 400
    assert "Set up two-factor authentication for your own account first" in (
        response.content.decode()
    )
    owner.workspace.refresh_from_db()
    assert not owner.workspace.require_second_factor
    assert not AuditEvent.objects.filter(action__startswith="workspace.second_factor").exists()


def test_only_the_owner_may_change_the_requirement_and_only_by_post(client):
    editor = MembershipFactory(role=Role.EDITOR)
    owner = MembershipFactory(role=Role.OWNER, workspace=editor.workspace)
    client.force_login(editor.user)

    refused = client.post(_policy_url(editor.workspace), {"require_second_factor": "on"})
    client.force_login(owner.user)
    read = client.get(_policy_url(editor.workspace))

    assert refused.status_code == 403
    assert read.status_code == 405
    editor.workspace.refresh_from_db()
    assert not editor.workspace.require_second_factor


def test_an_invitation_opened_signed_out_returns_to_it_after_password_and_code(client):
    from charter.models import Invitation

    owner = MembershipFactory(role=Role.OWNER)
    invitation = Invitation.objects.create(
        workspace=owner.workspace, email="board@example.com", role=Role.BOARD
    )
    invited = UserFactory(email="board@example.com")
    secret = give_authenticator_app(invited)
    path = f"/invitations/{invitation.token}/"

    page = client.get(path).content.decode()
    client.post("/accounts/login/", {"login": invited.username, "password": PASSWORD, "next": path})
    landed = client.post("/accounts/2fa/authenticate/", {"code": code_for(secret)})
    accepted = client.post(landed["Location"])

    assert f'href="/accounts/login/?next={path}"' in page
    assert landed["Location"] == path
    assert accepted["Location"] == f"/w/{owner.workspace.slug}/"
    assert invited.memberships.get().role == Role.BOARD
