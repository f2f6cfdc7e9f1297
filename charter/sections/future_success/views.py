"""Future-success pages beyond the generic in-place editing: a metric and its actuals."""

from django.shortcuts import render

from charter.access import get_in_workspace, workspace_view
from charter.models import Charter, Metric
from charter.sections.future_success.editors import ACTUAL_TABLE, METRIC_TABLE
from charter.sections.future_success.snapshot import load_metrics, metric_data, outcomes


@workspace_view()
def metric_detail(request, metric_pk):
    metric = get_in_workspace(request, METRIC_TABLE.prepare(Metric.objects.all()), pk=metric_pk)
    context = {
        "metric": metric,
        "charter": metric.charter,
        "data": metric_data(metric),
        "drivers": metric.drivers.all(),
        "outcomes": metric.driven_outcomes.all(),
        "latest_actual": metric.actuals.order_by("-period_start").first(),
        "actuals": ACTUAL_TABLE.table_context(request, metric, ACTUAL_TABLE.rows(metric)),
    }
    return render(request, "charter/sections/future_success/metric_detail.html", context)


@workspace_view()
def metric_outcomes(request, charter_pk):
    charter = get_in_workspace(request, Charter, pk=charter_pk)
    context = {"charter": charter, "outcomes": outcomes(load_metrics(charter))}
    return render(request, "charter/sections/future_success/outcomes_live.html", context)
