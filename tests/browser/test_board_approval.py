"""An editor publishes and submits; two board members vote in their own browsers."""

import re

import pytest
from playwright.sync_api import expect

from charter.models import Invitation, Role
from governance.models import ApprovalRule
from tests.factories import MembershipFactory, UserFactory
from tests.governance.factories import make_board

PASSWORD = "correct horse battery staple"


def vote(new_page, login, username, version_url, decision, comment):
    page = new_page()
    login(page, username)
    page.goto(version_url)
    panel = page.locator("#review-panel")
    panel.get_by_label(decision).check()
    panel.get_by_label("Reason for your vote").fill(comment)
    # Re-authentication: the vote asks for the password again.
    panel.get_by_label("Your password").fill(PASSWORD)
    panel.get_by_role("button", name="Cast vote").click()
    return page


@pytest.mark.django_db(transaction=True)
def test_editor_submits_and_two_board_members_approve_with_reauthentication(page, new_page, login):
    board = make_board(seats=2, rule=ApprovalRule.ALL)
    first, second = (seat.user for seat in board.seats)

    login(page, board.editor.user.username)
    page.goto(f"/w/{board.workspace.slug}/charters/{board.charter.pk}/")
    page.get_by_role("link", name="Publish a version").first.click()
    page.get_by_label("Summary of changes").fill("Targets for the new fiscal year.")
    # The test charter still misses parts: the publish page asks to confirm.
    page.get_by_label("Publish anyway, with the sections still missing something").check()
    page.get_by_role("button", name="Publish version").click(timeout=30_000)
    expect(page).to_have_url(re.compile(r"/versions/\d+/$"))
    page.get_by_role("button", name="Submit for review").click()
    expect(page.locator("#review-panel")).to_contain_text("In review")
    version_url = page.url

    first_page = vote(new_page, login, first.username, version_url, "Approve", "Clear targets.")
    expect(first_page.locator("#review-panel")).to_contain_text("1 of 2 approve")

    second_page = vote(new_page, login, second.username, version_url, "Approve", "Agreed.")
    # The deciding vote queues the approved, signed PDF, which eager Celery renders in the request.
    expect(second_page.locator("#review-panel")).to_contain_text(
        "The board approved this version", timeout=30_000
    )

    page.reload()
    panel = page.locator("#review-panel")
    expect(panel).to_contain_text("Approved")
    votes = panel.get_by_role("table")
    expect(votes).to_contain_text(first.get_full_name())
    expect(votes).to_contain_text(second.get_full_name())
    expect(votes.get_by_text("password confirmed")).to_have_count(2)


@pytest.mark.django_db(transaction=True)
def test_an_owner_invites_a_board_member_to_a_seat_and_sees_them_counted(page, new_page, login):
    board = make_board(seats=2)
    owner = MembershipFactory(workspace=board.workspace, role=Role.OWNER)
    invitee = UserFactory(email="cfo@example.com", first_name="Dana", last_name="Okafor")
    board_url = f"/w/{board.workspace.slug}/governance/board/"

    login(page, owner.user.username)
    page.goto(board_url)
    expect(page.get_by_role("heading", name="2 seats")).to_be_visible()
    form = page.locator("form", has=page.get_by_role("button", name="Send invitation"))
    form.get_by_label("Email").fill("not an address")
    form.get_by_label("Name", exact=True).fill("Dana Okafor")
    form.get_by_role("button", name="Send invitation").click()
    expect(page.get_by_text("Enter a valid email address.")).to_be_visible()

    form.get_by_label("Email").fill("CFO@example.com")
    form.get_by_label("Function on the board").select_option(label="Finance")
    form.get_by_role("button", name="Send invitation").click()
    expect(page.locator("#messages")).to_contain_text("Dana Okafor")
    expect(page.get_by_text("Invited to a seat")).to_be_visible()

    invitation = Invitation.objects.get(email="cfo@example.com")
    invitee_page = new_page()
    login(invitee_page, invitee.username)
    invitee_page.goto(f"/invitations/{invitation.token}/")
    invitee_page.get_by_role("button", name="Accept invitation").click()

    page.reload()
    expect(page.get_by_role("heading", name="3 seats")).to_be_visible()
    seats = page.get_by_role("table", name="Board members")
    expect(seats.get_by_role("row", name=re.compile("Dana Okafor"))).to_contain_text("Finance")
