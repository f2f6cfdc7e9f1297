"""The palette in templates: ``{% palette_css %}`` for stylesheets, ``{% colour "bad" %}``."""

from django import template
from django.utils.safestring import SafeString

from charter import palette

register = template.Library()


@register.simple_tag
def palette_css() -> SafeString:
    return SafeString(palette.css_variables())


@register.simple_tag
def colour(name: str) -> SafeString:
    return SafeString(palette.colour(name))
