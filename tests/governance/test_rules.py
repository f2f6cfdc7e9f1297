"""Each approval rule, decided from who may vote and what they voted."""

import pytest

from governance.models import ApprovalRule
from governance.reviews.rules import Outcome, Tally

FIVE = frozenset({"a", "b", "c", "d", "e"})


def tally(rule, approvals="", rejections="", voters=FIVE, chair="a", n=2):
    return Tally(
        rule=rule,
        chair_plus_count=n,
        voters=voters,
        chair=chair,
        approvals=frozenset(approvals),
        rejections=frozenset(rejections),
    )


@pytest.mark.parametrize(
    ("approvals", "rejections", "expected"),
    [
        ("", "", Outcome.PENDING),
        ("abcd", "", Outcome.PENDING),
        ("abcde", "", Outcome.APPROVED),
        ("abcd", "e", Outcome.CHANGES_REQUESTED),
        ("", "a", Outcome.CHANGES_REQUESTED),
    ],
)
def test_all_members_rule_needs_every_seat_and_fails_on_one_request(
    approvals, rejections, expected
):
    assert tally(ApprovalRule.ALL, approvals, rejections).outcome() == expected


@pytest.mark.parametrize(
    ("approvals", "rejections", "expected"),
    [
        ("ab", "", Outcome.PENDING),
        ("abc", "", Outcome.APPROVED),
        ("ab", "cd", Outcome.PENDING),
        ("ab", "cde", Outcome.CHANGES_REQUESTED),
        ("a", "bc", Outcome.PENDING),
    ],
)
def test_majority_of_five_needs_three_approvals(approvals, rejections, expected):
    assert tally(ApprovalRule.MAJORITY, approvals, rejections).outcome() == expected


def test_majority_of_four_needs_three_so_a_two_two_split_requests_changes():
    four = frozenset("abcd")
    assert tally(ApprovalRule.MAJORITY, "ab", "", voters=four).outcome() == Outcome.PENDING
    assert tally(ApprovalRule.MAJORITY, "ab", "cd", voters=four).outcome() == (
        Outcome.CHANGES_REQUESTED
    )


@pytest.mark.parametrize(
    ("approvals", "rejections", "expected"),
    [
        ("bcd", "", Outcome.PENDING),  # three members but not the chair
        ("ab", "", Outcome.PENDING),  # the chair plus one
        ("abc", "", Outcome.APPROVED),  # the chair plus two
        ("bcde", "a", Outcome.CHANGES_REQUESTED),  # the chair said no
        ("a", "bcd", Outcome.CHANGES_REQUESTED),  # only one other seat left
        ("a", "bc", Outcome.PENDING),  # d and e can still approve
    ],
)
def test_chair_plus_two_needs_the_chair_and_two_others(approvals, rejections, expected):
    assert tally(ApprovalRule.CHAIR_PLUS, approvals, rejections).outcome() == expected


def test_chair_plus_rule_without_a_chair_cannot_pass():
    assert not tally(ApprovalRule.CHAIR_PLUS, chair=None).can_still_pass


def test_votes_from_people_without_a_seat_do_not_count():
    result = tally(ApprovalRule.MAJORITY, approvals="abxyz")
    assert result.approvals == {"a", "b"}
    assert result.outcome() == Outcome.PENDING


def test_an_empty_board_can_never_pass():
    assert not tally(ApprovalRule.MAJORITY, voters=frozenset(), chair=None).can_still_pass
