"""What screen-reader users hear and where focus lands after saves, errors and votes."""

import pytest
from playwright.sync_api import expect

from tests.browser.demo_pages import seed_demo
from tests.governance.factories import make_board

# Counts every non-empty text the two announcement regions of base.html are given.
COUNT_ANNOUNCEMENTS = """() => {
  window.announced = [];
  for (const id of ["announce-status", "announce-alert"]) {
    new MutationObserver(() => {
      const text = document.getElementById(id).textContent;
      if (text) window.announced.push(text);
    }).observe(document.getElementById(id), {childList: true, characterData: true, subtree: true});
  }
}"""


@pytest.fixture
def demo(db):
    return seed_demo(documents=False)


def section(page, login, demo, key):
    login(page, "owner", "charterboard-demo")
    page.goto(f"/w/{demo.workspace.slug}/charters/{demo.pk}/s/{key}/")
    page.evaluate(COUNT_ANNOUNCEMENTS)


def announced(page):
    return page.evaluate("window.announced")


@pytest.mark.django_db(transaction=True)
def test_typing_a_sentence_announces_one_save_not_every_keystroke(page, login, demo):
    section(page, login, demo, "future-success")
    page.get_by_role("link", name="Edit Vision").click()
    field = page.locator("form.block.editing textarea").first
    field.fill("")
    field.press_sequentially("Every seller ready for every conversation.", delay=20)
    expect(page.locator("#announce-status")).to_contain_text("Saved at", timeout=8000)
    page.wait_for_timeout(300)
    assert 1 <= len(announced(page)) <= 2
    assert all(text.startswith("Saved at") for text in announced(page))


@pytest.mark.django_db(transaction=True)
def test_save_button_announces_the_save(page, login, demo):
    section(page, login, demo, "future-success")
    page.get_by_role("link", name="Edit Vision").click()
    form = page.locator("form.block.editing")
    form.locator("textarea").first.fill("Ready for every conversation.")
    form.get_by_role("button", name="Save").click()
    expect(page.locator("form.block.editing")).to_have_count(0)
    expect(page.locator("#announce-status")).to_have_text("Saved.")


@pytest.mark.django_db(transaction=True)
def test_metric_save_and_metric_error_are_announced(page, login, demo):
    section(page, login, demo, "future-success")
    page.get_by_role("link", name="Add metric").click()
    form = page.locator("#metric-new")
    form.get_by_role("button", name="Add metric").click()
    expect(page.locator("#announce-alert")).to_contain_text("This field is required")
    # Focus goes to the field in error, not left on the button (once htmx has settled).
    page.wait_for_function("document.activeElement.getAttribute('aria-invalid') === 'true'")

    form = page.locator("#metric-new")
    form.get_by_label("Name", exact=True).fill("Ramp time")
    form.get_by_label("Leading or lagging", exact=True).select_option(label="Leading")
    form.get_by_label("Baseline", exact=True).fill("60")
    form.get_by_label("Target", exact=True).fill("90")
    form.get_by_role("button", name="Add metric").click()
    expect(page.locator("#metric-new")).to_have_count(0)
    expect(page.locator("#announce-status")).to_have_text("Saved.")


@pytest.mark.django_db(transaction=True)
def test_a_cross_field_error_in_a_row_focuses_the_field_it_names(page, login, demo):
    section(page, login, demo, "future-success")
    page.get_by_role("link", name="Add objective").click()
    form = page.locator("#objective-new")
    form.get_by_label("Title", exact=True).fill("Shorten ramp time")
    form.get_by_label("Due date", exact=True).fill("2020-01-31")
    form.get_by_role("button", name="Add objective").click()
    expect(page.locator("#announce-alert")).to_contain_text("before the charter period starts")
    expect(page.locator("#objective-new [name=due_date]")).to_be_focused()


@pytest.mark.django_db(transaction=True)
def test_a_cross_field_error_on_a_full_page_focuses_the_field_it_names(page, login, demo):
    login(page, "owner", "charterboard-demo")
    page.goto(f"/w/{demo.workspace.slug}/charters/new/")
    page.get_by_label("Title").fill("Charter FY28")
    page.get_by_label("Period start").fill("2028-07-01")
    page.get_by_label("Period end").fill("2027-06-30")
    page.get_by_role("button", name="Create charter").click()
    expect(page.get_by_text("The period cannot end before it starts.")).to_be_visible()
    expect(page.locator("[name=period_end]")).to_be_focused()


@pytest.mark.django_db(transaction=True)
def test_after_a_vote_focus_moves_to_the_outcome(page, new_page, login):
    board = make_board(seats=2)
    login(page, board.editor.user.username)
    page.goto(f"/w/{board.workspace.slug}/charters/{board.charter.pk}/")
    page.get_by_role("link", name="Publish a version").first.click()
    page.get_by_label("Summary of changes").fill("Targets for the new fiscal year.")
    # The test charter still misses parts: the publish page asks to confirm.
    page.get_by_label("Publish anyway, with the sections still missing something").check()
    page.get_by_role("button", name="Publish version").click(timeout=30_000)
    page.get_by_role("button", name="Submit for review").click()
    expect(page.locator("#review-panel")).to_contain_text("In review")
    version_url = page.url

    voter = new_page()
    login(voter, board.seats[0].user.username)
    voter.goto(version_url)
    panel = voter.locator("#review-panel")
    panel.get_by_label("Request changes").check()
    panel.get_by_label("Your password").fill("correct horse battery staple")
    panel.get_by_role("button", name="Cast vote").click()
    # Requesting changes needs a reason: focus goes to the reason, not the first choice.
    expect(voter.locator("#review-panel .errors")).to_contain_text("Tell the editors")
    # Focus moves once htmx has settled the swapped panel (and the page header's status).
    expect(voter.locator("#review-panel [name=comment]")).to_be_focused()

    panel = voter.locator("#review-panel")
    panel.get_by_label("Approve").check()
    panel.get_by_label("Reason for your vote").fill("Clear targets.")
    panel.get_by_label("Your password").fill("correct horse battery staple")
    panel.get_by_role("button", name="Cast vote").click()
    expect(voter.locator("#review-panel")).to_contain_text("Your vote is recorded")
    # Focus moves once htmx has settled the swap, a moment after the text shows.
    voter.wait_for_function("document.activeElement.closest('#review-panel') !== null")
    assert "Your vote is recorded" in voter.evaluate("document.activeElement.textContent")
