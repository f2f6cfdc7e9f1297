from django.http import Http404
from django.shortcuts import redirect, render

from charter.access import get_in_workspace, scoped, workspace_view
from charter.charters.creation import create_charter
from charter.charters.forms import CharterForm
from charter.models import Charter
from charter.registry import completeness, registry, render_panels, snapshot_section
from charter.versions.live import live_snapshot
from charter.versions.publishing import charter_info


@workspace_view()
def workspace(request):
    request.session["workspace"] = request.workspace.slug
    charters = scoped(request, Charter).select_related("created_by__profile")
    return render(request, "charter/charters/workspace.html", {"charters": charters})


@workspace_view("edit")
def charter_create(request):
    form = CharterForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            charter = form.save(commit=False)
            charter.workspace = request.workspace
            create_charter(charter, request.user)
            return redirect("charter:charter", request.workspace.slug, charter.pk)
        return render(request, "charter/charters/charter_form.html", {"form": form}, status=400)
    return render(request, "charter/charters/charter_form.html", {"form": form})


@workspace_view()
def charter_detail(request, charter_pk):
    charter = get_in_workspace(request, Charter, pk=charter_pk)
    live = live_snapshot(request, charter)
    context = {
        "charter": charter,
        "sections": registry.all(),
        "checklist": completeness(live["sections"]),
        "charter_info": live["charter"],
        "panels": render_panels(request, charter),
    }
    return render(request, "charter/charters/charter_detail.html", context)


@workspace_view()
def section_detail(request, charter_pk, section_key):
    charter = get_in_workspace(request, Charter.objects.select_related("workspace"), pk=charter_pk)
    if section_key not in registry:
        raise Http404("No such section.")
    section = registry.get(section_key)
    context = {
        "charter": charter,
        "sections": registry.all(),
        "section": section,
        "can_edit": request.membership.can("edit"),
    }
    if section.editor_template and section.editor_context:
        context.update(section.editor_context(request, charter, request.membership))
    else:
        data = snapshot_section(section, charter)
        context.update(
            {
                "data": data,
                "missing": section.completeness(data),
                "charter_info": charter_info(charter),
                "mode": "web",
            }
        )
    return render(request, "charter/charters/section_detail.html", context)
