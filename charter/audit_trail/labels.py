"""Reading the audit trail: readable names for actions and objects, and the owner's filters."""

from datetime import date

from django.apps import apps
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from charter.versions.diff import humanize

# Actions the core records. Other apps' actions (votes, exports…) read well humanized.
ACTION_LABELS = {
    "workspace.created": _("Workspace created"),
    "membership.added": _("Member added"),
    "membership.role_changed": _("Role changed"),
    "membership.removed": _("Member removed"),
    "invitation.sent": _("Invitation sent"),
    "workspace.second_factor_required": _("Two-factor authentication required"),
    "workspace.second_factor_optional": _("Two-factor authentication made optional"),
    "charter.created": _("Charter created"),
    "version.published": _("Version published"),
    "version.submitted": _("Version submitted for review"),
    "version.withdrawn": _("Submission withdrawn"),
    "version.approved": _("Version approved"),
    "version.changes_requested": _("Changes requested"),
    "version.superseded": _("Version superseded"),
}


def action_label(action: str) -> str:
    return str(ACTION_LABELS.get(action) or humanize(action.replace(".", " ")))


def object_type_label(object_type: str) -> str:
    try:
        model = apps.get_model(object_type)
    except (LookupError, ValueError):
        return humanize(object_type.rpartition(".")[2])
    return humanize(str(model._meta.verbose_name))


def filter_events(
    events: QuerySet,
    *,
    action: str = "",
    actor: int | None = None,
    object_type: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
) -> QuerySet:
    if action:
        events = events.filter(action=action)
    if actor:
        events = events.filter(actor_id=actor)
    if object_type:
        events = events.filter(object_type=object_type)
    if date_from:
        events = events.filter(created_at__date__gte=date_from)
    if date_to:
        events = events.filter(created_at__date__lte=date_to)
    return events
