"""The demo works under the strict Content-Security-Policy: nothing is refused, htmx included."""

import io

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from charter import palette
from charter.models import Charter


@pytest.fixture
def demo(db):
    call_command("seed_demo", stdout=io.StringIO())
    return Charter.objects.get(workspace__name="Northwind Sales Enablement")


@pytest.mark.django_db(transaction=True)
def test_the_main_pages_and_an_in_place_edit_run_without_a_policy_violation(
    page, login, demo, csp_violations
):
    login(page, "owner", "charterboard-demo")
    base = f"/w/{demo.workspace.slug}"
    approved = demo.versions.order_by("number").first()
    for path in [
        f"{base}/",
        f"{base}/charters/{demo.pk}/",
        *(
            f"{base}/charters/{demo.pk}/s/{key}/"
            for key in ("current-state", "future-success", "scope", "collaboration", "roadmap")
        ),
        f"{base}/charters/{demo.pk}/versions/",
        f"{base}/versions/{approved.pk}/",
        f"{base}/audit/",
    ]:
        response = page.goto(path)
        assert response.ok, path
        assert "default-src 'self'" in response.headers["content-security-policy"]

    page.goto(f"{base}/charters/{demo.pk}/s/current-state/")
    expect(page.locator(f"svg.maturity-chart rect[fill='{palette.ACCENT}']").first).to_be_visible()
    page.get_by_role("link", name="Edit Business strategy").click()
    expect(page.locator("form.block.editing")).to_have_count(1)
    page.locator("form.block.editing").get_by_role("link", name="Close").click()
    expect(page.locator("form.block.editing")).to_have_count(0)
    # htmx was told not to inject its indicator <style>; its styles come from app.css.
    assert page.locator("head style").count() == 0
    assert csp_violations == []
