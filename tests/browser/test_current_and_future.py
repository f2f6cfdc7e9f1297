"""An editor drafts the current state and future success in place; nothing typed is lost."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import CharterFactory, MembershipFactory


@pytest.fixture
def empty_charter(db):
    membership = MembershipFactory(role="editor", user__username="enabler")
    MembershipFactory(role="editor", user__username="colleague", workspace=membership.workspace)
    charter = CharterFactory(workspace=membership.workspace)
    return f"/w/{membership.workspace.slug}/charters/{charter.pk}"


def edit_block(page, title, text):
    """Open a block with the keyboard, type into its first text box and save with Enter."""
    page.get_by_role("link", name=f"Edit {title}").focus()
    page.keyboard.press("Enter")
    block = page.locator("form.block.editing")
    textbox = block.get_by_role("textbox").first
    expect(textbox).to_be_focused()
    textbox.fill(text)
    block.get_by_role("button", name="Save").press("Enter")
    expect(page.locator("form.block.editing")).to_have_count(0)


def add_row(page, table, link, fields, shown=None):
    """Open the table's Add form, fill the fields and submit it with Enter."""
    page.get_by_role("link", name=link).click()
    form = page.locator(f"#{table}-new")
    for label, value in fields.items():
        field = form.get_by_label(label, exact=True)
        if field.evaluate("element => element.tagName") == "SELECT":
            field.select_option(label=value)
        else:
            field.fill(value)
    form.get_by_label(next(iter(fields)), exact=True).press("Enter")
    expect(page.locator(f"#{table}-new")).to_have_count(0)
    expect(page.locator(f"#{table}-rows")).to_contain_text(shown or next(iter(fields.values())))


@pytest.mark.django_db(transaction=True)
def test_current_state_is_filled_in_place_from_an_empty_charter(page, login, empty_charter):
    login(page, "enabler")
    page.goto(f"{empty_charter}/s/current-state/")
    missing = page.locator("#section-missing")
    expect(missing).to_contain_text("Business strategy is missing.")

    edit_block(page, "Business strategy", "Grow **enterprise** bookings by 30 %.")
    strategy = page.locator("#block-strategy")
    expect(strategy.locator("strong")).to_have_text("enterprise")
    expect(page).to_have_url(re.compile(r"/s/current-state/$"))
    expect(missing).not_to_contain_text("Business strategy is missing.")

    add_row(
        page,
        "kpi",
        "+ Add KPI",
        {"KPI": "Win rate", "Value": "23.5", "Unit": "%", "Period": "FY2026"},
    )
    expect(page.locator("#kpi-rows")).to_contain_text("23.5 %")

    page.get_by_role("link", name="Edit Content").click()
    page.get_by_label("Level").select_option(label="3. Organized")
    page.get_by_label("Evidence").fill("A content calendar and owners for every asset.")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#maturity-live")).to_contain_text("Overall level: 3 · Organized")
    expect(page.locator("#maturity-live svg")).to_contain_text("3 · Organized")


@pytest.mark.django_db(transaction=True)
def test_a_block_saved_the_moment_it_opens_is_saved_in_place_on_a_slow_browser(
    page, login, empty_charter
):
    login(page, "enabler")
    page.goto(f"{empty_charter}/s/current-state/")
    # A slow browser: htmx wires what it swapped in 300 ms later instead of 20 ms. The text
    # box must not take the focus (and the Enter on Save) before that.
    page.evaluate("htmx.config.defaultSettleDelay = 300; window.samePage = true")

    edit_block(page, "Business strategy", "Grow **enterprise** bookings by 30 %.")

    expect(page.locator("#block-strategy strong")).to_have_text("enterprise")
    assert page.evaluate("window.samePage === true"), "the Save reloaded the whole page"
    expect(page).to_have_url(re.compile(r"/s/current-state/$"))


@pytest.mark.django_db(transaction=True)
def test_future_success_is_filled_in_place_from_an_empty_charter(page, login, empty_charter):
    login(page, "enabler")
    page.goto(f"{empty_charter}/s/future-success/")

    edit_block(page, "Vision", "Every seller ready for every conversation.")
    expect(page.locator("#block-vision")).to_contain_text("Every seller ready")

    add_row(
        page,
        "metric",
        "+ Add metric",
        {
            "Name": "Certification rate",
            "Leading or lagging": "Leading",
            "Baseline": "0",
            "Target": "90",
        },
    )
    add_row(
        page,
        "metric",
        "+ Add metric",
        {"Name": "Win rate", "Leading or lagging": "Lagging", "Baseline": "20", "Target": "26"},
    )
    page.get_by_role("link", name="Edit Win rate").click()
    page.get_by_role("checkbox", name="Certification rate").check()
    page.locator("#metric-rows").get_by_role("button", name="Save").click()
    outcomes = page.locator("#outcomes-live")
    expect(outcomes.get_by_role("row", name=re.compile("Win rate"))).to_contain_text(
        "Certification rate"
    )

    add_row(
        page,
        "objective",
        "+ Add objective",
        {"Title": "Raise the win rate to 26 %", "Due date": "2027-03-31"},
    )

    page.get_by_role("link", name="Win rate", exact=True).click()
    expect(page.get_by_role("heading", name="Win rate", level=1)).to_be_visible()
    add_row(page, "actual", "+ Add actual", {"Period": "2025-11-15", "Value": "22.5"}, "2025-Q4")
    expect(page.locator("#metric-summary")).to_contain_text("On track")
    expect(page.locator("#metric-summary svg")).to_be_visible()


@pytest.mark.django_db(transaction=True)
def test_two_people_editing_the_same_block_see_a_conflict_and_lose_nothing(
    new_page, login, empty_charter
):
    first, second = new_page(), new_page()
    login(first, "enabler")
    login(second, "colleague")
    for page in (first, second):
        page.goto(f"{empty_charter}/s/future-success/")
        page.get_by_role("link", name="Edit Mission").click()
        expect(page.get_by_role("textbox", name="Mission")).to_be_focused()

    first.get_by_role("textbox", name="Mission").fill("We coach every new seller.")
    first.get_by_role("button", name="Save").click()
    expect(first.locator("#block-mission")).to_contain_text("We coach every new seller.")

    second.get_by_role("textbox", name="Mission").fill("We equip every seller with content.")
    second.get_by_role("button", name="Save").click()

    conflict = second.locator("#block-mission")
    expect(conflict).to_contain_text("Someone else changed this since you opened it.")
    expect(conflict.get_by_role("textbox", name="Mission", exact=True)).to_have_value(
        "We equip every seller with content."
    )
    expect(conflict.get_by_label("Mission (saved version, read-only)")).to_have_value(
        "We coach every new seller."
    )

    conflict.get_by_role("textbox", name="Mission", exact=True).fill(
        "We coach every new seller and equip every seller with content."
    )
    conflict.get_by_role("button", name="Save").click()
    expect(second.locator("#block-mission")).to_contain_text("coach every new seller and equip")
    first.reload()
    expect(first.locator("#block-mission")).to_contain_text("coach every new seller and equip")


@pytest.mark.django_db(transaction=True)
def test_autosaved_text_is_there_after_a_reload(page, login, empty_charter):
    login(page, "enabler")
    page.goto(f"{empty_charter}/s/current-state/")
    page.get_by_role("link", name="Edit Go-to-market strategy").click()

    # The status line shows every state; only the saves reach the live region.
    state = page.locator("#block-go-to-market .save-state")
    page.get_by_role("textbox", name="Target segments").press_sequentially("Mid-market SaaS")
    expect(state).to_contain_text("Saved at")
    expect(page.get_by_role("status")).to_contain_text("Saved at")
    page.get_by_role("textbox", name="Channels").press_sequentially("Partners first")
    expect(state).to_contain_text("Unsaved changes")
    expect(state).to_contain_text("Saved at")

    page.reload()
    market = page.locator("#block-go-to-market")
    expect(market).to_contain_text("Mid-market SaaS")
    expect(market).to_contain_text("Partners first")


@pytest.mark.django_db(transaction=True)
def test_closing_a_block_before_its_autosave_keeps_the_text(page, login, empty_charter):
    login(page, "enabler")
    page.goto(f"{empty_charter}/s/future-success/")
    page.get_by_role("link", name="Edit Vision").click()

    page.get_by_role("textbox", name="Vision").fill("Typed just before closing")
    page.get_by_role("link", name="Close").click()

    expect(page.locator("form.block.editing")).to_have_count(0)
    expect(page.locator("#block-vision")).to_contain_text("Typed just before closing")
    page.reload()
    expect(page.locator("#block-vision")).to_contain_text("Typed just before closing")
