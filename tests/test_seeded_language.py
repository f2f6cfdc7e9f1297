"""A workspace's starting catalogues and agendas are written in the language it was created in."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse
from django.utils import translation

from charter.models import MaturityModel, Service, Workspace
from governance.meetings.minutes import schedule_meeting
from governance.models import Meeting
from research.models import InterviewGuide
from tests.factories import CharterFactory, UserFactory, WorkspaceFactory
from tests.test_translations import compiled_catalogues  # noqa: F401  the fixture

pytestmark = pytest.mark.django_db

ENGLISH_LEVELS = {"Absent", "Emerging", "Organized", "Scalable", "Transformative"}
ENGLISH_SERVICES = {"Onboarding", "Training", "Coaching", "Content", "Tools", "Process"}


def test_a_workspace_created_with_a_chinese_browser_is_a_chinese_workspace(
    compiled_catalogues,  # noqa: F811
    client,
):
    client.force_login(UserFactory())

    client.post(
        reverse("charter:workspace-create"),
        {"name": "华东销售赋能"},
        HTTP_ACCEPT_LANGUAGE="zh-hans",
    )

    workspace = Workspace.objects.get()
    assert workspace.language == "zh-hans"
    levels = set(MaturityModel.for_workspace(workspace).levels.values_list("name", flat=True))
    assert "起步" in levels
    assert not levels & ENGLISH_LEVELS


@pytest.mark.parametrize("language", ["zh-hans", "zh-hant", "ru"])
def test_seeded_catalogues_follow_the_workspace_language_not_the_readers(
    compiled_catalogues,  # noqa: F811
    language,
):
    with translation.override(language):
        workspace = WorkspaceFactory()

    with translation.override("en"):
        model = MaturityModel.for_workspace(workspace)
        services = set(Service.catalogue(workspace).values_list("name", flat=True))
        guide_questions = [
            question.text
            for guide in InterviewGuide.for_workspace(workspace)
            for question in guide.questions.all()
        ]

    assert workspace.language == language
    assert model.name != "Enablement maturity"
    assert not set(model.levels.values_list("name", flat=True)) & ENGLISH_LEVELS
    assert "Collaboration" not in model.dimensions.values_list("name", flat=True)
    assert not services & ENGLISH_SERVICES
    assert "What role does the sales force play in those goals?" not in guide_questions
    assert guide_questions


def test_a_renamed_seeded_service_keeps_the_teams_name(compiled_catalogues):  # noqa: F811
    with translation.override("zh-hans"):
        workspace = WorkspaceFactory()
    onboarding = Service.catalogue(workspace).get(position=0)
    onboarding.name = "新人训练营"
    onboarding.save()

    with translation.override("zh-hans"):
        names = list(Service.catalogue(workspace).values_list("name", flat=True))

    assert names[0] == "新人训练营"


def test_a_workspace_created_outside_any_request_is_english():
    with translation.override(None):
        workspace = WorkspaceFactory()

    assert workspace.language == "en"


def test_a_meetings_agenda_is_in_the_workspace_language_whoever_schedules_it(
    compiled_catalogues,  # noqa: F811
):
    with translation.override("ru"):
        workspace = WorkspaceFactory()
    charter = CharterFactory(workspace=workspace)
    meeting = Meeting(charter=charter, scheduled_at=datetime(2026, 10, 15, 9, 30, tzinfo=UTC))

    with translation.override("en"):
        schedule_meeting(meeting, by=charter.created_by)

    titles = list(meeting.agenda_items.values_list("title", flat=True))
    notes = " ".join(meeting.agenda_items.values_list("notes", flat=True))
    assert len(titles) == 5
    assert "Programs in flight" not in titles
    assert "Decisions and support the enablement team needs." not in notes
    assert any("\u0400" <= character <= "\u04ff" for character in "".join(titles))
