"""In each translated language, the main pages show no English: no msgid of our catalogue left
untranslated, and no Latin-letter word on a Chinese or Russian page beyond names and notations.
"""

import io

import pytest
from django.core.management import call_command
from django.utils import translation

from charter.languages.preference import remember_language
from charter.models import Charter
from tests.browser.demo_pages import (
    ANONYMOUS_PAGES,
    form_and_catalogue_pages,
    main_pages,
    outside_review_page,
)
from tests.browser.untranslated import VISIBLE_TEXTS, untranslated

# What the demo's people typed that is a name in any language: products, the fictional
# companies of its benchmarks.
DEMO_NAMES = frozenset(
    {
        "Salesforce",
        "Workday",
        "Gong",
        "Highspot",
        "Lessonly",
        "Docebo",
        "Tableau",
        "Asana",
        "Contoso",
        "Fabrikam",
        "Tailspin",
        "Toys",
        "Wingtip",
        "LMS",
        "Telegram",
        "LINE",
        "ERP",
        "PPT",
        "ROI",
        "IT",
        "FTE",
    }
)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["zh-hans", "zh-hant", "ru"])
def test_no_page_shows_english_in_a_translated_language(browser, live_server, language):
    call_command("seed_demo", language=language, stdout=io.StringIO())
    charter = Charter.objects.get(language=language)
    for membership in charter.workspace.memberships.select_related("user"):
        remember_language(membership.user, language)
    # One context for every page: the anonymous pages in the browser's language, then the
    # owner's pages in the language their profile names.
    context = browser.new_context(
        base_url=live_server.url, locale=language, extra_http_headers={"Accept-Language": language}
    )
    context.set_default_timeout(20_000)
    page = context.new_page()
    english = {}

    def visit(path):
        response = page.goto(path)
        assert response.ok, path
        found = untranslated(language, page.evaluate(VISIBLE_TEXTS), DEMO_NAMES)
        if found:
            english[path] = sorted(found)

    for path in (*ANONYMOUS_PAGES, outside_review_page(charter)):
        visit(path)
    page.goto("/accounts/login/")
    page.locator("input[name=login]").fill("owner")
    page.locator("input[name=password]").fill("charterboard-demo")
    page.locator("input[name=password]").press("Enter")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    for path in (*main_pages(charter), *form_and_catalogue_pages(charter)):
        visit(path)
    context.close()
    translation.activate("en")

    assert english == {}, "\n".join(
        f"{path}\n" + "\n".join(f"  {where}: {text}" for where, text in found)
        for path, found in english.items()
    )
