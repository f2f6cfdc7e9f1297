"""Demo content for the future success: definition, vision, objectives and metrics with actuals."""

from datetime import date
from decimal import Decimal

from charter.demo_texts import in_language
from charter.models import (
    FutureSuccess,
    Metric,
    MetricActual,
    Objective,
)

# key, kind, baseline, target, direction, owner, actuals by quarter start; texts are per language.
METRIC_FIGURES = [
    (
        "win_rate",
        Metric.Kind.LAGGING,
        "21",
        "26",
        Metric.Direction.INCREASE,
        "owner",
        ["20.5", "21.0", "21.4", "22.8"],
    ),
    (
        "ramp",
        Metric.Kind.LAGGING,
        "180",
        "120",
        Metric.Direction.DECREASE,
        "editor",
        ["185", "178", "172", "160"],
    ),
    (
        "quota",
        Metric.Kind.LAGGING,
        "52",
        "65",
        Metric.Direction.INCREASE,
        "owner",
        ["50", "51", "52", "52.5"],
    ),
    (
        "cycle",
        Metric.Kind.LAGGING,
        "94",
        None,
        Metric.Direction.DECREASE,
        "contributor",
        ["96", "94", "93"],
    ),
    (
        "certification",
        Metric.Kind.LEADING,
        "0",
        "90",
        Metric.Direction.INCREASE,
        "editor",
        ["0", "10", "35"],
    ),
    (
        "coaching",
        Metric.Kind.LEADING,
        "0.5",
        "2",
        Metric.Direction.INCREASE,
        "editor",
        ["0.6", "0.9", "1.2"],
    ),
    (
        "content",
        Metric.Kind.LEADING,
        "30",
        "60",
        Metric.Direction.INCREASE,
        "contributor",
        ["31", "33", "31", "29"],
    ),
    (
        "discovery",
        Metric.Kind.LEADING,
        "2.8",
        "3.8",
        Metric.Direction.INCREASE,
        "editor",
        ["2.9", "3.1", "3.4"],
    ),
]

QUARTERS = [date(2025, 10, 1), date(2026, 1, 1), date(2026, 4, 1), date(2026, 7, 1)]

DRIVERS = {
    "win_rate": ["content", "discovery", "certification"],
    "ramp": ["certification", "coaching"],
    "quota": ["coaching", "discovery"],
    "cycle": ["content"],
}

# owner, due date, metrics; the titles and descriptions are per language.
OBJECTIVE_FIGURES = [
    ("editor", date(2027, 3, 31), ["ramp", "certification"]),
    ("owner", date(2027, 6, 30), ["win_rate", "discovery", "content"]),
    ("editor", date(2026, 12, 31), ["coaching", "quota"]),
    (None, date(2027, 1, 31), ["content"]),
]

TEXTS = {
    "en": {
        "definition": (
            "Enablement gives every customer-facing seller the knowledge, skills, content and "
            "coaching to move buyers forward — measured by what sellers do and what customers buy, "
            "not by courses delivered."
        ),
        "vision": (
            "Every Northwind seller is ready for every buyer conversation, from the first call to "
            "the renewal."
        ),
        # name, unit, data source
        "metrics": {
            "win_rate": ("Win rate", "%", "Salesforce"),
            "ramp": ("New-hire ramp time", "days", "Workday + Salesforce"),
            "quota": ("Quota attainment", "%", "Salesforce"),
            "cycle": ("Sales-cycle length", "days", "Salesforce"),
            "certification": ("Certification completion", "%", "Learning platform"),
            "coaching": ("Coaching sessions per rep per month", "", "Coaching log"),
            "content": ("Opportunities using approved content", "%", "Content platform"),
            "discovery": ("Discovery-call quality score", "of 5", "Call reviews"),
        },
        "objectives": [
            (
                "Cut new-hire ramp time to four months",
                "A role-based onboarding path with certification at day 60 and a coached first deal.",
            ),
            (
                "Raise the win rate on qualified opportunities to 26 %",
                "Sharper discovery and the right proof at the right stage, in every region.",
            ),
            (
                "Make weekly coaching a habit for every front-line manager",
                "One coaching framework, a monthly calibration and a coaching log in the CRM.",
            ),
            (
                "One source of truth for sales content",
                "Retire the three drives; every asset has an owner and an expiry date.",
            ),
        ],
    },
    "zh-hans": {
        "definition": (
            "销售赋能让每一位面向客户的销售都具备推动客户决策所需的知识、技能、内容和辅导——"
            "衡量标准是销售的行动和客户的购买，而不是交付了多少课程。"
        ),
        "vision": "从首次拜访到续约，北风科技的每一位销售都能从容应对每一次客户沟通。",
        "metrics": {
            "win_rate": ("赢单率", "%", "Salesforce"),
            "ramp": ("新员工上岗周期", "天", "Workday + Salesforce"),
            "quota": ("业绩指标达成率", "%", "Salesforce"),
            "cycle": ("销售周期", "天", "Salesforce"),
            "certification": ("认证完成率", "%", "学习平台"),
            "coaching": ("每位销售每月辅导次数", "", "辅导记录"),
            "content": ("使用标准内容的商机占比", "%", "内容平台"),
            "discovery": ("需求挖掘通话质量评分", "（满分 5）", "通话复盘"),
        },
        "objectives": [
            (
                "将新员工上岗周期缩短至四个月",
                "按岗位设计入职路径，第 60 天完成认证，并在辅导下拿下第一单。",
            ),
            (
                "将合格商机赢单率提升至 26%",
                "在各大区做好更精准的需求挖掘，并在合适的阶段提供合适的证明材料。",
            ),
            (
                "让每位一线经理养成每周辅导的习惯",
                "统一的辅导框架、每月一次校准，并在 CRM 中记录辅导。",
            ),
            (
                "销售内容只有一个权威来源",
                "停用三个共享盘；每份资料都有负责人和到期日期。",
            ),
        ],
    },
    "zh-hant": {
        "definition": (
            "業務賦能讓每一位面對客戶的業務都具備推動客戶決策所需的知識、技能、內容與教練輔導——"
            "以業務的行動和客戶的採購來衡量，而不是開了多少堂課。"
        ),
        "vision": "從第一次拜訪到續約，北風科技的每一位業務都能從容面對每一場客戶對話。",
        "metrics": {
            "win_rate": ("贏單率", "%", "Salesforce"),
            "ramp": ("新人上手時間", "天", "Workday + Salesforce"),
            "quota": ("業績目標達成率", "%", "Salesforce"),
            "cycle": ("銷售週期", "天", "Salesforce"),
            "certification": ("認證完成率", "%", "學習平台"),
            "coaching": ("每位業務每月教練輔導次數", "", "輔導紀錄"),
            "content": ("使用核定內容的商機比例", "%", "內容平台"),
            "discovery": ("需求探詢通話品質分數", "（滿分 5）", "通話檢視"),
        },
        "objectives": [
            (
                "將新人上手時間縮短至四個月",
                "依職務設計的新人培訓路徑，第 60 天完成認證，並在主管輔導下完成第一筆交易。",
            ),
            (
                "將合格商機的贏單率提高到 26%",
                "在每個區域做好更精準的需求探詢，並在對的階段拿出對的佐證。",
            ),
            (
                "讓每位第一線主管養成每週教練輔導的習慣",
                "一套教練輔導架構、每月一次校準，並在 CRM 中留下輔導紀錄。",
            ),
            (
                "銷售內容只有一個可信來源",
                "淘汰三個共用雲端硬碟；每份素材都有負責人與到期日。",
            ),
        ],
    },
    "ru": {
        "definition": (
            "Развитие продаж даёт каждому продавцу, работающему с клиентами, знания, навыки, "
            "материалы и коучинг, чтобы продвигать покупателя вперёд. Мы измеряем это тем, что "
            "делают продавцы и что покупают клиенты, а не числом проведённых курсов."
        ),
        "vision": (
            "Каждый продавец «Норд-Вест» готов к любому разговору с покупателем — от первого звонка "
            "до продления контракта."
        ),
        "metrics": {
            "win_rate": ("Конверсия в выигранные сделки", "%", "Salesforce"),
            "ramp": ("Срок выхода новичка на результат", "дней", "Workday + Salesforce"),
            "quota": ("Выполнение плана продаж", "%", "Salesforce"),
            "cycle": ("Длительность цикла сделки", "дней", "Salesforce"),
            "certification": ("Прохождение сертификации", "%", "Платформа обучения"),
            "coaching": ("Коучинговые сессии на продавца в месяц", "", "Журнал коучинга"),
            "content": ("Сделки с утверждёнными материалами", "%", "Контент-платформа"),
            "discovery": ("Оценка качества выявления потребностей", "из 5", "Разбор звонков"),
        },
        "objectives": [
            (
                "Сократить срок выхода новичка на результат до четырёх месяцев",
                "Программа адаптации по ролям: сертификация на 60-й день и первая сделка с наставником.",
            ),
            (
                "Поднять конверсию квалифицированных сделок до 26 %",
                "Точнее выявлять потребности и давать нужные доказательства на нужном этапе во всех регионах.",
            ),
            (
                "Сделать еженедельный коучинг привычкой каждого руководителя группы",
                "Единая модель коучинга, ежемесячная калибровка и журнал коучинга в CRM.",
            ),
            (
                "Единый источник правды для материалов продаж",
                "Закрыть три общих диска; у каждого материала есть владелец и срок актуальности.",
            ),
        ],
    },
}


def seed_future_success(charter, users) -> None:
    texts = in_language(TEXTS, charter.language)
    FutureSuccess.objects.create(
        charter=charter,
        definition=texts["definition"],
        vision=texts["vision"],
        updated_by=users["owner"],
    )
    metrics = {}
    for position, (key, kind, baseline, target, direction, owner, values) in enumerate(
        METRIC_FIGURES
    ):
        name, unit, source = texts["metrics"][key]
        metric = Metric.objects.create(
            charter=charter,
            name=name,
            kind=kind,
            unit=unit,
            baseline=Decimal(baseline),
            target=Decimal(target) if target else None,
            direction=direction,
            data_source=source,
            owner=users[owner],
            position=position,
        )
        quarters = QUARTERS[-len(values) :]
        MetricActual.objects.bulk_create(
            MetricActual(
                metric=metric, period_start=start, value=Decimal(value), recorded_by=users[owner]
            )
            for start, value in zip(quarters, values, strict=True)
        )
        metrics[key] = metric
    for outcome, drivers in DRIVERS.items():
        metrics[outcome].drivers.set([metrics[key] for key in drivers])
    for position, ((title, description), (owner, due, linked)) in enumerate(
        zip(texts["objectives"], OBJECTIVE_FIGURES, strict=True)
    ):
        objective = Objective.objects.create(
            charter=charter,
            title=title,
            description=description,
            owner=users[owner] if owner else None,
            due_date=due,
            position=position,
        )
        objective.metrics.set([metrics[key] for key in linked])
