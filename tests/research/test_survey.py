"""Survey questions, responses typed in, and results filtered by role and region."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from research.models import SurveyQuestion, SurveyResponse
from research.surveys.results import survey_results
from tests.factories import CharterFactory
from tests.research.factories import (
    SurveyQuestionFactory,
    SurveyResponseFactory,
    survey_with_questions,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey(member_client):
    contributor = member_client("contributor")
    charter = CharterFactory(workspace=contributor.membership.workspace)
    survey, scale, choice, text = survey_with_questions(charter)
    survey.client = contributor
    return survey, scale, choice, text


def answers(scale, choice, text, value, place, wish=""):
    data = {str(scale.pk): value, str(choice.pk): place}
    if wish:
        data[str(text.pk)] = wish
    return data


@pytest.mark.parametrize(
    ("kind", "options", "raw", "expected"),
    [
        ("scale", "", " 4 ", 4),
        ("scale", "", "5.0", 5),
        ("choice", "Shared drive\nCRM", "crm", "CRM"),
        ("text", "", "  More coaching ", "More coaching"),
        ("scale", "", "", None),
    ],
)
def test_answers_are_parsed_by_the_kind_of_question(kind, options, raw, expected):
    question = SurveyQuestion(text="Q", kind=kind, options=options)

    assert question.parse_answer(raw) == expected


@pytest.mark.parametrize(
    ("kind", "options", "raw", "required", "message"),
    [
        ("scale", "", "6", False, "whole number from 1 to 5"),
        ("scale", "", "3.5", False, "whole number from 1 to 5"),
        ("scale", "", "n/a", False, "whole number from 1 to 5"),
        ("choice", "Shared drive\nCRM", "Fax", False, "not an option"),
        ("text", "", "x" * 5001, False, "longer than 5000"),
        ("scale", "", " ", True, "needs an answer"),
    ],
)
def test_bad_answers_say_what_is_wrong(kind, options, raw, required, message):
    question = SurveyQuestion(text="Q", kind=kind, options=options, required=required)

    with pytest.raises(ValidationError, match=message):
        question.parse_answer(raw)


def test_a_multiple_choice_question_needs_two_distinct_options():
    with pytest.raises(ValidationError, match="at least two options"):
        SurveyQuestion(text="Q", kind="choice", options="Only one").clean()
    with pytest.raises(ValidationError, match="only once"):
        SurveyQuestion(text="Q", kind="choice", options="CRM\ncrm").clean()


def test_results_aggregate_every_kind_of_question(survey):
    survey, scale, choice, text = survey
    for value, place, wish in [(1, "CRM", ""), (4, "CRM", "Coaching"), (5, "Chat", "Decks")]:
        SurveyResponseFactory(
            survey=survey, answers=answers(scale, choice, text, value, place, wish)
        )

    results = survey_results(survey, [scale, choice, text])

    by_id = {result["id"]: result for result in results["questions"]}
    assert results["respondents"] == 3
    assert by_id[scale.pk]["mean"] == "3.3"
    assert by_id[scale.pk]["favourable_percent"] == 67
    assert [d["count"] for d in by_id[scale.pk]["distribution"]] == [1, 0, 0, 1, 1]
    assert [(o["label"], o["count"], o["percent"]) for o in by_id[choice.pk]["options"]] == [
        ("Shared drive", 0, 0),
        ("CRM", 2, 67),
        ("Chat", 1, 33),
    ]
    assert sorted(by_id[text.pk]["answers"]) == ["Coaching", "Decks"]


def test_results_page_filters_by_role_and_region_and_draws_svg_charts(survey):
    survey, scale, choice, text = survey
    SurveyResponseFactory(
        survey=survey, role="SDR", region="EMEA", answers=answers(scale, choice, text, 1, "CRM")
    )
    SurveyResponseFactory(
        survey=survey, role="SDR", region="APAC", answers=answers(scale, choice, text, 2, "CRM")
    )
    SurveyResponseFactory(
        survey=survey,
        role="Manager",
        region="EMEA",
        answers=answers(scale, choice, text, 5, "Chat"),
    )
    url = reverse("research:results", args=[survey.charter.workspace.slug, survey.pk])

    everyone = survey.client.get(url)
    sdrs_in_emea = survey.client.get(url, {"role": "SDR", "region": "EMEA"})

    assert everyone.context["results"]["respondents"] == 3
    assert sdrs_in_emea.context["results"]["respondents"] == 1
    assert sdrs_in_emea.context["results"]["questions"][0]["mean"] == "1.0"
    assert everyone.context["options"] == {"roles": ["Manager", "SDR"], "regions": ["APAC", "EMEA"]}
    html = everyone.content.decode()
    assert html.count("<svg") == 2  # the scale and the multiple-choice question
    assert "Average 2.7 of 5 from 3 answers." in html  # the chart's text alternative
    assert "5: 1 (33%)" in html  # values are written out, not shown by colour alone


def test_an_unknown_filter_value_shows_everyone(survey):
    survey = survey[0]
    SurveyResponseFactory(survey=survey)
    url = reverse("research:results", args=[survey.charter.workspace.slug, survey.pk])

    response = survey.client.get(url, {"role": "CEO'); DROP TABLE"})

    assert response.context["results"]["respondents"] == 1


def test_filtering_with_htmx_answers_only_the_results(survey):
    survey = survey[0]
    url = reverse("research:results", args=[survey.charter.workspace.slug, survey.pk])

    response = survey.client.get(url, {"role": ""}, headers={"HX-Request": "true"})

    assert b'id="results"' in response.content
    assert b"<html" not in response.content


def test_results_load_in_a_fixed_number_of_queries(survey, django_assert_max_num_queries):
    survey, scale, choice, text = survey
    for n in range(30):
        SurveyResponseFactory(survey=survey, answers=answers(scale, choice, text, n % 5 + 1, "CRM"))
    for n in range(10):
        SurveyQuestionFactory(survey=survey, position=10 + n)
    url = reverse("research:results", args=[survey.charter.workspace.slug, survey.pk])

    with django_assert_max_num_queries(12):
        survey.client.get(url)


def test_a_response_is_entered_by_form(survey):
    survey, scale, choice, text = survey
    url = reverse("research:response-create", args=[survey.charter.workspace.slug, survey.pk])

    response = survey.client.post(
        url,
        {
            "role": "SDR",
            "region": "EMEA",
            f"q{scale.pk}": "4",
            f"q{choice.pk}": "CRM",
            f"q{text.pk}": "",
        },
    )

    assert response.status_code == 302
    saved = SurveyResponse.objects.get()
    assert saved.answers == {str(scale.pk): 4, str(choice.pk): "CRM"}
    assert (saved.source, saved.fingerprint) == ("form", None)


def test_a_response_with_bad_answers_answers_400_and_keeps_the_others(survey):
    survey, scale, choice, text = survey
    url = reverse("research:response-create", args=[survey.charter.workspace.slug, survey.pk])

    response = survey.client.post(
        url, {"role": "SDR", f"q{scale.pk}": "9", f"q{text.pk}": "More coaching"}
    )

    assert response.status_code == 400
    assert response.context["form"].errors[f"q{scale.pk}"]
    assert "More coaching" in response.content.decode()
    assert not SurveyResponse.objects.exists()


def test_an_empty_response_is_refused(survey):
    survey = survey[0]
    url = reverse("research:response-create", args=[survey.charter.workspace.slug, survey.pk])

    response = survey.client.post(url, {"role": "SDR"})

    assert response.status_code == 400
    assert "Answer at least one question." in response.content.decode()


def test_deleting_a_question_warns_how_many_answered_it(survey):
    survey, scale, choice, text = survey
    SurveyResponseFactory(survey=survey, answers=answers(scale, choice, text, 3, "CRM"))
    url = reverse("research:question-delete", args=[survey.charter.workspace.slug, scale.pk])

    response = survey.client.get(url)

    assert (
        "1 response answered it; that answer will no longer be counted."
        in response.content.decode()
    )
