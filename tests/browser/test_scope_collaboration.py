"""An editor fills scope and collaboration from an empty charter; members comment."""

import pytest
from playwright.sync_api import expect

from tests.factories import CharterFactory, MembershipFactory


@pytest.fixture
def empty_charter(db):
    membership = MembershipFactory(role="editor", user__username="enabler")
    charter = CharterFactory(workspace=membership.workspace)
    return f"/w/{membership.workspace.slug}/charters/{charter.pk}"


def settled(page):
    """Wait until htmx has swapped and wired up what it received, so the next event is heard."""
    page.wait_for_function(
        "() => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling')"
    )


def add_row(page, table, link, fields, button):
    """Open the table's Add form, type each field and submit it with Enter."""
    page.get_by_role("link", name=link).click()
    form = page.locator(f"#{table}-new")
    for label, value in fields.items():
        field = form.get_by_label(label, exact=True)
        if field.evaluate("element => element.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)
    form.get_by_label(next(iter(fields)), exact=True).press("Enter")
    expect(page.locator(f"#{table}-new")).to_have_count(0)
    expect(page.locator(f"#{table}-rows")).to_contain_text(next(iter(fields.values())))


@pytest.mark.django_db(transaction=True)
def test_scope_is_filled_in_place_from_an_empty_charter(page, login, empty_charter):
    login(page, "enabler")
    page.goto(f"{empty_charter}/s/scope/")
    missing = page.locator("#section-missing")
    expect(missing).to_contain_text("Budget owner is missing.")

    add_row(
        page,
        "audience",
        "+ Add audience",
        {"Role": "Account executives", "Segment or region": "EMEA", "Headcount": "40"},
        "Add audience",
    )
    expect(missing).not_to_contain_text("No audience yet")

    page.get_by_role("link", name="Choose services offered").click()
    page.get_by_role("checkbox", name="Onboarding").focus()
    page.keyboard.press("Space")
    page.get_by_role("checkbox", name="Coaching").check()
    page.get_by_role("button", name="Save").click()
    services = page.locator("#block-services")
    expect(services.get_by_role("listitem")).to_have_text(["Onboarding", "Coaching"])

    page.get_by_role("link", name="Edit Budget").click()
    page.get_by_label("Budget owner").fill("Olivia Owens")
    page.locator("#block-budget").get_by_role("button", name="Save").click()
    expect(page.locator("#block-budget")).to_contain_text("Olivia Owens")

    page.get_by_role("link", name="+ Add funding source").click()
    form = page.locator("#funding-new")
    form.get_by_label("Team").fill("Sales")
    form.get_by_label("Amount").fill("-5")
    form.get_by_role("button", name="Add funding source").click()
    expect(form).to_contain_text("An amount cannot be negative.")
    expect(form.get_by_label("Team")).to_have_value("Sales")
    form.get_by_label("Amount").fill("250000")
    form.get_by_label("Currency").select_option("EUR")
    form.get_by_role("button", name="Add funding source").click()

    expect(page.locator("#funding-totals")).to_contain_text("250,000 EUR")
    expect(missing).to_contain_text("This section is complete.")


@pytest.mark.django_db(transaction=True)
def test_raci_gaps_show_inline_and_disappear_when_fixed(page, login, empty_charter):
    from charter.models import Charter, Scope, Service

    charter = Charter.objects.get()
    onboarding, training, *_ = Service.catalogue(charter.workspace)
    Scope.objects.create(charter=charter).services.set([onboarding, training])
    login(page, "enabler")
    page.goto(f"{empty_charter}/s/collaboration/")
    raci = page.locator("#raci")
    expect(raci).to_contain_text("Add partner teams above")

    add_row(page, "partner-team", "+ Add partner team", {"Team": "Sales"}, "Add partner team")
    add_row(page, "partner-team", "+ Add partner team", {"Team": "Marketing"}, "Add partner team")

    # The grid reloads itself with a column per partner team.
    expect(page.get_by_label("Onboarding · Marketing")).to_be_visible()
    settled(page)
    onboarding_check = page.locator(f"#raci-gaps-{onboarding.pk}")
    expect(onboarding_check).to_contain_text("No Accountable team")
    expect(onboarding_check).to_contain_text("No Responsible team")

    # Keyboard only: each cell is a select saved as soon as it changes.
    cell = page.get_by_label("Onboarding · Sales")
    cell.focus()
    cell.select_option("A")
    expect(onboarding_check).not_to_contain_text("No Accountable team")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Onboarding · Marketing")).to_be_focused()
    page.get_by_label("Onboarding · Marketing").select_option("A")
    expect(onboarding_check).to_contain_text("More than one Accountable team")
    page.get_by_label("Onboarding · Marketing").select_option("R")
    expect(onboarding_check).to_contain_text("Complete")
    expect(page.locator(f"#raci-gaps-{training.pk}")).to_contain_text("No Accountable team")
    expect(page.locator("#section-missing")).to_contain_text("Training has no Accountable team.")
    expect(page.locator("#section-missing")).not_to_contain_text("Onboarding")

    page.reload()
    expect(page.get_by_label("Onboarding · Sales")).to_have_value("A")
    expect(page.get_by_label("Onboarding · Marketing")).to_have_value("R")

    add_row(
        page,
        "cadence",
        "+ Add meeting",
        {"Name": "Sales and marketing sync", "Frequency": "Monthly"},
        "Add meeting",
    )
    expect(page.locator("#section-missing")).not_to_contain_text("No meeting cadence")


@pytest.mark.django_db(transaction=True)
def test_members_comment_reply_and_resolve(page, login, empty_charter):
    login(page, "enabler")
    page.goto(f"{empty_charter}/s/scope/")
    comments = page.locator("#comments")

    comments.get_by_role("button", name="Post comment").click()
    expect(comments).to_contain_text("Write something before posting.")
    comments.get_by_label("Comment").fill("Should **SDRs** be a primary audience?")
    comments.get_by_role("button", name="Post comment").click()
    thread = comments.locator("article.comment-thread")
    expect(thread.locator("strong", has_text="SDRs")).to_be_visible()
    expect(comments.get_by_label("Comment")).to_have_value("")

    thread.get_by_text("Reply", exact=True).click()
    thread.get_by_label("Your reply").fill("Yes, from phase 2.")
    thread.get_by_role("button", name="Post reply").click()
    expect(comments.locator(".comment-replies")).to_contain_text("Yes, from phase 2.")

    comments.get_by_role("button", name="Resolve").click()
    expect(comments).to_contain_text("No open comments on this section.")
    comments.get_by_text("1 resolved thread").click()
    expect(comments).to_contain_text("Resolved by")
    comments.get_by_role("button", name="Reopen").click()
    expect(comments.locator(".badge")).to_have_text("1 open")


@pytest.mark.django_db(transaction=True)
def test_a_raci_cell_changed_by_someone_else_is_not_overwritten(new_page, login):
    from charter.models import Scope, Service
    from tests.charter.scope_factories import PartnerTeamFactory

    first = MembershipFactory(role="editor", user__username="first")
    MembershipFactory(role="owner", user__username="second", workspace=first.workspace)
    charter = CharterFactory(workspace=first.workspace)
    coaching = Service.catalogue(charter.workspace).get(name="Coaching")
    Scope.objects.create(charter=charter).services.add(coaching)
    PartnerTeamFactory(charter=charter, name="Sales")
    url = f"/w/{first.workspace.slug}/charters/{charter.pk}/s/collaboration/"
    pages = []
    for username in ("first", "second"):
        page = new_page()
        login(page, username)
        page.goto(url)
        pages.append(page)
    mine, theirs = pages

    theirs.get_by_label("Coaching · Sales").select_option("A")
    expect(theirs.locator("#raci-state")).to_contain_text("Saved at")
    mine.get_by_label("Coaching · Sales").select_option("C")

    expect(mine.locator("#raci-state")).to_contain_text(
        "someone else set “A” meanwhile, so your “C” was not saved"
    )
    expect(mine.get_by_label("Coaching · Sales")).to_have_value("A")
    settled(mine)
    mine.get_by_label("Coaching · Sales").select_option("R")
    expect(mine.locator("#raci-state")).to_contain_text("Saved at")
    expect(mine.locator(f"#raci-gaps-{coaching.pk}")).to_contain_text("No Accountable team")
