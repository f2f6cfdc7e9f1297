"""Demo research for the Northwind charter: what an enablement lead gathers before drafting."""

import random
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

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

INTERVIEWS = [
    (
        "Dana Whitfield",
        "Chief Revenue Officer",
        Function.EXECUTIVE,
        StakeholderType.EXECUTIVE,
        [
            "We grow 30% next year only if new reps are productive in one quarter, not three.",
            "Mid-market is where we win; enterprise is where we keep losing on value.",
        ],
        "### Goals\n- Grow ARR 30%, mostly from mid-market expansion\n- Enter DACH with a "
        "partner-led motion\n\n### Concerns\nRamp time is **6.5 months**; discounting is up.",
    ),
    (
        "Marcus Chen",
        "VP Marketing",
        Function.MARKETING,
        StakeholderType.DEPARTMENT_HEAD,
        [
            "We make great decks that nobody in the field can find.",
            "Give me one launch calendar and I will staff it.",
        ],
        "Marketing produces ~40 assets a quarter. No view of usage. Open to a joint launch "
        "process with enablement.",
    ),
    (
        "Priya Nair",
        "Director of Sales Operations",
        Function.SALES_OPERATIONS,
        StakeholderType.DEPARTMENT_HEAD,
        ["Every team asks me for a different pipeline report on Friday afternoon."],
        "Owns CRM and territory planning. Ad hoc requests take ~30 h a month.",
    ),
    (
        "Tom Okafor",
        "Regional Sales Manager, EMEA",
        Function.SALES,
        StakeholderType.SALES_MANAGER,
        [
            "I coach on deals, never on skills — there is no time.",
            "My reps rebuild the same ROI spreadsheet for every prospect.",
        ],
        "Team of 8 AEs. Two new hires this quarter. Wants call reviews and a deal-desk checklist.",
    ),
    (
        "Helen Brandt",
        "Head of Learning & Development",
        Function.HR_LD,
        StakeholderType.DEPARTMENT_HEAD,
        ["Our LMS has 120 courses; sellers finished 11% of what we assigned."],
        "L&D runs company-wide onboarding; sales onboarding is a two-day add-on.",
    ),
    (
        "Raj Patel",
        "VP Product",
        Function.PRODUCT,
        StakeholderType.DEPARTMENT_HEAD,
        ["Sellers learn about features from customers before they learn from us."],
        "Product ships monthly. Release notes go to an email list sales rarely reads.",
    ),
]

ENABLEMENT_AUDIT = [
    (
        "Weekly product update email",
        "content",
        "Product marketing",
        "All sellers",
        "email",
        "weekly",
        True,
        False,
        "12",
        "Long, rarely read; no link to the pitch.",
    ),
    (
        "Competitive battlecards",
        "content",
        "Product marketing",
        "Account executives",
        "shared_drive",
        "quarterly",
        True,
        False,
        "16",
        "Out of date after two months.",
    ),
    (
        "Custom ROI spreadsheets",
        "content",
        "Sellers",
        "Prospects",
        "email",
        "as_needed",
        False,
        True,
        "40",
        "Every rep builds their own; numbers disagree.",
    ),
    (
        "Deal-specific slide decks",
        "content",
        "Sellers",
        "Account executives",
        "shared_drive",
        "as_needed",
        False,
        True,
        "55",
        "Old logos and pricing in circulation.",
    ),
    (
        "Customer case studies",
        "content",
        "Marketing",
        "Account executives",
        "intranet",
        "quarterly",
        True,
        False,
        "20",
        "Hard to find by industry.",
    ),
    (
        "Email templates for outreach",
        "content",
        "Sellers",
        "SDRs",
        "chat",
        "as_needed",
        False,
        True,
        "10",
        "Shared in chat, lost a week later.",
    ),
    (
        "New-hire sales onboarding",
        "training",
        "HR and L&D",
        "Sales managers",
        "lms",
        "monthly",
        True,
        False,
        "24",
        "Generic; little on our sales process.",
    ),
    (
        "Pipeline report requests",
        "tools",
        "Sales operations",
        "Sales managers",
        "email",
        "weekly",
        False,
        False,
        "30",
        "Same report rebuilt for each manager.",
    ),
    (
        "Deal coaching calls",
        "coaching",
        "Sales managers",
        "Account executives",
        "meeting",
        "weekly",
        False,
        False,
        "36",
        "Depends on the manager; no common method.",
    ),
    (
        "Release briefings",
        "communication",
        "Product",
        "Solutions engineers",
        "meeting",
        "monthly",
        True,
        False,
        "8",
        "Only SEs attend; AEs miss them.",
    ),
]

ROLES = ["Account executive"] * 5 + ["SDR"] * 3 + ["Sales manager", "Solutions engineer"]
REGIONS = ["North America", "North America", "EMEA", "EMEA", "APAC"]
CHANNELS = ["Shared drive", "Ask a colleague", "CRM", "Intranet", "Chat"]
COMMENTS = [
    "A single place for current decks would save me hours.",
    "More role-plays for discovery calls, please.",
    "Pricing changes reach us too late.",
    "Onboarding was mostly HR topics, little on how we sell.",
    "Give managers time to coach.",
]


def seed(charter, users) -> None:
    InterviewGuide.for_workspace(charter.workspace)
    interviews = _interviews(charter, users)
    _champions(charter)
    activities = _enablement_audit(charter)
    questions = _survey(charter, users)
    benchmarks = _benchmarks(charter)
    _insights(charter, users, interviews, activities, questions, benchmarks)


def _interviews(charter, users) -> list[Interview]:
    start = charter.period_start - timedelta(days=75)
    return [
        Interview.objects.create(
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
        for n, (name, title, function, stakeholder_type, quotes, notes) in enumerate(INTERVIEWS)
    ]


def _champions(charter) -> None:
    for name, title, function, influence, stance, notes in [
        (
            "Dana Whitfield",
            "CRO",
            Function.EXECUTIVE,
            "high",
            "advocate",
            "Sponsors the charter at the board.",
        ),
        (
            "Tom Okafor",
            "Regional Sales Manager, EMEA",
            Function.SALES,
            "medium",
            "advocate",
            "Pilot team for call coaching.",
        ),
        (
            "Marcus Chen",
            "VP Marketing",
            Function.MARKETING,
            "high",
            "neutral",
            "Supports a launch calendar; wary of losing content ownership.",
        ),
    ]:
        Champion.objects.create(
            charter=charter,
            name=name,
            job_title=title,
            function=function,
            influence=influence,
            stance=stance,
            notes=notes,
        )


def _enablement_audit(charter) -> list[AuditActivity]:
    return [
        AuditActivity.objects.create(
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
        for activity, kind, team, requester, channel, frequency, formal, by_sellers, hours, pains in ENABLEMENT_AUDIT
    ]


def _survey(charter, users) -> list[SurveyQuestion]:
    survey = Survey.objects.create(
        charter=charter,
        title="Sales-force enablement survey",
        description="Sent to all 140 quota-carrying sellers, SDRs and managers; 2 weeks, anonymous.",
        opened_on=charter.period_start - timedelta(days=60),
        closed_on=charter.period_start - timedelta(days=46),
    )
    specs = [
        (
            "I can find the content I need for a customer in under five minutes.",
            "Content findability",
            "scale",
            "",
        ),
        ("My onboarding prepared me to sell our products.", "Onboarding", "scale", ""),
        ("My manager coaches me on skills at least twice a month.", "Coaching", "scale", ""),
        ("I hear about product changes before customers do.", "Product news", "scale", ""),
        (
            "Where do you look first for sales content?",
            "First place to look",
            "choice",
            "\n".join(CHANNELS),
        ),
        ("What one thing would help you sell more?", "Biggest wish", "text", ""),
    ]
    questions = [
        SurveyQuestion.objects.create(
            survey=survey, text=text, short_label=label, kind=kind, options=options, position=n + 1
        )
        for n, (text, label, kind, options) in enumerate(specs)
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
    rng = random.Random(2027)  # the same demo every time
    SurveyResponse.objects.bulk_create(
        _response(survey, survey_import, questions, n, rng) for n in range(40)
    )
    return questions


def _response(survey, survey_import, questions, n, rng) -> SurveyResponse:
    leaning = [2, 3, 2, 2]  # content, onboarding, coaching and product news all score low
    answers = {
        str(q.pk): max(1, min(5, round(rng.gauss(leaning[i] + 0.4, 1.0))))
        for i, q in enumerate(questions[:4])
    }
    answers[str(questions[4].pk)] = rng.choices(CHANNELS, weights=[5, 4, 2, 1, 2])[0]
    if n % 3 == 0:
        answers[str(questions[5].pk)] = COMMENTS[n % len(COMMENTS)]
    return SurveyResponse(
        survey=survey,
        role=ROLES[n % len(ROLES)],
        region=REGIONS[n % len(REGIONS)],
        submitted_on=survey.opened_on + timedelta(days=n % 14),
        answers=answers,
        source=SurveyResponse.Source.IMPORT,
        survey_import=survey_import,
        fingerprint=f"demo-{n}",
    )


def _benchmarks(charter) -> list[Benchmark]:
    return [
        Benchmark.objects.create(
            charter=charter,
            company=company,
            kind=kind,
            practice=practice,
            source=source,
            relevance=relevance,
        )
        for company, kind, practice, source, relevance in [
            (
                "Fabrikam",
                "peer",
                "One content hub with usage analytics; stale assets retire after 90 days.",
                "Enablement summit talk, 2026",
                "high",
            ),
            (
                "Contoso",
                "competitor",
                "90-day onboarding with certification before first customer call; ramp fell from 7 to 4 months.",
                "Former Contoso manager, interview",
                "high",
            ),
            (
                "Tailspin Toys",
                "peer",
                "Managers spend 20% of their week coaching, tracked in the CRM.",
                "Industry analyst report",
                "medium",
            ),
            (
                "Wingtip",
                "competitor",
                "Product launches run through a joint marketing–enablement calendar.",
                "Public webinar",
                "medium",
            ),
        ]
    ]


def _insights(charter, users, interviews, activities, questions, benchmarks) -> None:
    by_name = {i.interviewee: i for i in interviews}
    by_activity = {a.activity: a for a in activities}
    specs = [
        (
            "Sellers spend more time making content than marketing does: 105 hours a month.",
            "current-state",
            [by_name["Marcus Chen"], by_name["Tom Okafor"]],
            [by_activity["Custom ROI spreadsheets"], by_activity["Deal-specific slide decks"]],
            [questions[0], questions[4]],
            [benchmarks[0]],
            True,
        ),
        (
            "Onboarding does not teach how we sell, and ramp takes 6.5 months.",
            "current-state",
            [by_name["Dana Whitfield"], by_name["Helen Brandt"]],
            [by_activity["New-hire sales onboarding"]],
            [questions[1]],
            [benchmarks[1]],
            True,
        ),
        (
            "Managers coach deals, not skills; there is no common coaching method.",
            "future-success",
            [by_name["Tom Okafor"]],
            [by_activity["Deal coaching calls"]],
            [questions[2]],
            [benchmarks[2]],
            False,
        ),
        (
            "Product news reaches customers before sellers.",
            "scope",
            [by_name["Raj Patel"]],
            [by_activity["Release briefings"], by_activity["Weekly product update email"]],
            [questions[3]],
            [benchmarks[3]],
            False,
        ),
        (
            "Marketing and enablement need one launch calendar.",
            "collaboration",
            [by_name["Marcus Chen"]],
            [],
            [],
            [benchmarks[3]],
            False,
        ),
    ]
    for statement, section_key, interviews_, activities_, questions_, benchmarks_, pulled in specs:
        insight = Insight.objects.create(
            charter=charter,
            statement=statement,
            section_key=section_key,
            pulled_at=timezone.now() if pulled else None,
            pulled_by=users["editor"] if pulled else None,
        )
        insight.interviews.set(interviews_)
        insight.audit_activities.set(activities_)
        insight.survey_questions.set(questions_)
        insight.benchmarks.set(benchmarks_)
