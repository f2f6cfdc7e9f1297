"""Comparing versions with each other and with the live charter, and the overview's approval block."""

import re

import pytest

from charter.models import FutureSuccess, Objective
from tests.charter.version_factories import (
    approve,
    charter_with_editor,
    live_section,
    publish_version,
)
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    charter, membership = charter_with_editor()
    client.force_login(membership.user)
    client.charter, client.membership = charter, membership
    client.compare_url = f"/w/{membership.workspace.slug}/charters/{charter.pk}/compare/"
    client.overview_url = f"/w/{membership.workspace.slug}/charters/{charter.pk}/"
    return client


@pytest.fixture
def vision(editor):
    """The charter has a vision (in a section that snapshots it) and one objective."""
    with live_section():
        FutureSuccess.objects.create(charter=editor.charter, vision="Every seller ready")
        Objective.objects.create(charter=editor.charter, title="Ramp in 4 months")
        yield FutureSuccess.objects.get(charter=editor.charter)


def without_screen_reader_text(response) -> str:
    return re.sub(r'<span class="sr-only">[^<]*</span>', "", response.content.decode())


def edit_vision(text):
    FutureSuccess.objects.update(vision=text)


# The diff page


def test_diff_between_two_versions_shows_word_and_row_changes(editor, vision):
    first = publish_version(editor.charter, editor.membership, "2026-Q3")
    edit_vision("Every seller confident")
    Objective.objects.create(charter=editor.charter, title="Certify every manager")
    second = publish_version(editor.charter, editor.membership, "2026-Q4")

    page = editor.get(editor.compare_url, {"from": first.pk, "to": second.pk})

    assert page.status_code == 200
    html = without_screen_reader_text(page)
    assert "ready</del>" in html and "confident</ins>" in html
    assert "row added" in html and "Certify every manager" in html
    [own] = [s for s in page.context["diff"]["sections"] if s["key"] == "test-live-rows"]
    assert own["count"] == 2


def test_diff_defaults_to_the_approved_version_against_the_live_charter(editor, vision):
    approved = approve(publish_version(editor.charter, editor.membership), editor.membership)
    publish_version(editor.charter, editor.membership, "later")
    edit_vision("Every seller confident")

    page = editor.get(editor.compare_url)

    assert page.context["old"]["version"] == approved
    assert page.context["new"]["reference"] == "live"
    assert "confident</ins>" in without_screen_reader_text(page)


def test_without_an_approved_version_the_default_is_the_latest_one(editor, vision):
    publish_version(editor.charter, editor.membership, "first")
    latest = publish_version(editor.charter, editor.membership, "second")
    assert editor.get(editor.compare_url).context["old"]["version"] == latest


def test_identical_sides_say_so(editor, vision):
    version = publish_version(editor.charter, editor.membership)
    page = editor.get(editor.compare_url, {"from": version.pk, "to": "live"})
    assert "Both sides have the same fingerprint" in page.content.decode()
    assert page.context["diff"]["changed"] is False


def test_a_comparison_link_that_says_draft_still_compares_with_the_live_charter(editor, vision):
    version = publish_version(editor.charter, editor.membership)
    edit_vision("Every seller confident")

    page = editor.get(editor.compare_url, {"from": version.pk, "to": "draft"})

    assert page.context["new"]["reference"] == "live"
    assert "confident</ins>" in without_screen_reader_text(page)


def test_nothing_to_compare_before_the_first_version(editor):
    page = editor.get(editor.compare_url)
    assert page.status_code == 200
    assert "Nothing to compare yet" in page.content.decode()


@pytest.mark.parametrize("side", ["from", "to"])
@pytest.mark.parametrize("value", ["999999", "abc", "1 OR 1=1", "-1"])
def test_unknown_version_in_the_query_is_a_404(editor, side, value):
    publish_version(editor.charter, editor.membership)
    assert editor.get(editor.compare_url, {side: value}).status_code == 404


def test_a_version_of_another_charter_or_workspace_is_a_404(editor):
    mine = publish_version(editor.charter, editor.membership)
    foreign_charter, foreign_membership = charter_with_editor()
    foreign = publish_version(foreign_charter, foreign_membership)
    assert editor.get(editor.compare_url, {"from": foreign.pk, "to": mine.pk}).status_code == 404
    assert editor.get(editor.compare_url, {"from": mine.pk, "to": foreign.pk}).status_code == 404


def test_htmx_request_gets_only_the_result(editor, vision):
    version = publish_version(editor.charter, editor.membership)
    edit_vision("Every seller confident")
    page = editor.get(
        editor.compare_url, {"from": version.pk, "to": "live"}, headers={"HX-Request": "true"}
    )
    html = without_screen_reader_text(page)
    assert "<html" not in html and "confident</ins>" in html


def test_viewers_may_compare(client, vision, editor):
    version = publish_version(editor.charter, editor.membership)
    viewer = MembershipFactory(workspace=editor.charter.workspace, role="viewer")
    client.force_login(viewer.user)
    assert client.get(editor.compare_url, {"from": version.pk}).status_code == 200


# The block on the charter overview


def test_overview_shows_the_approved_version_and_that_the_live_charter_matches_it(editor, vision):
    approved = approve(
        publish_version(editor.charter, editor.membership, "2026-Q3"), editor.membership
    )

    html = editor.get(editor.overview_url).content.decode()

    assert "Approved version:" in html and "2026-Q3" in html
    assert "The live charter matches the approved version" in html
    assert "The live charter differs" not in html
    assert f"/versions/{approved.pk}/" in html


def test_editing_after_approval_shows_the_live_charter_differs_with_a_link_to_the_diff(
    editor, vision
):
    approved = approve(publish_version(editor.charter, editor.membership), editor.membership)
    frozen = approved.snapshot_sha256

    edit_vision("Every seller confident")
    html = editor.get(editor.overview_url).content.decode()

    assert "The live charter differs from the approved version." in html
    link = f"{editor.compare_url}?from={approved.pk}&amp;to=live"
    assert link in html
    approved.refresh_from_db()
    assert approved.snapshot_sha256 == frozen
    assert approved.snapshot["sections"]["test-live-rows"]["vision"] == "Every seller ready"


def test_undoing_the_edit_makes_the_live_charter_match_again(editor, vision):
    approve(publish_version(editor.charter, editor.membership), editor.membership)
    edit_vision("Every seller confident")
    edit_vision("Every seller ready")
    assert (
        "The live charter matches the approved version"
        in editor.get(editor.overview_url).content.decode()
    )


def test_overview_lists_latest_versions_and_the_one_in_review(editor):
    first = publish_version(editor.charter, editor.membership, "2026-Q3")
    first.submit(editor.membership.user, editor.membership)
    html = editor.get(editor.overview_url).content.decode()
    assert "In review:" in html
    assert "No version has been approved yet" in html
    assert "All versions" in html


def test_publish_button_is_offered_to_editors_only(client, editor):
    publish_link = f"/charters/{editor.charter.pk}/versions/new/"
    assert publish_link in editor.get(editor.overview_url).content.decode()
    viewer = MembershipFactory(workspace=editor.charter.workspace, role="board")
    client.force_login(viewer.user)
    assert publish_link not in client.get(editor.overview_url).content.decode()


def test_the_versions_block_takes_the_same_queries_for_few_and_many_versions(
    editor, rf, django_assert_max_num_queries
):
    from charter.versions.panel import versions_panel

    request = rf.get("/")
    request.membership = editor.membership
    approve(publish_version(editor.charter, editor.membership), editor.membership)
    with django_assert_max_num_queries(50) as few:
        versions_panel(request, editor.charter)
    for _ in range(8):
        publish_version(editor.charter, editor.membership)
    with django_assert_max_num_queries(len(few.captured_queries)):
        context = versions_panel(request, editor.charter)
    assert len(context["recent"]) == 5


def test_the_overview_decodes_no_version_snapshot_once_the_approved_one_is_hashed(
    editor, vision, django_capture_on_commit_callbacks
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    approve(publish_version(editor.charter, editor.membership), editor.membership)
    with django_capture_on_commit_callbacks(execute=True):
        editor.get(editor.overview_url)
    with CaptureQueriesContext(connection) as queries:
        html = editor.get(editor.overview_url).content.decode()
    assert "The live charter matches the approved version" in html
    assert not any(
        '"charter_charterversion"."snapshot",' in query["sql"] for query in queries.captured_queries
    )
