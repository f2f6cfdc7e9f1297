from django import template
from django.template.loader import render_to_string

from .. import formatting, people
from ..drawing import render_section_html
from ..markdown import render_markdown
from ..registry import extensions_for

register = template.Library()


@register.filter
def person(user):
    """A person's display name; a deleted account reads as a former member."""
    return people.person(user)


# Dates and numbers in the active language: the reader's on a web page, the charter's in a
# document (which renders under its charter's language).
@register.filter
def local_date(value):
    return formatting.format_date(value)


@register.filter
def local_datetime(value):
    return formatting.format_datetime(value)


@register.filter
def local_month(value):
    return formatting.format_month(value)


@register.filter
def local_period(start, end):
    return formatting.format_period(start, end)


@register.filter
def local_reporting_period(label):
    return formatting.format_reporting_period(label)


@register.filter
def local_number(value):
    return formatting.format_number(value)


@register.filter
def local_money(amount, currency=""):
    return formatting.format_money(amount, currency)


@register.filter
def lang_tag(language):
    """The BCP 47 tag of a charter's content language, for ``lang`` attributes."""
    return formatting.language_tag(language)


@register.filter(name="markdown")
def markdown_filter(text):
    return render_markdown(text)


@register.simple_tag(takes_context=True)
def render_section(context, section, data, mode="web"):
    return render_section_html(
        context.get("request"),
        section,
        data,
        charter_info=context.get("charter_info"),
        as_of=context.get("as_of"),
        mode=mode,
    )


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


@register.simple_tag(takes_context=True)
def version_side(context, side) -> str:
    """One side of a comparison as HTML, so a whole sentence can place both sides."""
    return render_to_string(
        "charter/versions/side.html", {"side": side, "request": context["request"]}
    )
