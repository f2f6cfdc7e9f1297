"""Mounted at /w/<workspace>/research/. Research pages of a charter start with c/<charter_pk>/."""

from django.urls import path

from . import records, views
from .benchmarks import views as benchmarks
from .benchmarks.views import BENCHMARKS
from .champions import views as champions
from .champions.views import CHAMPIONS
from .enablement_audit import views as enablement_audit
from .enablement_audit.views import AUDIT_ACTIVITIES
from .insights import views as insights
from .insights.views import INSIGHTS
from .interviews import views as interviews
from .interviews.views import INTERVIEWS
from .records import RecordKind
from .surveys import views as surveys
from .surveys import views_import as survey_imports
from .surveys.views import SURVEYS

app_name = "research"


def record_urls(kind: RecordKind, plural: str, *, create: str, edit: str, delete: str) -> list:
    """New, edit and delete for one kind of record (see ``records``)."""
    pk = f"<int:{kind.model._meta.model_name}_pk>"
    return [
        path(
            f"c/<int:charter_pk>/{plural}/new/", records.record_create, {"kind": kind}, name=create
        ),
        path(f"{plural}/{pk}/edit/", records.record_edit, {"kind": kind}, name=edit),
        path(f"{plural}/{pk}/delete/", records.record_delete, {"kind": kind}, name=delete),
    ]


urlpatterns = [
    path("", views.home, name="home"),
    path("c/<int:charter_pk>/", views.overview, name="overview"),
    # Interviews and their question guides
    path("c/<int:charter_pk>/interviews/", interviews.interview_list, name="interviews"),
    path("interviews/<int:interview_pk>/", interviews.interview_detail, name="interview"),
    *record_urls(
        INTERVIEWS,
        "interviews",
        create="interview-create",
        edit="interview-edit",
        delete="interview-delete",
    ),
    path("guides/", interviews.guide_list, name="guides"),
    path("guides/<int:interviewguide_pk>/", interviews.guide_detail, name="guide"),
    path("guides/<int:interviewguide_pk>/edit/", interviews.guide_edit, name="guide-edit"),
    path(
        "guides/<int:interviewguide_pk>/questions/new/",
        interviews.guide_question_create,
        name="guide-question-create",
    ),
    path(
        "guide-questions/<int:guidequestion_pk>/edit/",
        interviews.guide_question_edit,
        name="guide-question-edit",
    ),
    path(
        "guide-questions/<int:guidequestion_pk>/delete/",
        interviews.guide_question_delete,
        name="guide-question-delete",
    ),
    # Champions, the audit, benchmarks
    path("c/<int:charter_pk>/champions/", champions.champion_list, name="champions"),
    *record_urls(
        CHAMPIONS,
        "champions",
        create="champion-create",
        edit="champion-edit",
        delete="champion-delete",
    ),
    path("c/<int:charter_pk>/audit/", enablement_audit.enablement_audit, name="audit"),
    *record_urls(
        AUDIT_ACTIVITIES,
        "audit",
        create="audit-create",
        edit="audit-edit",
        delete="audit-delete",
    ),
    path("c/<int:charter_pk>/benchmarks/", benchmarks.benchmark_list, name="benchmarks"),
    *record_urls(
        BENCHMARKS,
        "benchmarks",
        create="benchmark-create",
        edit="benchmark-edit",
        delete="benchmark-delete",
    ),
    # The survey
    path("c/<int:charter_pk>/surveys/", surveys.survey_list, name="surveys"),
    *record_urls(
        SURVEYS,
        "surveys",
        create="survey-create",
        edit="survey-edit",
        delete="survey-delete",
    ),
    path("surveys/<int:survey_pk>/", surveys.survey_detail, name="survey"),
    path("surveys/<int:survey_pk>/results/", surveys.results, name="results"),
    path("surveys/<int:survey_pk>/questions/new/", surveys.question_create, name="question-create"),
    path("questions/<int:surveyquestion_pk>/edit/", surveys.question_edit, name="question-edit"),
    path(
        "questions/<int:surveyquestion_pk>/delete/",
        surveys.question_delete,
        name="question-delete",
    ),
    path("surveys/<int:survey_pk>/responses/", surveys.response_list, name="responses"),
    path("surveys/<int:survey_pk>/responses/new/", surveys.response_create, name="response-create"),
    path(
        "responses/<int:surveyresponse_pk>/delete/",
        surveys.response_delete,
        name="response-delete",
    ),
    path("surveys/<int:survey_pk>/import/", survey_imports.import_upload, name="import-upload"),
    path("imports/<int:surveyimport_pk>/", survey_imports.import_detail, name="import"),
    path(
        "imports/<int:surveyimport_pk>/confirm/",
        survey_imports.import_confirm,
        name="import-confirm",
    ),
    path(
        "imports/<int:surveyimport_pk>/cancel/", survey_imports.import_cancel, name="import-cancel"
    ),
    # Insights
    path("c/<int:charter_pk>/insights/", insights.insight_list, name="insights"),
    *record_urls(
        INSIGHTS,
        "insights",
        create="insight-create",
        edit="insight-edit",
        delete="insight-delete",
    ),
    path("insights/<int:insight_pk>/pull/", insights.insight_pull, name="insight-pull"),
    path("insights/<int:insight_pk>/unpull/", insights.insight_unpull, name="insight-unpull"),
]
