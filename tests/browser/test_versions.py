import re

import pytest
from playwright.sync_api import expect

from charter.models import FutureSuccess
from tests.charter.version_factories import charter_with_editor, live_section, status_only_review


@pytest.fixture
def live_rows():
    # Submitting goes through the status only: governance's own browser test covers the board.
    with live_section() as section, status_only_review():
        yield section


@pytest.mark.django_db(transaction=True)
def test_editor_publishes_a_version_submits_it_and_sees_what_changed_since(page, login, live_rows):
    charter, membership = charter_with_editor(title="Northwind Charter FY27")
    FutureSuccess.objects.create(charter=charter, vision="Every seller ready for every call")
    login(page, membership.user.username)

    page.goto(f"/w/{charter.workspace.slug}/charters/{charter.pk}/")
    page.get_by_role("link", name="Publish a version").click()
    expect(page.get_by_label("Label")).to_have_value(re.compile(r"^\d{4}-Q[1-4]$"))
    page.get_by_label("Label").fill("2026-Q4")
    page.get_by_label("Summary of changes").fill("First version for the board.")
    # The test charter still misses parts: the publish page asks to confirm.
    page.get_by_label("Publish anyway, with the sections still missing something").check()
    page.get_by_role("button", name="Publish version").click(timeout=30_000)

    expect(page.get_by_role("heading", name=re.compile("Version 1 · 2026-Q4"))).to_be_visible()
    expect(page.get_by_text("First version for the board.")).to_be_visible()
    page.get_by_role("button", name="Submit for review").click()
    expect(page.get_by_role("status").filter(has_text="Submitted")).to_be_visible()
    expect(page.get_by_role("button", name="Withdraw submission")).to_be_visible()

    FutureSuccess.objects.update(vision="Every seller confident on every call")
    page.get_by_role("link", name="Compare with the live charter").click()

    result = page.locator("#diff-result")
    changed = result.get_by_role("region", name=re.compile("Live rows"))
    expect(changed.get_by_role("deletion")).to_have_text(re.compile("ready for"))
    expect(changed.get_by_role("insertion")).to_have_text(re.compile("confident on"))
    expect(changed.get_by_role("heading")).to_contain_text("1 change")

    # Changing the sides with the form keeps the page and swaps in the new result.
    page.get_by_label("To (newer)").select_option(label="v1 · 2026-Q4 (In review)")
    page.get_by_role("button", name="Compare").click()
    expect(result.get_by_text("their content is identical")).to_be_visible()
    expect(page).to_have_url(re.compile(r"to=\d+"))
