"""An outside reviewer with no account opens the signed link, comments and votes."""

import pytest
from playwright.sync_api import expect

from governance.outside_reviewers.invitations import invite
from governance.tokens import token_for
from tests.governance.factories import make_board


@pytest.mark.django_db(transaction=True)
def test_outside_reviewer_comments_and_votes_through_the_signed_link(new_page):
    board = make_board(seats=2, outside_reviewers_may_vote=True)
    board.submit()
    reviewer = invite(
        board.charter,
        board.editor.user,
        name="Helena Brandt",
        email="helena@advisors.example",
        may_vote=True,
        days=7,
    )

    page = new_page()  # a fresh context: no session, no account
    page.goto(f"/review/{token_for(reviewer)}/")
    expect(page.get_by_role("heading", name=board.charter.title)).to_be_visible()
    expect(page.get_by_role("heading", name="Governance")).to_be_visible()

    comments = page.get_by_role("region", name="Comments")
    comments.get_by_label("Comment").fill("The onboarding goal is **clear**.")
    comments.get_by_role("button", name="Post comment").click()
    expect(page.get_by_role("status").filter(has_text="your comment is posted")).to_be_visible()
    expect(page.get_by_role("region", name="Comments").locator("strong")).to_have_text("clear")

    ballot = page.get_by_role("region", name="Your vote")
    ballot.get_by_label("Approve").check()
    ballot.get_by_label("Reason for your vote").fill("Yes from the advisers.")
    ballot.get_by_role("button", name="Cast vote").click()
    expect(page.get_by_role("status").filter(has_text="your vote is recorded")).to_be_visible()
    votes = page.get_by_role("region", name="Votes so far")
    expect(votes).to_contain_text("Helena Brandt")
    expect(votes).to_contain_text("helena@advisors.example")
    expect(votes).to_contain_text("1 of 3 approve")
