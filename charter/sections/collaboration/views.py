"""Collaboration: the RACI grid, saved cell by cell with htmx or whole without JavaScript."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from charter.access import get_in_workspace, workspace_view
from charter.editing.views import _respond
from charter.models import Charter
from charter.sections.collaboration import editors as collaboration
from charter.sections.collaboration import raci
from charter.sections.collaboration.snapshot import load


def _grid(request, charter, status=200, **extra):
    context = collaboration.raci_context(request, charter, load(charter), **extra)
    back = reverse(
        "charter:section", args=[request.workspace.slug, charter.pk, collaboration.SECTION_KEY]
    )
    return _respond(
        request,
        "charter/sections/collaboration/raci_grid.html",
        context,
        title=_("Who does what (RACI)"),
        back=f"{back}#raci",
        status=status,
    )


@workspace_view()
def raci_grid(request, charter_pk):
    charter = get_in_workspace(request, Charter, pk=charter_pk)
    return _grid(request, charter)


@workspace_view("edit")
@require_POST
def raci_save(request, charter_pk):
    charter = get_in_workspace(request, Charter, pk=charter_pk)
    try:
        changes = collaboration.raci_changes(request.POST, load(charter))
    except ValidationError as error:
        return _saved(request, charter, [], [], status=400, errors=error.messages)
    conflicts = raci.apply(charter, changes)
    if not request.htmx and not conflicts:
        messages.success(request, _("The RACI matrix is saved."))
        return redirect(
            "charter:section", request.workspace.slug, charter.pk, collaboration.SECTION_KEY
        )
    return _saved(request, charter, changes, conflicts, status=409 if conflicts else 200)


def _saved(request, charter, changes, conflicts, status, errors=()):
    """For htmx: the save state, with the changed cells and the rows' checks out of band."""
    if not request.htmx:
        return _grid(request, charter, status, conflicts=conflicts, errors=errors)
    live = load(charter)
    refused = {(c.change.service.pk, c.change.team.pk) for c in conflicts}
    context = {
        **collaboration.raci_context(request, charter, live),
        "saved": [c for c in changes if (c.service.pk, c.team.pk) not in refused],
        "conflicts": conflicts,
        "errors": errors,
    }
    response = render(
        request, "charter/sections/collaboration/raci_saved.html", context, status=status
    )
    if status == 200:
        response["HX-Trigger"] = "charter-changed, raci-changed"
    return response
