from .models import Workspace


def workspaces(request):
    """The workspace switcher: the user's workspaces and the one being viewed."""
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    return {
        "user_workspaces": Workspace.objects.filter(memberships__user=request.user),
        "current_workspace": getattr(request, "workspace", None),
        "current_membership": getattr(request, "membership", None),
    }
