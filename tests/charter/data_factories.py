"""A charter written in Chinese, with a row in every part that travels in its JSON document."""

from datetime import date
from decimal import Decimal

from django.apps import apps

from charter.models import (
    Audience,
    CurrentState,
    ExecutionKpi,
    FundingSource,
    FutureSuccess,
    MaturityDimension,
    MaturityModel,
    MaturityScore,
    MeetingCadence,
    Metric,
    MetricActual,
    Objective,
    PartnerTeam,
    RaciAssignment,
    Scope,
    Service,
)
from research.models import Insight, Interview, Survey, SurveyQuestion, SurveyResponse
from roadmap.models import Milestone, Phase
from tests.factories import CharterFactory

TRAVELLING_APPS = ("charter", "research", "roadmap", "governance")


def row_counts() -> dict[str, int]:
    """How many rows every model of the apps holds, to prove an import changed nothing."""
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label in TRAVELLING_APPS
    }


def chinese_charter(workspace, owner):
    charter = CharterFactory(
        workspace=workspace,
        title="销售赋能章程 2027 财年",
        language="zh-hans",
        period_start=date(2026, 7, 1),
        period_end=date(2027, 6, 30),
    )
    CurrentState.objects.create(
        charter=charter,
        business_strategy="**收入**：ARR 从 2.4 亿美元增长到 3.1 亿美元。",
        target_segments="- 中型企业\n- 金融服务",
    )
    ExecutionKpi.objects.create(
        charter=charter, name="赢单率", value=Decimal("21.50"), unit="%", period="2026 财年"
    )
    model = MaturityModel.for_workspace(workspace)
    channel = MaturityDimension.objects.create(
        model=model, name="渠道赋能", description="合作伙伴的销售能力", position=99
    )
    MaturityScore.objects.create(
        charter=charter, dimension=channel, level=model.levels.get(rank=2), evidence="访谈：渠道"
    )
    FutureSuccess.objects.create(charter=charter, vision="每位销售都准备好每一次客户对话。")
    win_rate = Metric.objects.create(
        charter=charter,
        name="赢单率",
        kind=Metric.Kind.LAGGING,
        unit="%",
        baseline=Decimal("21"),
        target=Decimal("26"),
        owner=owner,
        data_source="Salesforce 报表",
    )
    certified = Metric.objects.create(
        charter=charter,
        name="认证完成率",
        kind=Metric.Kind.LEADING,
        cadence=Metric.Cadence.MONTHLY,
        unit="%",
        baseline=Decimal("0"),
        target=Decimal("90"),
        position=1,
    )
    win_rate.drivers.set([certified])
    MetricActual.objects.create(
        metric=win_rate, period_start=date(2026, 7, 1), value=Decimal("22.80"), note="季度末"
    )
    MetricActual.objects.create(
        metric=certified, period_start=date(2026, 8, 1), value=Decimal("35")
    )
    objective = Objective.objects.create(
        charter=charter, title="将新人上手时间缩短到四个月", owner=owner, due_date=date(2027, 3, 31)
    )
    objective.metrics.set([win_rate, certified])
    coaching = Service.objects.create(workspace=workspace, name="辅导计划", position=50)
    scope = Scope.objects.create(charter=charter, budget_owner="销售赋能副总裁")
    scope.services.set([coaching])
    Audience.objects.create(charter=charter, role="客户经理", segment="华东", headcount=40)
    FundingSource.objects.create(
        charter=charter, team="销售部", amount=Decimal("120000"), currency="CNY"
    )
    team = PartnerTeam.objects.create(charter=charter, name="产品市场部")
    RaciAssignment.objects.create(charter=charter, service=coaching, team=team, letter="A")
    MeetingCadence.objects.create(charter=charter, name="月度同步", frequency="每月")
    phase = Phase.objects.create(
        charter=charter, target_level=model.levels.get(rank=3), name="打基础"
    )
    first = Milestone.objects.create(
        charter=charter,
        phase=phase,
        title="入职路径",
        owner=owner,
        start=date(2026, 7, 1),
        end=date(2026, 9, 30),
    )
    second = Milestone.objects.create(
        charter=charter,
        title="认证上线",
        start=date(2026, 10, 1),
        end=date(2026, 12, 31),
        budget_amount=Decimal("5000.50"),
        budget_currency="CNY",
    )
    second.depends_on.set([first])
    second.metrics.set([certified])
    second.objectives.set([objective])
    interview = Interview.objects.create(
        charter=charter,
        interviewee="王芳",
        function="executive",
        stakeholder_type="executive",
        held_on=date(2026, 5, 4),
        key_quotes="新人需要六个月才能成单。",
    )
    survey = Survey.objects.create(charter=charter, title="销售团队调查")
    question = SurveyQuestion.objects.create(survey=survey, text="内容好找吗？", kind="scale")
    SurveyResponse.objects.create(survey=survey, role="客户经理", answers={str(question.pk): 2})
    insight = Insight.objects.create(
        charter=charter, statement="销售自己做内容的时间比市场部还多。", section_key="current-state"
    )
    insight.interviews.set([interview])
    insight.survey_questions.set([question])
    return charter
