"""The Research summary appendix: everything the research found, frozen into plain JSON, and
its page on the charter."""

from django.utils.translation import gettext as _

from charter.models import Charter
from charter.versions.publishing import charter_info

from .enablement_audit.summary import summarize
from .insights.snapshot import insights_snapshot, insights_with_evidence
from .models import Interview
from .surveys.results import TEXT_SAMPLE, survey_results


def research_summary(charter: Charter) -> dict:
    """The Research summary appendix: everything the research found, frozen."""
    interviews = charter.interviews.select_related("interviewer").order_by("held_on", "pk")
    surveys = charter.surveys.prefetch_related("questions").order_by("opened_on", "pk")
    return {
        "interviews": [_interview(i) for i in interviews],
        "champions": [
            {
                "name": c.name,
                "job_title": c.job_title,
                "function": str(c.get_function_display()),
                "influence": str(c.get_influence_display()),
                "stance": str(c.get_stance_display()),
            }
            for c in charter.champions.all()
        ],
        "audit": summarize(charter.audit_activities.all()),
        "surveys": [_survey(s) for s in surveys],
        "benchmarks": [
            {
                "company": b.company,
                "kind": str(b.get_kind_display()),
                "practice": b.practice,
                "source": b.source,
                "source_url": b.source_url,
                "relevance": str(b.get_relevance_display()),
            }
            for b in charter.benchmarks.all()
        ],
        "insights": insights_snapshot(insights_with_evidence(charter)),
    }


def _interview(interview: Interview) -> dict:
    interviewer = interview.interviewer
    return {
        "interviewee": interview.interviewee,
        "job_title": interview.job_title,
        "function": str(interview.get_function_display()),
        "stakeholder_type": interview.stakeholder_type,
        "held_on": interview.held_on.isoformat(),
        "interviewer": (interviewer.get_full_name() or interviewer.get_username())
        if interviewer
        else "",
        "quotes": interview.quotes,
    }


def _survey(survey) -> dict:
    questions = list(survey.questions.all())
    results = survey_results(survey, questions, text_sample=TEXT_SAMPLE)
    return {
        "title": survey.title,
        "opened_on": survey.opened_on.isoformat() if survey.opened_on else None,
        "closed_on": survey.closed_on.isoformat() if survey.closed_on else None,
        "respondents": results["respondents"],
        "questions": results["questions"],
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
