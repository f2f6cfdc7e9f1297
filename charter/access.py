"""The one place that resolves objects through the request's membership.

Another workspace's object is a 404, never a 403 that would confirm that it exists.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from .models import Membership


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
            if not membership.can(capability):
                raise PermissionDenied
            request.membership = membership
            request.workspace = membership.workspace
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


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
