"""Reminders to report: each metric's owner hears once about each missing actual.

A metric's periods follow its cadence (months or quarters) across the charter period. The
actual for a period is *due* a grace period after the period ends; once due and still
missing, it is *overdue* and its owner is emailed — exactly once per metric and period,
which an ``ActualReminder`` row with a unique constraint guarantees even when two runs
overlap.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from charter.formatting import format_date
from charter.mail import queue_email
from charter.models import ActualReminder, Metric
from charter.people import person
from charter.periods import periods
from charter.registry import announce


def grace_days() -> int:
    return settings.ACTUAL_REPORTING_GRACE_DAYS


@dataclass(frozen=True)
class OverdueActual:
    metric: Metric
    period_start: date
    due_date: date


def overdue_actuals(metrics, today: date | None = None) -> list[OverdueActual]:
    """The missing actuals of these metrics whose due date has passed, oldest first.

    ``metrics`` should have ``actuals`` prefetched and ``charter`` selected.
    """
    today = today or timezone.localdate()
    grace = timedelta(days=grace_days())
    overdue = []
    for metric in metrics:
        reported = {actual.period_start for actual in metric.actuals.all()}
        charter = metric.charter
        for start, end in periods(
            metric.cadence, charter.period_start, min(charter.period_end, today)
        ):
            due = end + grace
            if due < today and start not in reported:
                overdue.append(OverdueActual(metric, start, due))
    return sorted(overdue, key=lambda item: (item.due_date, item.metric.name))


def send_due_reminders(today: date | None = None) -> int:
    """Email each owner about each overdue actual they were not yet reminded of."""
    metrics = (
        Metric.objects.filter(owner__isnull=False)
        .exclude(owner__email="")
        .select_related("charter__workspace", "owner__profile")
        .prefetch_related("actuals", "reminders")
    )
    sent = 0
    for item in overdue_actuals(metrics, today):
        metric = item.metric
        if any(reminder.period_start == item.period_start for reminder in metric.reminders.all()):
            continue
        try:
            with transaction.atomic():
                ActualReminder.objects.create(
                    metric=metric, period_start=item.period_start, sent_to=metric.owner.email
                )
                queue_email(*reminder_email(item), [metric.owner.email])
                announce(
                    "actuals.overdue",
                    metric.charter.workspace,
                    {
                        "charter_id": metric.charter_id,
                        "metric": metric.name,
                        "owner": metric.owner.get_full_name() or metric.owner.get_username(),
                        "period_start": item.period_start.isoformat(),
                        "due_date": item.due_date.isoformat(),
                    },
                )
        except IntegrityError:
            # Another run reminded them in the meantime.
            continue
        sent += 1
    return sent


def reminder_email(item: OverdueActual) -> tuple[str, str]:
    """The reminder in its charter's language, whatever the sender's."""
    with translation.override(item.metric.charter.language):
        return _reminder_email(item)


def _reminder_email(item: OverdueActual) -> tuple[str, str]:
    metric = item.metric
    subject = _("Please report %(metric)s for the period starting %(period)s") % {
        "metric": metric.name,
        "period": format_date(item.period_start),
    }
    body = _(
        "Hello %(name)s,\n\nThe %(cadence)s actual of “%(metric)s” in the charter “%(charter)s” "
        "for the period starting %(period)s was due on %(due)s and has not been reported yet.\n\n"
        "Report it here: %(link)s\n"
    ) % {
        "name": person(metric.owner),
        "cadence": metric.get_cadence_display().lower(),
        "metric": metric.name,
        "charter": metric.charter.title,
        "period": format_date(item.period_start),
        "due": format_date(item.due_date),
        "link": f"{settings.SITE_URL}/w/{metric.charter.workspace.slug}/charters/{metric.charter_id}/s/future-success/",
    }
    return subject, body
