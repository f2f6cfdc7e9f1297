from datetime import date
from decimal import Decimal

import factory

from research.models import (
    AuditActivity,
    Benchmark,
    Champion,
    Function,
    Insight,
    Interview,
    StakeholderType,
    Survey,
    SurveyQuestion,
    SurveyResponse,
)
from tests.factories import CharterFactory


class InterviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Interview

    charter = factory.SubFactory(CharterFactory)
    interviewee = factory.Faker("name")
    job_title = "Chief Revenue Officer"
    function = Function.EXECUTIVE
    stakeholder_type = StakeholderType.EXECUTIVE
    held_on = date(2026, 5, 4)
    key_quotes = "Ramp time is our biggest problem.\nMid-market is where we win."
    notes = "### Goals\n- Grow 30%"


class ChampionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Champion

    charter = factory.SubFactory(CharterFactory)
    name = factory.Faker("name")
    function = Function.SALES


class AuditActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AuditActivity

    charter = factory.SubFactory(CharterFactory)
    activity = factory.Sequence(lambda n: f"Activity {n}")
    kind = AuditActivity.Kind.CONTENT
    owner_team = "Product marketing"
    channel = AuditActivity.Channel.EMAIL
    frequency = AuditActivity.Frequency.WEEKLY
    effort_hours_per_month = Decimal("10")


class SurveyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Survey

    charter = factory.SubFactory(CharterFactory)
    title = "Sales-force survey"


class SurveyQuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SurveyQuestion

    survey = factory.SubFactory(SurveyFactory)
    text = factory.Sequence(lambda n: f"Question {n}?")
    kind = SurveyQuestion.Kind.SCALE
    position = factory.Sequence(int)


class SurveyResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SurveyResponse

    survey = factory.SubFactory(SurveyFactory)
    role = "Account executive"
    region = "EMEA"
    answers = factory.LazyFunction(dict)


class BenchmarkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Benchmark

    charter = factory.SubFactory(CharterFactory)
    company = "Contoso"
    kind = Benchmark.Kind.COMPETITOR
    practice = "90-day onboarding with certification."
    source = "Analyst report"


class InsightFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Insight

    charter = factory.SubFactory(CharterFactory)
    statement = factory.Sequence(lambda n: f"Insight number {n}.")
    section_key = "current-state"


def survey_with_questions(charter=None):
    """A survey of a 1–5 question, a multiple-choice question and a free-text question."""
    survey = SurveyFactory(**({"charter": charter} if charter else {}))
    scale = SurveyQuestionFactory(
        survey=survey, text="I can find content fast.", short_label="Findability", position=1
    )
    choice = SurveyQuestionFactory(
        survey=survey,
        text="Where do you look first?",
        short_label="First place",
        kind=SurveyQuestion.Kind.CHOICE,
        options="Shared drive\nCRM\nChat",
        position=2,
    )
    text = SurveyQuestionFactory(
        survey=survey,
        text="What would help you sell more?",
        short_label="Wish",
        kind=SurveyQuestion.Kind.TEXT,
        position=3,
    )
    return survey, scale, choice, text
