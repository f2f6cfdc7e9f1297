"""Demo content for the collaboration section: partner teams, who does what, and when teams meet."""

from charter.demo_texts import in_language
from charter.models import MeetingCadence, PartnerTeam, RaciAssignment
from charter.sections.scope.demo import catalogue_by_english_name

TEAM_KEYS = ["enablement", "sales", "marketing", "sales_ops", "product", "hr", "it"]

# Coaching deliberately has no Accountable team: sales leadership and enablement have not
# agreed yet who answers for it, which the demo shows as a gap.
RACI = {
    "Onboarding": {
        "enablement": "A",
        "sales": "R",
        "hr": "R",
        "product": "C",
        "sales_ops": "C",
        "it": "I",
    },
    "Training": {"enablement": "A", "product": "R", "marketing": "C", "sales": "I"},
    "Coaching": {"sales": "R", "enablement": "C", "hr": "C"},
    "Content": {"marketing": "R", "enablement": "A", "product": "C", "sales": "I"},
    "Tools": {"sales_ops": "A", "it": "R", "enablement": "C", "sales": "I"},
    "Sales–marketing alignment": {
        "marketing": "R",
        "enablement": "A",
        "sales": "C",
        "product": "I",
    },
}

# Teams in TEAM_KEYS order; cadences as (name, purpose, frequency, participants).
TEXTS = {
    "en": {
        "teams": [
            ("Sales Enablement", "Designs and runs the programmes."),
            ("Sales", "Frontline leaders who release sellers' time and reinforce skills."),
            ("Marketing", "Messaging, launches and customer-facing content."),
            ("Sales Ops", "CRM, territories, data and the tool stack's configuration."),
            ("Product", "Roadmap, product knowledge and release notes."),
            ("HR / L&D", "Learning platform, career paths and manager development."),
            ("IT", "Access, security and integrations of sales tools."),
        ],
        "cadences": [
            (
                "Enablement stand-up",
                "Unblock programme work and triage requests from the field.",
                "Weekly, Monday",
                "Enablement team, Sales Ops analyst",
            ),
            (
                "Sales and marketing sync",
                "Plan launches, agree messaging and close content gaps.",
                "Monthly",
                "Product marketing, regional sales directors, enablement",
            ),
            (
                "Enablement business review",
                "Review metrics against targets and re-prioritise the roadmap.",
                "Quarterly",
                "CRO, VP Sales, Sales Ops, HR / L&D, enablement",
            ),
        ],
    },
    "zh-hans": {
        "teams": [
            ("销售赋能部", "设计并实施各项赋能项目。"),
            ("销售部", "一线销售管理者：为销售腾出学习时间，并在实战中巩固技能。"),
            ("市场部", "核心信息、新品上市和面向客户的内容。"),
            ("销售运营部", "CRM、销售区域、数据和工具配置。"),
            ("产品部", "产品路线图、产品知识和版本说明。"),
            ("人力资源 / 培训发展", "学习平台、职业发展通道和管理者培养。"),
            ("IT 部", "销售工具的权限、安全和系统集成。"),
        ],
        "cadences": [
            (
                "赋能周例会",
                "扫清项目障碍，分派一线提出的需求。",
                "每周一",
                "赋能团队、销售运营分析师",
            ),
            (
                "销售与市场协同会",
                "规划新品上市，统一对外口径，补齐内容缺口。",
                "每月",
                "产品市场、各大区销售总监、赋能团队",
            ),
            (
                "赋能业务复盘会",
                "对照目标复盘指标，重新排定路线图优先级。",
                "每季度",
                "首席营收官、销售副总裁、销售运营、人力资源、赋能团队",
            ),
        ],
    },
    "zh-hant": {
        "teams": [
            ("業務賦能部", "規劃並執行各項賦能計畫。"),
            ("業務部", "第一線業務主管：讓業務有時間學習，並在實戰中強化技能。"),
            ("行銷部", "核心訊息、新產品上市與對客戶的內容。"),
            ("業務營運部", "CRM、業務轄區、資料與工具設定。"),
            ("產品部", "產品藍圖、產品知識與版本說明。"),
            ("人資 / 教育訓練", "學習平台、職涯發展與主管培育。"),
            ("資訊部", "業務工具的權限、資安與系統整合。"),
        ],
        "cadences": [
            (
                "賦能週會",
                "排除專案障礙，分派第一線提出的需求。",
                "每週一",
                "賦能團隊、業務營運分析師",
            ),
            (
                "業務與行銷協調會",
                "規劃新產品上市，統一對外說法，補齊內容缺口。",
                "每月",
                "產品行銷、各區業務總監、賦能團隊",
            ),
            (
                "賦能營運檢討會",
                "對照目標檢視指標，重新排定產品藍圖的優先順序。",
                "每季",
                "營收長、業務副總、業務營運、人資、賦能團隊",
            ),
        ],
    },
    "ru": {
        "teams": [
            ("Развитие продаж", "Разрабатывает и проводит программы."),
            ("Продажи", "Линейные руководители: выделяют время менеджерам и закрепляют навыки."),
            ("Маркетинг", "Ключевые сообщения, запуски и материалы для клиентов."),
            ("Операционная поддержка продаж", "CRM, территории, данные и настройка инструментов."),
            ("Продукт", "Дорожная карта, знания о продукте и описания релизов."),
            ("HR и обучение", "Платформа обучения, карьерные треки и развитие руководителей."),
            ("ИТ", "Доступы, безопасность и интеграции инструментов продаж."),
        ],
        "cadences": [
            (
                "Планёрка команды развития продаж",
                "Снять блокеры в программах и разобрать запросы с мест.",
                "Еженедельно, понедельник",
                "Команда развития продаж, аналитик операционной поддержки",
            ),
            (
                "Синхронизация продаж и маркетинга",
                "Спланировать запуски, согласовать сообщения и закрыть пробелы в материалах.",
                "Ежемесячно",
                "Продуктовый маркетинг, региональные директора по продажам, развитие продаж",
            ),
            (
                "Бизнес-обзор развития продаж",
                "Сверить показатели с целями и пересмотреть приоритеты дорожной карты.",
                "Ежеквартально",
                "Коммерческий директор, директор по продажам, операционная поддержка, HR, развитие продаж",
            ),
        ],
    },
}


def seed_collaboration(charter, users) -> None:
    texts = in_language(TEXTS, charter.language)
    catalogue = catalogue_by_english_name(charter.workspace)
    teams = {
        key: PartnerTeam.objects.create(
            charter=charter, name=name, description=description, position=position
        )
        for position, (key, (name, description)) in enumerate(
            zip(TEAM_KEYS, texts["teams"], strict=True)
        )
    }
    RaciAssignment.objects.bulk_create(
        RaciAssignment(charter=charter, service=catalogue[service], team=teams[team], letter=letter)
        for service, row in RACI.items()
        for team, letter in row.items()
    )
    MeetingCadence.objects.bulk_create(
        MeetingCadence(
            charter=charter,
            name=name,
            purpose=purpose,
            frequency=frequency,
            participants=participants,
            position=position,
        )
        for position, (name, purpose, frequency, participants) in enumerate(texts["cadences"])
    )
