"""An editor publishes and submits; two board members vote in their own browsers."""

import re

import pytest
from playwright.sync_api import expect

from governance.models import ApprovalRule
from tests.governance.factories import make_board

PASSWORD = "correct horse battery staple"


def vote(new_page, login, username, version_url, decision, comment):
    page = new_page()
    login(page, username)
    page.goto(version_url)
    panel = page.locator("#review-panel")
    panel.get_by_label(decision).check()
    panel.get_by_label("Reason for your vote").fill(comment)
    # Re-authentication: the vote asks for the password again.
    panel.get_by_label("Your password").fill(PASSWORD)
    panel.get_by_role("button", name="Cast vote").click()
    return page


@pytest.mark.django_db(transaction=True)
def test_editor_submits_and_two_board_members_approve_with_reauthentication(page, new_page, login):
    board = make_board(seats=2, rule=ApprovalRule.ALL)
    first, second = (seat.user for seat in board.seats)

    login(page, board.editor.user.username)
    page.goto(f"/w/{board.workspace.slug}/charters/{board.charter.pk}/")
    page.get_by_role("link", name="Publish a version").first.click()
    page.get_by_label("Summary of changes").fill("Targets for the new fiscal year.")
    # The test charter still misses parts: the publish page asks to confirm.
    page.get_by_label("Publish anyway, with the sections still missing something").check()
    page.get_by_role("button", name="Publish version").click()
    expect(page).to_have_url(re.compile(r"/versions/\d+/$"))
    page.get_by_role("button", name="Submit for review").click()
    expect(page.locator("#review-panel")).to_contain_text("In review")
    version_url = page.url

    first_page = vote(new_page, login, first.username, version_url, "Approve", "Clear targets.")
    expect(first_page.locator("#review-panel")).to_contain_text("1 of 2 approve")

    second_page = vote(new_page, login, second.username, version_url, "Approve", "Agreed.")
    expect(second_page.locator("#review-panel")).to_contain_text("The board approved this version")

    page.reload()
    panel = page.locator("#review-panel")
    expect(panel).to_contain_text("Approved")
    votes = panel.get_by_role("table")
    expect(votes).to_contain_text(first.get_full_name())
    expect(votes).to_contain_text(second.get_full_name())
    expect(votes.get_by_text("password confirmed")).to_have_count(2)
