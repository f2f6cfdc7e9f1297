"""The research flow end to end: interview, audit, survey with a CSV import that has a bad
row, results, and an insight pulled into the current state with its evidence."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import CharterFactory, MembershipFactory

CSV = (
    "Role,Region,Findability\n"
    "Account executive,EMEA,2\n"
    "SDR,APAC,seven\n"
    "Account executive,North America,4\n"
)


@pytest.mark.django_db(transaction=True)
def test_research_flow_from_interview_to_the_current_state(page, login):
    editor = MembershipFactory(role="editor", user__username="ethan")
    charter = CharterFactory(workspace=editor.workspace, title="Enablement Charter FY27")
    login(page, "ethan")

    page.get_by_role("navigation", name="Workspace").get_by_role("link", name="Research").click()
    expect(page.get_by_role("heading", name="Research", exact=True)).to_be_visible()

    # An interview, with the question guide for its stakeholder type beside it.
    tabs = page.get_by_role("navigation", name="Research")
    tabs.get_by_role("link", name="Interviews").click()
    page.get_by_role("link", name="New interview").click()
    page.get_by_label("Interviewee").fill("Dana Whitfield")
    page.get_by_label("Job title").fill("Chief Revenue Officer")
    page.get_by_label("Function").select_option(label="Executive")
    page.get_by_label("Stakeholder type").select_option(label="Executive")
    page.get_by_label("Key quotes").fill("New reps take three quarters to ramp.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="Dana Whitfield")).to_be_visible()
    expect(page.get_by_text("“New reps take three quarters to ramp.”")).to_be_visible()
    expect(page.get_by_text("What role does the sales force play in those goals?")).to_be_visible()

    # One audited activity, summarised by team and channel.
    tabs.get_by_role("link", name="Enablement audit").click()
    page.get_by_role("link", name="New activity").click()
    page.get_by_label("Activity").fill("Custom ROI spreadsheets")
    page.get_by_label("Owner team").fill("Sellers")
    page.get_by_label("Channel").select_option(label="Email")
    page.get_by_label("Frequency").select_option(label="As needed")
    page.get_by_label("Made by sellers").check()
    page.get_by_label("Effort (hours per month)").fill("40")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Sellers make 100% of their content themselves")).to_be_visible()

    # A survey with one 1–5 question, and responses imported from CSV with a bad row.
    tabs.get_by_role("link", name="Survey").click()
    page.get_by_role("link", name="New survey").click()
    page.get_by_label("Title").fill("Sales-force survey")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="New question").click()
    page.get_by_label("Question").fill("I can find the content I need in five minutes.")
    page.get_by_label("Short label").fill("Findability")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Import responses from CSV").click()
    page.get_by_label("CSV file").set_input_files(
        {"name": "responses.csv", "mimeType": "text/csv", "buffer": CSV.encode()}
    )
    page.get_by_role("button", name="Upload and preview").click()
    expect(page.get_by_role("heading", name="Check the import")).to_be_visible()
    expect(page.get_by_label("Findability")).to_have_value("2")
    expect(page.get_by_text(re.compile(r"Line 3:.*whole number from 1 to 5"))).to_be_visible()
    page.get_by_role("button", name="Import 2 responses").click()
    expect(page.get_by_text(re.compile(r"Imported 2 response"))).to_be_visible()
    expect(page.get_by_text(re.compile(r"Line 3:"))).to_be_visible()

    # Results as a server-rendered chart, filterable by region.
    page.get_by_role("link", name="See the results").click()
    expect(page.get_by_text("2 respondents.")).to_be_visible()
    expect(page.locator("svg[role=img]")).to_have_count(1)
    page.get_by_label("Region").select_option("EMEA")
    expect(page.get_by_text(re.compile(r"1 respondent: all roles, EMEA"))).to_be_visible()

    # An insight linked to its evidence, pulled into the current state.
    tabs.get_by_role("link", name="Insights").click()
    page.get_by_role("link", name="New insight").click()
    page.get_by_label("Statement").fill("Sellers build their own ROI spreadsheets.")
    page.get_by_label("Charter section").select_option(label="Current state")
    page.get_by_label("Dana Whitfield, Chief Revenue Officer").check()
    page.get_by_label("Custom ROI spreadsheets (Sellers, Email)").check()
    page.get_by_label("Findability").check()
    page.get_by_role("button", name="Save").click()
    page.get_by_role("button", name="Pull into the current state").click()
    expect(page.get_by_role("button", name="Remove from the current state")).to_be_visible()

    page.goto(f"/w/{editor.workspace.slug}/charters/{charter.pk}/s/current-state/")
    found = page.locator("section.research-insights")
    expect(found.get_by_text("Sellers build their own ROI spreadsheets.")).to_be_visible()
    expect(found.get_by_text(re.compile(r"Interview:"))).to_be_visible()
    expect(found.get_by_text(re.compile(r"Dana Whitfield, Chief Revenue Officer"))).to_be_visible()
    expect(
        found.get_by_text(re.compile(r"average 3\.0 of 5 · 50% agree · 2 answers"))
    ).to_be_visible()
