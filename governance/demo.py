"""Demo data: a five-seat board, a past meeting with follow-up, the next meeting, a review."""

from datetime import timedelta

from django.utils import timezone

from charter.demo_texts import in_language
from charter.models import VersionStatus

from .board.seats import hold_seat
from .meetings.minutes import add_decision, save_action_item, schedule_meeting
from .models import (
    ActionItem,
    ActionStatus,
    AdvisoryBoard,
    ApprovalRule,
    BoardFunction,
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

# Action items as (title, owner, due in days, status); the titles are per language.
ACTION_ITEMS = [
    ("editor", -10, ActionStatus.OPEN),
    ("board3", 20, ActionStatus.IN_PROGRESS),
    ("owner", -30, ActionStatus.DONE),
]
TEXTS = {
    "en": {
        "minutes": """Attendance: all five members; Olivia Owens presented for enablement.

- The board welcomed the first charter draft and asked for clearer **ramp-time targets**.
- Sales and Customer Success agreed to share one onboarding path for account managers.
- Finance asked for the budget by quarter before the next review.
""",
        "location": "Northwind HQ, Boardroom 4, Seattle",
        "decisions": [
            "Adopt the five-level maturity model for the FY2027 charter.",
            "Review the charter quarterly; meet in person every January.",
        ],
        "action_items": [
            "Share ramp-time baseline by region",
            "Draft the joint onboarding path with Customer Success",
            "Send the enablement budget by quarter",
        ],
        "reviewer": "Helena Brandt",
        "vote_comment": "Clear and ambitious. Ramp-time targets now match what Sales committed to.",
    },
    "zh-hans": {
        "minutes": """出席：五位委员全部出席；王芳代表赋能团队汇报。

- 委员会认可章程初稿，要求进一步明确**新员工上手周期目标**。
- 销售部与客户成功部同意为客户经理共用一套入职培养路径。
- 财务部要求在下次评审前提交按季度拆分的预算。
""",
        "location": "北风科技上海总部 4 号会议室",
        "decisions": [
            "2027 财年章程采用五级成熟度模型。",
            "章程每季度评审一次；每年一月召开一次线下会议。",
        ],
        "action_items": [
            "按大区提供新员工上手周期基线数据",
            "与客户成功部共同起草入职培养路径",
            "提交按季度拆分的赋能预算",
        ],
        "reviewer": "孙丽华",
        "vote_comment": "目标清晰，有挑战性。新员工上手周期目标已与销售部的承诺一致。",
    },
    "zh-hant": {
        "minutes": """出席：五位委員全數出席；陳怡君代表賦能團隊報告。

- 委員會肯定章程初稿，並要求更明確的**新人上手時間目標**。
- 業務部與客戶成功部同意讓業務經理共用同一套到職培訓路徑。
- 財務部要求在下次審查前提出按季拆分的預算。
""",
        "location": "北風科技台北總部 4 樓會議室",
        "decisions": [
            "2027 財年章程採用五級成熟度模型。",
            "章程每季審查一次；每年一月召開一次實體會議。",
        ],
        "action_items": [
            "提供各區新人上手時間的基準數據",
            "與客戶成功部共同擬定到職培訓路徑",
            "提出按季拆分的賦能預算",
        ],
        "reviewer": "鄭雅雯",
        "vote_comment": "目標明確且具挑戰性。新人上手時間目標已與業務部的承諾一致。",
    },
    "ru": {
        "minutes": """Присутствовали: все пять членов совета; от команды развития продаж докладывала Анна Смирнова.

- Совет одобрил первый проект устава и попросил уточнить **цели по срокам выхода на продуктивность**.
- Продажи и клиентский успех договорились о единой программе адаптации для аккаунт-менеджеров.
- Финансовая служба попросила поквартальный бюджет до следующего обзора.
""",
        "location": "Головной офис «Норд-Вест», переговорная 4, Москва",
        "decisions": [
            "Принять пятиуровневую модель зрелости для устава на 2027 финансовый год.",
            "Пересматривать устав ежеквартально; очная встреча — каждый январь.",
        ],
        "action_items": [
            "Предоставить базовые сроки выхода на продуктивность по регионам",
            "Подготовить совместную программу адаптации с клиентским успехом",
            "Направить поквартальный бюджет развития продаж",
        ],
        "reviewer": "Екатерина Лебедева",
        "vote_comment": "Чётко и амбициозно. Цели по срокам выхода на продуктивность "
        "теперь совпадают с обязательствами продаж.",
    },
}


def seed_board(charter, users) -> None:
    texts = in_language(TEXTS, charter.language)
    owner, workspace = users["owner"], charter.workspace
    today = timezone.localdate()
    board = AdvisoryBoard.for_workspace(workspace)
    board.cadence = Cadence.QUARTERLY
    board.approval_rule = ApprovalRule.MAJORITY
    board.next_review_on = today + timedelta(days=30)
    board.save()
    for username, function, is_chair in SEATS:
        user = users[username]
        hold_seat(
            user.memberships.get(workspace=workspace),
            owner,
            function=function,
            title=getattr(user, "demo_title", "") or function.label,
            is_chair=is_chair,
        )
    _seed_meetings(charter, users, today, texts)
    _seed_webhook(workspace)
    invite(
        charter,
        owner,
        name=texts["reviewer"],
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


def _seed_meetings(charter, users, today, texts: dict) -> None:
    owner = users["owner"]
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    past = schedule_meeting(
        Meeting(
            charter=charter,
            scheduled_at=now - timedelta(days=60),
            format=MeetingFormat.IN_PERSON,
            location=texts["location"],
            minutes=texts["minutes"],
        ),
        owner,
    )
    for decision in texts["decisions"]:
        add_decision(past, decision, owner)
    member = {name: users[name].memberships.get(workspace=charter.workspace) for name in users}
    for title, (owner_name, due_in_days, status) in zip(
        texts["action_items"], ACTION_ITEMS, strict=True
    ):
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
        in_language(TEXTS, charter.language)["vote_comment"],
        reauthenticated_at=timezone.now(),
    )
