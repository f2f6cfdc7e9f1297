"""Blocks of the charter overview page that the core app itself contributes."""

from django.utils.translation import gettext_lazy as _

from charter.actuals.reminders import overdue_actuals
from charter.models import Metric


def overdue_actuals_context(request, charter) -> dict:
    metrics = (
        Metric.objects.filter(charter=charter)
        .select_related("charter", "owner__profile")
        .prefetch_related("actuals")
    )
    return {"overdue": overdue_actuals(metrics), "title": _("Overdue actuals")}
