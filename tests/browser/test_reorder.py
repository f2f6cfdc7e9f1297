"""An editor reorders metrics with the keyboard; the page, the snapshot and the PDF follow."""

import pytest
from playwright.sync_api import expect

from charter.models import Membership
from charter.versions.publishing import publish
from tests.charter.pdf_factories import export_now, page_texts, pdf_bytes
from tests.charter.section_factories import MetricFactory
from tests.factories import CharterFactory, MembershipFactory

NAMES = ("Win rate", "Ramp time", "Quota attainment")


@pytest.fixture
def charter_with_metrics(db):
    membership = MembershipFactory(role="editor", user__username="enabler")
    charter = CharterFactory(workspace=membership.workspace)
    for name in NAMES:
        MetricFactory(charter=charter, name=name, position=0)
    return charter


def shown_names(page) -> list[str]:
    rows = page.locator("#metric-rows tr[id^='metric-'] th[scope='row'] a")
    return [text.strip() for text in rows.all_inner_texts()]


@pytest.mark.django_db(transaction=True)
def test_a_metric_moved_with_the_keyboard_keeps_its_place_on_the_page_snapshot_and_pdf(
    page, login, charter_with_metrics, django_capture_on_commit_callbacks
):
    charter = charter_with_metrics
    login(page, "enabler")
    page.goto(f"/w/{charter.workspace.slug}/charters/{charter.pk}/s/future-success/")
    assert shown_names(page) == list(NAMES)

    page.get_by_role("button", name="Move “Quota attainment” up").focus()
    page.keyboard.press("Enter")
    moved_up = page.get_by_role("button", name="Move “Quota attainment” up")
    expect(moved_up).to_be_focused()
    expect(page.locator("#announce-status")).to_have_text("Moved up, now 2 of 3")
    page.keyboard.press("Enter")
    expect(page.locator("#announce-status")).to_have_text("Moved up, now 1 of 3")
    expect(page.get_by_role("button", name="Move “Quota attainment” up")).to_be_focused()
    # Already first: pressing again says so and changes nothing.
    page.keyboard.press("Enter")
    expect(page.locator("#metric-rows")).to_contain_text("This row is already first.")

    expected = ["Quota attainment", "Win rate", "Ramp time"]
    assert shown_names(page) == expected
    page.reload()
    assert shown_names(page) == expected

    membership = Membership.objects.get(user__username="enabler")
    version = publish(charter, membership.user, membership, label="2026-Q4")
    metrics = version.snapshot["sections"]["future-success"]["metrics"]
    assert [metric["name"] for metric in metrics] == expected
    export = export_now(django_capture_on_commit_callbacks, version)
    text = " ".join(page_texts(pdf_bytes(export)))
    positions = [text.find(name) for name in expected]
    assert -1 not in positions
    assert positions == sorted(positions)
