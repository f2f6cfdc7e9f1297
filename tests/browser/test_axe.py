"""axe-core finds no WCAG violation on any main page of the demo, on a desktop and a phone."""

from pathlib import Path

import pytest

from tests.browser.demo_pages import (
    ANONYMOUS_PAGES,
    form_and_catalogue_pages,
    main_pages,
    outside_review_page,
    seed_demo,
)

# Vendored from the npm package axe-core (MPL-2.0, licence beside it).
AXE = Path(__file__).parent / "vendor" / "axe-4.14.1.min.js"

RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map((violation) =>
    `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}"""


@pytest.fixture
def demo(db):
    return seed_demo()


@pytest.fixture
def axe_page(browser, live_server):
    # Only this context bypasses the Content-Security-Policy, to let the injected axe run.
    context = browser.new_context(base_url=live_server.url, locale="en-US", bypass_csp=True)
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width,height", [(1280, 900), (375, 800)])
def test_axe_finds_no_violation_on_any_page(axe_page, login, demo, width, height):
    axe_page.set_viewport_size({"width": width, "height": height})
    violations = {}

    def check(paths):
        for path in paths:
            assert axe_page.goto(path).ok, path
            axe_page.add_script_tag(path=str(AXE))
            found = axe_page.evaluate(RUN_AXE)
            if found:
                violations[path] = found

    check([*ANONYMOUS_PAGES, outside_review_page(demo)])
    login(axe_page, "owner", "charterboard-demo")
    check([*main_pages(demo), *form_and_catalogue_pages(demo)])
    assert violations == {}
