from django import template
from django.utils.translation import gettext_lazy as _

from charter.audit_trail.labels import action_label, object_type_label
from charter.versions.diff import display, humanize

from ..models import Role, VersionStatus

register = template.Library()

register.filter("audit_action", action_label)
register.filter("audit_object_type", object_type_label)

KEY_LABELS = {"sha256": _("Fingerprint (SHA-256)"), "snapshot_sha256": _("Fingerprint (SHA-256)")}
# Stored values of the core's choices, shown by their names.
VALUE_LABELS = {"role": dict(Role.choices), "status": dict(VersionStatus.choices)}


def _value(key: str, value) -> str:
    named = VALUE_LABELS.get(key, {})
    return str(named[value]) if isinstance(value, str) and value in named else display(value)


@register.filter
def audit_changes(changes) -> list[tuple[str, str, str | None]]:
    """An event's changes as (label, value, new value or None) for display.

    By convention a change recorded as a two-item list of plain values is [before, after].
    """
    rows = []
    for key, value in (changes or {}).items():
        label = str(KEY_LABELS.get(key) or humanize(key))
        if (
            isinstance(value, list)
            and len(value) == 2
            and not any(isinstance(item, dict | list) for item in value)
        ):
            rows.append((label, _value(key, value[0]) or "—", _value(key, value[1]) or "—"))
        else:
            rows.append((label, _value(key, value), None))
    return rows
