"""A workspace requires two-factor authentication; a board member sets up an authenticator
app, logs in with a code and votes with password and code."""

from pathlib import Path

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from playwright.sync_api import expect

from governance.models import Vote
from tests.governance.factories import make_board
from tests.second_factor_helpers import code_for

PASSWORD = "correct horse battery staple"
AXE = Path(__file__).parent / "vendor" / "axe-4.14.1.min.js"
RUN_AXE = """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations
  .map((violation) => `${violation.id}: ${violation.nodes.map((n) => n.target.join(" "))}`)"""


def assert_accessible_on_a_phone(page):
    page.add_script_tag(path=str(AXE))
    assert page.evaluate(RUN_AXE) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


@pytest.mark.django_db(transaction=True)
def test_a_board_member_logs_in_and_votes_with_an_authenticator_code(
    browser, live_server, settings
):
    # The code that logged in is spent; the vote types the next step's, as drifting phones do.
    settings.MFA_TOTP_TOLERANCE = 1
    board = make_board(seats=2)
    board.workspace.require_second_factor = True
    board.workspace.save()
    version = board.submit()
    member = board.seats[0].user
    secret = generate_totp_secret()
    TOTP.activate(member, secret)
    # axe runs injected, which only a context that bypasses the CSP allows.
    context = browser.new_context(base_url=live_server.url, locale="en-US", bypass_csp=True)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.set_viewport_size({"width": 375, "height": 800})

    page.goto("/accounts/login/")
    assert_accessible_on_a_phone(page)
    page.get_by_label("Username").fill(member.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in", exact=True).click()
    expect(page.get_by_role("heading", name="Two-Factor Authentication")).to_be_visible()
    assert_accessible_on_a_phone(page)
    page.get_by_label("Code").fill("000000")
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_text("That code is not right")).to_be_visible()
    page.get_by_label("Code").fill(code_for(secret))
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_load_state()

    page.goto(f"/w/{board.workspace.slug}/versions/{version.pk}/")
    panel = page.locator("#review-panel")
    panel.get_by_label("Approve").check()
    panel.get_by_label("Your password").fill(PASSWORD)
    panel.get_by_label("Code from your authenticator app").fill("000000")
    panel.get_by_role("button", name="Cast vote").click()
    expect(panel.get_by_text("That code is not right. Your vote was not counted")).to_be_visible()
    assert not Vote.objects.exists()
    panel.get_by_label("Your password").fill(PASSWORD)
    panel.get_by_label("Code from your authenticator app").fill(code_for(secret, steps_ahead=1))
    panel.get_by_role("button", name="Cast vote").click()
    expect(page.get_by_text("Your vote is recorded")).to_be_visible()
    assert Vote.objects.get().voter == member

    page.goto("/accounts/2fa/")
    assert_accessible_on_a_phone(page)
    context.close()
