from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from charter.access import get_in_workspace, workspace_view
from charter.errors import DomainError
from charter.models import AuditEvent, Invitation, Membership, OutboxMessage, Workspace
from charter.workspaces.forms import (
    InvitationForm,
    RoleForm,
    SecondFactorPolicyForm,
    WorkspaceForm,
)
from charter.workspaces.membership import (
    change_role,
    create_workspace,
    remove_member,
    send_invitation,
)


@login_required
def workspace_list(request):
    memberships = request.user.memberships.select_related("workspace")
    return render(request, "charter/workspaces/workspace_list.html", {"memberships": memberships})


@login_required
def workspace_create(request):
    form = WorkspaceForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            workspace = create_workspace(form.cleaned_data["name"], request.user)
            return redirect("charter:workspace", workspace.slug)
        return render(
            request, "charter/workspaces/workspace_create.html", {"form": form}, status=400
        )
    return render(request, "charter/workspaces/workspace_create.html", {"form": form})


@workspace_view("manage")
def members(request):
    form = InvitationForm(request.POST or None, workspace=request.workspace)
    if request.method == "POST":
        if not form.is_valid():
            return _members_page(request, form, status=400)
        with transaction.atomic():
            invitation = Invitation.objects.create(
                workspace=request.workspace, invited_by=request.user, **form.cleaned_data
            )
            email = _send_invitation(request, invitation)
        if email.is_sent:
            messages.success(
                request, _("Invitation sent to %(email)s.") % {"email": invitation.email}
            )
        else:
            messages.warning(
                request,
                _(
                    "The invitation to %(email)s is saved. Its email will be sent as soon as "
                    "the mail worker is reachable."
                )
                % {"email": invitation.email},
            )
        return redirect("charter:members", request.workspace.slug)
    return _members_page(request, form)


def _members_page(request, form=None, status=200, policy_form=None):
    context = {
        "form": form or InvitationForm(workspace=request.workspace),
        "policy_form": policy_form
        or SecondFactorPolicyForm(instance=request.workspace, owner=request.user),
        "memberships": request.workspace.memberships.select_related("user__profile"),
        "invitations": request.workspace.invitations.filter(accepted_at__isnull=True),
        "roles": Membership._meta.get_field("role").choices,
    }
    return render(request, "charter/workspaces/members.html", context, status=status)


def _send_invitation(request, invitation) -> OutboxMessage:
    link = request.build_absolute_uri(reverse("charter:invitation", args=[invitation.token]))
    return send_invitation(invitation, link, request.user)


@workspace_view("manage")
@require_POST
def member_role(request, membership_pk):
    membership = get_in_workspace(
        request, Membership.objects.select_related("user__profile"), pk=membership_pk
    )
    form = RoleForm(request.POST, instance=Membership(role=membership.role))
    if not form.is_valid():
        messages.error(request, _("Choose one of the listed roles."))
        return _members_page(request, status=400)
    try:
        change_role(membership, form.cleaned_data["role"], request.user)
    except DomainError as error:
        messages.error(request, str(error))
        return _members_page(request, status=409)
    messages.success(
        request,
        _("%(user)s is now %(role)s.")
        % {"user": membership.user, "role": membership.get_role_display()},
    )
    return redirect("charter:members", request.workspace.slug)


@workspace_view("manage")
@require_POST
def member_remove(request, membership_pk):
    membership = get_in_workspace(
        request, Membership.objects.select_related("user__profile"), pk=membership_pk
    )
    try:
        remove_member(membership, request.user)
    except DomainError as error:
        messages.error(request, str(error))
        return _members_page(request, status=409)
    messages.success(request, _("%(user)s was removed.") % {"user": membership.user})
    return redirect("charter:members", request.workspace.slug)


@workspace_view("manage")
@require_POST
def second_factor_policy(request):
    # A copy: a refused form must not leave the in-memory workspace changed for the page.
    workspace = Workspace.objects.get(pk=request.workspace.pk)
    form = SecondFactorPolicyForm(request.POST, instance=workspace, owner=request.user)
    if not form.is_valid():
        return _members_page(request, policy_form=form, status=400)
    if "require_second_factor" in form.changed_data:
        form.save()
        required = workspace.require_second_factor
        AuditEvent.record(
            workspace,
            request.user,
            "workspace.second_factor_required" if required else "workspace.second_factor_optional",
            workspace,
            changes={"require_second_factor": required},
        )
    messages.success(
        request,
        _("Owners and board members now need two-factor authentication.")
        if workspace.require_second_factor
        else _("Two-factor authentication is optional in this workspace."),
    )
    return redirect("charter:members", request.workspace.slug)
