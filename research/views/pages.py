"""The research pages of a charter that list what was found."""

from django.shortcuts import redirect, render

from charter.access import get_in_workspace, scoped, workspace_view
from charter.models import Charter
from charter.versions.publishing import charter_info

from .. import snapshots
from ..enablement_audit import summarize
from ..models import (
    AuditActivity,
    Benchmark,
    Champion,
    Function,
    Insight,
    Interview,
    InterviewGuide,
    Survey,
)
from .common import research_charter


def summary_editor(request, charter, membership) -> dict:
    """The Research summary section's page: the live summary and what it still lacks."""
    data = snapshots.research_summary(charter)
    return {
        "data": data,
        "missing": snapshots.completeness(data),
        "charter_info": charter_info(charter),
        "can_research": membership.can("research"),
    }


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


@workspace_view()
def interview_list(request, charter_pk):
    charter = research_charter(request, charter_pk)
    interviews = scoped(request, Interview).filter(charter=charter).select_related("interviewer")
    function = request.GET.get("function", "")
    if function in Function.values:
        interviews = interviews.filter(function=function)
    context = {
        "charter": charter,
        "interviews": interviews,
        "functions": Function.choices,
        "function": function,
        "tab": "interviews",
    }
    return render(request, "research/interview_list.html", context)


@workspace_view()
def interview_detail(request, interview_pk):
    interview = get_in_workspace(
        request, Interview.objects.select_related("charter", "interviewer"), pk=interview_pk
    )
    guide = (
        InterviewGuide.for_workspace(request.workspace)
        .filter(stakeholder_type=interview.stakeholder_type)
        .first()
    )
    context = {
        "charter": interview.charter,
        "interview": interview,
        "guide": guide,
        "insights": interview.insights.all(),
        "tab": "interviews",
    }
    return render(request, "research/interview_detail.html", context)


@workspace_view()
def champion_list(request, charter_pk):
    charter = research_charter(request, charter_pk)
    champions = scoped(request, Champion).filter(charter=charter)
    context = {"charter": charter, "champions": champions, "tab": "champions"}
    return render(request, "research/champion_list.html", context)


@workspace_view()
def enablement_audit(request, charter_pk):
    charter = research_charter(request, charter_pk)
    activities = list(scoped(request, AuditActivity).filter(charter=charter))
    context = {
        "charter": charter,
        "activities": activities,
        "summary": summarize(activities),
        "tab": "audit",
    }
    return render(request, "research/enablement_audit.html", context)


@workspace_view()
def benchmark_list(request, charter_pk):
    charter = research_charter(request, charter_pk)
    benchmarks = scoped(request, Benchmark).filter(charter=charter)
    context = {"charter": charter, "benchmarks": benchmarks, "tab": "benchmarks"}
    return render(request, "research/benchmark_list.html", context)
