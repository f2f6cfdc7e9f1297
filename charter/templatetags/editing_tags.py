"""Template tags of the in-place editing framework (charter/editing/specs.py)."""

from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag(takes_context=True)
def editable_rows(context, table):
    """Every row of ``table`` (a ``RowEditor.table_context``) through its row template.

    Rendered like ``{% include %}`` within the page's context: a fresh context per row would
    run every context processor again for each row.
    """
    engine = context.template.engine
    rows = []
    for item in table["rows"]:
        row_template = engine.get_template(item["editor"].row_template)
        with context.push(item):
            rows.append(row_template.render(context))
    return mark_safe("".join(rows))  # noqa: S308  each row is a template rendered with autoescaping
