"""Blocks of the charter overview page that the core app itself contributes."""

from django.utils.translation import gettext_lazy as _

from .models import Metric
from .registry import Panel, register_panel
from .reminders import overdue_actuals


def overdue_actuals_context(request, charter) -> dict:
    metrics = (
        Metric.objects.filter(charter=charter)
        .select_related("charter", "owner")
        .prefetch_related("actuals")
    )
    return {"overdue": overdue_actuals(metrics), "title": _("Overdue actuals")}


register_panel(
    Panel(
        key="overdue-actuals",
        order=50,
        template="charter/panels/overdue_actuals.html",
        context=overdue_actuals_context,
    )
)
