from django.urls import reverse

from charter.models import Workspace
from charter.registry import nav_links


def workspaces(request):
    """The workspace switcher: the user's workspaces and the one being viewed."""
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    workspace = getattr(request, "workspace", None)
    membership = getattr(request, "membership", None)
    links = []
    if workspace is not None and membership is not None:
        links = [
            (link.title, reverse(link.url_name, args=[workspace.slug]))
            for link in nav_links
            if membership.can(link.capability)
        ]
    return {
        "user_workspaces": Workspace.objects.filter(memberships__user=request.user),
        "current_workspace": workspace,
        "current_membership": membership,
        "workspace_links": links,
    }
