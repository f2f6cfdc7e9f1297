"""Demo research for the Northwind charter: what an enablement lead gathers before drafting."""

import random
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from charter.demo_texts import in_language

from .demo_texts import TEXTS
from .models import (
    AuditActivity,
    Benchmark,
    Champion,
    Function,
    Insight,
    Interview,
    InterviewGuide,
    StakeholderType,
    Survey,
    SurveyImport,
    SurveyQuestion,
    SurveyResponse,
)

# key, function, stakeholder type; who they are and what they said are per language.
INTERVIEW_FIGURES = [
    ("cro", Function.EXECUTIVE, StakeholderType.EXECUTIVE),
    ("marketing", Function.MARKETING, StakeholderType.DEPARTMENT_HEAD),
    ("sales_ops", Function.SALES_OPERATIONS, StakeholderType.DEPARTMENT_HEAD),
    ("manager", Function.SALES, StakeholderType.SALES_MANAGER),
    ("learning", Function.HR_LD, StakeholderType.DEPARTMENT_HEAD),
    ("product", Function.PRODUCT, StakeholderType.DEPARTMENT_HEAD),
]

# interviewee key, function, influence, stance
CHAMPION_FIGURES = [
    ("cro", Function.EXECUTIVE, "high", "advocate"),
    ("manager", Function.SALES, "medium", "advocate"),
    ("marketing", Function.MARKETING, "high", "neutral"),
]

# key, kind, channel, frequency, formal, made by sellers, effort hours a month
AUDIT_FIGURES = [
    ("update_email", "content", "email", "weekly", True, False, "12"),
    ("battlecards", "content", "shared_drive", "quarterly", True, False, "16"),
    ("roi", "content", "email", "as_needed", False, True, "40"),
    ("decks", "content", "shared_drive", "as_needed", False, True, "55"),
    ("case_studies", "content", "intranet", "quarterly", True, False, "20"),
    ("templates", "content", "chat", "as_needed", False, True, "10"),
    ("onboarding", "training", "lms", "monthly", True, False, "24"),
    ("pipeline", "tools", "email", "weekly", False, False, "30"),
    ("deal_coaching", "coaching", "meeting", "weekly", False, False, "36"),
    ("briefings", "communication", "meeting", "monthly", True, False, "8"),
]

ROLE_KEYS = ["ae"] * 5 + ["sdr"] * 3 + ["manager", "se"]
QUESTION_KINDS = ["scale", "scale", "scale", "scale", "choice", "text"]
CHANNEL_WEIGHTS = [5, 4, 2, 1, 2]

# company, peer or competitor, relevance; the practice and its source are per language.
BENCHMARK_FIGURES = [
    ("Fabrikam", "peer", "high"),
    ("Contoso", "competitor", "high"),
    ("Tailspin Toys", "peer", "medium"),
    ("Wingtip", "competitor", "medium"),
]

# section, interviews, audit activities, survey questions, benchmarks, pulled into the charter
INSIGHT_FIGURES = [
    ("current-state", ["marketing", "manager"], ["roi", "decks"], [0, 4], [0], True),
    ("current-state", ["cro", "learning"], ["onboarding"], [1], [1], True),
    ("future-success", ["manager"], ["deal_coaching"], [2], [2], False),
    ("scope", ["product"], ["briefings", "update_email"], [3], [3], False),
    ("collaboration", ["marketing"], [], [], [3], False),
]


def seed(charter, users) -> None:
    texts = in_language(TEXTS, charter.language)
    InterviewGuide.for_workspace(charter.workspace)
    interviews = _interviews(charter, users, texts)
    _champions(charter, texts)
    activities = _enablement_audit(charter, texts)
    questions = _survey(charter, users, texts)
    benchmarks = _benchmarks(charter, texts)
    _insights(charter, users, texts, interviews, activities, questions, benchmarks)


def _interviews(charter, users, texts) -> dict[str, Interview]:
    start = charter.period_start - timedelta(days=75)
    interviews = {}
    for n, (key, function, stakeholder_type) in enumerate(INTERVIEW_FIGURES):
        name, title, quotes, notes = texts["interviews"][key]
        interviews[key] = Interview.objects.create(
            charter=charter,
            interviewee=name,
            job_title=title,
            function=function,
            stakeholder_type=stakeholder_type,
            held_on=start + timedelta(days=4 * n),
            interviewer=users["owner"] if n % 2 == 0 else users["editor"],
            key_quotes="\n".join(quotes),
            notes=notes,
        )
    return interviews


def _champions(charter, texts) -> None:
    for (key, function, influence, stance), (title, notes) in zip(
        CHAMPION_FIGURES, texts["champions"], strict=True
    ):
        Champion.objects.create(
            charter=charter,
            name=texts["interviews"][key][0],
            job_title=title,
            function=function,
            influence=influence,
            stance=stance,
            notes=notes,
        )


def _enablement_audit(charter, texts) -> dict[str, AuditActivity]:
    activities = {}
    for key, kind, channel, frequency, formal, by_sellers, hours in AUDIT_FIGURES:
        activity, team, requester, pains = texts["audit"][key]
        activities[key] = AuditActivity.objects.create(
            charter=charter,
            activity=activity,
            kind=kind,
            owner_team=team,
            requester=requester,
            channel=channel,
            frequency=frequency,
            is_formal=formal,
            made_by_sellers=by_sellers,
            effort_hours_per_month=Decimal(hours),
            pain_points=pains,
        )
    return activities


def _survey(charter, users, texts) -> list[SurveyQuestion]:
    survey = Survey.objects.create(
        charter=charter,
        title=texts["survey_title"],
        description=texts["survey_description"],
        opened_on=charter.period_start - timedelta(days=60),
        closed_on=charter.period_start - timedelta(days=46),
    )
    questions = [
        SurveyQuestion.objects.create(
            survey=survey,
            text=text,
            short_label=label,
            kind=kind,
            options="\n".join(texts["channels"]) if kind == "choice" else "",
            position=n + 1,
        )
        for n, ((text, label), kind) in enumerate(
            zip(texts["questions"], QUESTION_KINDS, strict=True)
        )
    ]
    survey_import = SurveyImport.objects.create(
        survey=survey,
        original_name="enablement-survey-export.csv",
        size=6144,
        sha256="0" * 64,
        layout={"encoding": "utf-8", "delimiter": ",", "header": [], "rows": 40},
        status=SurveyImport.Status.DONE,
        report={
            "rows": 40,
            "importable": 40,
            "already_imported": 0,
            "invalid": 0,
            "errors": [],
            "imported": 40,
        },
        created_by=users["contributor"],
        completed_at=timezone.now(),
    )
    rng = random.Random(2027)  # the same demo every time, in every language
    SurveyResponse.objects.bulk_create(
        _response(survey, survey_import, questions, n, rng, texts) for n in range(40)
    )
    return questions


def _response(survey, survey_import, questions, n, rng, texts) -> SurveyResponse:
    leaning = [2, 3, 2, 2]  # content, onboarding, coaching and product news all score low
    answers = {
        str(q.pk): max(1, min(5, round(rng.gauss(leaning[i] + 0.4, 1.0))))
        for i, q in enumerate(questions[:4])
    }
    answers[str(questions[4].pk)] = rng.choices(texts["channels"], weights=CHANNEL_WEIGHTS)[0]
    if n % 3 == 0:
        comments = texts["comments"]
        answers[str(questions[5].pk)] = comments[n % len(comments)]
    return SurveyResponse(
        survey=survey,
        role=texts["roles"][ROLE_KEYS[n % len(ROLE_KEYS)]],
        region=texts["regions"][n % len(texts["regions"])],
        submitted_on=survey.opened_on + timedelta(days=n % 14),
        answers=answers,
        source=SurveyResponse.Source.IMPORT,
        survey_import=survey_import,
        fingerprint=f"demo-{n}",
    )


def _benchmarks(charter, texts) -> list[Benchmark]:
    return [
        Benchmark.objects.create(
            charter=charter,
            company=company,
            kind=kind,
            practice=practice,
            source=source,
            relevance=relevance,
        )
        for (company, kind, relevance), (practice, source) in zip(
            BENCHMARK_FIGURES, texts["benchmarks"], strict=True
        )
    ]


def _insights(charter, users, texts, interviews, activities, questions, benchmarks) -> None:
    for statement, (section_key, by, audit, asked, compared, pulled) in zip(
        texts["insights"], INSIGHT_FIGURES, strict=True
    ):
        insight = Insight.objects.create(
            charter=charter,
            statement=statement,
            section_key=section_key,
            pulled_at=timezone.now() if pulled else None,
            pulled_by=users["editor"] if pulled else None,
        )
        insight.interviews.set(interviews[key] for key in by)
        insight.audit_activities.set(activities[key] for key in audit)
        insight.survey_questions.set(questions[n] for n in asked)
        insight.benchmarks.set(benchmarks[n] for n in compared)
