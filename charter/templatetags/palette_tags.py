"""The palette in templates: ``{% colour "bad" %}`` for the print style sheet."""

from django import template
from django.utils.safestring import SafeString

from charter import palette

register = template.Library()


@register.simple_tag
def palette_version() -> str:
    return palette.VERSION


@register.simple_tag
def colour(name: str) -> SafeString:
    return SafeString(palette.colour(name))
