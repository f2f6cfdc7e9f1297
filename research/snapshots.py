"""Research frozen into plain JSON: the Research summary appendix and the insights that an
editor pulled into the current state, each with its evidence."""

from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from charter.models import Charter

from .enablement_audit import summarize
from .models import Insight, Interview, SurveyQuestion
from .results import TEXT_SAMPLE, survey_results


def insights_with_evidence(charter: Charter):
    return charter.insights.prefetch_related(
        "interviews",
        "audit_activities",
        "benchmarks",
        Prefetch("survey_questions", queryset=SurveyQuestion.objects.select_related("survey")),
    )


def insights_snapshot(insights: Iterable[Insight]) -> list[dict]:
    insights = list(insights)
    questions = {q.pk: q for insight in insights for q in insight.survey_questions.all()}
    results = _results_by_question(questions.values())
    return [
        {
            "statement": insight.statement,
            "detail": insight.detail,
            "section_key": insight.section_key,
            "section": insight.section_title,
            "evidence": evidence(insight, results),
        }
        for insight in insights
    ]


def _results_by_question(questions: Iterable[SurveyQuestion]) -> dict[int, dict]:
    """One query per survey involved, not per question."""
    by_survey = defaultdict(list)
    for question in questions:
        by_survey[question.survey].append(question)
    results = {}
    for survey, survey_questions in by_survey.items():
        for result in survey_results(survey, survey_questions, text_sample=0)["questions"]:
            results[result["id"]] = result
    return results


def evidence(insight: Insight, results: dict[int, dict]) -> list[dict]:
    items = [
        _item("interview", _("Interview"), i.label, _interview_detail(i))
        for i in insight.interviews.all()
    ]
    items += [
        _item(
            "audit",
            _("Audit"),
            a.activity,
            _("%(team)s · %(channel)s · %(hours)s h/month")
            % {
                "team": a.owner_team,
                "channel": a.get_channel_display(),
                "hours": a.effort_hours_per_month,
            },
        )
        for a in insight.audit_activities.all()
    ]
    items += [
        _item("survey", _("Survey"), q.text, _survey_detail(results.get(q.pk)))
        for q in insight.survey_questions.all()
    ]
    items += [
        _item("benchmark", _("Benchmark"), f"{b.company} ({b.get_kind_display()})", b.practice)
        for b in insight.benchmarks.all()
    ]
    return items


def _item(kind: str, kind_label: str, label: str, detail: str) -> dict:
    return {"kind": kind, "kind_label": str(kind_label), "label": label, "detail": str(detail)}


def _interview_detail(interview: Interview) -> str:
    quotes = interview.quotes
    when = interview.held_on.isoformat()
    return f"{when} · “{quotes[0]}”" if quotes else when


def _survey_detail(result: dict | None) -> str:
    if not result or not result["answered"]:
        return _("no answers yet")
    answered = _("%(count)s answers") % {"count": result["answered"]}
    if result["kind"] == SurveyQuestion.Kind.SCALE:
        return _("average %(mean)s of 5 · %(favourable)s%% agree · %(answered)s") % {
            "mean": result["mean"],
            "favourable": result["favourable_percent"],
            "answered": answered,
        }
    if result["kind"] == SurveyQuestion.Kind.CHOICE:
        top = max(result["options"], key=lambda option: option["count"])
        return _("most chose “%(option)s” (%(percent)s%%) · %(answered)s") % {
            "option": top["label"],
            "percent": top["percent"],
            "answered": answered,
        }
    return answered


def pulled_insights(charter: Charter) -> dict:
    """The extension of the current state: insights an editor pulled in, with evidence."""
    insights = insights_with_evidence(charter).filter(pulled_at__isnull=False).order_by("pulled_at")
    return {"insights": insights_snapshot(insights)}


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
