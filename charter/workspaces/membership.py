"""Membership rules: invitations, role changes and removals, each one audited.

Each change is announced (``membership.added``, ``membership.role_changed``,
``membership.leaving``) inside its transaction, so that other apps keep what hangs on a role
(governance: the board seats) in step with it.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from charter.errors import DomainError
from charter.mail import queue_email
from charter.models import AuditEvent, Invitation, Membership, OutboxMessage, Role, Workspace
from charter.people import person
from charter.registry import announce


def _announce(event: str, membership: Membership, by, **extra) -> None:
    announce(
        event,
        membership.workspace,
        {
            "membership_id": membership.pk,
            "role": membership.role,
            "by_id": by.pk if by is not None else None,
            **extra,
        },
    )


def create_workspace(name: str, owner) -> Workspace:
    with transaction.atomic():
        workspace = Workspace.objects.create(name=name)
        membership = Membership.objects.create(workspace=workspace, user=owner, role=Role.OWNER)
        AuditEvent.record(workspace, owner, "workspace.created", workspace)
        AuditEvent.record(
            workspace, owner, "membership.added", membership, changes={"role": Role.OWNER}
        )
    return workspace


class InvitationForAnotherEmail(DomainError):
    pass


def accept_invitation(invitation: Invitation, user) -> Membership:
    if not invitation.is_usable:
        raise DomainError(_("This invitation has expired or was already used."))
    if not invitation.is_addressed_to(user):
        raise InvitationForAnotherEmail(
            _("This invitation was sent to %(email)s. Sign in with the account that uses it.")
            % {"email": invitation.masked_email}
        )
    with transaction.atomic():
        membership, created = Membership.objects.get_or_create(
            workspace=invitation.workspace, user=user, defaults={"role": invitation.role}
        )
        invitation.accepted_at = timezone.now()
        invitation.save(update_fields=["accepted_at"])
        if created:
            AuditEvent.record(
                invitation.workspace,
                user,
                "membership.added",
                membership,
                changes={"role": invitation.role, "invited_by": str(invitation.invited_by or "")},
            )
            _announce("membership.added", membership, user, invitation_id=invitation.pk)
    return membership


def pending_invitation(workspace: Workspace, email: str) -> Invitation | None:
    """An invitation to this address that can still be accepted."""
    return (
        Invitation.objects.filter(
            workspace=workspace,
            email__iexact=email,
            accepted_at__isnull=True,
            expires_at__gt=timezone.now(),
        )
        .order_by("-created_at")
        .first()
    )


def send_invitation(invitation: Invitation, link: str, by, greeting: str = "") -> OutboxMessage:
    """Queue the invitation's email (``link`` accepts it) and audit the sending."""
    workspace = invitation.workspace
    body = _("%(inviter)s invited you to join %(workspace)s as %(role)s.\n\nAccept: %(link)s") % {
        "inviter": person(by),
        "workspace": workspace,
        "role": invitation.get_role_display(),
        "link": link,
    }
    if greeting:
        body = _("Dear %(name)s,") % {"name": greeting} + "\n\n" + body
    email = queue_email(
        _("You are invited to %(workspace)s on Charterboard") % {"workspace": workspace},
        body,
        [invitation.email],
    )
    AuditEvent.record(
        workspace,
        by,
        "invitation.sent",
        invitation,
        changes={"email": invitation.email, "role": invitation.role},
    )
    return email


def _is_last_owner(membership: Membership) -> bool:
    return (
        membership.role == Role.OWNER
        and not Membership.objects.filter(workspace=membership.workspace, role=Role.OWNER)
        .exclude(pk=membership.pk)
        .exists()
    )


def change_role(membership: Membership, role: str, by) -> None:
    if role == membership.role:
        return
    with transaction.atomic():
        locked = Membership.objects.select_for_update().get(pk=membership.pk)
        # Lock the owners too, so two owners demoting each other cannot both succeed.
        list(
            Membership.objects.select_for_update().filter(
                workspace=locked.workspace, role=Role.OWNER
            )
        )
        if _is_last_owner(locked):
            raise DomainError(
                _("A workspace needs at least one owner. Make someone else owner first.")
            )
        previous = locked.role
        locked.role = role
        locked.save(update_fields=["role"])
        AuditEvent.record(
            locked.workspace,
            by,
            "membership.role_changed",
            locked,
            changes={"role": [previous, role]},
        )
        _announce("membership.role_changed", locked, by, previous_role=previous)
    membership.role = role


def remove_member(membership: Membership, by) -> None:
    with transaction.atomic():
        locked = Membership.objects.select_for_update().get(pk=membership.pk)
        list(
            Membership.objects.select_for_update().filter(
                workspace=locked.workspace, role=Role.OWNER
            )
        )
        if _is_last_owner(locked):
            raise DomainError(_("The last owner cannot be removed."))
        AuditEvent.record(
            locked.workspace,
            by,
            "membership.removed",
            locked,
            changes={"user": locked.user.get_username(), "role": locked.role},
        )
        _announce("membership.leaving", locked, by)
        locked.delete()
