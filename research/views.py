"""The research pages of a charter: where to start, and how much each part has found."""

from django.shortcuts import redirect, render

from charter.access import scoped, workspace_view
from charter.models import Charter

from .models import AuditActivity, Benchmark, Champion, Insight, Interview, Survey
from .records import research_charter


@workspace_view()
def home(request):
    """Research is done per charter: go straight to it when there is only one."""
    charters = list(scoped(request, Charter).order_by("-period_start", "-pk"))
    if len(charters) == 1:
        return redirect("research:overview", request.workspace.slug, charters[0].pk)
    return render(request, "research/home.html", {"charters": charters})


@workspace_view()
def overview(request, charter_pk):
    charter = research_charter(request, charter_pk)
    counts = {
        "interviews": scoped(request, Interview).filter(charter=charter).count(),
        "champions": scoped(request, Champion).filter(charter=charter).count(),
        "audit": scoped(request, AuditActivity).filter(charter=charter).count(),
        "surveys": scoped(request, Survey).filter(charter=charter).count(),
        "benchmarks": scoped(request, Benchmark).filter(charter=charter).count(),
        "insights": scoped(request, Insight).filter(charter=charter).count(),
    }
    pulled = scoped(request, Insight).filter(charter=charter, pulled_at__isnull=False)
    context = {"charter": charter, "counts": counts, "pulled": pulled, "tab": "overview"}
    return render(request, "research/overview.html", context)
