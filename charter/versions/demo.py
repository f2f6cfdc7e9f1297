"""Demo history: an approved first version, then a revised draft published as version 2.

It runs after every app has seeded its part of the charter (``DEMO_VERSION_ORDER``), so the
snapshots hold the whole demo charter. Governance seeds the review of version 2 after it.
"""

from charter.demo_texts import in_language
from charter.models import Audience, Scope
from charter.registry import phase_choices

from .publishing import publish

TEXTS = {
    "en": {
        "first_summary": "First charter for the board: current state, goals, scope and roadmap.",
        "second_summary": (
            "After the Q3 review: the account executive headcount follows the hiring plan, "
            "partner success managers join as an audience, and the budget is reviewed monthly."
        ),
        "new_audience": ("Partner success managers", "APAC"),
        "budget_notes": "Funding is reviewed each **month** with the CRO and each quarter with "
        "the advisory board.",
    },
    "zh-hans": {
        "first_summary": "提交顾问委员会的第一版章程：现状、目标、范围和路线图。",
        "second_summary": "根据第三季度评审意见修订：客户经理人数按招聘计划调整，新增合作伙伴成功经理为赋能对象，预算改为每月复盘。",
        "new_audience": ("合作伙伴成功经理", "港澳及东南亚"),
        "budget_notes": "预算每**月**与首席营收官复盘一次，每季度与顾问委员会复盘一次。",
    },
    "zh-hant": {
        "first_summary": "提交顧問委員會的第一版章程：現況、目標、範圍與產品藍圖。",
        "second_summary": "依第三季審查意見修訂：業務經理人數依招募計畫調整，新增夥伴成功經理為賦能對象，預算改為每月檢視。",
        "new_audience": ("夥伴成功經理", "港澳及東南亞"),
        "budget_notes": "預算每**月**與營收長檢視一次，每季與顧問委員會檢視一次。",
    },
    "ru": {
        "first_summary": "Первая версия устава для совета: текущее состояние, цели, охват и дорожная карта.",
        "second_summary": (
            "По итогам обзора за третий квартал: численность менеджеров по ключевым клиентам "
            "приведена к плану найма, добавлена аудитория менеджеров по успеху партнёров, "
            "бюджет пересматривается ежемесячно."
        ),
        "new_audience": ("Менеджеры по успеху партнёров", "СНГ"),
        "budget_notes": "Бюджет пересматривается **ежемесячно** с коммерческим директором и "
        "ежеквартально с консультативным советом.",
    },
}


def seed_versions(charter, users) -> None:
    texts = in_language(TEXTS, charter.language)
    editor, chair = users["editor"], users["board"]
    membership = editor.memberships.get(workspace=charter.workspace)
    first = publish(charter, editor, membership, label="2026-Q3", summary=texts["first_summary"])
    first.submit(editor, membership)
    first.approve(chair)
    _revise_after_first_review(charter, texts)
    publish(charter, editor, membership, label="2026-Q4", summary=texts["second_summary"])


def _revise_after_first_review(charter, texts: dict) -> None:
    audiences = Audience.objects.filter(charter=charter)
    # The account executives are the first audience in every language's demo.
    audiences.filter(pk=audiences.order_by("position").values("pk")[:1]).update(headcount=135)
    role, segment = texts["new_audience"]
    Audience.objects.create(
        charter=charter,
        role=role,
        segment=segment,
        headcount=12,
        priority=Audience.Priority.SECONDARY,
        served_from_phase=next((phase.id for phase in phase_choices(charter)[2:3]), None),
        position=audiences.count(),
    )
    Scope.objects.filter(charter=charter).update(budget_notes=texts["budget_notes"])
