"""Aggregated survey results, as plain JSON shared by the results page and the snapshot."""

from collections import Counter
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from ..models import Survey, SurveyQuestion

TEXT_SAMPLE = 5


def filter_options(survey: Survey) -> dict[str, list[str]]:
    responses = survey.responses.order_by()
    return {
        "roles": sorted(set(responses.exclude(role="").values_list("role", flat=True))),
        "regions": sorted(set(responses.exclude(region="").values_list("region", flat=True))),
    }


def survey_results(
    survey: Survey,
    questions: Sequence[SurveyQuestion],
    *,
    role: str = "",
    region: str = "",
    text_sample: int | None = None,
) -> dict:
    """One query for the answers, however many questions; ``text_sample`` caps free text."""
    responses = survey.responses.order_by("-created_at", "-pk")
    if role:
        responses = responses.filter(role=role)
    if region:
        responses = responses.filter(region=region)
    answer_sets = list(responses.values_list("answers", flat=True))
    return {
        "respondents": len(answer_sets),
        "role": role,
        "region": region,
        "questions": [question_result(q, answer_sets, text_sample) for q in questions],
    }


def question_result(
    question: SurveyQuestion, answer_sets: Sequence[dict], text_sample=None
) -> dict:
    key = str(question.pk)
    values = [answers[key] for answers in answer_sets if answers.get(key) not in (None, "")]
    result = {
        "id": question.pk,
        "label": question.label,
        "text": question.text,
        "kind": question.kind,
        "kind_label": str(question.get_kind_display()),
        "answered": len(values),
    }
    if question.kind == SurveyQuestion.Kind.SCALE:
        result.update(_scale(values))
    elif question.kind == SurveyQuestion.Kind.CHOICE:
        result["options"] = _options(question.option_list, values)
    else:
        result["answers"] = [str(value) for value in values[:text_sample]]
    return result


def _scale(values: list) -> dict:
    numbers = [int(value) for value in values if str(value).isdigit() and 1 <= int(value) <= 5]
    counts = Counter(numbers)
    total = len(numbers)
    mean = (
        (Decimal(sum(numbers)) / total).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        if total
        else None
    )
    return {
        "mean": str(mean) if mean is not None else None,
        "favourable_percent": _percent(counts[4] + counts[5], total),
        "distribution": [
            {"value": n, "count": counts[n], "percent": _percent(counts[n], total)}
            for n in range(1, 6)
        ],
    }


def _options(declared: list[str], values: list) -> list[dict]:
    counts = Counter(str(value) for value in values)
    # Answers to an option removed since they were given still count, after the current ones.
    labels = declared + sorted(set(counts) - set(declared))
    total = len(values)
    return [
        {"label": label, "count": counts[label], "percent": _percent(counts[label], total)}
        for label in labels
    ]


def _percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0
