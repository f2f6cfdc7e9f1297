import pytest

from charter.registry import (
    Extension,
    Section,
    completeness,
    extend,
    extensions,
    registry,
    snapshot_charter,
)
from tests.factories import CharterFactory, MembershipFactory


@pytest.fixture
def test_section():
    section = registry.register(
        Section(
            key="test-appendix",
            title="Test appendix",
            order=99,
            snapshot=lambda charter: {"title_length": len(charter.title)},
            template="charter/sections/current_state/snapshot.html",
            completeness=lambda data: (
                [] if data.get("title_length", 0) > 50 else ["Title is short"]
            ),
            appendix=True,
        )
    )
    yield section
    registry.unregister(section.key)


@pytest.mark.django_db
def test_registered_section_appears_in_navigation_snapshot_and_checklist(client, test_section):
    membership = MembershipFactory(role="viewer")
    charter = CharterFactory(workspace=membership.workspace, title="Short")
    client.force_login(membership.user)

    page = client.get(f"/w/{membership.workspace.slug}/charters/{charter.pk}/")

    assert page.status_code == 200
    assert "Test appendix" in page.content.decode()
    assert "Title is short" in page.content.decode()
    assert snapshot_charter(charter)["test-appendix"] == {"title_length": 5}
    checklist = dict(
        (section.key, missing) for section, missing in completeness(snapshot_charter(charter))
    )
    assert checklist["test-appendix"] == ["Title is short"]


def test_sections_come_in_charter_order():
    keys = [section.key for section in registry.all() if not section.appendix]
    assert keys == [
        "current-state",
        "future-success",
        "scope",
        "roadmap",
        "governance",
        "collaboration",
    ]


def test_a_key_cannot_be_registered_twice(test_section):
    with pytest.raises(ValueError, match="already registered"):
        registry.register(test_section)


@pytest.mark.django_db
def test_extension_snapshot_is_stored_under_its_section(test_section):
    extension = extend(
        Extension(
            "test-appendix",
            "shout",
            lambda charter: charter.title.upper(),
            "charter/sections/scope/snapshot.html",
        )
    )
    try:
        charter = CharterFactory(title="Quiet")
        assert snapshot_charter(charter)["test-appendix"]["extensions"] == {"shout": "QUIET"}
    finally:
        extensions.unregister((extension.section_key, extension.key))
