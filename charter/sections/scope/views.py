"""Scope: the services-offered block, the budget totals and the workspace's catalogue page."""

from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from charter.access import get_in_workspace, workspace_view
from charter.editing.views import _respond, submit
from charter.models import Charter
from charter.sections.scope import editors as scope
from charter.sections.scope.snapshot import headcounts, live_totals, load


def _services_block(request, charter, form=None, status=200, focus=False):
    live = load(charter)
    context = {"services_block": scope.services_context(request, charter, live, form, focus)}
    if form is None:
        return render(request, "charter/sections/scope/scope_services.html", context, status=status)
    return _respond(
        request,
        "charter/sections/scope/scope_services_form.html",
        context,
        title=_("Services offered"),
        back=context["services_block"]["urls"]["section"],
        status=status,
    )


@workspace_view()
def services_show(request, charter_pk):
    charter = get_in_workspace(request, Charter, pk=charter_pk)
    if not request.htmx:
        return redirect("charter:section", request.workspace.slug, charter.pk, scope.SECTION_KEY)
    return _services_block(request, charter)


@workspace_view("edit")
def services_edit(request, charter_pk):
    charter = get_in_workspace(request, Charter, pk=charter_pk)
    data = request.POST if request.method == "POST" else None
    form = scope.ServicesOfferedForm(
        data, instance=scope.ensure_scope(charter), parent=charter, auto_id="services-%s"
    )
    if request.method != "POST":
        return _services_block(request, charter, form)
    return submit(
        request,
        form,
        render_form=lambda bound, status: _services_block(request, charter, bound, status),
        render_saved=lambda saved: _services_block(request, charter, focus=True),
        return_url=scope.services_urls(request, charter)["section"],
        dom_id=scope.SERVICES_DOM_ID,
        event="scope-services-changed",
    )


@workspace_view()
def funding_totals(request, charter_pk):
    charter = get_in_workspace(request, Charter, pk=charter_pk)
    context = {"charter": charter, "totals": live_totals(charter.funding_sources.all())}
    return render(request, "charter/sections/scope/funding_totals.html", context)


@workspace_view()
def audience_totals(request, charter_pk):
    charter = get_in_workspace(request, Charter, pk=charter_pk)
    context = {"charter": charter, "headcounts": headcounts(charter.audiences.all())}
    return render(request, "charter/sections/scope/audience_totals.html", context)


@workspace_view()
def service_catalogue(request):
    context = {"catalogue": scope.catalogue_table(request)}
    return render(request, "charter/sections/scope/service_catalogue.html", context)
