"""What each governance event says to the workspace's webhooks, in the charter's language."""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from charter.formatting import format_datetime
from charter.models import Charter

from ..models import NotificationEvent
from .webhooks import post_event


def _charter_link(charter: Charter) -> str:
    return f"{settings.SITE_URL}/w/{charter.workspace.slug}/charters/{charter.pk}/"


def _words(event: str, charter: Charter, payload: dict) -> tuple[str, str]:
    values = {"charter": charter.title, **payload}
    if event == NotificationEvent.VERSION_PUBLISHED:
        return _("%(charter)s: version %(number)s published") % values, _(
            "Version %(number)s of %(charter)s was published."
        ) % values
    if event == NotificationEvent.VERSION_SUBMITTED:
        return _("%(charter)s: version %(number)s submitted to the board") % values, _(
            "%(by)s submitted version %(number)s of %(charter)s for the board's approval."
        ) % values
    if event == NotificationEvent.REVIEW_DECIDED:
        return _("%(charter)s: the board decided on version %(number)s") % values, _(
            "The board's decision on version %(number)s of %(charter)s: %(decision)s."
        ) % values
    if event == NotificationEvent.MEETING_SCHEDULED:
        values["when"] = format_datetime(payload["when"])
        return _("%(charter)s: board meeting scheduled") % values, _(
            "A board meeting about %(charter)s is scheduled for %(when)s."
        ) % values
    if event == NotificationEvent.EXPORT_READY:
        if payload["kind"] == "board_pack":
            return _("%(charter)s: the board pack of version %(number)s is ready") % values, _(
                "The board pack of version %(number)s of %(charter)s can be downloaded."
            ) % values
        return _("%(charter)s: the PDF of version %(number)s is ready") % values, _(
            "The PDF of version %(number)s of %(charter)s can be downloaded."
        ) % values
    return _("%(charter)s: %(metric)s is overdue") % values, _(
        "The actual of %(metric)s for the period starting %(period_start)s was due on "
        "%(due_date)s; %(owner)s has not reported it yet."
    ) % values


def notify(event: str, workspace, payload: dict) -> None:
    """Post the event to the workspace's webhooks that chose it."""
    if event not in NotificationEvent.values:
        return
    charter = Charter.objects.select_related("workspace").get(pk=payload["charter_id"])
    with translation.override(charter.language):
        title, text = _words(event, charter, payload)
        post_event(workspace, event, title, text, _charter_link(charter), payload)
