"""Interview question guides: seeded once per workspace as editable data."""

import pytest
from django.urls import reverse

from research.models import GuideQuestion, InterviewGuide, StakeholderType
from tests.factories import WorkspaceFactory
from tests.research.factories import InterviewFactory

pytestmark = pytest.mark.django_db


def test_every_workspace_starts_with_a_guide_per_stakeholder_type():
    workspace = WorkspaceFactory()

    guides = InterviewGuide.for_workspace(workspace)

    assert {g.stakeholder_type for g in guides} == set(StakeholderType.values)
    executive = guides.get(stakeholder_type=StakeholderType.EXECUTIVE)
    topics = [q.topic for q in executive.questions.all()]
    assert topics[:5] == [
        "Business goals",
        "Challenges and market shifts",
        "Role of sales",
        "Differentiation",
        "Value proposition",
    ]
    heads = guides.get(stakeholder_type=StakeholderType.DEPARTMENT_HEAD)
    assert {"Their plans", "View of enablement", "Collaboration opportunities"} <= {
        q.topic for q in heads.questions.all()
    }


def test_a_guide_emptied_by_its_team_is_not_refilled():
    workspace = WorkspaceFactory()
    InterviewGuide.for_workspace(workspace)
    GuideQuestion.objects.filter(guide__workspace=workspace).delete()

    InterviewGuide.for_workspace(workspace)

    assert not GuideQuestion.objects.filter(guide__workspace=workspace).exists()


def test_a_contributor_adds_a_question_that_the_interview_page_then_shows(member_client):
    contributor = member_client("contributor")
    workspace = contributor.membership.workspace
    guide = InterviewGuide.for_workspace(workspace).get(stakeholder_type="executive")
    url = reverse("research:guide-question-create", args=[workspace.slug, guide.pk])

    response = contributor.post(
        url, {"topic": "Pricing", "text": "Where do we discount?", "position": 9}
    )
    interview = InterviewFactory(charter__workspace=workspace, stakeholder_type="executive")
    page = contributor.get(reverse("research:interview", args=[workspace.slug, interview.pk]))

    assert response.status_code == 302
    assert "Where do we discount?" in page.content.decode()


def test_a_question_without_text_answers_400(member_client):
    contributor = member_client("contributor")
    workspace = contributor.membership.workspace
    guide = InterviewGuide.for_workspace(workspace).first()
    url = reverse("research:guide-question-create", args=[workspace.slug, guide.pk])

    response = contributor.post(url, {"topic": "Pricing", "text": "", "position": 1})

    assert response.status_code == 400
    assert response.context["form"]["topic"].value() == "Pricing"


def test_viewers_read_the_guides_but_cannot_change_them(member_client):
    viewer = member_client("viewer")
    workspace = viewer.membership.workspace
    guide = InterviewGuide.for_workspace(workspace).first()
    question = guide.questions.first()

    assert viewer.get(reverse("research:guides", args=[workspace.slug])).status_code == 200
    edit = reverse("research:guide-question-edit", args=[workspace.slug, question.pk])
    assert viewer.post(edit, {"text": "Changed", "position": 1}).status_code == 403
