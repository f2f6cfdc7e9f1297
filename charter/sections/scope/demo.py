"""Demo content for the scope section: audiences, services offered and who funds the budget."""

from decimal import Decimal

from django.utils import translation

from charter.demo_texts import in_language
from charter.models import Audience, FundingSource, Scope, Service
from charter.models.scope import DEFAULT_SERVICES

# (role, segment, headcount, priority, phase number: the roadmap's demo links the audiences
# to its phases once it has made them); the texts are per language, the figures shared.
AUDIENCE_FIGURES = [(120, "primary", 1), (64, "primary", 1), (22, "primary", 2)]
AUDIENCE_FIGURES += [(30, "secondary", 2), (45, "secondary", 2), (80, "secondary", 3)]
TEXTS = {
    "en": {
        "audiences": [
            ("Account executives", "Enterprise, North America"),
            ("Sales development reps", "Global"),
            ("First-line sales managers", "All regions"),
            ("Solutions engineers", "Enterprise and mid-market"),
            ("Customer success managers", "Mid-market, EMEA"),
            ("Channel partner sellers", "APAC"),
        ],
        "funding_teams": ["Sales", "Marketing", "HR / L&D"],
        "funding_notes": [
            "Enablement team headcount and the onboarding academy",
            "Content production and launch readiness",
            "Manager coaching programme, EMEA",
        ],
        "budget_owner": "Olivia Owens, VP Sales Enablement",
        "budget_notes": "Funding is reviewed each **quarter** with the advisory board.",
    },
    "zh-hans": {
        "audiences": [
            ("客户经理", "大客户，华东及华南"),
            ("销售开发代表", "全国"),
            ("一线销售经理", "所有大区"),
            ("售前解决方案工程师", "大客户及中型企业"),
            ("客户成功经理", "中型企业，华北"),
            ("渠道合作伙伴销售", "港澳及东南亚"),
        ],
        "funding_teams": ["销售部", "市场部", "人力资源 / 培训发展"],
        "funding_notes": [
            "赋能团队编制及新员工训练营",
            "销售内容制作与新品上市准备",
            "销售经理辅导项目（华北区）",
        ],
        "budget_owner": "王芳，销售赋能副总裁",
        "budget_notes": "预算每**季度**与顾问委员会复盘一次。",
    },
    "zh-hant": {
        "audiences": [
            ("業務經理", "大型企業客戶，北台灣"),
            ("業務開發代表", "全台"),
            ("第一線業務主管", "所有區域"),
            ("售前解決方案工程師", "大型企業及中型企業"),
            ("客戶成功經理", "中型企業，中南部"),
            ("通路夥伴業務", "港澳及東南亞"),
        ],
        "funding_teams": ["業務部", "行銷部", "人資 / 教育訓練"],
        "funding_notes": [
            "賦能團隊人力編制及新人訓練營",
            "銷售內容製作與新產品上市準備",
            "主管教練輔導計畫（中南部）",
        ],
        "budget_owner": "陳怡君，業務賦能副總",
        "budget_notes": "預算每**季**與顧問委員會檢視一次。",
    },
    "ru": {
        "audiences": [
            (
                "Менеджеры по работе с ключевыми клиентами",
                "Крупный бизнес, Москва и Санкт-Петербург",
            ),
            ("Специалисты по привлечению клиентов", "Вся Россия"),
            ("Руководители отделов продаж", "Все регионы"),
            ("Пресейл-инженеры", "Крупный и средний бизнес"),
            ("Менеджеры по клиентскому успеху", "Средний бизнес, Урал и Сибирь"),
            ("Продавцы партнёров", "СНГ"),
        ],
        "funding_teams": ["Продажи", "Маркетинг", "HR и обучение"],
        "funding_notes": [
            "Штат команды развития продаж и академия адаптации",
            "Производство контента и подготовка к запускам",
            "Программа коучинга руководителей, регионы",
        ],
        "budget_owner": "Анна Смирнова, вице-президент по развитию продаж",
        "budget_notes": "Бюджет пересматривается **ежеквартально** вместе с консультативным советом.",
    },
}
FUNDING_FIGURES = [
    (Decimal("450000.00"), "USD"),
    (Decimal("120000.00"), "USD"),
    (Decimal("60000.00"), "EUR"),
]
SERVICES_OFFERED = ["Onboarding", "Training", "Coaching", "Content", "Tools"]
SERVICES_OFFERED += ["Sales–marketing alignment"]


def catalogue_by_english_name(workspace) -> dict[str, Service]:
    """The workspace's services keyed by their English default names, whatever their language."""
    services = list(Service.catalogue(workspace).order_by("position"))
    with translation.override("en"):
        return {
            str(name): service
            for (name, _), service in zip(DEFAULT_SERVICES, services, strict=False)
        }


def seed_scope(charter, users) -> None:
    texts = in_language(TEXTS, charter.language)
    catalogue = catalogue_by_english_name(charter.workspace)
    scope = Scope.objects.create(
        charter=charter, budget_owner=texts["budget_owner"], budget_notes=texts["budget_notes"]
    )
    scope.services.set(catalogue[name] for name in SERVICES_OFFERED)
    Audience.objects.bulk_create(
        Audience(
            charter=charter,
            role=role,
            segment=segment,
            headcount=headcount,
            priority=priority,
            position=position,
        )
        for position, ((role, segment), (headcount, priority, _phase)) in enumerate(
            zip(texts["audiences"], AUDIENCE_FIGURES, strict=True)
        )
    )
    FundingSource.objects.bulk_create(
        FundingSource(
            charter=charter, team=team, amount=amount, currency=currency, notes=notes, position=i
        )
        for i, (team, notes, (amount, currency)) in enumerate(
            zip(texts["funding_teams"], texts["funding_notes"], FUNDING_FIGURES, strict=True)
        )
    )
