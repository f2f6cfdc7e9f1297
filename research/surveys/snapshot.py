"""The charter's surveys with their aggregated results as plain JSON, for the Research summary."""

from charter.models import Charter

from ..models import Survey
from .results import TEXT_SAMPLE, survey_results


def surveys_snapshot(charter: Charter) -> list[dict]:
    surveys = charter.surveys.prefetch_related("questions").order_by("opened_on", "pk")
    return [_survey(survey) for survey in surveys]


def _survey(survey: Survey) -> dict:
    questions = list(survey.questions.all())
    results = survey_results(survey, questions, text_sample=TEXT_SAMPLE)
    return {
        "title": survey.title,
        "opened_on": survey.opened_on.isoformat() if survey.opened_on else None,
        "closed_on": survey.closed_on.isoformat() if survey.closed_on else None,
        "respondents": results["respondents"],
        "questions": results["questions"],
    }
