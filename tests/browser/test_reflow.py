"""WCAG 1.4.10 reflow: at phone widths no page of the demo scrolls sideways."""

import pytest

from tests.browser.demo_pages import (
    ANONYMOUS_PAGES,
    form_and_catalogue_pages,
    main_pages,
    outside_review_page,
    seed_demo,
)


@pytest.fixture
def demo(db):
    return seed_demo()


@pytest.fixture
def demo_without_documents(db):
    return seed_demo(documents=False)


def pages_wider_than_the_viewport(page, paths):
    wider = []
    for path in paths:
        response = page.goto(path)
        assert response.ok, path
        scroll_width, viewport = page.evaluate(
            "[document.documentElement.scrollWidth, window.innerWidth]"
        )
        if scroll_width > viewport:
            wider.append(f"{path} ({scroll_width}px)")
    return wider


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width,height", [(375, 800), (320, 640)])
def test_no_page_scrolls_sideways_on_a_phone(new_page, login, demo, width, height):
    page = new_page()
    page.set_viewport_size({"width": width, "height": height})
    anonymous = pages_wider_than_the_viewport(page, [*ANONYMOUS_PAGES, outside_review_page(demo)])
    login(page, "owner", "charterboard-demo")
    signed_in = pages_wider_than_the_viewport(
        page, [*main_pages(demo), *form_and_catalogue_pages(demo)]
    )
    assert anonymous + signed_in == []


@pytest.mark.django_db(transaction=True)
def test_the_add_metric_form_fits_a_phone(new_page, login, demo_without_documents):
    demo = demo_without_documents
    page = new_page()
    page.set_viewport_size({"width": 320, "height": 640})
    login(page, "owner", "charterboard-demo")
    page.goto(f"/w/{demo.workspace.slug}/charters/{demo.pk}/s/future-success/")
    page.get_by_role("link", name="Add metric").click()
    form = page.locator("tr.row-form form")
    form.wait_for()
    overflowing = form.evaluate(
        """form => [...form.querySelectorAll("input, select, textarea, button")]
            .filter(field => field.getBoundingClientRect().right > window.innerWidth)
            .map(field => field.name || field.textContent)"""
    )
    assert overflowing == []
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
