"""Membership rules: invitations, role changes and removals, each one audited."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from charter.errors import DomainError
from charter.models import AuditEvent, Invitation, Membership, Role, Workspace


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
    return membership


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
        locked.delete()
