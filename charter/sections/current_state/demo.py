"""Demo content for the current state and future success: a charter that is partly drafted.

Left open on purpose, so that the completeness checklist has something to say: the customer
journey, the mission, two maturity dimensions, the target of one lagging metric and the owner
of one objective.
"""

from decimal import Decimal

from django.utils import translation

from charter.demo_texts import in_language
from charter.models import (
    CurrentState,
    ExecutionKpi,
    MaturityDimension,
    MaturityModel,
    MaturityScore,
)
from charter.models.current_state import DEFAULT_MATURITY_DIMENSIONS

TEXTS = {
    "en": {
        "strategy": """Northwind grows from a mid-market leader into an enterprise contender by FY2028:

- **Revenue:** $240M ARR to $310M, with net revenue retention at 115 %.
- **Enterprise push:** a new enterprise segment team of 40 account executives.
- **Platform:** the analytics add-on becomes the lead product in every new deal.""",
        "segments": """- **Mid-market** (200–2,000 employees) in North America and the UK: 70 % of new bookings.
- **Enterprise** (2,000+ employees), financial services and healthcare first.
- Buyers: VP Operations, CFO; champions in finance operations.""",
        "value": (
            "Northwind cuts the month-end close from ten days to three, without replacing the ERP "
            "the customer already runs — proven in 1,400 mid-market finance teams."
        ),
        "channels": """- Field sales for enterprise, inside sales for mid-market.
- Implementation partners (12 certified) source about 20 % of pipeline.
- Self-serve trial for teams under 200 employees.""",
        "kpis": [
            ("Quota attainment (reps at or above quota)", "%", "Salesforce"),
            ("Win rate, qualified opportunities", "%", "Salesforce"),
            ("Sales-cycle length, median", "days", "Salesforce"),
            ("New-hire ramp time to first deal", "days", "Workday + Salesforce"),
            ("Average deal size", "USD", "Finance"),
        ],
        "maturity": {
            "Content": "Content lives in three drives; sellers rebuild decks (audit, May 2026).",
            "Training": "Quarterly product training with attendance tracking; no certification.",
            "Coaching": "Managers coach when deals are at risk; no shared framework (interviews).",
            "Tools and technology": "CRM and content tool in place; adoption 58 % (survey).",
            "Process": "Stages defined, exit criteria missing; forecast calls vary by region.",
            "Analytics": "No link between enablement programs and pipeline metrics today.",
        },
    },
    "zh-hans": {
        "strategy": """北风科技计划在 2028 财年前从中型企业市场的领先者成长为大客户市场的有力竞争者：

- **营收：**年度经常性收入从 2.4 亿美元增至 3.1 亿美元，净收入留存率达到 115%。
- **大客户突破：**组建 40 名客户经理的大客户事业部。
- **平台化：**分析增值模块成为每一笔新签单的主打产品。""",
        "segments": """- **中型企业**（200–2,000 人），集中在华东、华南：占新签合同额的 70%。
- **大型企业**（2,000 人以上），优先金融和医疗行业。
- 采购决策人：运营副总裁、财务总监；内部支持者多在财务运营部门。""",
        "value": "北风科技帮助客户把月末结账从十天缩短到三天，无需更换现有 ERP——已在 1,400 家中型企业财务团队得到验证。",
        "channels": """- 大客户由直销团队负责，中型企业由电话销售团队负责。
- 12 家认证实施合作伙伴贡献约 20% 的销售线索。
- 200 人以下团队可自助试用。""",
        "kpis": [
            ("配额达成率（达成或超额完成配额的销售占比）", "%", "Salesforce"),
            ("赢单率（合格商机）", "%", "Salesforce"),
            ("销售周期（中位数）", "天", "Salesforce"),
            ("新员工首单周期", "天", "Workday + Salesforce"),
            ("平均客单价", "USD", "财务部"),
        ],
        "maturity": {
            "Content": "内容分散在三个网盘里，销售经常自己重做 PPT（2026 年 5 月盘点）。",
            "Training": "每季度一次产品培训并记录出勤，但没有认证考核。",
            "Coaching": "经理只在丢单风险出现时才辅导，缺乏统一的辅导框架（访谈结论）。",
            "Tools and technology": "CRM 和内容平台已上线，使用率 58%（问卷调查）。",
            "Process": "销售阶段已定义，但缺少阶段推进标准；各大区的预测会议做法不一。",
            "Analytics": "目前无法把赋能项目与销售管道指标关联起来。",
        },
    },
    "zh-hant": {
        "strategy": """北風科技預計在 2028 財年前，從中型企業市場的領導品牌成長為大型企業市場的有力競爭者：

- **營收：**年度經常性營收從 2.4 億美元成長到 3.1 億美元，淨營收留存率達 115%。
- **大型企業布局：**成立 40 位業務經理的大型企業事業部。
- **平台化：**分析加值模組成為每一筆新案的主力產品。""",
        "segments": """- **中型企業**（200–2,000 人），以北台灣為主：占新簽合約金額的 70%。
- **大型企業**（2,000 人以上），優先鎖定金融與醫療產業。
- 採購決策者：營運副總、財務長；內部支持者多在財務營運部門。""",
        "value": "北風科技協助客戶把月結作業從十天縮短到三天，不必汰換既有的 ERP——已有 1,400 家中型企業財務團隊實際驗證。",
        "channels": """- 大型企業由外勤業務負責，中型企業由內勤業務負責。
- 12 家認證導入夥伴帶來約 20% 的商機。
- 200 人以下的團隊可自助試用。""",
        "kpis": [
            ("業績達成率（達成或超越目標的業務占比）", "%", "Salesforce"),
            ("贏單率（合格商機）", "%", "Salesforce"),
            ("銷售週期（中位數）", "天", "Salesforce"),
            ("新人首張訂單所需時間", "天", "Workday + Salesforce"),
            ("平均成交金額", "USD", "財務部"),
        ],
        "maturity": {
            "Content": "內容散落在三個雲端硬碟，業務常自己重做簡報（2026 年 5 月盤點）。",
            "Training": "每季一次產品教育訓練並記錄出席，但沒有認證機制。",
            "Coaching": "主管只在案子有風險時才輔導，沒有共同的教練架構（訪談結果）。",
            "Tools and technology": "CRM 與內容平台已導入，使用率 58%（問卷調查）。",
            "Process": "銷售階段已定義，但缺少階段推進條件；各區的業績預測會議做法不一。",
            "Analytics": "目前無法將賦能專案與商機管道指標連結起來。",
        },
    },
    "ru": {
        "strategy": """К 2028 финансовому году «Норд-Вест» из лидера среднего сегмента становится серьёзным игроком в крупном бизнесе:

- **Выручка:** годовая регулярная выручка растёт с 240 до 310 млн долларов, удержание выручки — 115 %.
- **Крупный бизнес:** новая команда из 40 менеджеров по ключевым клиентам.
- **Платформа:** аналитический модуль становится ведущим продуктом в каждой новой сделке.""",
        "segments": """- **Средний бизнес** (200–2 000 сотрудников) в Москве и регионах: 70 % новых контрактов.
- **Крупный бизнес** (от 2 000 сотрудников), в первую очередь банки и здравоохранение.
- Лица, принимающие решения: операционный директор, финансовый директор; сторонники — в финансовых службах.""",
        "value": "«Норд-Вест» сокращает закрытие месяца с десяти дней до трёх без замены учётной системы клиента — это подтвердили 1 400 финансовых служб среднего бизнеса.",
        "channels": """- Выездные продажи для крупного бизнеса, телефонные продажи для среднего.
- 12 сертифицированных партнёров-интеграторов приносят около 20 % воронки.
- Самостоятельный пробный доступ для команд до 200 человек.""",
        "kpis": [
            ("Выполнение плана (доля менеджеров, выполнивших план)", "%", "Salesforce"),
            ("Конверсия квалифицированных сделок в выигрыш", "%", "Salesforce"),
            ("Длительность цикла сделки, медиана", "дн.", "Salesforce"),
            ("Срок выхода новичка на первую сделку", "дн.", "Workday + Salesforce"),
            ("Средний чек", "USD", "Финансовая служба"),
        ],
        "maturity": {
            "Content": "Материалы лежат в трёх хранилищах; менеджеры переделывают презентации сами (аудит, май 2026).",
            "Training": "Ежеквартальное продуктовое обучение с учётом посещаемости; сертификации нет.",
            "Coaching": "Руководители подключаются, только когда сделка под угрозой; единой модели коучинга нет (интервью).",
            "Tools and technology": "CRM и система управления контентом внедрены; используют 58 % (опрос).",
            "Process": "Этапы описаны, критериев перехода нет; прогнозные встречи в регионах проходят по-разному.",
            "Analytics": "Связи между программами развития продаж и показателями воронки пока нет.",
        },
    },
}
KPI_FIGURES = ["52", "21", "94", "180", "48000"]
MATURITY_RANKS = {
    "Content": 2,
    "Training": 3,
    "Coaching": 2,
    "Tools and technology": 3,
    "Process": 2,
    "Analytics": 1,
}


def dimensions_by_english_name(model: MaturityModel) -> dict[str, MaturityDimension]:
    """The model's dimensions keyed by their English default names, whatever their language."""
    dimensions = list(model.dimensions.order_by("position"))
    with translation.override("en"):
        return {
            str(name): dimension
            for name, dimension in zip(DEFAULT_MATURITY_DIMENSIONS, dimensions, strict=False)
        }


def seed_current_state(charter, users):
    texts = in_language(TEXTS, charter.language)
    CurrentState.objects.create(
        charter=charter,
        business_strategy=texts["strategy"],
        target_segments=texts["segments"],
        value_proposition=texts["value"],
        channels=texts["channels"],
        updated_by=users["editor"],
    )
    ExecutionKpi.objects.bulk_create(
        ExecutionKpi(
            charter=charter,
            name=name,
            value=Decimal(value),
            unit=unit,
            period="FY2026",
            source=source,
            position=position,
        )
        for position, ((name, unit, source), value) in enumerate(
            zip(texts["kpis"], KPI_FIGURES, strict=True)
        )
    )
    model = MaturityModel.for_workspace(charter.workspace)
    levels = {level.rank: level for level in model.levels.all()}
    MaturityScore.objects.bulk_create(
        MaturityScore(
            charter=charter,
            dimension=dimension,
            level=levels[MATURITY_RANKS[name]] if name in MATURITY_RANKS else None,
            evidence=texts["maturity"].get(name, ""),
        )
        for name, dimension in dimensions_by_english_name(model).items()
    )
