from datetime import datetime

from django import template
from django.utils.translation import gettext_lazy as _

from charter.audit_trail.labels import action_label, change_label, object_type_label, value_labels
from charter.formatting import format_datetime
from charter.versions.diff import ROW_TITLE_KEYS, display, humanize

from ..models import Role, VersionStatus

register = template.Library()

register.filter("audit_action", action_label)
register.filter("audit_object_type", object_type_label)

KEY_LABELS = {"sha256": _("Fingerprint (SHA-256)"), "snapshot_sha256": _("Fingerprint (SHA-256)")}
# Stored values of the core's choices, shown by their names.
VALUE_LABELS = {"role": dict(Role.choices), "status": dict(VersionStatus.choices)}


def _entry(item: dict) -> str:
    """One recorded row, e.g. a vote {voter, decision}: its title, else its values in order."""
    if any(isinstance(item.get(key), str) and item[key].strip() for key in ROW_TITLE_KEYS):
        return display([item])
    return " — ".join(_value(key, value) for key, value in item.items() if value not in (None, ""))


def _moment(text: str) -> datetime | None:
    """A recorded ISO date-time (not a bare date or number), to show in the reader's language."""
    if "T" not in text:
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _value(key: str, value) -> str:
    named = {**value_labels(key), **VALUE_LABELS.get(key, {})}
    if isinstance(value, str) and value in named:
        return str(named[value])
    if isinstance(value, list) and value and all(isinstance(item, str) for item in value):
        return ", ".join(str(named.get(item, item)) for item in value)
    if isinstance(value, str) and (moment := _moment(value)):
        return format_datetime(moment)
    if isinstance(value, list) and any(isinstance(item, dict) for item in value):
        return "; ".join(
            _entry(item) if isinstance(item, dict) else display(item) for item in value
        )
    return display(value)


@register.filter
def audit_changes(changes) -> list[tuple[str, str, str | None]]:
    """An event's changes as (label, value, new value or None) for display.

    By convention a change recorded as a two-item list of plain values is [before, after].
    Any other JSON an app stored is shown as well as it can be, never as an error: the trail
    is append-only, so a row recorded in an unusual shape stays there for good.
    """
    if isinstance(changes, list):
        changes = {"changed": [humanize(str(name)) for name in changes]}
    elif not isinstance(changes, dict):
        changes = {"details": changes} if changes not in (None, "") else {}
    rows = []
    for key, value in changes.items():
        label = str(KEY_LABELS.get(key) or change_label(key) or humanize(key))
        if (
            isinstance(value, list)
            and len(value) == 2
            and not any(isinstance(item, dict | list) for item in value)
        ):
            rows.append((label, _value(key, value[0]) or "—", _value(key, value[1]) or "—"))
        else:
            rows.append((label, _value(key, value), None))
    return rows
