"""The Research summary appendix: everything the research found, frozen into plain JSON, and
its page on the charter."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from charter.models import Charter
from charter.versions.publishing import charter_info

from .benchmarks.snapshot import benchmarks_snapshot
from .champions.snapshot import champions_snapshot
from .enablement_audit.snapshot import summarize
from .insights.snapshot import insights_snapshot, insights_with_evidence
from .interviews.snapshot import interviews_snapshot
from .models import Benchmark, Champion, Function, StakeholderType
from .surveys.snapshot import surveys_snapshot

# The changes list names the snapshot's keys and codes with these.
LABELS = {
    "interviews": gettext_lazy("Interviews"),
    "champions": gettext_lazy("Champions"),
    "audit": gettext_lazy("Enablement audit"),
    "surveys": gettext_lazy("Surveys"),
    "benchmarks": gettext_lazy("Benchmarks"),
    "insights": gettext_lazy("Insights"),
    "stakeholder_type": gettext_lazy("Stakeholder type"),
    "interviewee": gettext_lazy("Interviewee"),
    "interviewer": gettext_lazy("Interviewer"),
    "held_on": gettext_lazy("Held on"),
    "quotes": gettext_lazy("Quotes"),
    "influence": gettext_lazy("Influence"),
    "stance": gettext_lazy("Stance"),
    "company": gettext_lazy("Company"),
    "practice": gettext_lazy("Practice"),
    "relevance": gettext_lazy("Relevance"),
    "source_url": gettext_lazy("Source address"),
    "statement": gettext_lazy("Statement"),
    "evidence": gettext_lazy("Evidence"),
    "section_key": "",
}
CHOICES = {
    "stakeholder_type": dict(StakeholderType.choices),
    "function": dict(Function.choices),
    "influence": dict(Champion.Influence.choices),
    "stance": dict(Champion.Stance.choices),
    "relevance": dict(Benchmark.Relevance.choices),
}


def research_summary(charter: Charter) -> dict:
    """The Research summary appendix: everything the research found, frozen."""
    return {
        "interviews": interviews_snapshot(charter),
        "champions": champions_snapshot(charter),
        "audit": summarize(charter.audit_activities.all()),
        "surveys": surveys_snapshot(charter),
        "benchmarks": benchmarks_snapshot(charter),
        "insights": insights_snapshot(insights_with_evidence(charter)),
    }


def completeness(data: dict) -> list[str]:
    missing = []
    if not data.get("interviews"):
        missing.append(_("Interview at least one stakeholder."))
    elif not any(i["stakeholder_type"] == "executive" for i in data["interviews"]):
        missing.append(_("Interview at least one executive."))
    if not (data.get("audit") or {}).get("activities"):
        missing.append(_("Audit the enablement that already exists."))
    if not any(s["respondents"] for s in data.get("surveys", [])):
        missing.append(_("Collect survey responses from the sales force."))
    if not data.get("insights"):
        missing.append(_("Write down what the research found as insights."))
    return missing


def summary_editor(request, charter, membership) -> dict:
    """The Research summary section's page: the live summary and what it still lacks."""
    data = research_summary(charter)
    return {
        "data": data,
        "missing": completeness(data),
        "charter_info": charter_info(charter),
        "can_research": membership.can("research"),
    }
