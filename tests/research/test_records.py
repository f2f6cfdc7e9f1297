"""Adding, editing and deleting research records: who may, what bad input gets, and that a
concurrent edit never loses what was typed."""

import pytest
from django.urls import reverse

from charter.models import AuditEvent
from research.models import AuditActivity, Benchmark, Champion, Insight, Interview, Survey
from tests.factories import CharterFactory
from tests.research.factories import (
    AuditActivityFactory,
    BenchmarkFactory,
    ChampionFactory,
    InsightFactory,
    InterviewFactory,
    SurveyFactory,
)

pytestmark = pytest.mark.django_db

# kind name in URLs, model, factory, valid form data, a field that invalid data breaks
KINDS = {
    "interview": (
        Interview,
        InterviewFactory,
        {
            "interviewee": "Dana Whitfield",
            "job_title": "CRO",
            "function": "executive",
            "stakeholder_type": "executive",
            "held_on": "2026-05-04",
            "key_quotes": "Ramp is too slow.",
            "notes": "### Goals\n- Grow",
        },
        {"held_on": "yesterday-ish"},
    ),
    "champion": (
        Champion,
        ChampionFactory,
        {"name": "Tom Okafor", "function": "sales", "influence": "high", "stance": "advocate"},
        {"stance": "enthusiastic"},
    ),
    "audit": (
        AuditActivity,
        AuditActivityFactory,
        {
            "activity": "Battlecards",
            "kind": "content",
            "owner_team": "Product marketing",
            "channel": "shared_drive",
            "frequency": "quarterly",
            "effort_hours_per_month": "12.5",
        },
        {"effort_hours_per_month": "-3"},
    ),
    "survey": (
        Survey,
        SurveyFactory,
        {"title": "Q2 survey", "opened_on": "2026-05-01", "closed_on": "2026-05-15"},
        {"closed_on": "2026-04-01"},
    ),
    "benchmark": (
        Benchmark,
        BenchmarkFactory,
        {
            "company": "Fabrikam",
            "kind": "peer",
            "practice": "One content hub.",
            "source": "Conference talk",
            "relevance": "high",
        },
        {"source_url": "not a link"},
    ),
    "insight": (
        Insight,
        InsightFactory,
        {"statement": "Sellers build their own decks.", "section_key": "current-state"},
        {"section_key": "no-such-section"},
    ),
}


def create_url(kind, charter):
    return reverse(f"research:{kind}-create", args=[charter.workspace.slug, charter.pk])


def edit_url(kind, obj):
    return reverse(f"research:{kind}-edit", args=[obj.charter.workspace.slug, obj.pk])


@pytest.fixture
def contributor(member_client):
    return member_client("contributor")


@pytest.fixture
def charter(contributor):
    return CharterFactory(workspace=contributor.membership.workspace)


@pytest.mark.parametrize("kind", KINDS)
def test_a_contributor_adds_a_record_and_the_audit_trail_notes_it(contributor, charter, kind):
    model, _factory, data, _bad = KINDS[kind]

    response = contributor.post(create_url(kind, charter), data)

    obj = model.objects.get()
    assert response.status_code == 302
    assert response.url == obj.get_absolute_url()
    assert obj.charter == charter
    assert AuditEvent.objects.filter(
        action=f"research.{model._meta.model_name}.created", object_id=str(obj.pk)
    ).exists()


@pytest.mark.parametrize("kind", KINDS)
def test_invalid_input_answers_400_with_the_error_and_keeps_what_was_typed(
    contributor, charter, kind
):
    model, _factory, data, bad = KINDS[kind]

    response = contributor.post(create_url(kind, charter), {**data, **bad})

    field = next(iter(bad))
    assert response.status_code == 400
    assert response.context["form"].errors[field]
    assert f'id="id_{field}_error"' in response.content.decode()
    # Everything else the user typed is still in the form.
    first_field = next(iter(data))
    assert response.context["form"][first_field].value() == data[first_field]
    assert not model.objects.exists()


@pytest.mark.parametrize("kind", KINDS)
def test_viewers_and_board_members_read_but_cannot_add(member_client, kind):
    viewer = member_client("viewer")
    charter = CharterFactory(workspace=viewer.membership.workspace)
    model, factory, data, _bad = KINDS[kind]
    factory(charter=charter)
    list_names = {"interview": "interviews", "champion": "champions", "audit": "audit"}
    list_name = list_names.get(kind, f"{kind}s")

    page = viewer.get(reverse(f"research:{list_name}", args=[charter.workspace.slug, charter.pk]))
    refused = viewer.post(create_url(kind, charter), data)

    board = member_client("board", workspace=charter.workspace)
    assert page.status_code == 200
    assert refused.status_code == 403
    assert board.post(create_url(kind, charter), data).status_code == 403
    assert model.objects.count() == 1


@pytest.mark.parametrize("kind", KINDS)
def test_editing_someone_elses_newer_save_answers_409_and_keeps_both_texts(
    contributor, charter, kind
):
    model, factory, data, _bad = KINDS[kind]
    obj = factory(charter=charter)
    form = contributor.get(edit_url(kind, obj)).context["form"]
    opened_revision = form["revision"].value()
    # Someone else saves first.
    model.objects.filter(pk=obj.pk).update(revision=opened_revision + 1)

    response = contributor.post(edit_url(kind, obj), {**data, "revision": opened_revision})

    assert response.status_code == 409
    assert "Someone else saved this" in response.content.decode()
    first_field = next(iter(data))
    assert response.context["form"][first_field].value() == data[first_field]
    # Saving again, now knowing the newer version, goes through.
    again = contributor.post(edit_url(kind, obj), response.context["form"].data)
    assert again.status_code == 302


def test_an_edit_saves_and_bumps_the_revision(contributor, charter):
    interview = InterviewFactory(charter=charter)
    data = {**KINDS["interview"][2], "revision": interview.revision, "interviewee": "New name"}

    response = contributor.post(edit_url("interview", interview), data)

    interview.refresh_from_db()
    assert response.status_code == 302
    assert (interview.interviewee, interview.revision) == ("New name", 2)


def test_deleting_asks_first_and_warns_about_the_insights_that_lose_evidence(contributor, charter):
    interview = InterviewFactory(charter=charter)
    InsightFactory(charter=charter).interviews.add(interview)
    url = reverse("research:interview-delete", args=[charter.workspace.slug, interview.pk])

    question = contributor.get(url)
    response = contributor.post(url)

    assert "evidence for 1 insight" in question.content.decode()
    assert Interview.objects.filter(pk=interview.pk).exists() is False
    assert response.status_code == 302
    assert Insight.objects.count() == 1


def test_the_interviewer_choice_lists_only_members_of_the_workspace(contributor, charter):
    from tests.factories import UserFactory

    outsider = UserFactory()

    response = contributor.get(create_url("interview", charter))

    choices = [str(user) for user in response.context["form"].fields["interviewer"].queryset]
    assert contributor.membership.user.username in choices
    assert outsider.username not in choices


def test_an_insight_cannot_use_evidence_from_another_charter(contributor, charter):
    other = InterviewFactory()  # another workspace's charter

    response = contributor.post(
        create_url("insight", charter), {**KINDS["insight"][2], "interviews": [other.pk]}
    )

    assert response.status_code == 400
    assert "interviews" in response.context["form"].errors
    assert not Insight.objects.exists()


def test_research_pages_render_for_a_viewer(member_client):
    viewer = member_client("viewer")
    charter = CharterFactory(workspace=viewer.membership.workspace)
    interview = InterviewFactory(charter=charter)
    slug = charter.workspace.slug
    urls = [reverse("research:home", args=[slug])] + [
        reverse(f"research:{name}", args=[slug, charter.pk])
        for name in (
            "overview",
            "interviews",
            "champions",
            "audit",
            "surveys",
            "benchmarks",
            "insights",
        )
    ]
    urls.append(reverse("research:interview", args=[slug, interview.pk]))

    for url in urls:
        response = viewer.get(url, follow=True)
        assert response.status_code == 200, url
        assert b"New interview" not in response.content


def test_research_home_goes_straight_to_the_only_charter(contributor, charter):
    response = contributor.get(reverse("research:home", args=[charter.workspace.slug]))

    assert response.status_code == 302
    assert response.url == reverse("research:overview", args=[charter.workspace.slug, charter.pk])
