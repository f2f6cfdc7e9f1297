"""Reading the audit trail: readable names for actions and objects, and the owner's filters."""

from datetime import date

from django.apps import apps
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from charter.registry import audit_vocabularies
from charter.versions.diff import humanize

# Actions the core records; other apps name theirs through ``register_audit_vocabulary``.
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
    "charter.imported": _("Charter imported"),
    "comment.resolved": _("Comment resolved"),
    "comment.reopened": _("Comment reopened"),
    "export.requested": _("Export requested"),
    "export.retried": _("Export retried"),
    "export.requeued": _("Export queued again"),
    "metric.actuals_imported": _("Metric actuals imported"),
    "metric.actual_recorded": _("Actual recorded"),
    "api_token.created": _("API token created"),
    "api_token.revoked": _("API token revoked"),
}
OBJECT_TYPE_LABELS = {
    "charter.workspace": _("Workspace"),
    "charter.membership": _("Membership"),
    "charter.invitation": _("Invitation"),
    "charter.charter": _("Charter"),
    "charter.charterversion": _("Charter version"),
    "charter.pdfexport": _("PDF export"),
    "charter.comment": _("Comment"),
    "charter.metric": _("Metric"),
    "charter.apitoken": _("API token"),
}
# Keys the core's own events record, beyond those every snapshot shares.
CHANGE_LABELS = {
    "email": _("Email"),
    "new": _("New"),
    "updated": _("Updated"),
    "invalid": _("Invalid"),
    "section": _("Section"),
    "unmatched_people": _("People not matched"),
    "period": _("Period"),
    "value": _("Value"),
    "previous value": _("Previous value"),
    "source": _("Source"),
    "scopes": _("Scopes"),
    "expires": _("Expires"),
}


def _vocabulary_label(kind: str, code: str):
    return next(
        (
            getattr(vocabulary, kind)[code]
            for vocabulary in audit_vocabularies
            if code in getattr(vocabulary, kind)
        ),
        None,
    )


def action_label(action: str) -> str:
    label = ACTION_LABELS.get(action) or _vocabulary_label("actions", action)
    return str(label or humanize(action.replace(".", " ")))


def object_type_label(object_type: str) -> str:
    label = OBJECT_TYPE_LABELS.get(object_type) or _vocabulary_label("object_types", object_type)
    if label:
        return str(label)
    try:
        model = apps.get_model(object_type)
    except (LookupError, ValueError):
        return humanize(object_type.rpartition(".")[2])
    return humanize(str(model._meta.verbose_name))


def change_label(key: str) -> str | None:
    """The name of a recorded change's key, if the core or an app gave it one."""
    label = CHANGE_LABELS.get(key) or _vocabulary_label("labels", key)
    return str(label) if label else None


def value_labels(key: str) -> dict:
    """The names of the codes a recorded change's key holds, from every app that declared it."""
    named = {}
    for vocabulary in audit_vocabularies:
        named.update(vocabulary.choices.get(key, {}))
    return named


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
