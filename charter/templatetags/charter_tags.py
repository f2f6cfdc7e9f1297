from django import template
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from ..markdown import render_markdown
from ..registry import extensions_for

register = template.Library()


@register.filter
def person(user):
    """A user's full name, else username; a deleted account reads as a former member."""
    if user is None or user == "":
        return _("a former member")
    return user.get_full_name() or user.get_username()


@register.filter(name="markdown")
def markdown_filter(text):
    return render_markdown(text)


@register.simple_tag(takes_context=True)
def render_section(context, section, data, mode="web"):
    """A section's snapshot through its shared partial, then the extensions other apps add."""
    base = {
        "request": context.get("request"),
        "section": section,
        "data": data or {},
        "charter_info": context.get("charter_info"),
        # A version is drawn as of its publication (today lines, lateness); live data as of now.
        "as_of": context.get("as_of"),
        "mode": mode,
    }
    parts = [render_to_string(section.template, base)]
    for extension in extensions_for(section.key):
        extension_data = (data or {}).get("extensions", {}).get(extension.key)
        parts.append(render_to_string(extension.template, {**base, "data": extension_data}))
    return template.defaultfilters.safe("".join(parts))


@register.simple_tag(takes_context=True)
def render_live_extensions(context, section, charter):
    """What other apps add to a section, from the live charter: a section with an editor
    shows its editor instead of ``render_section``, and would otherwise hide them."""
    base = {"request": context.get("request"), "section": section, "mode": "web"}
    return template.defaultfilters.safe(
        "".join(
            render_to_string(extension.template, {**base, "data": extension.snapshot(charter)})
            for extension in extensions_for(section.key)
        )
    )
