import hashlib
import json

from django import template

from ..display import roadmap_display

register = template.Library()


@register.simple_tag(takes_context=True)
def roadmap(context, data, mode="web", group_by=None):
    """``{% roadmap data mode as roadmap %}``: the snapshot prepared for the templates."""
    request = context.get("request")
    if group_by is None and mode == "web" and request is not None:
        group_by = request.GET.get("group", "phase")
    # SVG ids must not clash when two roadmaps share a page (a diff, say), and the same data
    # should draw the same bytes: name them after the data.
    digest = hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()
    return roadmap_display(
        data,
        mode,
        group_by or "phase",
        today=context.get("as_of"),
        id_prefix=f"roadmap-{digest[:8]}",
        language=(context.get("charter_info") or {}).get("language"),
    )
