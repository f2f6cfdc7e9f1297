"""Playwright on Debian's Chromium against pytest-django's live server."""

import os
import shutil
import time

import pytest
from django.db import connection

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# between browser steps are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}; run `make system-deps`.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def csp_violations():
    """What the Content-Security-Policy blocked in any page of the test, as Chromium logs it."""
    return []


def wait_for_the_live_server_to_finish_its_requests(seconds: float = 10) -> None:
    """Until no other session of the test database is inside a query or a transaction.

    A request the page sent last (an htmx follow-up, a poll) may still be at the live server
    when the test ends: the database flush that follows must not meet it mid-request, where
    PostgreSQL ends one of the two as a deadlock.
    """
    if connection.vendor != "postgresql":
        return
    deadline = time.monotonic() + seconds
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                " AND pid <> pg_backend_pid() AND state IN ('active', 'idle in transaction')"
            )
            if cursor.fetchone()[0] == 0:
                return
            time.sleep(0.05)


@pytest.fixture
def new_page(browser, live_server, csp_violations):
    """new_page() opens a page in a fresh browser context (its own cookies).

    Every browser test fails when the page did something the Content-Security-Policy refused.
    """
    contexts = []

    def record(message):
        if "Content Security Policy" in message.text:
            csp_violations.append(message.text)

    def make():
        context = browser.new_context(base_url=live_server.url, locale="en-US")
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        page.on("console", record)
        return page

    yield make
    for context in contexts:
        context.close()
    wait_for_the_live_server_to_finish_its_requests()
    assert csp_violations == [], "the Content-Security-Policy refused: " + "; ".join(csp_violations)


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.fixture
def login(live_server):
    def log_in(page, username, password="correct horse battery staple"):
        page.goto("/accounts/login/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Log in", exact=True).click()
        page.wait_for_load_state()

    return log_in
