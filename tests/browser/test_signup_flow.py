import re

import pytest
from django.core import mail
from playwright.sync_api import expect

SIX_SECTIONS = [
    "Current state",
    "Future success",
    "Scope",
    "Roadmap",
    "Governance",
    "Collaboration",
]


@pytest.mark.django_db(transaction=True)
def test_sign_up_create_workspace_and_charter_shows_six_sections(page):
    page.goto("/accounts/signup/")
    page.get_by_label("Username").fill("amelia")
    page.get_by_label("Email").fill("amelia@example.com")
    page.get_by_label("Password", exact=True).fill("an-enablement-leader-2026")
    page.get_by_label("Password confirmation").fill("an-enablement-leader-2026")
    page.get_by_role("button", name="Sign up").click()

    expect(page.get_by_role("heading", name="Check your inbox")).to_be_visible()
    [message] = mail.outbox
    link = re.search(r"/accounts/signup/confirm/\S+", message.body).group(0)
    page.goto(link)
    page.get_by_role("button", name="Confirm and log in").click()

    expect(page.get_by_role("heading", name="Create a workspace")).to_be_visible()
    page.get_by_label("Name").fill("Amelia's Enablement")
    page.get_by_role("button", name="Create workspace").click()

    page.get_by_role("link", name="New charter").click()
    page.get_by_label("Title").fill("Enablement Charter FY27")
    page.get_by_label("Period start").fill("2026-07-01")
    page.get_by_label("Period end").fill("2027-06-30")
    page.get_by_role("button", name="Create charter").click()

    expect(page.get_by_role("heading", name="Enablement Charter FY27")).to_be_visible()
    nav = page.get_by_role("navigation", name="Charter sections")
    links = nav.get_by_role("link").all_inner_texts()
    core = [text for text in links if text in SIX_SECTIONS]
    assert core == SIX_SECTIONS

    nav.get_by_role("link", name="Roadmap").click()
    expect(page).to_have_url(re.compile(r"/s/roadmap/$"))
    expect(page.get_by_role("heading", name="Roadmap", level=1)).to_be_visible()
