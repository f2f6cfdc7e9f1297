"""The audit trail: what happened in the workspace, for its owners."""

from django.core.paginator import Paginator
from django.shortcuts import render

from charter.access import scoped, workspace_view
from charter.audit_trail.forms import AuditFilterForm
from charter.audit_trail.labels import filter_events
from charter.models import AuditEvent

PAGE_SIZE = 50


@workspace_view("manage")
def audit_trail(request):
    events = scoped(request, AuditEvent)
    form = AuditFilterForm(request.GET or None, events=events)
    # Invalid filters are reported next to their field; the valid ones still apply.
    valid = form.is_valid() if form.is_bound else True
    filters = {name: value for name, value in getattr(form, "cleaned_data", {}).items() if value}
    filtered = filter_events(events.select_related("actor__profile"), **filters)
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": Paginator(filtered, PAGE_SIZE).get_page(request.GET.get("page")),
        "query": query.urlencode(),
        "filtered": bool(filters),
    }
    return render(request, "charter/audit_trail/trail.html", context, status=200 if valid else 400)
