from django import template

from ..audit import action_label, object_type_label
from ..diff import display, humanize

register = template.Library()

register.filter("audit_action", action_label)
register.filter("audit_object_type", object_type_label)


@register.filter
def audit_changes(changes) -> list[tuple[str, str, str | None]]:
    """An event's changes as (label, value, new value or None) for display.

    By convention a change recorded as a two-item list of plain values is [before, after].
    """
    rows = []
    for key, value in (changes or {}).items():
        if (
            isinstance(value, list)
            and len(value) == 2
            and not any(isinstance(item, dict | list) for item in value)
        ):
            rows.append((humanize(key), display(value[0]) or "—", display(value[1]) or "—"))
        else:
            rows.append((humanize(key), display(value), None))
    return rows
