"""Research in the charter PDF: pulled insights in the current state, the appendix with its
charts, all from the version's snapshot through WeasyPrint."""

import pytest

from research.models import Insight
from tests.charter.pdf_factories import export_now, in_order, page_texts, pdf_bytes
from tests.charter.version_factories import charter_with_editor, publish_version
from tests.research.factories import (
    AuditActivityFactory,
    InsightFactory,
    InterviewFactory,
    SurveyResponseFactory,
    survey_with_questions,
)

pytestmark = pytest.mark.django_db


def test_the_pdf_shows_pulled_insights_with_evidence_and_the_research_appendix(
    django_capture_on_commit_callbacks,
):
    charter, membership = charter_with_editor()
    interview = InterviewFactory(charter=charter, interviewee="Dana Whitfield")
    AuditActivityFactory(charter=charter, activity="Custom ROI spreadsheets", made_by_sellers=True)
    survey, scale, choice, _text = survey_with_questions(charter)
    SurveyResponseFactory(survey=survey, answers={str(scale.pk): 2, str(choice.pk): "CRM"})
    insight = InsightFactory(charter=charter, statement="Sellers build their own decks.")
    insight.interviews.add(interview)
    insight.pull(membership.user, membership)
    version = publish_version(charter, membership)
    Insight.objects.all().delete()  # the PDF is made from the snapshot, not the live rows

    export = export_now(django_capture_on_commit_callbacks, version)

    assert export.status == "done", export.error
    text = " ".join(page_texts(pdf_bytes(export)))
    assert in_order(
        text,
        [
            "Current state",
            "What the research found",
            "Sellers build their own decks.",
            "Interview: Dana Whitfield, Chief Revenue Officer",
            "Research summary",
            "Stakeholder interviews",
            "Existing enablement",
            "Sellers make 100% of their content themselves",
            "I can find content fast.",
            "Average 2.0 of 5",
        ],
    )
