"""Demo data: a five-seat board, a past meeting with follow-up, the next meeting, a review."""

from datetime import timedelta

from django.utils import timezone

from charter.models import VersionStatus

from .board.seats import save_seat
from .meetings.minutes import add_decision, save_action_item, schedule_meeting
from .models import (
    ActionItem,
    ActionStatus,
    AdvisoryBoard,
    ApprovalRule,
    BoardFunction,
    BoardSeat,
    Cadence,
    DeliveryStatus,
    Meeting,
    MeetingFormat,
    NotificationEvent,
    VoteDecision,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookKind,
)
from .outside_reviewers.invitations import invite
from .reviews.workflow import cast_vote, submit_for_review

SEATS = [
    ("board", BoardFunction.SALES, True),
    ("board2", BoardFunction.MARKETING, False),
    ("board3", BoardFunction.CUSTOMER_SUCCESS, False),
    ("board4", BoardFunction.FINANCE, False),
    ("board5", BoardFunction.LEARNING_HR, False),
]

MINUTES = """Attendance: all five members; Olivia Owens presented for enablement.

- The board welcomed the first charter draft and asked for clearer **ramp-time targets**.
- Sales and Customer Success agreed to share one onboarding path for account managers.
- Finance asked for the budget by quarter before the next review.
"""


def seed_board(charter, users) -> None:
    owner, workspace = users["owner"], charter.workspace
    today = timezone.localdate()
    board = AdvisoryBoard.for_workspace(workspace)
    board.cadence = Cadence.QUARTERLY
    board.approval_rule = ApprovalRule.MAJORITY
    board.next_review_on = today + timedelta(days=30)
    board.save()
    for username, function, is_chair in SEATS:
        user = users[username]
        save_seat(
            BoardSeat(
                board=board,
                membership=user.memberships.get(workspace=workspace),
                title=getattr(user, "demo_title", "") or function.label,
                function=function,
                is_chair=is_chair,
            ),
            owner,
        )
    _seed_meetings(charter, users, today)
    _seed_webhook(workspace)
    invite(
        charter,
        owner,
        name="Helena Brandt",
        email="helena.brandt@advisors.example",
        may_vote=False,
        days=21,
    )


def _seed_webhook(workspace) -> None:
    # Disabled: the demo must post nowhere, but its settings page shows how the log reads.
    endpoint = WebhookEndpoint.objects.create(
        workspace=workspace,
        name="#enablement-board",
        kind=WebhookKind.SLACK,
        url="https://hooks.slack.example/services/demo",
        events=[NotificationEvent.VERSION_SUBMITTED, NotificationEvent.REVIEW_DECIDED],
        active=False,
    )
    WebhookDelivery.objects.create(
        endpoint=endpoint,
        event=NotificationEvent.VERSION_SUBMITTED,
        payload={"text": "*Demo*"},
        status=DeliveryStatus.FAILED,
        attempts=4,
        error="URLError: <urlopen error [Errno -2] Name or service not known>",
    )


def _seed_meetings(charter, users, today) -> None:
    owner = users["owner"]
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    past = schedule_meeting(
        Meeting(
            charter=charter,
            scheduled_at=now - timedelta(days=60),
            format=MeetingFormat.IN_PERSON,
            location="Northwind HQ, Boardroom 4, Seattle",
            minutes=MINUTES,
        ),
        owner,
    )
    add_decision(past, "Adopt the five-level maturity model for the FY2027 charter.", owner)
    add_decision(past, "Review the charter quarterly; meet in person every January.", owner)
    member = {name: users[name].memberships.get(workspace=charter.workspace) for name in users}
    for title, owner_name, due_in_days, status in [
        ("Share ramp-time baseline by region", "editor", -10, ActionStatus.OPEN),
        (
            "Draft the joint onboarding path with Customer Success",
            "board3",
            20,
            ActionStatus.IN_PROGRESS,
        ),
        ("Send the enablement budget by quarter", "owner", -30, ActionStatus.DONE),
    ]:
        save_action_item(
            ActionItem(
                meeting=past,
                title=title,
                owner=member[owner_name],
                due_on=today + timedelta(days=due_in_days),
                status=status,
            ),
            owner,
        )
    schedule_meeting(
        Meeting(
            charter=charter,
            scheduled_at=now + timedelta(days=21),
            format=MeetingFormat.VIRTUAL,
            video_link="https://meet.example.com/northwind-board",
        ),
        owner,
    )


def seed_review(charter, users) -> None:
    """Put the newest draft version in review with the chair's vote, so votes show."""
    editor = users["editor"]
    membership = editor.memberships.get(workspace=charter.workspace)
    version = charter.versions.filter(status=VersionStatus.DRAFT).first()
    if version is None:
        return
    submit_for_review(version, editor, membership)
    chair = users["board"].memberships.get(workspace=charter.workspace)
    cast_vote(
        version,
        chair,
        VoteDecision.APPROVE,
        "Clear and ambitious. Ramp-time targets now match what Sales committed to.",
        reauthenticated_at=timezone.now(),
    )
