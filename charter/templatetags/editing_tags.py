"""Template tags of the in-place editing framework (charter/editing/specs.py)."""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag(takes_context=True)
def editable_rows(context, table):
    """Every row of ``table`` (a ``RowEditor.table_context``) through its row template."""
    request = context.get("request")
    return mark_safe(  # noqa: S308  each row is a template rendered with autoescaping
        "".join(
            render_to_string(item["editor"].row_template, item, request) for item in table["rows"]
        )
    )
