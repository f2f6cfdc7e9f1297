from django.shortcuts import redirect, render
from django.urls import reverse

from charter.access import get_in_workspace, workspace_view
from charter.models import Charter

from .display import roadmap_display
from .editors import MILESTONE_TABLE, PHASE_TABLE
from .snapshot import roadmap_completeness, roadmap_snapshot, with_links


def live_context(request, charter, milestones=None, phases=None) -> dict:
    """Timeline, resources and what is missing, drawn from a fresh snapshot of the live rows
    (``milestones`` and ``phases`` when already loaded, as ``roadmap_snapshot`` takes them)."""
    data = roadmap_snapshot(charter, milestones, phases)
    roadmap = roadmap_display(data, "web", request.GET.get("group", "phase"))
    url = reverse("roadmap:live", args=[request.workspace.slug, charter.pk])
    return {
        "roadmap": roadmap,
        "missing": roadmap_completeness(data),
        "mode": "web",
        "live_url": f"{url}?group={roadmap['group_by']}",
    }


def editor_context(request, charter, membership) -> dict:
    """The Roadmap section page: the live drawings and the tables of phases and milestones."""
    # The tables' rows make the snapshot too: loading them twice doubled the page's queries.
    milestones = list(with_links(MILESTONE_TABLE.rows(charter)))
    phases = list(PHASE_TABLE.rows(charter))
    return {
        **live_context(request, charter, milestones, phases),
        "phase_table": PHASE_TABLE.table_context(request, charter, phases),
        "milestone_table": MILESTONE_TABLE.table_context(request, charter, milestones),
    }


@workspace_view()
def live(request, charter_pk):
    """The timeline and the resource summary again, after an edit elsewhere on the page."""
    charter = get_in_workspace(request, Charter, pk=charter_pk)
    if not request.htmx:
        section = reverse("charter:section", args=[request.workspace.slug, charter.pk, "roadmap"])
        return redirect(f"{section}?group={request.GET.get('group', 'phase')}")
    context = {"charter": charter, **live_context(request, charter)}
    return render(request, "roadmap/partials/live.html", context)
