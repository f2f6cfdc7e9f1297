"""The one place that resolves objects through the request's membership.

Another workspace's object is a 404, never a 403 that would confirm that it exists.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from .models import Membership
from .second_factor import has_second_factor


def workspace_view(capability: str = "view"):
    """Resolve ``request.membership`` from the ``workspace`` URL argument.

    Non-members get a 404. Members without the capability get a 403: they already know
    the workspace exists.
    """

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapper(request, workspace, *args, **kwargs):
            membership = (
                Membership.objects.select_related("workspace")
                .filter(user=request.user, workspace__slug=workspace)
                .first()
            )
            if membership is None:
                raise Http404("No such workspace.")
            if membership.needs_second_factor and not has_second_factor(request.user):
                return _set_up_second_factor(request, membership)
            if not membership.can(capability):
                raise PermissionDenied
            request.membership = membership
            request.workspace = membership.workspace
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def _set_up_second_factor(request, membership):
    messages.warning(
        request,
        _(
            "%(workspace)s asks owners and board members for two-factor authentication. "
            "Set up an authenticator app or a security key to continue."
        )
        % {"workspace": membership.workspace.name},
    )
    response = redirect("mfa_index")
    if getattr(request, "htmx", False):
        # A partial swapped into the page would hide the reason: htmx loads the whole page.
        response["HX-Redirect"] = response["Location"]
    return response


def get_in_workspace(request, model_or_queryset: type[Model] | QuerySet, **lookup):
    """Fetch one object that belongs to the request's workspace, or raise 404.

    The model declares how to reach its workspace in ``workspace_path``.
    """
    queryset = (
        model_or_queryset
        if isinstance(model_or_queryset, QuerySet)
        else model_or_queryset._default_manager.all()
    )
    path = queryset.model.workspace_path
    return get_object_or_404(queryset, **{path: request.workspace}, **lookup)


def scoped(request, model_or_queryset: type[Model] | QuerySet) -> QuerySet:
    """All objects of a model that belong to the request's workspace."""
    queryset = (
        model_or_queryset
        if isinstance(model_or_queryset, QuerySet)
        else model_or_queryset._default_manager.all()
    )
    return queryset.filter(**{queryset.model.workspace_path: request.workspace})
