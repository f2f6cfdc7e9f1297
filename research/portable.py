"""Research's part of a charter's JSON document (see ``charter/portable.py``).

Everything researched for the charter travels: interviews, champions, the enablement audit,
surveys with their questions and responses, benchmarks, and insights with links to their
evidence.
The interview guides stay: they are the workspace's method, not the charter's. Survey
imports are history and stay too, but each imported response keeps its row fingerprint, so
importing the same CSV again in the target workspace still adds nothing.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from charter.portable_fields import (
    Checker,
    Children,
    Derived,
    Flag,
    Record,
    Spec,
    Table,
    at,
    fields_of,
)

from .models import (
    AuditActivity,
    Benchmark,
    Champion,
    Insight,
    Interview,
    Survey,
    SurveyQuestion,
    SurveyResponse,
)

QUESTION_KIND = SurveyQuestion._meta.model_name


class Answers(Spec):
    """A response's answers by the document id of their question: a number or a text each."""

    def check_value(self, value, path: str, checker: Checker) -> None:
        if not isinstance(value, dict):
            return self.wrong_type(_("an object of answers by question id"), value, path, checker)
        for key, answer in value.items():
            answer_path = at(path, str(key))
            if not str(key).isdigit():
                checker.add(answer_path, _("A question id is a whole number."))
                continue
            checker.refer(QUESTION_KIND, int(key), answer_path)
            if isinstance(answer, bool) or not isinstance(answer, int | str):
                self.wrong_type(_("a number or a text"), answer, answer_path, checker)

    def dump(self, answers: dict, context) -> dict:
        by_number = {
            context.ref(QUESTION_KIND, int(pk)): answer
            for pk, answer in answers.items()
            if context.has(QUESTION_KIND, int(pk))
        }
        return {str(number): by_number[number] for number in sorted(by_number)}

    def load(self, value: dict, context) -> dict:
        """Each answer checked as the survey would check it typed in (a scale answer is 1–5)."""
        answers = {}
        for number, answer in value.items():
            question = context.lookup(QUESTION_KIND, int(number))
            parsed = question.parse_answer(answer)
            if parsed is not None:
                answers[str(question.pk)] = parsed
        return answers


def _pull(insight: Insight, pulled: bool, context) -> None:
    if pulled:
        insight.pulled_at, insight.pulled_by = timezone.now(), context.by


INTERVIEWS = Table(
    Interview,
    fields_of(
        Interview,
        "interviewee",
        "job_title",
        "function",
        "stakeholder_type",
        "held_on",
        "interviewer",
        "notes",
        "key_quotes",
    ),
    numbered=True,
)
CHAMPIONS = Table(
    Champion,
    fields_of(Champion, "name", "job_title", "function", "influence", "stance", "notes"),
)
ENABLEMENT_AUDIT = Table(
    AuditActivity,
    fields_of(
        AuditActivity,
        "activity",
        "kind",
        "owner_team",
        "requester",
        "channel",
        "frequency",
        "is_formal",
        "made_by_sellers",
        "effort_hours_per_month",
        "pain_points",
    ),
    numbered=True,
)
QUESTIONS = Table(
    SurveyQuestion,
    fields_of(SurveyQuestion, "text", "short_label", "kind", "options", "required"),
    numbered=True,
)
RESPONSES = Table(
    SurveyResponse,
    fields_of(
        SurveyResponse,
        "role",
        "region",
        "respondent",
        "submitted_on",
        "source",
        "fingerprint",
        answers=Answers(),
    ),
    bulk=True,
)
SURVEYS = Table(
    Survey,
    fields_of(
        Survey,
        "title",
        "description",
        "opened_on",
        "closed_on",
        questions=Children(QUESTIONS, "survey"),
        responses=Children(RESPONSES, "survey"),
    ),
)
BENCHMARKS = Table(
    Benchmark,
    fields_of(Benchmark, "company", "kind", "practice", "source", "source_url", "relevance"),
    numbered=True,
)
INSIGHTS = Table(
    Insight,
    fields_of(
        Insight,
        "statement",
        "detail",
        "section_key",
        "interviews",
        "audit_activities",
        "survey_questions",
        "benchmarks",
        pulled=Derived(Flag(), get=lambda insight: insight.is_pulled, put=_pull),
    ),
)
# Insights last: they link to the evidence above.
RESEARCH = Record(
    {
        "interviews": INTERVIEWS,
        "champions": CHAMPIONS,
        "audit_activities": ENABLEMENT_AUDIT,
        "surveys": SURVEYS,
        "benchmarks": BENCHMARKS,
        "insights": INSIGHTS,
    }
)


def export_research(charter, context) -> dict:
    return {
        "interviews": INTERVIEWS.export(charter.interviews.all(), context),
        "champions": CHAMPIONS.export(charter.champions.all(), context),
        "audit_activities": ENABLEMENT_AUDIT.export(charter.audit_activities.all(), context),
        "surveys": SURVEYS.export(charter.surveys.all(), context),
        "benchmarks": BENCHMARKS.export(charter.benchmarks.all(), context),
        "insights": INSIGHTS.export(charter.insights.all(), context),
    }


def import_research(charter, data, context) -> None:
    for key, table in RESEARCH.fields.items():
        table.import_rows(data[key], context, context.at(key), charter=charter)
