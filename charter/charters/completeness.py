from django.http import Http404
from django.shortcuts import render

from charter.access import get_in_workspace, workspace_view
from charter.models import Charter
from charter.registry import registry, snapshot_section


def charter_section(request, charter_pk, section_key):
    """The charter and the registered section a URL names, or 404."""
    charter = get_in_workspace(request, Charter, pk=charter_pk)
    if section_key not in registry:
        raise Http404("No such section.")
    return charter, registry.get(section_key)


@workspace_view()
def section_missing(request, charter_pk, section_key):
    """What a section still lacks, for the list that refreshes itself on the section page."""
    charter, section = charter_section(request, charter_pk, section_key)
    context = {
        "charter": charter,
        "section": section,
        "missing": section.completeness(snapshot_section(section, charter)),
    }
    return render(request, "charter/charters/section_missing.html", context)
