"""The Research summary appendix: a plain-JSON snapshot, rendered from the snapshot alone."""

import io
import json
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.template.loader import render_to_string
from django.urls import reverse

from charter.models import Charter
from charter.registry import registry
from charter.versions.publishing import take_snapshot
from research.enablement_audit.snapshot import summarize
from research.models import AuditActivity, Insight, SurveyResponse
from tests.factories import CharterFactory
from tests.research.factories import (
    AuditActivityFactory,
    ChampionFactory,
    InsightFactory,
    InterviewFactory,
    SurveyResponseFactory,
    survey_with_questions,
)

pytestmark = pytest.mark.django_db

SECTION = "research"


def researched_charter(size=1):
    charter = CharterFactory()
    for _ in range(size):
        interview = InterviewFactory(charter=charter)
        ChampionFactory(charter=charter)
        activity = AuditActivityFactory(charter=charter)
        insight = InsightFactory(charter=charter)
        insight.interviews.add(interview)
        insight.audit_activities.add(activity)
    survey, scale, choice, _text = survey_with_questions(charter)
    SurveyResponseFactory(survey=survey, answers={str(scale.pk): 4, str(choice.pk): "CRM"})
    return charter


def test_the_section_is_an_optional_appendix_after_the_core_sections():
    section = registry.get(SECTION)

    assert section.appendix
    assert registry.all()[-1].appendix


def test_the_snapshot_is_plain_json(db):
    charter = researched_charter()

    data = registry.get(SECTION).snapshot(charter)

    assert json.loads(json.dumps(data)) == data
    assert data["interviews"][0]["held_on"] == "2026-05-04"
    assert data["audit"]["hours"] == "10.0"
    assert data["surveys"][0]["respondents"] == 1
    assert data["insights"][0]["evidence"][0]["kind"] == "interview"


def test_a_published_version_freezes_the_research(db):
    charter = researched_charter()

    snapshot = take_snapshot(charter)
    Insight.objects.all().delete()

    assert snapshot["sections"][SECTION]["insights"]
    assert not registry.get(SECTION).snapshot(charter)["insights"]


def test_the_snapshot_takes_a_fixed_number_of_queries(django_assert_max_num_queries):
    charter = researched_charter(size=8)

    with django_assert_max_num_queries(16):
        registry.get(SECTION).snapshot(Charter.objects.get(pk=charter.pk))


def test_the_partial_renders_from_the_snapshot_without_the_database(db, django_assert_num_queries):
    data = registry.get(SECTION).snapshot(researched_charter())

    with django_assert_num_queries(0):
        html = render_to_string(
            registry.get(SECTION).template, {"data": data, "mode": "pdf", "charter_info": {}}
        )

    assert "Ramp time is our biggest problem." in html
    assert "<svg" in html
    assert "Insight number" in html


def test_an_empty_snapshot_renders_a_clear_empty_state():
    html = render_to_string(registry.get(SECTION).template, {"data": {}, "mode": "web"})

    assert "No research recorded yet." in html


def test_completeness_names_what_research_is_missing(db):
    section = registry.get(SECTION)
    empty = section.completeness(section.snapshot(CharterFactory()))
    done = section.completeness(section.snapshot(researched_charter()))

    assert empty == [
        "Interview at least one stakeholder.",
        "Audit the enablement that already exists.",
        "Collect survey responses from the sales force.",
        "Write down what the research found as insights.",
    ]
    assert done == []


def test_the_section_page_links_to_the_research_and_shows_the_summary(member_client):
    viewer = member_client("viewer")
    charter = researched_charter()
    charter.workspace = viewer.membership.workspace
    charter.save()
    url = reverse("charter:section", args=[charter.workspace.slug, charter.pk, SECTION])

    response = viewer.get(url)

    assert response.status_code == 200
    html = response.content.decode()
    assert reverse("research:overview", args=[charter.workspace.slug, charter.pk]) in html
    assert "Stakeholder interviews" in html


def test_enablement_audit_summary_by_team_and_channel_and_seller_made_content():
    activities = [
        AuditActivity(
            activity="ROI sheets",
            kind="content",
            owner_team="Sellers",
            channel="email",
            made_by_sellers=True,
            effort_hours_per_month=Decimal("40"),
        ),
        AuditActivity(
            activity="Decks",
            kind="content",
            owner_team="Sellers",
            channel="shared_drive",
            made_by_sellers=True,
            effort_hours_per_month=Decimal("20"),
        ),
        AuditActivity(
            activity="Battlecards",
            kind="content",
            owner_team="Product marketing",
            channel="shared_drive",
            is_formal=True,
            effort_hours_per_month=Decimal("20"),
        ),
        AuditActivity(
            activity="Onboarding",
            kind="training",
            owner_team="HR",
            channel="lms",
            is_formal=True,
            effort_hours_per_month=Decimal("30"),
        ),
    ]

    summary = summarize(activities)

    assert (summary["activities"], summary["formal"], summary["ad_hoc"], summary["hours"]) == (
        4,
        2,
        2,
        "110.0",
    )
    assert [(t["name"], t["activities"], t["hours"]) for t in summary["by_team"]] == [
        ("Sellers", 2, "60.0"),
        ("HR", 1, "30.0"),
        ("Product marketing", 1, "20.0"),
    ]
    assert [(c["name"], c["formal"], c["ad_hoc"]) for c in summary["by_channel"]] == [
        ("Shared drive", 1, 1),
        ("Email", 0, 1),
        ("Learning platform", 1, 0),
    ]
    assert summary["content"] == {
        "items": 3,
        "by_sellers": 2,
        "share_percent": 67,
        "hours": "80.0",
        "seller_hours": "60.0",
        "hours_share_percent": 75,
    }


def test_the_demo_has_research_of_every_kind(db):
    call_command("seed_demo", stdout=io.StringIO())
    charter = Charter.objects.get(workspace__name="Northwind Sales Enablement")

    data = registry.get(SECTION).snapshot(charter)

    assert len(data["interviews"]) == 6
    assert len(data["champions"]) == 3
    assert data["audit"]["activities"] == 10
    assert len(data["surveys"][0]["questions"]) == 6
    assert SurveyResponse.objects.filter(survey__charter=charter).count() == 40
    assert len({r.region for r in SurveyResponse.objects.all()}) >= 3
    assert len(data["benchmarks"]) == 4
    assert len(data["insights"]) == 5
    assert Insight.objects.filter(charter=charter, pulled_at__isnull=False).count() == 2
    assert registry.get(SECTION).completeness(data) == []
