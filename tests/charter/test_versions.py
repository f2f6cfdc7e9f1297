"""Publishing versions, the version list and page, submission and withdrawal."""

from datetime import date

import pytest
from django.utils import timezone

from charter import errors
from charter.models import AuditEvent, CharterVersion, FutureSuccess, VersionStatus
from charter.periods import quarter_label
from charter.registry import (
    STATUS_ONLY_WORKFLOW,
    ReviewWorkflow,
    VersionPanel,
    completeness,
    register_review_workflow,
    review_workflows,
    version_panels,
)
from charter.versions.publishing import take_snapshot
from tests.charter.version_factories import (
    approve,
    charter_with_editor,
    live_section,
    publish_version,
    status_only_review,
)
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def buttons_move_only_the_status():
    with status_only_review():
        yield


@pytest.fixture
def editor(client):
    charter, membership = charter_with_editor()
    client.force_login(membership.user)
    client.charter, client.membership = charter, membership
    return client


@pytest.fixture
def live_rows():
    with live_section() as section:
        yield section


def url(client, suffix=""):
    return f"/w/{client.membership.workspace.slug}/{suffix}"


def publish_url(client):
    return url(client, f"charters/{client.charter.pk}/versions/new/")


# Publishing


def test_publish_form_proposes_the_current_quarter_as_label(editor):
    page = editor.get(publish_url(editor))
    assert page.status_code == 200
    assert f'value="{quarter_label(timezone.localdate())}"' in page.content.decode()
    assert "This will be the first version" in page.content.decode()


def test_publish_form_proposes_the_first_quarter_of_a_period_that_starts_later(client):
    charter, membership = charter_with_editor(
        period_start=date(2027, 1, 1), period_end=date(2027, 12, 31)
    )
    client.force_login(membership.user)
    page = client.get(f"/w/{membership.workspace.slug}/charters/{charter.pk}/versions/new/")
    assert 'value="2027-Q1"' in page.content.decode()


def test_publish_form_proposes_the_last_quarter_of_a_period_that_has_ended(client):
    charter, membership = charter_with_editor(
        period_start=date(2025, 1, 1), period_end=date(2025, 9, 30)
    )
    client.force_login(membership.user)
    page = client.get(f"/w/{membership.workspace.slug}/charters/{charter.pk}/versions/new/")
    assert 'value="2025-Q3"' in page.content.decode()


def test_publish_page_lists_what_the_completeness_checklist_still_misses(editor):
    page = editor.get(publish_url(editor)).content.decode()
    missing = [gaps for _section, gaps in completeness(take_snapshot(editor.charter)["sections"])]
    assert any(missing)
    first_gap = next(gap for gaps in missing for gap in gaps)
    assert "The completeness checklist still misses" in page
    assert str(first_gap) in page
    assert 'name="publish_anyway"' in page


def test_publishing_an_incomplete_charter_without_confirmation_is_refused(editor):
    response = editor.post(publish_url(editor), {"label": "2026-Q4", "summary": "Keep me"})
    assert response.status_code == 400
    assert "Publish anyway" in response.content.decode()
    assert "Keep me" in response.content.decode()
    assert not CharterVersion.objects.exists()


def test_editor_publishes_a_version_and_lands_on_its_page(editor, live_rows):
    FutureSuccess.objects.create(charter=editor.charter, vision="Every seller ready")

    response = editor.post(
        publish_url(editor),
        {"label": "2026-Q4", "summary": "First draft for the board.", "publish_anyway": "on"},
    )

    version = CharterVersion.objects.get(charter=editor.charter)
    assert response.status_code == 302
    assert response["Location"] == url(editor, f"versions/{version.pk}/")
    assert (version.number, version.label, version.author) == (1, "2026-Q4", editor.membership.user)
    assert version.snapshot["sections"]["test-live-rows"]["vision"] == "Every seller ready"
    event = AuditEvent.objects.get(action="version.published")
    assert event.actor == editor.membership.user and event.object_id == str(version.pk)


def test_version_numbers_count_up_per_charter(editor):
    for label in ("2026-Q3", "2026-Q4"):
        editor.post(publish_url(editor), {"label": label, "summary": "x", "publish_anyway": "on"})
    other, membership = charter_with_editor()
    publish_version(other, membership)
    assert list(editor.charter.versions.values_list("number", "label")) == [
        (2, "2026-Q4"),
        (1, "2026-Q3"),
    ]
    assert other.versions.get().number == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"label": "Q" * 41, "summary": "x"}, "at most 40 characters"),
        ({"label": "", "summary": "x"}, "This field is required"),
        ({"label": "2026-Q4\nQ1", "summary": "x"}, "without line breaks"),
        ({"label": "2026-Q4", "summary": ""}, "Tell the board what changed"),
        ({"label": "2026-Q4", "summary": "x" * 4001}, "at most 4000 characters"),
        ({"label": "2026\x00Q4", "summary": "x"}, "Null characters are not allowed"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_is_published(editor, data, message):
    response = editor.post(publish_url(editor), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not CharterVersion.objects.exists()


def test_bad_input_keeps_what_was_typed(editor):
    response = editor.post(publish_url(editor), {"label": "Q" * 41, "summary": "Keep me"})
    assert "Keep me" in response.content.decode()


@pytest.mark.parametrize("role", ["contributor", "board", "viewer"])
def test_only_editors_and_owners_may_publish(client, role):
    charter, membership = charter_with_editor(role=role)
    client.force_login(membership.user)
    target = f"/w/{membership.workspace.slug}/charters/{charter.pk}/versions/new/"
    assert client.get(target).status_code == 403
    assert client.post(target, {"label": "2026-Q4", "summary": "x"}).status_code == 403
    assert not CharterVersion.objects.exists()


def test_publish_page_shows_what_changed_since_the_latest_version(editor, live_rows):
    FutureSuccess.objects.create(charter=editor.charter, vision="Every seller ready")
    publish_version(editor.charter, editor.membership)
    FutureSuccess.objects.update(vision="Every seller confident")

    page = editor.get(publish_url(editor)).content.decode()

    assert "Changes since version 1" in page
    assert "confident" in page and "<ins>" in page


def test_publish_page_warns_when_nothing_changed_since_the_latest_version(editor):
    publish_version(editor.charter, editor.membership)
    page = editor.get(publish_url(editor)).content.decode()
    assert "The live charter is the same as version 1" in page


# The list and the page of a version


def test_version_list_shows_number_label_status_author_date_and_short_hash(editor):
    first = approve(
        publish_version(editor.charter, editor.membership, "2026-Q3"), editor.membership
    )
    second = publish_version(editor.charter, editor.membership, "2026-Q4")

    page = editor.get(url(editor, f"charters/{editor.charter.pk}/versions/")).content.decode()

    assert page.index("2026-Q4") < page.index("2026-Q3")
    assert "Approved" in page and "Draft" in page
    assert second.short_hash in page and first.short_hash in page
    assert editor.membership.user.get_full_name() in page
    assert f"?from={first.pk}&amp;to={second.pk}" in page


def test_version_page_renders_the_frozen_snapshot_not_the_live_rows(editor, live_rows):
    FutureSuccess.objects.create(charter=editor.charter, vision="Frozen vision")
    version = publish_version(editor.charter, editor.membership)
    FutureSuccess.objects.update(vision="Live vision")

    response = editor.get(url(editor, f"versions/{version.pk}/"))

    assert response.status_code == 200
    # What each section partial was given to draw.
    drawn = {
        context["section"].key: context["data"]
        for context in response.context
        if context.get("section") and context.get("mode") == "web"
    }
    assert drawn["test-live-rows"]["vision"] == "Frozen vision"
    page = response.content.decode()
    assert version.snapshot_sha256 in page
    assert "Live vision" not in page


def test_version_page_shows_the_panels_other_apps_register(editor):
    version = publish_version(editor.charter, editor.membership)
    version_panels.register(
        VersionPanel(
            key="test-review",
            order=1,
            template="charter/versions/side.html",
            context=lambda request, version: {"version": version},
        )
    )
    try:
        response = editor.get(url(editor, f"versions/{version.pk}/"))
    finally:
        version_panels.unregister("test-review")
    panel_contexts = [c["panel"] for c in response.context if "panel" in c]
    assert panel_contexts and panel_contexts[0] == {"version": version}
    assert "charter/versions/side.html" in [t.name for t in response.templates]


def test_board_members_read_versions_without_edit_buttons(client):
    charter, editor_membership = charter_with_editor()
    version = publish_version(charter, editor_membership)
    board = MembershipFactory(workspace=charter.workspace, role="board")
    client.force_login(board.user)
    page = client.get(f"/w/{charter.workspace.slug}/versions/{version.pk}/")
    assert page.status_code == 200
    assert "Submit for review" not in page.content.decode()


# Submission and withdrawal


def submit_url(client, version, step="submit"):
    return url(client, f"versions/{version.pk}/{step}/")


def test_editor_submits_a_draft_for_review_and_it_is_audited(editor):
    version = publish_version(editor.charter, editor.membership)

    response = editor.post(submit_url(editor, version))

    version.refresh_from_db()
    assert response.status_code == 302
    assert version.status == VersionStatus.IN_REVIEW
    assert version.submitted_by == editor.membership.user
    assert AuditEvent.objects.filter(action="version.submitted", object_id=str(version.pk)).exists()
    page = editor.get(response["Location"]).content.decode()
    assert "Withdraw submission" in page


def test_editor_withdraws_a_submission_and_it_is_audited(editor):
    version = publish_version(editor.charter, editor.membership)
    editor.post(submit_url(editor, version))

    response = editor.post(submit_url(editor, version, "withdraw"))

    version.refresh_from_db()
    assert response.status_code == 302
    assert version.status == VersionStatus.DRAFT
    assert AuditEvent.objects.filter(action="version.withdrawn").exists()


def test_a_transition_that_is_not_allowed_shows_why_with_409(editor):
    version = publish_version(editor.charter, editor.membership)
    editor.post(submit_url(editor, version))

    response = editor.post(submit_url(editor, version))

    assert response.status_code == 409
    assert "Only a draft version can be submitted" in response.content.decode()


def test_second_version_cannot_go_into_review_while_another_is(editor):
    first = publish_version(editor.charter, editor.membership)
    second = publish_version(editor.charter, editor.membership)
    editor.post(submit_url(editor, first))
    response = editor.post(submit_url(editor, second))
    assert response.status_code == 409
    assert "already in review" in response.content.decode()


@pytest.mark.parametrize("role", ["contributor", "board", "viewer"])
def test_only_editors_submit_or_withdraw(client, role):
    charter, editor_membership = charter_with_editor()
    version = publish_version(charter, editor_membership)
    member = MembershipFactory(workspace=charter.workspace, role=role)
    client.force_login(member.user)
    for step in ("submit", "withdraw"):
        assert (
            client.post(f"/w/{charter.workspace.slug}/versions/{version.pk}/{step}/").status_code
            == 403
        )
    version.refresh_from_db()
    assert version.status == VersionStatus.DRAFT


def test_submit_answers_get_with_405(editor):
    version = publish_version(editor.charter, editor.membership)
    assert editor.get(submit_url(editor, version)).status_code == 405


@pytest.fixture
def governance_workflow():
    """Stand in for the governance app: its review wraps the status transitions."""
    calls = []

    def submit(version, by, membership):
        calls.append(("submit", version.pk, by.pk))
        STATUS_ONLY_WORKFLOW.submit(version, by, membership)

    def withdraw(version, by, membership):
        raise errors.NotAllowed("Only the submitter may withdraw.")

    with status_only_review():
        register_review_workflow(ReviewWorkflow(submit=submit, withdraw=withdraw))
        yield calls
        review_workflows.unregister("review")


def test_buttons_go_through_the_registered_review_workflow(editor, governance_workflow):
    version = publish_version(editor.charter, editor.membership)
    editor.post(submit_url(editor, version))
    assert governance_workflow == [("submit", version.pk, editor.membership.user.pk)]


def test_domain_permission_errors_become_403(editor, governance_workflow):
    version = publish_version(editor.charter, editor.membership)
    editor.post(submit_url(editor, version))
    response = editor.post(submit_url(editor, version, "withdraw"))
    assert response.status_code == 403
    version.refresh_from_db()
    assert version.status == VersionStatus.IN_REVIEW
