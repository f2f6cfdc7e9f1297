"""A version's timeline is drawn as of the version's publication, whatever day it is read."""

import re
from datetime import date

import pytest

import roadmap.display
from roadmap.templatetags.roadmap_tags import roadmap as roadmap_tag
from tests.charter.version_factories import publish_version
from tests.factories import CharterFactory, MembershipFactory
from tests.roadmap.factories import MilestoneFactory, PhaseFactory

pytestmark = pytest.mark.django_db


def pretend_today(monkeypatch, day: date) -> None:
    """Make the roadmap's notion of "today" a given day (the clock, not the database)."""

    class Day(date):
        @classmethod
        def today(cls):
            return day

    monkeypatch.setattr(roadmap.display, "date", Day)


def timeline_svgs(page: str) -> list[str]:
    return re.findall(r'<svg[^>]*class="timeline.*?</svg>', page, flags=re.S)


@pytest.fixture
def published(member_client):
    client = member_client("viewer")
    charter = CharterFactory(
        workspace=client.membership.workspace,
        period_start=date(2026, 1, 1),
        period_end=date(2027, 12, 31),
    )
    phase = PhaseFactory(charter=charter, name="Foundation")
    MilestoneFactory(charter=charter, phase=phase, title="Curriculum")
    editor = MembershipFactory(workspace=charter.workspace, role="editor")
    return client, publish_version(charter, editor)


def version_page(client, version) -> str:
    slug = version.charter.workspace.slug
    return client.get(f"/w/{slug}/versions/{version.pk}/").content.decode()


def test_the_same_version_renders_identically_on_two_different_days(published, monkeypatch):
    client, version = published
    pretend_today(monkeypatch, date(2027, 3, 1))
    first = timeline_svgs(version_page(client, version))
    pretend_today(monkeypatch, date(2027, 6, 1))
    second = timeline_svgs(version_page(client, version))

    assert first
    assert first == second


def test_a_versions_today_line_stands_at_its_publication_date_not_the_reading_date(
    published, monkeypatch
):
    client, version = published
    pretend_today(monkeypatch, date(2027, 6, 1))
    page = version_page(client, version)
    data = version.snapshot["sections"]["roadmap"]

    as_published = roadmap_tag({"as_of": version.as_of}, data, "web")["timeline"]
    as_of_now = roadmap_tag({"as_of": None}, data, "web")["timeline"]

    assert timeline_svgs(page) == [str(svg) for svg in as_published]
    assert as_published != as_of_now
