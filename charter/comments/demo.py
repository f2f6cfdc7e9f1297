"""Demo comments: a question answered, a resolved request and an open point for the board."""

from datetime import timedelta

from django.utils import timezone

from charter.demo_texts import in_language
from charter.models import Comment

# question, answer, resolved request, open point for the board
TEXTS = {
    "en": [
        "Should channel partner sellers wait until phase 3? APAC partners close "
        "about a fifth of new business.",
        "Good point. The academy content is not localised before Q3; "
        "I'll bring it to the next business review.",
        "Please show the HR / L&D funding in EUR rather than converting it.",
        "Who answers for **coaching**: enablement or sales leadership? "
        "The matrix needs one Accountable team before we approve.",
    ],
    "zh-hans": [
        "渠道合作伙伴的销售一定要等到第三阶段吗？港澳和东南亚的合作伙伴贡献了约五分之一的新业务。",
        "这个问题提得好。训练营的内容在第三季度前还没有本地化，我会在下次业务复盘会上提出来。",
        "人力资源 / 培训发展的预算请直接按欧元列示，不要换算。",
        "**辅导**到底由谁负责：赋能团队还是销售管理层？批准之前，矩阵里必须明确一个负责团队。",
    ],
    "zh-hant": [
        "通路夥伴的業務一定要等到第三階段嗎？港澳和東南亞的夥伴帶來約五分之一的新業績。",
        "好問題。訓練營的內容在第三季前還沒有在地化，我會在下次營運檢討會提出來。",
        "人資 / 教育訓練的預算請直接以歐元列示，不要換算。",
        "**教練輔導**到底由誰負責：賦能團隊還是業務主管？核准之前，矩陣裡必須有一個明確的負責團隊。",
    ],
    "ru": [
        "Нужно ли продавцам партнёров ждать третьего этапа? Партнёры в СНГ приносят "
        "около пятой части нового бизнеса.",
        "Справедливо. Материалы академии не будут локализованы до третьего квартала; "
        "вынесу вопрос на ближайший бизнес-обзор.",
        "Пожалуйста, укажите бюджет HR и обучения в евро, без пересчёта.",
        "Кто отвечает за **коучинг**: развитие продаж или руководители продаж? "
        "До утверждения в матрице должна быть одна ответственная команда.",
    ],
}


def seed_comments(charter, users) -> None:
    question, answer, request, open_point = in_language(TEXTS, charter.language)
    asked = Comment.objects.create(
        charter=charter, section_key="scope", author=users["contributor"], body=question
    )
    Comment.objects.create(
        charter=charter, section_key="scope", parent=asked, author=users["editor"], body=answer
    )
    Comment.objects.create(
        charter=charter,
        section_key="scope",
        author=users["board4"],
        body=request,
        resolved_at=timezone.now() - timedelta(days=2),
        resolved_by=users["owner"],
    )
    Comment.objects.create(
        charter=charter, section_key="collaboration", author=users["board"], body=open_point
    )
