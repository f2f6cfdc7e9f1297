"""Insights pulled into the current state show there, with their evidence, frozen as JSON."""

import json

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from charter.errors import NotAllowed
from charter.models import AuditEvent
from charter.registry import registry, snapshot_section
from research.insights.snapshot import pulled_insights
from tests.factories import CharterFactory, MembershipFactory
from tests.research.factories import (
    AuditActivityFactory,
    BenchmarkFactory,
    InsightFactory,
    InterviewFactory,
    SurveyResponseFactory,
    survey_with_questions,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def insight(db):
    charter = CharterFactory()
    survey, scale, choice, _text = survey_with_questions(charter)
    for value, place in [(2, "CRM"), (4, "CRM"), (5, "Chat")]:
        SurveyResponseFactory(survey=survey, answers={str(scale.pk): value, str(choice.pk): place})
    insight = InsightFactory(charter=charter, statement="Sellers build their own decks.")
    insight.interviews.add(InterviewFactory(charter=charter, interviewee="Dana Whitfield"))
    insight.audit_activities.add(AuditActivityFactory(charter=charter, activity="ROI sheets"))
    insight.survey_questions.add(scale, choice)
    insight.benchmarks.add(BenchmarkFactory(charter=charter, company="Fabrikam"))
    return insight


def pull_url(insight, action="pull"):
    return reverse(f"research:insight-{action}", args=[insight.charter.workspace.slug, insight.pk])


def test_an_editor_pulls_an_insight_into_the_current_state(member_client, insight):
    editor = member_client("editor", workspace=insight.charter.workspace)

    response = editor.post(pull_url(insight))

    insight.refresh_from_db()
    assert response.status_code == 302
    assert insight.is_pulled and insight.pulled_by == editor.membership.user
    assert AuditEvent.objects.filter(action="insight.pulled", object_id=str(insight.pk)).exists()


def test_pulling_with_htmx_answers_the_new_button(member_client, insight):
    editor = member_client("editor", workspace=insight.charter.workspace)

    response = editor.post(pull_url(insight), headers={"HX-Request": "true"})

    assert response.status_code == 200
    assert b"Remove from the current state" in response.content
    assert b"<html" not in response.content


@pytest.mark.parametrize("role", ["contributor", "board", "viewer"])
def test_only_editors_pull_insights(member_client, insight, role):
    client = member_client(role, workspace=insight.charter.workspace)

    response = client.post(pull_url(insight))

    insight.refresh_from_db()
    assert response.status_code == 403
    assert not insight.is_pulled


def test_the_model_refuses_a_pull_by_a_non_editor(member_client, insight):
    contributor = member_client("contributor", workspace=insight.charter.workspace).membership

    with pytest.raises(NotAllowed):
        insight.pull(contributor.user, contributor)


def test_unpulling_removes_it_from_the_current_state(member_client, insight):
    editor = member_client("editor", workspace=insight.charter.workspace)
    editor.post(pull_url(insight))

    editor.post(pull_url(insight, "unpull"))

    insight.refresh_from_db()
    assert not insight.is_pulled
    assert pulled_insights(insight.charter) == {"insights": []}


def test_the_current_state_snapshot_holds_pulled_insights_with_evidence_as_plain_json(insight):
    InsightFactory(charter=insight.charter, statement="Not pulled.")
    membership = MembershipFactory(workspace=insight.charter.workspace, role="editor")
    insight.pull(membership.user, membership)

    data = snapshot_section(registry.get("current-state"), insight.charter)

    pulled = data["extensions"]["insights"]["insights"]
    assert json.loads(json.dumps(pulled)) == pulled
    assert [item["statement"] for item in pulled] == ["Sellers build their own decks."]
    evidence = {item["kind"]: item for item in pulled[0]["evidence"] if item["kind"] != "survey"}
    assert evidence["interview"]["label"].startswith("Dana Whitfield")
    assert "Ramp time is our biggest problem." in evidence["interview"]["detail"]
    assert evidence["audit"]["label"] == "ROI sheets"
    assert evidence["benchmark"]["label"] == "Fabrikam (Competitor)"
    surveys = [item["detail"] for item in pulled[0]["evidence"] if item["kind"] == "survey"]
    assert surveys == [
        "average 3.7 of 5 · 67% agree · 3 answers",
        "most chose “CRM” (67%) · 3 answers",
    ]


def test_the_extension_renders_from_the_snapshot_alone(insight):
    data = {
        "insights": [
            {
                "statement": "Onboarding does not teach how we sell.",
                "detail": "Ramp takes **6.5 months**.",
                "section_key": "current-state",
                "section": "Current state",
                "evidence": [
                    {
                        "kind": "interview",
                        "kind_label": "Interview",
                        "label": "Dana, CRO",
                        "detail": "2026-05-04",
                    }
                ],
            }
        ]
    }

    html = render_to_string(
        "research/sections/current_state_insights.html", {"data": data, "mode": "pdf"}
    )

    assert "Onboarding does not teach how we sell." in html
    assert "<strong>6.5 months</strong>" in html
    assert "Interview:</span> Dana, CRO" in html


def test_nothing_pulled_renders_nothing():
    assert (
        render_to_string(
            "research/sections/current_state_insights.html", {"data": {"insights": []}}
        ).strip()
        == ""
    )


def test_the_current_state_page_shows_a_pulled_insight_with_its_evidence(member_client, insight):
    editor = member_client("editor", workspace=insight.charter.workspace)
    editor.post(pull_url(insight))
    url = reverse(
        "charter:section",
        args=[insight.charter.workspace.slug, insight.charter.pk, "current-state"],
    )

    page = editor.get(url).content.decode()

    assert "Sellers build their own decks." in page
    assert "Dana Whitfield" in page and "Fabrikam" in page


def test_the_insights_page_groups_by_section_in_few_queries(
    member_client, insight, django_assert_max_num_queries
):
    viewer = member_client("viewer", workspace=insight.charter.workspace)
    for _ in range(5):
        extra = InsightFactory(charter=insight.charter, section_key="scope")
        extra.interviews.add(insight.interviews.get())
    url = reverse("research:insights", args=[insight.charter.workspace.slug, insight.charter.pk])

    with django_assert_max_num_queries(15):
        response = viewer.get(url)

    assert response.status_code == 200
    sections = [section.key for section, _items in response.context["sections"]]
    assert sections == ["current-state", "scope"]
    assert b"Pull into the current state" not in response.content


def test_an_insight_tagged_with_a_section_that_is_gone_stays_listed(member_client):
    viewer = member_client("viewer")
    charter = CharterFactory(workspace=viewer.membership.workspace)
    InsightFactory(charter=charter, statement="Tagged long ago.", section_key="retired-section")

    response = viewer.get(reverse("research:insights", args=[charter.workspace.slug, charter.pk]))

    assert "Tagged long ago." in response.content.decode()
    assert "Sections no longer in the charter" in response.content.decode()
