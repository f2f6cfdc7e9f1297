"""An editor plans milestones in place and sees them land on the timeline."""

import pytest
from playwright.sync_api import expect

from tests.factories import CharterFactory, MembershipFactory
from tests.roadmap.factories import MilestoneFactory, PhaseFactory


@pytest.mark.django_db(transaction=True)
def test_added_milestones_appear_on_the_timeline_with_their_dependency(page, login):
    membership = MembershipFactory(role="editor", user__username="planner")
    charter = CharterFactory(workspace=membership.workspace)
    PhaseFactory(charter=charter, name="Foundation")
    login(page, "planner")

    page.goto(f"/w/{membership.workspace.slug}/charters/{charter.pk}/s/roadmap/")
    timeline = page.locator("#roadmap-overview svg.timeline")
    expect(timeline).to_be_visible()

    page.get_by_role("link", name="+ Add milestone").click()
    form = page.locator("#milestone-new")
    form.get_by_label("Title").fill("Onboarding curriculum")
    form.get_by_label("Phase").select_option(label="Foundation")
    form.get_by_label("Start").fill("2026-08-01")
    form.get_by_label("End").fill("2026-10-31")
    form.get_by_label("Status").select_option(label="In progress")
    form.get_by_role("button", name="Add milestone").click()

    curriculum = timeline.locator("g.milestone", has_text="Onboarding curriculum")
    expect(curriculum).to_be_visible()
    expect(curriculum.locator("rect.bar")).to_have_count(1)
    expect(curriculum).to_contain_text("In progress")

    page.get_by_role("link", name="+ Add milestone").click()
    form = page.locator("#milestone-new")
    form.get_by_label("Title").fill("Certification live")
    form.get_by_label("Phase").select_option(label="Foundation")
    form.get_by_label("Start").fill("2026-11-16")
    form.get_by_label("End").fill("2026-11-16")
    form.get_by_role("group", name="Depends on").get_by_label("Onboarding curriculum").check()
    form.get_by_role("button", name="Add milestone").click()

    certification = timeline.locator("g.milestone", has_text="Certification live")
    expect(certification.locator("path.diamond")).to_have_count(1)
    expect(timeline.locator("path.dependency")).to_have_count(1)
    rows = page.locator("#milestone-rows")
    expect(rows).to_contain_text("After: Onboarding curriculum")


@pytest.mark.django_db(transaction=True)
def test_a_milestone_ending_before_it_starts_is_refused_in_place(page, login):
    membership = MembershipFactory(role="editor", user__username="planner")
    charter = CharterFactory(workspace=membership.workspace)
    login(page, "planner")

    page.goto(f"/w/{membership.workspace.slug}/charters/{charter.pk}/s/roadmap/")
    page.get_by_role("link", name="+ Add milestone").click()
    form = page.locator("#milestone-new")
    form.get_by_label("Title").fill("Backwards")
    form.get_by_label("Start").fill("2026-10-01")
    form.get_by_label("End").fill("2026-09-01")
    form.get_by_role("button", name="Add milestone").click()

    expect(page.locator("#milestone-new")).to_contain_text("The end cannot be before the start.")
    expect(page.locator("#milestone-new").get_by_label("Title")).to_have_value("Backwards")
    expect(page.locator("#roadmap-overview svg.timeline g.milestone")).to_have_count(0)


@pytest.mark.django_db(transaction=True)
def test_a_milestone_is_edited_with_the_keyboard_alone(page, login):
    membership = MembershipFactory(role="editor", user__username="planner")
    charter = CharterFactory(workspace=membership.workspace)
    MilestoneFactory(charter=charter, title="Draft playbook")
    login(page, "planner")
    page.goto(f"/w/{membership.workspace.slug}/charters/{charter.pk}/s/roadmap/")

    page.get_by_role("link", name="Edit Draft playbook").focus()
    page.keyboard.press("Enter")
    title = page.locator("#milestone-rows").get_by_label("Title")
    expect(title).to_be_focused()
    page.keyboard.press("Control+A")
    page.keyboard.type("Regional playbook")
    page.keyboard.press("Enter")

    expect(page.get_by_role("link", name="Edit Regional playbook")).to_be_focused()
    timeline = page.locator("#roadmap-overview svg.timeline")
    expect(timeline.locator("g.milestone", has_text="Regional playbook")).to_have_count(1)
