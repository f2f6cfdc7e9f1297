"""A section's snapshot drawn as HTML, for the web pages and the PDF alike."""

from django.template import defaultfilters
from django.template.loader import render_to_string

from charter.registry import extensions_for


def render_section_html(request, section, data, *, charter_info, as_of, mode="web") -> str:
    """A section's snapshot through its shared partial, then the extensions other apps add."""
    base = {
        "request": request,
        "section": section,
        "data": data or {},
        "charter_info": charter_info,
        # A version is drawn as of its publication (today lines, lateness); live data as of now.
        "as_of": as_of,
        "mode": mode,
    }
    parts = [render_to_string(section.template, base)]
    for extension in extensions_for(section.key):
        extension_data = (data or {}).get("extensions", {}).get(extension.key)
        parts.append(render_to_string(extension.template, {**base, "data": extension_data}))
    return defaultfilters.safe("".join(parts))
