"""Boards with seats, versions in review, outside reviewers: the shapes governance tests need."""

from dataclasses import dataclass, field

import factory
from django.utils import timezone

from charter.models import Charter, Membership, Role
from charter.versions.publishing import publish
from governance.board.seats import hold_seat
from governance.models import (
    ActionItem,
    AdvisoryBoard,
    ApprovalRule,
    BoardFunction,
    Meeting,
    OutsideReviewer,
)
from governance.reviews.workflow import cast_vote, submit_for_review
from tests.factories import CharterFactory, MembershipFactory

FUNCTIONS = [
    BoardFunction.SALES,
    BoardFunction.MARKETING,
    BoardFunction.SALES_OPERATIONS,
    BoardFunction.PRODUCT,
    BoardFunction.LEARNING_HR,
    BoardFunction.IT,
    BoardFunction.CUSTOMER_SUCCESS,
]


@dataclass
class Board:
    """A charter, its editor, and a board whose first seat is the chair."""

    charter: Charter
    editor: Membership
    seats: list[Membership] = field(default_factory=list)

    @property
    def workspace(self):
        return self.charter.workspace

    @property
    def board(self):
        return AdvisoryBoard.for_workspace(self.workspace)

    def publish(self, label="2026-Q4"):
        return publish(self.charter, self.editor.user, self.editor, label=label)

    def submit(self, version=None):
        version = version or self.publish()
        submit_for_review(version, self.editor.user, self.editor)
        version.refresh_from_db()
        return version

    def vote(self, version, seat_index, decision, comment="Reviewed."):
        outcome = cast_vote(
            version,
            self.seats[seat_index],
            decision,
            comment,
            reauthenticated_at=timezone.now(),
        )
        version.refresh_from_db()
        return outcome


def make_board(seats=5, rule=ApprovalRule.MAJORITY, chair_plus_count=2, **board_fields) -> Board:
    editor = MembershipFactory(role=Role.EDITOR)
    charter = CharterFactory(workspace=editor.workspace)
    board = AdvisoryBoard.for_workspace(editor.workspace)
    board.approval_rule = rule
    board.chair_plus_count = chair_plus_count
    for name, value in board_fields.items():
        setattr(board, name, value)
    board.save()
    result = Board(charter=charter, editor=editor)
    for index in range(seats):
        membership = MembershipFactory(workspace=editor.workspace, role=Role.BOARD)
        # The one path that gives a seat, so a board member never ends up with two.
        hold_seat(
            membership,
            editor.user,
            function=FUNCTIONS[index % len(FUNCTIONS)],
            title=f"VP {index}",
            is_chair=index == 0,
        )
        result.seats.append(membership)
    return result


class OutsideReviewerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OutsideReviewer

    charter = factory.SubFactory(CharterFactory)
    name = factory.Faker("name")
    email = factory.Sequence(lambda n: f"reviewer{n}@advisors.example")
    may_vote = False


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    charter = factory.SubFactory(CharterFactory)
    scheduled_at = factory.LazyFunction(lambda: timezone.now() + timezone.timedelta(days=14))


class ActionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionItem

    meeting = factory.SubFactory(MeetingFactory)
    title = factory.Sequence(lambda n: f"Action {n}")
