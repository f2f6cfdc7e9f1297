from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from charter.errors import DomainError
from charter.models import AuditEvent, Invitation, Membership
from charter.workspaces.membership import accept_invitation
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def members_url(workspace):
    return f"/w/{workspace.slug}/members/"


def test_creating_a_workspace_makes_the_creator_its_owner(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post("/workspaces/new/", {"name": "Acme Enablement"})
    membership = Membership.objects.get(user=user)
    assert response["Location"] == f"/w/{membership.workspace.slug}/"
    assert membership.role == "owner"
    assert AuditEvent.objects.filter(
        workspace=membership.workspace, action="membership.added"
    ).exists()


def test_creating_a_workspace_without_a_name_is_refused(client):
    client.force_login(UserFactory())
    response = client.post("/workspaces/new/", {"name": ""})
    assert response.status_code == 400
    assert "This field is required" in response.content.decode()


def test_owner_invites_by_email_and_the_invitee_joins_with_that_role(
    client, django_capture_on_commit_callbacks
):
    owner = MembershipFactory(role="owner")
    client.force_login(owner.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            members_url(owner.workspace), {"email": "Board@Example.com", "role": "board"}
        )
    assert response.status_code == 302
    assert mail.outbox[0].to == ["board@example.com"]
    invitation = Invitation.objects.get()
    assert f"/invitations/{invitation.token}/" in mail.outbox[0].body

    invitee = UserFactory(email="board@example.com")
    client.force_login(invitee)
    client.post(f"/invitations/{invitation.token}/")
    assert Membership.objects.get(user=invitee, workspace=owner.workspace).role == "board"
    again = client.post(f"/invitations/{invitation.token}/")
    assert again.status_code == 410


def test_inviting_with_a_bad_email_or_role_shows_the_error(client):
    owner = MembershipFactory(role="owner")
    client.force_login(owner.user)
    response = client.post(
        members_url(owner.workspace), {"email": "not-an-email", "role": "emperor"}
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Enter a valid email address" in body
    assert "Select a valid choice" in body
    assert not Invitation.objects.exists()


def test_only_owners_manage_members(client):
    editor = MembershipFactory(role="editor")
    client.force_login(editor.user)
    assert client.get(members_url(editor.workspace)).status_code == 403


def test_owner_changes_a_role_and_it_is_audited(client):
    owner = MembershipFactory(role="owner")
    viewer = MembershipFactory(role="viewer", workspace=owner.workspace)
    client.force_login(owner.user)
    client.post(f"{members_url(owner.workspace)}{viewer.pk}/role/", {"role": "editor"})
    viewer.refresh_from_db()
    assert viewer.role == "editor"
    event = AuditEvent.objects.get(action="membership.role_changed")
    assert event.changes == {"role": ["viewer", "editor"]}


def test_unknown_role_is_refused_without_change(client):
    owner = MembershipFactory(role="owner")
    viewer = MembershipFactory(role="viewer", workspace=owner.workspace)
    client.force_login(owner.user)
    response = client.post(f"{members_url(owner.workspace)}{viewer.pk}/role/", {"role": "emperor"})
    assert response.status_code == 400
    viewer.refresh_from_db()
    assert viewer.role == "viewer"


def test_the_last_owner_can_neither_be_demoted_nor_removed(client):
    owner = MembershipFactory(role="owner")
    client.force_login(owner.user)
    demote = client.post(f"{members_url(owner.workspace)}{owner.pk}/role/", {"role": "viewer"})
    remove = client.post(f"{members_url(owner.workspace)}{owner.pk}/remove/")
    assert demote.status_code == 409
    assert remove.status_code == 409
    assert "at least one owner" in demote.content.decode()
    owner.refresh_from_db()
    assert owner.role == "owner"


def test_owner_removes_a_member(client):
    owner = MembershipFactory(role="owner")
    editor = MembershipFactory(role="editor", workspace=owner.workspace)
    client.force_login(owner.user)
    client.post(f"{members_url(owner.workspace)}{editor.pk}/remove/")
    assert not Membership.objects.filter(pk=editor.pk).exists()
    assert AuditEvent.objects.filter(action="membership.removed").exists()


def test_an_expired_invitation_cannot_be_used(client):
    owner = MembershipFactory(role="owner")
    invitation = Invitation.objects.create(
        workspace=owner.workspace,
        email="late@example.com",
        role="viewer",
        expires_at=timezone.now() - timedelta(minutes=1),
    )
    client.force_login(UserFactory(email="late@example.com"))
    assert client.post(f"/invitations/{invitation.token}/").status_code == 410
    assert Membership.objects.filter(workspace=owner.workspace).count() == 1


def test_an_unknown_invitation_token_is_404(client):
    client.force_login(UserFactory())
    assert client.get("/invitations/nope/").status_code == 404


def _invitation_to(email, role="editor"):
    owner = MembershipFactory(role="owner")
    return Invitation.objects.create(workspace=owner.workspace, email=email, role=role)


def test_an_account_with_another_email_cannot_accept_the_invitation(client):
    invitation = _invitation_to("board@example.com")
    client.force_login(UserFactory(email="intruder@example.com"))

    page = client.get(f"/invitations/{invitation.token}/")
    accepted = client.post(f"/invitations/{invitation.token}/")

    assert page.status_code == 403 and accepted.status_code == 403
    body = accepted.content.decode()
    assert "This invitation is for another account" in body
    assert "b••••@example.com" in body and "board@example.com" not in body
    assert "Accept invitation" not in body
    assert Membership.objects.filter(workspace=invitation.workspace).count() == 1
    invitation.refresh_from_db()
    assert invitation.is_usable


def test_the_invited_address_accepts_whatever_its_case(client):
    invitation = _invitation_to("board@example.com", role="board")
    invitee = UserFactory(email="Board@Example.COM")
    client.force_login(invitee)

    response = client.post(f"/invitations/{invitation.token}/")

    assert response.status_code == 302
    assert Membership.objects.get(user=invitee, workspace=invitation.workspace).role == "board"


def test_accepting_in_the_domain_refuses_another_email():
    invitation = _invitation_to("board@example.com")

    with pytest.raises(DomainError, match="b••••@example.com"):
        accept_invitation(invitation, UserFactory(email=""))
    assert Membership.objects.filter(workspace=invitation.workspace).count() == 1
