"""Insights frozen into plain JSON, each with its evidence: in the Research summary, and as
the current state's extension when an editor pulled them in."""

from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from charter.models import Charter

from ..models import Insight, Interview, SurveyQuestion
from ..surveys.results import survey_results


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
    answered = ngettext("%(count)s answer", "%(count)s answers", result["answered"]) % {
        "count": result["answered"]
    }
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
