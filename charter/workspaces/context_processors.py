from functools import cache, partial

from django.contrib.auth import get_user_model
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse

from charter.models import Membership
from charter.registry import nav_links


def workspaces(request):
    """The workspace switcher: how many workspaces the user has and the one being viewed."""
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
        # Called by the template that shows the switcher: partials answering htmx read nothing.
        "user_workspace_count": cache(partial(_workspace_count_loading_profile, request.user)),
        "current_workspace": workspace,
        "current_membership": membership,
        "workspace_links": links,
    }


def _workspace_count_loading_profile(user) -> int:
    """The user's number of workspaces, read in one query with the profile (or its absence)
    that every page names the user by, kept on ``user`` for the ``person`` filter."""
    counted = (
        Membership.objects.filter(user=OuterRef("pk"))
        .order_by()
        .values("user")
        .annotate(count=Count("pk"))
        .values("count")
    )
    loaded = (
        get_user_model()
        .objects.select_related("profile")
        .annotate(workspace_count=Coalesce(Subquery(counted), 0))
        .get(pk=user.pk)
    )
    # What select_related found, a profile or none, as if ``user`` had been loaded with it.
    profile = get_user_model().profile.related
    profile.set_cached_value(user, profile.get_cached_value(loaded))
    return loaded.workspace_count
