"""The roadmap of the demo charter: three phases and a dozen milestones across the year."""

from datetime import date
from decimal import Decimal
from typing import NamedTuple

from charter.demo_texts import in_language
from charter.models import Audience, MaturityModel
from charter.sections.scope.demo import AUDIENCE_FIGURES

from .dependencies import set_dependencies
from .models import Milestone, Phase, Status

PHASE_RANKS = [3, 4, 5]
# Phases as (name, goal) in PHASE_RANKS order; milestone titles in MILESTONES order.
TEXTS = {
    "en": {
        "phases": [
            (
                "Build the foundation",
                "Give sellers **one place** for content, a real onboarding program and a clear way to ask enablement for help, so that support no longer depends on who has time.",
            ),
            (
                "Scale what works",
                "Extend the programs to every region and to managers: coaching with call recordings, regional playbooks and a kickoff track built on what onboarding taught us.",
            ),
            (
                "Prove the impact",
                "Tie enablement to revenue outcomes the board tracks, and let the numbers decide next year's priorities.",
            ),
        ],
        "milestones": [
            "Enablement intake process",
            "Sales content audit and clean-up",
            "New-hire onboarding program",
            "Onboarding certification goes live",
            "Conversation intelligence rollout",
            "Manager coaching program",
            "Sales kickoff: enablement track",
            "Regional playbooks for EMEA and APAC",
            "Legacy LMS migration",
            "Enablement analytics dashboard",
            "Impact review with the advisory board",
            "Win-rate impact study",
        ],
    },
    "zh-hans": {
        "phases": [
            (
                "打好基础",
                "让销售在**一个地方**找到所有内容，建立真正的新员工培养体系，并有明确的渠道向赋能团队求助，不再取决于谁有空。",
            ),
            (
                "复制成功经验",
                "把项目推广到所有大区和一线经理：基于通话录音的辅导、大区销售打法手册，以及借鉴新员工培养经验的销售启动大会专场。",
            ),
            ("证明价值", "把赋能与顾问委员会关注的营收结果挂钩，用数据决定下一年的优先事项。"),
        ],
        "milestones": [
            "赋能需求受理流程",
            "销售内容盘点与清理",
            "新员工入职培养项目",
            "入职认证正式上线",
            "会话智能工具推广",
            "销售经理辅导项目",
            "销售启动大会：赋能专场",
            "华北及东南亚大区销售打法手册",
            "旧学习平台迁移",
            "赋能数据看板",
            "与顾问委员会的成效评审",
            "赢单率影响研究",
        ],
    },
    "zh-hant": {
        "phases": [
            (
                "打好基礎",
                "讓業務在**同一個地方**找到所有內容，建立完整的新人培訓計畫，並有明確的管道向賦能團隊求助，不再看誰剛好有空。",
            ),
            (
                "複製成功經驗",
                "將計畫推廣到所有區域與主管：運用通話錄音的教練輔導、區域銷售手冊，以及借鏡新人培訓經驗的業務啟動大會專場。",
            ),
            ("證明成效", "將賦能與顧問委員會追蹤的營收成果連結，用數據決定明年的優先事項。"),
        ],
        "milestones": [
            "賦能需求受理流程",
            "銷售內容盤點與整理",
            "新人到職培訓計畫",
            "到職認證正式上線",
            "對話智慧工具導入",
            "主管教練輔導計畫",
            "業務啟動大會：賦能專場",
            "中南部及東南亞區域銷售手冊",
            "舊學習平台移轉",
            "賦能數據儀表板",
            "與顧問委員會的成效檢討",
            "贏單率影響分析",
        ],
    },
    "ru": {
        "phases": [
            (
                "Заложить фундамент",
                "Дать менеджерам **единое место** для материалов, полноценную программу адаптации и понятный способ обратиться за помощью, чтобы поддержка не зависела от того, у кого есть время.",
            ),
            (
                "Масштабировать то, что работает",
                "Распространить программы на все регионы и на руководителей: коучинг по записям звонков, региональные плейбуки и трек на стартовой конференции по опыту адаптации.",
            ),
            (
                "Доказать эффект",
                "Связать развитие продаж с показателями выручки, которые отслеживает совет, и выбирать приоритеты следующего года по цифрам.",
            ),
        ],
        "milestones": [
            "Процесс приёма заявок на развитие продаж",
            "Аудит и чистка коммерческих материалов",
            "Программа адаптации новых сотрудников",
            "Запуск сертификации по итогам адаптации",
            "Внедрение речевой аналитики",
            "Программа коучинга для руководителей",
            "Стартовая конференция продаж: трек развития",
            "Региональные плейбуки для Урала и СНГ",
            "Переезд со старой системы обучения",
            "Аналитическая панель развития продаж",
            "Обзор эффекта с консультативным советом",
            "Исследование влияния на конверсию в выигрыш",
        ],
    },
}


class DemoMilestone(NamedTuple):
    rank: int
    owner: str
    start: tuple[int, int, int]
    end: tuple[int, int, int]
    status: str
    budget: str | None
    currency: str
    fte: str | None
    tools: str
    after: list[int]  # indexes of the milestones it depends on


# fmt: off
MILESTONES = [
    DemoMilestone(3, "owner", (2026, 7, 1), (2026, 7, 31),
                  Status.DONE, "5000", "USD", "0.5", "Asana", []),
    DemoMilestone(3, "contributor", (2026, 7, 15), (2026, 9, 15),
                  Status.DONE, "12000", "USD", "1", "Highspot", []),
    DemoMilestone(3, "editor", (2026, 8, 1), (2026, 10, 30),
                  Status.IN_PROGRESS, "40000", "USD", "1.5", "Lessonly, Highspot", [0]),
    DemoMilestone(3, "editor", (2026, 11, 2), (2026, 11, 2),
                  Status.PLANNED, None, "USD", None, "Lessonly", [2]),
    DemoMilestone(4, "contributor", (2026, 9, 1), (2026, 12, 15),
                  Status.IN_PROGRESS, "85000", "USD", "1", "Gong", []),
    DemoMilestone(4, "owner", (2027, 1, 4), (2027, 3, 31),
                  Status.AT_RISK, "60000", "USD", "2", "Gong", [4]),
    DemoMilestone(4, "owner", (2027, 1, 20), (2027, 1, 20),
                  Status.PLANNED, "30000", "USD", None, "", [2]),
    DemoMilestone(4, "editor", (2027, 1, 11), (2027, 4, 30),
                  Status.PLANNED, "25000", "EUR", "1", "Highspot", [1]),
    DemoMilestone(4, "contributor", (2026, 9, 1), (2026, 11, 30),
                  Status.DROPPED, "20000", "USD", "0.5", "Docebo", []),
    DemoMilestone(5, "contributor", (2027, 2, 1), (2027, 5, 31),
                  Status.PLANNED, "18000", "USD", "1", "Tableau, Salesforce", [4]),
    DemoMilestone(5, "owner", (2027, 4, 15), (2027, 4, 15),
                  Status.PLANNED, None, "USD", None, "", [5]),
    DemoMilestone(5, "contributor", (2027, 6, 1), (2027, 8, 31),
                  Status.PLANNED, "15000", "USD", "0.5", "Tableau", [9]),
]
# fmt: on


def seed_roadmap(charter, users):
    texts = in_language(TEXTS, charter.language)
    levels = {
        level.rank: level for level in MaturityModel.for_workspace(charter.workspace).levels.all()
    }
    phases = {
        rank: Phase.objects.create(charter=charter, target_level=levels[rank], name=name, goal=goal)
        for rank, (name, goal) in zip(PHASE_RANKS, texts["phases"], strict=True)
    }
    metrics = list(charter.metrics.all())
    objectives = list(charter.objectives.all())
    created = []
    for index, (row, title) in enumerate(zip(MILESTONES, texts["milestones"], strict=True)):
        milestone = Milestone.objects.create(
            charter=charter,
            phase=phases[row.rank],
            title=title,
            owner=users.get(row.owner),
            start=date(*row.start),
            end=date(*row.end),
            status=row.status,
            budget_amount=Decimal(row.budget) if row.budget else None,
            budget_currency=row.currency,
            headcount=Decimal(row.fte) if row.fte else None,
            tools=row.tools,
        )
        # Link to whatever objectives and metrics the charter's own demo data wrote.
        if metrics:
            milestone.metrics.add(metrics[index % len(metrics)])
        if objectives:
            milestone.objectives.add(objectives[index % len(objectives)])
        created.append(milestone)
    for milestone, row in zip(created, MILESTONES, strict=True):
        set_dependencies(milestone, [created[i] for i in row.after])
    serve_demo_audiences(charter, [phases[rank] for rank in PHASE_RANKS])


def serve_demo_audiences(charter, phases: list[Phase]) -> None:
    """Each demo audience served from the phase its figures number (1 = the first phase)."""
    audiences = Audience.objects.filter(charter=charter).order_by("position", "pk")
    for audience, (_headcount, _priority, number) in zip(audiences, AUDIENCE_FIGURES, strict=False):
        if number <= len(phases):
            audience.served_from_phase = phases[number - 1].pk
            audience.save(update_fields=["served_from_phase"])
